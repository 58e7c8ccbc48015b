//! The model's public API on small tables built here: what the reader, the macro, the
//! history and the renderers rely on, each asserted on the values it must give (these
//! tests were written against the survivors of a mutation run over `table/src`; see
//! BENCHMARKS.md).

use oqs_messages_table::parse::{category, citation, details, footnote, message_ids};
use oqs_messages_table::unseen::{has_unseen, UnseenKind};
use oqs_messages_table::{
    casing, CodeEntry, CodeNumber, DetailCode, Footnote, History, ListedId, MessageIdValue, Row,
    RowText, Table, Version, Violation, Withdrawal, WithdrawnCode, WithdrawnEntry, WithdrawnId,
    WithdrawnRow,
};

fn code(n: u16) -> CodeNumber {
    CodeNumber::new(n).unwrap()
}

fn row(ids: Vec<ListedId>) -> Row {
    Row {
        kind: "種別".to_owned(),
        message_ids: ids,
        cause: "原因".to_owned(),
        remedy: "対処".to_owned(),
        contact: "-".to_owned(),
        ..Row::default()
    }
}

fn exact(v: u32) -> ListedId {
    ListedId::Exact(MessageIdValue(v))
}

fn range(start: u32, end: u32) -> ListedId {
    ListedId::Range {
        start: MessageIdValue(start),
        end: MessageIdValue(end),
    }
}

fn entry(n: u16, rows: Vec<Row>) -> CodeEntry {
    CodeEntry {
        number: code(n),
        tags: vec!["障害".to_owned()],
        heading: format!("見出し{n}"),
        message: "メッセージ".to_owned(),
        footnotes: Vec::new(),
        rows,
    }
}

/// Two codes: 001 with an exact ID and a row without one, 900 with a range listed twice
/// and the same exact ID again; one footnote, number 2.
fn table() -> Table {
    Table {
        title: "一覧_1.25版".to_owned(),
        version: "1.25".parse().unwrap(),
        codes: vec![
            entry(1, vec![row(vec![exact(0x0300_0001)]), row(Vec::new())]),
            entry(
                900,
                vec![
                    row(vec![range(0xF000_0000, 0xF7FF_FFFF), exact(0x0300_0001)]),
                    row(vec![range(0xF000_0000, 0xF7FF_FFFF)]),
                ],
            ),
        ],
        footnotes: vec![Footnote {
            number: 2,
            marker: "※２".to_owned(),
            text: "注記".to_owned(),
        }],
    }
}

#[test]
fn stats_count_what_the_summary_prints() {
    let stats = table().stats();
    assert_eq!(stats.codes, 2);
    assert_eq!(stats.rows, 4);
    assert_eq!(stats.rows_without_id, 1);
    assert_eq!(stats.message_ids, 1, "one distinct exact ID");
    assert_eq!(stats.ranges, 2, "each listing of a range");
    assert_eq!(stats.footnotes, 1);
}

#[test]
fn ranges_and_listed_ids_each_once() {
    let t = table();
    assert_eq!(
        t.ranges(),
        [(MessageIdValue(0xF000_0000), MessageIdValue(0xF7FF_FFFF))]
    );
    assert_eq!(
        t.listed_ids(),
        [exact(0x0300_0001), range(0xF000_0000, 0xF7FF_FFFF)]
    );
}

#[test]
fn code_and_footnote_lookups() {
    let t = table();
    assert_eq!(t.code(code(900)).map(|c| c.number), Some(code(900)));
    assert_eq!(t.code(code(1)).map(|c| c.heading.as_str()), Some("見出し1"));
    assert!(t.code(code(2)).is_none());
    assert_eq!(t.footnote(2).map(|n| n.marker.as_str()), Some("※２"));
    assert!(t.footnote(1).is_none());
}

#[test]
fn detail_codes_match_their_values() {
    let received = DetailCode::ReceivedCode {
        code: MessageIdValue(0xF030_1D1A),
    };
    assert!(received.is_received(0xF030_1D1A));
    assert!(!received.is_received(0xF030_1D1B));
    assert!(!received.is_portal(5));
    let portal = DetailCode::PortalError {
        first: 860,
        last: 990,
    };
    assert!(portal.is_portal(860) && portal.is_portal(990) && portal.is_portal(900));
    assert!(!portal.is_portal(859) && !portal.is_portal(991));
    assert!(!portal.is_received(900));
}

#[test]
fn history_of_one_table() {
    let t = table();
    let history = History::single(&t);
    assert_eq!(history.versions, std::slice::from_ref(&t.version));
    assert_eq!(history.codes.len(), 2);
    assert_eq!(
        history.code_listed_in(code(1)),
        std::slice::from_ref(&t.version)
    );
    assert_eq!(history.code_listed_in(code(2)), [] as [Version; 0]);
    assert_eq!(
        history.id_listed_in(range(0xF000_0000, 0xF7FF_FFFF)),
        std::slice::from_ref(&t.version)
    );
    assert_eq!(
        history.id_listed_in(exact(0x0300_0001)),
        std::slice::from_ref(&t.version)
    );
    assert_eq!(history.id_listed_in(exact(0x0300_0002)), [] as [Version; 0]);
    assert_eq!(history.message_ids.len(), 2);
    assert!(history.withdrawn_codes.is_empty() && history.withdrawn_ids.is_empty());
}

/// Each text of a row by its field's name, in the column order, read and written
/// through the one list.
#[test]
fn a_rows_texts_by_the_one_list() {
    let names: Vec<&str> = RowText::ALL.iter().map(|t| t.name()).collect();
    assert_eq!(names, ["kind", "cause", "remedy", "contact"]);
    let titles: Vec<&str> = RowText::ALL.iter().map(|t| t.title()).collect();
    assert_eq!(titles, ["エラー種別", "原因", "対処", "問合せ先"]);
    for text in RowText::ALL {
        assert_eq!(RowText::from_name(text.name()), Some(text));
    }
    assert_eq!(RowText::from_name("ids"), None);
    let mut filled = Row::default();
    for text in RowText::ALL {
        *filled.text_mut(text) = format!("{}の文", text.title());
    }
    assert_eq!(filled.kind, "エラー種別の文");
    assert_eq!(filled.cause, "原因の文");
    assert_eq!(filled.remedy, "対処の文");
    assert_eq!(filled.contact, "問合せ先の文");
    let r = row(Vec::new());
    let read: Vec<&str> = RowText::ALL.iter().map(|t| r.text(*t)).collect();
    assert_eq!(read, ["種別", "原因", "対処", "-"]);
}

/// A withdrawn code and ID under the names the packages gave them, in the one sentence;
/// one without a name, or an ID no row listed, left out.
#[test]
fn withdrawals_are_told_in_one_sentence() {
    let t = table();
    let v = |text: &str| text.parse::<Version>().unwrap();
    let gone_row = WithdrawnRow {
        code: code(17),
        heading: "保険者確認".to_owned(),
        number: 1,
        row: row(vec![exact(0x8100_000D)]),
    };
    let history = History {
        withdrawn_codes: [17, 18]
            .map(|n| WithdrawnCode {
                last_version: v("1.25"),
                removed_in: v("1.26"),
                entry: CodeEntry {
                    heading: "保険者確認".to_owned(),
                    ..entry(n, Vec::new())
                },
                footnotes: Vec::new(),
            })
            .to_vec(),
        withdrawn_ids: vec![
            WithdrawnId {
                id: exact(0x8100_000D),
                last_version: v("1.24"),
                removed_in: v("1.25"),
                rows: vec![gone_row.clone()],
                footnotes: Vec::new(),
            },
            WithdrawnId {
                id: range(0xF800_0000, 0xFFFF_FFFF),
                last_version: v("1.25"),
                removed_in: v("1.26"),
                rows: vec![gone_row],
                footnotes: Vec::new(),
            },
            WithdrawnId {
                id: exact(0x8100_000E),
                last_version: v("1.25"),
                removed_in: v("1.26"),
                rows: Vec::new(),
                footnotes: Vec::new(),
            },
        ],
        ..History::single(&t)
    };
    let withdrawals = history.withdrawals(
        |number| (number == code(17)).then(|| "InsurerCheckRequired".to_owned()),
        |id| match id {
            ListedId::Exact(value) => Some(format!("Id{:08X}", value.value())),
            ListedId::Range { .. } => Some("TerminalInternalError".to_owned()),
        },
    );
    let sentences: Vec<String> = withdrawals.iter().map(Withdrawal::sentence).collect();
    assert_eq!(
        sentences,
        [
            "code 017 保険者確認 (`InsurerCheckRequired`) was withdrawn in table 1.26; last listed in 1.25",
            "message ID 0x8100000D (`Id8100000D`) of code 017 was withdrawn in table 1.25; last listed in 1.24",
            "message ID range 0xF8000000..=0xFFFFFFFF (`TerminalInternalError`) of code 017 was withdrawn in table 1.26; last listed in 1.25",
        ]
    );
    assert_eq!(
        withdrawals[1].entry,
        WithdrawnEntry::Id {
            id: exact(0x8100_000D),
            code: code(17)
        }
    );
}

#[test]
fn a_reversed_range_is_a_violation_and_a_single_id_range_is_not() {
    let mut t = table();
    t.codes[1].rows[1].message_ids = vec![range(0xF7FF_FFFF, 0xF000_0000)];
    assert!(t
        .violations()
        .iter()
        .any(|v| matches!(v, Violation::ReversedRange { .. })));
    t.codes[1].rows[1].message_ids = vec![range(0xF000_0000, 0xF000_0000)];
    assert!(!t
        .violations()
        .iter()
        .any(|v| matches!(v, Violation::ReversedRange { .. })));
}

#[test]
fn versions_parse_and_order_by_their_numbers() {
    let v: Version = "1.25".parse().unwrap();
    assert_eq!(v.parts(), [1, 25]);
    assert_eq!(v.as_str(), "1.25");
    assert_eq!("1.25.1".parse::<Version>().unwrap().parts(), [1, 25, 1]);
    for bad in [
        "1",
        "",
        "1.",
        ".25",
        "1..2",
        "1.a",
        "1.2x",
        "１.25",
        "1.1234567890",
    ] {
        assert!(bad.parse::<Version>().is_err(), "{bad:?}");
    }
    assert!(
        "1.123456789".parse::<Version>().is_ok(),
        "nine digits a part"
    );
    let older: Version = "1.9".parse().unwrap();
    assert!(older < v, "1.9 before 1.25: by number, not by text");
}

#[test]
fn message_id_values_and_their_text() {
    assert_eq!(MessageIdValue(0x0400_0011).value(), 0x0400_0011);
    assert_eq!(exact(0x0400_0011).to_string(), "0x04000011");
    assert_eq!(
        range(0xF000_0000, 0xF7FF_FFFF).to_string(),
        "0xF0000000～0xF7FFFFFF"
    );
    assert!(exact(0x0400_0011).contains(0x0400_0011));
    assert!(!exact(0x0400_0011).contains(0x0400_0012));
    assert!(range(1, 3).contains(1) && range(1, 3).contains(3) && !range(1, 3).contains(4));
}

#[test]
fn a_range_may_be_one_id_but_never_reversed() {
    assert_eq!(
        message_ids("0x04000011～0x04000011").unwrap(),
        [range(0x0400_0011, 0x0400_0011)]
    );
    assert!(message_ids("0x04000012～0x04000011").is_err());
}

#[test]
fn categories_refuse_empty_and_nested_tags() {
    assert!(category("【手順誤り】\n暗証番号入力誤り").is_ok());
    assert!(category("【】\n見出し").is_err(), "an empty tag");
    assert!(category("【手順【誤り】\n見出し").is_err(), "a nested tag");
}

#[test]
fn citations_take_one_or_two_digits() {
    assert_eq!(citation("※1"), Some(1));
    assert_eq!(citation("※１２"), Some(12));
    assert_eq!(citation("※"), None, "no digits");
    assert_eq!(citation("※123"), None, "three digits");
    assert_eq!(footnote("※１ 注記の本文").map(|f| f.number), Some(1));
}

#[test]
fn portal_error_codes_in_a_cause() {
    let found = details("・下記のエラーコードが返却された\n　　加入者情報未登録(005)\n　　システム連携エラー(860~990)");
    let codes: Vec<DetailCode> = found.iter().map(|d| d.code).collect();
    assert!(codes.contains(&DetailCode::PortalError { first: 5, last: 5 }));
    assert!(codes.contains(&DetailCode::PortalError {
        first: 860,
        last: 990
    }));
    // A name is needed, and a range is in order.
    assert!(details("エラーコード\n(005)").is_empty());
    assert!(details("エラーコード\nエラー(990~860)").is_empty());
    assert!(
        details("エラーコード\nエラー(05)").is_empty(),
        "three digits"
    );
    assert!(
        details("エラーコード\nエラー（８６０〜９９０）").is_empty(),
        "ASCII digits"
    );
    assert_eq!(
        details("エラーコード\nエラー（860～990）")[0].code,
        DetailCode::PortalError {
            first: 860,
            last: 990
        },
        "full-width brackets and dash"
    );
    // Without the words エラーコード, a cause lists none.
    assert!(details("加入者情報未登録(005)").is_empty());
}

#[test]
fn names_split_into_words_as_every_language_spells_them() {
    assert_eq!(
        casing::snake_case("CollationNumberBLocked"),
        "collation_number_b_locked"
    );
    assert_eq!(
        casing::snake_case("EPrescriptionServiceFailure"),
        "e_prescription_service_failure"
    );
    assert_eq!(casing::snake_case("Id04000011Error"), "id04000011_error");
    assert_eq!(casing::snake_case("OSError"), "os_error");
    assert_eq!(casing::lower_camel_case("WrongPin"), "wrongPin");
    assert_eq!(casing::upper_snake_case("WrongPin"), "WRONG_PIN");
}

#[test]
fn unseen_kinds_and_the_byte_scan() {
    assert_eq!(UnseenKind::Control.as_str(), "control");
    assert_eq!(UnseenKind::Format.as_str(), "format");
    assert_eq!(UnseenKind::Bidi.as_str(), "bidi");
    assert!(!has_unseen("a b\tc\r\n"), "blanks are seen");
    assert!(has_unseen("a\u{1F}b"), "the last C0 control");
    assert!(has_unseen("a\u{7F}"));
    // A three-byte character outside the kanji block, then an unseen one-byte character:
    // the scan steps over exactly three bytes.
    assert!(has_unseen("ｱ\u{7}"));
    assert!(has_unseen("\u{3000}\u{7}"));
    assert!(!has_unseen("ｱｲｳ漢字"));
}
