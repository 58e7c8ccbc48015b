//! What people type, read as the page and `explain` read it: `Query::parse`, the codes and IDs
//! read by `FromStr`, and the folding.
//! None may panic; folding is idempotent and leaves nothing no one can see. The search over
//! the table is its own target (`search`): it costs a thousand times more a run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oqs_messages::fold::folded;
use oqs_messages::unseen::{escaped, unseen};
use oqs_messages::{Code, MessageId, Query};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Query::parse(text);
    // A code or ID read from any text reads back from what `Display` writes; an error
    // keeps the text's start and says something.
    match text.parse::<Code>() {
        Ok(code) => assert_eq!(code.to_string().parse::<Code>(), Ok(code)),
        Err(error) => assert!(text.starts_with(error.input()) && !error.to_string().is_empty()),
    }
    match text.parse::<MessageId>() {
        Ok(id) => assert_eq!(id.to_string().parse::<MessageId>(), Ok(id)),
        Err(error) => assert!(text.starts_with(error.input()) && !error.to_string().is_empty()),
    }
    let once: String = folded(text).collect();
    let twice: String = folded(&once).collect();
    assert_eq!(once, twice);
    assert!(once.chars().all(|c| unseen(c).is_none()));
    assert!(escaped(text).to_string().chars().all(|c| unseen(c).is_none()));
});
