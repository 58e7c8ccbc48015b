//! What a person would not see or notice in a text of the table, in one place for every
//! program that matches words against it: the generator (`codegen`), which folds every
//! text of the table once and writes the folded texts beside it; the typed table
//! (`oqs-messages`), which folds a query the same way; and the offline page, whose script
//! is given this crate's tables ([`HALF_WIDTH_KANA`], [`HALF_WIDTH_PUNCTUATION`],
//! [`OKURIGANA`], [`LEFT_OUT_BETWEEN`], [`KANJI`], [`voiced`], [`crate::unseen`]) by the generator.
//! The texts themselves are always shown as published.
//!
//! ```
//! use oqs_messages_text::fold::folded;
//!
//! let fold = |text: &str| folded(text).collect::<String>();
//! assert_eq!(fold("ﾈｯﾄﾜｰｸ"), fold("ネットワーク"));
//! assert_eq!(fold("問い合わせ"), fold("問合せ"));
//! assert_eq!(fold("Smart Card"), "smartcard");
//! ```
//!
//! Folded, on the query and the texts alike:
//!
//! - width, as NFKC folds it for what the table uses: full-width ASCII (`ＬＡＮ`) as ASCII,
//!   half-width katakana and its voiced marks (`ﾈｯﾄﾜｰｸ`, `ｶﾞ`) as full-width katakana,
//!   half-width `｡｢｣､･` as `。「」、・`, and a combining voiced mark joined to its kana;
//! - case (`lan`, `Smart Card`);
//! - hiragana as katakana (`ぱすわーど`);
//! - the long-vowel mark `ー`, which the table writes and omits for the same word
//!   (`カードリーダ`, `カードリーダー`): left out;
//! - blanks and line breaks (ASCII or ideographic), so that a phrase that runs across a
//!   line break matches: left out;
//! - the characters no one can see ([`crate::unseen`]): left out, so that a word with a
//!   zero-width space inside still matches;
//! - okurigana, as the table writes the same word with and without it (`問い合わせ`,
//!   `問合せ`; `読み込み`, `読込み`; `受け取り`, `受取り`): a kana of the i- or e-row
//!   between two kanji is left out (`問い合` as `問合`), and `わ` between `合` and `せ`.
//!
//! - a kanji numeral from one to nine before `回` as its digit (`三回` as `3回`): the table
//!   counts tries in digits.
//!
//! Nothing else is folded: small kana stay small (`ッ` is not `ツ`), and digits in circles
//! (`①`) stay as they are.

use crate::unseen::unseen;

/// The kanji: CJK ideographs, their extension A, their compatibility forms, and the
/// iteration mark `々`.
pub const KANJI: [(char, char); 4] = [
    ('\u{3400}', '\u{4DBF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{F900}', '\u{FAFF}'),
    ('々', '々'),
];

/// Whether a character is a kanji (one of [`KANJI`]).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

/// The first half-width katakana, U+FF66 (`ｦ`); [`HALF_WIDTH_KANA`] goes on from it.
pub const HALF_WIDTH_KANA_START: char = '\u{FF66}';

/// The half-width katakana U+FF66–U+FF9D as full-width.
pub const HALF_WIDTH_KANA: [char; 56] = [
    'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー', 'ア', 'イ', 'ウ', 'エ', 'オ',
    'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ',
    'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ',
    'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン',
];

/// The half-width punctuation and voiced marks, and the ideographic space, with what they
/// widen to (the marks to the combining marks, which [`folded`] joins to their kana).
pub const HALF_WIDTH_PUNCTUATION: [(char, char); 8] = [
    ('\u{FF61}', '。'),
    ('\u{FF62}', '「'),
    ('\u{FF63}', '」'),
    ('\u{FF64}', '、'),
    ('\u{FF65}', '・'),
    ('\u{FF9E}', '\u{3099}'),
    ('\u{FF9F}', '\u{309A}'),
    ('\u{3000}', ' '),
];

/// Width and script: one character as its full-width katakana or ASCII form, the half-width
/// voiced marks as combining marks. Case and the rest are folded by [`folded`].
pub fn widen(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FF66}'..='\u{FF9D}' => {
            HALF_WIDTH_KANA[(c as u32 - HALF_WIDTH_KANA_START as u32) as usize]
        }
        _ => HALF_WIDTH_PUNCTUATION
            .iter()
            .find(|(half, _)| *half == c)
            .map_or(c, |(_, full)| *full),
    }
}

/// A hiragana as its katakana.
fn katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => {
            char::from_u32(c as u32 + 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

/// A katakana with a combining voiced (`U+3099`) or semi-voiced (`U+309A`) mark, composed;
/// `None` where the two do not compose.
pub fn voiced(kana: char, mark: char) -> Option<char> {
    let n = kana as u32;
    let voiceable = matches!(n, 0x30AB..=0x30C2 if n % 2 == 1)
        || matches!(n, 0x30C4 | 0x30C6 | 0x30C8)
        || matches!(n, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB);
    let half = matches!(n, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB);
    let composed = match mark {
        '\u{3099}' if voiceable => n + 1,
        '\u{3099}' if kana == 'ウ' => 0x30F4,
        '\u{3099}' if matches!(kana, 'ワ' | 'ヰ' | 'ヱ' | 'ヲ') => n + 8,
        '\u{309A}' if half => n + 2,
        _ => return None,
    };
    char::from_u32(composed)
}

/// The kana of okurigana that the table writes or leaves out between two kanji: the i-
/// and e-rows (`問い合`, `受け取`, `読み込`), not the particles `に`, `で`, `へ`, `て`.
pub const OKURIGANA: [char; 20] = [
    'イ', 'キ', 'ギ', 'シ', 'ジ', 'チ', 'ヂ', 'ヒ', 'ビ', 'ミ', 'リ', 'エ', 'ケ', 'ゲ', 'セ', 'ゼ',
    'ネ', 'ベ', 'メ', 'レ',
];

/// A kana left out between two given characters, beyond [`OKURIGANA`]: `わ` in `合わせ`.
pub const LEFT_OUT_BETWEEN: [(char, char, char); 1] = [('合', 'ワ', 'セ')];

/// The long-vowel mark, which the table writes and omits for the same word: left out.
pub const LONG_VOWEL: char = 'ー';

/// How many of a word's folded characters are looked for in folded texts: all but a last
/// okurigana after a kanji, which a text leaves out where a kanji follows it (`読み取り`
/// is looked for as `読取`, found in `読取不可` and in `読取リ`).
pub fn looked_for(folded: &[char]) -> usize {
    match folded {
        [.., kanji, kana] if is_kanji(*kanji) && OKURIGANA.contains(kana) => folded.len() - 1,
        _ => folded.len(),
    }
}

/// From the CJK radicals to the Yi syllables: no character here has a lower case.
const NO_CASE: core::ops::RangeInclusive<char> = '\u{2E80}'..='\u{A63F}';

/// The characters of a text as they are matched; see the module's documentation.
pub fn folded(text: &str) -> Folded<'_> {
    Folded {
        placed: placed(text),
    }
}

/// The characters of a text as they are matched, each with the bytes of the text it comes
/// from: where a word found in a folded text stands in the text as published (a composed
/// kana covers its kana and its mark; a character whose lower case is two gives both the
/// same place).
pub fn placed(text: &str) -> Placed<'_> {
    Placed {
        chars: Widened {
            text,
            chars: text.chars(),
            lower: None,
        },
        next: None,
        previous: None,
    }
}

/// A folded character and the bytes of the text it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlacedChar {
    /// The character as matched.
    pub c: char,
    /// The first byte of the text it comes from.
    pub start: usize,
    /// The byte after the last.
    pub end: usize,
}

/// Width, script, case and what is left out: one character at a time.
struct Widened<'a> {
    text: &'a str,
    chars: core::str::Chars<'a>,
    /// The rest of a character's lower case, when it has more than one character, with
    /// where that character stands.
    lower: Option<(core::char::ToLowercase, usize, usize)>,
}

impl Widened<'_> {
    /// The byte at which the characters not yet read start.
    fn at(&self) -> usize {
        self.text.len() - self.chars.as_str().len()
    }
}

impl Iterator for Widened<'_> {
    type Item = PlacedChar;

    fn next(&mut self) -> Option<PlacedChar> {
        if let Some((lower, start, end)) = &mut self.lower {
            if let Some(c) = lower.next() {
                return Some(PlacedChar {
                    c,
                    start: *start,
                    end: *end,
                });
            }
            self.lower = None;
        }
        loop {
            let start = self.at();
            let c = self.chars.next()?;
            let end = self.at();
            let placed = |c| Some(PlacedChar { c, start, end });
            // Most of the table: kanji and ASCII letters, which fold to themselves or
            // their lower case.
            if is_kanji(c) {
                return placed(c);
            }
            if c.is_ascii_alphanumeric() {
                return placed(c.to_ascii_lowercase());
            }
            let c = widen(c);
            if c.is_whitespace() || unseen(c).is_some() || c == LONG_VOWEL {
                continue;
            }
            let c = katakana(c);
            if ('\u{30A1}'..='\u{30FA}').contains(&c) {
                return placed(c);
            }
            // CJK symbols, kana and ideographs have no case: spared the case tables' search.
            if NO_CASE.contains(&c) {
                return placed(c);
            }
            let mut lower = c.to_lowercase();
            let first = lower.next().unwrap_or(c);
            if lower.len() > 0 {
                self.lower = Some((lower, start, end));
            }
            return placed(first);
        }
    }
}

/// The folded characters of a text; see [`folded`].
pub struct Folded<'a> {
    placed: Placed<'a>,
}

impl Iterator for Folded<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        self.placed.next().map(|p| p.c)
    }
}

/// The folded characters of a text with their places; see [`placed`].
pub struct Placed<'a> {
    chars: Widened<'a>,
    /// The next character, read ahead to tell okurigana.
    next: Option<PlacedChar>,
    /// The last character given.
    previous: Option<char>,
}

impl Iterator for Placed<'_> {
    type Item = PlacedChar;

    fn next(&mut self) -> Option<PlacedChar> {
        loop {
            let mut placed = self.next.take().or_else(|| self.chars.next())?;
            // A kana and the voiced mark after it, with what is left out between them
            // already gone (so that folding twice changes nothing).
            if ('\u{30A1}'..='\u{30FA}').contains(&placed.c) {
                let after = self.chars.next();
                match after.and_then(|mark| voiced(placed.c, mark.c).map(|c| (c, mark.end))) {
                    Some((composed, end)) => {
                        placed.c = composed;
                        placed.end = end;
                    }
                    None => self.next = after,
                }
            }
            // A count in kanji numerals (`三回`) as the table writes it (`3回`).
            if let Some(digit) = kanji_digit(placed.c) {
                if self.next.is_none() {
                    self.next = self.chars.next();
                }
                if self.next.is_some_and(|n| n.c == COUNTER) {
                    placed.c = digit;
                }
            }
            let c = placed.c;
            let previous = self.previous;
            let okurigana = previous.is_some_and(is_kanji) && OKURIGANA.contains(&c);
            let left_out_between = LEFT_OUT_BETWEEN
                .iter()
                .any(|&(before, kana, _)| kana == c && previous == Some(before));
            if okurigana || left_out_between {
                if self.next.is_none() {
                    self.next = self.chars.next();
                }
                let drop = match self.next.map(|n| n.c) {
                    Some(next) if okurigana && is_kanji(next) => true,
                    Some(next) => {
                        previous.is_some_and(|p| LEFT_OUT_BETWEEN.contains(&(p, c, next)))
                    }
                    None => false,
                };
                if drop {
                    continue;
                }
            }
            self.previous = Some(c);
            return Some(placed);
        }
    }
}

/// The counter a kanji numeral is folded before, as the table counts tries (`3回連続で誤り`).
const COUNTER: char = '回';

/// A kanji numeral from one to nine as its digit.
fn kanji_digit(c: char) -> Option<char> {
    let at = ['一', '二', '三', '四', '五', '六', '七', '八', '九']
        .iter()
        .position(|&k| k == c)?;
    char::from_digit(at as u32 + 1, 10)
}

/// Whether two words fold to the same characters (`ロック`, `ﾛｯｸ`, `ろっく`).
#[cfg(feature = "search")]
pub(crate) fn folds_alike(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::string::String;

    fn fold(text: &str) -> String {
        folded(text).collect()
    }

    #[test]
    fn what_a_person_would_not_notice_is_folded() {
        assert_eq!(fold("ﾈｯﾄﾜｰｸ"), fold("ネットワーク"));
        assert_eq!(fold("ﾈｯﾄﾜｰｸ"), "ネットワク");
        assert_eq!(fold("ｶﾞｰﾄﾞ"), "ガド");
        assert_eq!(fold("ＬＡＮ"), "lan");
        assert_eq!(fold("Smart Card"), "smartcard");
        assert_eq!(fold("ぱすわーど"), fold("パスワード"));
        assert_eq!(fold("カードリーダ"), fold("カードリーダー"));
        assert_eq!(fold("有効\n期限"), "有効期限");
        assert_eq!(fold("暗証\u{200B}番号"), "暗証番号");
        assert_eq!(fold("か\u{3099}"), "ガ");
        assert_eq!(fold("ﾊﾟ"), "パ");
        assert_eq!(fold("ｳﾞ"), "ヴ");
        // What is left out between a kana and its mark does not keep them apart, and
        // folding twice changes nothing (a fuzzing run found it did).
        assert_eq!(fold("ﾄ\u{e}\tﾞ"), "ド");
        let once = fold("0a090ﾄ\n\u{e}ﾞﾘｰﾀﾞ電源");
        assert_eq!(fold(&once), once);
    }

    /// Half-width punctuation and the ideographic space widen to their full-width forms;
    /// the rarer voiced kana compose; a semi-voiced mark composes only on the ハ row; a
    /// lower case of two characters keeps both; okurigana go only between two kanji.
    #[test]
    fn the_rarer_forms_fold_too() {
        for (half, full) in [
            ('｡', '。'),
            ('｢', '「'),
            ('｣', '」'),
            ('､', '、'),
            ('･', '・'),
        ] {
            assert_eq!(widen(half), full);
        }
        assert_eq!(widen('\u{3000}'), ' ');
        assert_eq!(fold("ﾜﾞ"), "\u{30F7}");
        assert_eq!(fold("ヲ\u{3099}"), "\u{30FA}");
        assert_eq!(fold("ｳﾞｪ"), "ヴェ");
        assert_eq!(fold("ホ\u{309A}"), "ポ");
        assert!(fold("カ\u{309A}").starts_with('カ'), "no semi-voiced カ");
        assert!(fold("ア\u{3099}").starts_with('ア'), "no voiced ア");
        assert_eq!(fold("İ"), "i\u{307}");
        assert_eq!(fold("イ号"), "イ号", "an okurigana after no kanji stays");
        assert_eq!(fold("問ワセ"), "問ワセ", "わ is left out after 合 only");
    }

    #[test]
    fn a_count_in_kanji_numerals_is_a_count_in_digits() {
        assert_eq!(fold("三回とも"), fold("3回とも"));
        assert_eq!(fold("あと一回"), fold("あと1回"));
        assert_eq!(fold("九回"), "9回");
        // Only before the counter: a word with a numeral in it stays as written.
        assert_eq!(fold("一度"), "一度");
        assert_eq!(fold("一覧"), "一覧");
        assert_eq!(fold("十回"), "十回");
        let places: std::vec::Vec<_> = placed("三回").map(|p| (p.c, p.start, p.end)).collect();
        assert_eq!(places, [('3', 0, 3), ('回', 3, 6)]);
    }

    /// The tables given to the page are the ones the fold uses.
    #[test]
    fn the_tables_are_what_the_fold_does() {
        for (range, c) in KANJI.iter().zip(['㐀', '一', '\u{F900}', '々']) {
            assert!(range.0 <= c && c <= range.1 && is_kanji(c));
        }
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let listed = KANJI.iter().any(|&(first, last)| first <= c && c <= last);
            assert_eq!(is_kanji(c), listed, "U+{:04X}", c as u32);
        }
        for (i, full) in HALF_WIDTH_KANA.iter().enumerate() {
            let half = char::from_u32(HALF_WIDTH_KANA_START as u32 + i as u32).unwrap();
            assert_eq!(widen(half), *full);
        }
        assert_eq!(widen('ﾝ'), 'ン');
        for (half, full) in HALF_WIDTH_PUNCTUATION {
            assert_eq!(widen(half), full);
        }
        for kana in OKURIGANA {
            let mut text = [0u8; 12];
            let text = encode(&mut text, ['問', kana, '合']);
            assert!(folded(text).eq(['問', '合']), "{kana}");
        }
    }

    /// Three characters as a text.
    fn encode(buf: &mut [u8; 12], chars: [char; 3]) -> &str {
        let mut len = 0;
        for c in chars {
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        core::str::from_utf8(&buf[..len]).unwrap()
    }

    /// Each folded character says which bytes of the text it comes from: a composed kana
    /// its kana and its mark, a left-out character nothing.
    #[test]
    fn each_folded_character_knows_where_it_stands() {
        fn places(text: &str) -> std::vec::Vec<(char, &str)> {
            placed(text).map(|p| (p.c, &text[p.start..p.end])).collect()
        }
        assert_eq!(places("ﾊﾟ ｰA"), [('パ', "ﾊﾟ"), ('a', "A")]);
        assert_eq!(
            places("問い合わせ"),
            [('問', "問"), ('合', "合"), ('セ', "せ")]
        );
        assert_eq!(places("İ"), [('i', "İ"), ('\u{307}', "İ")]);
        assert_eq!(places("か\u{3099}"), [('ガ', "か\u{3099}")]);
        for text in ["ﾈｯﾄﾜｰｸ", "読み取り不可", "0a090ﾄ\n\u{e}ﾞﾘｰﾀﾞ電源", "İstanbul"]
        {
            assert!(placed(text).map(|p| p.c).eq(folded(text)), "{text}");
        }
    }

    #[test]
    fn a_last_okurigana_is_not_looked_for() {
        let looked = |word: &str| {
            let chars: std::vec::Vec<char> = folded(word).collect();
            chars[..looked_for(&chars)].iter().collect::<String>()
        };
        assert_eq!(looked("読み取り"), "読取");
        assert_eq!(fold("読み取り不可").find(&looked("読み取り")), Some(0));
        assert_eq!(looked("受け取り"), "受取");
        assert_eq!(looked("ロック"), "ロック");
        assert_eq!(looked("取得できない"), "取得デキナイ");
        assert_eq!(looked("取り"), "取");
        assert_eq!(looked("り"), "リ");
        assert_eq!(looked(""), "");
    }

    #[test]
    fn no_character_of_the_caseless_range_has_a_lower_case() {
        for c in NO_CASE {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn okurigana_the_table_writes_both_ways() {
        assert_eq!(fold("問い合わせ"), fold("問合せ"));
        assert_eq!(fold("問合わせ"), fold("問合せ"));
        assert_eq!(fold("読み込み"), fold("読込み"));
        assert_eq!(fold("受け取った"), fold("受取った"));
        assert_eq!(fold("書き込み"), fold("書込み"));
        // Particles stay: の, に, を are words of their own.
        assert_eq!(fold("端末の再起動"), "端末ノ再起動");
        assert_eq!(fold("画面に表示"), "画面ニ表示");
    }
}
