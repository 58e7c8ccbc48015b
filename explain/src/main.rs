//! `explain`: what a card reader code or message ID means and whom to call.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser};
use oqs_explain::say::{self, Lang};
use oqs_explain::{json_text, render_json, render_text, Engine, Failure};

/// The arguments; their help, in the language asked for, comes from `say::help`.
#[derive(Parser)]
#[command(name = "explain", version)]
struct Args {
    #[arg(value_name = "TEXT", num_args = 0..)]
    terms: Vec<String>,
    #[arg(long, value_name = "NNN", conflicts_with = "terms")]
    portal: Option<String>,
    #[arg(long)]
    json: bool,
    #[arg(long, conflicts_with = "json")]
    ticket: bool,
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
    // `-V` names the table built in: what answers is the table, more than the program.
    let table = oqs_explain::current().map_or_else(|_| String::new(), |e| e.version().to_owned());
    let version: &'static str = Box::leak(
        format!(
            "{} {}",
            env!("CARGO_PKG_VERSION"),
            say::answered_by(lang, &table)
        )
        .into_boxed_str(),
    );
    Args::command()
        .version(version)
        .about(help.about)
        .long_about(help.long_about)
        .help_template(help.template)
        .override_usage(help.usage)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .mut_arg("terms", |a| a.help(help.terms))
        .mut_arg("portal", |a| a.help(help.portal))
        .mut_arg("json", |a| a.help(help.json))
        .mut_arg("ticket", |a| a.help(help.ticket))
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
    let lang = say::chosen(lang_flag().as_deref());
    let matches = command(lang)
        .try_get_matches()
        .and_then(|m| Args::from_arg_matches(&m));
    let args = match matches {
        Ok(args) => args,
        Err(err) => {
            use clap::error::ErrorKind;
            match err.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => err.exit(),
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
        None if !args.terms.is_empty() => args.terms.join(" "),
        // Nothing on the command line: what is piped in (`echo 015 | explain`), its lines
        // read as one, as several arguments are.
        None => match piped().filter(|text| !text.is_empty()) {
            Some(text) => text,
            None => {
                eprintln!("explain: {}", say::nothing_asked(lang));
                return ExitCode::from(2);
            }
        },
    };
    let current = match oqs_explain::current() {
        Ok(current) => current,
        Err(err) => {
            eprintln!("explain: {err}");
            return ExitCode::from(2);
        }
    };
    let older: Engine;
    let engine = match args.table.as_deref() {
        Some(version) if version != current.version() => match oqs_explain::older(version, lang) {
            Ok(engine) => {
                older = engine;
                &older
            }
            Err(err) => {
                eprintln!("explain: {err}");
                return ExitCode::from(2);
            }
        },
        _ => current,
    };
    let answer = engine.answer(&asked);
    let exit = match &answer.failure {
        // No row fits: the weak candidates are shown, said to be so, exit 1.
        None if answer.weak => ExitCode::from(1),
        None => ExitCode::SUCCESS,
        Some(Failure::Malformed { .. }) => ExitCode::from(2),
        Some(Failure::NotFound { .. } | Failure::NoWords { .. }) => ExitCode::from(1),
    };
    if args.json {
        return match json_text(&render_json(&answer, lang)) {
            Ok(json) => written(format!("{json}\n"), exit, lang),
            Err(err) => {
                eprintln!("explain: {}", say::json_failed(lang, &err.to_string()));
                ExitCode::from(2)
            }
        };
    }
    match &answer.failure {
        Some(failure) => {
            eprintln!("explain: {}", failure.say(lang));
            exit
        }
        None if args.ticket => {
            let tickets = oqs_explain::ticket::tickets(engine, &answer, lang);
            written(tickets.join("\n"), exit, lang)
        }
        None => written(render_text(&answer, lang), exit, lang),
    }
}

/// Writes the answer to standard output. A reader that stops early (`explain 015 | head`)
/// is no failure: the rest is dropped quietly and the answer's exit status kept.
fn written(text: String, exit: ExitCode, lang: Lang) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => exit,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => exit,
        Err(err) => {
            eprintln!("explain: {}", say::not_written(lang, &err.to_string()));
            ExitCode::from(2)
        }
    }
}

/// The text piped in, when standard input is no terminal: its lines joined by a blank.
/// `None` for a terminal (a person would wait for nothing) or nothing readable.
fn piped() -> Option<String> {
    use std::io::{IsTerminal, Read};
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        return None;
    }
    let mut bytes = Vec::new();
    stdin.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}
