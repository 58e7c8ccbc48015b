//! What people type, read as the page and `explain` read it: `Query::parse` and the folding.
//! None may panic; folding is idempotent and leaves nothing no one can see. The search over
//! the table is its own target (`search`): it costs a thousand times more a run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oqs_messages::fold::folded;
use oqs_messages::unseen::{escaped, unseen};
use oqs_messages::Query;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Query::parse(text);
    let once: String = folded(text).collect();
    let twice: String = folded(&once).collect();
    assert_eq!(once, twice);
    assert!(once.chars().all(|c| unseen(c).is_none()));
    assert!(escaped(text).to_string().chars().all(|c| unseen(c).is_none()));
});
