//! `generated/table.html`: the table as one offline page for help desks, who have no
//! toolchain. Data, engine, script and style are inside the file; nothing is fetched.
//!
//! The page is written in `page/page.html`, `page/page.css` and `page/page.js`, put
//! together here with the table (`table.json`), the callers' words and the engine
//! (`generated/engine.wasm`, `oqs-answer` compiled to WebAssembly, see [`crate::engine`]),
//! which reads what is typed and answers exactly as `explain` does (the same Rust); the
//! script draws what the engine says. The cases of `tests/queries.json` check both in a
//! real browser. The revision history (改訂履歴) is drawn here, once.

use base64::Engine as _;
use oqs_answer::page::{escape, render_page, write_text};
use oqs_answer::{Lang, TableData};
use oqs_messages_table::{History, Table};

use super::callers_words::CallersWords;
use super::COMMAND;
use crate::report::{Piece as DiffPiece, Report};

const PAGE_HTML: &str = include_str!("page/page.html");
const PAGE_CSS: &str = include_str!("page/page.css");
const PAGE_JS: &str = include_str!("page/page.js");
const LOAD_JS: &str = include_str!("page/load.js");

/// A text as HTML, every character no one can see shown as a symbol that names it, as the
/// answers show the table's texts.
fn text_html(text: &str) -> String {
    let mut out = String::new();
    write_text(&mut out, text, &[]);
    out
}

/// 改訂履歴: what each revision between the versions of `spec/` changed, newest first, with
/// each reworded text before and after, the changed characters marked. Empty with one
/// version.
fn revisions_html(revisions: &[Report]) -> String {
    if revisions.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2>改訂履歴</h2>\n");
    for report in revisions {
        out.push_str("<section class=\"revision\">\n");
        out.push_str(&format!(
            "<h3>{} 版 → {} 版</h3>\n",
            escape(&report.old_version),
            escape(&report.new_version)
        ));
        let sections = [
            ("コードの追加", &report.codes_added),
            ("コードの削除", &report.codes_removed),
            ("メッセージIDの追加", &report.ids_added),
            ("メッセージIDの削除", &report.ids_removed),
            ("メッセージIDの移動（コード間）", &report.ids_moved),
            ("行の追加", &report.rows_added),
            ("行の削除", &report.rows_removed),
        ];
        for (title, lines) in sections.into_iter().filter(|(_, l)| !l.is_empty()) {
            out.push_str(&format!("<h4>{title}</h4>\n<ul>\n"));
            for line in lines {
                out.push_str(&format!("<li>{}</li>\n", text_html(&plain(&line.ja))));
            }
            out.push_str("</ul>\n");
        }
        if !report.rewordings.is_empty() {
            out.push_str("<h4>文言の変更</h4>\n");
        }
        for change in &report.rewordings {
            let (mut before, mut after) = (String::new(), String::new());
            for piece in change.pieces() {
                match piece {
                    DiffPiece::Same(text) => {
                        before.push_str(&text_html(text));
                        after.push_str(&text_html(text));
                    }
                    DiffPiece::Removed(text) => {
                        before.push_str(&format!("<del>{}</del>", text_html(text)))
                    }
                    DiffPiece::Added(text) => {
                        after.push_str(&format!("<ins>{}</ins>", text_html(text)))
                    }
                }
            }
            out.push_str(&format!(
                "<div class=\"rewording\"><p class=\"place\">{}</p>\
                 <p class=\"before\"><span class=\"label\">変更前: </span>{before}</p>\
                 <p class=\"after\"><span class=\"label\">変更後: </span>{after}</p></div>\n",
                text_html(&change.place.ja)
            ));
        }
        out.push_str("</section>\n");
    }
    out
}

/// A report line without its Markdown (`**017**`, `` `0x…` ``).
fn plain(line: &str) -> String {
    line.replace("**", "").replace('`', "")
}

/// The page for a table read alone from the workbook named `source`.
pub fn html(table: &Table, source: &str) -> String {
    html_with_history(
        table,
        &History::single(table),
        &[],
        source,
        &CallersWords::default(),
        "",
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
    callers_sentences: &str,
) -> String {
    // The data travels inside the module, inflated with it: the table, the callers' words
    // and their sentences' counts take a fifth of their size in the page so.
    let data = TableData {
        source: source.to_owned(),
        table: table.clone(),
        history: history.clone(),
        newest: true,
    };
    let mut module = crate::engine::MODULE.to_vec();
    for (name, payload) in [
        (TABLE_SECTION, data.packed()),
        (
            CALLERS_WORDS_SECTION,
            compact(&callers_words.json(&table.version)).into_bytes(),
        ),
        (
            CALLERS_SENTENCES_SECTION,
            callers_sentences.as_bytes().to_vec(),
        ),
    ] {
        module = with_custom_section(&module, name, &payload);
    }
    let engine = base64::engine::general_purpose::STANDARD.encode(gzipped(&module));
    // The answer to an empty box, the whole table, as the engine gives it: in the page
    // before the engine has loaded (and where it cannot run).
    let words = oqs_answer::CallersWords {
        words: callers_words.words.clone(),
        elsewhere: callers_words.elsewhere.iter().cloned().collect(),
        sentences: Default::default(),
    };
    let answerer = oqs_answer::Engine::new(data, &words);
    let whole = render_page(&answerer, &answerer.answer(""), Lang::Ja);
    let generated = format!(
        "@generated by `{COMMAND}` from spec/{source} (table version {}). Do not edit.",
        table.version
    );
    fill(
        PAGE_HTML,
        &[
            ("STYLE", PAGE_CSS.to_owned()),
            ("SCRIPT", PAGE_JS.to_owned()),
            ("LOADER", LOAD_JS.to_owned()),
            ("GENERATED", escape(&generated)),
            ("TITLE", escape(&table.title)),
            ("VERSION", escape(table.version.as_str())),
            ("SOURCE", escape(source)),
            ("HISTORY", revisions_html(revisions)),
            ("STATUS", whole.status),
            ("RESULTS", whole.results),
            ("COPIED", escape(oqs_answer::say::copy(Lang::Ja).1)),
            ("ENGINE", engine),
            ("TABLE_SECTION", TABLE_SECTION.to_owned()),
            ("WORDS_SECTION", CALLERS_WORDS_SECTION.to_owned()),
            ("SENTENCES_SECTION", CALLERS_SENTENCES_SECTION.to_owned()),
        ],
    )
}

/// JSON without its indentation: what the page's engine reads needs no reader's layout
/// (a sixth of the page's data).
fn compact(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .and_then(|value| serde_json::to_string(&value))
        .unwrap_or_else(|_| json.to_owned())
}

/// The custom section of the page's module that holds the table of `table.json` packed
/// (`oqs_answer::packed`: read at the engine's start sooner than JSON), which page.js reads
/// with `WebAssembly.Module.customSections` and gives the engine.
pub const TABLE_SECTION: &str = "oqs-table";

/// The custom section of the page's module that holds `callers-words.json` (compact), read
/// as [`TABLE_SECTION`] is.
pub const CALLERS_WORDS_SECTION: &str = "oqs-callers-words";

/// The custom section of the page's module that holds `callers-sentences.txt`, read as
/// [`TABLE_SECTION`] is.
pub const CALLERS_SENTENCES_SECTION: &str = "oqs-callers-sentences";

/// A WebAssembly module with a custom section appended: id 0, the section's size, its
/// name's size and name, its bytes (sizes in unsigned LEB128). Custom sections may follow
/// any section; the module's code is left as it is.
pub fn with_custom_section(module: &[u8], name: &str, payload: &[u8]) -> Vec<u8> {
    fn leb128(mut n: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    let mut section = Vec::with_capacity(name.len() + payload.len() + 5);
    leb128(name.len(), &mut section);
    section.extend_from_slice(name.as_bytes());
    section.extend_from_slice(payload);
    let mut out = Vec::with_capacity(module.len() + section.len() + 6);
    out.extend_from_slice(module);
    out.push(0);
    leb128(section.len(), &mut out);
    out.extend(section);
    out
}

/// Bytes gzipped as the page's script inflates them (`DecompressionStream("gzip")`): the
/// same bytes give the same file (no name, no time in the header).
fn gzipped(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut gzip = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = gzip.write_all(bytes);
    gzip.finish().unwrap_or_default()
}

/// The template with each `{{NAME}}` replaced by its value, in one pass: a value that holds
/// `{{…}}` (a table's text may) is left as it is.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let value = after.find("}}").and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, end + 2))
        });
        match value {
            Some((value, len)) => {
                out.push_str(value);
                rest = &after[len..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_section_is_appended_as_webassembly_writes_one() {
        let module = b"\0asm\x01\0\0\0";
        let payload = "語".repeat(50);
        let out = with_custom_section(module, "oqs-x", payload.as_bytes());
        assert_eq!(&out[..8], module, "the module is left as it is");
        // id 0, then the size in LEB128: 1 + 5 + 150 = 156 takes two bytes.
        assert_eq!(out[8], 0);
        assert_eq!(out[9..11], [156 & 0x7f | 0x80, 156 >> 7]);
        assert_eq!(out[11], 5);
        assert_eq!(&out[12..17], b"oqs-x");
        assert_eq!(&out[17..], payload.as_bytes());
        let short = with_custom_section(module, "n", b"ab");
        assert_eq!(short[8..], [0, 4, 1, b'n', b'a', b'b']);
    }

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

    #[test]
    fn a_value_holding_a_placeholder_is_left_as_it_is() {
        let filled = fill(
            "<p>{{A}}</p>{{B}}{{C",
            &[("A", "{{B}}".to_owned()), ("B", "b".to_owned())],
        );
        assert_eq!(filled, "<p>{{B}}</p>b{{C");
    }
}
