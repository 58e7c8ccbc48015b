//! The search by words over the whole table, with its nearest words, on what people type.
//! It may not panic, and every row found must hold every word searched for, each folded, in
//! the row or its code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oqs_messages::search::{Field, Search};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(search) = Search::new(text) else {
        return;
    };
    let mut found = 0;
    for m in search.matches() {
        found += 1;
        for word in search.words() {
            assert!(
                Field::ALL.iter().any(|&f| m.words_in(f).any(|w| w == *word)),
                "{word:?} not reported in {:?}",
                m.row.kind
            );
        }
    }
    // The nearest words scan every term of the table: for short texts only, so that the
    // run gets through many inputs.
    if found == 0 && text.chars().count() <= 12 {
        let _ = search.nearest_words().iter().count();
    }
});
