//! Builds phf maps from `generated/table.json`, the same table the generated crate holds,
//! so that the lookup benchmark compares like with like.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

fn hex(text: &str) -> u32 {
    u32::from_str_radix(text.trim_start_matches("0x"), 16).expect("a message ID")
}

fn main() {
    let table_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/table.json");
    println!("cargo:rerun-if-changed={}", table_path.display());
    let text = std::fs::read_to_string(&table_path).expect("generated/table.json");
    let table: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let codes = table["codes"].as_array().expect("codes");

    let mut ids = std::collections::BTreeSet::new();
    let mut pairs: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    let mut code_index = phf_codegen::Map::new();
    let mut row = 0usize;
    for (index, code) in codes.iter().enumerate() {
        let number: u16 = code["number"].as_str().unwrap().parse().unwrap();
        code_index.entry(number, index.to_string());
        for entry in code["rows"].as_array().unwrap() {
            for id in entry["message_ids"].as_array().unwrap() {
                if let Some(id) = id.as_str() {
                    let value = hex(id);
                    ids.insert(value);
                    let rows = pairs
                        .entry((u64::from(number) << 32) | u64::from(value))
                        .or_default();
                    rows.push(row);
                }
            }
            row += 1;
        }
    }
    let mut id_index = phf_codegen::Map::new();
    for (index, id) in ids.iter().enumerate() {
        id_index.entry(*id, index.to_string());
    }
    let mut pair_rows = phf_codegen::Map::new();
    for (key, rows) in &pairs {
        let list: Vec<String> = rows.iter().map(ToString::to_string).collect();
        pair_rows.entry(*key, format!("&[{}]", list.join(", ")));
    }
    let mut out = String::new();
    writeln!(
        out,
        "/// Exact message ID to its position in `MessageId::ALL`."
    )
    .unwrap();
    writeln!(
        out,
        "pub static PHF_IDS: phf::Map<u32, usize> = {};",
        id_index.build()
    )
    .unwrap();
    writeln!(out, "/// Code number to its position in `Code::ALL`.").unwrap();
    writeln!(
        out,
        "pub static PHF_CODES: phf::Map<u16, usize> = {};",
        code_index.build()
    )
    .unwrap();
    writeln!(
        out,
        "/// `code << 32 | id` to the positions of its rows in `ROWS`."
    )
    .unwrap();
    writeln!(
        out,
        "pub static PHF_PAIRS: phf::Map<u64, &'static [usize]> = {};",
        pair_rows.build()
    )
    .unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("phf.rs");
    std::fs::write(dest, out).unwrap();
}
