//! The one answer to a text: how it was read, the rows that answer it and why, a withdrawn
//! entry it names, or why nothing answers. Made by [`crate::Engine::answer`]; rendered for
//! people ([`crate::text`]), for programs ([`crate::json`]) and for the offline page
//! ([`crate::page`]).

use std::sync::Arc;

use oqs_messages_table::{CodeNumber, Detail, Footnote, ListedId, Row};
use oqs_messages_text::query::{Query, QueryError};
use oqs_messages_text::search::{Field, Rank, FIELDS};

use crate::prefix::IdPrefix;
use crate::say::{self, Lang, Missing};

/// A row as an answer shows it: the code it is under, with that code's texts, and the
/// footnotes it or its code cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown<'e> {
    /// The code the row is under.
    pub code: CodeNumber,
    /// The code's heading.
    pub heading: &'e str,
    /// The code's tags, without brackets (none for the rows of a withdrawn ID, which keep
    /// no tags).
    pub tags: &'e [String],
    /// The code's message (none for the rows of a withdrawn ID).
    pub message: Option<&'e str>,
    /// The row's number under its code, from 1.
    pub number: usize,
    /// The row.
    pub row: &'e Row,
    /// The footnotes the row or its code cites, in the table's order.
    pub footnotes: Vec<&'e Footnote>,
}

impl Shown<'_> {
    /// `015-2`: the code and the row's number under it.
    pub fn reference(&self) -> String {
        format!("{}-{}", self.code, self.number)
    }
}

/// Why a row answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason<'e> {
    /// A row under the code asked for.
    Code,
    /// The row lists the message ID.
    MessageId(u32),
    /// The value falls in a range the row lists.
    Range {
        /// The range's first ID.
        start: u32,
        /// The range's last ID.
        end: u32,
    },
    /// The row's cause lists the value as a received error code.
    ReceivedCode(&'e Detail),
    /// The row's cause lists the マイナポータル error code.
    PortalError(&'e Detail),
    /// The row and its code hold words searched for.
    Text(TextReason),
    /// The words did not find the row, but the tuning half's callers who wrote sentences
    /// like the text mostly meant its code: where the words found fewer than three codes,
    /// such a code's rows follow theirs ([`crate::learned::SentenceCounts::favoured_beyond`]).
    Alike,
}

/// Where a row holds the words searched for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextReason {
    /// How the row was found: by its code's heading, its code's message or tags, or its
    /// own texts.
    pub rank: Rank,
    /// For each field of [`Field::ALL`], which of `words` (bit `i` for the `i`th) it
    /// holds; [`TextReason::found`] names them.
    pub held: [u32; FIELDS],
    /// The words searched for, one list for every row of the answer.
    pub words: Arc<[String]>,
    /// The row's score: rows come best first.
    pub score: u32,
    /// How much of what the text asks the row holds, in thousandths: the weights of the
    /// words it holds over those of every word asked, a word the table holds nowhere
    /// counting as the rarest would.
    pub fit: u32,
}

impl TextReason {
    /// Each field that holds a word, in column order, with the words it holds.
    pub fn found(&self) -> Vec<(Field, Vec<&str>)> {
        found_words(&self.held, &self.words)
    }
}

/// Each field that holds a word, in column order, with the words it holds: which of
/// `words` (bit `i` for the `i`th) each field of [`Field::ALL`] holds, named.
pub(crate) fn found_words<'w>(
    held: &[u32; FIELDS],
    words: &'w [String],
) -> Vec<(Field, Vec<&'w str>)> {
    Field::ALL
        .into_iter()
        .filter(|f| held[*f as usize] != 0)
        .map(|f| {
            let mask = held[f as usize];
            let words = words
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, w)| w.as_str())
                .collect();
            (f, words)
        })
        .collect()
}

/// A row that answers, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'e> {
    /// The row.
    pub shown: Shown<'e>,
    /// Why it answers.
    pub reason: Reason<'e>,
}

/// The codes of the rows, each once, in the rows' order.
pub(crate) fn codes_of(matches: &[Match<'_>]) -> Vec<CodeNumber> {
    let mut codes = Vec::new();
    for found in matches {
        if !codes.contains(&found.shown.code) {
            codes.push(found.shown.code);
        }
    }
    codes
}

/// How a text was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// A code, an ID, both, or a マイナポータル error code, as [`Query::parse`] reads them.
    Query(Query),
    /// A マイナポータル error code with the display code whose row lists it, both written
    /// in the text (`【010：初回登録エラー】、マイナポータルのエラーは加入者情報重複(006)`):
    /// answered as the error code alone.
    PortalUnderCode {
        /// The display code (`10`).
        code: u16,
        /// The マイナポータル error code (`6`).
        portal: u16,
    },
    /// Words: what a caller says.
    Words(WordsRead),
    /// The start of a message ID, typed so far.
    IdPrefix(IdPrefix),
}

/// The words a text was searched by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordsRead {
    /// The words as typed, or the terms of the sentence typed with the table's words for
    /// its callers' words and the parts of its terms found nowhere.
    pub words: Vec<String>,
    /// Whether the text was searched as a sentence, no row holding all its words as typed.
    pub split: bool,
    /// The terms of the sentence found nowhere, left out.
    pub unknown: Vec<String>,
    /// Each caller's word with the table's word it was also searched as (`PIN`, `暗証番号`).
    pub taken_for: Vec<(String, String)>,
}

/// A code or ID an older version of `spec/` lists and this one does not, with the rows it
/// last had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withdrawn<'e> {
    /// What was asked: code 017, message ID 0x81000030.
    pub what: Missing,
    /// The last version that lists it.
    pub last_version: &'e str,
    /// The version that no longer lists it.
    pub removed_in: &'e str,
    /// Its rows as last published (for a pair, those listing the ID).
    pub rows: Vec<Shown<'e>>,
}

/// Why nothing answers.
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
        /// The version of the table that was asked.
        version: String,
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
            Failure::NoWords {
                words,
                version,
                nearest,
            } => say::no_words(lang, words, version, nearest),
        };
        oqs_messages_table::unseen::escape(&text)
    }

    /// `empty`, `unrecognized`, `several`, `not_found` or `no_words`.
    pub fn kind(&self) -> &'static str {
        match self {
            Failure::Malformed { error, .. } => match error {
                QueryError::Empty => "empty",
                QueryError::Unrecognized => "unrecognized",
                QueryError::Several => "several",
            },
            Failure::NotFound { .. } => "not_found",
            Failure::NoWords { .. } => "no_words",
        }
    }
}

impl std::fmt::Display for Failure {
    /// What a person is told, in Japanese.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::Ja))
    }
}

/// `015 → コード, 016 → コード`: the parts of a text read as codes or IDs.
pub fn read_parts(lang: Lang, text: &str) -> String {
    oqs_messages_text::query::candidates(text)
        .map(|candidate| {
            let kind = match candidate.kind {
                oqs_messages_text::query::CandidateKind::Code(_) => say::PartKind::Code,
                oqs_messages_text::query::CandidateKind::Value(_) => say::PartKind::MessageId,
            };
            say::part(lang, &text[candidate.span], kind)
        })
        .collect::<Vec<_>>()
        .join(if lang == Lang::Ja { "、" } else { ", " })
}

/// The answer to a text: what it was read as, the rows that answer it, a withdrawn entry
/// it names, and why nothing answers when nothing does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer<'e> {
    /// The text asked, as given.
    pub text: String,
    /// The version of the table that answered.
    pub version: &'e str,
    /// The workbook that version was read from.
    pub source: &'e str,
    /// Whether that version is the newest of `spec/` (an older one's answer says so).
    pub newest: bool,
    /// How the text was read; none when it could not be.
    pub read: Option<Read>,
    /// Every row that answers: a code's rows in table order, a value's by kind of match,
    /// words' best first.
    pub matches: Vec<Match<'e>>,
    /// Whether no row answers the words well: the rows are weak candidates, said to be so
    /// (`explain` exits 1), not an answer.
    pub weak: bool,
    /// The code or ID asked, when this version no longer lists it and an older one did.
    pub withdrawn: Option<Withdrawn<'e>>,
    /// Why nothing answers, when nothing does.
    pub failure: Option<Failure>,
}

impl Answer<'_> {
    /// Whether the text answers the whole of a code: every row of one code, asked by its
    /// number.
    pub fn is_whole_code(&self) -> bool {
        let Some(first) = self.matches.first() else {
            return false;
        };
        self.matches
            .iter()
            .all(|m| m.reason == Reason::Code && m.shown.code == first.shown.code)
    }

    /// When the text asks for a code by its number: how many of the matches are the code's
    /// own rows (they come first; rows whose cause lists the number as a マイナポータル
    /// error code may follow). 0 otherwise.
    pub fn code_rows(&self) -> usize {
        let Some(Read::Query(Query::Code(number))) = self.read else {
            return 0;
        };
        self.matches
            .iter()
            .take_while(|m| m.reason == Reason::Code && m.shown.code.get() == number)
            .count()
    }

    /// How many of the IDs the rows list (exact ones and ranges, each once) start with the
    /// digits typed so far.
    pub fn ids_starting_with(&self, prefix: &IdPrefix) -> usize {
        let mut ids: Vec<&ListedId> = Vec::new();
        for m in &self.matches {
            for id in m
                .shown
                .row
                .message_ids
                .iter()
                .filter(|id| prefix.admits(id))
            {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids.len()
    }

    /// The words searched for, when the text was read as words.
    pub fn words(&self) -> Option<&WordsRead> {
        match &self.read {
            Some(Read::Words(words)) => Some(words),
            _ => None,
        }
    }
}
