//! What a sentence says is not the case: `患者さんのじゃなくて、うちの証明書` asks about the
//! clinic's certificate, not the patient's. The clause before `じゃなくて` or `ではなく`, before
//! `とは別` or `とは違う` (`暗証番号のロックとは別物`), and a mistake denied (`暗証番号は
//! 間違えてない`) is left out of the search, so that its words do not answer for the sibling
//! it denies.

/// The words that deny the clause before them (not `ではなくなった`, which says a change).
const DENIALS: [&str; 10] = [
    "じゃなくて",
    "じゃなく",
    "ではなくて",
    "ではなく",
    "でなく",
    "とは別",
    "とは違う",
    "間違えてない",
    "まちがえてない",
    "間違ってない",
];

/// What ends the clause a denial is about, searched backwards from the denial: a mark
/// or a blank.
fn ends_a_clause(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | '。' | ',' | '.' | '，' | '！' | '!' | '？' | '?' | '　'
        )
}

/// The sentence without each clause it denies (`患者さんのじゃなくて、うちの証明書` →
/// `、うちの証明書`); `None` where it denies nothing, or where nothing would be left.
pub fn without_what_is_denied(text: &str) -> Option<String> {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    let mut denied = false;
    while let Some((at, denial)) = DENIALS
        .iter()
        .filter_map(|d| rest.find(d).map(|at| (at, *d)))
        .min_by_key(|&(at, d)| (at, usize::MAX - d.len()))
    {
        let end = at + denial.len();
        let goes_on = &rest[end..];
        if goes_on.starts_with("なっ") || goes_on.starts_with("なる") {
            kept.push_str(&rest[..end]);
        } else {
            let start = rest[..at]
                .char_indices()
                .rev()
                .find(|&(_, c)| ends_a_clause(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            kept.push_str(&rest[..start]);
            denied = true;
        }
        rest = goes_on;
    }
    kept.push_str(rest);
    let left = kept.chars().any(|c| !ends_a_clause(c));
    (denied && left).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clause_before_a_denial_is_left_out() {
        assert_eq!(
            without_what_is_denied("患者さんのじゃなくて、うちのクリニックの証明書の期限切れ")
                .as_deref(),
            Some("、うちのクリニックの証明書の期限切れ")
        );
        assert_eq!(
            without_what_is_denied("資格確認端末に、患者さんのではなく当院の電子証明書が期限切れ")
                .as_deref(),
            Some("資格確認端末に、当院の電子証明書が期限切れ")
        );
        assert_eq!(
            without_what_is_denied("カードの期限切れでなく 病院の証明書").as_deref(),
            Some(" 病院の証明書")
        );
        assert_eq!(
            without_what_is_denied("ロックされた。暗証番号のロックとは別物みたい").as_deref(),
            Some("ロックされた。物みたい")
        );
        assert_eq!(
            without_what_is_denied("交換してと出た、暗証番号は間違えてないって").as_deref(),
            Some("交換してと出た、って")
        );
        // A change, not a denial; nothing denied; nothing left.
        assert_eq!(without_what_is_denied("カードが有効ではなくなった"), None);
        assert_eq!(without_what_is_denied("カードが読めなくて困る"), None);
        assert_eq!(without_what_is_denied("患者さんのじゃなくて"), None);
    }
}
