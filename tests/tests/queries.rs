//! The library reads every case of `tests/queries.json` as the case says, as `explain` and
//! the offline page must (they are tested on the same cases).

use oqs_messages::{Query, QueryError};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/queries.json");
    let text = std::fs::read_to_string(path).expect("tests/queries.json");
    let file: Value = serde_json::from_str(&text).expect("valid JSON");
    file["cases"].as_array().expect("cases").clone()
}

fn read_as(query: Query) -> Value {
    let code = |n: u16| Value::String(format!("{n:03}"));
    let id = |v: u32| Value::String(format!("0x{v:08X}"));
    let mut map = serde_json::Map::new();
    match query {
        Query::Code(n) => {
            map.insert("code".into(), code(n));
        }
        Query::Value(v) => {
            map.insert("message_id".into(), id(v));
        }
        Query::Pair(n, v) => {
            map.insert("code".into(), code(n));
            map.insert("message_id".into(), id(v));
        }
        Query::Portal(n) => {
            map.insert("portal_error".into(), code(n));
        }
    }
    Value::Object(map)
}

#[test]
fn every_case_is_read_as_it_says() {
    let cases = cases();
    assert!(cases.len() >= 30);
    for case in cases {
        let query = case["query"].as_str().unwrap();
        let parsed = Query::parse(query);
        match case.get("error").and_then(Value::as_str) {
            Some(error) => {
                let expected = match error {
                    "empty" => QueryError::Empty,
                    "unrecognized" => QueryError::Unrecognized,
                    "several" => QueryError::Several,
                    other => panic!("unknown error {other:?} in the case {query:?}"),
                };
                assert_eq!(parsed, Err(expected), "{query:?}");
            }
            None => {
                let parsed = parsed.unwrap_or_else(|e| panic!("{query:?}: {e}"));
                assert_eq!(read_as(parsed), case["read_as"], "{query:?}");
            }
        }
    }
}
