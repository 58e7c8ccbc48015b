//! What a caller says, found by its words ([`oqs_messages::search`]): the rows that hold
//! them, and where in each row they are.

use oqs_messages::search::Search;

use crate::answer::{Failure, Match, Reason, TextReason};

/// The callers' words of a search with the table's words they were taken for, once each.
pub(crate) fn taken_for(search: &Search<'_>) -> Vec<(String, String)> {
    search
        .taken_for()
        .map(|(callers, table)| (callers.to_owned(), table.to_owned()))
        .collect()
}

/// The rows that hold the words of a text, best first; or nothing found, with the nearest
/// words of the table.
pub fn search(text: &str) -> Result<Vec<Match>, Failure> {
    let search = Search::new(text).map_err(|_| Failure::Malformed {
        text: text.to_owned(),
        error: oqs_messages::QueryError::Empty,
    })?;
    let matches: Vec<Match> = search
        .matches()
        .map(|found| Match {
            row: found.row,
            reason: Reason::Text(TextReason {
                rank: found.rank,
                found: found
                    .fields()
                    .map(|field| {
                        let words = found.words_in(field).map(str::to_owned).collect();
                        (field, words)
                    })
                    .collect(),
                split: search.is_split(),
                unknown: search
                    .unknown_words()
                    .iter()
                    .map(|w| (*w).to_owned())
                    .collect(),
                taken_for: taken_for(&search),
                score: found.score,
            }),
        })
        .collect();
    if matches.is_empty() {
        return Err(Failure::NoWords {
            words: search.words().iter().map(|w| (*w).to_owned()).collect(),
            nearest: search.nearest_words().map(str::to_owned).collect(),
        });
    }
    Ok(matches)
}
