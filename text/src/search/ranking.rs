//! The ranking: words as typed (the rows that hold every word), else a sentence (the
//! rows that hold its most telling words), best first.

use crate::fold::{folded, folds_alike, widen};
use crate::needle::{char_bits, Needle};

use super::index::{Index, Rows};
use super::outcome::Outcome;
use super::parts::{is_name, parts};
use super::scan::{row_mask, scan};
use super::weights::{weight_of, Terms};
use super::words::{blank_separated, counts, query_terms, Words};
use super::{Origin, SearchError, FIELDS, MAX_TERMS};

impl<'q> Outcome<'q> {
    /// Searches `index` for the words of `query`: the rows that hold every word separated
    /// by blanks, when there are any; otherwise the rows that hold the most telling words
    /// of the sentence, its callers' words read as the table's. What each row holds, its
    /// score and the rows shown go to `rows`, whose buffers must have [`Index::row_count`]
    /// places and, for [`Rows::texts`], [`Index::text_count`] (rows past the shortest buffer
    /// are not searched, nor texts past `texts`; at most 65,536 rows are).
    pub fn new<S: AsRef<str>, L: AsRef<[S]>>(
        index: &Index<'q, S, L>,
        query: &'q str,
        rows: Rows<'_>,
    ) -> Result<Outcome<'q>, SearchError> {
        let typed = blank_separated(query);
        if typed.len == 0 {
            return Err(SearchError::Empty);
        }
        let count = index
            .row_count()
            .min(rows.found.len())
            .min(rows.scores.len())
            .min(rows.order.len())
            .min(usize::from(u16::MAX) + 1);
        let mut search = Search {
            index,
            outcome: Outcome {
                query,
                terms: Terms::NONE,
                split: false,
                unknown: Words::NONE,
                shown: 0,
                rarest: 0,
            },
            texts: rows.texts,
            found: &mut rows.found[..count],
            scores: &mut rows.scores[..count],
            order: &mut rows.order[..count],
        };
        search.found.fill([0; FIELDS]);
        search.scores.fill(0);
        search.typed(&typed);
        if search.outcome.shown == 0 {
            search.as_sentence();
        }
        Ok(search.outcome)
    }
}

/// What joins the words of a caller's word said together, anywhere in a sentence and in
/// any order (`病院+証明書`: `病院側の証明書`, `証明書 病院`).
pub const TOGETHER: char = '+';

/// The characters of a folded caller's word ([`char_bits`]), [`TOGETHER`] left out: what
/// [`Index::folded_callers_chars`] holds for each.
pub fn callers_word_chars(folded: &str) -> u128 {
    char_bits(folded.chars().filter(|&c| c != TOGETHER))
}

/// Whether a folded query says a folded caller's word: as one run, or each of the words it
/// joins with [`TOGETHER`].
pub(super) fn says_callers_word(query: &str, callers: &str) -> bool {
    if callers.contains(TOGETHER) {
        callers
            .split(TOGETHER)
            .all(|word| !word.is_empty() && query.contains(word))
    } else {
        query.contains(callers)
    }
}

/// A search under way: its outcome and the caller's buffers.
pub(super) struct Search<'i, 'q, 'b, S, L> {
    pub(super) index: &'i Index<'q, S, L>,
    pub(super) outcome: Outcome<'q>,
    pub(super) texts: &'b mut [u32],
    pub(super) found: &'b mut [[u32; FIELDS]],
    pub(super) scores: &'b mut [u32],
    pub(super) order: &'b mut [u16],
}

impl<'q, S: AsRef<str>, L: AsRef<[S]>> Search<'_, 'q, '_, S, L> {
    /// Searches the words as typed, with the table's words for a caller's word: the rows
    /// that hold every word.
    pub(super) fn typed(&mut self, typed: &Words<'q>) {
        let index = self.index;
        let terms = &mut self.outcome.terms;
        // A caller's word with a character no typed word has is neither one of them nor
        // words said together: nine hundred words for each typed word, told by their
        // characters ([`Index::folded_callers_chars`]) before they are read. One needle,
        // folded again for each word (a needle is a kilobyte).
        let mut needle = Needle::EMPTY;
        let mut typed_chars = 0;
        for word in typed.as_slice() {
            needle.refold(word);
            typed_chars |= char_bits(needle.word().chars());
        }
        // Those callers' words, listed once for all the typed words where there are few
        // (else read again for each).
        let mut listed = [0u32; 128];
        let (mut count, mut too_many) = (0, false);
        for at in index.callers_within(typed_chars) {
            let Some(place) = listed.get_mut(count) else {
                too_many = true;
                break;
            };
            *place = at as u32;
            count += 1;
        }
        let listed = if too_many { &[][..] } else { &listed[..count] };
        let within = || {
            let all = too_many.then(|| index.callers_within(typed_chars));
            all.into_iter()
                .flatten()
                .chain(listed.iter().map(|&at| at as usize))
                .filter_map(|at| index.caller(at))
        };
        let typed_elsewhere = |at: usize, part: &str| {
            typed
                .as_slice()
                .iter()
                .enumerate()
                .any(|(other, word)| other != at && Needle::new(word).word().contains(part))
        };
        let mut together_found: [(&'q str, &[S]); MAX_TERMS] = [("", &[]); MAX_TERMS];
        let mut together_count = 0;
        for (at, word) in typed.as_slice().iter().enumerate() {
            if !terms.has_room() {
                break;
            }
            terms.push(word, Origin::Typed);
            needle.refold(word);
            let word_folded = needle.word();
            let word_chars = callers_word_chars(word_folded);
            for (callers, table, folded, chars) in within() {
                // The word itself, or one of words said together, the others typed as
                // words of their own (`資格 取れない` by `資格+取れな`).
                let same = chars == word_chars && folded == word_folded;
                let together = !same
                    && typed.len > 1
                    && folded.contains(TOGETHER)
                    && folded
                        .split(TOGETHER)
                        .any(|part| word_folded.contains(part))
                    && folded
                        .split(TOGETHER)
                        .all(|part| word_folded.contains(part) || typed_elsewhere(at, part));
                if same {
                    for table_word in table {
                        terms.push(table_word.as_ref(), Origin::CallersWord(callers));
                    }
                } else if together
                    && !together_found[..together_count]
                        .iter()
                        .any(|(c, _)| *c == callers)
                {
                    // Listed once, however many of the typed words it was found by.
                    if let Some(place) = together_found.get_mut(together_count) {
                        *place = (callers, table);
                        together_count += 1;
                    }
                }
            }
            terms.close_group();
        }
        // Words said together tell a row apart more than any of them: a group of their own.
        for &(callers, table) in &together_found[..together_count] {
            for table_word in table {
                terms.push(table_word.as_ref(), Origin::CallersWord(callers));
            }
            terms.close_group();
        }
        scan(index, &self.outcome.terms, 0, self.texts, self.found);
        let groups = ((1u64 << self.outcome.terms.groups) - 1) as u32;
        let mut shown = 0;
        for (i, fields) in self.found.iter().enumerate() {
            if self.group_mask(row_mask(fields)) == groups {
                self.order[shown] = i as u16;
                shown += 1;
            }
        }
        self.outcome.shown = shown;
        // No row holds every word: the text is searched as a sentence, weighed afresh.
        if shown > 0 {
            self.weigh();
            self.sort_shown();
        }
    }

    /// Searches the query as a sentence: its callers' words, its terms, and the pairs of
    /// characters of a term found nowhere.
    pub(super) fn as_sentence(&mut self) {
        let index = self.index;
        let query = self.outcome.query;
        self.outcome.split = true;
        self.outcome.terms = Terms::NONE;
        self.found.fill([0; FIELDS]);
        // Folded word by word, a blank between: a caller's word is said within one word
        // of the sentence, never across a blank (`ルーター` is not in `でてる たんまつ`).
        let mut folded_query = Needle::EMPTY;
        folded_query.fill(
            query
                .split(|c: char| widen(c).is_whitespace())
                .flat_map(|word| core::iter::once(' ').chain(folded(word))),
        );
        let mut callers_found: [&'q str; MAX_TERMS] = [""; MAX_TERMS];
        let mut callers_count = 0;
        let terms = &mut self.outcome.terms;
        let query_text = folded_query.text();
        // A caller's word with a character the query lacks is passed over before a search
        // of the query for it (nine hundred words, with the readings).
        let query_chars = char_bits(query_text.chars());
        let within = index
            .callers_within(query_chars)
            .filter_map(|at| index.caller(at));
        for (callers, table, folded, _) in within {
            if callers_count == MAX_TERMS || !terms.has_room() {
                break;
            }
            if folded.is_empty() || !says_callers_word(query_text, folded) {
                continue;
            }
            // Words said together (`病院+証明書`) are each a term of the sentence as well.
            if !folded.contains(TOGETHER) {
                callers_found[callers_count] = callers;
                callers_count += 1;
                // The caller's word itself, where the table says it too (パスワード).
                terms.push(callers, Origin::Term);
            }
            for table_word in table {
                terms.push(table_word.as_ref(), Origin::CallersWord(callers));
            }
            terms.close_group();
        }
        let callers_found = &callers_found[..callers_count];
        // A term inside a caller's word, or holding one, was read as the table's words.
        let covered = |term: &str| {
            let term = Needle::new(term);
            callers_found.iter().any(|callers| {
                let callers = Needle::new(callers);
                callers.is_in_needle(&term) || term.is_in_needle(&callers)
            })
        };
        // A count the table writes (`3回` in 004's `3回連続で誤り`, `あと1回` in 015's): the
        // number tells sibling rows apart; one the table never writes is left out.
        for count in counts(query) {
            let needle = Needle::new(count);
            if terms.has_room() && index.texts.iter().any(|t| needle.is_in_folded(t.as_ref())) {
                terms.push(count, Origin::Term);
                terms.close_group();
            }
        }
        let (strong, weak) = query_terms(query);
        // The sentence's own terms searched for (as many as there is room for terms: the
        // strong and the weak together may pass MAX_WORDS).
        let mut own: [&'q str; MAX_TERMS] = [""; MAX_TERMS];
        let mut own_len = 0;
        for term in strong.as_slice().iter().chain(weak.as_slice()) {
            if covered(term) || !terms.has_room() {
                continue;
            }
            if terms.push(term, Origin::Term) {
                own[own_len] = term;
                own_len += 1;
            }
            terms.close_group();
        }
        scan(index, &self.outcome.terms, 0, self.texts, self.found);
        // A kanji or katakana term found nowhere: the pairs of its characters that are.
        let anywhere = self.found_anywhere();
        let from = self.outcome.terms.len;
        let outcome = &mut self.outcome;
        for term in &own[..own_len] {
            let at = outcome.terms.as_slice().iter().position(|w| w == term);
            let Some(at) = at else { continue };
            if anywhere & (1 << at) != 0 {
                continue;
            }
            let mut found_part = false;
            if strong.as_slice().contains(term) {
                for pair in parts(term) {
                    if !outcome.terms.has_room() {
                        break;
                    }
                    // A part another term brought, or that is a term of the sentence itself
                    // (`情報` beside `薬剤情報`), is searched for this one too.
                    if outcome.terms.push(pair, Origin::Part)
                        || (outcome.terms.has(pair) && !folds_alike(pair, term))
                    {
                        found_part = true;
                    }
                    outcome.terms.close_group();
                }
            }
            if !found_part {
                outcome.unknown.push(term);
            }
        }
        let mut unheld = 0u32;
        if self.outcome.terms.len > from {
            scan(index, &self.outcome.terms, from, self.texts, self.found);
            // Pairs found nowhere say nothing: their term is unknown.
            let anywhere = self.found_anywhere();
            let outcome = &mut self.outcome;
            for term in &own[..own_len] {
                let Some(at) = outcome.terms.as_slice().iter().position(|w| w == term) else {
                    continue;
                };
                if anywhere & (1 << at) != 0 || outcome.unknown.as_slice().contains(term) {
                    continue;
                }
                let (mut found, mut all, mut mask) = (0, 0, 0u32);
                for i in (0..outcome.terms.len).filter(|&i| i != at) {
                    let word = outcome.terms.texts[i];
                    // Its parts searched for it, and a term of the sentence that is one.
                    let own_term = i < from && parts(term).any(|p| folds_alike(p, word));
                    let its_part = i >= from && term.contains(word);
                    if !(own_term || its_part) {
                        continue;
                    }
                    all += 1;
                    if i >= from {
                        mask |= 1 << i;
                    }
                    if anywhere & (1 << i) != 0 {
                        found += 1;
                    }
                }
                // A name is taken for a word of the table misspelt only where most of its
                // parts are in the table (`マヂナンバーカード`); a few says nothing of it.
                if found == 0 || (is_name(term) && 2 * found < all) {
                    outcome.unknown.push(term);
                    unheld |= mask;
                }
            }
        }
        // The parts of a term said unknown after all are held by no row.
        if unheld != 0 {
            for fields in self.found.iter_mut() {
                for field in fields.iter_mut() {
                    *field &= !unheld;
                }
            }
        }
        self.weigh();
        let mut shown = 0;
        for (i, score) in self.scores.iter().enumerate() {
            if *score > 0 {
                self.order[shown] = i as u16;
                shown += 1;
            }
        }
        self.outcome.shown = shown;
        self.sort_shown();
        // The best rows, down to half the best score.
        let best = self.order[..shown]
            .first()
            .map_or(0, |&i| self.scores[usize::from(i)]);
        let scores = &self.scores;
        let order = &self.order;
        let shown = &mut self.outcome.shown;
        while *shown > 0 && 2 * scores[usize::from(order[*shown - 1])] < best {
            *shown -= 1;
        }
    }

    /// The words (bit `i` for the `i`th) found anywhere in the table.
    pub(super) fn found_anywhere(&self) -> u32 {
        self.found
            .iter()
            .fold(0, |acc, fields| acc | row_mask(fields))
    }

    /// Each group's weight, by how many rows hold a word of it, and each row's score.
    pub(super) fn weigh(&mut self) {
        let terms = &mut self.outcome.terms;
        let mut group_words = [0u32; MAX_TERMS];
        for (t, term) in terms.terms[..terms.len].iter().enumerate() {
            group_words[usize::from(term.group)] |= 1 << t;
        }
        let group_words = &group_words[..usize::from(terms.groups)];
        let total = self.found.len();
        // Each row's words, read once from its fields: in `scores` until its score
        // replaces them.
        for (held, fields) in self.scores.iter_mut().zip(self.found.iter()) {
            *held = row_mask(fields);
        }
        let holding = |mask: u32| match mask {
            0 => 0,
            mask => self.scores.iter().filter(|held| **held & mask != 0).count(),
        };
        let readings = terms.readings();
        for (g, words) in group_words.iter().enumerate() {
            terms.weights[g] = weight_of(holding(*words), total);
            let read = words & readings;
            terms.written_weights[g] = weight_of(holding(words & !read), total);
            terms.reading_weights[g] = weight_of(holding(read), total);
        }
        self.outcome.rarest = weight_of(1, total);
        for (score, fields) in self.scores.iter_mut().zip(self.found.iter()) {
            // A row that holds nothing scores nothing.
            if *score != 0 {
                *score = terms.score(fields, *score, group_words, readings);
            }
        }
    }

    /// The groups (bit `g` for the `g`th) that the words of a mask belong to.
    pub(super) fn group_mask(&self, words: u32) -> u32 {
        let terms = &self.outcome.terms;
        (0..terms.len)
            .filter(|t| words & (1 << t) != 0)
            .fold(0, |acc, t| acc | 1 << terms.terms[t].group)
    }

    /// Orders the rows shown by score, best first, in table order within a score.
    pub(super) fn sort_shown(&mut self) {
        let order = &mut self.order[..self.outcome.shown];
        let scores = &self.scores;
        // Insertion sort: stable, no allocation, a hundred rows.
        for i in 1..order.len() {
            let mut j = i;
            while j > 0 && scores[usize::from(order[j - 1])] < scores[usize::from(order[j])] {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
    }
}
