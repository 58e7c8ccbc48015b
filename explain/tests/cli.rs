//! `explain` as a help desk runs it, on the real 1.25 table.

use std::process::{Command, Output};

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

/// The first line of each block: `003 暗証番号入力誤り 【手順誤り】`.
fn headings(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|block| block.lines().next().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn a_shared_message_id_shows_every_code() {
    let output = explain(&["0x04000011"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(
        headings(&text),
        [
            "003 暗証番号入力誤り 【手順誤り】",
            "015 マイナンバーカードから顔写真の引き出し不可 【資格確認端末】【アプリエラー】",
            "903 オンライン資格確認等システムの電子証明書エラー 【オンライン資格確認等システム】【障害】",
        ]
    );
    assert!(text.contains("  match    message ID 0x04000011\n"));
    assert!(text.contains("  contact  顔認証付きカードリーダーベンダー\n"));
}

#[test]
fn a_code_and_an_id_from_one_log_line() {
    let output = explain(&["015", "0x04000011"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(headings(&text).len(), 1);
    assert!(text.contains("  kind     照合番号Bが正しくない(あと1回で閉塞)\n"));
}

#[test]
fn a_received_error_code_and_the_range_it_falls_in_each_for_what_it_is() {
    let output = explain(&["0xf0301d1c"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(blocks.len(), 2);
    assert!(blocks[0].starts_with("900 "));
    assert!(blocks[0].contains(
        "  match    message ID in the range 0xF0000000～0xF7FFFFFF (InternalVersionError)"
    ));
    assert!(blocks[1].starts_with("901 "));
    assert!(blocks[1].contains(
        "  match    error code 0xf0301d1c listed in the cause: Javaが存在しない、結果出力フォルダにファイルが存在しない、GACが存在しない等の結果出力エラー"
    ));
}

#[test]
fn an_exact_id_inside_a_range_shows_both() {
    let text = stdout(&explain(&["0xF0000001"]));
    let starts: Vec<String> = headings(&text).iter().map(|h| h[..3].to_owned()).collect();
    assert_eq!(starts, ["900", "905"]);
    assert!(text.contains("  match    message ID 0xF0000001\n"));
}

#[test]
fn a_code_lists_its_rows_and_footnotes() {
    let output = explain(&["007"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(headings(&text).len(), 6);
    assert!(text.contains("  ※１       記載の対処方法を実施しても改善されない場合は"));
    let text = stdout(&explain(&["951"]));
    assert!(text.contains("  ※２       医療費助成情報については、PMH事業に参加している先行実施機関のみ利用可能となります。"));
}

#[test]
fn portal_error_codes() {
    let text = stdout(&explain(&["--portal", "900"]));
    assert!(text.starts_with("010 初回登録エラー"));
    assert!(
        text.contains("マイナポータル error code 860~990 listed in the cause: システム連携エラー")
    );
    let output = explain(&["--portal", "001"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no マイナポータル error code 001 in table version 1.25"));
}

#[test]
fn json_for_machines() {
    let output = explain(&["--json", "0xf0301d1c"]);
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["query"], "0xf0301d1c");
    assert_eq!(value["table_version"], "1.25");
    let matches = value["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 2);
    assert_eq!(matches[0]["match"], "range");
    assert_eq!(matches[0]["code"], "900");
    assert_eq!(matches[1]["match"], "received_code");
    assert_eq!(matches[1]["detail"]["code"], "0xf0301d1c");
    assert_eq!(
        matches[1]["message_ids"],
        serde_json::json!(["0x81000031", "0x82000200"])
    );
}

#[test]
fn unknown_input_names_the_nearest_candidates() {
    let output = explain(&["018"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "explain: no code 018 in table version 1.25; nearest: 017 保険者確認, 016 資格取得エラー, 015 マイナンバーカードから顔写真の引き出し不可\n"
    );
    let output = explain(&["0x04000021"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nearest: 0x04000020, 0x04000011, 0x04000001"));
    let output = explain(&["003", "0x03000001"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no row under code 003 for 0x03000001"));
    assert!(stderr(&output).contains("nearest: 003 0x04000011, 003 0x04000012"));
}

#[test]
fn malformed_input_is_a_usage_error() {
    for args in [&["abc"][..], &["0x123"], &["15"], &["001", "002"]] {
        let output = explain(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).starts_with("explain: "), "{args:?}");
    }
    let output = explain(&[]);
    assert_eq!(output.status.code(), Some(2));
    let help = stdout(&explain(&["--help"]));
    assert!(
        help.contains("--json") && help.contains("--portal <NNN>"),
        "{help}"
    );
}
