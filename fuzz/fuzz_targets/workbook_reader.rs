//! The whole reader on any bytes: it must refuse or accept, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = std::path::Path::new("fuzz_1.25版.xlsx");
    if let Ok(reading) = codegen::read_workbook_bytes(name, data) {
        assert!(!reading.table.codes.is_empty());
    }
});
