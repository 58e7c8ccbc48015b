//! Characters no one can see in a cell but that change what its text does: control
//! characters (an `ESC` that retitles a terminal, a `BEL`), invisible format characters
//! (a zero-width space that makes a word no longer match) and the controls that change
//! the direction of text.
//!
//! Texts keep them exactly as published; the reader reports the cells that hold them, every
//! message that quotes a text shows them escaped, as `\u{1B}`, and the fold leaves them out.

use core::fmt;

/// What an unseen character does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnseenKind {
    /// A C0 control other than tab and line breaks, DEL, or a C1 control
    /// (U+0080–U+009F): terminals obey them.
    Control,
    /// An invisible format character (zero-width space, word joiner, a byte order mark
    /// inside text, soft hyphen, …): it changes what a search or a comparison sees.
    Format,
    /// A control that changes the direction of text (U+202A–U+202E, U+2066–U+2069, the
    /// marks U+200E, U+200F, U+061C): it can make text read other than it is stored.
    Bidi,
}

impl UnseenKind {
    /// The kind's name in the generated code and on the page: `control`, `format`, `bidi`.
    pub fn as_str(self) -> &'static str {
        match self {
            UnseenKind::Control => "control",
            UnseenKind::Format => "format",
            UnseenKind::Bidi => "bidi",
        }
    }
}

/// One unseen character with its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Unseen {
    /// The character.
    pub char: char,
    /// Its abbreviation (`ESC`, `NEL`) or, where it has none in common use, its Unicode
    /// name (`ZERO WIDTH SPACE`).
    pub name: &'static str,
    /// What it does.
    pub kind: UnseenKind,
}

impl fmt::Display for Unseen {
    /// `U+001B ESC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X} {}", self.char as u32, self.name)
    }
}

use UnseenKind::{Bidi, Control, Format};

const C0: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
];

const C1: [&str; 32] = [
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU",
    "RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI",
    "SCI", "CSI", "ST", "OSC", "PM", "APC",
];

/// The unseen characters above the controls, in code point order.
const OTHERS: &[(char, &str, UnseenKind)] = &[
    ('\u{00AD}', "SOFT HYPHEN", Format),
    ('\u{034F}', "COMBINING GRAPHEME JOINER", Format),
    ('\u{061C}', "ARABIC LETTER MARK", Bidi),
    ('\u{115F}', "HANGUL CHOSEONG FILLER", Format),
    ('\u{1160}', "HANGUL JUNGSEONG FILLER", Format),
    ('\u{17B4}', "KHMER VOWEL INHERENT AQ", Format),
    ('\u{17B5}', "KHMER VOWEL INHERENT AA", Format),
    ('\u{180E}', "MONGOLIAN VOWEL SEPARATOR", Format),
    ('\u{200B}', "ZERO WIDTH SPACE", Format),
    ('\u{200C}', "ZERO WIDTH NON-JOINER", Format),
    ('\u{200D}', "ZERO WIDTH JOINER", Format),
    ('\u{200E}', "LEFT-TO-RIGHT MARK", Bidi),
    ('\u{200F}', "RIGHT-TO-LEFT MARK", Bidi),
    ('\u{2028}', "LINE SEPARATOR", Format),
    ('\u{2029}', "PARAGRAPH SEPARATOR", Format),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING", Bidi),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING", Bidi),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING", Bidi),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE", Bidi),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE", Bidi),
    ('\u{2060}', "WORD JOINER", Format),
    ('\u{2061}', "FUNCTION APPLICATION", Format),
    ('\u{2062}', "INVISIBLE TIMES", Format),
    ('\u{2063}', "INVISIBLE SEPARATOR", Format),
    ('\u{2064}', "INVISIBLE PLUS", Format),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE", Bidi),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE", Bidi),
    ('\u{2068}', "FIRST STRONG ISOLATE", Bidi),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE", Bidi),
    ('\u{206A}', "INHIBIT SYMMETRIC SWAPPING", Format),
    ('\u{206B}', "ACTIVATE SYMMETRIC SWAPPING", Format),
    ('\u{206C}', "INHIBIT ARABIC FORM SHAPING", Format),
    ('\u{206D}', "ACTIVATE ARABIC FORM SHAPING", Format),
    ('\u{206E}', "NATIONAL DIGIT SHAPES", Format),
    ('\u{206F}', "NOMINAL DIGIT SHAPES", Format),
    ('\u{3164}', "HANGUL FILLER", Format),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE (BOM)", Format),
    ('\u{FFA0}', "HALFWIDTH HANGUL FILLER", Format),
    ('\u{FFF9}', "INTERLINEAR ANNOTATION ANCHOR", Format),
    ('\u{FFFA}', "INTERLINEAR ANNOTATION SEPARATOR", Format),
    ('\u{FFFB}', "INTERLINEAR ANNOTATION TERMINATOR", Format),
    ('\u{E0001}', "LANGUAGE TAG", Format),
];

/// The tag characters U+E0020–U+E007F, which can spell hidden text.
const TAG: &str = "TAG CHARACTER";

/// The character's entry, if it is one no one can see: a control other than tab and line
/// breaks, an invisible format character, or a bidirectional control.
pub fn unseen(c: char) -> Option<Unseen> {
    let entry = |name, kind| {
        Some(Unseen {
            char: c,
            name,
            kind,
        })
    };
    match c as u32 {
        0x09 | 0x0A | 0x0D => None,
        n @ 0x00..=0x1F => entry(C0[n as usize], Control),
        0x7F => entry("DEL", Control),
        n @ 0x80..=0x9F => entry(C1[n as usize - 0x80], Control),
        0xE0020..=0xE007F => entry(TAG, Format),
        // Printable ASCII, from after the invisible operators to before the Hangul filler
        // (punctuation, CJK symbols, kana) and from after it to before the BOM (kanji): none,
        // without the search. `the_list_is_sorted_and_whole` counts every entry.
        0x20..=0x7E | 0x2070..=0x3163 | 0x3165..=0xFEFE => None,
        _ => OTHERS
            .binary_search_by(|(other, _, _)| other.cmp(&c))
            .ok()
            .map(|i| Unseen {
                char: c,
                name: OTHERS[i].1,
                kind: OTHERS[i].2,
            }),
    }
}

/// Every unseen character, in code point order: what the generated code and the page
/// are given.
pub fn all() -> impl Iterator<Item = Unseen> {
    (0u32..=0xA0)
        .chain(OTHERS.iter().map(|(c, _, _)| *c as u32))
        .chain(0xE0020..=0xE007F)
        .filter_map(char::from_u32)
        .filter_map(unseen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_invisible_characters_are_named() {
        assert_eq!(unseen('\u{7}').map(|u| u.name), Some("BEL"));
        assert_eq!(unseen('\u{85}').map(|u| u.name), Some("NEL"));
        assert_eq!(unseen('\u{9B}').map(|u| u.name), Some("CSI"));
        assert_eq!(unseen('\u{7F}').map(|u| u.kind), Some(Control));
        assert_eq!(unseen('\u{202E}').map(|u| u.kind), Some(Bidi));
        assert_eq!(unseen('\u{E0041}').map(|u| u.name), Some(TAG));
        for visible in ['\t', '\n', '\r', 'a', '　', '・', '\u{A0}', '〜'] {
            assert_eq!(unseen(visible), None, "{visible:?}");
        }
    }

    #[test]
    fn the_list_is_sorted_and_whole() {
        assert!(OTHERS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(all().count(), 29 + 1 + 32 + OTHERS.len() + 96);
        let mut previous = None;
        for u in all() {
            assert!(previous < Some(u.char), "{u}");
            previous = Some(u.char);
        }
    }
}
