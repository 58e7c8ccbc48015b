//! `explain`: what a card reader code or message ID means and whom to call.

use std::process::ExitCode;

use clap::Parser;
use oqs_explain::{
    json_text, render_json, render_text, withdrawn, Asked, Failure, OlderTable, WithdrawnAnswer,
};

/// What a card reader code or message ID means, and whom to call, from the ministry's table
/// 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」.
///
/// Takes what people paste, read as the offline page reads it: `explain 015`,
/// `explain ０１５`, `explain 04000011`, `explain 015 0x04000011`, a log line as one
/// argument (`explain "2026/11/25 10:15 015 0x04000011"`), the screen message
/// (`explain 【015：マイナンバーカードから顔写真の引き出し不可】`), a received error code
/// (`explain 0xf0301d1c`), a マイナポータル error code (`explain --portal 005`), or the
/// words a caller says (`explain 暗証番号 ロック`, `explain 証明書の期限が切れている`): every
/// row that holds them all, and where.
///
/// A code or ID an older version of the table in spec/ lists and this one does not is
/// answered with the texts it last had, said to be withdrawn and in which version.
///
/// Exit codes: 0 found (or withdrawn, with its last texts); 1 not in the table (the nearest entries or words are named); 2 no
/// query at all (blank).
#[derive(Parser)]
#[command(name = "explain", version, about, long_about)]
struct Args {
    /// A code, a message ID, both, a log line or the screen message; several arguments are
    /// read as one line.
    #[arg(value_name = "TEXT", num_args = 0.., required_unless_present = "portal")]
    terms: Vec<String>,
    /// Look up a マイナポータル error code (005, 860…990) listed under code 010.
    #[arg(long, value_name = "NNN", conflicts_with = "terms")]
    portal: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Answer as an older version of the table did: a version whose workbook is in spec/
    /// (`--table 1.25`), or a workbook file. Codes and IDs only; words are searched in the
    /// current table.
    #[arg(long, value_name = "VERSION")]
    table: Option<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let asked = match &args.portal {
        Some(portal) => format!("portal {portal}"),
        None => args.terms.join(" "),
    };
    let read = match Asked::read(&asked) {
        Ok(read) => read,
        Err(failure) => return fail(&failure),
    };
    if let Some(version) = args
        .table
        .as_deref()
        .filter(|v| *v != oqs_messages::VERSION)
    {
        return answer_from(version, &asked, &read, args.json);
    }
    // A code or ID an older version of spec/ lists and this table does not: its last
    // texts, said for what they are, beside any current row that answers.
    let old = match &read {
        Asked::Query(query) => withdrawn(*query),
        Asked::Words(_) => None,
    };
    let matches = match (read.answer(), &old) {
        (Ok(matches), _) => matches,
        (Err(Failure::NotFound { .. }), Some(_)) => Vec::new(),
        (Err(failure), _) => return fail(&failure),
    };
    if args.json {
        let mut answer = render_json(&asked, &read, &matches);
        answer.withdrawn = old.as_ref().map(WithdrawnAnswer::json);
        return print_json(&answer);
    }
    if let Some(old) = &old {
        print!("{}", old.text());
        if !matches.is_empty() {
            println!();
        }
    }
    print!("{}", render_text(&matches));
    ExitCode::SUCCESS
}

/// The answer of an older version of the table.
fn answer_from(version: &str, asked: &str, read: &Asked, json: bool) -> ExitCode {
    let older = match OlderTable::read(version) {
        Ok(older) => older,
        Err(err) => {
            eprintln!("explain: {err}");
            return ExitCode::from(2);
        }
    };
    let Asked::Query(query) = read else {
        eprintln!(
            "explain: --table {} answers codes and message IDs; words are searched in the current table ({}): ask without --table",
            older.table.version,
            oqs_messages::VERSION
        );
        return ExitCode::from(2);
    };
    match older.answer(*query) {
        Ok(matches) if json => print_json(&older.json(asked, *query, &matches)),
        Ok(matches) => {
            print!("{}", older.text(&matches));
            ExitCode::SUCCESS
        }
        Err(failure) => fail(&failure),
    }
}

fn print_json(answer: &impl serde::Serialize) -> ExitCode {
    match json_text(answer) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("explain: {err}");
            ExitCode::from(2)
        }
    }
}

fn fail(failure: &Failure) -> ExitCode {
    eprintln!("explain: {failure}");
    match failure {
        Failure::Malformed { .. } => ExitCode::from(2),
        Failure::NotFound { .. } | Failure::NoWords { .. } => ExitCode::from(1),
    }
}
