//! The engine's answer to what a help desk types (`oqs_answer::Engine::answer`, as
//! `explain` and the page call it) against a plain folded substring scan of the same
//! table's texts, in one run; and the same engine without the callers' sentences' counts
//! (`generated/callers-sentences.txt`), for what ordering the first codes by them costs.
//! Each engine has answered once before timing (its index and counts are made then).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use oqs_answer::{table_texts, CallersWords, Engine, TableData};

const QUERIES: [(&str, &str); 5] = [
    ("a caller's sentence", "暗証番号を3回間違えてロックされた"),
    (
        "a long sentence",
        "患者さんの娘さんが代わりに暗証番号入れてたけど三回とも違ってて、ロックの画面になりました",
    ),
    ("two words", "暗証番号 ロック"),
    ("a code and an ID", "015 0x04000011"),
    // Found nowhere: the table's words nearest it are looked for.
    ("nowhere, with nearest words", "OQSFaceAqp"),
];

/// The texts of the table, folded once before timing.
fn folded_texts(engine: &Engine) -> Vec<String> {
    table_texts(&engine.data().table)
        .map(oqs_answer::fold)
        .collect()
}

/// How many folded texts hold every blank-separated word, folded.
fn folded_scan(texts: &[String], query: &str) -> usize {
    let words: Vec<String> = query.split_whitespace().map(oqs_answer::fold).collect();
    texts
        .iter()
        .filter(|t| words.iter().all(|w| t.contains(w.as_str())))
        .count()
}

fn bench(c: &mut Criterion) {
    let engine = oqs_explain::current().expect("the table built in");
    let words = oqs_explain::callers_words().expect("the callers' words built in");
    let without = Engine::new(
        TableData::from_json(include_str!("../../generated/table.json")).expect("table.json"),
        &CallersWords {
            sentences: Default::default(),
            ..words
        },
    );
    let texts = folded_texts(engine);
    for (_, query) in QUERIES {
        engine.answer(query);
        without.answer(query);
    }
    for (name, query) in QUERIES {
        let mut group = c.benchmark_group(format!("answer/{name}"));
        group.bench_function("folded substring scan", |b| {
            b.iter(|| folded_scan(&texts, black_box(query)))
        });
        group.bench_function("engine without the callers' sentences", |b| {
            b.iter(|| without.answer(black_box(query)).matches.len())
        });
        group.bench_function("engine", |b| {
            b.iter(|| engine.answer(black_box(query)).matches.len())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
