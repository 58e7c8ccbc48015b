//! Characters no one can see in a cell but that change what its text does: control
//! characters (an `ESC` that retitles a terminal, a `BEL`), invisible format characters
//! (a zero-width space that makes a word no longer match) and the controls that change
//! the direction of text.
//!
//! Texts keep them exactly as published; the reader reports the cells that hold them and
//! every message that quotes a text shows them [`escape`]d, as `\u{1B}`. The list itself is
//! `oqs_messages_text::unseen`'s, the one the search's fold leaves out.

pub use oqs_messages_text::unseen::{all, unseen, Unseen, UnseenKind};

/// Whether a text holds any character no one can see: what [`unseen`] tells for each of its
/// characters, told at byte speed. Every unseen character beyond ASCII starts with one of a
/// few pairs of UTF-8 bytes, which kana and kanji almost never share; only there is a
/// character decoded.
pub fn has_unseen(text: &str) -> bool {
    let starts = unseen_starts();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F {
                return true;
            }
            i += 1;
            continue;
        }
        // Kanji (lead bytes E4–E9) and most of what follows them are never unseen.
        if (0xE4..=0xEE).contains(&b) {
            i += 3;
            continue;
        }
        let second = bytes.get(i + 1).copied().unwrap_or(0);
        if starts[usize::from(b & 0x3F)] & (1u64 << (second & 0x3F)) != 0 {
            if let Some(c) = text[i..].chars().next() {
                if unseen(c).is_some() {
                    return true;
                }
            }
        }
        i += match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    false
}

/// For each UTF-8 lead byte (by its low six bits), the second bytes (by their low six
/// bits) with which an unseen character beyond ASCII starts.
fn unseen_starts() -> &'static [u64; 64] {
    static STARTS: std::sync::OnceLock<[u64; 64]> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = [0u64; 64];
        for u in all() {
            let mut buf = [0u8; 4];
            let encoded = u.char.encode_utf8(&mut buf).as_bytes();
            if let [lead, second, ..] = *encoded {
                starts[usize::from(lead & 0x3F)] |= 1u64 << (second & 0x3F);
            }
        }
        starts
    })
}

/// The text with each unseen character written `\u{1B}` (its code point in hex), so that
/// a person sees that something is there and a terminal obeys nothing.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match unseen(c) {
            Some(_) => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            None => out.push(c),
        }
    }
    out
}

/// The distinct unseen characters of a text, in the order they first appear.
pub fn unseen_in(text: &str) -> Vec<Unseen> {
    let mut found: Vec<Unseen> = Vec::new();
    for u in text.chars().filter_map(unseen) {
        if !found.contains(&u) {
            found.push(u);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use UnseenKind::{Bidi, Control};

    #[test]
    fn controls_and_invisible_characters_are_named() {
        assert_eq!(unseen('\u{1B}').unwrap().to_string(), "U+001B ESC");
        assert_eq!(unseen('\u{7}').unwrap().name, "BEL");
        assert_eq!(unseen('\u{85}').unwrap().name, "NEL");
        assert_eq!(unseen('\u{9B}').unwrap().name, "CSI");
        assert_eq!(unseen('\u{7F}').unwrap().kind, Control);
        assert_eq!(
            unseen('\u{200B}').unwrap().to_string(),
            "U+200B ZERO WIDTH SPACE"
        );
        assert_eq!(unseen('\u{202E}').unwrap().kind, Bidi);
        assert_eq!(unseen('\u{E0041}').unwrap().name, "TAG CHARACTER");
        for visible in ['\t', '\n', '\r', 'a', '　', '・', '\u{A0}', '〜'] {
            assert_eq!(unseen(visible), None, "{visible:?}");
        }
    }

    #[test]
    fn the_fast_path_leaves_nothing_out() {
        let all: Vec<Unseen> = all().collect();
        assert!(all
            .iter()
            .all(|u| !matches!(u.char as u32, 0x20..=0x7E | 0x3165..=0xFEFE)));
    }

    #[test]
    fn has_unseen_agrees_with_unseen_on_every_character() {
        for u in all() {
            let text = format!("暗証番号{}ロック", u.char);
            assert!(has_unseen(&text), "{}", u);
        }
        // Every other character up to U+FFFF and the planes' first ones: none.
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let text = format!("a{c}あ");
            assert_eq!(has_unseen(&text), unseen(c).is_some(), "U+{:04X}", c as u32);
        }
        assert!(!has_unseen("・マイナンバーカードを正しく置いて\n※1「」～"));
    }

    #[test]
    fn escaped_texts_hold_no_unseen_character() {
        let text = "\u{1B}]0;retitled\u{7}\u{1B}[31mRED\u{1B}[0m 0x04\u{200B}000011\n次";
        let escaped = escape(text);
        assert_eq!(
            escaped,
            "\\u{1B}]0;retitled\\u{7}\\u{1B}[31mRED\\u{1B}[0m 0x04\\u{200B}000011\n次"
        );
        assert!(escaped.chars().all(|c| unseen(c).is_none()));
        let names: Vec<String> = unseen_in(text).iter().map(ToString::to_string).collect();
        assert_eq!(
            names,
            ["U+001B ESC", "U+0007 BEL", "U+200B ZERO WIDTH SPACE"]
        );
    }
}
