//! The C side of the contract: what `redline_plugin_entry_v1` points at.
//!
//! Every call returns a [`Status`]. On [`Status::OK`] the output buffer
//! holds the call's JSON document; on [`Status::ERROR`] and
//! [`Status::PANIC`] it holds a UTF-8 message. Whatever the status, a
//! non-empty buffer is handed back through `free_buffer`.

use std::ffi::c_void;

/// Borrowed UTF-8 text passed into the plugin; valid for the call only.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct RStr {
    pub ptr: *const u8,
    pub len: usize,
}

impl RStr {
    pub fn new(text: &str) -> Self {
        Self {
            ptr: text.as_ptr(),
            len: text.len(),
        }
    }
}

/// Bytes allocated by the plugin and owned by the host until it passes
/// them back to `free_buffer`.
#[repr(C)]
#[derive(Debug)]
pub struct RBuffer {
    pub ptr: *mut u8,
    pub len: usize,
    pub capacity: usize,
}

impl RBuffer {
    pub const EMPTY: RBuffer = RBuffer {
        ptr: std::ptr::null_mut(),
        len: 0,
        capacity: 0,
    };
}

/// The outcome of a call. A plain integer, not a Rust enum: a value the
/// host does not know must be representable.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status(pub u32);

impl Status {
    pub const OK: Status = Status(0);
    /// The plugin refused: bad options, say. The buffer holds why.
    pub const ERROR: Status = Status(1);
    /// The plugin panicked and caught it. The buffer holds the message.
    pub const PANIC: Status = Status(2);
}

/// `metadata(out)`: writes the [`wire::PluginMetadata`](crate::wire::PluginMetadata) JSON.
pub type MetadataFn = unsafe extern "C" fn(out: *mut RBuffer) -> Status;

/// `create(request, instance, out)`: builds one rule from a
/// [`wire::CreateRequest`](crate::wire::CreateRequest); on success stores an
/// opaque instance pointer, else writes the message to `out`.
pub type CreateFn =
    unsafe extern "C" fn(request: RStr, instance: *mut *mut c_void, out: *mut RBuffer) -> Status;

/// `check(instance, path, text, out)`: writes a JSON array of
/// [`wire::Finding`](crate::wire::Finding)s, spans as byte offsets into
/// `text`. Called from several threads at once on the same instance.
pub type CheckFn = unsafe extern "C" fn(
    instance: *const c_void,
    path: RStr,
    text: RStr,
    out: *mut RBuffer,
) -> Status;

/// `destroy(instance)`: drops an instance made by `create`.
pub type DestroyFn = unsafe extern "C" fn(instance: *mut c_void);

/// `free_buffer(buffer)`: frees a buffer the plugin allocated.
pub type FreeBufferFn = unsafe extern "C" fn(buffer: RBuffer);

/// The version 1 function table. The host checks `abi_version` and that
/// `struct_size` covers every field it reads; later versions may only
/// append fields. A `None` function is a broken plugin.
#[repr(C)]
#[derive(Debug)]
pub struct PluginV1 {
    pub abi_version: u32,
    pub struct_size: u32,
    pub metadata: Option<MetadataFn>,
    pub create: Option<CreateFn>,
    pub check: Option<CheckFn>,
    pub destroy: Option<DestroyFn>,
    pub free_buffer: Option<FreeBufferFn>,
}

impl PluginV1 {
    /// `struct_size` for this version of the table.
    pub const SIZE: u32 = std::mem::size_of::<PluginV1>() as u32;
}
