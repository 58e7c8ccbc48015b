//! Finding rows by the words a caller says (「暗証番号を3回間違えてロックされた」,
//! 「ネットワークエラー」): what [`Query::parse`](crate::Query::parse) does not read as a
//! code or an ID is searched for in the words of the table.
//!
//! - Words the operator separates with blanks (ASCII or ideographic) mean "all of these":
//!   when rows hold every word, each anywhere in the row or in the code it is under (the
//!   code's tags, heading and message; the row's kind, cause, remedy and contact; the
//!   footnotes cited), those rows are the answer, best first.
//! - Otherwise the text is a sentence, and rows are ranked by the words of it they hold:
//!   its terms (runs of kanji with the okurigana inside them, of katakana, of Latin letters
//!   and digits; single kanji too), the table's words for the callers' words it holds
//!   (`spec/callers-words.toml`: PIN → 暗証番号, 間違え → 誤), and, for a kanji or katakana
//!   term found nowhere, the pairs of its characters that are somewhere (`暗唱番号` by
//!   `番号`). Each word weighs by how telling it is in this table (inverse document
//!   frequency over the rows, as BM25 weighs it: カード counts little, 閉塞 much) times the
//!   field it is in (heading, tags and message 6, kind 4, cause and remedy 3, contact and
//!   footnotes 1); a row's score is the sum over the words, each word counted once, at its
//!   best field. The best rows are shown, down to half the best score.
//! - Words and texts are compared [`folded`](crate::fold): width, case, hiragana and
//!   katakana, the long-vowel mark, blanks and line breaks, invisible characters and the
//!   okurigana the table writes both ways do not count.
//!
//! The offline page's script searches the same way, with the same integer arithmetic; the
//! shared cases in `tests/queries.json` and `tests/caller-sentences.json` hold the two
//! together. Nothing allocates.
//!
//! ```
//! use oqs_messages::search::Search;
//!
//! let search = Search::new("暗証番号を3回間違えてロックされた").unwrap();
//! let first = search.matches().next().unwrap();
//! assert_eq!(first.row.code.number(), 4);
//! for (callers, table) in search.taken_for() {
//!     println!("{callers} → {table}");
//! }
//! ```

use core::fmt;

use crate::fold::{is_kanji, widen, Needle, WordSet, MAX_NEEDLES};
use crate::{Code, Row, ROWS, ROW_COUNT};

/// The most words a query is searched by; words past them are not searched.
pub const MAX_WORDS: usize = 8;

include!("callers_words.rs");

// `FOLDED_TEXTS`, `CODE_TEXTS`, `ROW_TEXTS`: every text searched, folded by `cargo run
// -p codegen`.
include!("search_index.rs");

/// Where in the table a word was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The code's heading (エラー区分の見出し).
    Heading,
    /// The code's tags (`【手順誤り】`).
    Tags,
    /// The code's message (メッセージ内容).
    Message,
    /// The row's error kind (エラー種別).
    Kind,
    /// The row's cause (原因), with the codes it lists.
    Cause,
    /// The row's remedy (対処).
    Remedy,
    /// The row's contact (問合せ先).
    Contact,
    /// A footnote the row or its code cites.
    Footnote,
}

impl Field {
    /// Every field, in the table's column order.
    pub const ALL: [Field; 8] = [
        Field::Heading,
        Field::Tags,
        Field::Message,
        Field::Kind,
        Field::Cause,
        Field::Remedy,
        Field::Contact,
        Field::Footnote,
    ];

    /// The field's name in `table.json` and in `explain --json`: `heading`, `cause`, ….
    pub const fn name(self) -> &'static str {
        match self {
            Field::Heading => "heading",
            Field::Tags => "tags",
            Field::Message => "message",
            Field::Kind => "kind",
            Field::Cause => "cause",
            Field::Remedy => "remedy",
            Field::Contact => "contact",
            Field::Footnote => "footnotes",
        }
    }

    /// Whether the field is the code's, shared by all its rows.
    pub const fn is_code_field(self) -> bool {
        matches!(self, Field::Heading | Field::Tags | Field::Message)
    }
}

/// How a row was found, in the order rows are given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// A word is in its code's heading.
    Heading,
    /// A word is in its code's message or tags, none in the heading.
    CodeText,
    /// The words are in the row's own texts (and perhaps its code's).
    RowText,
}

/// Why a text cannot be searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SearchError {
    /// Nothing but blanks and characters that fold to nothing.
    Empty,
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no word to search for")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for SearchError {}

/// Words of a query: slices of it, at most [`MAX_WORDS`].
#[derive(Clone, Copy, Debug)]
struct Words<'q> {
    words: [&'q str; MAX_WORDS],
    len: usize,
}

impl<'q> Words<'q> {
    const NONE: Words<'static> = Words {
        words: [""; MAX_WORDS],
        len: 0,
    };

    fn push(&mut self, word: &'q str) {
        if self.len < MAX_WORDS && !self.as_slice().contains(&word) {
            self.words[self.len] = word;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[&'q str] {
        &self.words[..self.len]
    }
}

/// The words of a query separated by blanks that fold to something.
fn blank_separated(text: &str) -> Words<'_> {
    let mut words = Words::NONE;
    for word in text.split(|c: char| widen(c).is_whitespace()) {
        if !Needle::new(word).is_empty() {
            words.push(word);
        }
    }
    words
}

/// What kind of characters a term is made of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Kanji,
    Katakana,
    Latin,
    Hiragana,
    Other,
}

fn script(c: char) -> Script {
    let c = widen(c);
    match c {
        _ if is_kanji(c) => Script::Kanji,
        '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{30FD}' | '\u{30FE}' => Script::Katakana,
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => Script::Hiragana,
        _ if c.is_alphanumeric() && c.is_ascii() => Script::Latin,
        _ => Script::Other,
    }
}

/// Particles, which end a kanji term: `暗証番号の再設定` is two terms.
fn is_particle(c: char) -> bool {
    matches!(
        c,
        'の' | 'を' | 'が' | 'に' | 'で' | 'と' | 'は' | 'も' | 'へ' | 'や' | 'か'
    )
}

/// The terms of a text: runs of kanji (with up to two kana of okurigana between kanji,
/// `問い合わせ先`), of katakana, of Latin letters and digits; each a slice of the text.
pub fn terms(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    core::iter::from_fn(move || {
        let start = rest.char_indices().find(|&(_, c)| {
            matches!(script(c), Script::Kanji | Script::Katakana | Script::Latin)
        })?;
        let (at, first) = start;
        let kind = script(first);
        let mut end = at + first.len_utf8();
        let mut chars = rest[end..].char_indices().peekable();
        while let Some(&(offset, c)) = chars.peek() {
            let here = script(c);
            if here == kind {
                chars.next();
                end = at + first.len_utf8() + offset + c.len_utf8();
                continue;
            }
            // Okurigana inside a kanji term: one or two kana that are not a particle,
            // then a kanji.
            if kind == Script::Kanji && here == Script::Hiragana && !is_particle(c) {
                let tail = &rest[at + first.len_utf8() + offset..];
                let kana = tail
                    .chars()
                    .take_while(|&k| script(k) == Script::Hiragana)
                    .count();
                let after = tail.chars().nth(kana);
                if kana <= 2 && after.is_some_and(|k| script(k) == Script::Kanji) {
                    for _ in 0..kana {
                        chars.next();
                    }
                    continue;
                }
            }
            break;
        }
        let term = &rest[at..end];
        rest = &rest[end..];
        Some(term)
    })
}

/// The runs of hiragana of a text, two characters or more: the terms of a query typed in
/// hiragana alone (`ぱすわーど`).
fn hiragana_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| script(c) != Script::Hiragana && c != 'ー')
        .filter(|run| run.chars().filter(|&c| c != 'ー').count() >= 2)
}

/// The terms of a query, strong and weak: strong are runs of two characters or more
/// (kanji, katakana, Latin); weak are single kanji (verb stems, `読めない`) and, when there
/// is no strong term, the runs of hiragana.
fn query_terms(text: &str) -> (Words<'_>, Words<'_>) {
    let mut strong = Words::NONE;
    let mut weak = Words::NONE;
    for term in terms(text) {
        if term.chars().count() >= 2 {
            strong.push(term);
        } else if term.chars().all(is_kanji) {
            weak.push(term);
        }
    }
    if strong.len == 0 {
        for run in hiragana_runs(text) {
            weak.push(run);
        }
    }
    (strong, weak)
}

/// The most words a search looks for at once: a sentence's terms, the table's words for
/// its callers' words and the pairs of characters of its terms found nowhere.
pub const MAX_TERMS: usize = 24;
const _: () = assert!(MAX_TERMS <= MAX_NEEDLES);

/// How much a word in a field counts, times how telling the word is: the code's heading,
/// tags and message, then the row's kind, its cause and remedy, its contact and footnotes.
pub const fn field_weight(field: Field) -> u32 {
    match field {
        Field::Heading | Field::Tags | Field::Message => 6,
        Field::Kind => 4,
        Field::Cause | Field::Remedy => 3,
        Field::Contact | Field::Footnote => 1,
    }
}

/// How soon more fields holding a word stop adding to a row's score: BM25's k1, in the
/// units of [`field_weight`] (a word in a heading alone counts 6 × 7 / 12).
pub const SATURATION: u32 = 6;

/// log2(x / 2^16) in 1024ths, for x ≥ 2^16: integer steps, the same in the page's script
/// (no floating point here, `no_std`), exact to 1/1024.
fn log2_q10(mut x: u64) -> u32 {
    const ONE: u64 = 1 << 16;
    let mut result = 0;
    while x >= 2 * ONE {
        x >>= 1;
        result += 1024;
    }
    let mut bit = 512;
    while bit > 0 {
        x = (x * x) >> 16;
        if x >= 2 * ONE {
            x >>= 1;
            result += bit;
        }
        bit >>= 1;
    }
    result
}

/// How telling a word is that `rows` of the table's `total` rows hold, in 1024ths: BM25's
/// inverse document frequency, ln(1 + (N − n + ½) / (n + ½)), taken in base 2.
pub fn weight_of(rows: usize, total: usize) -> u32 {
    if rows == 0 {
        return 0;
    }
    let ratio = (((2 * total + 2) as u64) << 16) / (2 * rows as u64 + 1);
    log2_q10(ratio)
}

/// What a word searched for stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A word typed, separated by blanks.
    Typed,
    /// A term of the sentence typed.
    Term,
    /// A table's word for a caller's word of the sentence (`spec/callers-words.toml`).
    CallersWord(&'static str),
    /// A pair of characters of a term found nowhere as a whole; counts half.
    Part,
}

/// A word searched for: the group of words it is one of (a row counts each group once, at
/// its best word) and where it comes from.
#[derive(Clone, Copy, Debug)]
struct Term {
    group: u8,
    origin: Origin,
}

/// The words a search looks for, in groups, with each group's weight once the table is
/// scanned.
#[derive(Clone, Copy, Debug)]
struct Terms<'q> {
    texts: [&'q str; MAX_TERMS],
    terms: [Term; MAX_TERMS],
    weights: [u32; MAX_TERMS],
    len: usize,
    groups: u8,
}

impl<'q> Terms<'q> {
    const NONE: Terms<'static> = Terms {
        texts: [""; MAX_TERMS],
        terms: [Term {
            group: 0,
            origin: Origin::Typed,
        }; MAX_TERMS],
        weights: [0; MAX_TERMS],
        len: 0,
        groups: 0,
    };

    fn as_slice(&self) -> &[&'q str] {
        &self.texts[..self.len]
    }

    /// Whether a word folds as one already searched for.
    fn has(&self, word: &str) -> bool {
        self.as_slice().iter().any(|w| folds_alike(w, word))
    }

    /// Whether there is room for another word.
    fn has_room(&self) -> bool {
        self.len < MAX_TERMS
    }

    /// Adds a word to the current group (opened by the first word pushed after
    /// `close_group`); a word already searched for is left out.
    fn push(&mut self, word: &'q str, origin: Origin) -> bool {
        if self.len == MAX_TERMS || self.has(word) || Needle::new(word).is_empty() {
            return false;
        }
        self.texts[self.len] = word;
        self.terms[self.len] = Term {
            group: self.groups,
            origin,
        };
        self.len += 1;
        true
    }

    /// Ends the current group if it holds a word.
    fn close_group(&mut self) {
        if self.len > 0 && self.terms[self.len - 1].group == self.groups {
            self.groups += 1;
        }
    }
}

/// For every row, which words (bit `i` for the `i`th) each of its fields holds, its code's
/// fields included.
type RowFields = [[u32; Field::ALL.len()]; ROW_COUNT];

/// Scans the table for the words from `from` on, adding what each row holds to `found`:
/// the texts were folded once, when the table was generated, and each distinct text is
/// read once (`FOLDED_TEXTS`, `CODE_TEXTS`, `ROW_TEXTS`).
fn scan(terms: &Terms<'_>, from: usize, found: &mut RowFields) {
    let words = &terms.as_slice()[from..];
    if words.is_empty() {
        return;
    }
    let mut needles = [Needle::EMPTY; MAX_TERMS];
    for (needle, word) in needles.iter_mut().zip(words) {
        *needle = Needle::new(word);
    }
    let mut folded = [""; MAX_TERMS];
    for (text, needle) in folded.iter_mut().zip(&needles[..words.len()]) {
        *text = needle.word();
    }
    let words = WordSet::new(&folded[..words.len()]);
    // Each text once, then each field by its place.
    let mut in_text = [0u32; FOLDED_TEXTS.len()];
    for (found, text) in in_text.iter_mut().zip(&FOLDED_TEXTS) {
        *found = words.found_in(text);
    }
    let in_field = |place: &u32| in_text[*place as usize];
    let mut index = 0;
    for (code, code_texts) in Code::ALL.iter().zip(&CODE_TEXTS) {
        for _ in code.rows() {
            let fields = code_texts.iter().chain(&ROW_TEXTS[index]).map(in_field);
            // Field::ALL's order: the code's three fields, then the row's five.
            for (field, mask) in found[index].iter_mut().zip(fields) {
                *field |= mask << from;
            }
            index += 1;
        }
    }
}

/// Whether two words fold to the same characters (`ロック`, `ﾛｯｸ`, `ろっく`).
fn folds_alike(a: &str, b: &str) -> bool {
    crate::fold::folded(a).eq(crate::fold::folded(b))
}

/// Every word a row holds, in any field.
fn row_mask(fields: &[u32; Field::ALL.len()]) -> u32 {
    fields.iter().fold(0, |acc, m| acc | m)
}

/// A text search over the table.
#[derive(Clone, Copy, Debug)]
pub struct Search<'q> {
    query: &'q str,
    terms: Terms<'q>,
    /// Whether the text was searched as a sentence, its words as typed being held by no
    /// row all together.
    split: bool,
    /// The terms of the sentence found nowhere, nor by a caller's word, nor in part.
    unknown: Words<'q>,
    found: RowFields,
    scores: [u32; ROW_COUNT],
    /// The rows shown, best first (indexes into `ROWS`), and how many.
    order: [u16; ROW_COUNT],
    shown: usize,
}

impl<'q> Search<'q> {
    /// A search for the words of `query`: the rows that hold every word separated by
    /// blanks, when there are any; otherwise the rows that hold the most telling words of
    /// the sentence, its callers' words read as the table's.
    pub fn new(query: &'q str) -> Result<Search<'q>, SearchError> {
        let typed = blank_separated(query);
        if typed.len == 0 {
            return Err(SearchError::Empty);
        }
        let mut search = Search {
            query,
            terms: Terms::NONE,
            split: false,
            unknown: Words::NONE,
            found: [[0; Field::ALL.len()]; ROW_COUNT],
            scores: [0; ROW_COUNT],
            order: [0; ROW_COUNT],
            shown: 0,
        };
        // Each word as typed, with the table's words when it is a caller's word.
        for word in typed.as_slice() {
            if !search.terms.has_room() {
                break;
            }
            search.terms.push(word, Origin::Typed);
            let word_folded = Needle::new(word);
            for ((callers, table), folded) in CALLERS_WORDS.iter().zip(FOLDED_CALLERS_WORDS) {
                if folded == word_folded.word() {
                    for table_word in table.iter() {
                        search.terms.push(table_word, Origin::CallersWord(callers));
                    }
                }
            }
            search.terms.close_group();
        }
        scan(&search.terms, 0, &mut search.found);
        search.weigh();
        let groups = ((1u64 << search.terms.groups) - 1) as u32;
        let mut shown = 0;
        for i in 0..ROW_COUNT {
            if search.group_mask(row_mask(&search.found[i])) == groups {
                search.order[shown] = i as u16;
                shown += 1;
            }
        }
        if shown > 0 {
            search.shown = shown;
            search.sort_shown();
            return Ok(search);
        }
        search.as_sentence();
        Ok(search)
    }

    /// Searches the query as a sentence: its callers' words, its terms, and the pairs of
    /// characters of a term found nowhere.
    fn as_sentence(&mut self) {
        let query = self.query;
        self.split = true;
        self.terms = Terms::NONE;
        self.found = [[0; Field::ALL.len()]; ROW_COUNT];
        let folded_query = Needle::new(query);
        let mut callers_found: [&'static str; MAX_TERMS] = [""; MAX_TERMS];
        let mut callers_count = 0;
        for ((callers, table), folded) in CALLERS_WORDS.iter().zip(FOLDED_CALLERS_WORDS) {
            if callers_count == MAX_TERMS || !self.terms.has_room() {
                break;
            }
            if !folded_query.text().contains(folded) {
                continue;
            }
            callers_found[callers_count] = callers;
            callers_count += 1;
            // The caller's word itself, where the table says it too (パスワード).
            self.terms.push(callers, Origin::Term);
            for table_word in table.iter() {
                self.terms.push(table_word, Origin::CallersWord(callers));
            }
            self.terms.close_group();
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
        let (strong, weak) = query_terms(query);
        let mut own = Words::NONE;
        for term in strong.as_slice().iter().chain(weak.as_slice()) {
            if covered(term) || !self.terms.has_room() {
                continue;
            }
            if self.terms.push(term, Origin::Term) {
                own.push(term);
            }
            self.terms.close_group();
        }
        scan(&self.terms, 0, &mut self.found);
        // A kanji or katakana term found nowhere: the pairs of its characters that are.
        let anywhere = self.found_anywhere();
        let from = self.terms.len;
        for term in own.as_slice() {
            let at = self.terms.as_slice().iter().position(|w| w == term);
            let Some(at) = at else { continue };
            if anywhere & (1 << at) != 0 {
                continue;
            }
            let mut found_part = false;
            if strong.as_slice().contains(term) {
                for pair in pairs(term) {
                    if !self.terms.has_room() {
                        break;
                    }
                    if self.terms.push(pair, Origin::Part) {
                        found_part = true;
                    }
                    self.terms.close_group();
                }
            }
            if !found_part {
                self.unknown.push(term);
            }
        }
        if self.terms.len > from {
            scan(&self.terms, from, &mut self.found);
            // Pairs found nowhere say nothing: their term is unknown.
            let anywhere = self.found_anywhere();
            for term in own.as_slice() {
                let Some(at) = self.terms.as_slice().iter().position(|w| w == term) else {
                    continue;
                };
                if anywhere & (1 << at) != 0 || self.unknown.as_slice().contains(term) {
                    continue;
                }
                let part_found = (from..self.terms.len)
                    .any(|i| anywhere & (1 << i) != 0 && term.contains(self.terms.texts[i]));
                if !part_found {
                    self.unknown.push(term);
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
        self.shown = shown;
        self.sort_shown();
        // The best rows, down to half the best score.
        let best = self
            .order
            .first()
            .map_or(0, |&i| self.scores[usize::from(i)]);
        while self.shown > 0 && 2 * self.scores[usize::from(self.order[self.shown - 1])] < best {
            self.shown -= 1;
        }
    }

    /// The words (bit `i` for the `i`th) found anywhere in the table.
    fn found_anywhere(&self) -> u32 {
        self.found
            .iter()
            .fold(0, |acc, fields| acc | row_mask(fields))
    }

    /// Each group's weight, by how many rows hold a word of it, and each row's score.
    fn weigh(&mut self) {
        let mut group_words = [0u32; MAX_TERMS];
        for (t, term) in self.terms.terms[..self.terms.len].iter().enumerate() {
            group_words[usize::from(term.group)] |= 1 << t;
        }
        let group_words = &group_words[..usize::from(self.terms.groups)];
        for (g, words) in group_words.iter().enumerate() {
            let rows = self
                .found
                .iter()
                .filter(|fields| row_mask(fields) & words != 0)
                .count();
            self.terms.weights[g] = weight_of(rows, ROW_COUNT);
        }
        for row in 0..ROW_COUNT {
            self.scores[row] = self.score(&self.found[row], group_words);
        }
    }

    /// A row's score: for each group of words it holds, the group's weight times the
    /// weights of the fields a word of it is in, summed and saturated as BM25 saturates a
    /// term's frequency (k1 = [`SATURATION`]); half for a part of a term.
    fn score(&self, fields: &[u32; Field::ALL.len()], group_words: &[u32]) -> u32 {
        let mut score = 0;
        for (g, &words) in group_words.iter().enumerate() {
            let frequency: u32 = Field::ALL
                .iter()
                .filter(|f| fields[**f as usize] & words != 0)
                .map(|f| field_weight(*f))
                .sum();
            if frequency == 0 {
                continue;
            }
            let weight = self.terms.weights[g];
            let mut group_score = weight * frequency * (SATURATION + 1) / (frequency + SATURATION);
            if self.terms.terms[words.trailing_zeros() as usize].origin == Origin::Part {
                group_score /= 2;
            }
            score += group_score;
        }
        score
    }

    /// The groups (bit `g` for the `g`th) that the words of a mask belong to.
    fn group_mask(&self, words: u32) -> u32 {
        (0..self.terms.len)
            .filter(|t| words & (1 << t) != 0)
            .fold(0, |acc, t| acc | 1 << self.terms.terms[t].group)
    }

    /// Orders the rows shown by score, best first, in table order within a score.
    fn sort_shown(&mut self) {
        let order = &mut self.order[..self.shown];
        // Insertion sort: stable, no allocation, a hundred rows.
        for i in 1..order.len() {
            let mut j = i;
            while j > 0
                && self.scores[usize::from(order[j - 1])] < self.scores[usize::from(order[j])]
            {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
    }

    /// The query as given.
    pub fn query(&self) -> &'q str {
        self.query
    }

    /// The words searched for: those typed, or the terms of the sentence typed, with the
    /// table's words for its callers' words and the parts of its terms found nowhere.
    pub fn words(&self) -> &[&'q str] {
        self.terms.as_slice()
    }

    /// Where each word searched for comes from, as [`Search::words`] lists them.
    pub fn origins(&self) -> impl Iterator<Item = Origin> + '_ {
        self.terms.terms[..self.terms.len].iter().map(|t| t.origin)
    }

    /// The group of each word searched for, as [`Search::words`] lists them: a row counts
    /// each group once (a word typed and the table's words for it; a caller's word and the
    /// table's words for it; each term; each part).
    pub fn word_groups(&self) -> impl Iterator<Item = usize> + '_ {
        self.terms.terms[..self.terms.len]
            .iter()
            .map(|t| usize::from(t.group))
    }

    /// Each caller's word of the query with a table's word it was taken for
    /// (`("PIN", "暗証番号")`), as `spec/callers-words.toml` lists them.
    pub fn taken_for(&self) -> impl Iterator<Item = (&'static str, &'q str)> + '_ {
        self.terms.terms[..self.terms.len]
            .iter()
            .zip(self.words())
            .filter_map(|(term, word)| match term.origin {
                Origin::CallersWord(callers) => Some((callers, *word)),
                _ => None,
            })
    }

    /// Whether the text was searched as a sentence, no row holding all its words as typed.
    pub fn is_split(&self) -> bool {
        self.split
    }

    /// The terms of the sentence typed that are nowhere in the table, even in part, and
    /// that no caller's word reads: they play no part in the answer.
    pub fn unknown_words(&self) -> &[&'q str] {
        self.unknown.as_slice()
    }

    /// The rows found, best first, in table order within a score.
    pub fn matches(&self) -> Matches<'_, 'q> {
        Matches {
            search: self,
            next: 0,
        }
    }

    /// The words of the table nearest the words searched for, best first, each once: what
    /// to offer when nothing is found.
    pub fn nearest_words(&self) -> NearestWords {
        let mut nearest = NearestWords {
            words: [("", 0); NearestWords::CAPACITY],
        };
        for word in self.words() {
            let needle = Needle::new(word);
            for text in table_texts() {
                for term in terms(text) {
                    nearest.offer(term, similarity(&needle, term));
                }
            }
        }
        nearest
    }
}

/// The pairs of characters of a term within its runs of kanji or of katakana, each a
/// slice of it: `暗唱番号` → 暗唱, 唱番, 番号; `無効って表示` → 無効, 表示 (a pair of Latin
/// letters or of kana endings says nothing).
fn pairs(term: &str) -> impl Iterator<Item = &str> {
    let telling = |c: char| matches!(script(c), Script::Kanji | Script::Katakana);
    term.char_indices().filter_map(move |(at, c)| {
        let next = term[at + c.len_utf8()..].chars().next()?;
        let same_run = telling(c) && script(c) == script(next);
        same_run.then(|| &term[at..at + c.len_utf8() + next.len_utf8()])
    })
}

/// Every text of the table that is searched, each once.
fn table_texts() -> impl Iterator<Item = &'static str> {
    Code::ALL
        .iter()
        .flat_map(|code| {
            [code.heading(), code.message()]
                .into_iter()
                .chain(code.tags().iter().copied())
        })
        .chain(
            crate::ROWS
                .iter()
                .flat_map(|row| [row.kind, row.cause, row.remedy, row.contact]),
        )
        .chain(crate::FOOTNOTES.iter().map(|note| note.text))
}

/// How alike a word and a term are, in thousandths: one less the edit distance between
/// their folded characters over the longer's length (Levenshtein).
fn similarity(word: &Needle, term: &str) -> u32 {
    let term = Needle::new(term);
    let (a, b) = (word.chars(), term.chars());
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut row = [0u16; Needle::CAPACITY + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u16;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i as u16 + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = u16::from(ca != cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = above;
        }
    }
    let distance = u32::from(row[b.len()]);
    let longer = a.len().max(b.len()) as u32;
    1000 - 1000 * distance.min(longer) / longer
}

/// The words of the table nearest a search's words; see [`Search::nearest_words`].
#[derive(Clone, Copy, Debug)]
pub struct NearestWords {
    /// (term, similarity), best first; empty terms are unused places.
    words: [(&'static str, u32); NearestWords::CAPACITY],
}

impl NearestWords {
    /// How many words are offered at most.
    pub const CAPACITY: usize = 5;

    fn offer(&mut self, term: &'static str, score: u32) {
        // Less than half alike, a word helps nobody.
        if score < 500 {
            return;
        }
        if let Some(i) = self.words.iter().position(|(w, _)| folds_alike(w, term)) {
            if self.words[i].1 >= score {
                return;
            }
            self.words[i] = ("", 0);
        }
        let at = self
            .words
            .iter()
            .position(|&(w, s)| w.is_empty() || s < score);
        if let Some(at) = at {
            self.words.copy_within(at..Self::CAPACITY - 1, at + 1);
            self.words[at] = (term, score);
        }
        // Keep the unused places last.
        let mut kept = [("", 0); Self::CAPACITY];
        for (n, &(w, s)) in self.words.iter().filter(|(w, _)| !w.is_empty()).enumerate() {
            kept[n] = (w, s);
        }
        self.words = kept;
    }

    /// The words, best first.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().map(|(w, _)| *w).filter(|w| !w.is_empty())
    }
}

/// A row a search found.
#[derive(Clone, Copy, Debug)]
pub struct TextMatch<'s, 'q> {
    /// The row.
    pub row: &'static Row,
    /// Where its words are: its code's heading, its code's message or tags, or its own
    /// texts.
    pub rank: Rank,
    /// Its score: the sum, over the groups of words it holds, of the best word's weight
    /// times the weight of the best field it is in ([`field_weight`], [`weight_of`]).
    pub score: u32,
    search: &'s Search<'q>,
    found: [u32; Field::ALL.len()],
}

impl<'q> TextMatch<'_, 'q> {
    /// The words found in a field.
    pub fn words_in(&self, field: Field) -> impl Iterator<Item = &'q str> + '_ {
        let mask = self.found[field as usize];
        self.search
            .words()
            .iter()
            .enumerate()
            .filter(move |(i, _)| mask & (1 << i) != 0)
            .map(|(_, w)| *w)
    }

    /// The fields that hold a word, in column order.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL
            .into_iter()
            .filter(|f| self.found[*f as usize] != 0)
    }
}

/// The rows a search finds, best first; see [`Search::matches`].
#[derive(Clone, Debug)]
pub struct Matches<'s, 'q> {
    search: &'s Search<'q>,
    next: usize,
}

impl<'s, 'q> Iterator for Matches<'s, 'q> {
    type Item = TextMatch<'s, 'q>;

    fn next(&mut self) -> Option<TextMatch<'s, 'q>> {
        let search = self.search;
        if self.next >= search.shown {
            return None;
        }
        let index = usize::from(search.order[self.next]);
        self.next += 1;
        let found = search.found[index];
        let rank = if found[Field::Heading as usize] != 0 {
            Rank::Heading
        } else if found[Field::Message as usize] | found[Field::Tags as usize] != 0 {
            Rank::CodeText
        } else {
            Rank::RowText
        };
        Some(TextMatch {
            row: &ROWS[index],
            rank,
            score: search.scores[index],
            search,
            found,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.search.shown - self.next;
        (left, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern crate std;
    use std::string::String;
    use std::vec::Vec;

    fn fold(text: &str) -> String {
        crate::fold::folded(text).collect()
    }

    fn fold_all<'t>(texts: impl Iterator<Item = &'t str>) -> String {
        texts.map(fold).collect::<Vec<_>>().join("\n")
    }

    /// The index codegen wrote is every text of this table folded as a query is: a fold
    /// changed without `cargo run -p codegen` fails here (and `--check` in CI).
    #[test]
    fn the_index_is_the_table_folded() {
        let mut rows = ROWS.iter();
        let text = |place: u32| FOLDED_TEXTS[place as usize];
        for (code, places) in Code::ALL.iter().zip(&CODE_TEXTS) {
            let texts = places.map(text);
            assert_eq!(texts[0], fold(code.heading()), "{code:#}");
            assert_eq!(texts[1], fold_all(code.tags().iter().copied()), "{code:#}");
            assert_eq!(texts[2], fold(code.message()), "{code:#}");
            for _ in code.rows() {
                let row = rows.next().unwrap();
                assert_eq!(row.code, *code);
                let texts = ROW_TEXTS[row_index(row)].map(text);
                assert_eq!(texts[0], fold(row.kind));
                assert_eq!(texts[1], fold(row.cause));
                assert_eq!(texts[2], fold(row.remedy));
                assert_eq!(texts[3], fold(row.contact));
                let cited = crate::FOOTNOTES.iter().filter(|note| {
                    row.footnotes.iter().any(|n| n.number == note.number)
                        || code.footnotes().iter().any(|n| n.number == note.number)
                });
                assert_eq!(texts[4], fold_all(cited.map(|note| note.text)));
            }
        }
        assert!(rows.next().is_none());
        // Each text once.
        for (i, text) in FOLDED_TEXTS.iter().enumerate() {
            assert!(!FOLDED_TEXTS[..i].contains(text), "{text:?} twice");
        }
    }

    fn row_index(row: &Row) -> usize {
        ROWS.iter().position(|r| core::ptr::eq(r, row)).unwrap()
    }

    #[test]
    fn terms_of_a_sentence() {
        let found: Vec<&str> = terms("暗証番号がロックされたと出た").collect();
        assert_eq!(found, ["暗証番号", "ロック", "出"]);
        let found: Vec<&str> = terms("証明書の期限が切れている").collect();
        assert_eq!(found, ["証明書", "期限", "切"]);
        let found: Vec<&str> = terms("問い合わせ先はICカードのLAN").collect();
        assert_eq!(found, ["問い合わせ先", "IC", "カード", "LAN"]);
        // More than two kana between kanji are an ending, not okurigana.
        let found: Vec<&str> = terms("確認されていない端末").collect();
        assert_eq!(found, ["確認", "端末"]);
        let (strong, weak) = query_terms("暗証番号がロックされたと出た");
        assert_eq!(strong.as_slice(), ["暗証番号", "ロック"]);
        assert_eq!(weak.as_slice(), ["出"]);
        let (strong, weak) = query_terms("ぱすわーど わすれた");
        assert_eq!(strong.as_slice(), [] as [&str; 0]);
        assert_eq!(weak.as_slice(), ["ぱすわーど", "わすれた"]);
    }

    #[test]
    fn words_are_separated_by_blanks_of_either_width() {
        let words = blank_separated("暗証番号　ロック  ー ");
        assert_eq!(words.as_slice(), ["暗証番号", "ロック"]);
        // Each word once, at most MAX_WORDS of them.
        let words = blank_separated("a b a c d e f g h i j");
        assert_eq!(words.as_slice(), ["a", "b", "c", "d", "e", "f", "g", "h"]);
        assert_eq!(Search::new(" ー\u{200B} ").unwrap_err(), SearchError::Empty);
    }

    #[test]
    fn fields_are_named_as_table_json_names_them() {
        let names = Field::ALL.map(Field::name);
        assert_eq!(
            names,
            [
                "heading",
                "tags",
                "message",
                "kind",
                "cause",
                "remedy",
                "contact",
                "footnotes"
            ]
        );
        let code_fields = Field::ALL.map(Field::is_code_field);
        assert_eq!(
            code_fields,
            [true, true, true, false, false, false, false, false]
        );
        let weights = Field::ALL.map(field_weight);
        assert_eq!(weights, [6, 6, 6, 4, 3, 3, 1, 1]);
    }

    #[test]
    fn a_word_folded_as_another_is_searched_once() {
        let search = Search::new("カードリーダ ｶｰﾄﾞﾘｰﾀﾞ").unwrap();
        assert_eq!(search.words(), ["カードリーダ"]);
        // A term that folds to nothing (long-vowel marks alone) is no word.
        let search = Search::new("ーーゐゑ").unwrap();
        assert_eq!(search.matches().count(), 0);
        assert!(!search.words().contains(&"ーー"));
    }

    #[test]
    fn an_empty_search_says_why() {
        assert_eq!(SearchError::Empty.to_string(), "no word to search for");
    }

    #[test]
    fn weights_are_bm25s_inverse_document_frequency_in_base_2() {
        assert_eq!(log2_q10(1 << 16), 0);
        assert_eq!(log2_q10(2 << 16), 1024);
        assert_eq!(log2_q10(8 << 16), 3 * 1024);
        // log2(3) = 1.58496…: 1623 1024ths (1622.999…, within one of it).
        assert_eq!(log2_q10(3 << 16), 1623);
        assert_eq!(weight_of(0, 96), 0);
        // ln(1 + (96 − 1 + ½) / (1 + ½)) / ln 2 = log2(194 / 3) = 6.015…
        assert_eq!(weight_of(1, 96), 6159);
        let mut last = u32::MAX;
        for rows in 1..=96 {
            let weight = weight_of(rows, 96);
            assert!(weight < last, "{rows}");
            last = weight;
        }
        assert!(weight_of(96, 96) > 0);
    }

    #[test]
    fn parts_are_pairs_within_runs_of_kanji_or_katakana() {
        let found: Vec<&str> = pairs("暗唱番号").collect();
        assert_eq!(found, ["暗唱", "唱番", "番号"]);
        let found: Vec<&str> = pairs("無効って表示").collect();
        assert_eq!(found, ["無効", "表示"]);
        let found: Vec<&str> = pairs("ICカード").collect();
        assert_eq!(found, ["カー", "ード"]);
    }

    #[test]
    fn similarity_by_edit_distance() {
        let word = Needle::new("ネットワーク");
        assert_eq!(similarity(&word, "ﾈｯﾄﾜｰｸ"), 1000);
        assert_eq!(similarity(&word, "証明書"), 0);
        let typo = Needle::new("暗唱番号");
        assert_eq!(similarity(&typo, "暗証番号"), 750);
        assert_eq!(similarity(&typo, "番号"), 500);
    }
}
