//! Every version of the table read: since when each code and message ID is listed, what
//! the newest version withdrew (with the texts it last had), what it added, and what each
//! revision changed ([`crate::report`], with reworded texts [`diff`](crate::report::diff)ed
//! character by character).
//!
//! The newest table makes the typed outputs as if read alone; the older ones only add
//! this history.

use std::collections::BTreeMap;

use oqs_messages_table::{
    CodeListing, CodeNumber, Footnote, History, IdListing, ListedId, RowPlace, Table, Version,
    WithdrawnCode, WithdrawnId, WithdrawnRow,
};

use crate::report::{rows, Report};

/// The history of `tables`, oldest first; the last is the newest, whose history this is.
/// With one table: one version, nothing withdrawn, nothing added.
pub fn history(tables: &[&Table]) -> History {
    let Some((newest, _)) = tables.split_last() else {
        return History::default();
    };
    let versions: Vec<Version> = tables.iter().map(|t| t.version.clone()).collect();
    let mut history = History {
        versions,
        codes: code_listings(tables),
        message_ids: id_listings(tables),
        ..History::default()
    };
    history.withdrawn_codes = withdrawn_codes(tables, &history);
    history.withdrawn_ids = withdrawn_ids(tables, &history);
    if let [.., previous, _] = tables {
        history.rows_added = rows_added(previous, newest);
    }
    history
}

/// The revision reports between each pair of consecutive tables, newest first.
pub fn revisions(tables: &[&Table]) -> Vec<Report> {
    let mut reports: Vec<Report> = tables
        .windows(2)
        .map(|pair| Report::compare(pair[0], pair[1]))
        .collect();
    reports.reverse();
    reports
}

fn code_listings(tables: &[&Table]) -> Vec<CodeListing> {
    let newest = tables.last().expect("at least one table");
    // The newest version's order first, then the withdrawn codes by number.
    let mut order: Vec<CodeNumber> = newest.codes.iter().map(|c| c.number).collect();
    let mut withdrawn: Vec<CodeNumber> = tables
        .iter()
        .flat_map(|t| t.codes.iter().map(|c| c.number))
        .filter(|n| !order.contains(n))
        .collect();
    withdrawn.sort();
    withdrawn.dedup();
    order.extend(withdrawn);
    order
        .into_iter()
        .map(|number| CodeListing {
            number,
            listed_in: tables
                .iter()
                .filter(|t| t.code(number).is_some())
                .map(|t| t.version.clone())
                .collect(),
        })
        .collect()
}

fn id_listings(tables: &[&Table]) -> Vec<IdListing> {
    let mut listed: BTreeMap<ListedId, Vec<Version>> = BTreeMap::new();
    for table in tables {
        for id in table.listed_ids() {
            listed.entry(id).or_default().push(table.version.clone());
        }
    }
    listed
        .into_iter()
        .map(|(id, listed_in)| IdListing { id, listed_in })
        .collect()
}

/// The table of the last version that lists an entry, and the version after it.
fn last_listing<'t>(tables: &[&'t Table], listed_in: &[Version]) -> Option<(&'t Table, Version)> {
    let last = listed_in.last()?;
    let index = tables.iter().position(|t| &t.version == last)?;
    let after = tables.get(index + 1)?;
    Some((tables[index], after.version.clone()))
}

/// The footnotes of `table` that `numbers` cite, in the table's order.
fn cited(table: &Table, numbers: &[u8]) -> Vec<Footnote> {
    table
        .footnotes
        .iter()
        .filter(|n| numbers.contains(&n.number))
        .cloned()
        .collect()
}

fn withdrawn_codes(tables: &[&Table], history: &History) -> Vec<WithdrawnCode> {
    history
        .codes
        .iter()
        .filter_map(|listing| {
            let (table, removed_in) = last_listing(tables, &listing.listed_in)?;
            let entry = table.code(listing.number)?.clone();
            let numbers: Vec<u8> = entry
                .footnotes
                .iter()
                .chain(entry.rows.iter().flat_map(|r| &r.footnotes))
                .copied()
                .collect();
            Some(WithdrawnCode {
                last_version: table.version.clone(),
                removed_in,
                footnotes: cited(table, &numbers),
                entry,
            })
        })
        .collect()
}

fn withdrawn_ids(tables: &[&Table], history: &History) -> Vec<WithdrawnId> {
    history
        .message_ids
        .iter()
        .filter_map(|listing| {
            let (table, removed_in) = last_listing(tables, &listing.listed_in)?;
            let mut rows = Vec::new();
            let mut numbers = Vec::new();
            for code in &table.codes {
                for (index, row) in code.rows.iter().enumerate() {
                    if row.message_ids.contains(&listing.id) {
                        numbers.extend(row.footnotes.iter().copied());
                        rows.push(WithdrawnRow {
                            code: code.number,
                            heading: code.heading.clone(),
                            number: index + 1,
                            row: row.clone(),
                        });
                    }
                }
            }
            Some(WithdrawnId {
                id: listing.id,
                last_version: table.version.clone(),
                removed_in,
                rows,
                footnotes: cited(table, &numbers),
            })
        })
        .collect()
}

fn rows_added(previous: &Table, newest: &Table) -> Vec<RowPlace> {
    let mut added = Vec::new();
    for code in &newest.codes {
        let Some(before) = previous.code(code.number) else {
            continue;
        };
        for (index, _) in rows::pair_rows(&before.rows, &code.rows).added {
            added.push(RowPlace {
                code: code.number,
                row: index + 1,
            });
        }
    }
    added
}
