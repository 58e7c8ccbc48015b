//! Every lookup of `oqs-messages` checked against `generated/table.json`, field by field
//! and value by value. Nothing here names a code or an ID of one version: the tests hold for
//! any revision of the table (facts of version 1.25 are tested on the 1.25 workbook, in
//! codegen's tests).

use std::path::Path;

use oqs_messages::{
    rows_for_portal_error, rows_for_received_code, rows_for_value, Code, DetailCode, ListedId,
    LookupError, MessageId, Row, FOOTNOTES, ROWS, VERSION,
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
    for n in (0..1000).filter(|n| !taken.contains(n)) {
        assert_eq!(Code::from_number(n), None);
        assert_eq!(Code::try_from(n), Err(LookupError::UnknownCode(n)));
    }
}

#[test]
fn code_texts_and_conversions() {
    for code in Code::ALL {
        let n = code.number();
        assert_eq!(code.to_string(), code.heading());
        assert_eq!(format!("{code:#}"), format!("{n:03} {}", code.heading()));
        assert_eq!(format!("{n:03}").parse::<Code>(), Ok(code));
        assert!(code.message().chars().count() > 0);
    }
    assert_eq!("8".parse::<Code>(), Err(LookupError::MalformedCode));
    assert_eq!("abc".parse::<Code>(), Err(LookupError::MalformedCode));
    let missing = (0..1000).find(|&n| Code::from_number(n).is_none()).unwrap();
    assert_eq!(
        format!("{missing:03}").parse::<Code>(),
        Err(LookupError::UnknownCode(missing))
    );
    assert_eq!(
        LookupError::UnknownCode(missing).to_string(),
        format!("no code {missing:03} in table version {VERSION}")
    );
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
        let id = MessageId::from_u32(value).unwrap();
        assert_eq!(id.value(), value);
        assert_eq!(id.range(), None, "an exact ID before a range that holds it");
        assert_eq!(MessageId::try_from(value), Ok(id));
        assert_eq!(u32::from(id), value);
    }
    for &(start, end) in &ranges {
        for value in [start, start + (end - start) / 2, end] {
            let id = MessageId::from_u32(value).unwrap();
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
    assert_eq!(MessageId::from_u32(unlisted()), None);
}

#[test]
fn message_id_texts_and_conversions() {
    for id in MessageId::ALL {
        let text = format!("0x{:08X}", id.value());
        assert_eq!(id.to_string(), text);
        assert_eq!(text.parse::<MessageId>(), Ok(id));
        assert_eq!(text.to_lowercase().parse::<MessageId>(), Ok(id));
        assert_eq!(text.replacen("0x", "0X", 1).parse::<MessageId>(), Ok(id));
    }
    for malformed in ["0x0400001", "4000011", "0x0400001G", "", "0x"] {
        assert_eq!(
            malformed.parse::<MessageId>(),
            Err(LookupError::MalformedMessageId),
            "{malformed:?}"
        );
    }
    let value = unlisted();
    assert_eq!(
        format!("0x{value:08X}").parse::<MessageId>(),
        Err(LookupError::UnknownMessageId(value))
    );
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
                let id = MessageId::from_u32(value).unwrap();
                let found: Vec<&Row> = code.rows_for(id).collect();
                let expected: Vec<&Row> = code.rows().iter().filter(|r| r.lists(id)).collect();
                assert_eq!(found, expected, "{code:?} {id:?}");
                assert!(found.iter().any(|r| std::ptr::eq(*r, row)));
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
    let missing = (0..1000).find(|&n| Code::from_number(n).is_none()).unwrap();
    let err = serde_json::from_str::<Code>(&format!("\"{missing:03}\"")).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("no code {missing:03} in table version {VERSION}")),
        "{err}"
    );
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
