//! Rendering: the table to the files of `generated/`, one file here per output:
//! `table.json` for other languages ([`json`]), `src/table.rs`, the Rust tokens the proc
//! macro reads ([`rust`]), `src/search_index.rs`, every text folded as the search matches
//! it ([`search_index`]), `callers-words.json` for the engine ([`callers_words`]),
//! `table.html`, the offline page for help desks ([`html`]), and the packages for other languages, each from one file here: `typescript/`
//! ([`typescript`]), `csharp/` ([`csharp`]), `java/` ([`java`]), and `table.schema.json`
//! ([`schema`]) for the rest.
//!
//! Every output is deterministic: the same table gives the same bytes.

/// The older versions' tables, for `explain --table VERSION` ([`json::older`]).
pub const OLDER_TABLES: &str = "older-tables.json";

pub mod callers_words;
pub mod csharp;
pub mod html;
pub mod java;
pub mod json;
mod literal;
pub mod names;
pub mod rust;
pub mod schema;
pub mod search_index;
pub mod typescript;
pub mod view;
pub mod withdrawn;

use oqs_messages_table::{History, Table};

use crate::report::Report;

use names::Names;

/// The command that writes the generated files, named in their headers.
pub const COMMAND: &str = "cargo run -p codegen";

/// A generated file: its path under the output folder and its contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: &'static str,
    /// The file's full text.
    pub contents: String,
}

/// Every generated file for a table read alone from the workbook named `source`, with
/// the variant names (which must cover the table: see [`Names::check_covers`]).
/// Its packages are at [`view::FIRST_RELEASE`].
pub fn render(table: &Table, source: &str, names: &Names) -> Vec<GeneratedFile> {
    render_with_history(
        table,
        &History::single(table),
        &[],
        source,
        names,
        view::FIRST_RELEASE,
    )
}

/// Every generated file for the newest table, read from the workbook named `source`, with
/// its history over the versions of `spec/` and the revision reports between them (newest
/// first). `release` is the version of every package (the Rust crate's, moved by the
/// revision report: [`crate::revision::release_version`]).
pub fn render_with_history(
    table: &Table,
    history: &History,
    revisions: &[Report],
    source: &str,
    names: &Names,
    release: &str,
) -> Vec<GeneratedFile> {
    // The table as the other languages' renderers walk it, made once for all of them.
    let view = view::View::new(table, names)
        .with_release(release)
        .with_history(history, names);
    let (ids, ranges) = java::message_ids(&view, source);
    let [(_, java_row), (_, java_listed), (_, java_footnote)] = java::types(table, source);
    // Every text folded once, as the engine folds them, for src/search_index.rs.
    let index = oqs_answer::SearchIndex::new(table, &oqs_answer::CallersWords::default());
    vec![
        GeneratedFile {
            path: "table.json",
            contents: json::json(table, history, source),
        },
        GeneratedFile {
            path: "src/table.rs",
            contents: rust::tokens(table, history, source, names),
        },
        GeneratedFile {
            path: "src/withdrawn_table.rs",
            contents: withdrawn::table(table, history, source),
        },
        GeneratedFile {
            path: "src/search_index.rs",
            contents: search_index::rust(table, &index),
        },
        GeneratedFile {
            path: "src/callers_words.rs",
            contents: names.callers_words.rust(&table.version),
        },
        GeneratedFile {
            path: "callers-words.json",
            contents: names.callers_words.json(&table.version),
        },
        GeneratedFile {
            path: "typescript/package.json",
            contents: typescript::package_json(&view),
        },
        GeneratedFile {
            path: "typescript/index.js",
            contents: typescript::commonjs(&view, source),
        },
        GeneratedFile {
            path: "typescript/index.mjs",
            contents: typescript::esm(&view, source),
        },
        GeneratedFile {
            path: "typescript/index.d.ts",
            contents: typescript::declarations(&view, source),
        },
        GeneratedFile {
            path: "typescript/index.d.mts",
            contents: typescript::declarations(&view, source),
        },
        GeneratedFile {
            path: "typescript/README.md",
            contents: typescript::readme(&view),
        },
        GeneratedFile {
            path: "typescript/LICENSE-MIT",
            contents: typescript::LICENSE_MIT.to_owned(),
        },
        GeneratedFile {
            path: "typescript/LICENSE-APACHE",
            contents: typescript::LICENSE_APACHE.to_owned(),
        },
        GeneratedFile {
            path: "csharp/OqsMessages.csproj",
            contents: csharp::project(&view),
        },
        GeneratedFile {
            path: "csharp/README.md",
            contents: csharp::readme(&view),
        },
        GeneratedFile {
            path: "csharp/Code.cs",
            contents: csharp::codes(&view, source),
        },
        GeneratedFile {
            path: "csharp/MessageId.cs",
            contents: csharp::message_ids(&view, source),
        },
        GeneratedFile {
            path: "csharp/Table.cs",
            contents: csharp::data(&view, source),
        },
        GeneratedFile {
            path: "csharp/Types.cs",
            contents: csharp::types(table, source),
        },
        GeneratedFile {
            path: "java/pom.xml",
            contents: java::pom(&view),
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/package-info.java",
            contents: java::package_info(&view, source),
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/Code.java",
            contents: java::code(&view, source),
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/CodeHandler.java",
            contents: java::handler(&view, source),
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/MessageId.java",
            contents: ids,
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/MessageIdRange.java",
            contents: ranges,
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/Table.java",
            contents: java::data(&view, source),
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/Row.java",
            contents: java_row,
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/ListedId.java",
            contents: java_listed,
        },
        GeneratedFile {
            path: "java/src/main/java/oqs/messages/Footnote.java",
            contents: java_footnote,
        },
        GeneratedFile {
            path: "table.schema.json",
            contents: schema::schema(table),
        },
        GeneratedFile {
            path: "table.html",
            contents: html::html_with_history(
                table,
                history,
                revisions,
                source,
                &names.callers_words,
            ),
        },
    ]
}
