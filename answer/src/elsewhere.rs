//! Whether a sentence asks about something the table does not answer: it names, in
//! katakana or Latin letters, something no text of the table holds ([`is_a_name`]), or one
//! of the clinic's other systems and matters (`[elsewhere]` of `spec/callers-words.toml`:
//! レセコン, 自動精算機, 算定). Such a sentence whose best row fits it only loosely is told
//! that nothing fits.

use oqs_messages_text::fold::{folded, placed, PlacedChar};

/// Below this fit (thousandths of what a sentence asks, [`crate::TextReason::fit`]) the best
/// row of a search by words does not answer it: the rows shown are weak candidates. Chosen
/// on the tuning half of `tests/callers/` (sentences that warn, against questions the table
/// does not answer that are told so), figures in BENCHMARKS.md.
pub const WEAK_FIT: u32 = 200;

/// Below this fit the best row does not answer a sentence that names, in katakana or Latin
/// letters, something no text of the table holds ([`is_a_name`]: タイムレコーダー, HPKI): a
/// question about another of the clinic's systems. Chosen on the tuning half of
/// `tests/callers/` like [`WEAK_FIT`].
pub const WEAK_FIT_NAMING_ELSEWHERE: u32 = 340;

/// Below this fit the best row does not answer a sentence that names one of the words of
/// `[elsewhere]` ([`Elsewhere`]): those were chosen for naming what the table does not
/// answer, so a row must fit much of the sentence to answer it. Chosen on the tuning half
/// of `tests/callers/` like [`WEAK_FIT`].
pub const WEAK_FIT_ASKING_ELSEWHERE: u32 = 600;

/// Whether a word is a name as products and systems are written: four characters or more,
/// all full-width katakana (the long-vowel mark with them) or all letters and digits of the
/// Latin alphabet. Half-width katakana is left out: callers type whole sentences in it
/// (ﾖﾐﾄﾘ ﾌｶ), not names.
pub fn is_a_name(word: &str) -> bool {
    let katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー');
    let latin =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９');
    word.chars().count() >= 4
        && (word.chars().all(katakana)
            || (word.chars().all(latin) && word.chars().any(|c| !c.is_numeric())))
}

/// The words of `[elsewhere]`, folded as the search folds texts.
#[derive(Clone, Debug, Default)]
pub struct Elsewhere {
    words: Vec<(String, Vec<char>)>,
}

/// Katakana (either width, with the long-vowel mark) and Latin letters and digits (either
/// width): the characters a name written in them runs on with. A word of these found with
/// one of them beside it is part of a longer word (`レジ` in `クレジット`).
fn runs_on(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | 'ｰ' | '\u{FF66}'..='\u{FF9F}' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９')
        || c.is_ascii_alphanumeric()
}

impl Elsewhere {
    /// The words, each folded once.
    pub fn new(words: &[String]) -> Elsewhere {
        Elsewhere {
            words: words
                .iter()
                .map(|w| (w.clone(), folded(w).collect::<Vec<char>>()))
                .filter(|(_, f)| !f.is_empty())
                .collect(),
        }
    }

    /// The first word of the list that the text names, as a word of its own: found folded
    /// (width, case, hiragana and katakana alike), and where the word begins or ends with
    /// katakana or Latin letters, not run on by more of them in the text as typed.
    pub fn named_in(&self, text: &str) -> Option<&str> {
        let placed: Vec<PlacedChar> = placed(text).collect();
        let chars: Vec<char> = placed.iter().map(|p| p.c).collect();
        let before = |at: usize| text[..placed[at].start].chars().next_back();
        let after = |at: usize| text[placed[at].end..].chars().next();
        self.words.iter().find_map(|(word, folded)| {
            let n = folded.len();
            let alone = |i: usize| {
                let first = text[placed[i].start..].chars().next().is_some_and(runs_on);
                let last = text[..placed[i + n - 1].end]
                    .chars()
                    .next_back()
                    .is_some_and(runs_on);
                let runs_on_before = first && before(i).is_some_and(runs_on);
                let runs_on_after = last && after(i + n - 1).is_some_and(runs_on);
                !runs_on_before && !runs_on_after
            };
            (n <= chars.len()
                && (0..=chars.len() - n).any(|i| chars[i..i + n] == folded[..] && alone(i)))
            .then_some(word.as_str())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &[&str]) -> Elsewhere {
        Elsewhere::new(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_word_is_named_as_a_word_of_its_own() {
        let list = list(&["レジ", "UPS", "自動精算機"]);
        assert_eq!(list.named_in("レジの釣銭機が止まった"), Some("レジ"));
        assert_eq!(list.named_in("ﾚｼﾞが止まった"), Some("レジ"));
        assert_eq!(list.named_in("クレジットカードを置いた"), None);
        assert_eq!(list.named_in("ups のアラーム"), Some("UPS"));
        assert_eq!(list.named_in("groups"), None);
        assert_eq!(list.named_in("UPSのアラーム"), Some("UPS"));
        assert_eq!(
            list.named_in("受付の自動精算機でカードが詰まった"),
            Some("自動精算機")
        );
        assert_eq!(list.named_in("マイナンバーカードが読めない"), None);
        assert_eq!(list.named_in(""), None);
    }

    #[test]
    fn names_are_katakana_or_latin_words_of_four_characters() {
        assert!(is_a_name("レセコン"));
        assert!(is_a_name("HPKI"));
        assert!(!is_a_name("ＰＩＮ"));
        assert!(!is_a_name("1234"));
        assert!(!is_a_name("暗証番号"));
    }
}
