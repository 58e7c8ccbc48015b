//! `explain --table VERSION`: the answer as an older version of the table in `spec/` gave
//! it, read from that version's workbook (what a terminal running older software was told).
//!
//! Codes, message IDs, pairs, received error codes and マイナポータル error codes are looked up
//! as in the current table; words are searched in the current table only (the guidance a
//! caller's words should find is today's).

use std::path::{Path, PathBuf};

use oqs_messages::unseen::escaped;
use oqs_messages::Query;
use oqs_messages_table::{CodeEntry, DetailCode, ListedId, Row, Table};

use crate::answer::Failure;
use crate::json::{Answer, FootnoteJson, IdJson, MatchJson, ReadAs, ReasonJson, RowJson};
use crate::text::write_row;

/// An older version of the table, read from its workbook. It lives as long as the process
/// (`explain` answers once), so that answers borrow its texts as they borrow the current
/// table's.
#[derive(Debug)]
pub struct OlderTable {
    /// The workbook read.
    pub file: PathBuf,
    /// The table.
    pub table: &'static Table,
}

/// Why an older table could not be read.
#[derive(Debug)]
pub struct OlderTableError(pub String);

impl std::fmt::Display for OlderTableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl OlderTable {
    /// The table of a version in the workspace's `spec/` (`1.25`), or of a workbook file.
    pub fn read(version_or_file: &str) -> Result<OlderTable, OlderTableError> {
        let as_file = Path::new(version_or_file);
        let file = if as_file.is_file() {
            as_file.to_path_buf()
        } else {
            codegen::spec_workbook(version_or_file).ok_or_else(|| {
                let mut kept: Vec<_> =
                    codegen::workbook_files(&codegen::workspace_root().join("spec"))
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|f| codegen::version_in_file_name(f))
                        .collect();
                kept.sort();
                let kept: Vec<String> = kept.iter().map(ToString::to_string).collect();
                OlderTableError(format!(
                    "no workbook of version {version_or_file} in spec/ (it holds {}); give a version it holds or a workbook file",
                    if kept.is_empty() { "none".to_owned() } else { kept.join(", ") }
                ))
            })?
        };
        let reading = codegen::read_workbook(&file).map_err(|e| OlderTableError(e.to_string()))?;
        Ok(OlderTable {
            file,
            table: Box::leak(Box::new(reading.table)),
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
                        what: format!("code {number:03} in table version {version}"),
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
            let what = match query {
                Query::Code(n) => format!("code {n:03}"),
                Query::Value(v) => format!("message ID or error code 0x{v:08X}"),
                Query::Pair(n, v) => format!("row under code {n:03} for 0x{v:08X}"),
                Query::Portal(n) => format!("マイナポータル error code {n:03}"),
            };
            return Err(Failure::NotFound {
                what: format!("{what} in table version {version}"),
                candidates: Vec::new(),
            });
        }
        Ok(found)
    }

    /// The answer for people, labelled as the current table's answers are, headed with the
    /// version that gave it.
    pub fn text(&self, matches: &[OlderMatch]) -> String {
        let mut out = format!(
            "table version {} (from {}):\n",
            self.table.version,
            self.file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        );
        for m in matches {
            out.push('\n');
            let reason = m.reason.text();
            write_row(&mut out, &m.reference(), Some(&reason), &self.row_json(m));
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
    fn text(&self) -> String {
        match *self {
            OlderReason::Code => "コードの行".to_owned(),
            OlderReason::MessageId(v) => format!("メッセージID 0x{v:08X}"),
            OlderReason::Range(s, e) => {
                format!("メッセージIDの範囲 0x{s:08X}～0x{e:08X} に含まれる")
            }
            OlderReason::Received(v, text) => format!("原因に記載のエラーコード 0x{v:08x}：{text}"),
            OlderReason::Portal(code, text) => {
                format!(
                    "原因に記載のマイナポータルのエラーコード {}：{text}",
                    portal_text(code)
                )
            }
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
