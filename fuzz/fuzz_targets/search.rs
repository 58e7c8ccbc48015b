//! The search by words over the whole table, with its nearest words, on what people type.
//! It may not panic; every row found holds a word searched for, folded, in the row or its
//! code, and the rows come best score first.
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
    let mut last = u32::MAX;
    for m in search.matches() {
        found += 1;
        assert!(
            Field::ALL.iter().any(|&f| m.words_in(f).next().is_some()),
            "no word reported in {:?}",
            m.row.kind
        );
        assert!(m.score <= last, "{} after {last}", m.score);
        last = m.score;
    }
    // The nearest words scan every term of the table: for short texts only, so that the
    // run gets through many inputs.
    if found == 0 && text.chars().count() <= 12 {
        let _ = search.nearest_words().count();
    }
});
