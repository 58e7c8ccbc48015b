//! The rows that answer a code, a message ID, both, a マイナポータル error code, or the
//! words of what a caller says, each with why; and why a query has none.

use oqs_messages::unseen::escaped;
use oqs_messages::{
    rows_for_portal_error, rows_for_received_code, rows_for_value, Code, Detail, ListedId,
    MessageId, Query, QueryError, Row, VERSION,
};

use oqs_messages::search::{Field, Rank};

use crate::say::{self, Lang, Missing};

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
        missing: Missing,
        /// The version of the table that was asked.
        version: String,
        /// The nearest codes or IDs of the table, if any.
        candidates: Vec<String>,
    },
    /// No row holds the words searched for; with the nearest words of the table.
    NoWords {
        /// The words searched for.
        words: Vec<String>,
        /// The nearest words of the table, best first.
        nearest: Vec<String>,
    },
}

impl Failure {
    /// What a person is told, in a language. A character no one can see is written
    /// `\u{…}`, a control escaped.
    pub fn say(&self, lang: Lang) -> String {
        let text = match self {
            // Debug escapes the controls; `escaped` below the invisible characters it leaves.
            Failure::Malformed { text, error } => {
                let parts = read_parts(lang, text);
                say::malformed(lang, &format!("{text:?}"), *error, &parts)
            }
            Failure::NotFound {
                missing,
                version,
                candidates,
            } => say::not_found(lang, *missing, version, candidates),
            Failure::NoWords { words, nearest } => say::no_words(lang, words, VERSION, nearest),
        };
        escaped(&text).to_string()
    }
}

/// `015 → コード, 016 → コード`: the parts of a text read as codes or IDs.
pub fn read_parts(lang: Lang, text: &str) -> String {
    oqs_messages::query::candidates(text)
        .map(|candidate| {
            let kind = match candidate.kind {
                oqs_messages::query::CandidateKind::Code(_) => say::PartKind::Code,
                oqs_messages::query::CandidateKind::Value(_) => say::PartKind::MessageId,
            };
            say::part(lang, &text[candidate.span], kind)
        })
        .collect::<Vec<_>>()
        .join(if lang == Lang::Ja { "、" } else { ", " })
}

impl std::fmt::Display for Failure {
    /// What a person is told, in Japanese.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::Ja))
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
        missing: Missing::Code(number),
        version: VERSION.to_owned(),
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// The row and its code hold the words searched for.
    Text(TextReason),
}

/// One row that answers the query, and why.
#[derive(Clone, Debug)]
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
        .position(|r| std::ptr::eq(*r, row))
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
    let missing = match query {
        Query::Code(number) => Missing::RowUnderCode(number),
        Query::Value(value) => Missing::Value(value),
        Query::Pair(number, value) => Missing::Pair(number, value),
        Query::Portal(number) => Missing::Portal(number),
    };
    let candidates = match query {
        Query::Value(value) => nearest_ids(value),
        Query::Pair(number, _) => code(number)?
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
        Query::Code(_) | Query::Portal(_) => Vec::new(),
    };
    Err(Failure::NotFound {
        missing,
        version: VERSION.to_owned(),
        candidates,
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
            let reason = match (listed_exactly, MessageId::from_value(value)) {
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

/// Why a row answers a search by words: where each word is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextReason {
    /// How the row was found: by its code's heading, its code's message or tags, or its
    /// own texts.
    pub rank: Rank,
    /// Each field that holds a word, in column order, with the words it holds.
    pub found: Vec<(Field, Vec<String>)>,
    /// Whether the words are the terms of a sentence typed, the sentence as typed being
    /// found nowhere.
    pub split: bool,
    /// The terms of the sentence that are nowhere in the table, left out.
    pub unknown: Vec<String>,
    /// Each caller's word of the text with the table's word it was also searched as
    /// (`PIN`, `暗証番号`), from `spec/callers-words.toml`.
    pub taken_for: Vec<(String, String)>,
    /// The row's score ([`oqs_messages::search::TextMatch::score`]): rows come best first.
    pub score: u32,
}
