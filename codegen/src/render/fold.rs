//! The fold's tables and the unseen characters for the page's script, from the one place
//! they are kept (`oqs_messages_text`): the page folds a query as `oqs_messages` does,
//! with nothing of the fold's data written twice.

use oqs_messages_text::fold::{
    voiced, HALF_WIDTH_KANA, HALF_WIDTH_KANA_START, HALF_WIDTH_PUNCTUATION, KANJI,
    LEFT_OUT_BETWEEN, LONG_VOWEL, OKURIGANA,
};
use oqs_messages_text::unseen::all;
use serde_json::json;

/// The unseen characters for the page's script: `[[27, "ESC", "control"], …]`.
pub fn unseen_json() -> String {
    let list: Vec<(u32, &str, &str)> = all()
        .map(|u| (u.char as u32, u.name, u.kind.as_str()))
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned())
}

/// The last character Rust's `char::is_whitespace` (Unicode's White_Space) holds: the
/// ideographic space. The page's list of blanks goes up to it, not over every code point at
/// each run.
const LAST_BLANK: char = '\u{3000}';

/// The fold's tables for the page's script: code points where the script compares
/// numbers, characters where it compares characters.
pub fn tables_json() -> String {
    let katakana = '\u{30A1}'..='\u{30FA}';
    let voiced: Vec<[String; 3]> = katakana
        .flat_map(|kana| ['\u{3099}', '\u{309A}'].map(|mark| (kana, mark)))
        .filter_map(|(kana, mark)| {
            voiced(kana, mark).map(|c| [kana.to_string(), mark.to_string(), c.to_string()])
        })
        .collect();
    let blanks: Vec<u32> = ('\0'..=LAST_BLANK)
        .filter(|c| c.is_whitespace())
        .map(u32::from)
        .collect();
    json!({
        "kanji": KANJI.map(|(first, last)| [u32::from(first), u32::from(last)]),
        "halfWidthKanaStart": u32::from(HALF_WIDTH_KANA_START),
        "halfWidthKana": String::from_iter(HALF_WIDTH_KANA),
        "punctuation": HALF_WIDTH_PUNCTUATION.map(|(half, full)| (u32::from(half), full.to_string())),
        "okurigana": String::from_iter(OKURIGANA),
        "leftOutBetween": LEFT_OUT_BETWEEN.map(|(a, b, c)| String::from_iter([a, b, c])),
        "longVowel": LONG_VOWEL.to_string(),
        "voiced": voiced,
        "blanks": blanks,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_blank_comes_after_the_last() {
        let last = (0..=0x10_FFFFu32)
            .rev()
            .filter_map(char::from_u32)
            .find(|c| c.is_whitespace());
        assert_eq!(last, Some(LAST_BLANK));
    }
}
