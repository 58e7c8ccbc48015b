//! What people type, read and searched as the page and `explain` read it: `Query::parse`,
//! then the search by words with its nearest words, and the folding. None may panic; every
//! row found must hold every word searched for, each folded, in the row or its code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oqs_messages::fold::folded;
use oqs_messages::search::{Field, Search};
use oqs_messages::unseen::{escaped, unseen};
use oqs_messages::Query;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Query::parse(text);
    // Folding is idempotent, and leaves nothing no one can see.
    let once: String = folded(text).collect();
    let twice: String = folded(&once).collect();
    assert_eq!(once, twice);
    assert!(once.chars().all(|c| unseen(c).is_none()));
    assert!(escaped(text).to_string().chars().all(|c| unseen(c).is_none()));
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
