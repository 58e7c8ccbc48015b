//! `cargo run -p codegen`: read the newest workbook in `spec/`, check it, and write the
//! normalized table into `generated/`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use codegen::run::{default_inputs, diff, render};
use codegen::summary::history_summary;
use codegen::{
    default_names_file, stale_files, summary, workspace_root, write_files, Names, Outcome, Versions,
};

/// Reads the ministry's card reader message workbook and writes the normalized table.
///
/// Exit codes: 0 success; 1 `--check` found stale files; 2 the workbook was refused or a
/// file could not be read or written (nothing is written then).
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Args {
    /// The one workbook to read, instead of every one in spec/ (the newest making the
    /// table, the older ones its history).
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
    /// Where to write, instead of generated/.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The variant names, instead of spec/names.toml.
    #[arg(long, value_name = "FILE")]
    names: Option<PathBuf>,
    /// Write nothing; exit 1 and name each file whose checked-in contents are stale.
    #[arg(long)]
    check: bool,
    /// Refuse a workbook with anything not read as published text: hidden sheets, rows or
    /// columns, struck-through text, identifiers typed full-width, repeated headers.
    #[arg(long, global = true)]
    strict: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print a Markdown report of what changed from one workbook to another: codes,
    /// message IDs, rows and texts, and the release it calls for.
    Diff {
        /// The older workbook.
        old: PathBuf,
        /// The newer workbook.
        new: PathBuf,
    },
    /// Record what generated/engine.wasm was built from (scripts/build-engine.sh runs it
    /// after a build): generated/engine.wasm.sources.
    EngineBuilt,
}

/// `engine-built`: the record of the module built into this codegen and of the sources now.
fn record_engine() -> ExitCode {
    let root = workspace_root();
    let path = root.join("generated").join(codegen::engine::SOURCES_FILE);
    let written = codegen::engine::record(&root, codegen::engine::MODULE).and_then(|record| {
        std::fs::write(&path, record).map_err(|source| codegen::Error::Io {
            path: path.clone(),
            source,
        })
    });
    match written {
        Ok(()) => {
            println!("wrote        {}", path.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// `--check` of the engine: the module checked in was built from the sources in the
/// workspace. Prints what differs.
fn engine_is_current(out: &std::path::Path) -> Result<bool, codegen::Error> {
    let stale = codegen::engine::stale(&workspace_root(), out)?;
    for line in &stale {
        eprintln!("stale engine: {line}");
    }
    if !stale.is_empty() {
        eprintln!(
            "generated/engine.wasm was not built from these sources: run scripts/build-engine.sh and commit the result"
        );
    }
    Ok(stale.is_empty())
}

fn print_diff(old: &std::path::Path, new: &std::path::Path, strict: bool) -> ExitCode {
    match diff(old, new, strict) {
        Ok(report) => {
            print!("{}", report.markdown(1));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// A damaged workbook can make the spreadsheet library panic; the reader catches that and
/// refuses the file with its own message, so the library's panic message is not printed.
/// Any other panic is a bug of ours and is reported as usual.
fn quiet_library_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_library = info
            .location()
            .is_some_and(|l| l.file().contains("calamine") || l.file().contains("/cfb-"));
        if !in_library {
            default(info);
        }
    }));
}

fn main() -> ExitCode {
    quiet_library_panics();
    let args = Args::parse();
    match &args.command {
        Some(Command::Diff { old, new }) => return print_diff(old, new, args.strict),
        Some(Command::EngineBuilt) => return record_engine(),
        None => {}
    }
    // The engine is checked where it is checked in: generated/, not another --out.
    let check_engine = args.out.is_none();
    let names_file = args.names.unwrap_or_else(default_names_file);
    let out = args
        .out
        .unwrap_or_else(|| workspace_root().join("generated"));
    let generated = default_inputs(args.input).and_then(|inputs| {
        let versions = Versions::read(&inputs, args.strict)?;
        let names = Names::load(&names_file)?;
        let files = render(&versions, &names, &names_file, &out)?;
        Ok((versions, files, names))
    });
    let (versions, files, names) = match generated {
        Ok(generated) => generated,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let reading = versions.newest();
    println!("{}", summary(reading));
    println!("{}", history_summary(&versions));
    // Housekeeping lines: what the curated files name that the tables no longer hold.
    let lines = [
        summary::unused_names(&versions, &names, &names_file),
        summary::stale_callers_words(&versions, &names, &names_file),
    ];
    for line in lines.into_iter().flatten() {
        println!("{line}");
    }
    // The revision's CHANGES.md entry and the crate's version move are part of the output:
    // `--check` compares them too.
    let (files, report) = codegen::with_revision(&out, reading, files);
    if args.check {
        let stale = stale_files(&out, &files);
        let engine_current = match check_engine.then(|| engine_is_current(&out)) {
            Some(Err(err)) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
            Some(Ok(current)) => current,
            None => true,
        };
        if stale.is_empty() && engine_current {
            println!("up to date   {}", out.display());
            return ExitCode::SUCCESS;
        }
        for path in &stale {
            eprintln!(
                "stale: {} differs from what the workbook gives",
                path.display()
            );
        }
        if !stale.is_empty() {
            eprintln!("run `cargo run -p codegen` and commit the result");
        }
        return ExitCode::from(1);
    }
    if let Some(report) = report {
        println!("\n{}", report.markdown(1));
    }
    match write_files(&out, &files) {
        Ok(outcomes) => {
            for (file, outcome) in files.iter().zip(outcomes) {
                let what = match outcome {
                    Outcome::Written => "wrote",
                    Outcome::Unchanged => "unchanged",
                };
                println!("{what:<12} {}", out.join(file.path).display());
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
