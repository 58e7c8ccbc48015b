//! マイナポータル error codes as people write them: the word (`マイナポータル`, `ポータル`,
//! `マイナポ`, `portal`) and the number after it.

use core::ops::Range;

use super::{candidates, fold, Query, QueryError, Token};

/// Where a text names a マイナポータル error code: the bytes from the word (`マイナポータル`,
/// `ポータル`, or `portal` first in the text) through the number written after it. What is
/// left around it is what else the text says, such as the display code a screen shows
/// beside the portal's code.
///
/// ```
/// use oqs_messages_text::query::{portal_code_span, Query};
///
/// let text = "【010：初回登録エラー】、マイナポータルのエラーは加入者情報重複(006)";
/// let span = portal_code_span(text).unwrap();
/// assert_eq!(&text[span.clone()], "マイナポータルのエラーは加入者情報重複(006");
/// assert_eq!(Query::parse(&text[..span.start]), Ok(Query::Code(10)));
/// assert_eq!(portal_code_span("マイナポータル"), None);
/// ```
pub fn portal_code_span(text: &str) -> Option<Range<usize>> {
    let (word, number) = portal_word_and_number(text)?;
    Some(word.start..number?.end)
}

/// The word naming the マイナポータル (its bytes), and the digits first written after it
/// (their bytes, full-width digits too), if any.
fn portal_word_and_number(text: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let lower_starts = |s: &str, word: &str| {
        s.len() >= word.len() && s.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    };
    let trimmed_at = text.len()
        - text
            .trim_start_matches(|c: char| fold(c).is_whitespace() || c == '-')
            .len();
    let word = if let Some(at) = text.find("ポータル") {
        let start = text[..at].strip_suffix("マイナ").map_or(at, str::len);
        start..at + "ポータル".len()
    } else if let Some(at) = text.find("マイナポ") {
        // マイナポ, as callers shorten it.
        at..at + "マイナポ".len()
    } else if lower_starts(&text[trimmed_at..], "portal") {
        trimmed_at..trimmed_at + "portal".len()
    } else {
        return None;
    };
    // The first number after the word that is a word of its own: not the `0` of
    // `0x8100000E` nor the digits of `E015`.
    let is_digit = |(_, c): &(usize, char)| fold(*c).is_ascii_digit();
    let after = &text[word.end..];
    let mut number = None;
    let mut from = 0;
    while let Some((at, _)) = after[from..].char_indices().find(is_digit) {
        let at = from + at;
        let end = after[at..]
            .char_indices()
            .find(|d| !is_digit(d))
            .map_or(after.len(), |(n, _)| at + n);
        let alone = !after[..at]
            .chars()
            .next_back()
            .is_some_and(|c| fold(c).is_ascii_alphanumeric())
            && !after[end..]
                .chars()
                .next()
                .is_some_and(|c| fold(c).is_ascii_alphanumeric());
        if alone {
            number = Some(word.end + at..word.end + end);
            break;
        }
        from = end;
    }
    Some((word, number))
}

/// `マイナポータル 005`, `ポータル 005`, `portal 005`, `--portal 005`: the number after the word.
pub(super) fn portal_number(text: &str) -> Option<Result<Query, QueryError>> {
    let (_, number) = portal_word_and_number(text)?;
    // No number of its own after the word: the text is read as any other
    // (`マイナポータルから…が返ってきた。0x8100000E`).
    if number.is_none() && candidates(text).next().is_some() {
        return None;
    }
    let mut token = Token::EMPTY;
    for c in number.map_or("", |n| &text[n]).chars() {
        token.push(fold(c) as u8);
    }
    let digits = token.text();
    if digits.is_empty() || token.too_long || digits.len() > 3 {
        return Some(Err(QueryError::Unrecognized));
    }
    let n = digits
        .iter()
        .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'));
    Some(Ok(Query::Portal(n)))
}
