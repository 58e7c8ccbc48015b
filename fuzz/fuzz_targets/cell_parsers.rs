//! Every cell parser on any text: none may panic, and what they accept must print back
//! to something they accept again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oqs_messages_table::parse;
use oqs_messages_table::{CodeNumber, ListedId};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let normalized = parse::normalize_text(text);
    assert_eq!(parse::normalize_text(&normalized), normalized);

    if let Ok(code) = parse::code_number(text) {
        assert_eq!(code.to_string().parse::<CodeNumber>(), Ok(code));
    }
    if let Ok(id) = parse::message_id(text) {
        assert_eq!(parse::message_id(&id.to_string()), Ok(id));
    }
    if let Ok(specs) = parse::message_ids(text) {
        for spec in &specs {
            if let ListedId::Range { start, end } = spec {
                assert!(start <= end);
            }
        }
        let printed: Vec<String> = specs.iter().map(ToString::to_string).collect();
        if !printed.is_empty() {
            assert_eq!(parse::message_ids(&printed.join("\n")).as_ref(), Ok(&specs));
        }
    }
    if let Ok(category) = parse::category(text) {
        assert!(!category.tags.is_empty());
        assert!(!category.heading.is_empty());
    }
    let _ = parse::citations(text);
    let _ = parse::footnote(text);
    let _ = parse::title_version(text);
    let _ = parse::details(text);
});
