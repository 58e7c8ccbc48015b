//! What people paste: a code, a message ID, both from one log line, the screen message, a
//! マイナポータル error code; full-width or not, with or without `0x`, in any case.
//!
//! [`Query::parse`] reads it the same way as `explain` and the offline page
//! (`generated/table.html`); one list of cases (`tests/queries.json`) tests all three.
//!
//! A log line is read as logs are written: the parts of a date and a time (`2026-11-25`,
//! `10:15:30.123`, `10:15:30,123`, `+09:00`, `20261125`), dotted numbers (an address
//! `192.168.100.120`, a version `1.25.0`), numbers with a unit (`120ms`, `300 ms`, `3回`),
//! values of keys that are not codes (`pid=123`, `thread 015`, `main.c:123`, `#123`) are
//! never taken for codes or IDs; `code=015` and `id=0x04000011` are taken before bare
//! numbers, and bare numbers before a number alone in brackets (`[123]`, a thread).
//! [`candidates`] says what each part was taken for.

use core::fmt;
use core::ops::Range;

use crate::fold::widen;

use crate::log_words::{
    CODE_KEYS, CODE_KEYS_JA, ID_KEYS, OTHER_KEYS, OTHER_KEYS_JA, UNITS, UNIT_CHARS,
};

/// What a pasted text asks for. Numbers are kept as typed, so that a code or an ID that
/// is not in the table can be answered with the nearest ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Query {
    /// A display code: `015`, `15`, `０１５`, or the screen message `【015：…】`.
    Code(u16),
    /// A logged value: a message ID or a received error code, `0x04000011`, `04000011`.
    Value(u32),
    /// A code and a value from one log line: `015 0x04000011`.
    Pair(u16, u32),
    /// A マイナポータル error code: `マイナポータル 005`, `portal 005`, `ポータル 860`.
    Portal(u16),
    /// A row by the label the page and `explain` give it, the code and the row's number
    /// under it from 1: `015-3`.
    Row(u16, u16),
}

/// Why a text is not a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QueryError {
    /// Nothing but blanks.
    Empty,
    /// No code (three digits) nor message ID (eight hex digits) in it.
    Unrecognized,
    /// Several codes or several IDs: which one is meant is not clear.
    Several,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QueryError::Empty => "nothing to look up",
            QueryError::Unrecognized => {
                "neither a three-digit code (015) nor a message ID (0x04000011) in it"
            }
            QueryError::Several => {
                "several codes or several message IDs in it; give one code and one ID at most"
            }
        })
    }
}

#[cfg(feature = "std")]
impl std::error::Error for QueryError {}

/// Full-width ASCII (`０`, `ｘ`, `：`) as ASCII, the ideographic space as a space.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// One or two digits alone, `15`: a code when it is all that was typed.
fn short_code(text: &str) -> Option<u16> {
    let mut n = 0u16;
    let mut count = 0;
    for c in text.chars().map(fold).filter(|c| !c.is_whitespace()) {
        let d = c.to_digit(10)?;
        n = n * 10 + d as u16;
        count += 1;
        if count > 3 {
            return None;
        }
    }
    (count > 0).then_some(n)
}

/// The whole text, if it is a row's label: three digits, a hyphen, one or two digits
/// (`015-3`).
fn row_label(text: &str) -> Option<(u16, u16)> {
    let text = text.trim_matches(|c: char| fold(c).is_whitespace());
    let number = |part: &str, len: core::ops::RangeInclusive<usize>| {
        let mut n = 0u16;
        let mut count = 0;
        for c in part.chars().map(fold) {
            n = n * 10 + c.to_digit(10)? as u16;
            count += 1;
        }
        len.contains(&count).then_some(n)
    };
    let (code, row) = text.split_once(['-', '－', 'ー', '‐'])?;
    let code = number(code, 3..=3)?;
    let row = number(row, 1..=2)?;
    (row > 0).then_some((code, row))
}

/// The whole text without blanks, if it is one message ID (`0x0400 0011`).
fn spaced_value(text: &str) -> Option<u32> {
    let mut token = Token::EMPTY;
    for c in text.chars().map(fold).filter(|c| !c.is_whitespace()) {
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        token.push(c as u8);
    }
    token.value()
}

/// The code of a screen message, `【015：…】`.
fn screen_code(text: &str) -> Option<u16> {
    let mut chars = text.chars().map(fold).skip_while(|&c| c != '【');
    chars.next()?;
    let mut token = Token::EMPTY;
    for c in chars.by_ref() {
        if c.is_ascii_digit() {
            token.push(c as u8);
        } else {
            return (c == ':').then(|| token.code()).flatten();
        }
    }
    None
}

impl Query {
    /// Reads what a person pasted, as `explain` and the offline page read it:
    ///
    /// - full-width characters are read as ASCII (`０１５`, `０ｘ０４０００００１１`);
    /// - the whole text is a code when it is one to three digits (`15` is 015), and a
    ///   message ID when it is eight hex digits with or without `0x`, blanks ignored;
    /// - otherwise (a log line, the screen message) its words are read: a word of three
    ///   digits is a code, a word of eight hex digits (with or without `0x`) a message ID;
    ///   the screen message's `【015：` gives the code; other words (`ERROR`), and the
    ///   numbers that are parts of a date, a time, an address or a key that is not a code,
    ///   are passed over (see [`candidates`]);
    /// - of several different codes (or IDs), the one marked as such is taken (`code=015`,
    ///   `【015：`, `0x04000011` with its `0x`, `id=…`), else the one bare number, else the
    ///   one in brackets; more than one at the strongest is [`QueryError::Several`];
    /// - `マイナポータル` or `portal` before a number asks for a マイナポータル error code.
    ///
    /// ```
    /// use oqs_messages_text::query::Query;
    /// assert_eq!(Query::parse("０１５"), Ok(Query::Code(15)));
    /// assert_eq!(Query::parse("04000011"), Ok(Query::Value(0x0400_0011)));
    /// assert_eq!(
    ///     Query::parse("2026/11/25 10:15 015 0x04000011"),
    ///     Ok(Query::Pair(15, 0x0400_0011))
    /// );
    /// assert_eq!(
    ///     Query::parse("2026-11-25 10:15:30.123+09:00 [pid 4321] [ERROR] 015 0x04000011"),
    ///     Ok(Query::Pair(15, 0x0400_0011))
    /// );
    /// assert_eq!(
    ///     Query::parse("【015：マイナンバーカードから顔写真の引き出し不可】"),
    ///     Ok(Query::Code(15))
    /// );
    /// assert_eq!(Query::parse("マイナポータル 005"), Ok(Query::Portal(5)));
    /// ```
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        if text.chars().map(fold).all(char::is_whitespace) {
            return Err(QueryError::Empty);
        }
        if let Some(portal) = portal_number(text) {
            return portal;
        }
        if let Some(code) = short_code(text) {
            return Ok(Query::Code(code));
        }
        if let Some((code, row)) = row_label(text) {
            return Ok(Query::Row(code, row));
        }
        if let Some(value) = spaced_value(text) {
            return Ok(Query::Value(value));
        }
        let mut code = Best::default();
        let mut value = Best::default();
        if let Some(screen) = screen_code(text) {
            code.offer(Strength::Marked, u32::from(screen));
        }
        for candidate in candidates(text) {
            match candidate.kind {
                CandidateKind::Code(c) => code.offer(candidate.strength, u32::from(c)),
                CandidateKind::Value(v) => value.offer(candidate.strength, v),
            }
        }
        if code.several || value.several {
            return Err(QueryError::Several);
        }
        let code = code.found.map(|(_, c)| c as u16);
        let value = value.found.map(|(_, v)| v);
        match (code, value) {
            (Some(code), Some(value)) => Ok(Query::Pair(code, value)),
            (Some(code), None) => Ok(Query::Code(code)),
            (None, Some(value)) => Ok(Query::Value(value)),
            (None, None) => Err(QueryError::Unrecognized),
        }
    }
}

/// The strongest reading of one kind (codes, or IDs) seen so far, and whether another,
/// different one was as strong.
#[derive(Default)]
struct Best {
    found: Option<(Strength, u32)>,
    several: bool,
}

impl Best {
    fn offer(&mut self, strength: Strength, value: u32) {
        match self.found {
            Some((best, _)) if strength < best => {}
            Some((best, seen)) if strength == best => self.several |= seen != value,
            _ => {
                self.found = Some((strength, value));
                self.several = false;
            }
        }
    }
}

/// How surely a part of a text is a code or an ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// Seven digits, an ID whose leading zero was left out (`4000011`): taken where nothing
    /// else is an ID.
    Guessed,
    /// A number alone in brackets (`[123]`): in a log, more often a thread or a process.
    Bracketed,
    /// A bare number.
    Bare,
    /// Marked as what it is: `code=015`, `id=04000011`, `0x04000011`.
    Marked,
}

/// What a part of a text is taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CandidateKind {
    /// A display code.
    Code(u16),
    /// A message ID or a received error code.
    Value(u32),
}

/// A part of a text that may be a code or an ID: where it is (bytes of the text as given),
/// what it is taken for, and how surely.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Candidate {
    /// The part, as bytes of the text.
    pub span: Range<usize>,
    /// What it is taken for.
    pub kind: CandidateKind,
    /// How surely.
    pub strength: Strength,
}

/// Every part of a text that may be a code (three digits) or an ID (eight hex digits,
/// `0x` or not), in order, with the parts of dates, times, addresses, numbers with units
/// and keys that are not codes left out. [`Query::parse`] takes the strongest of each
/// kind; `explain` and the page say what each was taken for when they are several.
///
/// ```
/// use oqs_messages_text::query::{candidates, CandidateKind};
/// let line = "2026-11-25 10:15:30.123 pid=321 015 016";
/// let kinds: Vec<_> = candidates(line).map(|c| (&line[c.span], c.kind)).collect();
/// assert_eq!(kinds, [("015", CandidateKind::Code(15)), ("016", CandidateKind::Code(16))]);
/// ```
pub fn candidates(text: &str) -> Candidates<'_> {
    let mut words = Words { text, at: 0 };
    let current = words.next();
    let next = words.next();
    Candidates {
        words,
        previous: None,
        current,
        next,
    }
}

/// The iterator [`candidates`] returns.
pub struct Candidates<'a> {
    words: Words<'a>,
    previous: Option<(Word, Class)>,
    current: Option<Word>,
    next: Option<Word>,
}

impl Candidates<'_> {
    /// One ID written from `word` through `last`, the words read up to `last`: the
    /// candidate, and the words after `last` read next.
    fn id_through(
        &mut self,
        mut word: Word,
        last: Word,
        value: u32,
        strength: Strength,
    ) -> Candidate {
        word.end = last.end;
        word.after = last.after;
        self.previous = Some((word, Class::Other));
        self.current = self.words.next();
        self.next = self.words.next();
        Candidate {
            span: word.start..word.end,
            kind: CandidateKind::Value(value),
            strength,
        }
    }
}

impl Candidates<'_> {
    /// An ID written in groups after `0x` (`0x04 00 00 18`): its value, the last group's
    /// word, and how many groups after `next` it took. Each group hex digits alone, one
    /// blank, hyphen or underscore between them, eight digits in all.
    fn groups_after(&self, word: &Word) -> Option<(u32, Word, usize)> {
        let [b'0', b'x' | b'X', first @ ..] = word.token.text() else {
            return None;
        };
        if first.is_empty() || first.len() > 6 || hex(first).is_none() {
            return None;
        }
        let (mut value, mut count) = (hex(first)?, first.len());
        let mut gap = word.after;
        let mut ahead = self.words.clone();
        let mut group = self.next?;
        let mut more = 0;
        loop {
            let digits = group.token.text();
            if !splits_an_id(&gap) || count + digits.len() > 8 {
                return None;
            }
            value = value << (4 * digits.len()) | hex(digits)?;
            count += digits.len();
            if count == 8 {
                return Some((value, group, more));
            }
            gap = group.after;
            group = ahead.next()?;
            more += 1;
        }
    }
}

/// What stands inside an ID written in groups: one blank, hyphen or underscore.
fn splits_an_id(gap: &Gap) -> bool {
    gap.is(' ') || gap.is('-') || gap.is('_')
}

impl Iterator for Candidates<'_> {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        loop {
            let word = self.current.take()?;
            // 0x0400 0011, 0x8100-0024, 0x04 00 00 18, 0x0200_0002: one ID written in groups.
            if let Some((value, last, more)) = self.groups_after(&word) {
                for _ in 0..more {
                    self.words.next();
                }
                return Some(self.id_through(word, last, value, Strength::Marked));
            }
            // 8100 0032, 8100-0032: two halves without `0x`, the first starting with a
            // digit, taken where nothing else is an ID; never a telephone number's last
            // parts (03-1234-5678).
            let bare_halves = self.next.filter(|next| {
                splits_an_id(&word.after)
                    && word.token.second_half().is_some()
                    && word.token.text()[0].is_ascii_digit()
                    && next.token.second_half().is_some()
                    && !word.before.is('-')
                    && !next.after.is('-')
            });
            if let Some(second) = bare_halves {
                let first = word.token.second_half().unwrap_or(0);
                let value = first << 16 | second.token.second_half().unwrap_or(0);
                return Some(self.id_through(word, second, value, Strength::Guessed));
            }
            // 0x 8100 000B: the mark alone, then one ID written in two halves.
            let mark_alone = matches!(word.token.text(), [b'0', b'x' | b'X'])
                && word.after.blank
                && word.after.chars > 0;
            let marked_halves = self
                .next
                .filter(|first| {
                    mark_alone
                        && first.token.second_half().is_some()
                        && (first.after.is(' ') || first.after.is('-'))
                })
                .and_then(|first| {
                    let second = self.words.clone().next()?;
                    Some(first.token.second_half()? << 16 | second.token.second_half()?)
                        .map(|value| (value, second))
                });
            if let Some((value, second)) = marked_halves {
                // The first half was `next`; the second is the words' next, read here.
                self.words.next();
                return Some(self.id_through(word, second, value, Strength::Marked));
            }
            let before = &self.words.text[..word.start];
            let after = &self.words.text[word.end..];
            let class = classify(
                self.previous.as_ref(),
                &word,
                self.next.as_ref(),
                before,
                after,
            );
            self.previous = Some((word, class));
            self.current = self.next.take();
            self.next = self.words.next();
            if let Class::Candidate(kind, strength) = class {
                return Some(Candidate {
                    span: word.start..word.end,
                    kind,
                    strength,
                });
            }
        }
    }
}

/// A run of ASCII letters and digits (after folding full width), with what stands on
/// either side of it.
#[derive(Clone, Copy)]
struct Word {
    token: Token,
    start: usize,
    end: usize,
    before: Gap,
    after: Gap,
}

/// What stands between two words: its first and last characters (folded; `\0` at either
/// end of the text), how many, whether blanks only, and whether a key's value follows
/// (`=` or `:`, then blanks or quotes only).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Gap {
    first: char,
    last: char,
    chars: usize,
    blank: bool,
    keyed: bool,
}

impl Gap {
    /// The gap at the start of a text: up to its first letter or digit.
    fn read(text: &str) -> Gap {
        let mut gap = Gap {
            first: '\0',
            last: '\0',
            chars: 0,
            blank: true,
            keyed: false,
        };
        // Quotes before the mark too: a JSON's key (`"code": 10`).
        let mut marked = false;
        for c in text.chars().map(fold) {
            if c.is_ascii_alphanumeric() {
                break;
            }
            if gap.chars == 0 {
                gap.first = c;
                gap.keyed = matches!(c, '=' | ':' | '"' | '\'');
                marked = matches!(c, '=' | ':');
            } else if !marked && matches!(c, '=' | ':') && gap.keyed {
                marked = true;
            } else {
                gap.keyed &= matches!(c, ' ' | '"' | '\'');
            }
            gap.last = c;
            gap.chars += 1;
            gap.blank &= c.is_whitespace();
        }
        gap.keyed &= marked;
        gap
    }

    /// Exactly this one character.
    fn is(&self, c: char) -> bool {
        self.chars == 1 && self.first == c
    }
}

#[derive(Clone)]
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let before = Gap::read(&self.text[self.at..]);
        let start = self.at
            + self.text[self.at..]
                .char_indices()
                .find(|(_, c)| fold(*c).is_ascii_alphanumeric())?
                .0;
        let mut token = Token::EMPTY;
        let mut end = self.text.len();
        for (i, c) in self.text[start..].char_indices() {
            let c = fold(c);
            if !c.is_ascii_alphanumeric() {
                end = start + i;
                break;
            }
            token.push(c as u8);
        }
        self.at = end;
        Some(Word {
            token,
            start,
            end,
            before,
            after: Gap::read(&self.text[end..]),
        })
    }
}

/// What a word of a text is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A code or an ID, and how surely.
    Candidate(CandidateKind, Strength),
    /// A part of a time: `10`, `15` and `30` of `10:15:30`.
    Time,
    /// Anything else: a date's part, a fraction of a second, a dotted number, a number
    /// with a unit, a key's value that is no code, a word.
    Other,
}

/// Whether a text ends with a word, half-width katakana read as full width (`ｴﾗｰ`).
fn ends_with_word(text: &str, word: &str) -> bool {
    let mut text = text.chars().rev().map(widen);
    word.chars().rev().all(|w| text.next() == Some(w))
}

fn is_one_of(token: &Token, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| token.text().eq_ignore_ascii_case(w.as_bytes()))
}

fn digits_only(token: &Token) -> bool {
    !token.too_long && token.len > 0 && token.text().iter().all(u8::is_ascii_digit)
}

/// One to three digits as a number.
fn short_number(token: &Token) -> u16 {
    token
        .text()
        .iter()
        .fold(0u16, |a, d| a * 10 + u16::from(d - b'0'))
}

/// A date written as eight digits, 1990 to 2099: `20261125`.
fn compact_date(token: &Token) -> bool {
    let t = token.text();
    if t.len() != 8 || !digits_only(token) {
        return false;
    }
    let n = |r: Range<usize>| t[r].iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
    (1990..=2099).contains(&n(0..4)) && (1..=12).contains(&n(4..6)) && (1..=31).contains(&n(6..8))
}

fn classify(
    previous: Option<&(Word, Class)>,
    word: &Word,
    next: Option<&Word>,
    before: &str,
    after: &str,
) -> Class {
    let token = &word.token;
    let digits = digits_only(token);
    let previous_digits = previous.is_some_and(|(p, _)| digits_only(&p.token));
    let next_digits = next.is_some_and(|n| digits_only(&n.token));
    if digits {
        // 10:15:30, +09:00.
        if (word.before.is(':') && previous_digits) || (word.after.is(':') && next_digits) {
            return Class::Time;
        }
        // 10:15:30.123, 10:15:30,123 (not a CSV's next field: 10:15:30,015,…).
        let after_time = previous.is_some_and(|(_, c)| *c == Class::Time);
        if after_time && (word.before.is('.') || (word.before.is(',') && word.after.first != ',')) {
            return Class::Other;
        }
        // 192.168.100.120, 1.25.0, 2026.11.25.
        if (word.before.is('.') && previous_digits) || (word.after.is('.') && next_digits) {
            return Class::Other;
        }
        // 20261125 (the parts of 2026-11-25 are never three digits nor eight).
        if compact_date(token) {
            return Class::Other;
        }
        // 3回, 120 件, 25日, 10時, 50%.
        if UNIT_CHARS.contains(&word.after.first) {
            return Class::Other;
        }
        // 300 ms.
        if word.after.blank
            && word.after.chars > 0
            && next.is_some_and(|n| is_one_of(&n.token, UNITS))
        {
            return Class::Other;
        }
        // #123.
        if word.before.last == '#' {
            return Class::Other;
        }
        // 0120-123-456, 03-1234-5678: a telephone number's parts.
        let hyphened = |gap: &Gap, other: Option<&Word>| {
            gap.is('-') && other.is_some_and(|w| digits_only(&w.token))
        };
        let after_two =
            previous.is_some_and(|(p, _)| hyphened(&word.before, Some(p)) && p.before.is('-'));
        let between =
            hyphened(&word.before, previous.map(|(p, _)| p)) && hyphened(&word.after, next);
        let before_two = hyphened(&word.after, next) && next.is_some_and(|n| n.after.is('-'));
        if after_two || between || before_two {
            return Class::Other;
        }
        // 内線 123, 受付番号：456.
        let key = before.trim_end_matches(|c: char| {
            fold(c).is_whitespace() || matches!(fold(c), ':' | '.' | '(' | '[' | '「' | '『')
        });
        if OTHER_KEYS_JA.iter().any(|k| ends_with_word(key, k)) {
            return Class::Other;
        }
        // コード11, エラーコード：5, ｴﾗｰ17, エラー番号「７」: a code without its leading zeros.
        if token.len <= 3 && CODE_KEYS_JA.iter().any(|k| ends_with_word(key, k)) {
            return Class::Candidate(CandidateKind::Code(short_number(token)), Strength::Marked);
        }
        // 15番のエラー: a code by its number.
        if token.len <= 3 && (after.starts_with("番のエラー") || after.starts_with("番エラー"))
        {
            return Class::Candidate(CandidateKind::Code(short_number(token)), Strength::Marked);
        }
    }
    let shape = || {
        if let Some(v) = token.value() {
            let marked = matches!(token.text(), [b'0', b'x' | b'X', ..]);
            Class::Candidate(
                CandidateKind::Value(v),
                if marked {
                    Strength::Marked
                } else {
                    Strength::Bare
                },
            )
        } else if let Some(c) = token.code() {
            Class::Candidate(CandidateKind::Code(c), Strength::Bare)
        } else if let Some(v) = token.value_without_zero() {
            Class::Candidate(CandidateKind::Value(v), Strength::Guessed)
        } else {
            Class::Other
        }
    };
    if let Some((key, _)) = previous {
        // code=015, code 15: a code's key and one to three digits.
        let after_key = word.before.keyed
            || (word.before.blank && word.before.chars > 0)
            || word.before.is('-');
        if after_key && is_one_of(&key.token, CODE_KEYS) && digits && token.len <= 3 {
            return Class::Candidate(CandidateKind::Code(short_number(token)), Strength::Marked);
        }
        // id: 0x04000011, pid=123, main.c:123.
        if word.before.keyed {
            // After an ID's key, seven digits are an ID whose leading zero was left out
            // (`id:4000001`).
            if is_one_of(&key.token, ID_KEYS) {
                return match token.value().or_else(|| token.value_without_zero()) {
                    Some(v) => Class::Candidate(CandidateKind::Value(v), Strength::Marked),
                    None => Class::Other,
                };
            }
            if is_one_of(&key.token, OTHER_KEYS) || key.before.last == '.' {
                return Class::Other;
            }
        }
        // thread 015, pid 321, Thread-015, line 12.
        if (word.before.blank || word.before.is('-'))
            && word.before.chars > 0
            && is_one_of(&key.token, OTHER_KEYS)
        {
            return Class::Other;
        }
    }
    // [123], (015): alone in brackets.
    let class = shape();
    if let Class::Candidate(kind, Strength::Bare) = class {
        if matches!(word.before.last, '[' | '(' | '<')
            && matches!(word.after.first, ']' | ')' | '>')
        {
            return Class::Candidate(kind, Strength::Bracketed);
        }
    }
    class
}

mod portal;

pub use portal::portal_code_span;
use portal::portal_number;
use token::{hex, Token};

mod token;

#[cfg(test)]
mod tests;
