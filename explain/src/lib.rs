//! What a code or message ID from a card reader means, and whom to call: every matching
//! row of the ministry's table, each said for what it is.
//!
//! The `explain` binary prints it for people or as JSON.
#![deny(missing_docs)]

use std::fmt::Write;

use oqs_messages::{
    rows_for_portal_error, rows_for_received_code, rows_for_value, Code, Detail, MessageId, Row,
    FOOTNOTES, VERSION,
};
use serde_json::{json, Value};

/// What was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Query {
    /// A display code: `015`.
    Code(Code),
    /// A logged value: `0x04000011`, `0xf0301d1c`.
    Value(u32),
    /// A code and a message ID from one log line: `015 0x04000011`.
    Pair(Code, u32),
    /// A マイナポータル error code: `--portal 005`.
    Portal(u16),
}

/// Why a query has no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The text is not a code or a message ID.
    Malformed(String),
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
            Failure::Malformed(text) => write!(
                f,
                "{text:?} is neither a three-digit code (015) nor a message ID (0x04000011)"
            ),
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

/// Reads a code (`015`) or a message ID (`0x04000011`, either case).
pub fn parse_term(text: &str) -> Result<Term, Failure> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        if hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            if let Ok(value) = u32::from_str_radix(hex, 16) {
                return Ok(Term::Value(value));
            }
        }
    } else if text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()) {
        let number: u16 = text
            .parse()
            .map_err(|_| Failure::Malformed(text.to_owned()))?;
        return Ok(Term::Number(number));
    }
    Err(Failure::Malformed(text.to_owned()))
}

/// One term of a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// Three digits.
    Number(u16),
    /// A 32-bit value.
    Value(u32),
}

/// The code shown as this number, or the nearest codes.
pub fn code(number: u16) -> Result<Code, Failure> {
    Code::from_number(number).ok_or_else(|| {
        let mut near: Vec<Code> = Code::ALL.to_vec();
        near.sort_by_key(|c| c.number().abs_diff(number));
        Failure::NotFound {
            what: format!("code {number:03}"),
            candidates: near
                .iter()
                .take(3)
                .map(|c| format!("{:03} {}", c.number(), c.heading()))
                .collect(),
        }
    })
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

/// Every row that answers a query.
pub fn explain(query: Query) -> Result<Vec<Match>, Failure> {
    let matches: Vec<Match> = match query {
        Query::Code(code) => code
            .rows()
            .iter()
            .map(|row| Match {
                reason: Reason::Code,
                row,
            })
            .collect(),
        Query::Value(value) => by_value(value),
        Query::Pair(code, value) => by_value(value)
            .into_iter()
            .filter(|m| m.row.code == code)
            .collect(),
        Query::Portal(number) => rows_for_portal_error(number)
            .map(|(row, detail)| Match {
                reason: Reason::PortalError(detail),
                row,
            })
            .collect(),
    };
    if !matches.is_empty() {
        return Ok(matches);
    }
    Err(match query {
        Query::Code(code) => Failure::NotFound {
            what: format!("row under code {:03}", code.number()),
            candidates: Vec::new(),
        },
        Query::Value(value) => Failure::NotFound {
            what: format!("message ID or error code 0x{value:08X}"),
            candidates: nearest_ids(value),
        },
        Query::Pair(code, value) => Failure::NotFound {
            what: format!("row under code {:03} for 0x{value:08X}", code.number()),
            candidates: code
                .rows()
                .iter()
                .flat_map(|row| row.message_ids)
                .map(|id| format!("{:03} {id}", code.number()))
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

fn by_value(value: u32) -> Vec<Match> {
    let mut matches: Vec<Match> = rows_for_value(value)
        .map(|row| {
            let listed_exactly = row
                .message_ids
                .iter()
                .any(|l| matches!(l, oqs_messages::ListedId::Exact(id) if id.value() == value));
            let reason = match (listed_exactly, MessageId::from_u32(value)) {
                (true, Some(id)) => Reason::MessageId(id),
                _ => row
                    .message_ids
                    .iter()
                    .find_map(|listed| match *listed {
                        oqs_messages::ListedId::Range { start, end } if listed.contains(value) => {
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

fn reason_text(reason: Reason) -> String {
    match reason {
        Reason::Code => "row under the code".to_owned(),
        Reason::MessageId(id) => format!("message ID {id}"),
        Reason::Range { start, end } => {
            let name = MessageId::ALL
                .iter()
                .find(|id| id.range() == Some((start, end)))
                .map_or("", |id| id.name());
            format!("message ID in the range 0x{start:08X}～0x{end:08X} ({name})")
        }
        Reason::ReceivedCode(detail) => format!(
            "error code {} listed in the cause: {}",
            detail.code, detail.text
        ),
        Reason::PortalError(detail) => format!(
            "マイナポータル error code {} listed in the cause: {}",
            detail.code, detail.text
        ),
    }
}

fn field(out: &mut String, label: &str, text: &str) {
    let mut lines = text.lines();
    let _ = writeln!(out, "  {label:<8} {}", lines.next().unwrap_or(""));
    for line in lines {
        let _ = writeln!(out, "  {:<8} {line}", "");
    }
}

/// The answer for people: one block per matching row.
pub fn render_text(matches: &[Match]) -> String {
    let mut out = String::new();
    for (i, m) in matches.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let code = m.row.code;
        let tags: String = code.tags().iter().map(|t| format!("【{t}】")).collect();
        let _ = writeln!(out, "{:03} {} {tags}", code.number(), code.heading());
        field(&mut out, "match", &reason_text(m.reason));
        field(&mut out, "message", code.message());
        field(&mut out, "kind", m.row.kind);
        let ids: Vec<String> = m.row.message_ids.iter().map(ToString::to_string).collect();
        field(
            &mut out,
            "IDs",
            &if ids.is_empty() {
                "-".to_owned()
            } else {
                ids.join(", ")
            },
        );
        field(&mut out, "cause", m.row.cause);
        field(&mut out, "remedy", m.row.remedy);
        field(&mut out, "contact", m.row.contact);
        for note in cited_footnotes(m.row) {
            field(&mut out, note.marker, note.text);
        }
    }
    out
}

/// The footnotes a row and its code cite, each once, in table order.
fn cited_footnotes(row: &Row) -> impl Iterator<Item = &'static oqs_messages::Footnote> + '_ {
    FOOTNOTES.iter().filter(move |note| {
        row.footnotes.iter().any(|n| n.number == note.number)
            || row.code.footnotes().iter().any(|n| n.number == note.number)
    })
}

/// The answer for machines.
pub fn render_json(query: &str, matches: &[Match]) -> Value {
    let rows: Vec<Value> = matches
        .iter()
        .map(|m| {
            let code = m.row.code;
            let (kind, detail) = match m.reason {
                Reason::Code => ("code", Value::Null),
                Reason::MessageId(_) => ("message_id", Value::Null),
                Reason::Range { .. } => ("range", Value::Null),
                Reason::ReceivedCode(d) => ("received_code", json!({"code": d.code.to_string(), "text": d.text})),
                Reason::PortalError(d) => ("portal_error", json!({"code": d.code.to_string(), "text": d.text})),
            };
            json!({
                "match": kind,
                "detail": detail,
                "code": format!("{:03}", code.number()),
                "tags": code.tags(),
                "heading": code.heading(),
                "message": code.message(),
                "kind": m.row.kind,
                "message_ids": m.row.message_ids.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "cause": m.row.cause,
                "remedy": m.row.remedy,
                "contact": m.row.contact,
                "footnotes": cited_footnotes(m.row)
                    .map(|n| json!({"number": n.number, "marker": n.marker, "text": n.text}))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"query": query, "table_version": VERSION, "matches": rows})
}
