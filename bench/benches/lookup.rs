//! Lookups of the generated crate against a std `HashMap` and a `phf` map built from the
//! same table, in one run: message ID by value, code by number, rows by (code, ID), and
//! parsing `"0x04000011"`. Each iteration looks up every query of a fixed mix of hits
//! (every exact ID, every code, every pair) and misses.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use oqs_messages::{Code, MessageId, ROWS};
use oqs_messages_bench::{HashMaps, PHF_CODES, PHF_IDS, PHF_PAIRS};

fn id_queries() -> Vec<u32> {
    let mut values: Vec<u32> = MessageId::ALL.iter().map(|id| id.value()).collect();
    values.extend([0x1234_5678, 0x0400_0021, 0x8100_0099, 0x0000_0000]);
    values
}

fn code_queries() -> Vec<u16> {
    let mut numbers: Vec<u16> = Code::ALL.iter().map(|c| c.number()).collect();
    numbers.extend([18, 100, 907, 999]);
    numbers
}

fn pair_queries() -> Vec<(Code, MessageId)> {
    let mut pairs = Vec::new();
    for row in ROWS.iter() {
        for listed in row.message_ids {
            if let oqs_messages::ListedId::Exact(id) = listed {
                pairs.push((row.code, *id));
            }
        }
    }
    // And a miss: a code with an ID listed only under other codes.
    let miss = Code::ALL.iter().find_map(|&code| {
        MessageId::ALL
            .iter()
            .find(|&&id| code.rows_for(id).next().is_none())
            .map(|&id| (code, id))
    });
    pairs.extend(miss);
    pairs
}

fn lookups(c: &mut Criterion) {
    let maps = HashMaps::new();
    let ids = id_queries();
    let codes = code_queries();
    let pairs = pair_queries();
    let texts: Vec<String> = ids.iter().map(|v| format!("0x{v:08X}")).collect();

    let mut group = c.benchmark_group("message_id_by_value");
    group.bench_function("generated match", |b| {
        b.iter(|| {
            ids.iter()
                .filter_map(|v| MessageId::from_value(black_box(*v)))
                .count()
        })
    });
    group.bench_function("std HashMap", |b| {
        b.iter(|| {
            ids.iter()
                .filter_map(|v| maps.ids.get(black_box(v)).copied())
                .count()
        })
    });
    group.bench_function("phf", |b| {
        b.iter(|| {
            ids.iter()
                .filter_map(|v| PHF_IDS.get(black_box(v)).copied())
                .count()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("code_by_number");
    group.bench_function("generated match", |b| {
        b.iter(|| {
            codes
                .iter()
                .filter_map(|n| Code::from_number(black_box(*n)))
                .count()
        })
    });
    group.bench_function("std HashMap", |b| {
        b.iter(|| {
            codes
                .iter()
                .filter_map(|n| maps.codes.get(black_box(n)).copied())
                .count()
        })
    });
    group.bench_function("phf", |b| {
        b.iter(|| {
            codes
                .iter()
                .filter_map(|n| PHF_CODES.get(black_box(n)).copied())
                .count()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("rows_by_code_and_id");
    group.bench_function("generated rows_for", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(code, id)| black_box(*code).rows_for(black_box(*id)).count())
                .sum::<usize>()
        })
    });
    group.bench_function("std HashMap", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(code, id)| {
                    maps.pairs
                        .get(&(black_box(code.number()), black_box(id.value())))
                        .map_or(0, Vec::len)
                })
                .sum::<usize>()
        })
    });
    group.bench_function("phf", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(code, id)| {
                    let key = (u64::from(black_box(code.number())) << 32)
                        | u64::from(black_box(id.value()));
                    PHF_PAIRS.get(&key).map_or(0, |rows| rows.len())
                })
                .sum::<usize>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("parse_message_id");
    let parse_hex = |text: &str| -> Option<u32> {
        let digits = text.strip_prefix("0x")?;
        u32::from_str_radix(digits, 16).ok()
    };
    group.bench_function("generated FromStr", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| black_box(t.as_str()).parse::<MessageId>().is_ok())
                .count()
        })
    });
    group.bench_function("std HashMap", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| {
                    parse_hex(black_box(t))
                        .and_then(|v| maps.ids.get(&v))
                        .is_some()
                })
                .count()
        })
    });
    group.bench_function("phf", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| {
                    parse_hex(black_box(t))
                        .and_then(|v| PHF_IDS.get(&v))
                        .is_some()
                })
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, lookups);
criterion_main!(benches);
