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
        .render(&names, names_file, codegen::render::view::FIRST_RELEASE)
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

/// Every workbook of a `spec/` read with the history of the older ones rendered: one version
/// against ten (the 1.25 workbook and nine revisions of it, each rewording a message and
/// the last withdrawing a code), so that the cost per version shows (it should stay flat).
fn bench_versions(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("oqs-messages-bench-versions");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let real = real_workbook();
    let names_file = codegen::default_names_file();
    let mut table = codegen::read_workbook(&real).unwrap().table;
    let mut files = vec![real];
    for revision in 1..10 {
        table = oqs_messages_tests::workspace::next_version(&table);
        table.codes[0].message = format!("{}（改訂{revision}）", table.codes[0].message);
        if revision == 9 {
            table.codes.pop();
        }
        let path = dir.join(format!("一覧_{}版.xlsx", table.version));
        oqs_messages_tests::write_table(&table, &path).unwrap();
        files.push(path);
    }
    let mut group = c.benchmark_group("codegen versions");
    group.sample_size(10);
    for count in [1, 10] {
        let inputs = &files[..count];
        group.throughput(Throughput::Elements(count as u64));
        // No crate there: the packages at the first release, nothing read from an output.
        let out = std::env::temp_dir().join("oqs-bench-no-output");
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{count} versions")),
            inputs,
            |b, inputs| {
                b.iter(|| {
                    let (_, rendered) =
                        codegen::generate(inputs, &names_file, false, &out).unwrap();
                    rendered.iter().map(|f| f.contents.len()).sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench, bench_versions);
criterion_main!(benches);
