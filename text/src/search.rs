//! The search by words over an index of the table's texts, folded beforehand
//! ([`Index`]): what a query's words are (typed, terms of a sentence, the table's words for
//! a caller's word, parts of a term), how telling each is in this table, and each row's
//! score. The rows themselves are the caller's ([`Rows`]: a buffer for each row of the
//! index); `oqs_messages::search` gives them with the table's rows and texts.
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
//! The offline page's script searches the same way, with the same integer arithmetic.
//! Nothing allocates.

use core::fmt;

use crate::fold::{folded, is_kanji, widen};
use crate::needle::{Needle, WordSet, MAX_NEEDLES};

/// The most words a query is searched by; words past them are not searched.
pub const MAX_WORDS: usize = 8;

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
        // The voiced marks too, as half-width katakana and combining kana write them
        // (`ｸﾚｼﾞｯﾄ` is one word).
        '\u{30A1}'..='\u{30FA}'
        | 'ー'
        | '\u{30FD}'
        | '\u{30FE}'
        | '\u{3099}'..='\u{309C}'
        | '\u{FF9E}'
        | '\u{FF9F}' => Script::Katakana,
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
pub enum Origin<'a> {
    /// A word typed, separated by blanks.
    Typed,
    /// A term of the sentence typed.
    Term,
    /// A table's word for a caller's word of the sentence (`spec/callers-words.toml`).
    CallersWord(&'a str),
    /// A pair of characters of a term found nowhere as a whole; counts half.
    Part,
}

/// A word searched for: the group of words it is one of (a row counts each group once, at
/// its best word) and where it comes from.
#[derive(Clone, Copy, Debug)]
struct Term<'a> {
    group: u8,
    origin: Origin<'a>,
}

/// The words a search looks for, in groups, with each group's weight once the table is
/// scanned.
#[derive(Clone, Copy, Debug)]
struct Terms<'q> {
    texts: [&'q str; MAX_TERMS],
    terms: [Term<'q>; MAX_TERMS],
    /// Each group's weight, by the rows that hold any word of it.
    weights: [u32; MAX_TERMS],
    /// Each group's weight by the rows that hold its words as written, and by those that
    /// hold the table's words it is read as (`0` where the group has none).
    written_weights: [u32; MAX_TERMS],
    reading_weights: [u32; MAX_TERMS],
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
        written_weights: [0; MAX_TERMS],
        reading_weights: [0; MAX_TERMS],
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

    /// Whether a word folds as a part already searched for (another term's).
    fn has_part(&self, word: &str) -> bool {
        self.as_slice()
            .iter()
            .zip(&self.terms[..self.len])
            .any(|(w, t)| t.origin == Origin::Part && folds_alike(w, word))
    }

    /// Whether there is room for another word.
    fn has_room(&self) -> bool {
        self.len < MAX_TERMS
    }

    /// Adds a word to the current group (opened by the first word pushed after
    /// `close_group`); a word already searched for is left out.
    fn push(&mut self, word: &'q str, origin: Origin<'q>) -> bool {
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

    /// A row's score: for each group of words it holds, the group's weight times the
    /// weights of the fields a word of it is in, summed and saturated as BM25 saturates a
    /// term's frequency (k1 = [`SATURATION`]); half for a part of a term. A caller's word
    /// and the table's words it is read as count each by how telling it is, the better of
    /// the two: a word as written where the table holds it counts at least as much as its
    /// readings (their weight is never above the word's), so readings add rows and never
    /// outrank the word.
    fn score(&self, fields: &[u32; FIELDS], group_words: &[u32]) -> u32 {
        let readings = self.readings();
        let mut score = 0;
        for (g, &words) in group_words.iter().enumerate() {
            let saturated = |weight: u32, words: u32| {
                let frequency: u32 = Field::ALL
                    .iter()
                    .filter(|f| fields[**f as usize] & words != 0)
                    .map(|f| field_weight(*f))
                    .sum();
                weight * frequency * (SATURATION + 1) / (frequency + SATURATION)
            };
            let (read, written) = (words & readings, words & !readings);
            let mut group_score = if read == 0 {
                saturated(self.weights[g], words)
            } else {
                let written_weight = self.written_weights[g];
                let reading_weight = match written_weight {
                    0 => self.reading_weights[g],
                    w => self.reading_weights[g].min(w),
                };
                saturated(written_weight, written).max(saturated(reading_weight, read))
            };
            if self.terms[words.trailing_zeros() as usize].origin == Origin::Part {
                group_score /= 2;
            }
            score += group_score;
        }
        score
    }

    /// The words that are the table's words for a caller's word (bit `i` for the `i`th).
    fn readings(&self) -> u32 {
        self.terms[..self.len]
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.origin, Origin::CallersWord(_)))
            .fold(0, |acc, (i, _)| acc | 1 << i)
    }
}

/// The number of fields a row is searched in ([`Field::ALL`]).
pub const FIELDS: usize = Field::ALL.len();

/// What a search reads: every text searched, folded ([`crate::fold::folded`]) and each
/// once, with where each code's fields and each row's stand among them, and the callers'
/// words. `cargo run -p codegen` writes it for each version of the table as statics; a
/// table read at run time has it made from its texts (`oqs-answer`'s `SearchIndex`).
#[derive(Clone, Copy, Debug)]
pub struct Index<'i> {
    /// Every text searched, folded, each once.
    pub texts: &'i [&'i str],
    /// For each code, where its heading, its tags (joined by line breaks) and its message
    /// are in `texts`.
    pub code_texts: &'i [[u32; 3]],
    /// For each row, where its kind, cause, remedy, contact and the footnotes it or its
    /// code cites (joined by line breaks) are in `texts`.
    pub row_texts: &'i [[u32; 5]],
    /// For each row, its code, as a place in `code_texts`.
    pub row_codes: &'i [u16],
    /// Each caller's word (`PIN`) with the table's words it stands for (`暗証番号`).
    pub callers_words: &'i [(&'i str, &'i [&'i str])],
    /// The callers' words folded as a query is, in the same order.
    pub folded_callers_words: &'i [&'i str],
}

impl Index<'_> {
    /// Whether the places of the index are within it and its lists agree in length. A
    /// search over an index that is not sound does not panic, but a row whose places fall
    /// outside is not found; codegen writes sound ones, and a test of each table checks it.
    pub fn is_sound(&self) -> bool {
        let within = |place: &u32| (*place as usize) < self.texts.len();
        self.code_texts.iter().flatten().all(within)
            && self.row_texts.iter().flatten().all(within)
            && self.row_codes.len() == self.row_texts.len()
            && self
                .row_codes
                .iter()
                .all(|code| usize::from(*code) < self.code_texts.len())
            && self.callers_words.len() == self.folded_callers_words.len()
            && self.row_texts.len() <= usize::from(u16::MAX)
    }

    /// How many rows the index holds: the length of [`Rows::found`], [`Rows::scores`] and
    /// [`Rows::order`].
    pub fn row_count(&self) -> usize {
        self.row_texts.len()
    }

    /// How many texts the index holds: the length of [`Rows::texts`].
    pub fn text_count(&self) -> usize {
        self.texts.len()
    }
}

/// What a search finds for each row of its index: buffers of the caller's, as long as the
/// index has rows ([`Index::row_count`]) or texts ([`Index::text_count`]), so that nothing
/// is allocated.
#[derive(Debug)]
pub struct Rows<'b> {
    /// For each text of the index, which words it holds: where a scan notes each text once
    /// before reading the fields that share it. Its content after a search is unspecified.
    pub texts: &'b mut [u32],
    /// For each row, which words (bit `i` for the `i`th of [`Outcome::words`]) each
    /// field holds, its code's fields included, in [`Field::ALL`]'s order.
    pub found: &'b mut [[u32; FIELDS]],
    /// For each row, its score.
    pub scores: &'b mut [u32],
    /// The rows shown, best first, as places in the index: the first
    /// [`Outcome::shown`] of them.
    pub order: &'b mut [u16],
}

/// Scans the index for the words from `from` on, adding what each row holds to `found`:
/// each distinct text read once.
fn scan(
    index: &Index<'_>,
    terms: &Terms<'_>,
    from: usize,
    in_text: &mut [u32],
    found: &mut [[u32; FIELDS]],
) {
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
    // Each text once, then each field by its place; a place outside the buffer holds nothing.
    for (found, text) in in_text.iter_mut().zip(index.texts) {
        *found = words.found_in(text);
    }
    let in_field = |place: &u32| in_text.get(*place as usize).copied().unwrap_or(0);
    let rows = index.row_texts.iter().zip(index.row_codes);
    for ((row_texts, code), found) in rows.zip(found) {
        let Some(code_texts) = index.code_texts.get(usize::from(*code)) else {
            continue;
        };
        let fields = code_texts.iter().chain(row_texts).map(in_field);
        // Field::ALL's order: the code's three fields, then the row's five.
        for (field, mask) in found.iter_mut().zip(fields) {
            *field |= mask << from;
        }
    }
}

/// Whether two words fold to the same characters (`ロック`, `ﾛｯｸ`, `ろっく`).
fn folds_alike(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

/// Every word a row holds, in any field.
fn row_mask(fields: &[u32; FIELDS]) -> u32 {
    fields.iter().fold(0, |acc, m| acc | m)
}

/// How a row was found, by the words of each of its fields (bit `i` for the `i`th word).
pub fn rank(fields: &[u32; FIELDS]) -> Rank {
    if fields[Field::Heading as usize] != 0 {
        Rank::Heading
    } else if fields[Field::Message as usize] | fields[Field::Tags as usize] != 0 {
        Rank::CodeText
    } else {
        Rank::RowText
    }
}

/// The words a search looked for and what became of them; the rows it found are in the
/// [`Rows`] it was given.
#[derive(Clone, Copy, Debug)]
pub struct Outcome<'q> {
    query: &'q str,
    terms: Terms<'q>,
    /// Whether the text was searched as a sentence, its words as typed being held by no
    /// row all together.
    split: bool,
    /// The terms of the sentence found nowhere, nor by a caller's word, nor in part.
    unknown: Words<'q>,
    shown: usize,
    /// The weight of a word one row holds: what a term found nowhere counts for in
    /// [`Outcome::fit`] (the rarest word there could be).
    rarest: u32,
}

impl<'q> Outcome<'q> {
    /// Searches `index` for the words of `query`: the rows that hold every word separated
    /// by blanks, when there are any; otherwise the rows that hold the most telling words
    /// of the sentence, its callers' words read as the table's. What each row holds, its
    /// score and the rows shown go to `rows`, whose buffers must have [`Index::row_count`]
    /// places and, for [`Rows::texts`], [`Index::text_count`] (rows past the shortest buffer
    /// are not searched, nor texts past `texts`; at most 65,536 rows are).
    pub fn new(
        index: &Index<'q>,
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

    /// The query as given.
    pub fn query(&self) -> &'q str {
        self.query
    }

    /// How much of what the text asks a row holds, in thousandths: the weights of the
    /// groups of words it holds over the weights of every group searched, a term found
    /// nowhere counting as the rarest word would (so that a text of words the table does
    /// not hold fits no row), a part of such a term half its weight. `fields` is what the
    /// row holds ([`Rows::found`]). Words typed that every row shown holds fit whole.
    pub fn fit(&self, fields: &[u32; FIELDS]) -> u32 {
        let terms = &self.terms;
        let held = row_mask(fields);
        let (mut matched, mut total, mut parts) = (0u64, 0u64, 0u64);
        for g in 0..terms.groups {
            let words = (0..terms.len)
                .filter(|&t| terms.terms[t].group == g)
                .fold(0u32, |acc, t| acc | 1 << t);
            if words == 0 {
                continue;
            }
            let weight = u64::from(terms.weights[usize::from(g)]);
            if terms.terms[words.trailing_zeros() as usize].origin == Origin::Part {
                if held & words != 0 {
                    parts += weight / 2;
                }
                continue;
            }
            if weight == 0 {
                // A term found nowhere as a whole: its parts make up for it below.
                total += u64::from(self.rarest);
                continue;
            }
            total += weight;
            if held & words != 0 {
                matched += weight;
            }
        }
        // The parts of the terms found nowhere count for half of those terms at most.
        let missing = total.saturating_sub(self.found_weight());
        matched += parts.min(missing / 2);
        if total == 0 {
            return 0;
        }
        (1000 * matched / total) as u32
    }

    /// The weights of the groups found in some row, but parts.
    fn found_weight(&self) -> u64 {
        let terms = &self.terms;
        (0..terms.groups)
            .filter(|&g| {
                (0..terms.len)
                    .any(|t| terms.terms[t].group == g && terms.terms[t].origin != Origin::Part)
            })
            .map(|g| u64::from(terms.weights[usize::from(g)]))
            .sum()
    }

    /// How many rows are shown: the first of [`Rows::order`].
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// The words searched for: those typed, or the terms of the sentence typed, with the
    /// table's words for its callers' words and the parts of its terms found nowhere.
    pub fn words(&self) -> &[&'q str] {
        self.terms.as_slice()
    }

    /// Where each word searched for comes from, as [`Outcome::words`] lists them.
    pub fn origins(&self) -> impl Iterator<Item = Origin<'q>> + '_ {
        self.terms.terms[..self.terms.len].iter().map(|t| t.origin)
    }

    /// The group of each word searched for, as [`Outcome::words`] lists them: a row counts
    /// each group once (a word typed and the table's words for it; a caller's word and the
    /// table's words for it; each term; each part).
    pub fn word_groups(&self) -> impl Iterator<Item = usize> + '_ {
        self.terms.terms[..self.terms.len]
            .iter()
            .map(|t| usize::from(t.group))
    }

    /// Each caller's word of the query with a table's word it was taken for
    /// (`("PIN", "暗証番号")`), as `spec/callers-words.toml` lists them.
    pub fn taken_for(&self) -> impl Iterator<Item = (&'q str, &'q str)> + '_ {
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

    /// The words of `texts` (the table's, each split into [`terms`]) nearest the words
    /// searched for, best first, each once: what to offer when nothing is found.
    pub fn nearest_words<'t>(
        &self,
        texts: impl Iterator<Item = &'t str> + Clone,
    ) -> NearestWords<'t> {
        let mut nearest = NearestWords {
            words: [("", 0); NearestWords::CAPACITY],
        };
        for word in self.words() {
            let needle = Needle::new(word);
            for text in texts.clone() {
                for term in terms(text) {
                    nearest.offer(term, similarity(&needle, term));
                }
            }
        }
        nearest
    }
}

/// A search under way: its outcome and the caller's buffers.
struct Search<'i, 'q, 'b> {
    index: &'i Index<'q>,
    outcome: Outcome<'q>,
    texts: &'b mut [u32],
    found: &'b mut [[u32; FIELDS]],
    scores: &'b mut [u32],
    order: &'b mut [u16],
}

impl<'q> Search<'_, 'q, '_> {
    /// Searches the words as typed, with the table's words for a caller's word: the rows
    /// that hold every word.
    fn typed(&mut self, typed: &Words<'q>) {
        let index = self.index;
        let terms = &mut self.outcome.terms;
        for word in typed.as_slice() {
            if !terms.has_room() {
                break;
            }
            terms.push(word, Origin::Typed);
            let word_folded = Needle::new(word);
            let callers = index.callers_words.iter().zip(index.folded_callers_words);
            for ((callers, table), folded) in callers {
                if *folded == word_folded.word() {
                    for table_word in table.iter() {
                        terms.push(table_word, Origin::CallersWord(callers));
                    }
                }
            }
            terms.close_group();
        }
        scan(index, &self.outcome.terms, 0, self.texts, self.found);
        self.weigh();
        let groups = ((1u64 << self.outcome.terms.groups) - 1) as u32;
        let mut shown = 0;
        for (i, fields) in self.found.iter().enumerate() {
            if self.group_mask(row_mask(fields)) == groups {
                self.order[shown] = i as u16;
                shown += 1;
            }
        }
        self.outcome.shown = shown;
        self.sort_shown();
    }

    /// Searches the query as a sentence: its callers' words, its terms, and the pairs of
    /// characters of a term found nowhere.
    fn as_sentence(&mut self) {
        let index = self.index;
        let query = self.outcome.query;
        self.outcome.split = true;
        self.outcome.terms = Terms::NONE;
        self.found.fill([0; FIELDS]);
        let folded_query = Needle::new(query);
        let mut callers_found: [&'q str; MAX_TERMS] = [""; MAX_TERMS];
        let mut callers_count = 0;
        let terms = &mut self.outcome.terms;
        let callers = index.callers_words.iter().zip(index.folded_callers_words);
        for ((callers, table), folded) in callers {
            if callers_count == MAX_TERMS || !terms.has_room() {
                break;
            }
            if !folded_query.text().contains(folded) {
                continue;
            }
            callers_found[callers_count] = callers;
            callers_count += 1;
            // The caller's word itself, where the table says it too (パスワード).
            terms.push(callers, Origin::Term);
            for table_word in table.iter() {
                terms.push(table_word, Origin::CallersWord(callers));
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
        let (strong, weak) = query_terms(query);
        let mut own = Words::NONE;
        for term in strong.as_slice().iter().chain(weak.as_slice()) {
            if covered(term) || !terms.has_room() {
                continue;
            }
            if terms.push(term, Origin::Term) {
                own.push(term);
            }
            terms.close_group();
        }
        scan(index, &self.outcome.terms, 0, self.texts, self.found);
        // A kanji or katakana term found nowhere: the pairs of its characters that are.
        let anywhere = self.found_anywhere();
        let from = self.outcome.terms.len;
        let outcome = &mut self.outcome;
        for term in own.as_slice() {
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
                    // A part another term brought is searched for this one too.
                    if outcome.terms.push(pair, Origin::Part) || outcome.terms.has_part(pair) {
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
            for term in own.as_slice() {
                let Some(at) = outcome.terms.as_slice().iter().position(|w| w == term) else {
                    continue;
                };
                if anywhere & (1 << at) != 0 || outcome.unknown.as_slice().contains(term) {
                    continue;
                }
                let (mut found, mut all, mut mask) = (0, 0, 0u32);
                for i in
                    (from..outcome.terms.len).filter(|&i| term.contains(outcome.terms.texts[i]))
                {
                    all += 1;
                    mask |= 1 << i;
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
    fn found_anywhere(&self) -> u32 {
        self.found
            .iter()
            .fold(0, |acc, fields| acc | row_mask(fields))
    }

    /// Each group's weight, by how many rows hold a word of it, and each row's score.
    fn weigh(&mut self) {
        let terms = &mut self.outcome.terms;
        let mut group_words = [0u32; MAX_TERMS];
        for (t, term) in terms.terms[..terms.len].iter().enumerate() {
            group_words[usize::from(term.group)] |= 1 << t;
        }
        let group_words = &group_words[..usize::from(terms.groups)];
        let total = self.found.len();
        for (g, words) in group_words.iter().enumerate() {
            let rows = self
                .found
                .iter()
                .filter(|fields| row_mask(fields) & words != 0)
                .count();
            terms.weights[g] = weight_of(rows, total);
            let readings = words & terms.readings();
            let holding = |mask: u32| {
                self.found
                    .iter()
                    .filter(|fields| row_mask(fields) & mask != 0)
                    .count()
            };
            terms.written_weights[g] = weight_of(holding(words & !readings), total);
            terms.reading_weights[g] = weight_of(holding(readings), total);
        }
        self.outcome.rarest = weight_of(1, total);
        for (score, fields) in self.scores.iter_mut().zip(self.found.iter()) {
            *score = self.outcome.terms.score(fields, group_words);
        }
    }

    /// The groups (bit `g` for the `g`th) that the words of a mask belong to.
    fn group_mask(&self, words: u32) -> u32 {
        let terms = &self.outcome.terms;
        (0..terms.len)
            .filter(|t| words & (1 << t) != 0)
            .fold(0, |acc, t| acc | 1 << terms.terms[t].group)
    }

    /// Orders the rows shown by score, best first, in table order within a score.
    fn sort_shown(&mut self) {
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

/// Whether a term is a name: katakana or Latin letters alone (`プリンター`, `OQSFaceApp`).
fn is_name(term: &str) -> bool {
    term.chars()
        .all(|c| matches!(script(c), Script::Katakana | Script::Latin))
}

/// The parts of a term found nowhere, looked for instead: the pairs of characters of a kanji
/// term (each pair of kanji is a word: `暗唱番号` → 暗唱, 唱番, 番号); the runs of three
/// letters of a name (`マヂナンバーカード` → マヂナ, ヂナン, ナンバ, …), since two letters of a
/// name are found in too many other names (`プリンター`'s `リン` in `スクリーン`).
fn parts(term: &str) -> impl Iterator<Item = &str> {
    let name = is_name(term);
    let chars: usize = if name { 3 } else { 2 };
    let pairs = pairs(term).filter(move |_| !name);
    let runs = term.char_indices().filter_map(move |(at, c)| {
        if !name || script(c) == Script::Latin {
            return None;
        }
        if matches!(c, 'ー' | 'ｰ') {
            return None;
        }
        // Three letters as matched: a long-vowel mark between them is not one.
        let (mut end, mut letters) = (at, 0);
        for d in term[at..].chars() {
            if script(d) != Script::Katakana {
                break;
            }
            end += d.len_utf8();
            if !matches!(d, 'ー' | 'ｰ') {
                letters += 1;
            }
            if letters == chars {
                return Some(&term[at..end]);
            }
        }
        None
    });
    pairs.chain(runs)
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

/// The words of the table nearest a search's words; see [`Outcome::nearest_words`].
#[derive(Clone, Copy, Debug)]
pub struct NearestWords<'t> {
    /// (term, similarity), best first; empty terms are unused places.
    words: [(&'t str, u32); NearestWords::CAPACITY],
}

impl<'t> NearestWords<'t> {
    /// How many words are offered at most.
    pub const CAPACITY: usize = 5;

    fn offer(&mut self, term: &'t str, score: u32) {
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
    pub fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.words.iter().map(|(w, _)| *w).filter(|w| !w.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern crate std;
    use std::string::ToString;
    use std::vec::Vec;

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

    #[test]
    fn similarity_counts_insertions_deletions_and_substitutions() {
        let alike = |a: &str, b: &str| similarity(&Needle::new(a), b);
        // One substitution, one deletion, one insertion: distance 1 over 3 characters.
        assert_eq!(alike("abc", "abd"), 667);
        assert_eq!(alike("abc", "ab"), 667);
        assert_eq!(alike("ab", "abc"), 667);
        assert_eq!(alike("abc", "xabc"), 750);
        // Three edits over seven characters; two over four.
        assert_eq!(alike("kitten", "sitting"), 572);
        assert_eq!(alike("sitting", "kitten"), 572);
        assert_eq!(alike("abcd", "bcda"), 500);
        assert_eq!(alike("abcd", "dcba"), 0);
        assert_eq!(alike("abc", "abc"), 1000);
        assert_eq!(alike("abc", ""), 0);
        assert_eq!(alike("", "abc"), 0);
        // Words as long as a needle holds: one edit over 128 characters.
        let long: std::string::String = "a".repeat(Needle::CAPACITY);
        let other = std::format!("b{}", &long[1..]);
        assert_eq!(alike(&long, &other), 993);
    }

    #[test]
    fn the_nearest_words_keep_the_best_five_each_once() {
        let mut nearest = NearestWords {
            words: [("", 0); NearestWords::CAPACITY],
        };
        let words = |n: &NearestWords<'static>| n.iter().collect::<Vec<_>>();
        // Less than half alike: not offered; half: offered.
        nearest.offer("遠い", 499);
        nearest.offer("半分", 500);
        assert_eq!(words(&nearest), ["半分"]);
        // Best first; among equals, the first offered first.
        nearest.offer("近い", 900);
        nearest.offer("同点", 500);
        assert_eq!(words(&nearest), ["近い", "半分", "同点"]);
        // A word folded alike is kept once, with its better score.
        nearest.offer("ﾛｯｸ", 600);
        nearest.offer("ロック", 800);
        nearest.offer("ろっく", 700);
        nearest.offer("ロック", 800);
        assert_eq!(words(&nearest), ["近い", "ロック", "半分", "同点"]);
        // Full: a better word pushes the worst out; one no better than the worst is not
        // taken.
        nearest.offer("五つ目", 650);
        nearest.offer("六つ目", 950);
        assert_eq!(
            words(&nearest),
            ["六つ目", "近い", "ロック", "五つ目", "半分"]
        );
        nearest.offer("七つ目", 500);
        assert_eq!(
            words(&nearest),
            ["六つ目", "近い", "ロック", "五つ目", "半分"]
        );
    }

    /// A table of two codes and three rows, folded as codegen folds one.
    static TEXTS: [&str; 8] = [
        "カドリダ",
        "",
        "カドリダノエラ",
        "ネットワクエラ",
        "ネットワクガ接続デキナイ",
        "ランケブルヲ確認スル",
        "暗証番号ガロックサレタ",
        "窓口",
    ];
    static INDEX: Index<'static> = Index {
        texts: &TEXTS,
        code_texts: &[[0, 1, 2], [6, 1, 3]],
        row_texts: &[[3, 4, 5, 7, 1], [3, 6, 5, 7, 1], [3, 4, 1, 7, 1]],
        row_codes: &[0, 1, 1],
        callers_words: &[("PIN", &["暗証番号"]), ("LAN", &["ネットワーク"])],
        folded_callers_words: &["pin", "lan"],
    };

    fn search<'q>(query: &'q str) -> (Result<Outcome<'q>, SearchError>, [u16; 3]) {
        search_in(&INDEX, query, &mut [0; TEXTS.len()])
    }

    /// A search of a three-row index, given the texts' buffer.
    fn search_in<'q>(
        index: &Index<'q>,
        query: &'q str,
        texts: &mut [u32],
    ) -> (Result<Outcome<'q>, SearchError>, [u16; 3]) {
        let mut found = [[0; FIELDS]; 3];
        let mut scores = [0; 3];
        let mut order = [0; 3];
        let rows = Rows {
            texts,
            found: &mut found,
            scores: &mut scores,
            order: &mut order,
        };
        let outcome = Outcome::new(index, query, rows);
        (outcome, order)
    }

    fn shown(query: &str) -> Vec<u16> {
        let (outcome, order) = search(query);
        order[..outcome.unwrap().shown()].to_vec()
    }

    #[test]
    fn typed_words_find_the_rows_that_hold_them_all() {
        // In every row's kind; in rows 1 and 2 by their code's message (6), row 2's
        // cause (3) too, row 0 by its cause alone.
        assert_eq!(shown("ネットワーク"), [2, 1, 0]);
        // 暗証番号 is in code 1's heading (rows 1 and 2) and row 1's cause: row 1 first.
        assert_eq!(shown("暗証番号"), [1, 2]);
        assert_eq!(shown("ﾈｯﾄﾜｰｸ 接続"), [2, 0]);
        let (outcome, _) = search("PIN");
        let outcome = outcome.unwrap();
        assert!(!outcome.is_split());
        assert_eq!(
            outcome.taken_for().collect::<Vec<_>>(),
            [("PIN", "暗証番号")]
        );
        assert_eq!(search(" ー\u{200B} ").0.unwrap_err(), SearchError::Empty);
    }

    #[test]
    fn a_sentence_ranks_rows_by_its_telling_words() {
        let (outcome, order) = search("暗証番号がロックされて窓口に電話した");
        let outcome = outcome.unwrap();
        assert!(outcome.is_split());
        // Row 1 holds 暗証番号 and ロック in its cause, 窓口 in its contact.
        assert_eq!(order[0], 1);
        assert_eq!(outcome.unknown_words(), ["電話"]);
    }

    #[test]
    fn a_row_at_exactly_half_the_best_score_is_shown() {
        // 閉塞 and ロック each in two of three causes: one weight. Row 0 holds both, rows 1
        // and 2 one each, in the same field: each scores exactly half of row 0.
        static TEXTS: [&str; 4] = ["", "閉塞ロック", "閉塞", "ロック"];
        let index = Index {
            texts: &TEXTS,
            code_texts: &[[0, 0, 0]],
            row_texts: &[[0, 1, 0, 0, 0], [0, 2, 0, 0, 0], [0, 3, 0, 0, 0]],
            row_codes: &[0, 0, 0],
            callers_words: &[],
            folded_callers_words: &[],
        };
        assert!(index.is_sound());
        let (outcome, order) = search_in(&index, "閉塞とロック", &mut [0; TEXTS.len()]);
        let outcome = outcome.unwrap();
        assert!(outcome.is_split());
        assert_eq!(order[..outcome.shown()], [0, 1, 2]);
        // One word more in row 0 (ネット, in no other row): rows 1 and 2 fall below half.
        static MORE: [&str; 4] = ["", "閉塞ロックネット", "閉塞", "ロック"];
        let index = Index {
            texts: &MORE,
            ..index
        };
        let (outcome, order) = search_in(&index, "閉塞とロックとネット", &mut [0; MORE.len()]);
        assert_eq!(order[..outcome.unwrap().shown()], [0]);
    }

    #[test]
    fn each_word_is_searched_once_and_none_that_folds_to_nothing() {
        // 暗証番号 typed after PIN, which stands for it: searched once.
        let (outcome, _) = search("PIN 暗証番号");
        assert_eq!(outcome.unwrap().words(), ["PIN", "暗証番号"]);
        // A sentence whose first term, ーーー, folds to nothing: left out, and no group
        // is closed before a word is in it.
        let (outcome, order) = search("ーーー、暗証番号がロックされた");
        let outcome = outcome.unwrap();
        assert_eq!(outcome.words(), ["暗証番号", "ロック"]);
        assert_eq!(outcome.word_groups().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(order[0], 1);
    }

    #[test]
    fn an_index_is_sound_only_when_every_place_is_within_it() {
        assert!(INDEX.is_sound());
        assert_eq!((INDEX.row_count(), INDEX.text_count()), (3, TEXTS.len()));
        let unsound = [
            // A code's text just past the last text.
            Index {
                code_texts: &[[0, 1, 2], [6, 1, 8]],
                ..INDEX
            },
            // A row's text just past the last text.
            Index {
                row_texts: &[[3, 4, 5, 7, 1], [3, 6, 5, 7, 8], [3, 4, 1, 7, 1]],
                ..INDEX
            },
            // A row without its code.
            Index {
                row_codes: &[0, 1],
                ..INDEX
            },
            // A code just past the last code.
            Index {
                row_codes: &[0, 1, 2],
                ..INDEX
            },
            // A caller's word not folded.
            Index {
                folded_callers_words: &["pin"],
                ..INDEX
            },
        ];
        for (n, index) in unsound.iter().enumerate() {
            assert!(!index.is_sound(), "case {n}");
        }
    }

    #[test]
    fn an_unsound_index_misses_the_rows_outside_and_does_not_panic() {
        // Row 1's code and row 2's cause fall outside the index.
        let broken = Index {
            row_codes: &[0, 5, 1],
            row_texts: &[[3, 4, 5, 7, 1], [3, 6, 5, 7, 1], [3, 99, 1, 7, 1]],
            ..INDEX
        };
        assert!(!broken.is_sound());
        assert!(INDEX.is_sound());
        let (outcome, order) = search_in(&broken, "ネットワーク", &mut [0; TEXTS.len()]);
        // Row 2 by its kind and its code's message; row 0 by its kind and cause.
        assert_eq!(order[..outcome.unwrap().shown()], [2, 0]);
        // A texts buffer too short: the texts past it are not searched.
        let (outcome, _) = search_in(&INDEX, "ネットワーク", &mut [0; 3]);
        assert_eq!(outcome.unwrap().shown(), 0);
    }

    #[test]
    fn the_nearest_words_are_the_texts_terms_most_alike() {
        let (outcome, _) = search("証明書類");
        let outcome = outcome.unwrap();
        assert_eq!(outcome.shown(), 0);
        assert_eq!(outcome.unknown_words(), ["証明書類"]);
        let texts = ["証明書の期限", "証明", "ネットワーク"].into_iter();
        let nearest: Vec<_> = outcome.nearest_words(texts).iter().collect();
        // The parts of the term found nowhere are searched for too: 証明 is one.
        assert_eq!(outcome.words(), ["証明書類", "証明", "明書", "書類"]);
        assert_eq!(nearest, ["証明", "証明書"]);
    }
}
