//! The one-screen summary printed after a run.

use oqs_messages_table::unseen::escape;

use crate::versions::Versions;
use crate::workbook::Workbook;

/// The one-screen summary printed after a run, then every notice.
pub fn summary(reading: &Workbook) -> String {
    let stats = reading.table.stats();
    let mut out = format!(
        "workbook     {}\n\
         title        {} ({})\n\
         version      {}\n\
         codes        {}\n\
         rows         {} ({} without a message ID)\n\
         message IDs  {} distinct exact IDs, {} range{}\n\
         footnotes    {}",
        reading.file.display(),
        reading.table.title,
        reading.title_cell,
        reading.table.version,
        stats.codes,
        stats.rows,
        stats.rows_without_id,
        stats.message_ids,
        stats.ranges,
        if stats.ranges == 1 { "" } else { "s" },
        stats.footnotes,
    );
    if reading.notices.is_empty() {
        out.push_str("\nnot read     nothing: every cell was read as published");
    } else {
        out.push_str(&format!(
            "\nnot read     {} place{} (hidden, struck through, repeated or folded; --strict refuses them):",
            reading.notices.len(),
            if reading.notices.len() == 1 { "" } else { "s" }
        ));
        for notice in &reading.notices {
            out.push_str(&format!("\n  {notice}"));
        }
    }
    // The title and the file name are texts of the workbook too.
    escape(&out)
}

/// Lines under a summary's heading, indented past its label.
fn indented(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| format!("             {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lines of `spec/names.toml` that no version in `spec/` uses any more, for the
/// summary: each can be removed.
pub fn unused_names(
    versions: &Versions,
    names: &crate::render::names::Names,
    names_file: &std::path::Path,
) -> Option<String> {
    let unused = names.unused(&versions.tables());
    (!unused.is_empty()).then(|| {
        format!(
            "names        {} line(s) of {} name what no version in spec/ lists; remove them:\n{}",
            unused.len(),
            names_file.display(),
            indented(&unused)
        )
    })
}

/// The entries of `spec/callers-words.toml` whose table words no text of the newest
/// table holds any more, and its `[elsewhere]` words that a text now holds, for the
/// summary: each to reword or remove.
pub fn stale_callers_words(
    versions: &Versions,
    names: &crate::render::names::Names,
    names_file: &std::path::Path,
) -> Option<String> {
    let newest = versions.newest();
    let file = names_file.with_file_name(crate::render::callers_words::FILE_NAME);
    let stale = names.callers_words.stale(&newest.table);
    let held = names.callers_words.elsewhere_held(&newest.table);
    let mut parts = Vec::new();
    if !stale.is_empty() {
        parts.push(format!(
            "callers      {} entr(y/ies) of {} stand for words no text of {} holds (missing after the colon); reword or remove them:\n{}",
            stale.len(),
            file.display(),
            newest.table.version,
            indented(&stale)
        ));
    }
    if !held.is_empty() {
        parts.push(format!(
            "elsewhere    {} word(s) of [elsewhere] in {} are written in {}, so they no longer name what it does not answer (left out of the search); remove them:\n{}",
            held.len(),
            file.display(),
            newest.table.version,
            indented(&held)
        ));
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// The versions read and what the newest no longer lists, for the summary.
pub fn history_summary(versions: &Versions) -> String {
    let history = versions.history();
    let read: Vec<String> = versions
        .readings()
        .iter()
        .map(|r| r.table.version.to_string())
        .collect();
    let mut out = format!("versions     {}", read.join(", "));
    if read.len() == 1 {
        out.push_str(" (no older workbook: nothing withdrawn)");
        return out;
    }
    let codes: Vec<String> = history
        .withdrawn_codes
        .iter()
        .map(|c| format!("{} (in {})", c.entry.number, c.removed_in))
        .collect();
    let ids: Vec<String> = history
        .withdrawn_ids
        .iter()
        .map(|i| format!("{} (in {})", i.id, i.removed_in))
        .collect();
    let none = || "none".to_owned();
    out.push_str(&format!(
        "\nwithdrawn    codes: {}; message IDs: {}",
        if codes.is_empty() {
            none()
        } else {
            codes.join(", ")
        },
        if ids.is_empty() {
            none()
        } else {
            ids.join(", ")
        },
    ));
    out
}
