//! The start of a message ID, as the page answers it at each keystroke: every start of
//! every ID the table lists (`0x`, `0x0`, … `0x0400001`; `0400`, … without `0x`) is answered
//! with exactly the rows that list an ID it could become, never with nothing found.

use oqs_answer::{CallersWords, Engine, IdPrefix, ListedId, Read, TableData};

fn engine() -> Engine {
    let table = include_str!("../../generated/table.json");
    Engine::new(
        TableData::from_json(table).unwrap(),
        &CallersWords::default(),
    )
}

#[test]
fn every_start_of_every_id_answers_with_the_ids_it_could_become() {
    let engine = engine();
    let rows: Vec<_> = engine.rows().collect();
    let mut asked = 0;
    for id in engine.data().table.listed_ids() {
        let ListedId::Exact(value) = id else {
            continue;
        };
        let hex = format!("{:08X}", value.0);
        for digits in 0..8 {
            let mut texts = vec![format!("0x{}", &hex[..digits])];
            // Digits alone are a code (one to three) or a row's label first; only where
            // nothing else answers are they the start of an ID.
            if digits > 0 && hex.starts_with(|c: char| c.is_ascii_digit()) {
                texts.push(hex[..digits].to_owned());
            }
            for text in texts {
                asked += 1;
                let answer = engine.answer(&text);
                assert!(answer.failure.is_none(), "{text}: {:?}", answer.failure);
                assert!(!answer.matches.is_empty(), "{text}");
                let Some(Read::IdPrefix(prefix)) = &answer.read else {
                    continue; // a code, or words found, answered first
                };
                let expected: Vec<String> = rows
                    .iter()
                    .filter(|s| s.row.message_ids.iter().any(|id| prefix.admits(id)))
                    .map(|s| s.reference())
                    .collect();
                let got: Vec<String> = answer.matches.iter().map(|m| m.shown.reference()).collect();
                assert_eq!(got, expected, "{text}");
                assert!(prefix.admits(&id), "{text} {id}");
            }
        }
    }
    assert!(asked > 100);
    // A start no ID has is said to be so; digits alone that start none are left to the
    // rest of the engine.
    let none = engine.answer("0x9");
    assert_eq!(none.failure.map(|f| f.kind()), Some("not_found"));
    assert_eq!(IdPrefix::read("0x9").unwrap().shown(), "0x9");
}
