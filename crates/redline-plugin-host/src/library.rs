//! One loaded plugin library and the calls into it. All of the host's
//! `unsafe` is here; the rest of the crate sees safe functions.

use crate::validate;
use libloading::Library;
use redline_plugin_api::abi::{
    CheckFn, CreateFn, DestroyFn, FreeBufferFn, MetadataFn, PluginV1, RBuffer, RStr, Status,
};
use redline_plugin_api::wire::{CreateRequest, PluginMetadata};
use redline_plugin_api::{ABI_VERSION, ABI_VERSION_SYMBOL, ENTRY_V1_SYMBOL};
use std::ffi::c_void;
use std::path::Path;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};

/// The table's functions, all present (checked at load).
struct Functions {
    create: CreateFn,
    check: CheckFn,
    destroy: DestroyFn,
    free_buffer: FreeBufferFn,
}

/// A plugin library, loaded for the rest of the process.
pub struct LoadedPlugin {
    pub metadata: PluginMetadata,
    functions: Functions,
    /// Set when a call panicked: the plugin's state is suspect, so it is
    /// not called again this run.
    disabled: AtomicBool,
}

/// What a call returned: its status and its buffer's bytes.
pub struct Reply {
    pub status: Status,
    pub bytes: Vec<u8>,
}

impl Reply {
    /// The buffer as text, for messages.
    pub fn message(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// An instance made by the plugin's `create`. The ABI requires instances
/// to be usable from several threads at once (the SDK demands
/// `Send + Sync` of rule types), which is what makes these impls sound.
pub struct Instance(NonNull<c_void>);

// SAFETY: see the type's documentation.
unsafe impl Send for Instance {}
// SAFETY: see the type's documentation.
unsafe impl Sync for Instance {}

impl Functions {
    /// Makes a call that fills an out buffer, and takes the bytes back,
    /// freeing the buffer on the plugin's side.
    fn call(&self, call: impl FnOnce(*mut RBuffer) -> Status) -> Reply {
        let mut buffer = RBuffer::EMPTY;
        let status = call(&mut buffer);
        let bytes = if buffer.ptr.is_null() || buffer.len == 0 {
            Vec::new()
        } else {
            // SAFETY: the plugin wrote `len` initialised bytes at `ptr`.
            unsafe { std::slice::from_raw_parts(buffer.ptr, buffer.len) }.to_vec()
        };
        if !buffer.ptr.is_null() {
            // SAFETY: the buffer came from this plugin and is freed once.
            unsafe { (self.free_buffer)(buffer) };
        }
        Reply { status, bytes }
    }
}

impl LoadedPlugin {
    /// Loads the library at `path` and checks that it is a plugin this
    /// host can talk to: ABI version, table size, every function, and
    /// metadata that parses and makes sense.
    pub fn load(path: &Path) -> Result<LoadedPlugin, String> {
        // SAFETY: loading runs the library's initialisers. That is the
        // trust a user grants by listing a plugin (see the crate docs).
        let library = unsafe { Library::new(path) }
            .map_err(|error| format!("cannot load plugin library: {error}"))?;
        // Never unloaded: instances, buffers and function pointers from it
        // are used until the process ends.
        let library: &'static Library = Box::leak(Box::new(library));

        // SAFETY: the symbol is declared with this signature by the ABI.
        let abi_version =
            unsafe { library.get::<unsafe extern "C" fn() -> u32>(ABI_VERSION_SYMBOL.as_bytes()) }
                .map_err(|_| {
                    format!(
                        "not a Redline plugin: the library does not export `{ABI_VERSION_SYMBOL}`"
                    )
                })?;
        // SAFETY: as above; the function takes nothing and returns an integer.
        let version = unsafe { abi_version() };
        if version != ABI_VERSION {
            return Err(format!(
                "it was built for plugin ABI version {version}, but this Redline speaks version \
                 {ABI_VERSION}; rebuild it against a matching redline-plugin-api"
            ));
        }
        // SAFETY: the symbol is declared with this signature by the ABI.
        let entry = unsafe {
            library.get::<unsafe extern "C" fn() -> *const PluginV1>(ENTRY_V1_SYMBOL.as_bytes())
        }
        .map_err(|_| format!("the library exports no `{ENTRY_V1_SYMBOL}`"))?;
        // SAFETY: as above.
        let table = unsafe { entry() };
        if table.is_null() {
            return Err(format!(
                "`{ENTRY_V1_SYMBOL}` returned a null function table"
            ));
        }
        // Read the two leading integers before trusting the rest: a table
        // smaller than ours must not be read past its end.
        // SAFETY: every version of the table starts with these two u32s.
        let (table_version, size) = unsafe {
            let header = table.cast::<u32>();
            (header.read(), header.add(1).read())
        };
        if table_version != ABI_VERSION {
            return Err(format!(
                "the function table says ABI version {table_version}, the library said {ABI_VERSION}"
            ));
        }
        if size < PluginV1::SIZE {
            return Err(format!(
                "the function table is {size} bytes; version {ABI_VERSION} needs {}",
                PluginV1::SIZE
            ));
        }
        // SAFETY: non-null, and at least as large as `PluginV1`; the
        // library outlives the process's use of it.
        let table: &'static PluginV1 = unsafe { &*table };
        let missing = |name: &str| format!("the function table has no `{name}` function");
        let metadata_fn: MetadataFn = table.metadata.ok_or_else(|| missing("metadata"))?;
        let functions = Functions {
            create: table.create.ok_or_else(|| missing("create"))?,
            check: table.check.ok_or_else(|| missing("check"))?,
            destroy: table.destroy.ok_or_else(|| missing("destroy"))?,
            free_buffer: table.free_buffer.ok_or_else(|| missing("free_buffer"))?,
        };
        // SAFETY: the ABI's signature; the out slot is ours.
        let reply = functions.call(|out| unsafe { metadata_fn(out) });
        if reply.status != Status::OK {
            return Err(format!(
                "the plugin's metadata call failed: {}",
                reply.message()
            ));
        }
        let metadata: PluginMetadata = serde_json::from_slice(&reply.bytes)
            .map_err(|error| format!("the plugin's metadata is not valid JSON: {error}"))?;
        validate::metadata(&metadata)?;
        Ok(LoadedPlugin {
            metadata,
            functions,
            disabled: AtomicBool::new(false),
        })
    }

    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    pub fn is_disabled(&self) -> bool {
        self.disabled.load(Ordering::Relaxed)
    }

    pub fn disable(&self) {
        self.disabled.store(true, Ordering::Relaxed);
    }

    /// Builds one rule with the user's options.
    pub fn create(&self, request: &CreateRequest) -> Result<Instance, Reply> {
        let request = serde_json::to_string(request).expect("a request always serializes");
        let mut instance: *mut c_void = std::ptr::null_mut();
        // SAFETY: the ABI's signature; the request lives across the call
        // and both out slots are ours.
        let reply = self.functions.call(|out| unsafe {
            (self.functions.create)(RStr::new(&request), &mut instance, out)
        });
        match NonNull::new(instance) {
            Some(instance) if reply.status == Status::OK => Ok(Instance(instance)),
            Some(instance) => {
                // SAFETY: a non-null instance came from `create`.
                unsafe { (self.functions.destroy)(instance.as_ptr()) };
                Err(reply)
            }
            None if reply.status == Status::OK => Err(Reply {
                status: Status::ERROR,
                bytes: b"`create` succeeded but returned no instance".to_vec(),
            }),
            None => Err(reply),
        }
    }

    /// Runs one rule instance over a document.
    pub fn check(&self, instance: &Instance, path: &str, text: &str) -> Reply {
        // SAFETY: the ABI's signature; the instance is live (destroyed only
        // on drop) and `path` and `text` outlive the call.
        self.functions.call(|out| unsafe {
            (self.functions.check)(instance.0.as_ptr(), RStr::new(path), RStr::new(text), out)
        })
    }

    pub fn destroy(&self, instance: &mut Instance) {
        // SAFETY: called once, from the instance's owner's `Drop`.
        unsafe { (self.functions.destroy)(instance.0.as_ptr()) };
    }
}
