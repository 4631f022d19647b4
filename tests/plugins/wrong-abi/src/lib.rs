//! Claims a plugin ABI version no Redline speaks.

#[unsafe(no_mangle)]
pub extern "C" fn redline_plugin_abi_version() -> u32 {
    99
}
