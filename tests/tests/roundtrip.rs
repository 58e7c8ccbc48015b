//! Property: any valid table, written to a workbook laid out like the ministry's, reads
//! back as the same table.

use oqs_messages_table::parse;
use oqs_messages_table::{CodeEntry, CodeNumber, Footnote, ListedId, MessageIdValue, Row, Table};
use proptest::prelude::*;

/// Text as the table has it: lines of Japanese and ASCII, no blank at either end.
fn line() -> impl Strategy<Value = String> {
    "[あ-んア-ン一-龠a-zA-Z0-9、。・（）「」]{1,12}"
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 1..4).prop_map(|lines| lines.join("\n"))
}

fn ids() -> impl Strategy<Value = Vec<ListedId>> {
    prop_oneof![
        Just(Vec::new()),
        prop::collection::btree_set(any::<u32>(), 1..4).prop_map(|set| set
            .into_iter()
            .map(|v| ListedId::Exact(MessageIdValue(v)))
            .collect()),
        (any::<u32>(), any::<u32>()).prop_map(|(a, b)| vec![ListedId::Range {
            start: MessageIdValue(a.min(b)),
            end: MessageIdValue(a.max(b)),
        }]),
    ]
}

fn row(footnotes: u8) -> impl Strategy<Value = Row> {
    (text(), ids(), text(), text(), text(), 0..=footnotes).prop_map(
        |(kind, message_ids, cause, remedy, contact, cite)| {
            // Cite a footnote the way the table does: `・※1` on a line of its own.
            let remedy = if cite > 0 {
                format!("{remedy}\n・※{cite}")
            } else {
                remedy
            };
            Row {
                details: parse::details(&cause),
                footnotes: parse::citations(&remedy),
                kind,
                message_ids,
                cause,
                remedy,
                contact,
            }
        },
    )
}

fn table() -> impl Strategy<Value = Table> {
    (0u8..=2, 1u32..=3, 0u32..=40).prop_flat_map(|(footnotes, major, minor)| {
        let codes = prop::collection::btree_map(
            0u16..=999,
            (
                prop::collection::vec(line(), 1..3),
                line(),
                text(),
                prop::collection::vec(row(footnotes), 1..4),
            ),
            1..8,
        );
        let notes = prop::collection::vec(text(), footnotes as usize);
        (codes, notes).prop_map(move |(codes, notes)| {
            let version = format!("{major}.{minor}");
            Table {
                title: format!("テスト用一覧_{version}版"),
                version: version.parse().unwrap(),
                codes: codes
                    .into_iter()
                    .map(|(number, (tags, heading, message, rows))| CodeEntry {
                        number: CodeNumber::new(number).unwrap(),
                        tags,
                        heading,
                        message,
                        footnotes: Vec::new(),
                        rows,
                    })
                    .collect(),
                footnotes: notes
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| Footnote {
                        number: i as u8 + 1,
                        marker: format!("※{}", i + 1),
                        text,
                    })
                    .collect(),
            }
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_table_reads_back_the_same(table in table()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("table_{}版.xlsx", table.version));
        oqs_messages_tests::write_table(&table, &path).unwrap();
        let read = codegen::read_workbook(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read.table, table);
    }
}

#[test]
fn the_real_table_reads_back_the_same() {
    let workbook = codegen::spec_workbook("1.25").expect("the 1.25 workbook in spec/");
    let table = codegen::read_workbook(&workbook).unwrap().table;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy_1.25版.xlsx");
    oqs_messages_tests::write_table(&table, &path).unwrap();
    assert_eq!(codegen::read_workbook(&path).unwrap().table, table);
}
