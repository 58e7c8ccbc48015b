//! What `message_table!` expands to, from small inputs: the docs as published, since when
//! each entry is listed, the shadows of withdrawn names and the derives' examples. The
//! macro's modules are compiled here as they are (a proc-macro crate exports nothing else
//! to test).

#[path = "../src/errors.rs"]
mod errors;
#[path = "../src/expand/mod.rs"]
#[allow(dead_code)]
mod expand;
#[path = "../src/input/mod.rs"]
#[allow(dead_code)]
mod input;

use expand::docs::{listed_sentence, markdown, one_line, quoted};
use expand::{derive_exports, expand};
use input::TableInput;
use oqs_messages_table::{CodeNumber, ListedId, MessageIdValue};

const ROW: &str = r#"row { kind: "k", ids: [0x03000001], cause: "c", remedy: "r", contact: "-", footnotes: [], }"#;

fn code(number: u16) -> CodeNumber {
    CodeNumber::new(number).unwrap()
}

#[test]
fn the_history_says_since_when_each_entry_is_listed() {
    let input = format!(
        r#"title: "t_1.26版", version: "1.26",
        history {{ versions: ["1.24", "1.25", "1.26"], code 002: ["1.26"], code 003: ["1.24", "1.26"], id 0x03000001: ["1.25", "1.26"], }}
        code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}
        code 002 B {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}
        code 003 C {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
    );
    let table: TableInput = syn::parse_str(&input).unwrap();
    table.check().unwrap();
    let history = table.history.unwrap();
    let code_sentence = |n: u16| listed_sentence(&history, history.code_listed_in(code(n)));
    assert_eq!(code_sentence(1), "In every version in spec/ (1.24–1.26).");
    assert_eq!(
        code_sentence(2),
        "Listed since 1.26 (spec/ holds 1.24–1.26)."
    );
    assert_eq!(
        code_sentence(3),
        "Listed in 1.24, 1.26 of the versions in spec/ (1.24, 1.25, 1.26)."
    );
    assert_eq!(
        listed_sentence(&history, history.id_listed_in(exact(0x03000001))),
        "Listed since 1.25 (spec/ holds 1.24–1.26)."
    );
    let one = format!(
        r#"title: "t", version: "1.25", history {{ versions: ["1.25"], }}
        code 001 A {{ tags: [], heading: "h", message: "m", footnotes: [], {ROW} }}"#
    );
    let one: TableInput = syn::parse_str(&one).unwrap();
    let history = one.history.unwrap();
    assert_eq!(
        listed_sentence(&history, history.code_listed_in(code(1))),
        "In every version in spec/ (1.25)."
    );
}

fn exact(value: u32) -> ListedId {
    ListedId::Exact(MessageIdValue(value))
}

fn range(start: u32, end: u32) -> ListedId {
    ListedId::Range {
        start: MessageIdValue(start),
        end: MessageIdValue(end),
    }
}

#[test]
fn the_history_tells_a_range_from_an_exact_id() {
    let input = r#"title: "t_1.26版", version: "1.26",
        history { versions: ["1.24", "1.25", "1.26"], id 0xF0000000: ["1.24", "1.26"], id 0xF0000000..=0xF7FFFFFF: ["1.26"], id 0xF8000000..=0xFFFFFFFF: ["1.25", "1.26"], }
        code 001 A { tags: [], heading: "h", message: "m", footnotes: [],
            row { kind: "k", ids: [0xF0000000, 0xF8000000, 0xF0000000..=0xF7FFFFFF, 0xF8000000..=0xFFFFFFFF], cause: "c", remedy: "r", contact: "-", footnotes: [], } }"#;
    let table: TableInput = syn::parse_str(input).unwrap();
    let history = table.history.unwrap();
    let sentence = |id: ListedId| listed_sentence(&history, history.id_listed_in(id));
    assert_eq!(
        sentence(exact(0xF0000000)),
        "Listed in 1.24, 1.26 of the versions in spec/ (1.24, 1.25, 1.26)."
    );
    // Not in the history: in every version.
    assert_eq!(
        sentence(exact(0xF8000000)),
        "In every version in spec/ (1.24–1.26)."
    );
    assert_eq!(
        sentence(range(0xF0000000, 0xF7FFFFFF)),
        "Listed since 1.26 (spec/ holds 1.24–1.26)."
    );
    assert_eq!(
        sentence(range(0xF8000000, 0xFFFFFFFF)),
        "Listed since 1.25 (spec/ holds 1.24–1.26)."
    );
}

#[test]
fn texts_are_quoted_in_the_docs_as_published() {
    assert_eq!(
        quoted("① 汚れを確認\n* 再起動"),
        "> ① 汚れを確認  \n> \\* 再起動  "
    );
    assert_eq!(
        one_line("・カードを正しく置く\n・※1"),
        "・カードを正しく置く ・※1"
    );
}

#[test]
fn the_docs_show_the_published_texts_and_the_discriminant() {
    let input = r#"title: "t_1.25版", version: "1.25",
        code 015 FaceImage { tags: [], heading: "見出し", message: "一行目\n*二行目", footnotes: [],
            row { kind: "種別\n続き", ids: [0x03000001], cause: "c", remedy: "r", contact: "-", footnotes: [], } }"#;
    let table: TableInput = syn::parse_str(input).unwrap();
    let expanded = expand(&table).to_string();
    assert!(
        expanded.contains("(`Code::FaceImage as u16 == 15`)"),
        "{expanded}"
    );
    assert!(
        expanded.contains("> 一行目  \\n> \\\\*二行目  "),
        "{expanded}"
    );
    // The kind on one line in the code's rows and in the ID's own doc, each with the
    // row's cause, remedy and contact under the table's column titles.
    assert_eq!(expanded.matches("種別 続き").count(), 2, "{expanded}");
    for text in ["原因:\\n\\n> c  ", "対処:\\n\\n> r  ", "問合せ先: -"] {
        assert_eq!(expanded.matches(text).count(), 2, "{text} in {expanded}");
    }
}

fn table(input: &str) -> TableInput {
    syn::parse_str(input).unwrap()
}

const WITHDRAWN: &str = r#"title: "t_1.26版", version: "1.26",
    history { versions: ["1.25", "1.26"],
        withdrawn code 017 InsurerCheckRequired { heading: "保険者確認", last: "1.25", removed: "1.26", },
        withdrawn id 0x8100000D Id8100000D { code: 017, last: "1.25", removed: "1.26", }, }
    range Big = 0xF0000000..=0xF7FFFFFF;
    code 001 CardNotRecognized { tags: [], heading: "h", message: "m", footnotes: [],
        row { kind: "k", ids: [0x03000001, 0xF0000000, 0xF0000000..=0xF7FFFFFF], cause: "", remedy: "r", contact: "-", footnotes: [], } }
    code 003 WrongPin { tags: [], heading: "h3", message: "m", footnotes: [],
        row { kind: "k", ids: [0x04000011], cause: "c", remedy: "r", contact: "-", footnotes: [], } }"#;

/// A withdrawn name resolves to nothing anyone can use: its constant stands in an impl
/// bounded by a trait no type implements, and the handler's method takes a type of a
/// module no other crate can reach.
#[test]
fn a_withdrawn_name_is_bounded_by_what_nothing_implements() {
    let expanded = expand(&table(WITHDRAWN)).to_string();
    let marker = "InsurerCheckRequired_code_017_withdrawn_in_table_1_26_last_listed_in_1_25";
    for expected in [
        format!("impl < 'a > Code where __withdrawn :: {marker} < 'a > : __withdrawn :: ListedInThisTable"),
        "pub const InsurerCheckRequired".to_owned(),
        "pub trait ListedInThisTable { }".to_owned(),
        "pub (crate) mod delete_this_method".to_owned(),
        format!("pub enum {marker} {{ }}"),
        format!("fn insurer_check_required (& mut self , withdrawn : __withdrawn :: delete_this_method :: {marker}) -> Self :: Output {{ match withdrawn {{ }} }}"),
        "impl < 'a > MessageId where __withdrawn :: Id8100000D_of_code_017_withdrawn_in_table_1_26_last_listed_in_1_25 < 'a >".to_owned(),
    ] {
        assert!(expanded.contains(&expected), "{expected}\n{expanded}");
    }
    // Nothing implements the trait; nothing is deprecated (a warning only, never seen).
    assert!(!expanded.contains("impl ListedInThisTable"));
    assert!(!expanded.contains("deprecated"));
}

/// A range variant stands in `ALL` at its first value that no exact ID takes, and
/// holds its value in an `InRange` of its bounds.
#[test]
fn a_range_stands_at_its_first_free_value() {
    let expanded = expand(&table(WITHDRAWN)).to_string();
    assert!(
        expanded.contains("Big (crate :: InRange < 0xF0000000 , 0xF7FFFFFF >)"),
        "{expanded}"
    );
    let first_free = format!(
        "MessageId :: Big (crate :: in_range_unchecked ({}))",
        0xF000_0001u32
    );
    assert!(expanded.contains(&first_free), "{expanded}");
    // The cause the table leaves empty is left out with its title.
    assert_eq!(expanded.matches("原因:").count(), 2, "{expanded}");
}

/// The derives' examples name every code, so that they compile.
#[test]
fn the_derives_examples_name_every_code() {
    let exports = derive_exports(&table(WITHDRAWN)).to_string();
    assert!(exports.contains("#[codes(CardNotRecognized)]"), "{exports}");
    assert!(exports.contains("WrongPin,"), "{exports}");
    assert!(
        exports.contains("#[message_ids(Id03000001, Big)]"),
        "{exports}"
    );
    assert!(
        exports.contains("pub use :: oqs_messages_macros :: CodeMap"),
        "{exports}"
    );
}

#[test]
fn markdown_escapes() {
    assert_eq!(
        markdown("> cd [TAB] <ユーザー名>"),
        "\\> cd \\[TAB\\] \\<ユーザー名\\>"
    );
}

/// The derives' callbacks tell a withdrawn name by the model's one sentence.
#[test]
fn the_derives_say_what_was_withdrawn() {
    let expanded = expand(&table(WITHDRAWN)).to_string();
    for sentence in [
        "InsurerCheckRequired : \"code 017 保険者確認 (`InsurerCheckRequired`) was withdrawn in table 1.26; last listed in 1.25\"",
        "Id8100000D : \"message ID 0x8100000D (`Id8100000D`) of code 017 was withdrawn in table 1.26; last listed in 1.25\"",
    ] {
        assert!(expanded.contains(sentence), "{sentence}\n{expanded}");
    }
}
