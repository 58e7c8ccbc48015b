//! The engine's use of the callers' sentences (`crate::learned`): the first codes a search
//! by words shows put in the order callers mean, and codes the words missed offered after.

use crate::answer::{codes_of, Match, Reason};
use crate::learned::{KnownPiece, Sentence, SentenceCounts};

use super::Engine;

impl Engine {
    /// The pieces of a text that the callers' sentences' counts know (none without them),
    /// read once for the order and the codes offered.
    pub(super) fn known_pieces(&self, text: &str) -> Vec<KnownPiece> {
        let sentences = &self.searched_callers_words().sentences;
        if sentences.is_empty() {
            return Vec::new();
        }
        self.learned
            .get_or_init(|| SentenceCounts::parse(sentences).unwrap_or_default())
            .known(&Sentence::new(text))
    }

    /// The first codes the rows found show, in the order the callers' sentences and their
    /// places favour ([`crate::learned::SentenceCounts::order`]), each code's rows together in their order; the
    /// rows of the other codes after them, as found.
    pub(super) fn order_as_callers_mean(
        &self,
        pieces: &[KnownPiece],
        matches: &mut Vec<Match<'_>>,
    ) {
        let Some(counts) = self.learned.get() else {
            return;
        };
        let codes = numbers_of(matches);
        let order = counts.order(pieces, &codes);
        if order.iter().zip(&codes).all(|(a, b)| a == b) {
            return;
        }
        let mut rest: Vec<Option<Match<'_>>> = matches.drain(..).map(Some).collect();
        for code in order {
            for found in rest.iter_mut() {
                if found.as_ref().is_some_and(|m| m.shown.code.get() == code) {
                    matches.extend(found.take());
                }
            }
        }
        matches.extend(rest.into_iter().flatten());
    }
}

impl Engine {
    /// Where the rows found show fewer than [`CODES_OFFERED`] codes, the codes the callers'
    /// sentences favour at least as much as the first shown, every row of each after them
    /// ([`Reason::Alike`]): a caller's words the table does not write (`ケーブル引っかけて
    /// 抜けた`) can still say which code is meant.
    pub(super) fn add_codes_callers_mean<'e>(
        &'e self,
        pieces: &[KnownPiece],
        matches: &mut Vec<Match<'e>>,
    ) {
        let Some(counts) = self.learned.get() else {
            return;
        };
        let shown = numbers_of(matches);
        if shown.is_empty() || shown.len() >= CODES_OFFERED {
            return;
        }
        let codes: Vec<u16> = self
            .data
            .table
            .codes
            .iter()
            .map(|c| c.number.get())
            .collect();
        for code in counts.favoured_beyond(pieces, &shown, &codes, CODES_OFFERED - shown.len()) {
            for (entry, index, row) in self.data.rows().filter(|(c, _, _)| c.number.get() == code) {
                matches.push(self.matched(entry, index, row, Reason::Alike));
            }
        }
    }
}

/// How many codes an answer by words offers at least, where the callers' sentences favour
/// codes the words did not find: three, as a help desk reads the first three.
const CODES_OFFERED: usize = 3;

/// The codes of the rows, each once, in the rows' order, as numbers.
fn numbers_of(matches: &[Match<'_>]) -> Vec<u16> {
    codes_of(matches).iter().map(|code| code.get()).collect()
}
