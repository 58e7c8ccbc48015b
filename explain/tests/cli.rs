//! `explain` as a help desk runs it: every shared query case (`tests/queries.json`) given
//! as one argument, as people paste it, answers with the library's rows, in text and JSON.
//! What is expected comes from the current table, so these tests hold for any version.

mod support;

use std::process::{Command, Output};

use oqs_explain::say::{self, column_title, Label, Lang};
use oqs_explain::{lookup, Failure, Reason};
use oqs_messages::{Code, MessageId, Query, ROWS, VERSION};
use serde_json::Value;
use support::row_reference;
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

/// The row reference that starts each block: `015-2` (the block that heads a whole code's
/// answer, its heading and message once, has none).
fn references(text: &str) -> Vec<String> {
    text.split("\n\n")
        .filter_map(|block| block.split([' ', '\n']).next())
        .filter(|first| {
            first
                .split_once('-')
                .is_some_and(|(code, row)| code.len() == 3 && row.parse::<u32>().is_ok())
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_query_case_as_one_argument() {
    for case in support::cases() {
        let query = case["query"].as_str().unwrap();
        let output = explain(&[query]);
        let answer = lookup(query);
        match answer.failure.clone() {
            None => {
                let matches = &answer.matches;
                assert!(output.status.success(), "{query:?}: {}", stderr(&output));
                let expected: Vec<String> = matches.iter().map(|m| m.shown.reference()).collect();
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
                    words_are_said_where_found(query, matches, &stdout(&output), &value);
                }
            }
            Some(failure @ (Failure::NotFound { .. } | Failure::NoWords { .. })) => {
                assert_eq!(output.status.code(), Some(1), "{query:?}");
                assert!(
                    stderr(&output).contains(&format!("一覧（{VERSION}版）にありません")),
                    "{query:?}"
                );
                json_when_nothing_answers(query, &failure, 1);
            }
            Some(failure @ Failure::Malformed { .. }) => {
                assert_eq!(output.status.code(), Some(2), "{query:?}");
                assert!(stderr(&output).starts_with("explain: "), "{query:?}");
                json_when_nothing_answers(query, &failure, 2);
                // What each part of a log line was taken for, where it held several.
                if let Some(listed) = case["candidates"].as_array() {
                    for pair in listed {
                        let part = format!(
                            "{} → {}",
                            pair[0].as_str().unwrap(),
                            if pair[1] == "code" {
                                "コード"
                            } else {
                                "メッセージID"
                            }
                        );
                        assert!(stderr(&output).contains(&part), "{query:?}: {part}");
                    }
                }
            }
        }
    }
}

/// `--json` when nothing answers: an answer object on stdout with no matches, why, and the
/// same exit code as the text output.
fn json_when_nothing_answers(query: &str, failure: &Failure, exit: i32) {
    let json = explain(&["--json", query]);
    assert_eq!(json.status.code(), Some(exit), "{query:?}");
    assert!(json.stderr.is_empty(), "{query:?}: {}", stderr(&json));
    let value: Value = serde_json::from_slice(&json.stdout)
        .unwrap_or_else(|e| panic!("{query:?}: {e}: {}", stdout(&json)));
    assert_eq!(value["query"], query);
    assert_eq!(value["matches"], Value::Array(Vec::new()), "{query:?}");
    let kind = value["failure"]["kind"].as_str().unwrap();
    let expected = match failure {
        Failure::NotFound { .. } => vec!["not_found"],
        Failure::NoWords { .. } => vec!["no_words"],
        Failure::Malformed { .. } => vec!["empty", "unrecognized", "several"],
    };
    assert!(expected.contains(&kind), "{query:?}: {kind}");
    assert_eq!(
        value["failure"]["message"],
        failure.say(Lang::Ja),
        "{query:?}"
    );
}

/// For a search by words: the 一致 line of each row names the fields and the words found
/// there, and the JSON gives the same.
fn words_are_said_where_found(
    query: &str,
    matches: &[oqs_explain::Match],
    text: &str,
    json: &Value,
) {
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter(|b| !references(b).is_empty())
        .collect();
    assert_eq!(blocks.len(), matches.len());
    for ((m, block), row) in matches
        .iter()
        .zip(&blocks)
        .zip(json["matches"].as_array().unwrap())
    {
        let line = block
            .lines()
            .find(|l| l.trim_start().starts_with("一致"))
            .unwrap();
        if m.reason == Reason::Alike {
            // A code the words did not find, offered after them.
            assert!(
                line.contains(oqs_explain::say::reason_alike(Lang::Ja)),
                "{query:?}: {line}"
            );
            assert_eq!(row["match"]["kind"], "alike");
            continue;
        }
        let Reason::Text(reason) = &m.reason else {
            panic!("{query:?}: not a search by words");
        };
        for (field, words) in reason.found() {
            assert!(
                line.contains(oqs_explain::say::label(Lang::Ja, field.into())),
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
        let expected: Vec<&str> = reason.found().iter().map(|(f, _)| f.name()).collect();
        assert_eq!(fields, expected, "{query:?}");
    }
}

#[test]
fn nothing_found_by_words_says_so_with_the_nearest_words() {
    let output = explain(&["ゐゑゐゑ"]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(said.contains("「ゐゑゐゑ」を含む行は"), "{said}");
    assert!(
        said.contains("コード（015）やメッセージID（0x04000011）でも引けます"),
        "{said}"
    );
    // A Latin word with a typo (no pair of letters is searched for): the nearest word of
    // the table is offered.
    let latin = |t: &&str| t.chars().all(|c| c.is_ascii_alphabetic());
    let term = ROWS
        .iter()
        .flat_map(|r| oqs_messages::search::terms(r.cause))
        .find(|t| latin(t) && t.chars().count() >= 6)
        .expect("a Latin term of six letters in a cause");
    let typo = oqs_messages_tests::misspelt(term);
    let output = explain(&[&typo]);
    assert_eq!(output.status.code(), Some(1), "{typo}");
    assert!(
        stderr(&output).contains(&format!("近い語: {term}")),
        "{}",
        stderr(&output)
    );
    // A katakana word with a typo is found by the pairs of its characters that the table
    // holds, and said to be in no row as typed.
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
    assert_eq!(output.status.code(), Some(0), "{typo}");
    assert!(stdout(&output).contains(term), "{typo}");
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

/// Each field is labelled with the workbook's own column title (the long ones, such as
/// 「対処(医療機関等ベンダーまたはシステム担当者向け）」, on a line of their own), every value
/// starting in the same terminal column (full-width characters two columns wide), whom to
/// call first.
#[test]
fn labels_are_the_table_column_titles_aligned_by_display_width() {
    let id = MessageId::ALL
        .iter()
        .find(|id| id.range().is_none())
        .expect("an exact ID");
    let text = stdout(&explain(&[&id.to_string()]));
    let block = text.split("\n\n").next().unwrap();
    let lines: Vec<&str> = block.lines().skip(1).collect();
    let value_column = 2 + "メッセージ内容".width() + 2;
    let mut at = Vec::new();
    for label in [
        Label::Contact,
        Label::Match,
        Label::Message,
        Label::Kind,
        Label::MessageId,
        Label::Cause,
        Label::Remedy,
    ] {
        let title = column_title(Lang::Ja, label);
        let index = lines
            .iter()
            .position(|l| l.trim_start().starts_with(title))
            .unwrap_or_else(|| panic!("no {title} in {block}"));
        at.push(index);
        let line = lines[index];
        // A value in the label's line, or, after a title too wide, in the next.
        let (value_line, offset) = if line.trim_start() == title {
            assert!(title.width() > value_column - 4, "{line}");
            (lines[index + 1], 0)
        } else {
            (line, 2 + title.len())
        };
        let rest = value_line[offset..].trim_start_matches(' ');
        let column = value_line[..offset].width() + (value_line.len() - offset - rest.len());
        assert_eq!(column, value_column, "{value_line}");
    }
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{block}");
    assert_eq!(
        column_title(Lang::Ja, Label::Remedy),
        "対処(医療機関等ベンダーまたはシステム担当者向け）"
    );
    let code = oqs_messages::rows_for_value(id.value())
        .next()
        .unwrap()
        .code;
    assert!(block.contains(&format!(
        "  メッセージ内容  {}",
        code.message().lines().next().unwrap()
    )));
}

/// 問合せ先 `-` is said to mean that the table names no one, under it.
#[test]
fn a_contact_of_a_dash_is_explained() {
    let Some(row) = ROWS.iter().find(|r| r.contact.trim() == "-") else {
        return;
    };
    let text = stdout(&explain(&[&row_reference(row)]));
    let contact = text
        .lines()
        .position(|l| l.trim_start().starts_with("問合せ先"))
        .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[contact].trim_end().ends_with(" -"), "{text}");
    assert_eq!(lines[contact + 1].trim(), say::no_contact(Lang::Ja));
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
    // Neither a code, nor a withdrawn one (answered as withdrawn), nor a マイナポータル error
    // code of the table: whatever the table's version.
    let taken: Vec<u16> = Code::ALL.iter().map(|c| c.number()).collect();
    let missing = (1..1000)
        .find(|&n| {
            !taken.contains(&n)
                && oqs_messages::Withdrawn::code(n).is_none()
                && oqs_messages::rows_for_portal_error(n).next().is_none()
        })
        .unwrap();
    let output = explain(&[&format!("{missing:03}")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!(
            "explain: コード {missing:03} は一覧（{VERSION}版）にありません。近いもの: "
        )),
        "{err}"
    );
    // In English on request, by the flag or by the environment.
    let english = stderr(&explain(&["--lang", "en", &format!("{missing:03}")]));
    assert!(
        english.starts_with(&format!(
            "explain: no code {missing:03} in table version {VERSION}; nearest: "
        )),
        "{english}"
    );
    let by_env = Command::new(env!("CARGO_BIN_EXE_explain"))
        .env("EXPLAIN_LANG", "en")
        .arg(format!("{missing:03}"))
        .output()
        .unwrap();
    assert_eq!(stderr(&by_env), english);
    assert!(matches!(Query::parse(&format!("{missing:03}")), Ok(Query::Code(n)) if n == missing));
}

#[test]
fn usage() {
    let none = explain(&[]);
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr(&none).contains("調べるもの"), "{}", stderr(&none));
    let help = stdout(&explain(&["--help"]));
    assert!(
        help.contains("--json") && help.contains("--portal <NNN>") && help.contains("--lang"),
        "{help}"
    );
    assert!(
        help.contains("使い方:") && help.contains("JSONで出力します"),
        "{help}"
    );
    let english = stdout(&explain(&["--lang", "en", "--help"]));
    assert!(
        english.contains("Usage:") && english.contains("Print JSON"),
        "{english}"
    );
}

/// A whole code is given as the page gives it: its heading and message once, then its
/// rows, each without the message.
#[test]
fn a_code_answer_gives_its_heading_and_message_once() {
    for code in Code::ALL {
        if oqs_messages::rows_for_portal_error(code.number())
            .next()
            .is_some()
        {
            continue;
        }
        let text = stdout(&explain(&[&format!("{:03}", code.number())]));
        let first = text.lines().next().unwrap();
        assert!(
            first.starts_with(&format!("{:03} {}", code.number(), code.heading())),
            "{text}"
        );
        let message_lines = code.message().lines().next().unwrap();
        assert_eq!(text.matches(message_lines).count(), 1, "{text}");
        assert_eq!(text.matches("メッセージ内容").count(), 1, "{text}");
        assert_eq!(
            references(&text),
            (1..=code.rows().len())
                .map(|i| format!("{:03}-{i}", code.number()))
                .collect::<Vec<_>>()
        );
    }
}

/// No English sentence where a help desk reads, by default: what is said when nothing is
/// found, around the table's texts, holds no run of ASCII words.
#[test]
fn japanese_by_default() {
    let english_words = |text: &str| {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3 && !["explain", "table", "lang"].contains(w))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    for query in [
        "018",
        "0x04000099",
        "ゐゑゐゑ",
        "015 016",
        "hello world",
        " ",
    ] {
        let output = explain(&[query]);
        let said = stderr(&output);
        assert!(!said.is_empty(), "{query:?}");
        // The query itself is quoted as typed.
        let own = english_words(query);
        let words: Vec<String> = english_words(&said)
            .into_iter()
            .filter(|w| !own.contains(w))
            .collect();
        assert_eq!(words, Vec::<String>::new(), "{query:?}: {said}");
    }
}

/// A workbook file given to `--table` needs the reader, which this build leaves out (it
/// answers versions from the tables built in); it says how to get it.
#[cfg(not(feature = "workbook"))]
#[test]
fn a_workbook_file_needs_the_workbook_feature() {
    let spec = oqs_messages_tests::workspace::root().join("spec");
    let workbook = std::fs::read_dir(&spec)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    let output = explain(&["--table", workbook.to_str().unwrap(), "015"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("workbook 機能付きでビルド"),
        "{}",
        stderr(&output)
    );
}

/// The table's version is under every answer, and `-V` names it beside the program's.
#[test]
fn every_answer_names_the_table_s_version() {
    let version = stdout(&explain(&["-V"]));
    assert!(
        version.starts_with(&format!("explain {}", env!("CARGO_PKG_VERSION")))
            && version.contains(&format!("一覧 {VERSION}版")),
        "{version}"
    );
    let english = stdout(&explain(&["--lang", "en", "-V"]));
    assert!(
        english.contains(&format!("table version {VERSION}")),
        "{english}"
    );
    for case in support::cases() {
        let query = case["query"].as_str().unwrap();
        if lookup(query).failure.is_some() {
            continue;
        }
        let text = stdout(&explain(&[query]));
        assert!(
            text.ends_with(&format!("\n（一覧 {VERSION}版）\n")),
            "{query:?}: {text}"
        );
    }
}

fn explain_piped(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// With no argument, what is piped in is asked, its lines read as one line (a screen
/// message and an ID pasted on two lines are the pair); nothing piped is nothing asked.
#[test]
fn a_pipe_is_read_when_no_argument_is_given() {
    let piped = explain_piped(&[], "015\n");
    assert!(piped.status.success(), "{}", stderr(&piped));
    assert_eq!(stdout(&piped), stdout(&explain(&["015"])));
    let row = ROWS.iter().find(|r| !r.message_ids.is_empty()).unwrap();
    let id = row.message_ids[0].to_string();
    let id = id.split('～').next().unwrap();
    let screen = format!("【{:03}：{}】", row.code.number(), row.code.heading());
    let two_lines = explain_piped(&["--json"], &format!("{screen}\r\n\n{id}\n"));
    let value: Value = serde_json::from_slice(&two_lines.stdout).unwrap();
    assert_eq!(value["query"], format!("{screen} {id}"));
    assert_eq!(
        value["read_as"]["code"],
        format!("{:03}", row.code.number())
    );
    let nothing = explain_piped(&[], " \n");
    assert_eq!(nothing.status.code(), Some(2));
    assert!(
        stderr(&nothing).contains("調べるもの"),
        "{}",
        stderr(&nothing)
    );
}

/// `--ticket` prints, for each row of the answer, the text the page's copy control copies
/// (the one function of both), naming the row as the workbook shows it: its code and
/// heading, the message ID asked, whom to call, the cause and remedy as published, its
/// place under its code, and the table's version.
#[test]
fn a_ticket_is_the_text_the_page_copies() {
    let engine = oqs_explain::current().unwrap();
    for query in ["015 0x04000011", "0xf0301d1c", "015", "暗証番号 ロック"] {
        let answer = lookup(query);
        let output = explain(&["--ticket", query]);
        assert!(output.status.success(), "{query:?}");
        let tickets = oqs_explain::ticket::tickets(engine, &answer, Lang::Ja);
        assert_eq!(tickets.len(), answer.matches.len());
        assert_eq!(stdout(&output), tickets.join("\n"), "{query:?}");
        for (m, ticket) in answer.matches.iter().zip(&tickets) {
            let shown = &m.shown;
            let row = shown.row;
            assert!(
                ticket.starts_with(&format!("コード {} {}", shown.code, shown.heading)),
                "{ticket}"
            );
            for text in [&row.cause, &row.remedy, &row.contact, &row.kind] {
                assert!(
                    ticket.contains(text.trim_end()),
                    "{query:?}: {text:?} in {ticket}"
                );
            }
            assert!(
                ticket.contains(&format!("コード {} の {} 行目", shown.code, shown.number)),
                "{ticket}"
            );
            assert!(ticket.contains(&format!("一覧の版 {VERSION}")), "{ticket}");
            let id_line = ticket
                .lines()
                .find(|l| l.starts_with("メッセージID: "))
                .unwrap();
            match &m.reason {
                Reason::MessageId(id) | Reason::Range { start: id, .. } => {
                    let asked = answer.text.split(' ').next_back().unwrap().to_uppercase();
                    assert!(
                        id_line.to_uppercase().contains(&asked[2..]),
                        "{id_line} for {id:08X}"
                    );
                }
                _ if row.message_ids.is_empty() => assert_eq!(id_line, "メッセージID: -"),
                _ => {
                    for id in &row.message_ids {
                        assert!(id_line.contains(&id.to_string()), "{id_line}");
                    }
                }
            }
        }
    }
    let json_and_ticket = explain(&["--json", "--ticket", "015"]);
    assert_eq!(json_and_ticket.status.code(), Some(2));
}

/// A code whose number is also a マイナポータル error code listed under 010 (the 9xx codes
/// within 860~990): the code's rows are counted as the code's, and the row of 010 follows,
/// said for what it is.
#[test]
fn a_code_that_is_also_a_portal_code_counts_its_own_rows() {
    let mut seen = 0;
    for code in Code::ALL {
        let portal: Vec<String> = oqs_messages::rows_for_portal_error(code.number())
            .map(|(row, _)| row_reference(row))
            .collect();
        if portal.is_empty() {
            continue;
        }
        seen += 1;
        let number = format!("{:03}", code.number());
        let text = stdout(&explain(&[&number]));
        assert!(
            text.contains(&format!("行（{}件）:", code.rows().len())),
            "{text}"
        );
        let mut expected: Vec<String> = (1..=code.rows().len())
            .map(|i| format!("{number}-{i}"))
            .collect();
        expected.extend(portal.iter().cloned());
        assert_eq!(references(&text), expected);
        let blocks: Vec<&str> = text.split("\n\n").collect();
        let last = blocks.iter().rfind(|b| !references(b).is_empty()).unwrap();
        assert!(
            last.lines()
                .nth(2)
                .unwrap()
                .contains("原因に記載のマイナポータルのエラーコード"),
            "{last}"
        );
    }
    assert!(seen > 0, "no code is also a マイナポータル error code");
}

/// `explain 0x | head -1`: a reader that stops after a line is no failure. The answer
/// (every row) is more than a pipe holds, so the write meets the closed pipe.
#[test]
fn a_reader_that_stops_early_is_no_failure() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let whole = explain(&["0x"]).stdout.len();
    assert!(
        whole > 64 * 1024,
        "every row is {whole} bytes: no more than a pipe holds"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_explain"))
        .arg("0x")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("0x"), "{first}");
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}
