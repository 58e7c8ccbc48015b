//! The whole reader on any bytes: it must refuse or accept, never panic.
//!
//! A damaged file can make the spreadsheet library panic; the reader catches that and
//! refuses the file (as `cargo run -p codegen` does). libFuzzer's panic hook would abort
//! on the caught panic too, so panics inside the library are let through to the reader's
//! catch; any other panic still aborts, and is a finding.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let fuzzer = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_library = info
                .location()
                .is_some_and(|l| l.file().contains("/calamine-") || l.file().contains("/cfb-"));
            if !in_library {
                fuzzer(info);
            }
        }));
    });
    let name = std::path::Path::new("fuzz_1.25版.xlsx");
    if let Ok(reading) = codegen::read_workbook_bytes(name, data) {
        assert!(!reading.table.codes.is_empty());
    }
});
