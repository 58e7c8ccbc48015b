//! Literals the renderers share: a quoted string for a C-like language (the one loop every
//! renderer shares, each language saying only how it writes a character it must escape),
//! and a documented array of a generated Rust file.

use std::fmt::Write;

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

/// The source with every character outside ASCII written `\uXXXX` (its UTF-16 units): how
/// Java reads any source alike whatever its default encoding (`javac` under `LANG=C`, or
/// MS932 on Japanese Windows), since `javac` turns `\uXXXX` into the character before it
/// reads anything else. Every `\u` written here follows no backslash of the source text
/// (a literal's backslashes come in pairs, and comments hold none), so each is read as an
/// escape; no character outside ASCII is a line break, a quote or a backslash, which such
/// an escape would not be allowed to stand for.
pub fn ascii_java(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 2);
    for c in source.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            utf16_escape(&mut out, c, true);
        }
    }
    out
}

/// Text with every character outside ASCII written as an XML character reference
/// (`&#x30DE;`): how a C# documentation comment keeps the table's words in an ASCII
/// source, which every compiler reads alike whatever its code page.
pub fn ascii_xml(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "&#x{:X};", c as u32);
        }
    }
    out
}

/// A documented array of a generated Rust file, one item a line: `declaration` is the
/// item up to its `=` (`static NAME: [T; N]`, `const NAME: [T; N]`), `items` its elements as
/// Rust.
pub fn write_array(
    out: &mut String,
    doc: &str,
    declaration: &str,
    items: impl Iterator<Item = String>,
) {
    let _ = writeln!(out, "\n/// {doc}\n{declaration} = [");
    for item in items {
        let _ = writeln!(out, "    {item},");
    }
    out.push_str("];\n");
}
