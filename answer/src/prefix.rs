//! A message ID typed so far: `0x0400`, `040000`. The page answers as the text is typed, and
//! the start of an ID is no mistake: it is answered with the IDs it could still become,
//! never with 「該当なし」.

use oqs_messages_table::ListedId;

/// The start of a message ID, as typed: its hex digits and the values they could still
/// become.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdPrefix {
    /// The hex digits typed, upper case, without `0x` (none for `0x` alone).
    pub digits: String,
    /// Whether the text began with `0x`: the text can then be nothing but an ID.
    pub hex_marked: bool,
}

impl IdPrefix {
    /// Reads a text as the start of a message ID: `0x` and up to seven hex digits, or up
    /// to seven hex digits that start with a decimal one (blanks, as in `0x0400 00`, and
    /// full-width characters as an IME types them, read through).
    pub fn read(text: &str) -> Option<IdPrefix> {
        let compact: String = text
            .chars()
            .map(ascii_of)
            .filter(|c| !c.is_whitespace())
            .collect();
        let (hex_marked, digits) = match compact.strip_prefix("0x").or(compact.strip_prefix("0X")) {
            Some(rest) => (true, rest),
            None => (false, compact.as_str()),
        };
        let fits = digits.len() <= 7 && digits.chars().all(|c| c.is_ascii_hexdigit());
        let starts_right = hex_marked || digits.starts_with(|c: char| c.is_ascii_digit());
        (fits && starts_right).then(|| IdPrefix {
            digits: digits.to_ascii_uppercase(),
            hex_marked,
        })
    }

    /// The start of an ID written inside a sentence, as logs and notes write one:
    /// `0xF8で始まるエラー`, `0xFA01xxxx みたいな番号`, `0x0400 エラー`. Only `0x` and hex
    /// digits standing apart from letters and digits are read: one to six digits, or up to
    /// seven with `x`, `*` or `?` standing for the rest of the eight.
    pub fn find_in(text: &str) -> Option<IdPrefix> {
        let chars: Vec<char> = text.chars().map(ascii_of).collect();
        let standing_apart = |at: usize| chars.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
        (0..chars.len().saturating_sub(1)).find_map(|at| {
            let marked = chars[at] == '0' && matches!(chars[at + 1], 'x' | 'X');
            if !marked || (at > 0 && !standing_apart(at - 1)) {
                return None;
            }
            let digits: String = chars[at + 2..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .collect();
            let after = at + 2 + digits.len();
            let wildcards = chars[after..]
                .iter()
                .take_while(|c| matches!(c, 'x' | 'X' | '*' | '?'))
                .count();
            let fits = match wildcards {
                0 => (1..=6).contains(&digits.len()),
                _ => !digits.is_empty() && digits.len() + wildcards == 8,
            };
            (fits && standing_apart(after + wildcards)).then(|| IdPrefix {
                digits: digits.to_ascii_uppercase(),
                hex_marked: true,
            })
        })
    }

    /// The values the ID could still become: the least and the greatest.
    pub fn span(&self) -> (u32, u32) {
        let missing = 4 * (8 - self.digits.len() as u32);
        let typed = u32::from_str_radix(&self.digits, 16).unwrap_or(0);
        let low = typed.checked_shl(missing).unwrap_or(0);
        let width = 1u64 << missing;
        (low, (u64::from(low) + width - 1) as u32)
    }

    /// `0x0400`: as a person reads what was typed.
    pub fn shown(&self) -> String {
        format!("0x{}", self.digits)
    }

    /// Whether a listed ID, or some ID in a listed range, starts with the digits.
    pub fn admits(&self, id: &ListedId) -> bool {
        let (low, high) = self.span();
        match *id {
            ListedId::Exact(v) => (low..=high).contains(&v.0),
            ListedId::Range { start, end } => start.0 <= high && low <= end.0,
        }
    }
}

/// A full-width character as its ASCII twin (`０ｘ` as `0x`), as an IME types them.
fn ascii_of(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_of_an_id_is_read_with_what_it_could_become() {
        let prefix = IdPrefix::read("０ｘ０４００ 0").unwrap();
        assert_eq!(prefix.digits, "04000");
        assert!(prefix.hex_marked);
        assert_eq!(prefix.span(), (0x0400_0000, 0x0400_0FFF));
        assert_eq!(IdPrefix::read("0x").unwrap().span(), (0, u32::MAX));
        assert_eq!(
            IdPrefix::read("81").unwrap().span(),
            (0x8100_0000, 0x81FF_FFFF)
        );
        assert_eq!(
            IdPrefix::read("0x0400001").unwrap().span(),
            (0x0400_0010, 0x0400_001F)
        );
        // Eight digits are an ID, not its start; words and letters first are no ID.
        for text in ["0x04000011", "F030", "暗証", "0xG", "", "12345678"] {
            assert_eq!(IdPrefix::read(text), None, "{text}");
        }
        let range = ListedId::Range {
            start: oqs_messages_table::MessageIdValue(0xF000_0000),
            end: oqs_messages_table::MessageIdValue(0xF7FF_FFFF),
        };
        assert!(IdPrefix::read("0xF03").unwrap().admits(&range));
        assert!(!IdPrefix::read("0xF8").unwrap().admits(&range));
    }

    #[test]
    fn the_start_of_an_id_is_found_inside_a_sentence() {
        let found = |text: &str| IdPrefix::find_in(text).map(|p| p.digits);
        assert_eq!(found("0xF8で始まるエラー"), Some("F8".into()));
        assert_eq!(
            found("ログのIDが0xFA01xxxxみたいな番号"),
            Some("FA01".into())
        );
        assert_eq!(found("エラーIDが０ｘＦＡ～ 端末アプリ"), Some("FA".into()));
        assert_eq!(found("0x0400 エラー"), Some("0400".into()));
        // A whole ID, seven digits with nothing for the eighth, and hex inside a word are not
        // the start of an ID; nor are wildcards that do not fill eight digits.
        for text in [
            "0x04000011 エラー",
            "0x4000011 エラー",
            "ab0x12 エラー",
            "0x12g",
            "0xF8xx",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
