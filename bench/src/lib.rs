//! Support for the benchmarks: phf maps of the table (built by `build.rs` from
//! `generated/table.json`), std `HashMap`s built from the generated crate, and synthetic
//! workbooks of any size.
#![deny(missing_docs)]

use std::collections::HashMap;

use codegen::Names;
use oqs_messages::{Code, MessageId, Row, ROWS};
use oqs_messages_table::{CodeEntry, CodeNumber, ListedId, MessageIdValue as Id, Table};

include!(concat!(env!("OUT_DIR"), "/phf.rs"));

/// The lookups a vendor would otherwise write with `std::collections::HashMap`.
pub struct HashMaps {
    /// Exact message ID to its variant.
    pub ids: HashMap<u32, MessageId>,
    /// Code number to its variant.
    pub codes: HashMap<u16, Code>,
    /// (code, message ID) to its rows.
    pub pairs: HashMap<(u16, u32), Vec<&'static Row>>,
}

impl HashMaps {
    /// Built from the generated crate's table.
    pub fn new() -> Self {
        let ids = MessageId::ALL
            .iter()
            .filter(|id| id.range().is_none())
            .map(|id| (id.value(), *id))
            .collect();
        let codes = Code::ALL.iter().map(|c| (c.number(), *c)).collect();
        let mut pairs: HashMap<(u16, u32), Vec<&'static Row>> = HashMap::new();
        for row in ROWS.iter() {
            for listed in row.message_ids {
                if let oqs_messages::ListedId::Exact(id) = listed {
                    pairs
                        .entry((row.code.number(), id.value()))
                        .or_default()
                        .push(row);
                }
            }
        }
        HashMaps { ids, codes, pairs }
    }
}

impl Default for HashMaps {
    fn default() -> Self {
        Self::new()
    }
}

/// Rows a synthetic code has.
const ROWS_PER_CODE: usize = 20;

/// A table of about `rows` rows: the real table's texts, cycled, under as many codes as
/// needed (20 rows each), every row with its own message ID.
pub fn synthetic_table(real: &Table, rows: usize) -> Table {
    let texts: Vec<&oqs_messages_table::Row> = real.codes.iter().flat_map(|c| &c.rows).collect();
    let codes = rows.div_ceil(ROWS_PER_CODE);
    let mut table = Table {
        title: format!("合成テスト用一覧_{rows}.0版"),
        version: format!("{rows}.0").parse().expect("a version"),
        codes: Vec::with_capacity(codes),
        footnotes: real.footnotes.clone(),
    };
    let mut next = 0usize;
    for code in 0..codes {
        let template = &real.codes[code % real.codes.len()];
        let mut entry = CodeEntry {
            number: CodeNumber::new(code as u16 + 1).expect("at most 999 codes"),
            tags: template.tags.clone(),
            heading: template.heading.clone(),
            message: template.message.clone(),
            footnotes: template.footnotes.clone(),
            rows: Vec::new(),
        };
        for _ in 0..ROWS_PER_CODE.min(rows - next) {
            let mut row = texts[next % texts.len()].clone();
            row.message_ids = vec![ListedId::Exact(Id(0x1000_0000 + next as u32))];
            entry.rows.push(row);
            next += 1;
        }
        table.codes.push(entry);
    }
    table
}

/// Variant names for every code and range of a table: `Code001`, …
pub fn names_for(table: &Table) -> Names {
    let mut names = Names::default();
    for code in &table.codes {
        names
            .codes
            .insert(code.number, format!("Code{}", code.number));
    }
    for (start, end) in table.ranges() {
        names
            .ranges
            .insert((start, end), format!("Range{:08X}", start.value()));
    }
    names
}
