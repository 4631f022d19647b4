//! The plugin side of the ABI: what [`export_plugin!`] calls into. Every
//! entry point catches panics, since one unwinding into the host's
//! `extern "C"` frame would abort it.

use crate::abi::{RBuffer, RStr, Status};
use crate::sdk::{Input, Instance, Plugin};
use crate::wire::{CreateRequest, PluginMetadata};
use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Makes a cdylib a Redline plugin named `name`, offering `rules` (types
/// implementing [`PluginRule`](crate::PluginRule)). The version is the
/// crate's.
///
/// ```text
/// redline_plugin_api::export_plugin!(name: "my-rules", rules: [Signature, BannedPhrases]);
/// ```
#[macro_export]
macro_rules! export_plugin {
    (name: $name:literal, rules: [$($rule:ty),+ $(,)?] $(,)?) => {
        const _: () = {
            static PLUGIN: $crate::Plugin = $crate::Plugin::new(
                $name,
                env!("CARGO_PKG_VERSION"),
                &[$($crate::RuleEntry::of::<$rule>()),+],
            );

            unsafe extern "C" fn metadata(out: *mut $crate::abi::RBuffer) -> $crate::abi::Status {
                // SAFETY: the host passes a writable buffer slot.
                unsafe { $crate::__private::metadata(&PLUGIN, out) }
            }

            unsafe extern "C" fn create(
                request: $crate::abi::RStr,
                instance: *mut *mut ::std::ffi::c_void,
                out: *mut $crate::abi::RBuffer,
            ) -> $crate::abi::Status {
                // SAFETY: the host passes valid text and writable slots.
                unsafe { $crate::__private::create(&PLUGIN, request, instance, out) }
            }

            static TABLE: $crate::abi::PluginV1 = $crate::abi::PluginV1 {
                abi_version: $crate::ABI_VERSION,
                struct_size: $crate::abi::PluginV1::SIZE,
                metadata: Some(metadata),
                create: Some(create),
                check: Some($crate::__private::check),
                destroy: Some($crate::__private::destroy),
                free_buffer: Some($crate::__private::free_buffer),
            };

            #[unsafe(no_mangle)]
            pub extern "C" fn redline_plugin_abi_version() -> u32 {
                $crate::ABI_VERSION
            }

            #[unsafe(no_mangle)]
            pub extern "C" fn redline_plugin_entry_v1() -> *const $crate::abi::PluginV1 {
                &TABLE
            }
        };
    };
}

/// Hands `bytes` to the host through `out`.
///
/// # Safety
/// `out` is null or points at a writable [`RBuffer`].
unsafe fn give(out: *mut RBuffer, bytes: Vec<u8>) {
    if out.is_null() {
        return;
    }
    let mut bytes = std::mem::ManuallyDrop::new(bytes);
    // SAFETY: checked non-null above; the caller promises it is writable.
    unsafe {
        out.write(RBuffer {
            ptr: bytes.as_mut_ptr(),
            len: bytes.len(),
            capacity: bytes.capacity(),
        });
    }
}

/// Runs `body`, turning its error or panic into a status and a message.
///
/// # Safety
/// `out` is null or points at a writable [`RBuffer`].
unsafe fn guarded(out: *mut RBuffer, body: impl FnOnce() -> Result<Vec<u8>, String>) -> Status {
    quiet_panics();
    let (status, bytes) = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(bytes)) => (Status::OK, bytes),
        Ok(Err(message)) => (Status::ERROR, message.into_bytes()),
        Err(payload) => {
            let mut message = panic_message(payload.as_ref());
            if let Some(location) = PANIC_LOCATION.with(|slot| slot.borrow_mut().take()) {
                message.push_str(&format!(" (at {location})"));
            }
            (Status::PANIC, message.into_bytes())
        }
    };
    // SAFETY: forwarded from the caller.
    unsafe { give(out, bytes) };
    status
}

thread_local! {
    /// Where the last panic on this thread happened, for its message.
    static PANIC_LOCATION: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replaces the default panic hook, which would print to the host's
/// standard error in the middle of its report, with one that keeps the
/// location for the message the host shows. A cdylib carries its own copy
/// of the standard library, so the hook is the plugin's alone.
fn quiet_panics() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let location = info.location().map(ToString::to_string);
            PANIC_LOCATION.with(|slot| *slot.borrow_mut() = location);
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic with a non-text payload".to_owned())
}

/// # Safety
/// `text` points at `len` readable bytes for the duration of the call.
unsafe fn text<'a>(text: RStr, what: &str) -> Result<&'a str, String> {
    if text.ptr.is_null() {
        return Ok("");
    }
    // SAFETY: the caller promises `len` readable bytes.
    let bytes = unsafe { std::slice::from_raw_parts(text.ptr, text.len) };
    std::str::from_utf8(bytes).map_err(|error| format!("{what} is not UTF-8: {error}"))
}

/// # Safety
/// `out` is null or points at a writable [`RBuffer`].
pub unsafe fn metadata(plugin: &Plugin, out: *mut RBuffer) -> Status {
    let body = || {
        let metadata = PluginMetadata {
            name: plugin.name.to_owned(),
            version: plugin.version.to_owned(),
            rules: plugin.rules.iter().map(|rule| (rule.metadata)()).collect(),
        };
        serde_json::to_vec(&metadata).map_err(|error| error.to_string())
    };
    // SAFETY: forwarded from the caller.
    unsafe { guarded(out, body) }
}

/// # Safety
/// `request` is readable UTF-8 for the call; `instance` and `out` are null
/// or writable.
pub unsafe fn create(
    plugin: &Plugin,
    request: RStr,
    instance: *mut *mut c_void,
    out: *mut RBuffer,
) -> Status {
    let body = || {
        if instance.is_null() {
            return Err("the instance slot is null".to_owned());
        }
        // SAFETY: forwarded from the caller.
        let request = unsafe { text(request, "the request") }?;
        let request: CreateRequest = serde_json::from_str(request)
            .map_err(|error| format!("invalid create request: {error}"))?;
        let entry = plugin
            .rules
            .iter()
            .find(|entry| entry.id == request.rule)
            .ok_or_else(|| format!("no rule `{}` in plugin `{}`", request.rule, plugin.name))?;
        let rule: Instance = (entry.create)(request.options)?;
        // A thin pointer to the fat `Box<dyn ErasedRule>`.
        let boxed: *mut Instance = Box::into_raw(Box::new(rule));
        // SAFETY: checked non-null; the caller promises it is writable.
        unsafe { instance.write(boxed.cast()) };
        Ok(Vec::new())
    };
    // SAFETY: forwarded from the caller.
    unsafe { guarded(out, body) }
}

/// # Safety
/// `instance` came from [`create`] and was not destroyed; `path` and `text`
/// are readable for the call; `out` is null or writable.
pub unsafe extern "C" fn check(
    instance: *const c_void,
    path: RStr,
    text_in: RStr,
    out: *mut RBuffer,
) -> Status {
    let body = || {
        if instance.is_null() {
            return Err("the instance is null".to_owned());
        }
        // SAFETY: the caller promises a live instance from `create`.
        let rule: &Instance = unsafe { &*instance.cast::<Instance>() };
        // SAFETY: forwarded from the caller.
        let input = Input {
            path: unsafe { text(path, "the path") }?,
            text: unsafe { text(text_in, "the text") }?,
        };
        let mut findings = rule.check(&input);
        for finding in &mut findings {
            finding.rule = rule.id().to_owned();
        }
        serde_json::to_vec(&findings).map_err(|error| error.to_string())
    };
    // SAFETY: forwarded from the caller.
    unsafe { guarded(out, body) }
}

/// # Safety
/// `instance` came from [`create`] and is not used again.
pub unsafe extern "C" fn destroy(instance: *mut c_void) {
    if instance.is_null() {
        return;
    }
    // A panicking destructor must not unwind into the host either.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller hands back ownership of a `create` instance.
        drop(unsafe { Box::from_raw(instance.cast::<Instance>()) });
    }));
}

/// # Safety
/// `buffer` came from this plugin and is freed once.
pub unsafe extern "C" fn free_buffer(buffer: RBuffer) {
    if buffer.ptr.is_null() {
        return;
    }
    // SAFETY: the buffer was made from a `Vec<u8>` by `give`.
    drop(unsafe { Vec::from_raw_parts(buffer.ptr, buffer.len, buffer.capacity) });
}
