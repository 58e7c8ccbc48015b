//! `generated/table.html`: the table as one offline page for help desks, who have no
//! toolchain. Data, script and style are inside the file; nothing is fetched.
//!
//! The page is written in `page/page.html`, `page/page.css`, `page/search.js` (the search
//! by words) and `page/page.js`, put together here. Its search box reads what people paste as `oqs_messages::Query::parse`
//! reads it (full width folded, `0x` optional, a log line, the screen message `【015：…】`,
//! `マイナポータル 005`) and answers with the same rows as `explain`; the cases in
//! `tests/queries.json` check both in a real browser.

use oqs_messages_table::{History, Table};
use serde::Serialize;

use super::callers_words::CallersWords;
use super::fold;
use super::json::json;
use super::search_index::{self, SearchIndex};
use super::COMMAND;
use crate::report::{Piece, Report};

const PAGE_HTML: &str = include_str!("page/page.html");
const PAGE_CSS: &str = include_str!("page/page.css");
const PAGE_JS: &str = include_str!("page/page.js");
const SEARCH_JS: &str = include_str!("page/search.js");

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON safe inside a `<script>` element: `</script>` or `<!--` in a text cannot end or
/// change it.
fn script_safe(json: &str) -> String {
    json.trim_end()
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
}

/// One revision report as the page's 改訂履歴 shows it.
#[derive(Serialize)]
struct RevisionJson<'r> {
    from: &'r str,
    to: &'r str,
    /// (section title, its lines), the sections that have lines, in the report's order.
    sections: Vec<(&'static str, Vec<String>)>,
    rewordings: Vec<RewordingJson<'r>>,
}

/// A reworded text: where, and its pieces as `["=", kept]`, `["-", removed]`, `["+", added]`.
#[derive(Serialize)]
struct RewordingJson<'r> {
    place: &'r str,
    pieces: Vec<(&'static str, &'r str)>,
}

/// A report line without its Markdown (`**017**`, `` `0x…` ``).
fn plain(line: &str) -> String {
    line.replace("**", "").replace('`', "")
}

fn revisions_json(revisions: &[Report]) -> String {
    let list: Vec<RevisionJson<'_>> = revisions
        .iter()
        .map(|report| {
            let sections = [
                ("コードの追加", &report.codes_added),
                ("コードの削除", &report.codes_removed),
                ("メッセージIDの追加", &report.ids_added),
                ("メッセージIDの削除", &report.ids_removed),
                ("メッセージIDの移動（コード間）", &report.ids_moved),
                ("行の追加", &report.rows_added),
                ("行の削除", &report.rows_removed),
            ]
            .into_iter()
            .filter(|(_, lines)| !lines.is_empty())
            .map(|(title, lines)| (title, lines.iter().map(|l| plain(&l.ja)).collect()))
            .collect();
            let rewordings = report
                .rewordings
                .iter()
                .map(|change| RewordingJson {
                    place: &change.place.ja,
                    pieces: change
                        .pieces()
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Same(text) => ("=", text),
                            Piece::Removed(text) => ("-", text),
                            Piece::Added(text) => ("+", text),
                        })
                        .collect(),
                })
                .collect();
            RevisionJson {
                from: &report.old_version,
                to: &report.new_version,
                sections,
                rewordings,
            }
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned())
}

/// The page for a table read alone from the workbook named `source`.
pub fn html(table: &Table, source: &str) -> String {
    html_with_history(
        table,
        &History::single(table),
        &[],
        source,
        &CallersWords::default(),
    )
}

/// The page for the newest table, read from the workbook named `source`, with its history
/// and the revision reports between the versions of `spec/`, newest first.
pub fn html_with_history(
    table: &Table,
    history: &History,
    revisions: &[Report],
    source: &str,
    callers_words: &CallersWords,
) -> String {
    let index = SearchIndex::new(table);
    html_with_index(table, history, revisions, source, callers_words, &index)
}

/// The same with the table's texts already folded (a run folds them once, for
/// `src/search_index.rs` and the page).
pub fn html_with_index(
    table: &Table,
    history: &History,
    revisions: &[Report],
    source: &str,
    callers_words: &CallersWords,
    index: &SearchIndex,
) -> String {
    PAGE_HTML
        .replace("{{STYLE}}", PAGE_CSS)
        .replace("{{SEARCH_SCRIPT}}", SEARCH_JS)
        .replace("{{SCRIPT}}", PAGE_JS)
        .replace(
            "{{GENERATED}}",
            &escape(&format!(
                "@generated by `{COMMAND}` from spec/{source} (table version {}). Do not edit.",
                table.version
            )),
        )
        .replace("{{TITLE}}", &escape(&table.title))
        .replace("{{VERSION}}", &escape(table.version.as_str()))
        .replace("{{SOURCE}}", &escape(source))
        .replace("{{DATA}}", &script_safe(&json(table, history, source)))
        .replace("{{REVISIONS}}", &script_safe(&revisions_json(revisions)))
        .replace("{{UNSEEN}}", &fold::unseen_json())
        .replace("{{FOLD}}", &script_safe(&fold::tables_json()))
        .replace("{{SEARCH_INDEX}}", &script_safe(&search_index::json(index)))
        .replace("{{LOG_WORDS}}", &script_safe(&super::log_words::json()))
        .replace("{{CALLERS_WORDS}}", &script_safe(&callers_words.json()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_cannot_close_the_script() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        let table: Table = serde_json::from_str(
            r#"{"title": "T_1.0版", "version": "1.0", "codes": [], "footnotes": [{"number": 1, "marker": "※１", "text": "</script><!--"}]}"#,
        )
        .unwrap();
        let page = html(&table, "t.xlsx");
        assert!(!page.contains("</script><!--"));
        assert_eq!(
            page.matches("</script>").count(),
            page.matches("<script").count()
        );
    }
}
