//! The codes the words missed, offered after the rows they found (`Reason::Alike`), on every
//! sentence of the tuning half with the counts codegen wrote: after every row found by the
//! words, of codes they did not find, with every row of each in the table's order, up to
//! three codes in all, never in an answer said to be weak; none without the counts.

use oqs_answer::{CallersWords, Engine, Reason, TableData};

fn engine(with_counts: bool) -> Engine {
    let table = include_str!("../../generated/table.json");
    let words =
        CallersWords::from_json(include_str!("../../generated/callers-words.json")).unwrap();
    let words = if with_counts {
        words.with_sentences(include_str!("../../generated/callers-sentences.txt"))
    } else {
        words
    };
    Engine::new(TableData::from_json(table).unwrap(), &words)
}

fn tuning_sentences() -> Vec<String> {
    let text = include_str!("../../tests/callers/tuning.json");
    let file: serde_json::Value = serde_json::from_str(text).unwrap();
    file["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["sentence"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn codes_the_words_missed_follow_their_rows_whole() {
    let engine = engine(true);
    let mut offered = 0;
    for sentence in tuning_sentences() {
        let answer = engine.answer(&sentence);
        let Some(first_alike) = answer
            .matches
            .iter()
            .position(|m| m.reason == Reason::Alike)
        else {
            continue;
        };
        offered += 1;
        assert!(!answer.weak, "{sentence}: offered in a weak answer");
        let (found, alike) = answer.matches.split_at(first_alike);
        assert!(
            alike.iter().all(|m| m.reason == Reason::Alike),
            "{sentence}: a row found by words after an offered one"
        );
        let codes = |ms: &[oqs_answer::Match<'_>]| {
            let mut codes: Vec<u16> = Vec::new();
            for m in ms {
                if !codes.contains(&m.shown.code.get()) {
                    codes.push(m.shown.code.get());
                }
            }
            codes
        };
        let (found_codes, alike_codes) = (codes(found), codes(alike));
        assert!(!found_codes.is_empty(), "{sentence}");
        assert!(found_codes.len() + alike_codes.len() <= 3, "{sentence}");
        assert!(
            alike_codes.iter().all(|c| !found_codes.contains(c)),
            "{sentence}: an offered code the words found"
        );
        for code in alike_codes {
            let want: Vec<String> = engine
                .rows()
                .filter(|r| r.code.get() == code)
                .map(|r| r.reference())
                .collect();
            let got: Vec<String> = alike
                .iter()
                .filter(|m| m.shown.code.get() == code)
                .map(|m| m.shown.reference())
                .collect();
            assert_eq!(got, want, "{sentence}: every row of {code:03}, in order");
        }
    }
    // Some sentences of the tuning half name what their code's texts never write.
    assert!(
        offered > 0,
        "no code offered on any sentence of the tuning half"
    );
}

#[test]
fn without_the_counts_no_code_is_offered() {
    let engine = engine(false);
    for sentence in tuning_sentences().iter().take(300) {
        let answer = engine.answer(sentence);
        assert!(
            answer.matches.iter().all(|m| m.reason != Reason::Alike),
            "{sentence}"
        );
    }
}
