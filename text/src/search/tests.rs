//! Unit tests of the search engine on a hand-made index.
use crate::needle::{Needle, PAIR_PLACES};

use super::index::{Index, Postings, Rows};
use super::nearest::{alike_within, similarity, similarity_at_least, NearestWords, WordBound};
use super::parts::pairs;
use super::weights::log2_q10;
use super::words::{blank_separated, lengthened_words, query_terms};
use super::*;

extern crate std;
use std::string::ToString;
use std::vec::Vec;

#[test]
fn terms_of_a_sentence() {
    let found: Vec<&str> = terms("暗証番号がロックされたと出た").collect();
    assert_eq!(found, ["暗証番号", "ロック", "出"]);
    let found: Vec<&str> = terms("証明書の期限が切れている").collect();
    assert_eq!(found, ["証明書", "期限", "切"]);
    let found: Vec<&str> = terms("問い合わせ先はICカードのLAN").collect();
    assert_eq!(found, ["問い合わせ先", "IC", "カード", "LAN"]);
    // More than two kana between kanji are an ending, not okurigana.
    let found: Vec<&str> = terms("確認されていない端末").collect();
    assert_eq!(found, ["確認", "端末"]);
    let (strong, weak) = query_terms("暗証番号がロックされたと出た");
    assert_eq!(strong.as_slice(), ["暗証番号", "ロック"]);
    assert_eq!(weak.as_slice(), ["出"]);
    let (strong, weak) = query_terms("ぱすわーど わすれた");
    assert_eq!(strong.as_slice(), [] as [&str; 0]);
    assert_eq!(weak.as_slice(), ["ぱすわーど", "わすれた"]);
}

#[test]
fn words_are_separated_by_blanks_of_either_width() {
    let words = blank_separated("暗証番号　ロック  ー ");
    assert_eq!(words.as_slice(), ["暗証番号", "ロック"]);
    // Each word once, at most MAX_WORDS of them.
    let words = blank_separated("a b a c d e f g h i j");
    assert_eq!(words.as_slice(), ["a", "b", "c", "d", "e", "f", "g", "h"]);
}

#[test]
fn fields_are_named_as_table_json_names_them() {
    let names = Field::ALL.map(Field::name);
    assert_eq!(
        names,
        [
            "heading",
            "tags",
            "message",
            "kind",
            "cause",
            "remedy",
            "contact",
            "footnotes"
        ]
    );
    let code_fields = Field::ALL.map(Field::is_code_field);
    assert_eq!(
        code_fields,
        [true, true, true, false, false, false, false, false]
    );
    let weights = Field::ALL.map(field_weight);
    assert_eq!(weights, [6, 6, 6, 4, 3, 3, 1, 1]);
}

#[test]
fn an_empty_search_says_why() {
    assert_eq!(SearchError::Empty.to_string(), "no word to search for");
}

#[test]
fn weights_are_bm25s_inverse_document_frequency_in_base_2() {
    assert_eq!(log2_q10(1 << 16), 0);
    assert_eq!(log2_q10(2 << 16), 1024);
    assert_eq!(log2_q10(8 << 16), 3 * 1024);
    // log2(3) = 1.58496…: 1623 1024ths (1622.999…, within one of it).
    assert_eq!(log2_q10(3 << 16), 1623);
    assert_eq!(weight_of(0, 96), 0);
    // ln(1 + (96 − 1 + ½) / (1 + ½)) / ln 2 = log2(194 / 3) = 6.015…
    assert_eq!(weight_of(1, 96), 6159);
    let mut last = u32::MAX;
    for rows in 1..=96 {
        let weight = weight_of(rows, 96);
        assert!(weight < last, "{rows}");
        last = weight;
    }
    assert!(weight_of(96, 96) > 0);
}

#[test]
fn parts_are_pairs_within_runs_of_kanji_or_katakana() {
    let found: Vec<&str> = pairs("暗唱番号").collect();
    assert_eq!(found, ["暗唱", "唱番", "番号"]);
    let found: Vec<&str> = pairs("無効って表示").collect();
    assert_eq!(found, ["無効", "表示"]);
    let found: Vec<&str> = pairs("ICカード").collect();
    assert_eq!(found, ["カー", "ード"]);
}

#[test]
fn similarity_by_edit_distance() {
    let word = Needle::new("ネットワーク");
    assert_eq!(similarity(&word, &Needle::new("ﾈｯﾄﾜｰｸ")), 1000);
    assert_eq!(similarity(&word, &Needle::new("証明書")), 0);
    let typo = Needle::new("暗唱番号");
    assert_eq!(similarity(&typo, &Needle::new("暗証番号")), 750);
    assert_eq!(similarity(&typo, &Needle::new("番号")), 500);
}

#[test]
fn similarity_counts_insertions_deletions_and_substitutions() {
    let alike = |a: &str, b: &str| similarity(&Needle::new(a), &Needle::new(b));
    // One substitution, one deletion, one insertion: distance 1 over 3 characters.
    assert_eq!(alike("abc", "abd"), 667);
    assert_eq!(alike("abc", "ab"), 667);
    assert_eq!(alike("ab", "abc"), 667);
    assert_eq!(alike("abc", "xabc"), 750);
    // Three edits over seven characters; two over four.
    assert_eq!(alike("kitten", "sitting"), 572);
    assert_eq!(alike("sitting", "kitten"), 572);
    assert_eq!(alike("abcd", "bcda"), 500);
    assert_eq!(alike("abcd", "dcba"), 0);
    assert_eq!(alike("abc", "abc"), 1000);
    assert_eq!(alike("abc", ""), 0);
    assert_eq!(alike("", "abc"), 0);
    // Words as long as a needle holds: one edit over 128 characters.
    let long: std::string::String = "a".repeat(Needle::CAPACITY);
    let other = std::format!("b{}", &long[1..]);
    assert_eq!(alike(&long, &other), 993);
}

#[test]
fn the_lengths_a_word_bounds_are_those_alike_enough_by_length() {
    for word_len in 0..=40usize {
        let word = Needle::new(&"a".repeat(word_len));
        let bound = WordBound::of(&word);
        for least in 0..=1002 {
            let lengths = bound.lengths(least);
            for term_len in 1..=200u32 {
                let w = word_len as u32;
                let by_length = w > 0 && alike_within(w.abs_diff(term_len), w.max(term_len), least);
                assert_eq!(
                    lengths.contains(term_len),
                    by_length,
                    "word of {w}, term of {term_len}, at least {least}"
                );
            }
        }
    }
}

#[test]
fn the_characters_a_term_lacks_are_counted_from_bits_as_one_by_one() {
    let words = [
        "oqsfaceaqp",
        "暗証番号",
        "ああああああ",
        "aabbaabbccc",
        "abcabcabcabcabc",
        "",
        "電子証明書の有効期限",
        "ｶｰﾄﾞﾘｰﾀﾞｰ",
    ];
    for a in words {
        let word = Needle::new(a);
        let bound = WordBound::of(&word);
        for b in words {
            let term = TermShape::of(crate::fold::folded(b));
            let one_by_one = word
                .chars()
                .iter()
                .filter(|&&c| crate::needle::char_bits(core::iter::once(c)) & term.bits == 0)
                .count() as u32;
            assert_eq!(bound.lacked_by(&word, &term), one_by_one, "{a} / {b}");
        }
    }
}

#[test]
fn a_bounded_similarity_is_the_whole_one_where_it_reaches_the_least() {
    let words = [
        "ネットワーク",
        "ﾈｯﾄﾜｰｸ",
        "暗唱番号",
        "暗証番号",
        "番号",
        "kitten",
        "sitting",
        "abcd",
        "dcba",
        "oqsfaceaqp",
        "OQSFaceApp",
        "証明書",
        "電子証明書の有効期限",
        "カ",
        "",
    ];
    for a in words {
        let word = Needle::new(a);
        let bound = WordBound::of(&word);
        for b in words {
            let term = Needle::new(b);
            let whole = similarity(&word, &term);
            let term_shape = TermShape::of(term.chars().iter().copied());
            for least in [0, 1, 250, 500, 501, 667, 750, 1000] {
                // The shapes never rule out a term alike enough.
                assert!(
                    whole < least || bound.may_be_alike(&word, &term_shape, least),
                    "{a} / {b} at least {least}"
                );
                assert_eq!(
                    similarity_at_least(&word, &term, least),
                    Some(whole).filter(|s| *s >= least),
                    "{a} / {b} at least {least}"
                );
            }
        }
    }
}

#[test]
fn the_nearest_words_keep_the_best_five_each_once() {
    let mut nearest = NearestWords {
        words: [("", 0); NearestWords::CAPACITY],
    };
    let words = |n: &NearestWords<'static>| n.iter().collect::<Vec<_>>();
    // Less than half alike: not offered; half: offered.
    nearest.offer("遠い", 499);
    nearest.offer("半分", 500);
    assert_eq!(words(&nearest), ["半分"]);
    // Best first; among equals, the first offered first.
    nearest.offer("近い", 900);
    nearest.offer("同点", 500);
    assert_eq!(words(&nearest), ["近い", "半分", "同点"]);
    // A word folded alike is kept once, with its better score.
    nearest.offer("ﾛｯｸ", 600);
    nearest.offer("ロック", 800);
    nearest.offer("ろっく", 700);
    nearest.offer("ロック", 800);
    assert_eq!(words(&nearest), ["近い", "ロック", "半分", "同点"]);
    // Full: a better word pushes the worst out; one no better than the worst is not
    // taken.
    nearest.offer("五つ目", 650);
    nearest.offer("六つ目", 950);
    assert_eq!(
        words(&nearest),
        ["六つ目", "近い", "ロック", "五つ目", "半分"]
    );
    nearest.offer("七つ目", 500);
    assert_eq!(
        words(&nearest),
        ["六つ目", "近い", "ロック", "五つ目", "半分"]
    );
}

/// A table of two codes and three rows, folded as codegen folds one.
static TEXTS: [&str; 8] = [
    "カドリダ",
    "",
    "カドリダノエラ",
    "ネットワクエラ",
    "ネットワクガ接続デキナイ",
    "ランケブルヲ確認スル",
    "暗証番号ガロックサレタ",
    "窓口",
];
static INDEX: Index<'static> = Index {
    texts: &TEXTS,
    code_texts: &[[0, 1, 2], [6, 1, 3]],
    row_texts: &[[3, 4, 5, 7, 1], [3, 6, 5, 7, 1], [3, 4, 1, 7, 1]],
    row_codes: &[0, 1, 1],
    callers_words: &[("PIN", &["暗証番号"]), ("LAN", &["ネットワーク"])],
    folded_callers_words: &["pin", "lan"],
    // `callers_word_chars` of each: p, i, n and l, a, n (`INDEX.is_sound()` checks them).
    folded_callers_chars: &[
        1 << b'p' | 1 << b'i' | 1 << b'n',
        1 << b'l' | 1 << b'a' | 1 << b'n',
    ],
    postings: None,
};

fn search<'q>(query: &'q str) -> (Result<Outcome<'q>, SearchError>, [u16; 3]) {
    search_in(&INDEX, query, &mut [0; TEXTS.len()])
}

/// A search of a three-row index, given the texts' buffer.
fn search_in<'q, S: AsRef<str>, L: AsRef<[S]>>(
    index: &Index<'q, S, L>,
    query: &'q str,
    texts: &mut [u32],
) -> (Result<Outcome<'q>, SearchError>, [u16; 3]) {
    let mut found = [[0; FIELDS]; 3];
    let mut scores = [0; 3];
    let mut order = [0; 3];
    let rows = Rows {
        texts,
        found: &mut found,
        scores: &mut scores,
        order: &mut order,
    };
    let outcome = Outcome::new(index, query, rows);
    (outcome, order)
}

#[test]
fn an_index_of_owned_texts_finds_what_one_of_borrowed_texts_does() {
    use std::borrow::ToOwned;
    use std::string::String;
    let texts: Vec<String> = TEXTS.iter().map(|t| (*t).to_owned()).collect();
    let callers: Vec<(String, Vec<String>)> = INDEX
        .callers_words
        .iter()
        .map(|(c, words)| {
            (
                (*c).to_owned(),
                words.iter().map(|w| (*w).to_owned()).collect(),
            )
        })
        .collect();
    let folded: Vec<String> = INDEX
        .folded_callers_words
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
    let owned = Index {
        texts: &texts,
        code_texts: INDEX.code_texts,
        row_texts: INDEX.row_texts,
        row_codes: INDEX.row_codes,
        callers_words: &callers,
        folded_callers_words: &folded,
        folded_callers_chars: INDEX.folded_callers_chars,
        postings: None,
    };
    assert!(owned.is_sound());
    for query in [
        "ネットワーク",
        "PIN ロック",
        "暗証番号がロックされた",
        "ランケーブル",
        "無い",
    ] {
        let (borrowed, borrowed_order) = search_in(&INDEX, query, &mut [0; TEXTS.len()]);
        let (from_owned, owned_order) = search_in(&owned, query, &mut [0; TEXTS.len()]);
        let (borrowed, from_owned) = (borrowed.unwrap(), from_owned.unwrap());
        assert_eq!(borrowed.words(), from_owned.words(), "{query}");
        assert_eq!(borrowed.shown(), from_owned.shown(), "{query}");
        assert_eq!(borrowed_order, owned_order, "{query}");
    }
}

fn shown(query: &str) -> Vec<u16> {
    let (outcome, order) = search(query);
    order[..outcome.unwrap().shown()].to_vec()
}

#[test]
fn typed_words_find_the_rows_that_hold_them_all() {
    // In every row's kind; in rows 1 and 2 by their code's message (6), row 2's
    // cause (3) too, row 0 by its cause alone.
    assert_eq!(shown("ネットワーク"), [2, 1, 0]);
    // 暗証番号 is in code 1's heading (rows 1 and 2) and row 1's cause: row 1 first.
    assert_eq!(shown("暗証番号"), [1, 2]);
    assert_eq!(shown("ﾈｯﾄﾜｰｸ 接続"), [2, 0]);
    let (outcome, _) = search("PIN");
    let outcome = outcome.unwrap();
    assert!(!outcome.is_split());
    assert_eq!(
        outcome.taken_for().collect::<Vec<_>>(),
        [("PIN", "暗証番号")]
    );
    assert_eq!(search(" ー\u{200B} ").0.unwrap_err(), SearchError::Empty);
}

/// How well the best row fits a sentence ([`Outcome::fit`]).
fn best_fit(query: &str) -> u32 {
    let mut texts = [0; TEXTS.len()];
    let mut found = [[0; FIELDS]; 3];
    let mut scores = [0; 3];
    let mut order = [0; 3];
    let rows = Rows {
        texts: &mut texts,
        found: &mut found,
        scores: &mut scores,
        order: &mut order,
    };
    let outcome = Outcome::new(&INDEX, query, rows).unwrap();
    outcome.fit(&found[usize::from(order[0])])
}

#[test]
fn a_word_found_nowhere_lowers_the_fit_and_a_lone_kanji_does_not() {
    let plain = best_fit("暗証番号がロックされた");
    // `電話` is a word the table lacks; `言` of `言われた`, a verb's stem, says little.
    assert!(best_fit("暗証番号がロックされたと電話") < plain);
    assert_eq!(best_fit("暗証番号がロックされたと言われた"), plain);
}

#[test]
fn a_sentence_ranks_rows_by_its_telling_words() {
    let (outcome, order) = search("暗証番号がロックされて窓口に電話した");
    let outcome = outcome.unwrap();
    assert!(outcome.is_split());
    // Row 1 holds 暗証番号 and ロック in its cause, 窓口 in its contact.
    assert_eq!(order[0], 1);
    assert_eq!(outcome.unknown_words(), ["電話"]);
}

#[test]
fn a_row_at_exactly_half_the_best_score_is_shown() {
    // 閉塞 and ロック each in two of three causes: one weight. Row 0 holds both, rows 1
    // and 2 one each, in the same field: each scores exactly half of row 0.
    static TEXTS: [&str; 4] = ["", "閉塞ロック", "閉塞", "ロック"];
    let index: Index = Index {
        texts: &TEXTS,
        code_texts: &[[0, 0, 0]],
        row_texts: &[[0, 1, 0, 0, 0], [0, 2, 0, 0, 0], [0, 3, 0, 0, 0]],
        row_codes: &[0, 0, 0],
        callers_words: &[],
        folded_callers_words: &[],
        folded_callers_chars: &[],
        postings: None,
    };
    assert!(index.is_sound());
    let (outcome, order) = search_in(&index, "閉塞とロック", &mut [0; TEXTS.len()]);
    let outcome = outcome.unwrap();
    assert!(outcome.is_split());
    assert_eq!(order[..outcome.shown()], [0, 1, 2]);
    // One word more in row 0 (ネット, in no other row): rows 1 and 2 fall below half.
    static MORE: [&str; 4] = ["", "閉塞ロックネット", "閉塞", "ロック"];
    let index = Index {
        texts: &MORE,
        ..index
    };
    let (outcome, order) = search_in(&index, "閉塞とロックとネット", &mut [0; MORE.len()]);
    assert_eq!(order[..outcome.unwrap().shown()], [0]);
}

#[test]
fn each_word_is_searched_once_and_none_that_folds_to_nothing() {
    // 暗証番号 typed after PIN, which stands for it: searched once.
    let (outcome, _) = search("PIN 暗証番号");
    assert_eq!(outcome.unwrap().words(), ["PIN", "暗証番号"]);
    // A sentence whose first term, ーーー, folds to nothing: left out, and no group
    // is closed before a word is in it.
    let (outcome, order) = search("ーーー、暗証番号がロックされた");
    let outcome = outcome.unwrap();
    assert_eq!(outcome.words(), ["暗証番号", "ロック"]);
    assert_eq!(outcome.word_groups().collect::<Vec<_>>(), [0, 1]);
    assert_eq!(order[0], 1);
}

#[test]
fn an_index_is_sound_only_when_every_place_is_within_it() {
    assert!(INDEX.is_sound());
    assert_eq!((INDEX.row_count(), INDEX.text_count()), (3, TEXTS.len()));
    let unsound = [
        // A code's text just past the last text.
        Index {
            code_texts: &[[0, 1, 2], [6, 1, 8]],
            ..INDEX
        },
        // A row's text just past the last text.
        Index {
            row_texts: &[[3, 4, 5, 7, 1], [3, 6, 5, 7, 8], [3, 4, 1, 7, 1]],
            ..INDEX
        },
        // A row without its code.
        Index {
            row_codes: &[0, 1],
            ..INDEX
        },
        // A code just past the last code.
        Index {
            row_codes: &[0, 1, 2],
            ..INDEX
        },
        // A caller's word not folded.
        Index {
            folded_callers_words: &["pin"],
            ..INDEX
        },
        // The characters of a caller's word not its own.
        Index {
            folded_callers_chars: &[0, 0],
            ..INDEX
        },
    ];
    for (n, index) in unsound.iter().enumerate() {
        assert!(!index.is_sound(), "case {n}");
    }
}

#[test]
fn an_unsound_index_misses_the_rows_outside_and_does_not_panic() {
    // Row 1's code and row 2's cause fall outside the index.
    let broken = Index {
        row_codes: &[0, 5, 1],
        row_texts: &[[3, 4, 5, 7, 1], [3, 6, 5, 7, 1], [3, 99, 1, 7, 1]],
        ..INDEX
    };
    assert!(!broken.is_sound());
    assert!(INDEX.is_sound());
    let (outcome, order) = search_in(&broken, "ネットワーク", &mut [0; TEXTS.len()]);
    // Row 2 by its kind and its code's message; row 0 by its kind and cause.
    assert_eq!(order[..outcome.unwrap().shown()], [2, 0]);
    // A texts buffer too short: the texts past it are not searched.
    let (outcome, _) = search_in(&INDEX, "ネットワーク", &mut [0; 3]);
    assert_eq!(outcome.unwrap().shown(), 0);
}

#[test]
fn the_nearest_words_are_the_texts_terms_most_alike() {
    let (outcome, _) = search("証明書類");
    let outcome = outcome.unwrap();
    assert_eq!(outcome.shown(), 0);
    assert_eq!(outcome.unknown_words(), ["証明書類"]);
    let texts = ["証明書の期限", "証明", "ネットワーク"].into_iter();
    let nearest: Vec<_> = outcome.nearest_words(texts).iter().collect();
    // The parts of the term found nowhere are searched for too: 証明 is one.
    assert_eq!(outcome.words(), ["証明書類", "証明", "明書", "書類"]);
    assert_eq!(nearest, ["証明", "証明書"]);
}

#[test]
fn the_nearest_words_among_terms_met_once_are_those_of_the_texts() {
    let texts = [
        "証明書の期限 証明書類 証明",
        "証明書ノ期限が切れた",
        "明書 書類 証明書",
        "証明書類",
        "ショウメイショ 証書 類",
    ];
    let mut met: Vec<&str> = Vec::new();
    for term in texts.iter().flat_map(|t| terms(t)) {
        if !met.contains(&term) {
            met.push(term);
        }
    }
    assert!(met.len() < texts.iter().flat_map(|t| terms(t)).count());
    for query in ["証明書類", "証明書顛", "期限切", "ショウメイ"] {
        let (outcome, _) = search(query);
        let outcome = outcome.unwrap();
        let of_texts: Vec<_> = outcome.nearest_words(texts.into_iter()).iter().collect();
        let among: Vec<_> = outcome.nearest_among(met.iter().copied()).iter().collect();
        assert_eq!(of_texts, among, "{query}");
        let folds: Vec<std::string::String> = met
            .iter()
            .map(|t| crate::fold::folded(t).collect())
            .collect();
        let folded_pairs = met
            .iter()
            .zip(&folds)
            .map(|(term, folded)| (*term, folded.as_str(), TermShape::of(folded.chars())));
        let among_folded: Vec<_> = outcome
            .nearest_among_folded(folded_pairs.clone())
            .iter()
            .collect();
        assert_eq!(of_texts, among_folded, "{query}");
        let (pairs, shapes): (Vec<_>, Vec<_>) = folded_pairs
            .map(|(term, folded, shape)| ((term, folded), shape))
            .unzip();
        let among_shaped: Vec<_> = outcome
            .nearest_among_shaped(&pairs, &shapes)
            .iter()
            .collect();
        assert_eq!(of_texts, among_shaped, "{query}");
        assert!(!among.is_empty(), "{query}");
    }
}

#[test]
fn words_said_together_are_read_where_each_is_in_the_sentence() {
    let index: Index = Index {
        callers_words: &[("窓口+ロック", &["暗証番号"])],
        folded_callers_words: &["窓口+ロック"],
        folded_callers_chars: &[callers_word_chars("窓口+ロック")],
        ..INDEX
    };
    assert!(index.is_sound());
    // Both words, apart and in either order: read as the table's word.
    for sentence in ["窓口で見たらロックされていた", "ロックだと窓口から電話"]
    {
        let (outcome, _) = search_in(&index, sentence, &mut [0; TEXTS.len()]);
        let outcome = outcome.unwrap();
        assert!(outcome.words().contains(&"暗証番号"), "{sentence}");
        assert!(!outcome.words().contains(&"窓口+ロック"), "{sentence}");
    }
    // One of them alone: not read.
    let (outcome, _) = search_in(&index, "ロックされていた", &mut [0; TEXTS.len()]);
    assert!(!outcome.unwrap().words().contains(&"暗証番号"));
    assert!(!super::ranking::says_callers_word("ab", "a+"));
}

#[test]
fn a_callers_word_is_said_within_one_word_never_across_a_blank() {
    let folded: std::string::String = crate::fold::folded("ルーター").collect();
    let callers: [(&str, &[&str]); 1] = [("ルーター", &["暗証番号"])];
    let folded = [folded.as_str()];
    let index: Index = Index {
        callers_words: &callers,
        folded_callers_words: &folded,
        folded_callers_chars: &[callers_word_chars(folded[0])],
        ..INDEX
    };
    assert!(index.is_sound());
    let read = |sentence: &str| {
        let (outcome, _) = search_in(&index, sentence, &mut [0; TEXTS.len()]);
        outcome.unwrap().words().contains(&"暗証番号")
    };
    assert!(read("るーたーがこわれたかも"));
    assert!(read("窓口の るーたー が壊れた"));
    // `ル` ending one word and `タ` starting the next fold to `ルタ` without the blank.
    assert!(!read("でてる たんまつのほう"));
    assert!(!read("でてる　たんまつのほう"));
}

#[test]
fn words_said_together_typed_apart_keep_the_rows_that_hold_what_they_say() {
    let fold = |text: &str| -> std::string::String { crate::fold::folded(text).collect() };
    // Three rows that hold both words typed (`資格`, and `取得` for `取れない`); one holds
    // what they say together.
    let texts = [
        fold("資格情報の取得に失敗"),
        fold("資格取得エラー"),
        fold("資格を取得できない"),
        std::string::String::new(),
    ];
    let texts: std::vec::Vec<&str> = texts.iter().map(std::string::String::as_str).collect();
    let folded = [fold("資格+取れな"), fold("取れない")];
    let folded: std::vec::Vec<&str> = folded.iter().map(std::string::String::as_str).collect();
    let callers: [(&str, &[&str]); 2] = [
        ("資格+取れな", &["資格取得エラー"]),
        ("取れない", &["取得"]),
    ];
    let chars: std::vec::Vec<u128> = folded.iter().map(|w| callers_word_chars(w)).collect();
    let index: Index = Index {
        texts: &texts,
        code_texts: &[[3, 3, 3]],
        row_texts: &[[0, 3, 3, 3, 3], [1, 3, 3, 3, 3], [2, 3, 3, 3, 3]],
        row_codes: &[0, 0, 0],
        callers_words: &callers,
        folded_callers_words: &folded,
        folded_callers_chars: &chars,
        postings: None,
    };
    assert!(index.is_sound());
    let (outcome, order) = search_in(&index, "資格 取れない", &mut [0; 4]);
    let outcome = outcome.unwrap();
    assert!(!outcome.is_split());
    assert_eq!(&order[..outcome.shown()], [1]);
}

#[test]
fn typed_words_are_read_as_the_tables_however_many_callers_words_they_could_be() {
    // More callers' words within the typed words' characters than are listed once: each
    // typed word is read all the same, by those past the list as well.
    let spellings: std::vec::Vec<std::string::String> = (1..=200)
        .map(|n| "ロ".repeat(n % 7 + 1) + &"ク".repeat(n / 7 + 1))
        .collect();
    let mut callers: std::vec::Vec<(&str, &[&str])> = spellings
        .iter()
        .map(|w| (w.as_str(), &["窓口"][..]))
        .collect();
    callers.push(("ロック", &["暗証番号"]));
    let folded: std::vec::Vec<&str> = callers.iter().map(|(w, _)| *w).collect();
    let chars: std::vec::Vec<u128> = folded.iter().map(|w| callers_word_chars(w)).collect();
    let index: Index = Index {
        callers_words: &callers,
        folded_callers_words: &folded,
        folded_callers_chars: &chars,
        ..INDEX
    };
    assert!(index.is_sound());
    let typed_chars = crate::needle::char_bits("ロックク".chars());
    assert!(index.callers_within(typed_chars).count() > 128);
    let (outcome, _) = search_in(&index, "ロック ク", &mut [0; TEXTS.len()]);
    assert!(outcome.unwrap().words().contains(&"暗証番号"));
}

#[test]
fn the_texts_of_each_pair_find_what_reading_every_text_finds() {
    let mut starts = [0; PAIR_PLACES + 1];
    let mut lists = std::vec![0; Postings::len_for(&TEXTS)];
    let postings = Postings::write(&TEXTS, &mut starts, &mut lists).unwrap();
    // `ク` (E3 82 AF) is in texts 3, 4 and 6.
    assert_eq!(postings.texts_of(0x82, 0xAF), [3, 4, 6]);
    let looked_up = Index {
        postings: Some(postings),
        ..INDEX
    };
    assert!(looked_up.is_sound());
    for query in [
        "ネットワーク",
        "暗証番号",
        "ﾈｯﾄﾜｰｸ 接続",
        "PIN",
        "暗証番号がロックされて窓口に電話した",
        "カードリーダーのエラー",
        "3",
        "a",
        "ケーブル",
        "暗唱番号",
    ] {
        let mut read = [0; TEXTS.len()];
        let mut looked = [0; TEXTS.len()];
        let (outcome, order) = search_in(&INDEX, query, &mut read);
        let (by_pairs, by_pairs_order) = search_in(&looked_up, query, &mut looked);
        assert_eq!(read, looked, "{query}");
        assert_eq!(order, by_pairs_order, "{query}");
        let shown = |o: Result<Outcome<'_>, SearchError>| {
            o.map(|o| {
                (
                    o.shown(),
                    o.words().iter().map(|w| w.to_string()).collect::<Vec<_>>(),
                )
            })
        };
        assert_eq!(shown(outcome), shown(by_pairs), "{query}");
    }
    // Lists that leave out a text holding a pair are not sound; buffers of other lengths
    // are refused.
    let mut missing = lists.clone();
    let at = missing.iter().position(|t| *t == 6).unwrap();
    missing[at] = 5;
    let unsound = Index {
        postings: Some(Postings {
            starts: &starts,
            texts: &missing,
        }),
        ..INDEX
    };
    assert!(!unsound.is_sound());
    let mut short = std::vec![0; lists.len() - 1];
    assert!(Postings::write(&TEXTS, &mut starts, &mut short).is_none());
}

#[test]
fn a_long_vowel_mark_in_hiragana_says_a_word_of_katakana() {
    let words = |run| lengthened_words(run).collect::<Vec<_>>();
    assert_eq!(words("がめんのきーぼーどがおかしい"), ["きーぼーど"]);
    assert_eq!(words("でーたがおかしい"), ["でーた"]);
    assert_eq!(words("かーどとぱすわーど"), ["かーど", "ぱすわーど"]);
    // The whole run is a word already.
    assert!(words("ぱすわーど").is_empty());
    assert!(words("ーあいう").is_empty());
}
