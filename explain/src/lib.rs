//! What a code or message ID from a card reader means, and whom to call: every matching
//! row of the ministry's table, each said for what it is; what a caller says, found by its
//! words.
//!
//! The answer is `oqs_answer`'s, the engine the offline page runs too: `explain` gives it
//! the table built in (`generated/table.json`, the callers' words, the older versions of
//! `spec/`) and prints the answer for people, labelled with the table's own column titles,
//! or as JSON.
#![deny(missing_docs)]

pub mod say;

use std::sync::OnceLock;

pub use oqs_answer::{
    json_text, page, render_json, render_page, render_text, text, ticket, Answer, AnswerJson,
    CallersWords, Engine, Failure, Lang, Match, Read, Reason, Shown, TableData, TextReason,
    WordsRead,
};
/// The table's model, as the answers hold it.
pub use oqs_answer::{Footnote, Row, Table};

/// The current table, as codegen wrote it.
const TABLE: &str = include_str!("../../generated/table.json");
/// The callers' words of `spec/callers-words.toml`, as codegen wrote them.
const CALLERS_WORDS: &str = include_str!("../../generated/callers-words.json");
/// What the tuning half's sentences say of each code, as codegen wrote it.
const CALLERS_SENTENCES: &str = include_str!("../../generated/callers-sentences.txt");
/// The older versions of `spec/`, as codegen wrote them.
const OLDER_TABLES: &str = include_str!("../../generated/older-tables.json");

/// Why a table could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(pub String);

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TableError {}

/// The callers' words built in.
pub fn callers_words() -> Result<CallersWords, TableError> {
    CallersWords::from_json(CALLERS_WORDS)
        .map(|words| words.with_sentences(CALLERS_SENTENCES))
        .map_err(|e| TableError(format!("generated/callers-words.json: {e}")))
}

/// The engine over the current table built in, made once.
pub fn current() -> Result<&'static Engine, TableError> {
    static CURRENT: OnceLock<Result<Engine, TableError>> = OnceLock::new();
    CURRENT
        .get_or_init(|| {
            let data = TableData::from_json(TABLE)
                .map_err(|e| TableError(format!("generated/table.json: {e}")))?;
            Ok(Engine::new(data, &callers_words()?))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The answer of the current table to a text.
///
/// ```
/// let answer = oqs_explain::lookup("015 0x04000011");
/// assert_eq!(answer.matches[0].shown.reference(), "015-1");
/// ```
pub fn lookup(text: &str) -> Answer<'static> {
    match current() {
        Ok(engine) => engine.answer(text),
        // The data built in is checked by the tests of every build: never here.
        Err(err) => panic!("{err}"),
    }
}

/// The older versions built in, oldest first.
pub fn older_tables() -> Result<Vec<TableData>, TableError> {
    TableData::older_from_json(OLDER_TABLES)
        .map_err(|e| TableError(format!("generated/older-tables.json: {e}")))
}

/// The versions built in besides the current one, oldest first.
pub fn older_versions() -> Vec<String> {
    older_tables()
        .unwrap_or_default()
        .iter()
        .map(|t| t.table.version.to_string())
        .collect()
}

/// The engine over an older version built in (`1.25`), or, built with the `workbook`
/// feature, over a workbook file.
pub fn older(version_or_file: &str, lang: Lang) -> Result<Engine, TableError> {
    let callers = callers_words()?;
    let as_file = std::path::Path::new(version_or_file);
    #[cfg(feature = "workbook")]
    if as_file.is_file() {
        let reading = codegen::read_workbook(as_file)
            .map_err(|e| TableError(say::unreadable_workbook(lang, &e.to_string())))?;
        let source = reading.file_name();
        return Ok(Engine::new(
            TableData::alone(reading.table, source),
            &callers,
        ));
    }
    #[cfg(not(feature = "workbook"))]
    if as_file.is_file() {
        return Err(TableError(say::workbook_feature_needed(lang)));
    }
    let data = older_tables()?
        .into_iter()
        .find(|t| t.table.version.as_str() == version_or_file)
        .ok_or_else(|| {
            TableError(say::no_older_table(
                lang,
                version_or_file,
                &older_versions(),
            ))
        })?;
    Ok(Engine::new(data, &callers))
}
