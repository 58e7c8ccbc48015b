//! The numbers of a text that are not what they first seem: one or two digits beside an
//! ID that are the code it is listed under, a bare number that is the clinic's own, the
//! display code written beside a マイナポータル error code.

use oqs_messages_text::fold::widen;
use oqs_messages_text::query::{candidates, portal_code_span, CandidateKind, Query, Strength};
use oqs_messages_text::search::terms;

use crate::elsewhere::is_hiragana;

/// The numbers of one or two digits a text writes as words of their own (either width):
/// `15` and `7` of `15 / 0x4000020`, `err(7)`; not the digits of an ID or a date's parts.
pub(super) fn short_numbers(text: &str) -> impl Iterator<Item = u16> + '_ {
    let chars: Vec<char> = text.chars().map(widen).collect();
    let alnum = |i: Option<&char>| i.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let alone = !alnum(start.checked_sub(1).and_then(|b| chars.get(b)))
            && !alnum(chars.get(i))
            && !matches!(chars.get(i), Some('/' | ':' | '.' | '-'))
            && !matches!(
                start.checked_sub(1).and_then(|b| chars.get(b)),
                Some('/' | ':' | '.' | '-')
            );
        if alone && i - start <= 2 {
            let n = chars[start..i]
                .iter()
                .fold(0u16, |n, c| n * 10 + c.to_digit(10).unwrap_or(0) as u16);
            numbers.push(n);
        }
    }
    numbers.into_iter()
}

/// The text without its one number taken for a code, where that number is bare (not marked
/// as a code: `エラー334`, `code=334`) and the rest says more than a word or two: two
/// terms of two characters or more (`端末`, `フォルダ`, `PC`), or six kana (`うけつけばんごう`).
/// `334が出た` and `カード 334` say no more than the number.
pub(super) fn beside_a_bare_number(text: &str) -> Option<String> {
    let mut codes = candidates(text).filter(|c| matches!(c.kind, CandidateKind::Code(_)));
    let number = codes.next()?;
    if codes.next().is_some() || number.strength == Strength::Marked {
        return None;
    }
    let rest = format!(
        "{} {}",
        &text[..number.span.start],
        &text[number.span.end..]
    );
    let terms = terms(&rest).filter(|t| t.chars().count() >= 2).count();
    let kana = rest.chars().filter(|&c| is_hiragana(c)).count();
    (terms >= 2 || kana >= 6).then_some(rest)
}

/// The display code a text writes beside a マイナポータル error code
/// (`【010：初回登録エラー】、マイナポータルのエラーは加入者情報重複(006)`, `010 マイナポータル 006`):
/// the text read again without the portal's word and number.
pub(super) fn code_beside_portal(text: &str) -> Option<u16> {
    let span = portal_code_span(text)?;
    match Query::parse(&format!("{} {}", &text[..span.start], &text[span.end..])) {
        Ok(Query::Code(code)) => Some(code),
        _ => None,
    }
}
