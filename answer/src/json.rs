//! The answer for programs: `explain --json`. Fields keep this order; IDs are written as in
//! `table.json`: `"0x04000011"`, a range as `{"start": …, "end": …}`.

use std::fmt::Write;

use oqs_messages_table::ListedId;
use oqs_messages_text::query::{CandidateKind, Query};
use oqs_messages_text::search::Rank;
use oqs_messages_text::unseen::unseen;
use serde::Serialize;

use crate::answer::{Answer, Failure, Read, Reason, Shown, Withdrawn};
use crate::engine::detail_code_text;
use crate::say::Lang;

/// The answer for programs.
#[derive(Clone, Debug, Serialize)]
pub struct AnswerJson<'e> {
    /// The text asked, as given.
    pub query: &'e str,
    /// The version of the table that answered.
    pub table_version: &'e str,
    /// How the text was read.
    pub read_as: ReadAs,
    /// Every row that answers, in table order for a code; by kind of match otherwise.
    pub matches: Vec<MatchJson<'e>>,
    /// When no row fits a sentence: `matches` are weak candidates, for reference (left
    /// out otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
    /// The code or ID asked, when this table no longer lists it and an older version of
    /// `spec/` does: when it was withdrawn and its rows as last published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<WithdrawnJson<'e>>,
    /// Why nothing answers, when nothing does (`matches` is then empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<FailureJson>,
}

/// Why nothing answers.
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

/// How a query was read: each part present or `null`; `words` only for a search by words.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReadAs {
    /// The code, three digits.
    pub code: Option<String>,
    /// The message ID or error code, `0x` and eight hex digits.
    pub message_id: Option<String>,
    /// The マイナポータル error code, three digits.
    pub portal_error: Option<String>,
    /// A row asked for by its label, `015-3` (left out otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// The words searched for, when the text is neither a code nor an ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordsJson>,
    /// The start of a message ID typed so far, `0x0400` (left out otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_prefix: Option<String>,
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

impl From<&Read> for ReadAs {
    fn from(read: &Read) -> ReadAs {
        let code = |n: u16| Some(format!("{n:03}"));
        let id = |v: u32| Some(format!("0x{v:08X}"));
        match read {
            Read::Query(Query::Code(n)) => ReadAs {
                code: code(*n),
                ..ReadAs::default()
            },
            Read::Query(Query::Value(v)) => ReadAs {
                message_id: id(*v),
                ..ReadAs::default()
            },
            Read::Query(Query::Pair(n, v)) => ReadAs {
                code: code(*n),
                message_id: id(*v),
                ..ReadAs::default()
            },
            Read::Query(Query::Portal(n)) => ReadAs {
                portal_error: code(*n),
                ..ReadAs::default()
            },
            Read::PortalUnderCode { code: n, portal } => ReadAs {
                code: code(*n),
                portal_error: code(*portal),
                ..ReadAs::default()
            },
            Read::Query(Query::Row(n, row)) => ReadAs {
                code: code(*n),
                row: Some(format!("{n:03}-{row}")),
                ..ReadAs::default()
            },
            Read::IdPrefix(prefix) => ReadAs {
                id_prefix: Some(prefix.shown()),
                ..ReadAs::default()
            },
            Read::Words(words) => ReadAs {
                words: Some(WordsJson {
                    words: words.words.clone(),
                    split: words.split,
                    unknown: words.unknown.clone(),
                    taken_for: words.taken_for.clone(),
                }),
                ..ReadAs::default()
            },
        }
    }
}

/// One matching row.
#[derive(Clone, Debug, Serialize)]
pub struct MatchJson<'e> {
    /// `015-2`: the code and the row's number under it.
    pub row: String,
    /// Why it matches.
    #[serde(rename = "match")]
    pub reason: ReasonJson<'e>,
    /// The row's texts and its code's.
    #[serde(flatten)]
    pub texts: RowJson<'e>,
}

/// A row's texts and its code's, as every answer gives them.
#[derive(Clone, Debug, Serialize)]
pub struct RowJson<'e> {
    /// The code, three digits.
    pub code: String,
    /// The code's tags, without brackets (empty for the rows of a withdrawn ID).
    pub tags: Vec<&'e str>,
    /// The code's heading.
    pub heading: &'e str,
    /// メッセージ内容 (left out for the rows of a withdrawn ID, which keep no message).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'e str>,
    /// エラー種別.
    pub kind: &'e str,
    /// メッセージID: the IDs the row lists.
    pub message_ids: Vec<IdJson>,
    /// 原因.
    pub cause: &'e str,
    /// 対処.
    pub remedy: &'e str,
    /// 問合せ先.
    pub contact: &'e str,
    /// The footnotes the row or its code cites.
    pub footnotes: Vec<FootnoteJson<'e>>,
}

/// Why a row matches.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReasonJson<'e> {
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
        text: &'e str,
    },
    /// The cause lists the マイナポータル error code.
    PortalError {
        /// The code or range, as the cause writes it.
        code: String,
        /// Its explanation.
        text: &'e str,
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
    /// The words did not find the row; callers who wrote sentences like the text mostly
    /// meant its code.
    Alike,
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

impl From<&ListedId> for IdJson {
    fn from(listed: &ListedId) -> IdJson {
        match *listed {
            ListedId::Exact(id) => IdJson::Exact(id.to_string()),
            ListedId::Range { start, end } => IdJson::Range {
                start: start.to_string(),
                end: end.to_string(),
            },
        }
    }
}

/// A footnote.
#[derive(Clone, Debug, Serialize)]
pub struct FootnoteJson<'e> {
    /// Its number.
    pub number: u8,
    /// Its marker as published, `※１`.
    pub marker: &'e str,
    /// Its text.
    pub text: &'e str,
}

/// `explain --json`'s `withdrawn`: the versions around the withdrawal and the rows as
/// last published.
#[derive(Clone, Debug, Serialize)]
pub struct WithdrawnJson<'e> {
    /// The last version that lists it.
    pub last_version: &'e str,
    /// The first version that no longer does.
    pub removed_in: &'e str,
    /// Its rows as last published.
    pub rows: Vec<WithdrawnRowJson<'e>>,
}

/// A withdrawn row: a current match's fields but `match`.
#[derive(Clone, Debug, Serialize)]
pub struct WithdrawnRowJson<'e> {
    /// `017-1`.
    pub row: String,
    /// The row's texts and its code's, as of the row's version.
    #[serde(flatten)]
    pub texts: RowJson<'e>,
}

/// A row's texts and its code's.
pub fn row_json<'e>(shown: &Shown<'e>) -> RowJson<'e> {
    let row = shown.row;
    RowJson {
        code: shown.code.to_string(),
        tags: shown.tags.iter().map(String::as_str).collect(),
        heading: shown.heading,
        message: shown.message,
        kind: &row.kind,
        message_ids: row.message_ids.iter().map(IdJson::from).collect(),
        cause: &row.cause,
        remedy: &row.remedy,
        contact: &row.contact,
        footnotes: shown
            .footnotes
            .iter()
            .map(|n| FootnoteJson {
                number: n.number,
                marker: &n.marker,
                text: &n.text,
            })
            .collect(),
    }
}

fn reason_json<'e>(reason: &Reason<'e>) -> ReasonJson<'e> {
    match reason {
        Reason::Code => ReasonJson::Code,
        Reason::MessageId(id) => ReasonJson::MessageId {
            id: format!("0x{id:08X}"),
        },
        Reason::Range { start, end } => ReasonJson::Range {
            range: IdJson::Range {
                start: format!("0x{start:08X}"),
                end: format!("0x{end:08X}"),
            },
        },
        Reason::ReceivedCode(d) => ReasonJson::ReceivedCode {
            code: detail_code_text(d.code),
            text: &d.text,
        },
        Reason::PortalError(d) => ReasonJson::PortalError {
            code: detail_code_text(d.code),
            text: &d.text,
        },
        Reason::Alike => ReasonJson::Alike,
        Reason::Text(found) => ReasonJson::Text {
            rank: match found.rank {
                Rank::Heading => "heading",
                Rank::CodeText => "code_text",
                Rank::RowText => "row_text",
            },
            score: found.score,
            found: found
                .found()
                .into_iter()
                .map(|(field, words)| FoundJson {
                    field: field.name(),
                    words: words.into_iter().map(str::to_owned).collect(),
                })
                .collect(),
        },
    }
}

fn withdrawn_json<'e>(withdrawn: &Withdrawn<'e>) -> WithdrawnJson<'e> {
    WithdrawnJson {
        last_version: withdrawn.last_version,
        removed_in: withdrawn.removed_in,
        rows: withdrawn
            .rows
            .iter()
            .map(|shown| WithdrawnRowJson {
                row: shown.reference(),
                texts: row_json(shown),
            })
            .collect(),
    }
}

fn failure_json(answer: &Answer<'_>, failure: &Failure, lang: Lang) -> FailureJson {
    let nearest = match failure {
        Failure::Malformed { .. } => Vec::new(),
        Failure::NotFound { candidates, .. } => candidates.clone(),
        Failure::NoWords { nearest, .. } => nearest.clone(),
    };
    let candidates = match failure {
        Failure::Malformed { .. } => oqs_messages_text::query::candidates(&answer.text)
            .map(|c| CandidateJson {
                text: answer.text[c.span].to_owned(),
                taken_as: match c.kind {
                    CandidateKind::Code(_) => "code",
                    CandidateKind::Value(_) => "message_id",
                },
            })
            .collect(),
        _ => Vec::new(),
    };
    FailureJson {
        kind: failure.kind(),
        message: failure.say(lang),
        nearest,
        candidates,
    }
}

/// The answer for programs, its failure said in a language.
pub fn render_json<'e>(answer: &'e Answer<'e>, lang: Lang) -> AnswerJson<'e> {
    AnswerJson {
        query: &answer.text,
        table_version: answer.version,
        read_as: answer.read.as_ref().map(ReadAs::from).unwrap_or_default(),
        matches: answer
            .matches
            .iter()
            .map(|m| MatchJson {
                row: m.shown.reference(),
                reason: reason_json(&m.reason),
                texts: row_json(&m.shown),
            })
            .collect(),
        weak: answer.weak,
        withdrawn: answer.withdrawn.as_ref().map(withdrawn_json),
        failure: answer
            .failure
            .as_ref()
            .map(|failure| failure_json(answer, failure, lang)),
    }
}

/// JSON text, pretty-printed, with every character no one can see escaped as JSON escapes
/// (`\u001b`, `\u200b`; serde_json leaves DEL, the C1 controls and the invisible format
/// characters as they are), so that printing it is safe.
pub fn json_text(value: &impl Serialize) -> serde_json::Result<String> {
    let json = serde_json::to_string_pretty(value)?;
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
