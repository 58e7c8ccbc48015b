//! The search by words (`oqs_messages::search`) against a plain substring scan of the same
//! texts (what Excel's Ctrl+F does: no folding, no ranking), in one run, on queries a help
//! desk types: words found in a heading, half-width katakana, a sentence split into its
//! terms, and words found nowhere (which also look for the nearest words of the table).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use oqs_messages::search::Search;
use oqs_messages::{Code, Row, FOOTNOTES, ROWS};

const QUERIES: [(&str, &str); 5] = [
    ("two words", "暗証番号 ロック"),
    ("one word in many rows", "カードリーダ"),
    ("half-width katakana", "ﾈｯﾄﾜｰｸ"),
    ("a sentence", "暗証番号がロックされたと出た"),
    ("nowhere, with nearest words", "暗唱番号"),
];

/// The rows whose texts (or their code's) hold every blank-separated word as typed.
fn plain_scan(query: &str) -> usize {
    let words: Vec<&str> = query.split_whitespace().collect();
    let holds = |row: &Row, word: &str| {
        let code = row.code;
        [
            code.heading(),
            code.message(),
            row.kind,
            row.cause,
            row.remedy,
            row.contact,
        ]
        .iter()
        .chain(code.tags())
        .chain(FOOTNOTES.iter().map(|n| &n.text))
        .any(|text| text.contains(word))
    };
    ROWS.iter()
        .filter(|row| words.iter().all(|w| holds(row, w)))
        .count()
}

fn search(query: &str) -> usize {
    let search = Search::new(query).expect("words");
    let found = search.matches().count();
    if found == 0 {
        return search.nearest_words().iter().count();
    }
    found
}

fn bench(c: &mut Criterion) {
    assert!(Code::ALL.len() > 1);
    for (name, query) in QUERIES {
        let mut group = c.benchmark_group(format!("search/{name}"));
        group.bench_function("plain substring scan", |b| {
            b.iter(|| plain_scan(black_box(query)))
        });
        group.bench_function("oqs_messages::search", |b| {
            b.iter(|| search(black_box(query)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
