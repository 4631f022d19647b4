//! Speaks ABI version 1 but exports no function table.

#[unsafe(no_mangle)]
pub extern "C" fn redline_plugin_abi_version() -> u32 {
    1
}
