//! Every lookup of `oqs-messages` checked against `generated/table.json`, field by field
//! and value by value. Nothing here names a code or an ID of one version: the tests hold for
//! any revision of the table (facts of version 1.25 are tested on the 1.25 workbook, in
//! codegen's tests).

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::Path;

use oqs_messages::{
    rows_for_portal_error, rows_for_received_code, rows_for_value, Code, DetailCode, ListedId,
    MessageId, ParseCodeErrorKind, ParseMessageIdErrorKind, Row, FOOTNOTES, ROWS, VERSION,
};
use oqs_messages_table::{ListedId as TableListedId, MessageIdValue, Table};

fn exported_table() -> Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/table.json");
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_api_holds_exactly_the_exported_table() {
    let table = exported_table();
    assert_eq!(VERSION, table.version.as_str());
    assert_eq!(Code::ALL.len(), table.codes.len());
    assert_eq!(ROWS.len(), table.stats().rows);
    for (code, entry) in Code::ALL.iter().zip(&table.codes) {
        assert_eq!(code.number(), entry.number.get());
        assert_eq!(code.heading(), entry.heading);
        assert_eq!(code.message(), entry.message);
        assert_eq!(code.tags(), entry.tags);
        let notes: Vec<u8> = code.footnotes().iter().map(|n| n.number).collect();
        assert_eq!(notes, entry.footnotes);
        assert_eq!(code.rows().len(), entry.rows.len());
        for (row, expected) in code.rows().iter().zip(&entry.rows) {
            assert_eq!(row.code, *code);
            assert_eq!(row.kind, expected.kind);
            assert_eq!(row.cause, expected.cause);
            assert_eq!(row.remedy, expected.remedy);
            assert_eq!(row.contact, expected.contact);
            let notes: Vec<u8> = row.footnotes.iter().map(|n| n.number).collect();
            assert_eq!(notes, expected.footnotes);
            // The same concept in both crates: the library's IDs, the model's values.
            let listed: Vec<TableListedId> = row
                .message_ids
                .iter()
                .map(|l| match *l {
                    ListedId::Exact(id) => TableListedId::Exact(MessageIdValue(id.value())),
                    ListedId::Range { start, end } => TableListedId::Range {
                        start: MessageIdValue(start),
                        end: MessageIdValue(end),
                    },
                })
                .collect();
            assert_eq!(listed, expected.message_ids);
            assert_eq!(row.details.len(), expected.details.len());
            for (detail, want) in row.details.iter().zip(&expected.details) {
                assert_eq!(detail.text, want.text);
                let code = match want.code {
                    oqs_messages_table::DetailCode::ReceivedCode { code } => {
                        oqs_messages::DetailCode::ReceivedCode(code.value())
                    }
                    oqs_messages_table::DetailCode::PortalError { first, last } => {
                        oqs_messages::DetailCode::PortalError { first, last }
                    }
                };
                assert_eq!(detail.code, code);
            }
        }
    }
    let notes: Vec<(u8, &str, &str)> = FOOTNOTES
        .iter()
        .map(|n| (n.number, n.marker, n.text))
        .collect();
    let expected: Vec<(u8, &str, &str)> = table
        .footnotes
        .iter()
        .map(|n| (n.number, n.marker.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(notes, expected);
}

#[test]
fn codes_by_number_and_in_document_order() {
    let table = exported_table();
    for (i, entry) in table.codes.iter().enumerate() {
        let n = entry.number.get();
        let code = Code::ALL[i];
        assert_eq!(Code::from_number(n), Some(code));
        assert_eq!(code as u16, n);
        assert_eq!(code.index(), i);
        assert!(code.name().chars().next().unwrap().is_ascii_uppercase());
        assert_eq!(Code::try_from(n), Ok(code));
        assert_eq!(u16::from(code), n);
    }
    let taken: Vec<u16> = table.codes.iter().map(|c| c.number.get()).collect();
    for n in (0..1000)
        .chain([1000, u16::MAX])
        .filter(|n| !taken.contains(n))
    {
        assert_eq!(Code::from_number(n), None);
        let error = Code::try_from(n).unwrap_err();
        assert_eq!(error.number(), n);
        assert_eq!(
            error.to_string(),
            format!("コード {n:03} は一覧（{VERSION}版）にありません")
        );
    }
}

#[test]
fn code_texts_read_back() {
    for code in Code::ALL {
        let n = code.number();
        let label = format!("{n:03} {}", code.heading());
        assert_eq!(code.as_str(), format!("{n:03}"));
        assert_eq!(code.to_string(), label);
        assert_eq!(format!("{code:#}"), label);
        assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        assert_eq!(code.to_string().parse::<Code>(), Ok(code));
        assert!(code.message().chars().count() > 0);
        // Width, fill, alignment and precision, as for a `str` (in characters).
        let width = label.chars().count() + 3;
        assert_eq!(format!("{code:>width$}"), format!("{label:>width$}"));
        assert_eq!(format!("{code:*^width$}"), format!("{label:*^width$}"));
        assert_eq!(format!("{code:-<width$}|"), format!("{label}---|"));
        assert_eq!(format!("{code:.3}"), code.as_str());
        assert_eq!(
            format!("{code:2}"),
            label,
            "narrower than the text: unchanged"
        );
    }
}

#[test]
fn a_text_that_is_no_code_says_why() {
    for malformed in [
        "8",
        "abc",
        "",
        "0015",
        "15 ",
        "０１５",
        " 015",
        "015\u{3000}x",
        "01a",
    ] {
        let error = malformed.parse::<Code>().unwrap_err();
        assert_eq!(error.kind(), ParseCodeErrorKind::Malformed, "{malformed:?}");
        assert_eq!(error.input(), malformed);
    }
    assert_eq!(
        "8".parse::<Code>().unwrap_err().to_string(),
        "「8」はコードの形ではありません（3桁の数字、例: 001）"
    );
    let missing = (0..1000).find(|&n| Code::from_number(n).is_none()).unwrap();
    let text = format!("{missing:03}");
    let error = text.parse::<Code>().unwrap_err();
    assert_eq!(error.kind(), ParseCodeErrorKind::Unknown(missing));
    assert_eq!(error.input(), text);
    assert_eq!(
        error.to_string(),
        format!("コード {missing:03} は一覧（{VERSION}版）にありません")
    );
    // A code's number with another heading: the heading it has.
    let code = Code::ALL[0];
    let other = format!("{} 見出しではない", code.as_str());
    let error = other.parse::<Code>().unwrap_err();
    assert_eq!(error.kind(), ParseCodeErrorKind::NotItsHeading(code));
    assert_eq!(
        error.to_string(),
        format!(
            "「{other}」: コード {} の見出しは「{}」です",
            code.as_str(),
            code.heading()
        )
    );
    // The text is kept without allocating: its first 32 bytes, at a character boundary,
    // its unseen characters escaped where it is shown.
    let long = "あ".repeat(20);
    let error = long.parse::<Code>().unwrap_err();
    assert_eq!(error.input(), "あ".repeat(10));
    assert!(error
        .to_string()
        .starts_with(&format!("「{}…」", "あ".repeat(10))));
    let error = "0\u{200B}15".parse::<Code>().unwrap_err();
    assert_eq!(error.input(), "0\u{200B}15");
    assert!(error.to_string().starts_with("「0\\u{200B}15」"), "{error}");
}

/// Every exact ID and every range the table lists.
fn listed() -> (Vec<u32>, Vec<(u32, u32)>) {
    let mut exact = Vec::new();
    let mut ranges = Vec::new();
    for row in &ROWS {
        for id in row.message_ids {
            match *id {
                ListedId::Exact(id) => exact.push(id.value()),
                ListedId::Range { start, end } => ranges.push((start, end)),
            }
        }
    }
    exact.sort_unstable();
    exact.dedup();
    ranges.sort_unstable();
    ranges.dedup();
    (exact, ranges)
}

/// A value that no row lists, exactly or in a range.
fn unlisted() -> u32 {
    (0x1234_5678u32..)
        .find(|&v| rows_for_value(v).next().is_none())
        .unwrap()
}

#[test]
fn message_ids_by_value() {
    let (exact, ranges) = listed();
    assert_eq!(
        MessageId::ALL.len(),
        exact.len() + ranges.len(),
        "one variant per exact ID and per range"
    );
    for &value in &exact {
        let id = MessageId::from_value(value).unwrap();
        assert_eq!(id.value(), value);
        assert_eq!(id.range(), None, "an exact ID before a range that holds it");
        assert_eq!(MessageId::try_from(value), Ok(id));
        assert_eq!(u32::from(id), value);
    }
    for &(start, end) in &ranges {
        for value in [start, start + (end - start) / 2, end] {
            let id = MessageId::from_value(value).unwrap();
            assert_eq!(
                id.value(),
                value,
                "a range variant carries the logged value"
            );
            if !exact.contains(&value) {
                assert_eq!(id.range(), Some((start, end)));
            }
        }
    }
    assert_eq!(MessageId::from_value(unlisted()), None);
}

#[test]
fn message_id_texts_read_back() {
    for id in MessageId::ALL {
        let text = format!("0x{:08X}", id.value());
        assert_eq!(id.to_string(), text);
        assert_eq!(id.to_text().as_str(), text);
        assert_eq!(&*id.to_text(), text);
        assert_eq!(text.parse::<MessageId>(), Ok(id));
        assert_eq!(id.to_string().parse::<MessageId>(), Ok(id));
        assert_eq!(text.to_lowercase().parse::<MessageId>(), Ok(id));
        assert_eq!(text.replacen("0x", "0X", 1).parse::<MessageId>(), Ok(id));
        assert_eq!(format!("{id:>12}"), format!("  {text}"));
        assert_eq!(format!("{id:_<11}"), format!("{text}_"));
        assert_eq!(format!("{id:.4}"), text[..4]);
    }
    for malformed in [
        "0x0400001",
        "4000011",
        "0x0400001G",
        "",
        "0x",
        "0x+4000011",
        "０ｘ04000011",
    ] {
        let error = malformed.parse::<MessageId>().unwrap_err();
        assert_eq!(
            error.kind(),
            ParseMessageIdErrorKind::Malformed,
            "{malformed:?}"
        );
        assert_eq!(error.input(), malformed);
    }
    assert_eq!(
        "0x0400001".parse::<MessageId>().unwrap_err().to_string(),
        "「0x0400001」はメッセージIDの形ではありません（0x と16進8桁、例: 0x04000011）"
    );
    let value = unlisted();
    let error = format!("0x{value:08X}").parse::<MessageId>().unwrap_err();
    assert_eq!(error.kind(), ParseMessageIdErrorKind::Unknown(value));
    let expected = format!("メッセージID 0x{value:08X} は一覧（{VERSION}版）にありません");
    assert_eq!(error.to_string(), expected);
    let error = MessageId::try_from(value).unwrap_err();
    assert_eq!(error.value(), value);
    assert_eq!(error.to_string(), expected);
}

/// Values around every exact ID and at and around the bounds of every range.
fn values_of_interest() -> Vec<u32> {
    let (exact, ranges) = listed();
    let mut values: Vec<u32> = exact
        .iter()
        .chain(ranges.iter().flat_map(|(s, e)| [s, e]))
        .flat_map(|&v| [v.saturating_sub(1), v, v.saturating_add(1)])
        .chain(ranges.iter().map(|&(s, e)| s + (e - s) / 2))
        .collect();
    values.sort_unstable();
    values.dedup();
    values
}

fn hash_of(item: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    item.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn one_logged_value_is_one_message_id() {
    let ids: Vec<(u32, MessageId)> = values_of_interest()
        .into_iter()
        .filter_map(|v| MessageId::from_value(v).map(|id| (v, id)))
        .collect();
    assert!(ids.len() >= MessageId::ALL.len(), "{ids:?}");
    // Equality, ordering and hashing follow the logged value.
    for &(a, id_a) in &ids {
        assert_eq!(id_a.value(), a);
        assert_eq!(hash_of(id_a), hash_of(a));
        for &(b, id_b) in &ids {
            assert_eq!(id_a == id_b, a == b, "0x{a:08X} 0x{b:08X}");
            assert_eq!(id_a.cmp(&id_b), a.cmp(&b), "0x{a:08X} 0x{b:08X}");
        }
    }
    let distinct: HashSet<MessageId> = ids.iter().map(|(_, id)| *id).collect();
    assert_eq!(distinct.len(), ids.len());
    // An ID listed exactly is its own variant, inside a range or not; ALL holds each
    // range at its lowest value that no exact ID takes.
    let (exact, ranges) = listed();
    for &value in &exact {
        assert_eq!(MessageId::from_value(value).unwrap().range(), None);
    }
    for &(start, end) in &ranges {
        let first_free = (start..=end).find(|v| !exact.contains(v)).unwrap();
        let id = MessageId::ALL
            .into_iter()
            .find(|id| id.range() == Some((start, end)))
            .unwrap();
        assert_eq!(id.value(), first_free);
        assert_eq!(MessageId::from_value(first_free), Some(id));
    }
    let mut sorted = MessageId::ALL;
    sorted.sort();
    assert!(sorted.windows(2).all(|w| w[0].value() < w[1].value()));
}

/// The rows of the table that list a value, exactly or in a range, in document order.
fn rows_listing(value: u32) -> Vec<&'static Row> {
    ROWS.iter()
        .filter(|row| row.message_ids.iter().any(|id| id.contains(value)))
        .collect()
}

#[test]
fn rows_by_message_id_across_codes() {
    for id in MessageId::ALL {
        let rows: Vec<&Row> = id.rows().to_vec();
        assert!(!rows.is_empty(), "{id:?} has rows");
        assert!(rows.iter().all(|row| row.lists(id)));
        let expected: Vec<&Row> = ROWS.iter().filter(|row| row.lists(id)).collect();
        assert_eq!(rows, expected, "{id:?}");
        let mut codes: Vec<Code> = expected.iter().map(|r| r.code).collect();
        codes.dedup();
        assert_eq!(id.codes(), codes, "{id:?}");
    }
}

#[test]
fn rows_by_code_and_message_id() {
    for code in Code::ALL {
        for row in code.rows() {
            for listed in row.message_ids {
                let value = match *listed {
                    ListedId::Exact(id) => id.value(),
                    ListedId::Range { start, .. } => start,
                };
                let id = MessageId::from_value(value).unwrap();
                let found: Vec<&Row> = code.rows_for(id).collect();
                let expected: Vec<&Row> = code
                    .rows()
                    .iter()
                    .copied()
                    .filter(|r| r.lists(id))
                    .collect();
                assert_eq!(found, expected, "{code:?} {id:?}");
                assert!(found.iter().any(|r| std::ptr::eq(*r, *row)));
            }
        }
    }
}

#[test]
fn rows_for_a_logged_value_include_ranges() {
    let (exact, ranges) = listed();
    let values = exact
        .iter()
        .copied()
        .chain(ranges.iter().flat_map(|&(s, e)| [s, e, s + (e - s) / 2]));
    for value in values {
        let found: Vec<&Row> = rows_for_value(value).collect();
        assert_eq!(found, rows_listing(value), "0x{value:08X}");
    }
    assert_eq!(rows_for_value(unlisted()).count(), 0);
}

#[test]
fn footnotes_linked_from_rows_and_codes() {
    let table = exported_table();
    assert_eq!(FOOTNOTES.len(), table.footnotes.len());
    for (note, expected) in FOOTNOTES.iter().zip(&table.footnotes) {
        assert_eq!(
            (note.number, note.marker, note.text),
            (
                expected.number,
                expected.marker.as_str(),
                expected.text.as_str()
            )
        );
    }
    for row in &ROWS {
        assert!(row
            .footnotes
            .iter()
            .all(|n| FOOTNOTES.iter().any(|f| std::ptr::eq(f, *n))));
    }
}

#[test]
fn serde_uses_the_published_forms() {
    for code in Code::ALL {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{:03}\"", code.number()));
        assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
    }
    for id in MessageId::ALL {
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"0x{:08X}\"", id.value()));
        assert_eq!(serde_json::from_str::<MessageId>(&json).unwrap(), id);
        let lower = json.to_lowercase();
        assert_eq!(serde_json::from_str::<MessageId>(&lower).unwrap(), id);
    }
    // What a wrong value is, and what was expected instead.
    let missing = (0..1000).find(|&n| Code::from_number(n).is_none()).unwrap();
    for wrong in [format!("{missing:03}"), "15".to_owned()] {
        let err = serde_json::from_str::<Code>(&format!("\"{wrong}\"")).unwrap_err();
        let expected = format!(
            "invalid value: string \"{wrong}\", expected a display code of table version \
             {VERSION} as three digits, such as \"{}\"",
            Code::ALL[0].as_str()
        );
        assert!(err.to_string().starts_with(&expected), "{err}");
    }
    let err = serde_json::from_str::<Code>("15").unwrap_err();
    assert!(err.to_string().contains("expected a display code"), "{err}");
    let value = unlisted();
    let err = serde_json::from_str::<MessageId>(&format!("\"0x{value:08X}\"")).unwrap_err();
    let expected = format!(
        "invalid value: string \"0x{value:08X}\", expected a message ID of table version \
         {VERSION} as 0x and eight hex digits, such as \"{}\"",
        MessageId::ALL[0]
    );
    assert!(err.to_string().starts_with(&expected), "{err}");
}

#[test]
fn codes_listed_inside_causes() {
    for row in &ROWS {
        for detail in row.details {
            match detail.code {
                DetailCode::ReceivedCode(value) => {
                    assert!(rows_for_received_code(value)
                        .any(|(r, d)| std::ptr::eq(r, row) && std::ptr::eq(d, detail)));
                    assert_eq!(detail.code.to_string(), format!("0x{value:08x}"));
                }
                DetailCode::PortalError { first, last } => {
                    for code in [first, last, first + (last - first) / 2] {
                        assert!(rows_for_portal_error(code)
                            .any(|(r, d)| std::ptr::eq(r, row) && std::ptr::eq(d, detail)));
                    }
                    let shown = if first == last {
                        format!("{first:03}")
                    } else {
                        format!("{first:03}~{last:03}")
                    };
                    assert_eq!(detail.code.to_string(), shown);
                }
            }
        }
    }
    let portal: Vec<(u16, u16)> = ROWS
        .iter()
        .flat_map(|r| r.details)
        .filter_map(|d| match d.code {
            DetailCode::PortalError { first, last } => Some((first, last)),
            DetailCode::ReceivedCode(_) => None,
        })
        .collect();
    let outside = (0..1000)
        .find(|n| portal.iter().all(|(f, l)| n < f || n > l))
        .unwrap();
    assert_eq!(rows_for_portal_error(outside).count(), 0);
    assert_eq!(rows_for_received_code(unlisted()).count(), 0);
}

/// Any text, read as a code or a message ID: never a panic; what reads is what `Display`
/// writes back, and what does not keeps the text's start, cut at a character boundary.
mod any_text {
    use super::*;
    use proptest::prelude::*;

    /// Texts near the forms read: digits, `0x`, hex, blanks, full-width and multi-byte
    /// characters, of any length.
    fn near_forms() -> impl Strategy<Value = String> {
        let heading = Code::ALL[0].heading().to_owned();
        prop_oneof![
            "[0-9a-fA-FxX ０１５ｘあ\u{200B}]{0,40}",
            any::<String>(),
            Just(heading).prop_map(|h| format!("{} {h}", Code::ALL[0].as_str())),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn parsing_any_text_reads_back_or_keeps_its_start(text in near_forms()) {
            match text.parse::<Code>() {
                Ok(code) => prop_assert_eq!(code.to_string().parse::<Code>(), Ok(code)),
                Err(error) => {
                    prop_assert!(text.starts_with(error.input()));
                    prop_assert!(error.input().len() <= 32);
                    prop_assert!(error.input().len() == text.len() || text.len() > 32);
                    prop_assert!(!error.to_string().is_empty());
                }
            }
            match text.parse::<MessageId>() {
                Ok(id) => {
                    prop_assert_eq!(id.to_string().parse::<MessageId>(), Ok(id));
                    prop_assert_eq!(id.to_string().to_lowercase(), text.to_lowercase());
                }
                Err(error) => {
                    prop_assert!(text.starts_with(error.input()));
                    prop_assert!(!error.to_string().is_empty());
                }
            }
        }

        #[test]
        fn any_value_is_one_message_id_or_none(value in any::<u32>()) {
            match MessageId::from_value(value) {
                Some(id) => {
                    prop_assert_eq!(id.value(), value);
                    prop_assert_eq!(MessageId::try_from(value), Ok(id));
                    prop_assert_eq!(id.to_string().parse::<MessageId>(), Ok(id));
                }
                None => prop_assert_eq!(MessageId::try_from(value).unwrap_err().value(), value),
            }
        }
    }
}
