//! What a code or message ID from a card reader means, and whom to call: every matching
//! row of the ministry's table, each said for what it is.
//!
//! Queries are read by [`oqs_messages::Query::parse`], as the offline page reads them: a
//! code, a message ID, both from a log line, the screen message `【015：…】`, a
//! マイナポータル error code; full-width or not. The `explain` binary prints the answer for
//! people (labelled with the table's own column titles) or as JSON ([`Answer`]).
#![deny(missing_docs)]

use std::fmt::Write;

use oqs_messages::unseen::{escaped, unseen};
use oqs_messages::{
    rows_for_portal_error, rows_for_received_code, rows_for_value, Code, Detail, ListedId,
    MessageId, Query, QueryError, Row, FOOTNOTES, VERSION,
};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// Why a query has no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The text is not a query.
    Malformed {
        /// What was asked.
        text: String,
        /// Why it is not a query.
        error: QueryError,
    },
    /// Well formed, but not in the table; with the nearest entries there are.
    NotFound {
        /// What was looked for.
        what: String,
        /// The nearest codes or IDs of the table, if any.
        candidates: Vec<String>,
    },
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Debug escapes the controls; `escaped` the invisible characters it leaves.
            Failure::Malformed { text, error } => {
                write!(f, "{}: {error}", escaped(&format!("{text:?}")))
            }
            Failure::NotFound { what, candidates } => {
                write!(f, "no {what} in table version {VERSION}")?;
                if !candidates.is_empty() {
                    write!(f, "; nearest: {}", candidates.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

/// Reads a query as [`Query::parse`] does, keeping the text for the error.
pub fn parse(text: &str) -> Result<Query, Failure> {
    Query::parse(text).map_err(|error| Failure::Malformed {
        text: text.to_owned(),
        error,
    })
}

/// The code shown as this number, or the nearest codes.
pub fn code(number: u16) -> Result<Code, Failure> {
    Code::from_number(number).ok_or_else(|| no_code(number))
}

/// A number the table has no code for, with the nearest codes.
fn no_code(number: u16) -> Failure {
    Failure::NotFound {
        what: format!("code {number:03}"),
        candidates: nearest_codes(number),
    }
}

/// The three codes nearest a number.
pub fn nearest_codes(number: u16) -> Vec<String> {
    let mut near: Vec<Code> = Code::ALL.to_vec();
    near.sort_by_key(|c| (c.number().abs_diff(number), c.number()));
    near.iter()
        .take(3)
        .map(|c| format!("{:03} {}", c.number(), c.heading()))
        .collect()
}

/// How a row matches the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A row under the code asked for.
    Code,
    /// The row lists the message ID.
    MessageId(MessageId),
    /// The value falls in a range the row lists.
    Range {
        /// The range's first ID.
        start: u32,
        /// The range's last ID.
        end: u32,
    },
    /// The row's cause lists the value as a received error code.
    ReceivedCode(&'static Detail),
    /// The row's cause lists the マイナポータル error code.
    PortalError(&'static Detail),
}

/// One row that answers the query, and why.
#[derive(Clone, Copy, Debug)]
pub struct Match {
    /// Why it matches.
    pub reason: Reason,
    /// The row.
    pub row: &'static Row,
}

impl Match {
    /// The row's place in the table, as the page shows it: `015-2`, the second row of 015.
    pub fn reference(&self) -> String {
        row_reference(self.row)
    }
}

/// `015-2`: the code and the row's number under it (from 1).
pub fn row_reference(row: &Row) -> String {
    let index = row
        .code
        .rows()
        .iter()
        .position(|r| std::ptr::eq(r, row))
        .map_or(0, |i| i + 1);
    format!("{:03}-{index}", row.code.number())
}

/// Every row that answers a query.
pub fn explain(query: Query) -> Result<Vec<Match>, Failure> {
    let matches: Vec<Match> = match query {
        // A number alone is the code on the reader's screen, and may also be a
        // マイナポータル error code listed under 010: both are answers, each said for what
        // it is.
        Query::Code(number) => {
            let mut matches: Vec<Match> = Code::from_number(number)
                .map(|code| code.rows())
                .unwrap_or_default()
                .iter()
                .map(|row| Match {
                    reason: Reason::Code,
                    row,
                })
                .collect();
            matches.extend(portal_matches(number));
            if matches.is_empty() {
                return Err(no_code(number));
            }
            matches
        }
        Query::Value(value) => by_value(value),
        Query::Pair(number, value) => {
            let code = code(number)?;
            by_value(value)
                .into_iter()
                .filter(|m| m.row.code == code)
                .collect()
        }
        Query::Portal(number) => portal_matches(number).collect(),
    };
    if !matches.is_empty() {
        return Ok(matches);
    }
    Err(match query {
        Query::Code(number) => Failure::NotFound {
            what: format!("row under code {number:03}"),
            candidates: Vec::new(),
        },
        Query::Value(value) => Failure::NotFound {
            what: format!("message ID or error code 0x{value:08X}"),
            candidates: nearest_ids(value),
        },
        Query::Pair(number, value) => Failure::NotFound {
            what: format!("row under code {number:03} for 0x{value:08X}"),
            candidates: code(number)?
                .rows()
                .iter()
                .flat_map(|row| row.message_ids)
                .map(|id| format!("{number:03} {id}"))
                .fold(Vec::new(), |mut seen, id| {
                    if !seen.contains(&id) {
                        seen.push(id);
                    }
                    seen
                }),
        },
        Query::Portal(number) => Failure::NotFound {
            what: format!("マイナポータル error code {number:03}"),
            candidates: Vec::new(),
        },
    })
}

fn portal_matches(number: u16) -> impl Iterator<Item = Match> {
    rows_for_portal_error(number).map(|(row, detail)| Match {
        reason: Reason::PortalError(detail),
        row,
    })
}

fn by_value(value: u32) -> Vec<Match> {
    let mut matches: Vec<Match> = rows_for_value(value)
        .map(|row| {
            let listed_exactly = row
                .message_ids
                .iter()
                .any(|l| matches!(l, ListedId::Exact(id) if id.value() == value));
            let reason = match (listed_exactly, MessageId::from_u32(value)) {
                (true, Some(id)) => Reason::MessageId(id),
                _ => row
                    .message_ids
                    .iter()
                    .find_map(|listed| match *listed {
                        ListedId::Range { start, end } if listed.contains(value) => {
                            Some(Reason::Range { start, end })
                        }
                        _ => None,
                    })
                    // rows_for_value gave this row: if not exactly, then in one of its ranges.
                    .unwrap_or(Reason::Code),
            };
            Match { reason, row }
        })
        .collect();
    matches.extend(rows_for_received_code(value).map(|(row, detail)| Match {
        reason: Reason::ReceivedCode(detail),
        row,
    }));
    matches
}

/// The table's IDs nearest a value: those differing in the fewest hex digits, then the
/// closest in value.
fn nearest_ids(value: u32) -> Vec<String> {
    let digits = |v: u32| {
        (0..8)
            .filter(|i| (v >> (i * 4)) & 0xF != (value >> (i * 4)) & 0xF)
            .count()
    };
    let mut ids: Vec<u32> = MessageId::ALL
        .iter()
        .filter(|id| id.range().is_none())
        .map(|id| id.value())
        .collect();
    ids.sort_by_key(|v| (digits(*v), v.abs_diff(value)));
    ids.into_iter()
        .filter(|v| digits(*v) <= 2)
        .take(3)
        .map(|v| format!("0x{v:08X}"))
        .collect()
}

/// The table's column titles, as the page and the text output label the fields.
pub mod labels {
    /// Why the row answers.
    pub const MATCH: &str = "一致";
    /// メッセージ内容: what the patient or staff is told.
    pub const MESSAGE: &str = "メッセージ内容";
    /// エラー種別.
    pub const KIND: &str = "エラー種別";
    /// メッセージID.
    pub const MESSAGE_ID: &str = "メッセージID";
    /// 原因.
    pub const CAUSE: &str = "原因";
    /// 対処.
    pub const REMEDY: &str = "対処";
    /// 問合せ先.
    pub const CONTACT: &str = "問合せ先";
}

fn reason_text(reason: Reason) -> String {
    match reason {
        Reason::Code => "コードの行".to_owned(),
        Reason::MessageId(id) => format!("メッセージID {id}"),
        Reason::Range { start, end } => {
            let name = MessageId::ALL
                .iter()
                .find(|id| id.range() == Some((start, end)))
                .map_or("", |id| id.name());
            format!("メッセージIDの範囲 0x{start:08X}～0x{end:08X} に含まれる ({name})")
        }
        Reason::ReceivedCode(detail) => {
            format!("原因に記載のエラーコード {}：{}", detail.code, detail.text)
        }
        Reason::PortalError(detail) => format!(
            "原因に記載のマイナポータルのエラーコード {}：{}",
            detail.code, detail.text
        ),
    }
}

/// The width of the widest label, in terminal columns (full-width characters count two).
fn label_width(labels: &[&str]) -> usize {
    labels.iter().map(|l| l.width()).max().unwrap_or(0)
}

fn field(out: &mut String, width: usize, label: &str, text: &str) {
    let pad = " ".repeat(width.saturating_sub(label.width()));
    let mut lines = text.lines();
    let _ = writeln!(out, "  {label}{pad}  {}", lines.next().unwrap_or(""));
    let blank = " ".repeat(width);
    for line in lines {
        let _ = writeln!(out, "  {blank}  {line}");
    }
}

/// The answer for people: one block per matching row, labelled with the table's column
/// titles, aligned by display width. A character no one can see is written `\u{1B}`
/// ([`oqs_messages::unseen`]): a terminal obeys nothing in a text.
pub fn render_text(matches: &[Match]) -> String {
    let mut out = String::new();
    for (i, m) in matches.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let code = m.row.code;
        let tags: String = code.tags().iter().map(|t| format!("【{t}】")).collect();
        let _ = writeln!(out, "{} {} {tags}", m.reference(), code.heading());
        let notes: Vec<&oqs_messages::Footnote> = cited_footnotes(m.row).collect();
        let mut all = vec![
            labels::MATCH,
            labels::MESSAGE,
            labels::KIND,
            labels::MESSAGE_ID,
            labels::CAUSE,
            labels::REMEDY,
            labels::CONTACT,
        ];
        all.extend(notes.iter().map(|n| n.marker));
        let width = label_width(&all);
        field(&mut out, width, labels::MATCH, &reason_text(m.reason));
        field(&mut out, width, labels::MESSAGE, code.message());
        field(&mut out, width, labels::KIND, m.row.kind);
        let ids: Vec<String> = m.row.message_ids.iter().map(ToString::to_string).collect();
        let ids = if ids.is_empty() {
            "-".to_owned()
        } else {
            ids.join("\n")
        };
        field(&mut out, width, labels::MESSAGE_ID, &ids);
        field(&mut out, width, labels::CAUSE, m.row.cause);
        field(&mut out, width, labels::REMEDY, m.row.remedy);
        field(&mut out, width, labels::CONTACT, m.row.contact);
        for note in notes {
            field(&mut out, width, note.marker, note.text);
        }
    }
    escaped(&out).to_string()
}

/// The footnotes a row and its code cite, each once, in table order.
fn cited_footnotes(row: &Row) -> impl Iterator<Item = &'static oqs_messages::Footnote> + '_ {
    FOOTNOTES.iter().filter(move |note| {
        row.footnotes.iter().any(|n| n.number == note.number)
            || row.code.footnotes().iter().any(|n| n.number == note.number)
    })
}

/// The answer for machines (`explain --json`). Fields keep this order; IDs are written
/// as in `table.json`: `"0x04000011"`, a range as `{"start": …, "end": …}`.
#[derive(Clone, Debug, Serialize)]
pub struct Answer {
    /// The text asked, as given.
    pub query: String,
    /// The version of the table that answered.
    pub table_version: &'static str,
    /// How the text was read.
    pub read_as: ReadAs,
    /// Every row that answers, in table order for a code; by kind of match otherwise.
    pub matches: Vec<MatchJson>,
}

/// How a query was read: each part present or `null`.
#[derive(Clone, Debug, Serialize)]
pub struct ReadAs {
    /// The code, three digits.
    pub code: Option<String>,
    /// The message ID or error code, `0x` and eight hex digits.
    pub message_id: Option<String>,
    /// The マイナポータル error code, three digits.
    pub portal_error: Option<String>,
}

impl From<Query> for ReadAs {
    fn from(query: Query) -> ReadAs {
        let code = |n: u16| Some(format!("{n:03}"));
        let id = |v: u32| Some(format!("0x{v:08X}"));
        match query {
            Query::Code(n) => ReadAs {
                code: code(n),
                message_id: None,
                portal_error: None,
            },
            Query::Value(v) => ReadAs {
                code: None,
                message_id: id(v),
                portal_error: None,
            },
            Query::Pair(n, v) => ReadAs {
                code: code(n),
                message_id: id(v),
                portal_error: None,
            },
            Query::Portal(n) => ReadAs {
                code: None,
                message_id: None,
                portal_error: code(n),
            },
        }
    }
}

/// One matching row.
#[derive(Clone, Debug, Serialize)]
pub struct MatchJson {
    /// `015-2`: the code and the row's number under it.
    pub row: String,
    /// Why it matches.
    #[serde(rename = "match")]
    pub reason: ReasonJson,
    /// The code, three digits.
    pub code: String,
    /// The code's tags, without brackets.
    pub tags: &'static [&'static str],
    /// The code's heading.
    pub heading: &'static str,
    /// メッセージ内容.
    pub message: &'static str,
    /// エラー種別.
    pub kind: &'static str,
    /// メッセージID: the IDs the row lists.
    pub message_ids: Vec<IdJson>,
    /// 原因.
    pub cause: &'static str,
    /// 対処.
    pub remedy: &'static str,
    /// 問合せ先.
    pub contact: &'static str,
    /// The footnotes the row or its code cites.
    pub footnotes: Vec<FootnoteJson>,
}

/// Why a row matches.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReasonJson {
    /// A row under the code asked for.
    Code,
    /// The row lists the message ID.
    MessageId {
        /// The ID.
        id: String,
    },
    /// The value is in a range the row lists.
    Range {
        /// The range.
        range: IdJson,
    },
    /// The cause lists the value as a received error code.
    ReceivedCode {
        /// The code.
        code: String,
        /// Its explanation.
        text: &'static str,
    },
    /// The cause lists the マイナポータル error code.
    PortalError {
        /// The code or range, as the cause writes it.
        code: String,
        /// Its explanation.
        text: &'static str,
    },
}

/// A message ID, or a range of them, written as in `table.json`.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum IdJson {
    /// `"0x04000011"`.
    Exact(String),
    /// `{"start": "0xF0000000", "end": "0xF7FFFFFF"}`.
    Range {
        /// The first ID.
        start: String,
        /// The last ID.
        end: String,
    },
}

impl From<&ListedId> for IdJson {
    fn from(listed: &ListedId) -> IdJson {
        match *listed {
            ListedId::Exact(id) => IdJson::Exact(format!("0x{:08X}", id.value())),
            ListedId::Range { start, end } => IdJson::Range {
                start: format!("0x{start:08X}"),
                end: format!("0x{end:08X}"),
            },
        }
    }
}

/// A footnote.
#[derive(Clone, Debug, Serialize)]
pub struct FootnoteJson {
    /// Its number.
    pub number: u8,
    /// Its marker as published, `※１`.
    pub marker: &'static str,
    /// Its text.
    pub text: &'static str,
}

/// The answer as JSON text, pretty-printed, with every character no one can see escaped
/// as JSON escapes (`\u001b`, `\u200b`; serde_json leaves DEL, the C1 controls and the
/// invisible format characters as they are), so that printing it is safe.
pub fn json_text(answer: &Answer) -> serde_json::Result<String> {
    let json = serde_json::to_string_pretty(answer)?;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if unseen(c).is_some() {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{:04x}", unit);
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// The answer for machines.
pub fn render_json(text: &str, query: Query, matches: &[Match]) -> Answer {
    let matches = matches
        .iter()
        .map(|m| {
            let code = m.row.code;
            let reason = match m.reason {
                Reason::Code => ReasonJson::Code,
                Reason::MessageId(id) => ReasonJson::MessageId {
                    id: format!("0x{:08X}", id.value()),
                },
                Reason::Range { start, end } => ReasonJson::Range {
                    range: IdJson::Range {
                        start: format!("0x{start:08X}"),
                        end: format!("0x{end:08X}"),
                    },
                },
                Reason::ReceivedCode(d) => ReasonJson::ReceivedCode {
                    code: d.code.to_string(),
                    text: d.text,
                },
                Reason::PortalError(d) => ReasonJson::PortalError {
                    code: d.code.to_string(),
                    text: d.text,
                },
            };
            MatchJson {
                row: m.reference(),
                reason,
                code: format!("{:03}", code.number()),
                tags: code.tags(),
                heading: code.heading(),
                message: code.message(),
                kind: m.row.kind,
                message_ids: m.row.message_ids.iter().map(IdJson::from).collect(),
                cause: m.row.cause,
                remedy: m.row.remedy,
                contact: m.row.contact,
                footnotes: cited_footnotes(m.row)
                    .map(|n| FootnoteJson {
                        number: n.number,
                        marker: n.marker,
                        text: n.text,
                    })
                    .collect(),
            }
        })
        .collect();
    Answer {
        query: text.to_owned(),
        table_version: VERSION,
        read_as: query.into(),
        matches,
    }
}
