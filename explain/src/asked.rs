//! What a text asks, and its answer: a code or an ID as `Query::parse` reads them, else
//! words to search for.

use oqs_messages::{Query, QueryError};

use crate::answer::{explain, Failure, Match};

/// What a text asks: a code, an ID or both as [`Query::parse`] reads them, or, when it
/// reads none, words to search for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Asked {
    /// A code, an ID, both, or a マイナポータル error code.
    Query(Query),
    /// Words: what a caller says.
    Words(String),
}

impl Asked {
    /// Reads a text: [`Query::parse`] first; what it reads neither as a code nor as an ID
    /// is words. Blank text is no query at all.
    pub fn read(text: &str) -> Result<Asked, Failure> {
        match Query::parse(text) {
            Ok(query) => Ok(Asked::Query(query)),
            Err(QueryError::Unrecognized) => Ok(Asked::Words(text.to_owned())),
            Err(error) => Err(Failure::Malformed {
                text: text.to_owned(),
                error,
            }),
        }
    }

    /// Every row that answers.
    pub fn answer(&self) -> Result<Vec<Match>, Failure> {
        match self {
            Asked::Query(query) => explain(*query),
            Asked::Words(text) => crate::words::search(text),
        }
    }
}

/// Every row that answers a text, read as [`Asked::read`] reads it.
pub fn lookup(text: &str) -> Result<Vec<Match>, Failure> {
    Asked::read(text)?.answer()
}
