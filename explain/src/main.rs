//! `explain`: what a card reader code or message ID means and whom to call.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser};
use oqs_explain::say::{self, Lang};
use oqs_explain::{
    failure_json, json_text, render_json, render_text, withdrawn, Asked, Failure, OlderTable,
    WithdrawnAnswer,
};

/// The arguments; their help, in the language asked for, comes from `say::help`.
#[derive(Parser)]
#[command(name = "explain", version)]
struct Args {
    #[arg(value_name = "TEXT", num_args = 0.., required_unless_present = "portal")]
    terms: Vec<String>,
    #[arg(long, value_name = "NNN", conflicts_with = "terms")]
    portal: Option<String>,
    #[arg(long)]
    json: bool,
    #[arg(long, value_name = "VERSION")]
    table: Option<String>,
    #[arg(long, value_name = "ja|en")]
    lang: Option<String>,
}

/// `--lang` as given, read before clap so that the help itself is in that language.
fn lang_flag() -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--lang" {
            return args.next();
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
    }
    None
}

fn command(lang: Lang) -> clap::Command {
    let help = say::help(lang);
    Args::command()
        .about(help.about)
        .long_about(help.long_about)
        .help_template(help.template)
        .override_usage(help.usage)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .mut_arg("terms", |a| a.help(help.terms))
        .mut_arg("portal", |a| a.help(help.portal))
        .mut_arg("json", |a| a.help(help.json))
        .mut_arg("table", |a| a.help(help.table))
        .mut_arg("lang", |a| a.help(help.lang))
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(help.help),
        )
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(help.version),
        )
}

fn main() -> ExitCode {
    let lang = Lang::chosen(lang_flag().as_deref());
    let matches = command(lang)
        .try_get_matches()
        .and_then(|m| Args::from_arg_matches(&m));
    let args = match matches {
        Ok(args) => args,
        Err(err) => {
            use clap::error::ErrorKind;
            match err.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => err.exit(),
                ErrorKind::MissingRequiredArgument => {
                    eprintln!("explain: {}", say::nothing_asked(lang))
                }
                _ => eprintln!(
                    "explain: {}",
                    say::bad_arguments(lang, err.render().to_string().trim())
                ),
            }
            return ExitCode::from(2);
        }
    };
    let asked = match &args.portal {
        Some(portal) => format!("portal {portal}"),
        None => args.terms.join(" "),
    };
    let read = match Asked::read(&asked) {
        Ok(read) => read,
        Err(failure) => return fail(&asked, None, &failure, args.json, lang),
    };
    if let Some(version) = args
        .table
        .as_deref()
        .filter(|v| *v != oqs_messages::VERSION)
    {
        return answer_from(version, &asked, &read, args.json, lang);
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
        (Err(failure), _) => return fail(&asked, Some(&read), &failure, args.json, lang),
    };
    if args.json {
        let mut answer = render_json(&asked, &read, &matches);
        answer.withdrawn = old.as_ref().map(WithdrawnAnswer::json);
        return print_json(&answer, lang);
    }
    if let Some(old) = &old {
        print!("{}", old.text(lang));
        if !matches.is_empty() {
            println!();
        }
    }
    print!("{}", render_text(&matches, lang));
    ExitCode::SUCCESS
}

/// The answer of an older version of the table.
fn answer_from(version: &str, asked: &str, read: &Asked, json: bool, lang: Lang) -> ExitCode {
    let older = match OlderTable::read(version, lang) {
        Ok(older) => older,
        Err(err) => {
            eprintln!("explain: {err}");
            return ExitCode::from(2);
        }
    };
    let Asked::Query(query) = read else {
        eprintln!(
            "explain: {}",
            say::older_words(lang, older.table.version.as_str(), oqs_messages::VERSION)
        );
        return ExitCode::from(2);
    };
    match older.answer(*query) {
        Ok(matches) if json => print_json(&older.json(asked, *query, &matches), lang),
        Ok(matches) => {
            print!("{}", older.text(&matches, lang));
            ExitCode::SUCCESS
        }
        Err(failure) => fail(asked, Some(read), &failure, json, lang),
    }
}

fn print_json(answer: &impl serde::Serialize, lang: Lang) -> ExitCode {
    match json_text(answer) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("explain: {}", say::json_failed(lang, &err.to_string()));
            ExitCode::from(2)
        }
    }
}

/// Nothing answers: said to a person on stderr, or as a JSON answer on stdout; exit 1 when
/// the table has no such entry, 2 when there is nothing to look up.
fn fail(asked: &str, read: Option<&Asked>, failure: &Failure, json: bool, lang: Lang) -> ExitCode {
    let code = match failure {
        Failure::Malformed { .. } => ExitCode::from(2),
        Failure::NotFound { .. } | Failure::NoWords { .. } => ExitCode::from(1),
    };
    if json {
        if let Ok(text) = json_text(&failure_json(asked, read, failure, lang)) {
            println!("{text}");
        }
    } else {
        eprintln!("explain: {}", failure.say(lang));
    }
    code
}
