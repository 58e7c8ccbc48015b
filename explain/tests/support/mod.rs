//! Support for the tests of `explain` and of the offline page: the shared query cases and a
//! headless browser.
#![allow(dead_code)]

pub mod browser;
pub mod callers;

use std::path::PathBuf;

use oqs_explain::Answer;
use serde_json::Value;

/// The rows an answer shows, as the page and `explain` show them: a withdrawn entry's last
/// rows first, then the rows that answer.
pub fn shown_rows(answer: &Answer<'_>) -> Vec<String> {
    let withdrawn = answer.withdrawn.iter().flat_map(|w| &w.rows);
    withdrawn
        .chain(answer.matches.iter().map(|m| &m.shown))
        .map(|shown| shown.reference())
        .collect()
}

/// The cases of `tests/queries.json`, shared by the library, `explain` and the page.
pub fn cases() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/queries.json");
    let text = std::fs::read_to_string(path).expect("tests/queries.json");
    let file: Value = serde_json::from_str(&text).expect("valid JSON");
    file["cases"].as_array().expect("cases").clone()
}

/// An ID (`0x` and eight hex digits) that a shared case asks for.
pub fn an_id_a_case_asks_for() -> String {
    cases()
        .iter()
        .filter_map(|case| case["query"].as_str())
        .find(|query| query.len() == 10 && query.starts_with("0x"))
        .expect("a shared case asks for an ID")
        .to_owned()
}

/// The checked-in page.
pub fn page() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/table.html"
    ))
    .canonicalize()
    .expect("generated/table.html")
}

/// Percent-encodes all but the unreserved characters (and `/` in paths).
pub fn encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slash && b == b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `file:///…/table.html`, with `?q=…` for a query and `#…` for a fragment.
pub fn page_url(query: Option<&str>, fragment: Option<&str>) -> String {
    let mut url = format!("file://{}", encode(&page().to_string_lossy(), true));
    if let Some(query) = query {
        url.push_str("?q=");
        url.push_str(&encode(query, false));
    }
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// `015-2`: a row of the typed table, by its code and its number under it.
pub fn row_reference(row: &oqs_messages::Row) -> String {
    let number = row
        .code
        .rows()
        .iter()
        .position(|r| std::ptr::eq(*r, row))
        .map_or(0, |i| i + 1);
    format!("{:03}-{number}", row.code.number())
}
