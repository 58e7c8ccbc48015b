//! Prints what `message_table!` expands to for a table file, as plain Rust: the
//! "expanded twin" that `scripts/compile-cost.sh` builds to measure what the macro costs.
//!
//! `cargo run -p oqs-messages-macros --example expand_table -- generated/src/table.rs`

#[path = "../src/errors.rs"]
mod errors;
#[path = "../src/expand/mod.rs"]
#[allow(dead_code, unused_imports)]
mod expand;
#[path = "../src/input/mod.rs"]
#[allow(dead_code)]
mod input;

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: expand_table <generated/src/table.rs>");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::from(2);
        }
    };
    // The file is one invocation: `oqs_messages_macros::message_table! { … }`.
    let Some(body) = source
        .find('{')
        .zip(source.rfind('}'))
        .map(|(open, close)| &source[open + 1..close])
    else {
        eprintln!("{path}: expected `oqs_messages_macros::message_table! {{ … }}`");
        return ExitCode::from(2);
    };
    let parsed = body
        .parse::<proc_macro2::TokenStream>()
        .map_err(|err| err.to_string())
        .and_then(|tokens| syn::parse2::<input::TableInput>(tokens).map_err(|err| err.to_string()));
    let table = match parsed {
        Ok(table) => table,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::from(2);
        }
    };
    if let Err(err) = table.check() {
        eprintln!("{path}: {err}");
        return ExitCode::from(2);
    }
    println!("// Expanded from {path} by the expand_table example; not checked in.");
    println!("{}", expand::expand(&table));
    ExitCode::SUCCESS
}
