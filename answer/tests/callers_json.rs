//! The engine whose callers' words are read at the first search by words
//! ([`Engine::with_callers_json`], as the page loads it) answers every shared query and
//! every caller's sentence as the engine given them read; words it cannot read leave the
//! search without them, said by [`Engine::callers_words`], and nothing panics.

use oqs_answer::{CallersWords, Engine, TableData};

const TABLE: &str = include_str!("../../generated/table.json");
const WORDS: &str = include_str!("../../generated/callers-words.json");
const SENTENCES: &str = include_str!("../../generated/callers-sentences.txt");

/// Every query of `tests/queries.json` and every sentence of the callers' test half.
fn asked() -> Vec<String> {
    let mut texts = Vec::new();
    for (file, list, field) in [
        ("../tests/queries.json", "cases", "query"),
        ("../tests/callers/test.json", "sentences", "sentence"),
        ("../tests/callers/test.json", "out_of_scope", "sentence"),
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for case in json[list].as_array().unwrap() {
            texts.push(case[field].as_str().unwrap().to_owned());
        }
    }
    assert!(texts.len() > 200, "{}", texts.len());
    texts
}

#[test]
fn words_read_later_answer_as_words_read_first() {
    let read_first = Engine::new(
        TableData::from_json(TABLE).unwrap(),
        &CallersWords::from_json(WORDS)
            .unwrap()
            .with_sentences(SENTENCES),
    );
    let read_later = Engine::with_callers_json(
        TableData::from_json(TABLE).unwrap(),
        WORDS.to_owned(),
        SENTENCES.to_owned(),
    );
    // An ID asked first reads no words; the words asked after read them.
    let id = read_later.answer("0x04000011");
    assert!(!id.matches.is_empty());
    for text in asked() {
        assert_eq!(read_first.answer(&text), read_later.answer(&text), "{text}");
    }
    assert_eq!(
        read_later.callers_words(),
        read_first.callers_words(),
        "the same words, read"
    );
    assert!(!read_later.callers_words().unwrap().words.is_empty());
}

#[test]
fn words_that_cannot_be_read_leave_the_search_without_them() {
    let without = Engine::new(
        TableData::from_json(TABLE).unwrap(),
        &CallersWords::default(),
    );
    let damaged = Engine::with_callers_json(
        TableData::from_json(TABLE).unwrap(),
        WORDS[..WORDS.find("\"elsewhere\"").unwrap()].to_owned(),
        SENTENCES.to_owned(),
    );
    for text in ["PIN", "顔認証できない", "015", "0x04000011"] {
        assert_eq!(without.answer(text), damaged.answer(text), "{text}");
    }
    let error = damaged.callers_words().unwrap_err();
    assert!(error.starts_with("callers-words.json: "), "{error}");
}
