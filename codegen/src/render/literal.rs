//! A quoted string literal for a C-like language: the one loop every renderer shares, each
//! language saying only how it writes a character it must escape.

use oqs_messages_table::unseen::unseen;

/// `text` quoted: `"` and `\` escaped with a backslash, line feeds as `\n`, tabs as `\t`,
/// and each other character that must not stand raw (a control, or one no one can see,
/// `oqs_messages_table::unseen`) written by `escape`; every other character as it is.
pub fn quoted(text: &str, escape: impl Fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || unseen(c).is_some() => escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a character as its UTF-16 units, `\uXXXX` each (surrogate pairs above U+FFFF), in
/// upper or lower case hex: how Java, JavaScript and JSON escape.
pub fn utf16_escape(out: &mut String, c: char, upper: bool) {
    use std::fmt::Write;
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        let _ = if upper {
            write!(out, "\\u{unit:04X}")
        } else {
            write!(out, "\\u{unit:04x}")
        };
    }
}
