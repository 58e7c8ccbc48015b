//! What `explain` says about itself, in Japanese (the default) and English: its help and
//! the messages of its command line. What an answer says (the same on the page) is
//! `oqs_answer::say`, re-exported here.

pub use oqs_answer::say::*;

/// The environment variable that sets the language when `--lang` is not given.
pub const LANG_VARIABLE: &str = "EXPLAIN_LANG";

/// The language a flag asks for, else [`LANG_VARIABLE`], else Japanese. The locale (`LANG`,
/// `LC_ALL`) is not consulted: servers and containers default to English or `C` whoever
/// reads the answer, and the help desk's language is Japanese.
pub fn chosen(flag: Option<&str>) -> Lang {
    flag.and_then(Lang::parse)
        .or_else(|| {
            std::env::var(LANG_VARIABLE)
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

/// No older table of that version.
pub fn no_older_table(lang: Lang, version: &str, kept: &[String]) -> String {
    let kept_ja = if kept.is_empty() {
        "ありません".to_owned()
    } else {
        kept.join("、")
    };
    let kept_en = if kept.is_empty() {
        "none".to_owned()
    } else {
        kept.join(", ")
    };
    lang.pick(
        format!("一覧の{version}版はありません（この explain が持つ版: {kept_ja}）。"),
        format!("no table of version {version} (this explain holds: {kept_en})"),
    )
}

/// A workbook file given with `--table` could not be read.
pub fn unreadable_workbook(lang: Lang, error: &str) -> String {
    lang.pick(
        format!("ワークブックを読めません: {error}"),
        format!("cannot read the workbook: {error}"),
    )
}

/// A workbook file given with `--table`, to an `explain` built without the reader.
pub fn workbook_feature_needed(lang: Lang) -> String {
    lang.pick(
        "ワークブックのファイルを読むには、explain を workbook 機能付きでビルドしてください（cargo install --path explain --features workbook）。版の番号（--table 1.25）なら、この explain が持つ版で答えます。".to_owned(),
        "reading a workbook file needs explain built with the workbook feature (cargo install --path explain --features workbook); a version number (--table 1.25) is answered from the versions built in".to_owned(),
    )
}

/// No text given at all.
pub fn nothing_asked(lang: Lang) -> String {
    lang.pick(
        "調べるもの（コード、メッセージID、ログの1行、言葉）を指定してください（explain 015）。使い方: explain --help".to_owned(),
        "give something to look up (a code, a message ID, a log line, words: explain 015); see explain --help".to_owned(),
    )
}

/// The command line could not be read; clap's own words follow (in English).
pub fn bad_arguments(lang: Lang, clap_says: &str) -> String {
    lang.pick(
        format!("引数を読めません（使い方: explain --help）。{clap_says}"),
        format!("cannot read the arguments (see explain --help): {clap_says}"),
    )
}

/// The JSON could not be written.
pub fn json_failed(lang: Lang, error: &str) -> String {
    lang.pick(
        format!("JSONを書き出せません: {error}"),
        format!("cannot write the JSON: {error}"),
    )
}

/// Standard output refused the answer (a full disk, a closed file; not a reader that stopped).
pub fn not_written(lang: Lang, error: &str) -> String {
    lang.pick(
        format!("答えを書き出せません: {error}"),
        format!("cannot write the answer: {error}"),
    )
}

/// The help `explain --help` shows, per language: the about text and each argument's.
pub struct Help {
    /// One line.
    pub about: &'static str,
    /// The long description.
    pub long_about: &'static str,
    /// `TEXT…`.
    pub terms: &'static str,
    /// `--portal`.
    pub portal: &'static str,
    /// `--json`.
    pub json: &'static str,
    /// `--ticket`.
    pub ticket: &'static str,
    /// `--table`.
    pub table: &'static str,
    /// `--lang`.
    pub lang: &'static str,
    /// `-h`, `--help`.
    pub help: &'static str,
    /// `-V`, `--version`.
    pub version: &'static str,
    /// The usage line.
    pub usage: &'static str,
    /// The help's layout, its headings in the language.
    pub template: &'static str,
}

/// The help in a language.
pub fn help(lang: Lang) -> Help {
    match lang {
        Lang::Ja => Help {
            about: "カードリーダーのコード・メッセージIDの意味と問合せ先を、厚生労働省の「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」から引きます。",
            long_about: "カードリーダーのコード・メッセージIDの意味と問合せ先を、厚生労働省の「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」から引きます。\n\n\
貼り付けたものをそのまま読みます: explain 015、explain ０１５、explain 04000011、explain 015 0x04000011、\
ログの1行（explain \"2026-11-25 10:15:30.123 [ERROR] 015 0x04000011\"）、画面のメッセージ\
（explain 【015：マイナンバーカードから顔写真の引き出し不可】）、受信したエラーコード（explain 0xf0301d1c）、\
マイナポータルのエラーコード（explain --portal 005）、または患者さん・職員の言葉（explain 暗証番号 ロック）。\
引数がなければ、パイプで渡された文を読みます（echo 015 | explain）。\n\n\
現行の表にない、古い版にあったコード・IDには、最後の版での内容を「廃止」として答えます。\n\n\
終了コード: 0 見つかった（廃止を含む）、1 表にない（近いものを示します）、2 調べるものがない・読めない。",
            terms: "コード、メッセージID、その両方、ログの1行、画面のメッセージ、または言葉。複数の引数は1行として読みます。",
            portal: "コード010に記載のマイナポータルのエラーコード（005、860～990）を引きます。",
            json: "JSONで出力します（見つからないときも、読み取った内容と近いものを出力します）。",
            ticket: "チケットやメールに貼れる文で出力します（行ごとに、コード、メッセージID、原因、対処、問合せ先、一覧の版）。ページの「コピー」と同じ文です。",
            table: "古い版の表で答えます（--table 1.25）。この explain が持つ版、またはワークブックのファイル（workbook 機能付きでビルドした場合）。コードとIDのみ。",
            lang: "表示の言語: ja（既定）または en。環境変数 EXPLAIN_LANG でも指定できます。",
            help: "このヘルプを表示します（-h で要約）。",
            version: "版を表示します。",
            usage: "explain [オプション] [TEXT]...",
            template: "{about-with-newline}\n使い方: {usage}\n\n引数:\n{positionals}\n\nオプション:\n{options}{after-help}",
        },
        Lang::En => Help {
            about: "What a card reader code or message ID means, and whom to call, from the ministry's table 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」.",
            long_about: "What a card reader code or message ID means, and whom to call, from the ministry's table 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」.\n\n\
Takes what people paste: explain 015, explain ０１５, explain 04000011, explain 015 0x04000011, a log line \
(explain \"2026-11-25 10:15:30.123 [ERROR] 015 0x04000011\"), the screen message \
(explain 【015：マイナンバーカードから顔写真の引き出し不可】), a received error code (explain 0xf0301d1c), \
a マイナポータル error code (explain --portal 005), or the words a caller says (explain 暗証番号 ロック). \
With no argument, what is piped in is read (echo 015 | explain).\n\n\
A code or ID an older version of the table lists and this one does not is answered with the texts it last had, said to be withdrawn.\n\n\
Exit codes: 0 found (or withdrawn); 1 not in the table (the nearest entries are named); 2 nothing to look up, or unreadable.",
            terms: "A code, a message ID, both, a log line, the screen message, or words; several arguments are read as one line.",
            portal: "Look up a マイナポータル error code (005, 860…990) listed under code 010.",
            json: "Print JSON (also when nothing is found: what was read, and the nearest entries).",
            ticket: "Print each row as plain text for a ticket or an e-mail (code, message ID, cause, remedy, contact, table version): what the page's copy control copies.",
            table: "Answer as an older version of the table did (--table 1.25): a version this explain holds, or a workbook file (when built with the workbook feature). Codes and IDs only.",
            lang: "The language around the table's texts: ja (the default) or en; also EXPLAIN_LANG.",
            help: "Print help (see a summary with '-h').",
            version: "Print version.",
            usage: "explain [OPTIONS] [TEXT]...",
            template: "{about-with-newline}\nUsage: {usage}\n\nArguments:\n{positionals}\n\nOptions:\n{options}{after-help}",
        },
    }
}
