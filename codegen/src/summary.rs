//! The one-screen summary printed after a run.

use oqs_messages_table::unseen::escape;

use crate::reading::Reading;

/// The one-screen summary printed after a run, then every notice.
pub fn summary(reading: &Reading) -> String {
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
