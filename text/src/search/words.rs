//! The words of a query: typed words separated by blanks, the terms of a sentence
//! (runs of one script), and what each character is.

use crate::fold::{is_kanji, widen};

use crate::needle::Needle;

use super::MAX_WORDS;

/// Words of a query: slices of it, at most [`MAX_WORDS`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Words<'q> {
    pub(super) words: [&'q str; MAX_WORDS],
    pub(super) len: usize,
}

impl<'q> Words<'q> {
    pub(super) const NONE: Words<'static> = Words {
        words: [""; MAX_WORDS],
        len: 0,
    };

    pub(super) fn push(&mut self, word: &'q str) {
        if self.len < MAX_WORDS && !self.as_slice().contains(&word) {
            self.words[self.len] = word;
            self.len += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[&'q str] {
        &self.words[..self.len]
    }
}

/// The words of a query separated by blanks that fold to something.
pub(super) fn blank_separated(text: &str) -> Words<'_> {
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
pub(super) enum Script {
    Kanji,
    Katakana,
    Latin,
    Hiragana,
    Other,
}

pub(super) fn script(c: char) -> Script {
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
pub(super) fn is_particle(c: char) -> bool {
    matches!(
        c,
        'の' | 'を' | 'が' | 'に' | 'で' | 'と' | 'は' | 'も' | 'へ' | 'や' | 'か'
    )
}

/// The terms of a text: runs of kanji (with up to two kana of okurigana between kanji,
/// `問い合わせ先`), of katakana, of Latin letters and digits; each a slice of the text.
pub fn terms(text: &str) -> impl Iterator<Item = &str> + Clone {
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

/// The counts of a text: digits and the kanji they count (`3回` in `3回まちがえて`, `あと1回`,
/// `10回`), which the terms split into a number and a kanji of one character.
pub(super) fn counts(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    core::iter::from_fn(move || loop {
        let at = rest.find(|c: char| widen(c).is_ascii_digit())?;
        let digits = rest[at..]
            .find(|c: char| !widen(c).is_ascii_digit())
            .unwrap_or(rest.len() - at);
        let after = &rest[at + digits..];
        let counted = after.chars().next().filter(|&c| is_kanji(c));
        let before_is_latin = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| script(c) == Script::Latin);
        let end = at + digits + counted.map_or(0, char::len_utf8);
        let count = &rest[at..end];
        rest = &rest[end..];
        if counted.is_some() && !before_is_latin {
            return Some(count);
        }
    })
}

/// The runs of hiragana of a text, two characters or more: the terms of a query typed in
/// hiragana alone (`ぱすわーど`).
pub(super) fn hiragana_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| script(c) != Script::Hiragana && c != 'ー')
        .filter(|run| run.chars().filter(|&c| c != 'ー').count() >= 2)
}

/// The terms of a query, strong and weak: strong are runs of two characters or more
/// (kanji, katakana, Latin); weak are single kanji (verb stems, `読めない`) and, when there
/// is no strong term, the runs of hiragana.
pub(super) fn query_terms(text: &str) -> (Words<'_>, Words<'_>) {
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
            for word in lengthened_words(run) {
                weak.push(word);
            }
        }
    }
    (strong, weak)
}

/// The words of a run of hiragana that a long-vowel mark says are words of katakana written
/// in hiragana (`きーぼーど` of `がめんのきーぼーどがおかしい`): from the kana each mark
/// lengthens, out to the particles on either side.
pub(super) fn lengthened_words(run: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    core::iter::from_fn(move || loop {
        let mark = from + run[from..].find('ー')?;
        let before = &run[..mark];
        // The kana the mark lengthens, then back over kana that are no particle.
        let mut back = before.char_indices().rev();
        let Some((mut start, _)) = back.next() else {
            from = mark + 'ー'.len_utf8();
            continue;
        };
        for (at, c) in back {
            if is_particle(c) || c == 'ー' {
                break;
            }
            start = at;
        }
        // Forward over kana that are no particle, and over one another mark lengthens.
        let after = &run[mark..];
        let mut end = run.len();
        let mut ahead = after.char_indices().peekable();
        while let Some((at, c)) = ahead.next() {
            let lengthened = ahead.peek().is_some_and(|&(_, next)| next == 'ー');
            if c != 'ー' && !lengthened && is_particle(c) {
                end = mark + at;
                break;
            }
        }
        from = end;
        if end - start < run.len() {
            return Some(&run[start..end]);
        }
    })
}
