//! Finding rows by the words a caller says (「暗証番号がロックされた」, 「ネットワークエラー」):
//! what [`Query::parse`](crate::Query::parse) does not read as a code or an ID is searched
//! for in the words of the table.
//!
//! - The words of the query (separated by blanks, ASCII or ideographic) must all be found,
//!   each anywhere in a row or in the code it is under: the code's tags, heading and
//!   message; the row's kind, cause (with the codes it lists under 901 and 010), remedy and
//!   contact; the footnotes the row or its code cites.
//! - Words and texts are compared [`folded`](crate::fold): width, case, hiragana and
//!   katakana, the long-vowel mark, blanks and line breaks, invisible characters and the
//!   okurigana the table writes both ways do not count.
//! - When the words as typed are found nowhere and they hold a sentence
//!   (「暗証番号がロックされたと出た」), its terms are searched instead: the runs of kanji
//!   (with the okurigana inside them), of katakana and of Latin letters and digits, two
//!   characters or more, without the hiragana between them (particles and endings).
//! - Ranking: the rows of a code whose heading holds a word come first, then those of a
//!   code whose message or tags do, then the rows found by their own texts; in table
//!   order within each.
//!
//! Nothing allocates: matches are found as they are iterated.
//!
//! ```
//! use oqs_messages::search::Search;
//!
//! let search = Search::new("暗証番号　ロック").unwrap();
//! for found in search.matches() {
//!     println!("{:03} {}", found.row.code.number(), found.row.kind);
//! }
//! ```

use core::fmt;

use crate::fold::{found_in_text, is_kanji, widen, Needle, MAX_NEEDLES};
use crate::{Code, Row};

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

/// The most terms of a sentence looked for in the table: its strong and its weak terms.
const MAX_TERMS: usize = 2 * MAX_WORDS;
const _: () = assert!(MAX_TERMS <= MAX_NEEDLES);

/// Which of the words (bit `i` for the `i`th) are anywhere in the table, each text folded
/// once for all of them.
fn in_table(words: &[&str]) -> u32 {
    // Needles are large (a folded word of up to 128 characters each): no more than a
    // sentence's terms, so that a search stays small on the stack.
    let mut needles = [Needle::EMPTY; MAX_TERMS];
    for (needle, word) in needles.iter_mut().zip(words) {
        *needle = Needle::new(word);
    }
    let needles = &needles[..words.len().min(MAX_TERMS)];
    let wanted = ((1u64 << needles.len()) - 1) as u32;
    let mut found = 0;
    for text in table_texts() {
        found |= found_in_text(needles, text);
        if found == wanted {
            break;
        }
    }
    found
}

/// A text search over the table.
#[derive(Clone, Copy, Debug)]
pub struct Search<'q> {
    query: &'q str,
    words: Words<'q>,
    /// Whether the words are the terms of a sentence, the words as typed having been found
    /// nowhere.
    split: bool,
    /// The terms of the sentence that are nowhere in the table, left out.
    unknown: Words<'q>,
}

impl<'q> Search<'q> {
    /// A search for the words of `query`. When they are not all found in one row, the
    /// query's terms are searched instead: every term that is somewhere in the table,
    /// single kanji included; then, if no row holds them all, the terms of two characters
    /// or more.
    pub fn new(query: &'q str) -> Result<Search<'q>, SearchError> {
        let words = blank_separated(query);
        if words.len == 0 {
            return Err(SearchError::Empty);
        }
        let typed = Search {
            query,
            words,
            split: false,
            unknown: Words::NONE,
        };
        if typed.matches().next().is_some() {
            return Ok(typed);
        }
        let (strong, weak) = query_terms(query);
        let mut known = Words::NONE;
        let mut known_strong = Words::NONE;
        let mut unknown = Words::NONE;
        let mut candidates = [""; MAX_TERMS];
        let mut count = 0;
        for (slot, term) in candidates
            .iter_mut()
            .zip(strong.as_slice().iter().chain(weak.as_slice()))
        {
            *slot = term;
            count += 1;
        }
        let candidates = &candidates[..count];
        let in_table = in_table(candidates);
        for (i, term) in candidates.iter().enumerate() {
            if in_table & (1 << i) == 0 {
                unknown.push(term);
            } else {
                known.push(term);
                if strong.as_slice().contains(term) {
                    known_strong.push(term);
                }
            }
        }
        for terms in [known, known_strong] {
            if terms.len == 0 || terms.as_slice() == words.as_slice() {
                continue;
            }
            let split = Search {
                query,
                words: terms,
                split: true,
                unknown,
            };
            if split.matches().next().is_some() {
                return Ok(split);
            }
        }
        // Nothing found: the terms, when there are any, are what to offer near words for.
        let mut all = strong;
        for term in weak.as_slice() {
            all.push(term);
        }
        let words = if all.len > 0 { all } else { words };
        Ok(Search {
            query,
            words,
            split: words.as_slice() != typed.words.as_slice(),
            unknown,
        })
    }

    /// The query as given.
    pub fn query(&self) -> &'q str {
        self.query
    }

    /// The words searched for: those typed, or the terms of the sentence typed.
    pub fn words(&self) -> &[&'q str] {
        self.words.as_slice()
    }

    /// Whether the words searched for are the terms of a sentence, the words as typed
    /// having been found nowhere.
    pub fn is_split(&self) -> bool {
        self.split
    }

    /// The terms of the sentence typed that are nowhere in the table, and so were left
    /// out of the search.
    pub fn unknown_words(&self) -> &[&'q str] {
        self.unknown.as_slice()
    }

    /// Every row that holds all the words, best ranked first, in table order within a rank.
    pub fn matches(&self) -> Matches<'_, 'q> {
        let mut needles = [Needle::EMPTY; MAX_WORDS];
        for (needle, word) in needles.iter_mut().zip(self.words()) {
            *needle = Needle::new(word);
        }
        Matches {
            search: self,
            needles,
            rank: 0,
            code: 0,
            row: 0,
            code_found: [0; Field::ALL.len()],
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

/// Which words (bit `i` for the `i`th) a field of a code (`row: None`) or of a row holds.
fn field_holds(needles: &[Needle], field: Field, code: Code, row: Option<&Row>) -> u8 {
    let found = |text| found_in_text(needles, text);
    let mask = match (field, row) {
        (Field::Heading, None) => found(code.heading()),
        (Field::Tags, None) => code.tags().iter().fold(0, |m, t| m | found(t)),
        (Field::Message, None) => found(code.message()),
        (Field::Kind, Some(row)) => found(row.kind),
        (Field::Cause, Some(row)) => found(row.cause),
        (Field::Remedy, Some(row)) => found(row.remedy),
        (Field::Contact, Some(row)) => found(row.contact),
        (Field::Footnote, Some(row)) => cited(row).fold(0, |m, text| m | found(text)),
        _ => 0,
    };
    // At most MAX_WORDS (8) needles: the mask fits.
    mask as u8
}

/// For each field of a code (`row: None`) or of a row, which words (bit `i` for the `i`th)
/// are in it, each field folded once for all the words.
fn found_in(needles: &[Needle], code: Code, row: Option<&Row>) -> [u8; Field::ALL.len()] {
    let mut found = [0u8; Field::ALL.len()];
    for field in Field::ALL {
        found[field as usize] = field_holds(needles, field, code, row);
    }
    found
}

/// The texts of the footnotes a row or its code cites.
fn cited(row: &Row) -> impl Iterator<Item = &'static str> + '_ {
    crate::FOOTNOTES
        .iter()
        .filter(move |note| {
            row.footnotes.iter().any(|n| n.number == note.number)
                || row.code.footnotes().iter().any(|n| n.number == note.number)
        })
        .map(|note| note.text)
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
        let folded_same = |other: &str| crate::fold::folded(other).eq(crate::fold::folded(term));
        if let Some(i) = self.words.iter().position(|(w, _)| folded_same(w)) {
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

/// A row that holds every word searched for.
#[derive(Clone, Copy, Debug)]
pub struct TextMatch<'s, 'q> {
    /// The row.
    pub row: &'static Row,
    /// How it was found.
    pub rank: Rank,
    search: &'s Search<'q>,
    found: [u8; Field::ALL.len()],
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

/// The rows a search finds, in rank order; see [`Search::matches`].
#[derive(Clone, Debug)]
pub struct Matches<'s, 'q> {
    search: &'s Search<'q>,
    /// The words, folded once.
    needles: [Needle; MAX_WORDS],
    /// The rank being given (0, 1, 2), the code and the row of it looked at next.
    rank: usize,
    code: usize,
    row: usize,
    /// The words in the current code's own fields.
    code_found: [u8; Field::ALL.len()],
}

impl<'s, 'q> Iterator for Matches<'s, 'q> {
    type Item = TextMatch<'s, 'q>;

    fn next(&mut self) -> Option<TextMatch<'s, 'q>> {
        const RANKS: [Rank; 3] = [Rank::Heading, Rank::CodeText, Rank::RowText];
        let all = (1u16 << self.search.words.len) - 1;
        while self.rank < RANKS.len() {
            let Some(&code) = Code::ALL.get(self.code) else {
                self.rank += 1;
                self.code = 0;
                continue;
            };
            let needles = &self.needles[..self.search.words.len];
            if self.row == 0 {
                self.code_found = found_in(needles, code, None);
                let f = &self.code_found;
                let rank = if f[Field::Heading as usize] != 0 {
                    Rank::Heading
                } else if f[Field::Message as usize] | f[Field::Tags as usize] != 0 {
                    Rank::CodeText
                } else {
                    Rank::RowText
                };
                if rank != RANKS[self.rank] {
                    self.code += 1;
                    continue;
                }
            }
            let rows = code.rows();
            let Some(row) = rows.get(self.row) else {
                self.code += 1;
                self.row = 0;
                continue;
            };
            self.row += 1;
            let mut found = found_in(needles, code, Some(row));
            for field in Field::ALL.iter().filter(|f| f.is_code_field()) {
                found[*field as usize] = self.code_found[*field as usize];
            }
            let covered = found.iter().fold(0u16, |acc, m| acc | u16::from(*m));
            if covered == all {
                return Some(TextMatch {
                    row,
                    rank: RANKS[self.rank],
                    search: self.search,
                    found,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_of_a_sentence() {
        let found: Vec<&str> = terms("暗証番号がロックされたと出た").collect();
        assert_eq!(found, ["暗証番号", "ロック", "出"]);
        let found: Vec<&str> = terms("証明書の期限が切れている").collect();
        assert_eq!(found, ["証明書", "期限", "切"]);
        let found: Vec<&str> = terms("問い合わせ先はICカードのLAN").collect();
        assert_eq!(found, ["問い合わせ先", "IC", "カード", "LAN"]);
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
        assert_eq!(Search::new(" ー\u{200B} ").unwrap_err(), SearchError::Empty);
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
