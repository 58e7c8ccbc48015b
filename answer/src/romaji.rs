//! A sentence typed in romaji (`anshou bangou machigaete ato ikkai`), read as the kana it
//! spells, so that the readings of the table's words and the callers' words find it
//! (`あんしょう ばんごう` → `暗証番号`).

/// Syllables as Hepburn, Kunrei and keyboard romaji write them, longest first where one
/// starts another (`sha` before `sa`).
#[rustfmt::skip]
const SYLLABLES: &[(&str, &str)] = &[
    ("kya", "きゃ"), ("kyu", "きゅ"), ("kyo", "きょ"), ("sha", "しゃ"), ("shu", "しゅ"), ("sho", "しょ"),
    ("she", "しぇ"), ("shi", "し"), ("sya", "しゃ"), ("syu", "しゅ"), ("syo", "しょ"), ("cha", "ちゃ"),
    ("chu", "ちゅ"), ("cho", "ちょ"), ("che", "ちぇ"), ("chi", "ち"), ("tya", "ちゃ"), ("tyu", "ちゅ"),
    ("tyo", "ちょ"), ("tsu", "つ"), ("nya", "にゃ"), ("nyu", "にゅ"), ("nyo", "にょ"), ("hya", "ひゃ"),
    ("hyu", "ひゅ"), ("hyo", "ひょ"), ("mya", "みゃ"), ("myu", "みゅ"), ("myo", "みょ"), ("rya", "りゃ"),
    ("ryu", "りゅ"), ("ryo", "りょ"), ("gya", "ぎゃ"), ("gyu", "ぎゅ"), ("gyo", "ぎょ"), ("jya", "じゃ"),
    ("jyu", "じゅ"), ("jyo", "じょ"), ("zya", "じゃ"), ("zyu", "じゅ"), ("zyo", "じょ"), ("bya", "びゃ"),
    ("byu", "びゅ"), ("byo", "びょ"), ("pya", "ぴゃ"), ("pyu", "ぴゅ"), ("pyo", "ぴょ"), ("ja", "じゃ"),
    ("ju", "じゅ"), ("jo", "じょ"), ("je", "じぇ"), ("ji", "じ"), ("fa", "ふぁ"), ("fi", "ふぃ"),
    ("fe", "ふぇ"), ("fo", "ふぉ"), ("fu", "ふ"), ("ka", "か"), ("ki", "き"), ("ku", "く"),
    ("ke", "け"), ("ko", "こ"), ("sa", "さ"), ("si", "し"), ("su", "す"), ("se", "せ"),
    ("so", "そ"), ("ta", "た"), ("ti", "ち"), ("tu", "つ"), ("te", "て"), ("to", "と"),
    ("na", "な"), ("ni", "に"), ("nu", "ぬ"), ("ne", "ね"), ("no", "の"), ("ha", "は"),
    ("hi", "ひ"), ("hu", "ふ"), ("he", "へ"), ("ho", "ほ"), ("ma", "ま"), ("mi", "み"),
    ("mu", "む"), ("me", "め"), ("mo", "も"), ("ya", "や"), ("yu", "ゆ"), ("yo", "よ"),
    ("ra", "ら"), ("ri", "り"), ("ru", "る"), ("re", "れ"), ("ro", "ろ"), ("wa", "わ"),
    ("wo", "を"), ("ga", "が"), ("gi", "ぎ"), ("gu", "ぐ"), ("ge", "げ"), ("go", "ご"),
    ("za", "ざ"), ("zi", "じ"), ("zu", "ず"), ("ze", "ぜ"), ("zo", "ぞ"), ("da", "だ"),
    ("di", "ぢ"), ("du", "づ"), ("de", "で"), ("do", "ど"), ("ba", "ば"), ("bi", "び"),
    ("bu", "ぶ"), ("be", "べ"), ("bo", "ぼ"), ("pa", "ぱ"), ("pi", "ぴ"), ("pu", "ぷ"),
    ("pe", "ぺ"), ("po", "ぽ"), ("a", "あ"), ("i", "い"), ("u", "う"), ("e", "え"),
    ("o", "お"),
];

/// The kana a word of Latin letters spells in romaji, if all of it does: `ikkai` → いっかい,
/// `kanja` → かんじゃ, `shinnki` → しんき; `lock`, `card`, `PIN` → none (`l`, `rd`, a
/// capital: English and initials are left as typed).
pub fn kana_of(word: &str) -> Option<String> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        return None;
    }
    let bytes = word.as_bytes();
    let mut kana = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &word[at..];
        let consonant = |b: u8| b.is_ascii_lowercase() && !b"aiueon'".contains(&b);
        // A doubled consonant is a small っ (`kk`, `tch`).
        if let [first, second, ..] = rest.as_bytes() {
            if consonant(*first) && (first == second || (*first == b't' && *second == b'c')) {
                kana.push('っ');
                at += 1;
                continue;
            }
        }
        // ん: `nn`, `n'`, or `n` before a consonant or at the end.
        if rest.starts_with('n') {
            match rest.as_bytes().get(1) {
                Some(b'n') | Some(b'\'') => {
                    kana.push('ん');
                    at += 2;
                    continue;
                }
                None => {
                    kana.push('ん');
                    at += 1;
                    continue;
                }
                Some(b) if consonant(*b) && *b != b'y' => {
                    kana.push('ん');
                    at += 1;
                    continue;
                }
                _ => {}
            }
        }
        let (spelt, syllable) = SYLLABLES.iter().find(|(r, _)| rest.starts_with(r))?;
        kana.push_str(syllable);
        at += spelt.len();
    }
    Some(kana)
}

/// A sentence typed in romaji read as kana: each word of lowercase Latin letters that all
/// spell kana is written in kana, the others (`lock`, `error`, `PIN`) left as typed. `None`
/// unless the text is Latin letters, digits and marks alone and two words or more read.
pub fn read_as_kana(text: &str) -> Option<String> {
    if !text.is_ascii() {
        return None;
    }
    let mut read = 0;
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|word| match kana_of(word) {
            Some(kana) if word.len() >= 2 => {
                read += 1;
                kana
            }
            _ => word.to_owned(),
        })
        .collect();
    (read >= 2).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_spelt_in_romaji_are_read_as_kana() {
        for (romaji, kana) in [
            ("anshou", "あんしょう"),
            ("bangou", "ばんごう"),
            ("machigaete", "まちがえて"),
            ("ikkai", "いっかい"),
            ("kanja", "かんじゃ"),
            ("ninshiki", "にんしき"),
            ("tokutei", "とくてい"),
            ("kikan", "きかん"),
            ("matcha", "まっちゃ"),
            ("shin'you", "しんよう"),
            ("hennkou", "へんこう"),
        ] {
            assert_eq!(kana_of(romaji).as_deref(), Some(kana), "{romaji}");
        }
        for english in ["lock", "card", "error", "PIN", "wifi", ""] {
            assert_eq!(kana_of(english), None, "{english}");
        }
    }

    #[test]
    fn a_sentence_in_romaji_is_read_where_two_words_spell_kana() {
        assert_eq!(
            read_as_kana("anshou bangou machigaete ato ikkai de lock tte deteru").as_deref(),
            Some("あんしょう ばんごう まちがえて あと いっかい で lock って でてる")
        );
        assert_eq!(read_as_kana("card lock"), None);
        assert_eq!(read_as_kana("暗証番号 ikkai machigae"), None);
    }
}
