//! The search by words (`oqs_messages::search`) against two plain substring scans of the
//! same texts (each row's, its code's and the footnotes they cite), in one run: as
//! published (what Excel's Ctrl+F does: no folding, no ranking) and folded once before
//! timing (`contains` over `oqs_messages::fold::folded` texts, each word folded per query:
//! the texts the search reads from the index codegen wrote). Queries a help desk types: words found in a heading, half-width
//! katakana, sentences ranked by their terms and callers' words, a typo found by its parts,
//! and a word found nowhere (which also looks for the nearest words of the table).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use oqs_messages::fold::folded;
use oqs_messages::search::Search;
use oqs_messages::{Code, Row, FOOTNOTES, ROWS};

const QUERIES: [(&str, &str); 7] = [
    ("two words", "暗証番号 ロック"),
    ("one word in many rows", "カードリーダ"),
    ("half-width katakana", "ﾈｯﾄﾜｰｸ"),
    ("a sentence", "暗証番号がロックされたと出た"),
    ("a caller's sentence", "暗証番号を3回間違えてロックされた"),
    ("a typo, found by its parts", "暗唱番号"),
    ("nowhere, with nearest words", "OQSFaceAqp"),
];

/// A row's texts and its code's, and the footnotes it or its code cites: the texts the
/// search reads.
fn row_texts(row: &'static Row) -> impl Iterator<Item = &'static str> {
    let code = row.code;
    [
        code.heading(),
        code.message(),
        row.kind,
        row.cause,
        row.remedy,
        row.contact,
    ]
    .into_iter()
    .chain(code.tags().iter().copied())
    .chain(
        FOOTNOTES
            .iter()
            .filter(move |note| {
                let cites = |cited: &[&oqs_messages::Footnote]| {
                    cited.iter().any(|n| n.number == note.number)
                };
                cites(row.footnotes) || cites(code.footnotes())
            })
            .map(|n| n.text),
    )
}

/// The rows whose texts (or their code's) hold every blank-separated word as typed.
fn plain_scan(query: &str) -> usize {
    let words: Vec<&str> = query.split_whitespace().collect();
    let holds = |row: &'static Row, word: &str| row_texts(row).any(|text| text.contains(word));
    ROWS.iter()
        .filter(|row| words.iter().all(|w| holds(row, w)))
        .count()
}

/// Every row's texts and its code's, each folded, once before timing.
fn folded_rows() -> Vec<Vec<String>> {
    ROWS.iter()
        .map(|row| row_texts(row).map(|text| folded(text).collect()).collect())
        .collect()
}

/// The rows whose folded texts hold every blank-separated word, folded.
fn folded_scan(rows: &[Vec<String>], query: &str) -> usize {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| folded(w).collect())
        .collect();
    rows.iter()
        .filter(|texts| {
            words
                .iter()
                .all(|w| texts.iter().any(|t| t.contains(w.as_str())))
        })
        .count()
}

fn search(query: &str) -> usize {
    let search = Search::new(query).expect("words");
    let found = search.matches().count();
    if found == 0 {
        return search.nearest_words().count();
    }
    found
}

fn bench(c: &mut Criterion) {
    assert!(Code::ALL.len() > 1);
    let rows = folded_rows();
    for (name, query) in QUERIES {
        let mut group = c.benchmark_group(format!("search/{name}"));
        group.bench_function("plain substring scan", |b| {
            b.iter(|| plain_scan(black_box(query)))
        });
        group.bench_function("folded substring scan", |b| {
            b.iter(|| folded_scan(&rows, black_box(query)))
        });
        group.bench_function("oqs_messages::search", |b| {
            b.iter(|| search(black_box(query)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
