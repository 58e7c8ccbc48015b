//! The texts of each pair of bytes (`SearchIndex::postings`), which let a word be looked for
//! only in the texts that hold its rarest pair, find exactly what reading every text for
//! every word finds: the same words, rows, scores and fits for every sentence, question and
//! pasted text of `tests/callers/`, on the real table.

use oqs_answer::{CallersWords, SearchIndex, TableData};

fn texts_of(file: &str) -> Vec<String> {
    let file: serde_json::Value = serde_json::from_str(file).unwrap();
    let mut texts = Vec::new();
    for (list, key) in [
        ("sentences", "sentence"),
        ("out_of_scope", "sentence"),
        ("pasted", "text"),
    ] {
        for item in file[list].as_array().into_iter().flatten() {
            texts.push(item[key].as_str().unwrap().to_owned());
        }
    }
    texts
}

#[test]
fn the_texts_of_each_pair_find_what_reading_every_text_finds() {
    let data = TableData::from_json(include_str!("../../generated/table.json")).unwrap();
    let words =
        CallersWords::from_json(include_str!("../../generated/callers-words.json")).unwrap();
    let index = SearchIndex::new(&data.table, &words);
    assert!(!index.postings.1.is_empty(), "the index has its lists");
    let mut every_text = index.clone();
    every_text.postings = Default::default();
    let mut texts = Vec::new();
    for file in [
        include_str!("../../tests/callers/tuning.json"),
        include_str!("../../tests/callers/test.json"),
        include_str!("../../tests/callers/validation.json"),
    ] {
        texts.extend(texts_of(file));
    }
    assert!(texts.len() > 2_000);
    let mut found = 0;
    for text in &texts {
        let by_pairs = index.search(text, 0);
        let read = every_text.search(text, 0);
        assert_eq!(by_pairs, read, "{text}");
        found += by_pairs.map_or(0, |s| s.rows.len());
    }
    assert!(found > texts.len(), "rows were found: {found}");
}
