//! `explain --table VERSION`: the answer as an older version of the table gave it (what a
//! terminal running older software was told), from the older versions' tables codegen
//! writes into `generated/older-tables.json`, built into `explain`: an installed `explain`
//! answers wherever it is, with no workbook reader. Built with the `workbook` feature, it
//! also reads a workbook file given instead of a version.
//!
//! Codes, message IDs, pairs, received error codes and マイナポータル error codes are looked up
//! as in the current table; words are searched in the current table only (the guidance a
//! caller's words should find is today's).

use oqs_messages::unseen::escaped;
use oqs_messages::Query;
use oqs_messages_table::{CodeEntry, DetailCode, ListedId, Row, Table};
use serde::Deserialize;

use crate::answer::Failure;
use crate::json::{Answer, FootnoteJson, IdJson, MatchJson, ReadAs, ReasonJson, RowJson};
use crate::say::{self, Lang, Missing};
use crate::text::write_row;

/// The older versions' tables, as codegen wrote them for the version built in.
const OLDER_TABLES: &str = include_str!("../../generated/older-tables.json");

#[derive(Deserialize)]
struct OlderTables {
    tables: Vec<OlderEntry>,
}

#[derive(Deserialize)]
struct OlderEntry {
    source: String,
    #[serde(flatten)]
    table: Table,
}

/// An older version of the table. It lives as long as the process (`explain` answers
/// once), so that answers borrow its texts as they borrow the current table's.
#[derive(Debug)]
pub struct OlderTable {
    /// The workbook it was read from, by file name.
    pub source: String,
    /// The table.
    pub table: &'static Table,
}

/// Why an older table could not be had.
#[derive(Debug)]
pub struct OlderTableError(pub String);

impl std::fmt::Display for OlderTableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn built_in() -> Result<Vec<OlderEntry>, OlderTableError> {
    serde_json::from_str::<OlderTables>(OLDER_TABLES)
        .map(|t| t.tables)
        .map_err(|e| OlderTableError(format!("generated/older-tables.json: {e}")))
}

impl OlderTable {
    /// The versions built in, oldest first.
    pub fn versions() -> Vec<String> {
        built_in()
            .unwrap_or_default()
            .iter()
            .map(|e| e.table.version.to_string())
            .collect()
    }

    /// The table of an older version built in (`1.25`), or, built with the `workbook`
    /// feature, of a workbook file.
    pub fn read(version_or_file: &str, lang: Lang) -> Result<OlderTable, OlderTableError> {
        #[cfg(feature = "workbook")]
        {
            let as_file = std::path::Path::new(version_or_file);
            if as_file.is_file() {
                let reading = codegen::read_workbook(as_file)
                    .map_err(|e| OlderTableError(say::unreadable_workbook(lang, &e.to_string())))?;
                return Ok(OlderTable {
                    source: reading.file_name(),
                    table: Box::leak(Box::new(reading.table)),
                });
            }
        }
        #[cfg(not(feature = "workbook"))]
        if std::path::Path::new(version_or_file).is_file() {
            return Err(OlderTableError(say::workbook_feature_needed(lang)));
        }
        let entry = built_in()?
            .into_iter()
            .find(|e| e.table.version.as_str() == version_or_file)
            .ok_or_else(|| {
                OlderTableError(say::no_older_table(
                    lang,
                    version_or_file,
                    &OlderTable::versions(),
                ))
            })?;
        Ok(OlderTable {
            source: entry.source,
            table: Box::leak(Box::new(entry.table)),
        })
    }

    /// Every row that answers a query, as this version lists them.
    pub fn answer(&self, query: Query) -> Result<Vec<OlderMatch>, Failure> {
        let table = self.table;
        let rows = || {
            table.codes.iter().flat_map(|code| {
                code.rows
                    .iter()
                    .enumerate()
                    .map(move |(index, row)| (code, index, row))
            })
        };
        let matched = |code, index, row, reason| OlderMatch {
            code,
            index,
            row,
            reason,
        };
        let portal = |number: u16| {
            rows().flat_map(move |(code, index, row)| {
                row.details
                    .iter()
                    .filter(move |d| d.code.is_portal(number))
                    .map(move |d| matched(code, index, row, OlderReason::Portal(d.code, &d.text)))
            })
        };
        let by_value = |value: u32| {
            let mut found: Vec<OlderMatch> = Vec::new();
            for (code, index, row) in rows() {
                let exact = row
                    .message_ids
                    .iter()
                    .any(|id| matches!(id, ListedId::Exact(v) if v.0 == value));
                let range = row.message_ids.iter().find_map(|id| match *id {
                    ListedId::Range { start, end } if id.contains(value) => Some((start.0, end.0)),
                    _ => None,
                });
                match (exact, range) {
                    (true, _) => {
                        found.push(matched(code, index, row, OlderReason::MessageId(value)))
                    }
                    (false, Some((start, end))) => {
                        found.push(matched(code, index, row, OlderReason::Range(start, end)))
                    }
                    _ => {}
                }
            }
            for (code, index, row) in rows() {
                for detail in row.details.iter().filter(|d| d.code.is_received(value)) {
                    found.push(matched(
                        code,
                        index,
                        row,
                        OlderReason::Received(value, &detail.text),
                    ));
                }
            }
            found
        };
        let version = table.version.as_str();
        let found: Vec<OlderMatch> = match query {
            Query::Code(number) => rows()
                .filter(|(code, _, _)| code.number.get() == number)
                .map(|(code, index, row)| matched(code, index, row, OlderReason::Code))
                .chain(portal(number))
                .collect(),
            Query::Value(value) => by_value(value),
            Query::Pair(number, value) => {
                if !table.codes.iter().any(|c| c.number.get() == number) {
                    return Err(Failure::NotFound {
                        missing: Missing::Code(number),
                        version: version.to_owned(),
                        candidates: Vec::new(),
                    });
                }
                by_value(value)
                    .into_iter()
                    .filter(|m| m.code.number.get() == number)
                    .collect()
            }
            Query::Portal(number) => portal(number).collect(),
        };
        if found.is_empty() {
            let missing = match query {
                Query::Code(n) => Missing::Code(n),
                Query::Value(v) => Missing::Value(v),
                Query::Pair(n, v) => Missing::Pair(n, v),
                Query::Portal(n) => Missing::Portal(n),
            };
            return Err(Failure::NotFound {
                missing,
                version: version.to_owned(),
                candidates: Vec::new(),
            });
        }
        Ok(found)
    }

    /// The answer for people, labelled as the current table's answers are, headed with the
    /// version that gave it.
    pub fn text(&self, matches: &[OlderMatch], lang: Lang) -> String {
        let mut out = say::older_heading(lang, self.table.version.as_str(), &self.source);
        out.push('\n');
        for m in matches {
            out.push('\n');
            let reason = m.reason.text(lang);
            write_row(
                &mut out,
                lang,
                &m.reference(),
                Some(&reason),
                &self.row_json(m),
            );
        }
        escaped(&out).to_string()
    }

    /// The answer for machines, in the shape of the current table's.
    pub fn json(&self, text: &str, query: Query, matches: &[OlderMatch]) -> Answer {
        Answer {
            query: text.to_owned(),
            table_version: self.table.version.as_str(),
            read_as: ReadAs::from(query),
            matches: matches
                .iter()
                .map(|m| MatchJson {
                    row: m.reference(),
                    reason: m.reason.json(),
                    texts: self.row_json(m),
                })
                .collect(),
            withdrawn: None,
            failure: None,
        }
    }

    /// A row's texts and its code's as this version gives them, with the footnotes the row
    /// or its code cites, in table order.
    fn row_json(&self, m: &OlderMatch) -> RowJson {
        let (code, row) = (m.code, m.row);
        RowJson {
            code: code.number.to_string(),
            tags: code.tags.iter().map(String::as_str).collect(),
            heading: &code.heading,
            message: Some(&code.message),
            kind: &row.kind,
            message_ids: row.message_ids.iter().map(listed_json).collect(),
            cause: &row.cause,
            remedy: &row.remedy,
            contact: &row.contact,
            footnotes: self
                .table
                .footnotes
                .iter()
                .filter(|n| row.footnotes.contains(&n.number) || code.footnotes.contains(&n.number))
                .map(|n| FootnoteJson {
                    number: n.number,
                    marker: &n.marker,
                    text: &n.text,
                })
                .collect(),
        }
    }
}

fn listed_json(id: &ListedId) -> IdJson {
    match *id {
        ListedId::Exact(v) => IdJson::Exact(v.to_string()),
        ListedId::Range { start, end } => IdJson::Range {
            start: start.to_string(),
            end: end.to_string(),
        },
    }
}

/// A row of an older table that answers, and why.
#[derive(Clone, Debug)]
pub struct OlderMatch {
    /// The code the row is under.
    pub code: &'static CodeEntry,
    /// The row's index under its code.
    pub index: usize,
    /// The row.
    pub row: &'static Row,
    /// Why it answers.
    pub reason: OlderReason,
}

impl OlderMatch {
    /// `015-2`.
    pub fn reference(&self) -> String {
        format!("{}-{}", self.code.number, self.index + 1)
    }
}

/// Why a row of an older table answers.
#[derive(Clone, Debug)]
pub enum OlderReason {
    /// A row under the code asked for.
    Code,
    /// The row lists the ID.
    MessageId(u32),
    /// The value falls in a range the row lists.
    Range(u32, u32),
    /// The cause lists the value as a received error code.
    Received(u32, &'static str),
    /// The cause lists the マイナポータル error code.
    Portal(DetailCode, &'static str),
}

impl OlderReason {
    fn text(&self, lang: Lang) -> String {
        match *self {
            OlderReason::Code => say::reason_code(lang).to_owned(),
            OlderReason::MessageId(v) => say::reason_message_id(lang, &format!("0x{v:08X}")),
            OlderReason::Range(s, e) => say::reason_range(lang, s, e, ""),
            OlderReason::Received(v, text) => {
                say::reason_received(lang, &format!("0x{v:08x}"), text)
            }
            OlderReason::Portal(code, text) => say::reason_portal(lang, &portal_text(code), text),
        }
    }

    fn json(&self) -> ReasonJson {
        match *self {
            OlderReason::Code => ReasonJson::Code,
            OlderReason::MessageId(v) => ReasonJson::MessageId {
                id: format!("0x{v:08X}"),
            },
            OlderReason::Range(start, end) => ReasonJson::Range {
                range: IdJson::Range {
                    start: format!("0x{start:08X}"),
                    end: format!("0x{end:08X}"),
                },
            },
            OlderReason::Received(v, text) => ReasonJson::ReceivedCode {
                code: format!("0x{v:08x}"),
                text,
            },
            OlderReason::Portal(code, text) => ReasonJson::PortalError {
                code: portal_text(code),
                text,
            },
        }
    }
}

fn portal_text(code: DetailCode) -> String {
    match code {
        DetailCode::PortalError { first, last } if first == last => format!("{first:03}"),
        DetailCode::PortalError { first, last } => format!("{first:03}~{last:03}"),
        DetailCode::ReceivedCode { code } => format!("0x{:08x}", code.0),
    }
}
