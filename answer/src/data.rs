//! The data an engine answers from: a version of the table with its history, as
//! `generated/table.json` writes them, and the callers' words of `spec/callers-words.toml`.

use std::collections::BTreeMap;

use oqs_messages_table::{CodeEntry, Footnote, History, Row, Table};
use serde::Deserialize;

/// A version of the table, the workbook it was read from, and its history over the
/// versions of `spec/` (for an older version, or a workbook read alone, the history of one
/// version: nothing withdrawn).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableData {
    /// The workbook's file name.
    pub source: String,
    /// The table.
    pub table: Table,
    /// What the other versions say beside it.
    pub history: History,
    /// Whether this is the table of the day (`table.json`), not an older version or a
    /// workbook read alone: an older one's answers say which version gave them.
    pub newest: bool,
}

/// `table.json` as codegen writes it; `generated_by` is left unread.
#[derive(Deserialize)]
struct TableJson {
    source: String,
    title: String,
    version: oqs_messages_table::Version,
    codes: Vec<CodeEntry>,
    footnotes: Vec<Footnote>,
    history: Option<History>,
}

/// `older-tables.json`: the older versions of `spec/`.
#[derive(Deserialize)]
struct OlderJson {
    tables: Vec<OlderTableJson>,
}

#[derive(Deserialize)]
struct OlderTableJson {
    source: String,
    title: String,
    version: oqs_messages_table::Version,
    codes: Vec<CodeEntry>,
    footnotes: Vec<Footnote>,
}

impl TableData {
    /// An older version, or a workbook read alone, with the history of its one version.
    pub fn alone(table: Table, source: String) -> TableData {
        let history = History::single(&table);
        TableData {
            source,
            table,
            history,
            newest: false,
        }
    }

    /// Reads `table.json`, the table of the day (a history left out is the history of the
    /// one version).
    pub fn from_json(text: &str) -> Result<TableData, serde_json::Error> {
        let json: TableJson = serde_json::from_str(text)?;
        let table = Table {
            title: json.title,
            version: json.version,
            codes: json.codes,
            footnotes: json.footnotes,
        };
        let history = json.history.unwrap_or_else(|| History::single(&table));
        Ok(TableData {
            source: json.source,
            table,
            history,
            newest: true,
        })
    }

    /// The table and its history packed for the page's engine ([`crate::packed`]): what
    /// [`TableData::from_packed`] reads.
    pub fn packed(&self) -> Vec<u8> {
        crate::packed::pack(self)
    }

    /// Reads a table packed by [`TableData::packed`], as [`TableData::from_json`] reads
    /// `table.json`.
    pub fn from_packed(bytes: &[u8]) -> Result<TableData, crate::packed::UnpackError> {
        crate::packed::unpack(bytes)
    }

    /// Reads `older-tables.json`: every older version, oldest first.
    pub fn older_from_json(text: &str) -> Result<Vec<TableData>, serde_json::Error> {
        let json: OlderJson = serde_json::from_str(text)?;
        Ok(json
            .tables
            .into_iter()
            .map(|t| {
                let table = Table {
                    title: t.title,
                    version: t.version,
                    codes: t.codes,
                    footnotes: t.footnotes,
                };
                TableData::alone(table, t.source)
            })
            .collect())
    }

    /// Every row with its code and its place under it (from 0), in document order.
    pub fn rows(&self) -> impl Iterator<Item = (&CodeEntry, usize, &Row)> {
        self.table.codes.iter().flat_map(|code| {
            code.rows
                .iter()
                .enumerate()
                .map(move |(index, row)| (code, index, row))
        })
    }
}

/// Each caller's word (`PIN`) with the table's words it stands for (`暗証番号`), and the
/// words that name what the table does not answer (`レセコン`), from
/// `spec/callers-words.toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallersWords {
    /// Caller's word to the table's words.
    pub words: BTreeMap<String, Vec<String>>,
    /// Words that name the clinic's other systems and matters (`[elsewhere]`): a sentence
    /// that names one and fits no row well is told that nothing fits.
    pub elsewhere: Vec<String>,
    /// What the tuning half's sentences say of each code (`callers-sentences.txt`, read at
    /// the first search by words by [`crate::learned::SentenceCounts::parse`]): the first
    /// codes a search shows are put in the order they favour. Empty: the search's order.
    pub sentences: String,
}

/// `callers-words.json` as codegen writes it; `generated_by` is left unread.
#[derive(Deserialize)]
struct CallersWordsJson {
    words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    elsewhere: Vec<String>,
}

impl CallersWords {
    /// Reads `callers-words.json`: `{"words": {"PIN": ["暗証番号"], …}, "elsewhere":
    /// ["レセコン", …]}`.
    pub fn from_json(text: &str) -> Result<CallersWords, serde_json::Error> {
        serde_json::from_str::<CallersWordsJson>(text).map(|json| CallersWords {
            words: json.words,
            elsewhere: json.elsewhere,
            sentences: String::new(),
        })
    }

    /// With the counts of `callers-sentences.txt`.
    pub fn with_sentences(self, text: &str) -> CallersWords {
        CallersWords {
            sentences: text.to_owned(),
            ..self
        }
    }
}

/// Every text of a table, as the search, the nearest words and the callers' words read
/// them: each code's heading, message and tags, each row's kind, cause, remedy and contact,
/// the footnotes.
pub fn table_texts(table: &Table) -> impl Iterator<Item = &str> + Clone {
    table
        .codes
        .iter()
        .flat_map(|code| {
            [code.heading.as_str(), code.message.as_str()]
                .into_iter()
                .chain(code.tags.iter().map(String::as_str))
                .chain(code.rows.iter().flat_map(|row| {
                    [
                        row.kind.as_str(),
                        row.cause.as_str(),
                        row.remedy.as_str(),
                        row.contact.as_str(),
                    ]
                }))
        })
        .chain(table.footnotes.iter().map(|note| note.text.as_str()))
}
