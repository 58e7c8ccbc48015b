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

pub mod callers_sentences;
pub mod callers_words;
pub mod csharp;
pub mod html;
pub mod identity;
pub mod java;
pub mod json;
mod literal;
pub mod names;
pub mod package_docs;
pub mod rust;
pub mod schema;
pub mod search_index;
pub mod typescript;
pub mod view;
pub mod withdrawn;

use oqs_messages_table::{History, Table};

use crate::report::Report;

use identity::Identity;
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
/// revision report: [`crate::revision::release_version`]). The packages carry no
/// publishing identity ([`render_published`] gives them one).
pub fn render_with_history(
    table: &Table,
    history: &History,
    revisions: &[Report],
    source: &str,
    names: &Names,
    release: &str,
) -> Vec<GeneratedFile> {
    render_published(
        table,
        history,
        revisions,
        source,
        names,
        release,
        &Identity::default(),
    )
}

/// [`render_with_history`], the packages' manifests filled from the publishing `identity`
/// (the workspace `Cargo.toml`'s: [`Identity::of_output`]).
pub fn render_published(
    table: &Table,
    history: &History,
    revisions: &[Report],
    source: &str,
    names: &Names,
    release: &str,
    identity: &Identity,
) -> Vec<GeneratedFile> {
    // The table as the other languages' renderers walk it, made once for all of them.
    let view = view::View::new(table, names)
        .with_release(release)
        .with_history(history, names)
        .with_identity(identity)
        .with_revisions(revisions);
    // The callers' words, but for readings of words this table no longer holds.
    let callers_words = names.callers_words.for_table(table);
    // Every text folded once, as the engine folds them, for src/search_index.rs.
    let index = oqs_answer::SearchIndex::new(table, &oqs_answer::CallersWords::default());
    // The callers' sentences' counts, for their file and inside the page.
    let callers_sentences = names.callers_sentences.counts(table);
    let mut files = vec![
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
            contents: callers_words.rust(&table.version),
        },
        GeneratedFile {
            path: "callers-words.json",
            contents: callers_words.json(&table.version),
        },
        GeneratedFile {
            path: "callers-sentences.txt",
            contents: callers_sentences.clone(),
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
            path: "typescript/README.ja.md",
            contents: typescript::readme_ja(&view),
        },
        GeneratedFile {
            path: "csharp/OqsMessages.csproj",
            contents: csharp::project(&view),
        },
        GeneratedFile {
            path: "csharp/OqsMessages.nuspec",
            contents: csharp::nuspec(&view),
        },
        GeneratedFile {
            path: "csharp/README.md",
            contents: csharp::readme(&view),
        },
        GeneratedFile {
            path: "csharp/README.ja.md",
            contents: csharp::readme_ja(&view),
        },
        GeneratedFile {
            path: "csharp/AssemblyInfo.cs",
            contents: csharp::assembly_info(&view),
        },
        GeneratedFile {
            path: "csharp/Code.cs",
            contents: csharp::codes(&view),
        },
        GeneratedFile {
            path: "csharp/MessageId.cs",
            contents: csharp::message_ids(&view),
        },
        GeneratedFile {
            path: "csharp/Table.cs",
            contents: csharp::data(&view),
        },
        GeneratedFile {
            path: "csharp/Types.cs",
            contents: csharp::types(table),
        },
        GeneratedFile {
            path: "java/pom.xml",
            contents: java::pom(&view),
        },
        GeneratedFile {
            path: "java/README.md",
            contents: java::readme(&view),
        },
        GeneratedFile {
            path: "java/README.ja.md",
            contents: java::readme_ja(&view),
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
                &callers_words,
                &callers_sentences,
            ),
        },
    ];
    files.extend(
        java::sources(&view)
            .into_iter()
            .map(|(path, contents)| GeneratedFile { path, contents }),
    );
    // Each package carries the licences, as the crate does.
    for (mit, apache) in [
        ("typescript/LICENSE-MIT", "typescript/LICENSE-APACHE"),
        ("csharp/LICENSE-MIT", "csharp/LICENSE-APACHE"),
        ("java/LICENSE-MIT", "java/LICENSE-APACHE"),
    ] {
        files.push(GeneratedFile {
            path: mit,
            contents: typescript::LICENSE_MIT.to_owned(),
        });
        files.push(GeneratedFile {
            path: apache,
            contents: typescript::LICENSE_APACHE.to_owned(),
        });
    }
    files
}
