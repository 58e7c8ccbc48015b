//! The answer for machines, `explain --json`.

use std::fmt::{self, Write};

use oqs_messages::search::Rank;
use oqs_messages::unseen::unseen;
use oqs_messages::{ListedId, Query, Row, FOOTNOTES, VERSION};
use serde::Serialize;

use crate::answer::{Failure, Match, Reason};
use crate::asked::Asked;
use crate::say::Lang;
use oqs_messages::query::CandidateKind;
use oqs_messages::QueryError;

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
    /// The code or ID asked, when this table no longer lists it and an older version of
    /// `spec/` does: when it was withdrawn and its rows as last published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<WithdrawnJson>,
    /// Why nothing answers, when nothing does (`matches` is then empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<FailureJson>,
}

/// Why nothing answers: `explain --json` writes it to stdout as any answer, with the exit
/// code of the text output (1 not in the table, 2 nothing to look up).
#[derive(Clone, Debug, Serialize)]
pub struct FailureJson {
    /// `empty`, `unrecognized`, `several`, `not_found` or `no_words`.
    pub kind: &'static str,
    /// What a person is told, in the language asked for.
    pub message: String,
    /// The nearest codes, IDs or words of the table, best first.
    pub nearest: Vec<String>,
    /// Each part of the text that may be a code or an ID, and what it was taken for
    /// (`code` or `message_id`): where several were found, which.
    pub candidates: Vec<CandidateJson>,
}

/// A part of the text asked and what it was taken for.
#[derive(Clone, Debug, Serialize)]
pub struct CandidateJson {
    /// The part, as typed.
    pub text: String,
    /// `code` or `message_id`.
    #[serde(rename = "as")]
    pub taken_as: &'static str,
}

/// The answer when nothing answers: what was read (when the text was read at all), why
/// nothing answers, the nearest entries, and `matches: []`.
pub fn failure_json(text: &str, asked: Option<&Asked>, failure: &Failure, lang: Lang) -> Answer {
    let (kind, nearest) = match failure {
        Failure::Malformed { error, .. } => (
            match error {
                QueryError::Empty => "empty",
                QueryError::Unrecognized => "unrecognized",
                QueryError::Several => "several",
            },
            Vec::new(),
        ),
        Failure::NotFound { candidates, .. } => ("not_found", candidates.clone()),
        Failure::NoWords { nearest, .. } => ("no_words", nearest.clone()),
    };
    let candidates = match failure {
        Failure::Malformed { .. } => oqs_messages::query::candidates(text)
            .map(|c| CandidateJson {
                text: text[c.span].to_owned(),
                taken_as: match c.kind {
                    CandidateKind::Code(_) => "code",
                    CandidateKind::Value(_) => "message_id",
                },
            })
            .collect(),
        _ => Vec::new(),
    };
    Answer {
        query: text.to_owned(),
        table_version: VERSION,
        read_as: asked.map_or(
            ReadAs {
                code: None,
                message_id: None,
                portal_error: None,
                words: None,
            },
            ReadAs::from,
        ),
        matches: Vec::new(),
        withdrawn: None,
        failure: Some(FailureJson {
            kind,
            message: failure.say(lang),
            nearest,
            candidates,
        }),
    }
}

/// How a query was read: each part present or `null`; `words` only for a search by words.
#[derive(Clone, Debug, Serialize)]
pub struct ReadAs {
    /// The code, three digits.
    pub code: Option<String>,
    /// The message ID or error code, `0x` and eight hex digits.
    pub message_id: Option<String>,
    /// The マイナポータル error code, three digits.
    pub portal_error: Option<String>,
    /// The words searched for, when the text is neither a code nor an ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordsJson>,
}

/// The words a text was searched by.
#[derive(Clone, Debug, Serialize)]
pub struct WordsJson {
    /// The words, as typed, or the terms of the sentence typed, with the table's words for
    /// its callers' words and the parts of its terms found nowhere.
    pub words: Vec<String>,
    /// Whether the text was searched as a sentence, no row holding all its words as typed.
    pub split: bool,
    /// The terms of the sentence that are nowhere in the table, left out.
    pub unknown: Vec<String>,
    /// Each caller's word with the table's word it was also searched as:
    /// `[["PIN", "暗証番号"]]` (`spec/callers-words.toml`).
    pub taken_for: Vec<(String, String)>,
}

impl From<&Asked> for ReadAs {
    fn from(asked: &Asked) -> ReadAs {
        match asked {
            Asked::Query(query) => (*query).into(),
            Asked::Words(text) => {
                let search = oqs_messages::search::Search::new(text).ok();
                ReadAs {
                    code: None,
                    message_id: None,
                    portal_error: None,
                    words: search.map(|s| WordsJson {
                        words: s.words().iter().map(|w| (*w).to_owned()).collect(),
                        split: s.is_split(),
                        unknown: s.unknown_words().iter().map(|w| (*w).to_owned()).collect(),
                        taken_for: crate::words::taken_for(&s),
                    }),
                }
            }
        }
    }
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
                words: None,
            },
            Query::Value(v) => ReadAs {
                code: None,
                message_id: id(v),
                portal_error: None,
                words: None,
            },
            Query::Pair(n, v) => ReadAs {
                code: code(n),
                message_id: id(v),
                portal_error: None,
                words: None,
            },
            Query::Portal(n) => ReadAs {
                code: None,
                message_id: None,
                portal_error: code(n),
                words: None,
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
    /// The row's texts and its code's.
    #[serde(flatten)]
    pub texts: RowJson,
}

/// A row's texts and its code's, as every answer gives them.
#[derive(Clone, Debug, Serialize)]
pub struct RowJson {
    /// The code, three digits.
    pub code: String,
    /// The code's tags, without brackets (empty for the rows of a withdrawn ID).
    pub tags: Vec<&'static str>,
    /// The code's heading.
    pub heading: &'static str,
    /// メッセージ内容 (left out for the rows of a withdrawn ID, which keep no message).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'static str>,
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
    /// The row and its code hold the words searched for.
    Text {
        /// `heading`: a word is in the code's heading; `code_text`: in its message or tags;
        /// `row_text`: in the row's own texts only.
        rank: &'static str,
        /// The row's score: the rows come best first.
        score: u32,
        /// Each field that holds a word, in column order, with the words.
        found: Vec<FoundJson>,
    },
}

/// A field that holds words searched for.
#[derive(Clone, Debug, Serialize)]
pub struct FoundJson {
    /// The field, named as in `table.json`: `heading`, `tags`, `message`, `kind`, `cause`,
    /// `remedy`, `contact`, `footnotes`.
    pub field: &'static str,
    /// The words it holds.
    pub words: Vec<String>,
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

impl fmt::Display for IdJson {
    /// As the text output writes it: `0x04000011`, `0xF0000000～0xF7FFFFFF`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdJson::Exact(id) => f.write_str(id),
            IdJson::Range { start, end } => write!(f, "{start}～{end}"),
        }
    }
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
pub fn json_text(answer: &impl Serialize) -> serde_json::Result<String> {
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
pub fn render_json(text: &str, asked: &Asked, matches: &[Match]) -> Answer {
    let matches = matches
        .iter()
        .map(|m| {
            let reason = match &m.reason {
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
                Reason::Text(found) => ReasonJson::Text {
                    rank: match found.rank {
                        Rank::Heading => "heading",
                        Rank::CodeText => "code_text",
                        Rank::RowText => "row_text",
                    },
                    score: found.score,
                    found: found
                        .found
                        .iter()
                        .map(|(field, words)| FoundJson {
                            field: field.name(),
                            words: words.clone(),
                        })
                        .collect(),
                },
            };
            MatchJson {
                row: m.reference(),
                reason,
                texts: row_json(m.row),
            }
        })
        .collect();
    Answer {
        query: text.to_owned(),
        table_version: VERSION,
        read_as: asked.into(),
        matches,
        withdrawn: None,
        failure: None,
    }
}

/// A current row's texts and its code's, with the footnotes the row or its code cites.
pub(crate) fn row_json(row: &'static Row) -> RowJson {
    let code = row.code;
    let cited = |number: u8| {
        row.footnotes.iter().any(|n| n.number == number)
            || code.footnotes().iter().any(|n| n.number == number)
    };
    RowJson {
        code: format!("{:03}", code.number()),
        tags: code.tags().to_vec(),
        heading: code.heading(),
        message: Some(code.message()),
        kind: row.kind,
        message_ids: row.message_ids.iter().map(IdJson::from).collect(),
        cause: row.cause,
        remedy: row.remedy,
        contact: row.contact,
        footnotes: FOOTNOTES
            .iter()
            .filter(|note| cited(note.number))
            .map(|n| FootnoteJson {
                number: n.number,
                marker: n.marker,
                text: n.text,
            })
            .collect(),
    }
}

/// `explain --json`'s `withdrawn`: the versions around the withdrawal and the rows as
/// last published.
#[derive(Clone, Debug, Serialize)]
pub struct WithdrawnJson {
    /// The last version that lists it.
    pub last_version: &'static str,
    /// The first version that no longer does.
    pub removed_in: &'static str,
    /// Its rows as last published.
    pub rows: Vec<WithdrawnRowJson>,
}

/// A withdrawn row: a current match's fields but `match`.
#[derive(Clone, Debug, Serialize)]
pub struct WithdrawnRowJson {
    /// `017-1`.
    pub row: String,
    /// The row's texts and its code's, as of the row's version.
    #[serde(flatten)]
    pub texts: RowJson,
}
