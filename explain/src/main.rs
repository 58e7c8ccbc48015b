//! `explain`: what a card reader code or message ID means and whom to call.

use std::process::ExitCode;

use clap::Parser;
use oqs_explain::{code, explain, parse_term, render_json, render_text, Failure, Query, Term};

/// What a card reader code or message ID means, and whom to call, from the ministry's table
/// 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」.
///
/// Examples: `explain 015`, `explain 0x04000011`, `explain 015 0x04000011`,
/// `explain 0xf0301d1c`, `explain --portal 005`.
///
/// Exit codes: 0 found; 1 not in the table (the nearest entries are named); 2 malformed
/// input.
#[derive(Parser)]
#[command(name = "explain", version, about, long_about)]
struct Args {
    /// A display code (015), a message ID (0x04000011), or both from one log line.
    #[arg(value_name = "CODE_OR_ID", num_args = 0..=2, required_unless_present = "portal")]
    terms: Vec<String>,
    /// Look up a マイナポータル error code (005, 860…990) listed under code 010.
    #[arg(long, value_name = "NNN", conflicts_with = "terms")]
    portal: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

fn query(args: &Args) -> Result<Query, Failure> {
    if let Some(portal) = &args.portal {
        return match parse_term(portal)? {
            Term::Number(n) => Ok(Query::Portal(n)),
            Term::Value(_) => Err(Failure::Malformed(portal.clone())),
        };
    }
    let terms: Vec<Term> = args
        .terms
        .iter()
        .map(|t| parse_term(t))
        .collect::<Result<_, _>>()?;
    match terms.as_slice() {
        [Term::Number(n)] => Ok(Query::Code(code(*n)?)),
        [Term::Value(v)] => Ok(Query::Value(*v)),
        [Term::Number(n), Term::Value(v)] | [Term::Value(v), Term::Number(n)] => {
            Ok(Query::Pair(code(*n)?, *v))
        }
        _ => Err(Failure::Malformed(args.terms.join(" "))),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let asked = args.portal.clone().unwrap_or_else(|| args.terms.join(" "));
    let result = query(&args).and_then(explain);
    match result {
        Ok(matches) => {
            if args.json {
                println!("{:#}", render_json(&asked, &matches));
            } else {
                print!("{}", render_text(&matches));
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("explain: {failure}");
            match failure {
                Failure::Malformed(_) => ExitCode::from(2),
                Failure::NotFound { .. } => ExitCode::from(1),
            }
        }
    }
}
