//! Texts as HTML: escaped, the words found marked, every character no one can see named;
//! the fields of a row and its contact set apart.

use std::fmt::Write;
use std::ops::Range;

use oqs_messages_text::fold::{folded, looked_for, placed};
use oqs_messages_text::search::Field;
use oqs_messages_text::unseen::unseen;

use crate::say::{self, column_title, Label, Lang};

/// Escapes text for HTML element content and attribute values; a NUL, which HTML cannot
/// hold, is shown as `␀`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

pub(super) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        push_escaped(out, c);
    }
}

pub(super) fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        '\0' => out.push('\u{2400}'),
        _ => out.push(c),
    }
}

/// Whom to call, set apart: the workbook's title, the text as published, the words marked,
/// and what `-` means.
pub(super) fn contact_box(out: &mut String, lang: Lang, contact: &str, words: &[String]) {
    out.push_str("<div class=\"contact\"><span class=\"label\">");
    escape_into(out, column_title(lang, Label::Contact));
    out.push_str("</span><span class=\"who\">");
    write_text(out, contact, words);
    out.push_str("</span>");
    if contact.trim() == "-" {
        out.push_str("<span class=\"note\">");
        escape_into(out, say::no_contact(lang));
        out.push_str("</span>");
    }
    out.push_str("</div>");
}

/// `<div><dt>label</dt><dd>text</dd></div>`, the words marked: each pair in a block of its
/// own, laid out as two columns by a float (a grid of every pair costs a quarter of the
/// drawing of an answer).
pub(super) fn field(
    out: &mut String,
    label: &str,
    class: Option<&str>,
    text: &str,
    words: &[String],
) {
    out.push_str("<div><dt>");
    escape_into(out, label);
    match class {
        Some(class) => {
            let _ = write!(out, "</dt><dd class=\"{class}\">");
        }
        None => out.push_str("</dt><dd>"),
    }
    write_text(out, text, words);
    out.push_str(FIELD_END);
}

/// How [`field`] ends a pair.
pub(super) const FIELD_END: &str = "</dd></div>";

pub(super) fn words_in(found: &[(Field, Vec<&str>)], field: Field) -> Vec<String> {
    found
        .iter()
        .find(|(f, _)| *f == field)
        .map_or_else(Vec::new, |(_, words)| {
            words.iter().map(|w| (*w).to_owned()).collect()
        })
}

/// Where the words stand in a text as published, in bytes: every occurrence of each word
/// as it is looked for (folded, a last okurigana left off), overlapping ones merged.
pub fn marks(words: &[String], text: &str) -> Vec<Range<usize>> {
    if words.is_empty() {
        return Vec::new();
    }
    let folded_text: Vec<_> = placed(text).collect();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for word in words {
        let chars: Vec<char> = folded(word).collect();
        let needle = &chars[..looked_for(&chars)];
        if needle.is_empty() || needle.len() > folded_text.len() {
            continue;
        }
        let mut at = 0;
        while at + needle.len() <= folded_text.len() {
            let here = &folded_text[at..at + needle.len()];
            if here.iter().map(|p| p.c).eq(needle.iter().copied()) {
                ranges.push(here[0].start..here[needle.len() - 1].end);
                at += needle.len();
            } else {
                at += 1;
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// A text as HTML: escaped, the words marked, every character no one can see shown as a
/// symbol that names it (`␛`, `U+200B`), never raw and never as nothing.
pub fn write_text(out: &mut String, text: &str, words: &[String]) {
    let mut at = 0;
    for range in marks(words, text) {
        write_plain(out, &text[at..range.start]);
        out.push_str("<mark>");
        write_plain(out, &text[range.clone()]);
        out.push_str("</mark>");
        at = range.end;
    }
    write_plain(out, &text[at..]);
}

/// A text escaped, its unseen characters named.
pub(super) fn write_plain(out: &mut String, text: &str) {
    for c in text.chars() {
        let Some(u) = unseen(c) else {
            push_escaped(out, c);
            continue;
        };
        let code = c as u32;
        let _ = write!(
            out,
            "<span class=\"unseen {}\" title=\"U+{code:04X} {}\">",
            u.kind.as_str(),
            u.name
        );
        match code {
            0..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
            0x7F => out.push('\u{2421}'),
            _ => {
                let _ = write!(out, "U+{code:04X}");
            }
        }
        out.push_str("</span>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped_marked_and_their_unseen_characters_named() {
        let mut out = String::new();
        write_text(
            &mut out,
            "<ﾛｯｸ>&\u{1B}ロック\u{200B}",
            &["ろっく".to_owned()],
        );
        assert_eq!(
            out,
            "&lt;<mark>ﾛｯｸ</mark>&gt;&amp;<span class=\"unseen control\" title=\"U+001B ESC\">\u{241B}</span>\
             <mark>ロック</mark><span class=\"unseen format\" title=\"U+200B ZERO WIDTH SPACE\">U+200B</span>"
        );
    }

    #[test]
    fn a_nul_is_shown_as_its_symbol() {
        // The page's script splits an answer at NUL (`PageAnswer::for_script`).
        assert_eq!(escape("a\0<b>"), "a\u{2400}&lt;b&gt;");
        let mut out = String::new();
        write_text(&mut out, "\0暗証番号", &["暗証".to_owned()]);
        assert!(!out.contains('\0'), "{out}");
    }

    #[test]
    fn overlapping_words_are_marked_once() {
        let words = [
            "暗証".to_owned(),
            "証番号".to_owned(),
            "読み取り".to_owned(),
        ];
        assert_eq!(marks(&words, "暗証番号と読取不可"), [0..12, 15..21]);
        assert_eq!(marks(&[], "暗証番号"), []);
    }
}
