//! `explain` as a help desk runs it: every shared query case (`tests/queries.json`) given
//! as one argument, as people paste it, answers with the library's rows, in text and JSON.
//! What is expected comes from the current table, so these tests hold for any version.

mod support;

use std::process::{Command, Output};

use oqs_explain::{lookup, row_reference, Failure, Reason};
use oqs_messages::{Code, Query, ROWS, VERSION};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn explain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(args)
        .output()
        .expect("run explain")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The row reference that starts each block: `015-2`.
fn references(text: &str) -> Vec<String> {
    text.split("\n\n")
        .filter(|block| !block.is_empty())
        .map(|block| block.split(' ').next().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn every_query_case_as_one_argument() {
    for case in support::cases() {
        let query = case["query"].as_str().unwrap();
        let output = explain(&[query]);
        match lookup(query) {
            Ok(matches) => {
                assert!(output.status.success(), "{query:?}: {}", stderr(&output));
                let expected: Vec<String> = matches.iter().map(|m| m.reference()).collect();
                assert_eq!(references(&stdout(&output)), expected, "{query:?}");
                let json = explain(&["--json", query]);
                let value: Value = serde_json::from_slice(&json.stdout).unwrap();
                assert_eq!(value["read_as"]["code"], case["read_as"]["code"].clone());
                assert_eq!(
                    value["read_as"]["message_id"],
                    case["read_as"]["message_id"].clone()
                );
                assert_eq!(
                    value["read_as"]["portal_error"],
                    case["read_as"]["portal_error"].clone()
                );
                let rows: Vec<&str> = value["matches"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["row"].as_str().unwrap())
                    .collect();
                assert_eq!(rows, expected, "{query:?}");
                if let Some(words) = case["read_as"]["words"].as_array() {
                    assert_eq!(
                        &value["read_as"]["words"]["words"],
                        &Value::Array(words.clone())
                    );
                    words_are_said_where_found(query, &matches, &stdout(&output), &value);
                }
            }
            Err(Failure::NotFound { .. } | Failure::NoWords { .. }) => {
                assert_eq!(output.status.code(), Some(1), "{query:?}");
                assert!(
                    stderr(&output).contains(&format!("in table version {VERSION}")),
                    "{query:?}"
                );
            }
            Err(Failure::Malformed { .. }) => {
                assert_eq!(output.status.code(), Some(2), "{query:?}");
                assert!(stderr(&output).starts_with("explain: "), "{query:?}");
            }
        }
    }
}

/// For a search by words: the 一致 line of each row names the fields and the words found
/// there, and the JSON gives the same.
fn words_are_said_where_found(
    query: &str,
    matches: &[oqs_explain::Match],
    text: &str,
    json: &Value,
) {
    let blocks: Vec<&str> = text.split("\n\n").filter(|b| !b.is_empty()).collect();
    assert_eq!(blocks.len(), matches.len());
    for ((m, block), row) in matches
        .iter()
        .zip(&blocks)
        .zip(json["matches"].as_array().unwrap())
    {
        let Reason::Text(reason) = &m.reason else {
            panic!("{query:?}: not a search by words");
        };
        let line = block
            .lines()
            .find(|l| l.trim_start().starts_with("一致"))
            .unwrap();
        for (field, words) in &reason.found {
            assert!(
                line.contains(oqs_explain::labels::of(*field)),
                "{query:?}: {line}"
            );
            for word in words {
                let shown = oqs_messages::unseen::escaped(word).to_string();
                assert!(line.contains(&shown), "{query:?}: {line}");
            }
        }
        assert_eq!(row["match"]["kind"], "text");
        let fields: Vec<&str> = row["match"]["found"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = reason.found.iter().map(|(f, _)| f.name()).collect();
        assert_eq!(fields, expected, "{query:?}");
    }
}

#[test]
fn nothing_found_by_words_says_so_with_the_nearest_words() {
    let output = explain(&["ゐゑゐゑ"]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(said.contains("no row holds ゐゑゐゑ"), "{said}");
    assert!(
        said.contains("a code (015) or a message ID (0x04000011) can be typed too"),
        "{said}"
    );
    // A word with a typo: the nearest word of the table is offered.
    let katakana = |t: &&str| t.chars().all(|c| ('\u{30A1}'..='\u{30FC}').contains(&c));
    let term = Code::ALL
        .iter()
        .flat_map(|c| oqs_messages::search::terms(c.heading()))
        .find(|t| katakana(t) && t.chars().count() >= 5)
        .expect("a katakana term of five characters in a heading");
    let mut typo: Vec<char> = term.chars().collect();
    typo[1] = 'ヂ';
    let typo: String = typo.into_iter().collect();
    let output = explain(&[&typo]);
    assert_eq!(output.status.code(), Some(1), "{typo}");
    assert!(
        stderr(&output).contains(&format!("nearest words: {term}")),
        "{}",
        stderr(&output)
    );
    // Empty is not a query at all.
    assert_eq!(explain(&[" "]).status.code(), Some(2));
}

#[test]
fn several_arguments_are_read_as_one_line() {
    let row = ROWS.iter().find(|r| !r.message_ids.is_empty()).unwrap();
    let code = format!("{:03}", row.code.number());
    let id = row.message_ids[0].to_string();
    let id = id.split('～').next().unwrap();
    let one = stdout(&explain(&[&format!("{code} {id}")]));
    let two = stdout(&explain(&[&code, id]));
    assert_eq!(one, two);
    assert!(references(&one).contains(&row_reference(row)));
}

#[test]
fn labels_are_the_table_column_titles_aligned_by_display_width() {
    let code = Code::ALL[0];
    let text = stdout(&explain(&[&format!("{:03}", code.number())]));
    let block = text.split("\n\n").next().unwrap();
    let lines: Vec<&str> = block.lines().skip(1).collect();
    for label in [
        "一致",
        "メッセージ内容",
        "エラー種別",
        "メッセージID",
        "原因",
        "対処",
        "問合せ先",
    ] {
        let line = lines
            .iter()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in {block}"));
        // Every value starts in the same terminal column.
        let value_column = 2 + line[2..].find("  ").unwrap();
        let before = &line[..value_column];
        let rest = line[value_column..].trim_start_matches(' ');
        let column = before.width() + (line[value_column..].len() - rest.len());
        assert_eq!(column, 2 + "メッセージ内容".width() + 2, "{line}");
    }
    assert!(block.contains(&format!(
        "  メッセージ内容  {}",
        code.message().lines().next().unwrap()
    )));
}

#[test]
fn footnotes_are_shown_with_the_rows_that_cite_them() {
    let Some(row) = ROWS.iter().find(|r| !r.footnotes.is_empty()) else {
        return;
    };
    let note = row.footnotes[0];
    let text = stdout(&explain(&[&format!("{:03}", row.code.number())]));
    let first_line = note.text.lines().next().unwrap();
    assert!(
        text.contains(note.marker) && text.contains(first_line),
        "{text}"
    );
}

#[test]
fn json_is_the_documented_structure() {
    let row = ROWS
        .iter()
        .find(|r| r.message_ids.iter().any(|id| id.to_string().contains('～')))
        .or_else(|| ROWS.first())
        .unwrap();
    let output = explain(&["--json", &format!("{:03}", row.code.number())]);
    let text = stdout(&output);
    let value: Value = serde_json::from_str(&text).unwrap();
    // Fields in their documented order, as printed.
    let in_order = |text: &str, keys: &[&str]| {
        let at: Vec<usize> = keys
            .iter()
            .map(|k| {
                text.find(&format!("\"{k}\": "))
                    .unwrap_or_else(|| panic!("no {k}"))
            })
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "{keys:?} out of order in {text}"
        );
    };
    in_order(&text, &["query", "table_version", "read_as", "matches"]);
    let matches_text = &text[text.find("\"matches\": ").unwrap()..];
    in_order(
        matches_text,
        &[
            "row",
            "match",
            "code",
            "tags",
            "heading",
            "message",
            "message_ids",
            "cause",
            "remedy",
            "contact",
            "footnotes",
        ],
    );
    assert_eq!(value["table_version"], VERSION);
    let first = &value["matches"][0];
    assert_eq!(first["match"]["kind"], "code");
    // IDs as in table.json: "0x%08X", a range as {"start", "end"}.
    for id in value["matches"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["message_ids"].as_array().unwrap())
    {
        match id {
            Value::String(s) => assert!(s.starts_with("0x") && s.len() == 10, "{s}"),
            Value::Object(range) => {
                let mut keys: Vec<&String> = range.keys().collect();
                keys.sort();
                assert_eq!(keys, ["end", "start"]);
            }
            other => panic!("{other}"),
        }
    }
}

#[test]
fn not_found_names_the_nearest_codes() {
    // Neither a code nor a マイナポータル error code of the table.
    let taken: Vec<u16> = Code::ALL.iter().map(|c| c.number()).collect();
    let missing = (1..1000)
        .find(|&n| !taken.contains(&n) && oqs_messages::rows_for_portal_error(n).next().is_none())
        .unwrap();
    let output = explain(&[&format!("{missing:03}")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!(
            "explain: no code {missing:03} in table version {VERSION}; nearest: "
        )),
        "{err}"
    );
    assert!(matches!(Query::parse(&format!("{missing:03}")), Ok(Query::Code(n)) if n == missing));
}

#[test]
fn usage() {
    assert_eq!(explain(&[]).status.code(), Some(2));
    let help = stdout(&explain(&["--help"]));
    assert!(
        help.contains("--json") && help.contains("--portal <NNN>"),
        "{help}"
    );
}
