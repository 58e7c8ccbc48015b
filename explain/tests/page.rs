//! The offline page (`generated/table.html`) in a real browser, on what a person sees: for
//! every shared query case it shows exactly the rows `explain` answers with, and no other.
//! Skipped, saying so, where no Chromium is installed; CI installs one and makes a skip a
//! failure (`OQS_REQUIRE_BROWSER`).

mod support;

use oqs_explain::say::Lang;
use oqs_explain::{lookup, Failure, Reason};
use oqs_messages::{Code, ROWS, TITLE, VERSION};
use serde_json::{json, Value};
use support::browser::{browser_or_skip, Browser};
use support::{cases, page_url};

/// The row references (`015-2`) of the rows a person sees, in order.
const VISIBLE_ROWS: &str = "[...document.querySelectorAll('article.row')]\
    .filter(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}) && e.getBoundingClientRect().height > 0)\
    .map(e => e.querySelector('.ref').innerText)";

fn visible_rows(browser: &mut Browser) -> Vec<String> {
    let value = browser.eval(VISIBLE_ROWS).unwrap();
    serde_json::from_value(value).unwrap()
}

fn visible_text(browser: &mut Browser, selector: &str) -> String {
    let expression = format!("document.querySelector({}).innerText", json!(selector));
    browser
        .eval(&expression)
        .unwrap()
        .as_str()
        .unwrap_or("")
        .to_owned()
}

fn all_rows() -> Vec<String> {
    ROWS.iter().map(oqs_explain::row_reference).collect()
}

#[test]
fn every_query_case_shows_the_rows_explain_answers_with() {
    let Some(mut browser) = browser_or_skip("every_query_case_shows_the_rows_explain_answers_with")
    else {
        return;
    };
    for case in cases() {
        let query = case["query"].as_str().unwrap();
        browser.open(&page_url(Some(query), None)).unwrap();
        let shown = visible_rows(&mut browser);
        let status = visible_text(&mut browser, "#status");
        match lookup(query) {
            Ok(matches) => {
                let expected: Vec<String> = matches.iter().map(|m| m.reference()).collect();
                assert_eq!(shown, expected, "{query:?}");
                let results = visible_text(&mut browser, "#results");
                for m in &matches {
                    for text in [m.row.kind, m.row.contact, m.row.code.heading()] {
                        assert!(results.contains(text), "{query:?}: {text:?} not visible");
                    }
                }
                assert!(status.contains(VERSION), "{query:?}: {status}");
                marks_are_where_explain_found_the_words(&mut browser, query, &matches);
            }
            Err(Failure::NoWords { nearest, .. }) => {
                assert_eq!(shown, Vec::<String>::new(), "{query:?}");
                assert!(status.starts_with("該当なし"), "{query:?}: {status}");
                assert!(
                    status.contains("コード（例 015）やメッセージID（例 0x04000011）でも探せます"),
                    "{status}"
                );
                for word in nearest {
                    assert!(
                        status.contains(&word),
                        "{query:?}: {word} not offered: {status}"
                    );
                }
            }
            Err(Failure::NotFound { .. }) => {
                assert_eq!(shown, Vec::<String>::new(), "{query:?}");
                assert!(status.starts_with("該当なし"), "{query:?}: {status}");
            }
            Err(Failure::Malformed { .. }) if query.trim().is_empty() => {
                assert_eq!(shown, all_rows(), "the empty box lists the whole table");
            }
            Err(Failure::Malformed { .. }) => {
                assert_eq!(shown, Vec::<String>::new(), "{query:?}");
                assert!(!status.is_empty(), "{query:?}: no message");
                // What each part of a log line was taken for, as explain says it.
                if let Some(listed) = case["candidates"].as_array() {
                    for pair in listed {
                        let part = format!(
                            "{} → {}",
                            pair[0].as_str().unwrap(),
                            if pair[1] == "code" {
                                "コード"
                            } else {
                                "メッセージID"
                            }
                        );
                        assert!(status.contains(&part), "{query:?}: {part} in {status}");
                    }
                }
            }
        }
    }
}

/// What callers say (`tests/caller-sentences.json`): the page shows exactly the rows
/// explain answers with, in its order, marks the words where explain found them, and says
/// which callers' words it read as the table's.
#[test]
fn every_caller_sentence_shows_the_rows_explain_answers_with() {
    let Some(mut browser) =
        browser_or_skip("every_caller_sentence_shows_the_rows_explain_answers_with")
    else {
        return;
    };
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/caller-sentences.json"
    );
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let sentences = file["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 60);
    for sentence in sentences {
        let query = sentence["sentence"].as_str().unwrap();
        browser.open(&page_url(Some(query), None)).unwrap();
        let shown = visible_rows(&mut browser);
        let matches = lookup(query).unwrap_or_else(|f| panic!("{query:?}: {f:?}"));
        let expected: Vec<String> = matches.iter().map(|m| m.reference()).collect();
        assert_eq!(shown, expected, "{query:?}");
        marks_are_where_explain_found_the_words(&mut browser, query, &matches);
        // Each row's 一致 line, word for word as explain writes it.
        let reasons = browser
            .eval("[...document.querySelectorAll('article.row .reason')].map(e => e.innerText)")
            .unwrap();
        let explained: Vec<String> = matches
            .iter()
            .map(|m| match &m.reason {
                Reason::Text(reason) => {
                    format!("一致: {}", oqs_explain::found_text(reason, Lang::Ja))
                }
                other => panic!("{query:?}: {other:?}"),
            })
            .collect();
        assert_eq!(reasons, json!(explained), "{query:?}");
        let status = visible_text(&mut browser, "#status");
        if let Some(Reason::Text(reason)) = matches.first().map(|m| &m.reason) {
            for (callers, table) in &reason.taken_for {
                assert!(
                    status.contains(&format!("{callers} → {table}")),
                    "{query:?}: {callers} → {table} not said: {status}"
                );
            }
            for word in &reason.unknown {
                assert!(
                    status.contains(word.as_str()),
                    "{query:?}: {word} in {status}"
                );
            }
        }
    }
}

/// The marked texts (`<mark>`) of each row a search by words shows, by field: what a person
/// sees highlighted.
const MARKS: &str = "[...document.querySelectorAll('article.row')].map(a => {\
    const section = a.closest('section');\
    const marks = e => e ? [...e.querySelectorAll('mark')].map(m => m.innerText) : [];\
    const dd = label => { const dt = [...a.querySelectorAll('dt')].find(d => d.innerText === label); return dt ? dt.nextElementSibling : null; };\
    return { heading: marks(section.querySelector('.heading')), tags: marks(section.querySelector('.tags')),\
      message: marks(section.querySelector('dl.message dd')), kind: marks(dd('エラー種別')), cause: marks(dd('原因')),\
      remedy: marks(dd('対処')), contact: marks(dd('問合せ先')), reason: a.querySelector('.reason') ? a.querySelector('.reason').innerText : '' };\
  })";

/// Each field in which explain found a word shows it marked, and no other field is marked.
fn marks_are_where_explain_found_the_words(
    browser: &mut Browser,
    query: &str,
    matches: &[oqs_explain::Match],
) {
    let Some(Reason::Text(_)) = matches.first().map(|m| &m.reason) else {
        return;
    };
    let marks = browser.eval(MARKS).unwrap();
    let marks = marks.as_array().unwrap();
    assert_eq!(marks.len(), matches.len(), "{query:?}");
    let fold = |t: &str| oqs_messages::fold::folded(t).collect::<String>();
    // A word as it is looked for: what a mark covers (`読み取り` marks `読み取`).
    let looked = |t: &str| {
        let chars: Vec<char> = oqs_messages::fold::folded(t).collect();
        chars[..oqs_messages::fold::looked_for(&chars)]
            .iter()
            .collect::<String>()
    };
    for (m, shown) in matches.iter().zip(marks) {
        let Reason::Text(reason) = &m.reason else {
            panic!("{query:?}");
        };
        for field in [
            "heading", "tags", "message", "kind", "cause", "remedy", "contact",
        ] {
            let words: Vec<String> = reason
                .found
                .iter()
                .find(|(f, _)| f.name() == field)
                .map(|(_, w)| w.iter().map(|w| looked(w)).collect())
                .unwrap_or_default();
            let marked: Vec<String> = shown[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| fold(t.as_str().unwrap()))
                .collect();
            assert_eq!(
                words.is_empty(),
                marked.is_empty(),
                "{query:?} {} {field}: {marked:?}",
                m.reference()
            );
            for text in &marked {
                assert!(
                    words.iter().any(|w| text.contains(w.as_str())),
                    "{query:?} {} {field}: {text:?} is not one of {words:?}",
                    m.reference()
                );
            }
        }
        assert!(
            shown["reason"].as_str().unwrap().starts_with("一致: "),
            "{query:?}"
        );
    }
}

#[test]
fn a_fragment_opens_a_code_and_typing_answers() {
    let Some(mut browser) = browser_or_skip("a_fragment_opens_a_code_and_typing_answers") else {
        return;
    };
    let code = Code::ALL[Code::ALL.len() / 2];
    let number = format!("{:03}", code.number());
    browser.open(&page_url(None, Some(&number))).unwrap();
    let expected: Vec<String> = code
        .rows()
        .iter()
        .copied()
        .map(oqs_explain::row_reference)
        .collect();
    assert_eq!(visible_rows(&mut browser), expected);

    // Type into the box as a person does.
    browser.open(&page_url(None, None)).unwrap();
    assert_eq!(visible_rows(&mut browser), all_rows());
    browser
        .eval("document.getElementById('q').focus()")
        .unwrap();
    browser
        .call(
            "Input.insertText",
            json!({"text": format!("【{number}：】")}),
        )
        .unwrap();
    assert_eq!(visible_rows(&mut browser), expected);
}

#[test]
fn the_title_and_version_are_on_the_page_and_nothing_is_fetched() {
    let Some(mut browser) =
        browser_or_skip("the_title_and_version_are_on_the_page_and_nothing_is_fetched")
    else {
        return;
    };
    browser.open(&page_url(Some("0x04000011"), None)).unwrap();
    let header = visible_text(&mut browser, "header.page");
    assert!(header.contains(TITLE), "{header}");
    assert!(header.contains(&format!("版 {VERSION}")), "{header}");
    let fetched = browser
        .eval("performance.getEntriesByType('resource').map(e => e.name)")
        .unwrap();
    assert_eq!(fetched, Value::Array(Vec::new()));
}

#[test]
fn the_page_prints_on_a4_without_the_search_box() {
    let Some(mut browser) = browser_or_skip("the_page_prints_on_a4_without_the_search_box") else {
        return;
    };
    browser.open(&page_url(None, None)).unwrap();
    browser
        .call("Emulation.setEmulatedMedia", json!({"media": "print"}))
        .unwrap();
    let search_shown = browser
        .eval("document.querySelector('.search').checkVisibility()")
        .unwrap();
    assert_eq!(search_shown, json!(false));
    assert_eq!(visible_rows(&mut browser), all_rows());
    let pdf = browser.print_a4().unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // A4 portrait in points.
    let text = String::from_utf8_lossy(&pdf);
    let media_box = text
        .find("/MediaBox")
        .map(|at| text[at..].chars().take(40).collect::<String>());
    assert!(
        media_box
            .as_deref()
            .is_some_and(|b| b.contains("595") || b.contains("594.9")),
        "not A4: {media_box:?}"
    );
}

/// Writes the README's screenshot of the page answering 0x04000011; run by
/// `scripts/screenshot-page.sh`, which installs a Japanese font first.
#[test]
#[ignore = "writes docs/page-0x04000011.png (or OQS_SCREENSHOT_OUT); run by scripts/screenshot-page.sh"]
fn screenshot_for_the_readme() {
    let mut browser = browser_or_skip("screenshot_for_the_readme").expect("Chromium");
    browser.open(&page_url(Some("0x04000011"), None)).unwrap();
    let png = browser.screenshot().unwrap();
    let out = std::env::var("OQS_SCREENSHOT_OUT").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/page-0x04000011.png").to_owned()
    });
    std::fs::create_dir_all(std::path::Path::new(&out).parent().unwrap()).unwrap();
    std::fs::write(out, png).unwrap();
}

/// The search by words in the browser, timed (not a test of time: it measures and prints;
/// `scripts/bench-page-search.sh` runs it). For each query, the median over many runs of
/// the search alone, of a plain substring scan of the same texts (what Ctrl+F does), and of
/// typing into the box (search and the rows drawn).
#[test]
#[ignore = "a benchmark; run by scripts/bench-page-search.sh"]
fn bench_search_in_the_browser() {
    let mut browser = browser_or_skip("bench_search_in_the_browser").expect("Chromium");
    browser.open(&page_url(None, None)).unwrap();
    let script = r#"(() => {
      const table = JSON.parse(document.getElementById("table-data").textContent);
      const index = JSON.parse(document.getElementById("search-index-data").textContent);
      const words = OqsSearch.create(table, index);
      // The baseline: `includes` over the same folded texts, each word folded per query.
      const plain = q => { const ws = q.split(/\s+/u).map(OqsSearch.fold);
        return index.texts.filter(t => ws.every(w => t.includes(w))).length; };
      const box = document.getElementById("q");
      const typed = q => { box.value = q; box.dispatchEvent(new Event("input")); return document.querySelectorAll("article.row").length; };
      // The clock ticks coarsely (0.1 ms): each sample times a batch of runs.
      const median = (f, q, n, batch) => { const times = []; for (let i = 0; i < n; i++) { const t = performance.now();
          for (let j = 0; j < batch; j++) f(q); times.push((performance.now() - t) / batch); }
        times.sort((a, b) => a - b); return times[Math.floor(n / 2)]; };
      const queries = ["暗証番号 ロック", "カードリーダ", "ﾈｯﾄﾜｰｸ", "暗証番号がロックされたと出た", "暗唱番号"];
      return queries.map(q => ({ query: q,
        search_ms: median(x => { const s = words.search(x); return s.matches.length || words.nearestWords(s.words).length; }, q, 21, 10),
        plain_ms: median(plain, q, 21, 1000),
        typing_ms: median(typed, q, 11, 5) }));
    })()"#;
    let results = browser.eval(script).unwrap();
    let version = browser.eval("navigator.userAgent").unwrap();
    println!("{}", version.as_str().unwrap_or(""));
    println!(
        "| query | search (ms) | folded scan (ms) | ratio | typing, search and rows drawn (ms) |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for r in results.as_array().unwrap() {
        let (search, plain) = (
            r["search_ms"].as_f64().unwrap(),
            r["plain_ms"].as_f64().unwrap(),
        );
        println!(
            "| {} | {search:.3} | {plain:.4} | {:.0}x | {:.2} |",
            r["query"].as_str().unwrap(),
            search / plain.max(0.001),
            r["typing_ms"].as_f64().unwrap()
        );
    }
}

/// The page for a table whose texts hold characters no one can see: each is shown as a
/// marked symbol that names it, never as nothing and never raw.
#[test]
fn characters_no_one_can_see_are_shown_marked() {
    let Some(mut browser) = browser_or_skip("characters_no_one_can_see_are_shown_marked") else {
        return;
    };
    let text = std::fs::read_to_string(support::page().with_file_name("table.json")).unwrap();
    let mut table: oqs_messages_table::Table = serde_json::from_str(&text).unwrap();
    let row = &mut table.codes[0].rows[0];
    row.cause
        .push_str("\u{1B}]0;retitled\u{7}\u{1B}[31mRED\u{1B}[0m");
    row.kind.push_str("\u{200B}前後");
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("table.html");
    std::fs::write(&page, codegen::render::html::html(&table, "t.xlsx")).unwrap();
    let url = format!("file://{}", support::encode(&page.to_string_lossy(), true));
    browser.open(&url).unwrap();
    let marks = browser
        .eval(
            "[...document.querySelectorAll('article.row')][0].querySelectorAll('.unseen')\
             .values().map(m => [m.title, m.innerText, m.checkVisibility()]).toArray()",
        )
        .unwrap();
    assert_eq!(
        marks,
        json!([
            ["U+200B ZERO WIDTH SPACE", "U+200B", true],
            ["U+001B ESC", "\u{241B}", true],
            ["U+0007 BEL", "\u{2407}", true],
            ["U+001B ESC", "\u{241B}", true],
            ["U+001B ESC", "\u{241B}", true],
        ])
    );
    let shown = browser
        .eval("[...document.querySelectorAll('article.row')][0].innerText")
        .unwrap();
    let shown = shown.as_str().unwrap();
    assert!(shown.contains("]0;retitled"), "{shown}");
    assert!(shown.contains("[31mRED"), "{shown}");
    assert!(
        !shown.contains('\u{1B}') && !shown.contains('\u{200B}'),
        "{shown:?}"
    );
}

/// The page of the newest of three versions (built from the current table): a withdrawn
/// code and ID answered with their last rows under a banner, what the newest version added
/// marked, and the 改訂履歴 of both revisions, newest first, with the changed characters
/// marked.
#[test]
fn every_version_answers_on_the_page() {
    let Some(mut browser) = browser_or_skip("every_version_answers_on_the_page") else {
        return;
    };
    let text = std::fs::read_to_string(support::page().with_file_name("table.json")).unwrap();
    let current: oqs_messages_table::Table = serde_json::from_str(&text).unwrap();
    let names = codegen::Names::load(&codegen::default_names_file()).unwrap();
    let named: Vec<_> = names.codes.keys().copied().collect();
    let v = oqs_messages_tests::revisions::three_versions(&current, &named);
    let [a, b, c] = &v.tables;
    let tables = [a, b, c];
    let history = codegen::history::history(&tables);
    let revisions = codegen::history::revisions(&tables);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("table.html");
    std::fs::write(
        &page,
        codegen::render::html::html_with_history(
            c,
            &history,
            &revisions,
            "t.xlsx",
            &names.callers_words,
        ),
    )
    .unwrap();
    let url = |q: &str| {
        format!(
            "file://{}?q={}",
            support::encode(&page.to_string_lossy(), true),
            support::encode(q, false)
        )
    };

    // The withdrawn code: its rows as of the version before, under a banner; then any
    // current row whose cause lists the number as a マイナポータル error code.
    let code = format!("{:03}", v.removed_code.get());
    browser.open(&url(&code)).unwrap();
    let status = visible_text(&mut browser, "#status");
    assert_eq!(
        status,
        format!(
            "コード {code} は {} 版で削除されました。{} 版までの内容です。",
            c.version, b.version
        )
    );
    let old = b.code(v.removed_code).unwrap();
    let mut expected: Vec<String> = (1..=old.rows.len())
        .map(|i| format!("{code}-{i}"))
        .collect();
    for entry in &c.codes {
        for (i, row) in entry.rows.iter().enumerate() {
            if row
                .details
                .iter()
                .any(|d| d.code.is_portal(v.removed_code.get()))
            {
                expected.push(format!("{}-{}", entry.number, i + 1));
            }
        }
    }
    assert_eq!(visible_rows(&mut browser), expected);
    let section = visible_text(&mut browser, "section.code.withdrawn");
    assert!(section.contains(&old.heading), "{section}");
    assert!(
        section.contains(&format!("{} 版で削除", c.version)),
        "{section}"
    );
    assert!(
        section.contains(old.message.lines().next().unwrap()),
        "{section}"
    );

    // The withdrawn ID: the row that listed it, under its code, under a banner.
    let id = format!("0x{:08X}", v.removed_id);
    browser.open(&url(&id)).unwrap();
    assert_eq!(
        visible_text(&mut browser, "#status"),
        format!(
            "{id} は {} 版で削除されました。{} 版までの内容です。",
            c.version, b.version
        )
    );
    let rows = visible_rows(&mut browser);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].starts_with(&format!("{}-", v.removed_id_code)),
        "{rows:?}"
    );

    // What the newest version added: the row and its ID, marked; a code the middle
    // version added is no news in the newest and is not marked.
    let (added_code, added_row) = v.added_row;
    browser.open(&url(&format!("{added_code}"))).unwrap();
    let marked = browser
        .eval(
            "[...document.querySelectorAll('article.row')]\
             .filter(a => a.querySelector('.ref + .badge.added'))\
             .map(a => a.querySelector('.ref').innerText)",
        )
        .unwrap();
    assert_eq!(marked, json!([format!("{added_code}-{added_row}")]));
    let ids = visible_text(
        &mut browser,
        &format!("article.row[data-row='{added_code}-{added_row}'] dd.ids"),
    );
    assert_eq!(ids, format!("0x{:08X}{} 版で追加", v.added_id, c.version));
    browser.open(&url(&format!("{}", v.added_code))).unwrap();
    assert_eq!(
        browser
            .eval("document.querySelectorAll('.badge').length")
            .unwrap(),
        json!(0)
    );

    // 改訂履歴: newest first, the reworded message with its added characters marked.
    let titles = browser
        .eval("[...document.querySelectorAll('#history h3')].map(h => h.innerText)")
        .unwrap();
    assert_eq!(
        titles,
        json!([
            format!("{} 版 → {} 版", b.version, c.version),
            format!("{} 版 → {} 版", a.version, b.version)
        ])
    );
    let inserted = browser
        .eval("[...document.querySelectorAll('#history ins')].map(e => e.innerText)")
        .unwrap();
    assert!(
        inserted
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == v.reworded.1),
        "{inserted}"
    );
    let history_text = visible_text(&mut browser, "#history");
    assert!(history_text.contains("コードの削除"), "{history_text}");
    assert!(
        history_text.contains(&format!(
            "{} {}",
            v.removed_code,
            old.tags
                .iter()
                .map(|t| format!("【{t}】"))
                .collect::<String>()
        )),
        "{history_text}"
    );
    assert!(history_text.contains("コードの追加"), "{history_text}");
    // The report's own words in Japanese (CHANGES.md has them in English): no English
    // around the table's texts.
    for english in [
        " row", "rows)", "under ", " message", "footnote", " heading", " tags", " cause",
        " remedy", " contact", " kind",
    ] {
        assert!(
            !history_text.contains(english),
            "{english:?} in {history_text}"
        );
    }
    assert!(history_text.contains("メッセージ内容"), "{history_text}");
}

/// With one version, the page has no 改訂履歴 and marks nothing as added or withdrawn.
#[test]
fn one_version_shows_no_history() {
    let Some(mut browser) = browser_or_skip("one_version_shows_no_history") else {
        return;
    };
    let text = std::fs::read_to_string(support::page().with_file_name("table.json")).unwrap();
    let current: oqs_messages_table::Table = serde_json::from_str(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("table.html");
    std::fs::write(&page, codegen::render::html::html(&current, "t.xlsx")).unwrap();
    browser
        .open(&format!(
            "file://{}",
            support::encode(&page.to_string_lossy(), true)
        ))
        .unwrap();
    assert_eq!(
        browser
            .eval("[document.getElementById('history').checkVisibility(), document.querySelectorAll('.badge').length]")
            .unwrap(),
        json!([false, 0])
    );
}
