//! The parts of a term found nowhere, looked for instead.

use super::words::{script, Script};

/// Whether a term is a name: katakana or Latin letters alone (`プリンター`, `OQSFaceApp`).
pub(super) fn is_name(term: &str) -> bool {
    term.chars()
        .all(|c| matches!(script(c), Script::Katakana | Script::Latin))
}

/// The parts of a term found nowhere, looked for instead: the pairs of characters of a kanji
/// term (each pair of kanji is a word: `暗唱番号` → 暗唱, 唱番, 番号); the runs of three
/// letters of a name (`マヂナンバーカード` → マヂナ, ヂナン, ナンバ, …), since two letters of a
/// name are found in too many other names (`プリンター`'s `リン` in `スクリーン`).
pub(super) fn parts(term: &str) -> impl Iterator<Item = &str> {
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
pub(super) fn pairs(term: &str) -> impl Iterator<Item = &str> {
    let telling = |c: char| matches!(script(c), Script::Kanji | Script::Katakana);
    term.char_indices().filter_map(move |(at, c)| {
        let next = term[at + c.len_utf8()..].chars().next()?;
        let same_run = telling(c) && script(c) == script(next);
        same_run.then(|| &term[at..at + c.len_utf8() + next.len_utf8()])
    })
}
