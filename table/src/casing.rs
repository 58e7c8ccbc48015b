//! The words of a variant name, and the name in each language's casing: one word split for
//! the Rust handler methods (`card_not_recognized`), TypeScript and Java methods
//! (`cardNotRecognized`) and Java constants (`CARD_NOT_RECOGNIZED`), so that a code named
//! once in `spec/names.toml` is named the same everywhere.

/// The words of an UpperCamelCase name, lower case: `CollationNumberBLocked` is
/// `collation number b locked`; `EPrescriptionServiceFailure` is
/// `e prescription service failure`; digits stay with the word before them (`Code953`).
pub fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let starts_word = i == 0
            || (c.is_ascii_uppercase() && {
                let prev = chars[i - 1];
                let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_ascii_uppercase() && next_is_lower)
            });
        if starts_word {
            words.push(String::new());
        }
        if let Some(word) = words.last_mut() {
            word.push(c.to_ascii_lowercase());
        }
    }
    words
}

/// `card_not_recognized`: the Rust handler method.
pub fn snake_case(name: &str) -> String {
    words(name).join("_")
}

/// `cardNotRecognized`: the TypeScript and Java handler method.
pub fn lower_camel_case(name: &str) -> String {
    let mut out = String::new();
    for (i, word) in words(name).iter().enumerate() {
        let mut chars = word.chars();
        if i > 0 {
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
            }
        }
        out.extend(chars);
    }
    out
}

/// `CARD_NOT_RECOGNIZED`: the Java enum constant.
pub fn upper_snake_case(name: &str) -> String {
    snake_case(name).to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_split_for_every_language() {
        assert_eq!(snake_case("CardNotRecognized"), "card_not_recognized");
        assert_eq!(
            snake_case("EPrescriptionServiceFailure"),
            "e_prescription_service_failure"
        );
        assert_eq!(
            snake_case("CollationNumberBLocked"),
            "collation_number_b_locked"
        );
        assert_eq!(snake_case("Code953"), "code953");
        assert_eq!(lower_camel_case("CardNotRecognized"), "cardNotRecognized");
        assert_eq!(
            lower_camel_case("CollationNumberBLocked"),
            "collationNumberBLocked"
        );
        assert_eq!(
            lower_camel_case("EPrescriptionServiceFailure"),
            "ePrescriptionServiceFailure"
        );
        assert_eq!(
            upper_snake_case("CollationNumberBLocked"),
            "COLLATION_NUMBER_B_LOCKED"
        );
        assert_eq!(upper_snake_case("Code953"), "CODE953");
    }
}
