//! The input of `message_table!` read into the model of `oqs-messages-table` and checked:
//! what it reads, and every inconsistency reported at once, each where it stands. The
//! macro's modules are compiled here as they are (a proc-macro crate exports nothing else
//! to test).

#[path = "../src/errors.rs"]
mod errors;
#[path = "../src/input/mod.rs"]
#[allow(dead_code)]
mod input;

use input::check::is_id_name;
use input::TableInput;
use oqs_messages_table::{
    CodeNumber, Detail, DetailCode, ListedId, MessageIdValue, Version, Withdrawal, WithdrawnEntry,
};

fn errors(input: &str) -> Vec<String> {
    let tokens: proc_macro2::TokenStream = input.parse().unwrap();
    match syn::parse2::<TableInput>(tokens) {
        Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
        Ok(table) => match table.check() {
            Ok(()) => Vec::new(),
            Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
        },
    }
}

const ROW: &str = r#"row { kind: "k", ids: [0x03000001], cause: "c", remedy: "r", contact: "-", footnotes: [], }"#;

fn version(text: &str) -> Version {
    text.parse().unwrap()
}

fn code(number: u16) -> CodeNumber {
    CodeNumber::new(number).unwrap()
}

#[test]
fn the_history_names_only_codes_of_the_table() {
    let input = format!(
        r#"title: "t", version: "1.25", history {{ versions: ["1.25"], code 009: ["1.25"], }}
        code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
    );
    assert_eq!(
        errors(&input),
        ["the history names code 009, which the table does not list"]
    );
}

#[test]
fn a_valid_table_has_no_errors() {
    let input = format!(
        r#"title: "t_1.25版", version: "1.25",
        range Big = 0xF0000000..=0xF7FFFFFF;
        footnote 1 {{ marker: "※１", text: "注", }}
        code 001 CardNotRecognized {{ tags: ["手順誤り"], heading: "h", message: "m", footnotes: [1], {ROW} }}"#
    );
    assert_eq!(errors(&input), Vec::<String>::new());
}

#[test]
fn every_inconsistency_is_reported_at_once() {
    let input = format!(
        r#"title: "t", version: "1.25",
        range Id04000011 = 0xF0000000..=0xF7FFFFFF;
        code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [3], {ROW} }}
        code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], }}
        code 002 B {{ tags: [], heading: "h", message: "m", footnotes: [],
            row {{ kind: "k", ids: [0x01000001, 0x01000001, 0xF8000000..=0xFFFFFFFF], cause: "c", remedy: "r", contact: "-", footnotes: [], }} }}"#
    );
    assert_eq!(
        errors(&input),
        [
            "no footnote 3 in this table",
            "code 001 appears twice",
            "code 001 has no row",
            "0x01000001 is listed twice in one row",
            "the name `A` is used twice (first for code 001)",
            "`Id04000011` has the form of an exact message ID's variant",
            "the range 0xF8000000..=0xFFFFFFFF has no `range NAME = …;` declaration",
        ]
    );
}

#[test]
fn ranges_are_checked_for_order_repeats_and_names() {
    let input = format!(
        r#"title: "t", version: "1.25",
        range Backwards = 0xF7FFFFFF..=0xF0000000;
        range One = 0xF8000000..=0xF8000000;
        range Twice = 0xF9000000..=0xF9000001;
        range Again = 0xF9000000..=0xF9000001;
        range One = 0xFA000000..=0xFA000001;
        range AlsoBackwards = 0xFB000001..=0xFB000000;
        code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
    );
    let found = errors(&input);
    let said = |message: &str| found.iter().filter(|e| *e == message).count();
    // Two ranges end below their start; `One`, of one value, does not.
    assert_eq!(said("a range's end is below its start"), 2, "{found:?}");
    assert_eq!(said("this range is declared twice"), 1, "{found:?}");
    assert_eq!(said("the range name `One` is used twice"), 1, "{found:?}");
}

/// A range every value of which a row lists exactly could hold no value: refused.
#[test]
fn a_range_needs_a_value_no_exact_id_takes() {
    let input = r#"title: "t", version: "1.25",
        range One = 0xF8000000..=0xF8000001;
        code 001 A { tags: [], heading: "h", message: "m", footnotes: [],
            row { kind: "k", ids: [0xF8000000, 0xF8000001, 0xF8000000..=0xF8000001], cause: "c", remedy: "r", contact: "-", footnotes: [], } }"#;
    assert_eq!(
        errors(input),
        ["every value of this range is an exact message ID of the table: its variant could hold no value"]
    );
    let table: TableInput =
        syn::parse_str(&input.replace("0xF8000001, 0xF8000000..", "0xF8000000..")).unwrap();
    assert_eq!(
        table.first_free_value(0xF800_0000, 0xF800_0001),
        Some(0xF800_0001)
    );
}

#[test]
fn id_names_are_id_and_eight_hex_digits() {
    assert!(is_id_name("Id04000011"));
    assert!(is_id_name("IdF000000a"));
    assert!(!is_id_name("IdABC"));
    assert!(!is_id_name("IdGGGGGGGG"));
    assert!(!is_id_name("Id040000111"));
    assert!(!is_id_name("Ix04000011"));
}

/// A footnote cited but missing is reported where it is cited, not at another note of
/// the same list.
#[test]
fn a_missing_footnote_is_reported_where_it_is_cited() {
    let input = format!(
        r#"title: "t", version: "1.25",
        footnote 1 {{ marker: "※１", text: "注", }}
        code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [1, 3], {ROW} }}"#
    );
    let table: TableInput = syn::parse_str(&input).unwrap();
    let error = table.check().unwrap_err();
    let at = error.span().start();
    let line = input.lines().nth(at.line - 1).unwrap();
    let cited = line.find("[1, 3]").unwrap() + "[1, ".len();
    assert_eq!(error.to_string(), "no footnote 3 in this table");
    assert_eq!(line[..cited].chars().count(), at.column);
}

#[test]
fn syntax_errors_name_the_expected_field() {
    let input = r#"title: "t", version: "1.25", code 001 A { tags: [], headline: "h", }"#;
    assert_eq!(
        errors(input),
        ["expected the field `heading`, found `headline`"]
    );
    let input = r#"title: "t", version: "1.25", code 1 A { }"#;
    assert_eq!(
        errors(input),
        ["expected a three-digit code such as 001, found 1"]
    );
}

/// The input is read into the model's own types: the table as codegen's reader gives it
/// (details included), the history with every code and ID of the table, and the
/// withdrawals under their names.
#[test]
fn the_input_is_read_into_the_model() {
    let input = r#"title: "t_1.26版", version: "1.26",
        history { versions: ["1.25", "1.26"], code 003: ["1.26"],
            withdrawn code 017 InsurerCheckRequired { heading: "保険者確認", last: "1.25", removed: "1.26", },
            withdrawn id 0x8100000D Id8100000D { code: 017, last: "1.25", removed: "1.26", }, }
        footnote 1 { marker: "※１", text: "注", }
        code 001 A { tags: ["手順誤り"], heading: "h", message: "m", footnotes: [1],
            row { ids: [0x03000001], kind: "k", cause: "c", remedy: "r", contact: "-", footnotes: [],
                details: [received 0xF0301D1A => "リモート", portal 860..=990 => "範囲"], } }
        code 003 C { tags: [], heading: "h3", message: "m3", footnotes: [],
            row { contact: "-", footnotes: [1], ids: [], kind: "k3", remedy: "r3", } }"#;
    let read: TableInput = syn::parse_str(input).unwrap();
    read.check().unwrap();
    let table = &read.table;
    assert_eq!(table.version, version("1.26"));
    assert_eq!(table.codes[0].tags, ["手順誤り"]);
    assert_eq!(table.footnotes[0].marker, "※１");
    let row = &table.codes[0].rows[0];
    assert_eq!(
        row.message_ids,
        [ListedId::Exact(MessageIdValue(0x0300_0001))]
    );
    assert_eq!(
        row.details,
        [
            Detail {
                code: DetailCode::ReceivedCode {
                    code: MessageIdValue(0xF030_1D1A)
                },
                text: "リモート".to_owned(),
            },
            Detail {
                code: DetailCode::PortalError {
                    first: 860,
                    last: 990
                },
                text: "範囲".to_owned(),
            },
        ]
    );
    // A row's fields in any order; a text left out is empty.
    let other = &table.codes[1].rows[0];
    assert_eq!(
        (
            other.kind.as_str(),
            other.cause.as_str(),
            other.remedy.as_str()
        ),
        ("k3", "", "r3")
    );
    assert_eq!(other.footnotes, [1]);
    let names: Vec<String> = read.code_names.iter().map(|n| n.to_string()).collect();
    assert_eq!(names, ["A", "C"]);
    let history = read.history.as_ref().unwrap();
    assert_eq!(
        history.code_listed_in(code(1)),
        [version("1.25"), version("1.26")]
    );
    assert_eq!(history.code_listed_in(code(3)), [version("1.26")]);
    assert_eq!(
        history.id_listed_in(ListedId::Exact(MessageIdValue(0x0300_0001))),
        [version("1.25"), version("1.26")]
    );
    assert_eq!(
        read.withdrawals,
        [
            Withdrawal {
                entry: WithdrawnEntry::Code {
                    number: code(17),
                    heading: "保険者確認".to_owned()
                },
                name: "InsurerCheckRequired".to_owned(),
                last_version: version("1.25"),
                removed_in: version("1.26"),
            },
            Withdrawal {
                entry: WithdrawnEntry::Id {
                    id: ListedId::Exact(MessageIdValue(0x8100_000D)),
                    code: code(17)
                },
                name: "Id8100000D".to_owned(),
                last_version: version("1.25"),
                removed_in: version("1.26"),
            },
        ]
    );
}

/// A row's fields are checked by name: one the row does not have, one given twice, and
/// a required one left out are each refused, saying which.
#[test]
fn a_rows_fields_are_checked_by_name() {
    let with_row = |row: &str| {
        format!(
            r#"title: "t", version: "1.25", code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], row {{ {row} }} }}"#
        )
    };
    assert_eq!(
        errors(&with_row(r#"ids: [], kind: "k", note: "n", footnotes: [],"#)),
        ["expected a field of a row (ids, kind, cause, remedy, contact, footnotes, details), found `note`"]
    );
    assert_eq!(
        errors(&with_row(
            r#"ids: [], kind: "k", kind: "again", footnotes: [],"#
        )),
        ["the field `kind` is given twice"]
    );
    assert_eq!(
        errors(&with_row(r#"kind: "k", footnotes: [],"#)),
        ["the row has no `ids` field"]
    );
    assert_eq!(
        errors(&with_row(r#"ids: [], version: "1.25","#)),
        ["expected a field of a row (ids, kind, cause, remedy, contact, footnotes, details), found `version`"]
    );
    let input = r#"title: "t", version: "1.2x","#;
    assert_eq!(errors(input), ["expected a version such as \"1.25\""]);
}
