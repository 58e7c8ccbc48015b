//! The page's search by words (`codegen/src/render/page/search.js`) and the library's
//! (`oqs_messages::search`, through `explain`) give the same words, rows, order, scores,
//! callers' words read and nearest words, on many queries made from the table itself: every term of it, each in hiragana,
//! half-width and upper case where it has such forms, pairs of terms of one row, sentences
//! around them, and the shared cases. The script runs in Node.js; skipped, saying so,
//! where Node is not installed (CI requires it).

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use oqs_explain::{lookup, Failure, Reason};
use oqs_messages::search::terms;
use oqs_messages::{Code, FOOTNOTES, ROWS};
use serde_json::{json, Value};

const REQUIRE: &str = "OQS_REQUIRE_TOOLS";

/// Katakana as hiragana, where it has one.
fn hiragana(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Katakana and ASCII in their other widths, as a person might type them.
fn half_width(text: &str) -> String {
    const FULL: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    let full: Vec<char> = FULL.chars().collect();
    let mut out = String::new();
    for c in text.chars() {
        let voiced = char::from_u32(c as u32 - 1)
            .filter(|b| full.contains(b) && "ガギグゲゴザジズゼゾダヂヅデドバビブベボ".contains(c));
        let semi =
            char::from_u32(c as u32 - 2).filter(|b| full.contains(b) && "パピプペポ".contains(c));
        if let Some(i) = full.iter().position(|&f| f == c) {
            out.push(char::from_u32(0xFF66 + i as u32).unwrap());
        } else if let Some(base) = voiced {
            let i = full.iter().position(|&f| f == base).unwrap();
            out.push(char::from_u32(0xFF66 + i as u32).unwrap());
            out.push('ﾞ');
        } else if let Some(base) = semi {
            let i = full.iter().position(|&f| f == base).unwrap();
            out.push(char::from_u32(0xFF66 + i as u32).unwrap());
            out.push('ﾟ');
        } else if c.is_ascii_graphic() {
            out.push(char::from_u32(c as u32 + 0xFEE0).unwrap());
        } else {
            out.push(c);
        }
    }
    out
}

fn queries() -> Vec<String> {
    let mut queries: Vec<String> = Vec::new();
    let mut add = |q: String| {
        if !queries.contains(&q) {
            queries.push(q);
        }
    };
    let texts: Vec<&str> = Code::ALL
        .iter()
        .flat_map(|c| [c.heading(), c.message()])
        .chain(
            ROWS.iter()
                .flat_map(|r| [r.kind, r.cause, r.remedy, r.contact]),
        )
        .chain(FOOTNOTES.iter().map(|n| n.text))
        .collect();
    for text in &texts {
        for term in terms(text) {
            add(term.to_owned());
            if term.chars().any(|c| ('\u{30A1}'..='\u{30F6}').contains(&c)) {
                add(hiragana(term));
                add(half_width(term));
            }
            if term.chars().any(|c| c.is_ascii_alphabetic()) {
                add(term.to_ascii_lowercase());
            }
        }
    }
    for row in ROWS.iter() {
        let found: Vec<&str> = terms(row.cause).chain(terms(row.remedy)).collect();
        if let [first, .., last] = found.as_slice() {
            add(format!("{first} {last}"));
            add(format!("{first}が{last}になった"));
            add(format!("{}　{}", hiragana(first), half_width(last)));
        }
    }
    for case in support::cases() {
        if case["read_as"]["words"].is_array() || case["error"] == "not_found" {
            add(case["query"].as_str().unwrap().to_owned());
        }
    }
    for extra in [
        "存在しない語です",
        "ぱすわど忘れ",
        "暗唱番号",
        "xyz qqq",
        "カードが読めない",
        "\u{200B}暗証\u{200B}番号",
        // A fuzzing run's find: a kana and its voiced mark with controls between them.
        "0a090ﾄ\n\u{e}ﾞﾘｰﾀﾞ電源",
    ] {
        add(extra.to_owned());
    }
    queries
}

/// The library's answer, as the page's script gives it.
fn library(query: &str) -> Value {
    match lookup(query) {
        Ok(matches) => {
            let (words, split, unknown, taken_for) = match matches.first().map(|m| &m.reason) {
                Some(Reason::Text(reason)) => {
                    let search = oqs_messages::search::Search::new(query).unwrap();
                    let words: Vec<&str> = search.words().to_vec();
                    (
                        json!(words),
                        reason.split,
                        json!(reason.unknown),
                        json!(reason.taken_for),
                    )
                }
                _ => return json!({ "query": query, "not_words": true }),
            };
            let rows: Vec<String> = matches
                .iter()
                .map(|m| match &m.reason {
                    Reason::Text(reason) => format!("{} {}", m.reference(), reason.score),
                    _ => m.reference(),
                })
                .collect();
            json!({ "query": query, "words": words, "split": split, "unknown": unknown, "taken_for": taken_for, "rows": rows, "nearest": [] })
        }
        Err(Failure::NoWords { .. }) => {
            let search = oqs_messages::search::Search::new(query).unwrap();
            let nearest: Vec<&str> = search.nearest_words().collect();
            json!({
                "query": query,
                "words": search.words(),
                "split": search.is_split(),
                "unknown": search.unknown_words(),
                "taken_for": search.taken_for().collect::<Vec<_>>(),
                "rows": [],
                "nearest": nearest,
            })
        }
        Err(_) => json!({ "query": query, "not_words": true }),
    }
}

/// The search script and its data as the page holds them (`generated/table.html`), the
/// queries on stdin.
const RUNNER: &str = r#"
const fs = require("fs");
const page = fs.readFileSync(process.argv[1], "utf8");
const data = id => {
  const start = page.indexOf('<script id="' + id + '" type="application/json">');
  if (start < 0) throw new Error("no " + id + " in the page");
  const from = page.indexOf(">", start) + 1;
  return JSON.parse(page.slice(from, page.indexOf("</script>", from)));
};
const script = page.slice(page.indexOf('"use strict";\n// Finding rows'), page.indexOf("})();", page.indexOf("var OqsSearch")) + 5);
const OqsSearch = new Function(script + "\nreturn OqsSearch;")();
OqsSearch.setUnseen(data("unseen-data").map(u => u[0]));
OqsSearch.setFold(data("fold-data"));
OqsSearch.setCallersWords(data("callers-words-data"));
const table = data("table-data");
const index = data("search-index-data");
const W = OqsSearch.create(table, index);
// The script's fold, given the page's tables, against the index codegen folded in Rust.
const unlike = [];
const same = (texts, place) => {
  const folded = texts.map(OqsSearch.fold).join("\n");
  if (folded !== index.texts[place]) unlike.push([texts, folded, index.texts[place]]);
};
table.codes.forEach((code, c) => {
  [[code.heading], code.tags, [code.message]].forEach((texts, k) => same(texts, index.codes[c][k]));
});
table.codes.flatMap(code => code.rows.map(row => [code, row])).forEach(([code, row], r) => {
  const cited = table.footnotes.filter(n => row.footnotes.includes(n.number) || code.footnotes.includes(n.number));
  [[row.kind], [row.cause], [row.remedy], [row.contact], cited.map(n => n.text)]
    .forEach((texts, k) => same(texts, index.rows[r][k]));
});
if (unlike.length) throw new Error("the page folds otherwise than codegen: " + JSON.stringify(unlike.slice(0, 3)));
const out = JSON.parse(fs.readFileSync(0, "utf8")).map(q => {
  const s = W.search(q);
  if (!s) return { query: q, not_words: true };
  return { query: q, words: s.words, split: s.split, unknown: s.unknown, taken_for: s.takenFor,
    rows: s.matches.map(m => m.r.ref + " " + m.score), nearest: s.matches.length ? [] : W.nearestWords(s.words) };
});
process.stdout.write(JSON.stringify(out));
"#;

#[test]
fn the_page_and_the_library_find_the_same_rows() {
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/table.html");
    let child = Command::new("node")
        .args(["-e", RUNNER, page])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(err) if std::env::var_os(REQUIRE).is_some() => {
            panic!("node cannot be run ({err}), and {REQUIRE} is set: install Node.js")
        }
        Err(err) => {
            let _ = writeln!(
                std::io::stderr(),
                "skipped: the_page_and_the_library_find_the_same_rows: node cannot be run ({err}); CI sets {REQUIRE}"
            );
            return;
        }
    };
    // Only what the library reads as words: codes and IDs are the page's other reader.
    let started = std::time::Instant::now();
    let (queries, expected): (Vec<String>, Vec<Value>) = queries()
        .into_iter()
        .map(|q| {
            let answer = library(&q);
            (q, answer)
        })
        .filter(|(_, answer)| answer.get("not_words").is_none())
        .unzip();
    let _ = writeln!(std::io::stderr(), "library: {:?}", started.elapsed());
    assert!(queries.len() > 300, "{} queries", queries.len());
    let mut stdin = child.stdin.take().unwrap();
    let input = json!(queries).to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    let _ = writeln!(
        std::io::stderr(),
        "page: {:?} for {} queries",
        started.elapsed(),
        queries.len()
    );
    writer.join().unwrap().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(page.len(), queries.len());
    let mut differ = Vec::new();
    for ((query, from_page), from_library) in queries.iter().zip(&page).zip(&expected) {
        if from_library != from_page {
            differ.push(format!(
                "{query:?}\n  library {from_library}\n  page    {from_page}"
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} queries differ:\n{}",
        differ.len(),
        queries.len(),
        differ
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
