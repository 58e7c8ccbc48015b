//! Codegen (read, check and render the table) on the 1.25 workbook and on synthetic
//! workbooks of 1k and 10k rows built here; time per row should stay flat (linear growth).

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use oqs_messages_bench::{names_for, synthetic_table};

fn real_workbook() -> PathBuf {
    codegen::spec_workbook("1.25").expect("the 1.25 workbook in spec/")
}

fn run(path: &Path, names_file: &Path) -> usize {
    let reading = codegen::read_workbook(path).unwrap();
    let names = codegen::Names::load(names_file).unwrap();
    reading
        .render(&names, names_file)
        .unwrap()
        .iter()
        .map(|f| f.contents.len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("oqs-messages-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let real = real_workbook();
    let real_table = codegen::read_workbook(&real).unwrap().table;
    let mut inputs = vec![(real_table.stats().rows, real, codegen::default_names_file())];
    for rows in [1_000, 10_000] {
        let table = synthetic_table(&real_table, rows);
        let path = dir.join(format!("synthetic_{rows}.0版.xlsx"));
        oqs_messages_tests::write_table(&table, &path).unwrap();
        let names = names_for(&table);
        let names_file = dir.join(format!("names_{rows}.toml"));
        let mut text = String::from("[codes]\n");
        for (number, name) in &names.codes {
            text.push_str(&format!("{number} = \"{name}\"\n"));
        }
        std::fs::write(&names_file, text).unwrap();
        inputs.push((rows, path, names_file));
    }
    let mut group = c.benchmark_group("codegen");
    group.sample_size(10);
    for (rows, path, names) in &inputs {
        group.throughput(Throughput::Elements(*rows as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{rows} rows")),
            path,
            |b, path| b.iter(|| run(path, names)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
