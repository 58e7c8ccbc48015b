//! The offline page (`generated/table.html`) in a real browser, on what a person sees: for
//! every shared query case and caller's sentence it shows exactly the rows `explain`
//! answers with (the same engine, compiled to WebAssembly there), says what `explain`
//! says, and marks the words where `explain` found them. Skipped, saying so, where no
//! Chromium is installed; CI installs one and makes a skip a failure
//! (`OQS_REQUIRE_BROWSER`).

mod support;

use oqs_explain::say::{column_title, Label, Lang};
use oqs_explain::{lookup, Answer, Failure, Reason};
use serde_json::{json, Value};
use support::browser::{browser_or_skip, Browser};
use support::callers::CallerSet;
use support::{an_id_a_case_asks_for, cases, page_url, shown_rows};

fn all_rows() -> Vec<String> {
    let engine = oqs_explain::current().unwrap();
    engine.rows().map(|shown| shown.reference()).collect()
}

/// The page shows what `explain` answers: the same rows in the same order, the status line
/// saying what `explain` says, the words marked where it found them.
fn shows_what_explain_answers(browser: &mut Browser, query: &str, answer: &Answer<'_>) {
    let shown = browser.visible_rows();
    let status = browser.text_of("#status");
    match &answer.failure {
        None => {
            assert_eq!(shown, shown_rows(answer), "{query:?}");
            let results = browser.text_of("#results");
            for m in &answer.matches {
                for text in [&m.shown.row.kind, &m.shown.row.contact] {
                    assert!(
                        results.contains(text.as_str()),
                        "{query:?}: {text:?} not visible"
                    );
                }
                assert!(results.contains(m.shown.heading), "{query:?}");
            }
            assert!(status.contains(answer.version), "{query:?}: {status}");
            marks_are_where_explain_found_the_words(browser, query, answer);
        }
        Some(Failure::Malformed { .. }) if query.trim().is_empty() => {
            assert_eq!(shown, all_rows(), "the empty box lists the whole table");
        }
        Some(failure @ Failure::Malformed { .. }) => {
            assert_eq!(shown, Vec::<String>::new(), "{query:?}");
            assert_eq!(status, failure.say(Lang::Ja), "{query:?}");
        }
        Some(failure @ Failure::NotFound { .. }) => {
            assert_eq!(shown, Vec::<String>::new(), "{query:?}");
            assert_eq!(
                status,
                format!("該当なし: {}", failure.say(Lang::Ja)),
                "{query:?}"
            );
        }
        Some(Failure::NoWords { nearest, .. }) => {
            assert_eq!(shown, Vec::<String>::new(), "{query:?}");
            assert!(status.starts_with("該当なし"), "{query:?}: {status}");
            assert!(
                status.contains("コード（015）やメッセージID（0x04000011）でも引けます"),
                "{status}"
            );
            for word in nearest {
                assert!(
                    status.contains(word.as_str()),
                    "{query:?}: {word} not offered: {status}"
                );
            }
        }
    }
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
        let answer = lookup(query);
        shows_what_explain_answers(&mut browser, query, &answer);
        // What each part of a log line was taken for, as explain says it.
        if let Some(listed) = case["candidates"].as_array() {
            let status = browser.text_of("#status");
            for pair in listed {
                let kind = if pair[1] == "code" {
                    "コード"
                } else {
                    "メッセージID"
                };
                let part = format!("{} → {kind}", pair[0].as_str().unwrap());
                assert!(status.contains(&part), "{query:?}: {part} in {status}");
            }
        }
    }
}

/// What callers say, ask and paste (`tests/callers/`, both halves): the page shows exactly
/// the rows explain answers with, in its order, marks the words where explain found them,
/// and says why each row matched as explain does.
#[test]
fn every_caller_sentence_shows_the_rows_explain_answers_with() {
    let Some(mut browser) =
        browser_or_skip("every_caller_sentence_shows_the_rows_explain_answers_with")
    else {
        return;
    };
    let mut queries: Vec<String> = Vec::new();
    for half in ["tuning", "test"] {
        let set = CallerSet::half(half);
        queries.extend(set.sentences.into_iter().map(|(s, _)| s));
        queries.extend(set.out_of_scope);
        queries.extend(set.pasted.into_iter().map(|(t, _)| t));
    }
    assert!(queries.len() >= 150);
    for query in &queries {
        let query = query.as_str();
        browser.open(&page_url(Some(query), None)).unwrap();
        let answer = lookup(query);
        shows_what_explain_answers(&mut browser, query, &answer);
        if answer.words().is_none() {
            continue;
        }
        // Each row's 一致 line, word for word as explain writes it.
        let reasons = browser
            .eval("[...document.querySelectorAll('article.row .reason')].map(e => e.textContent)")
            .unwrap();
        let explained: Vec<String> = answer
            .matches
            .iter()
            .map(|m| {
                format!(
                    "一致: {}",
                    oqs_explain::text::reason_text(&m.reason, answer.words(), Lang::Ja)
                )
            })
            .collect();
        assert_eq!(reasons, json!(explained), "{query:?}");
        let status = browser.text_of("#status");
        if let Some(words) = answer.words() {
            for (callers, table) in &words.taken_for {
                assert!(
                    status.contains(&format!("{callers} → {table}")),
                    "{query:?}: {callers} → {table} not said: {status}"
                );
            }
            for word in &words.unknown {
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
/// Each field is found by the workbook's column title the page labels it with; whom to
/// call in the row, or once for its code's rows.
fn marks_script() -> String {
    let title = |label| json!(column_title(Lang::Ja, label));
    format!(
        "[...document.querySelectorAll('article.row')].map(a => {{\
         const section = a.closest('section');\
         const marks = e => e ? [...e.querySelectorAll('mark')].map(m => m.innerText) : [];\
         const dd = label => {{ const dt = [...a.querySelectorAll('dt')].find(d => d.innerText === label); return dt ? dt.nextElementSibling : null; }};\
         const contact = a.querySelector(':scope > .contact .who') || section.querySelector(':scope > .contact .who');\
         return {{ heading: marks(section.querySelector('.heading')), tags: marks(section.querySelector('.tags')),\
           message: marks(section.querySelector('dl.message dd')), kind: marks(dd({})), cause: marks(dd({})),\
           remedy: marks(dd({})), contact: marks(contact), reason: a.querySelector('.reason') ? a.querySelector('.reason').textContent : '' }};\
         }})",
        title(Label::Kind),
        title(Label::Cause),
        title(Label::Remedy)
    )
}

/// Each field in which explain found a word shows it marked, and no other field is marked.
fn marks_are_where_explain_found_the_words(
    browser: &mut Browser,
    query: &str,
    answer: &Answer<'_>,
) {
    let Some(Reason::Text(_)) = answer.matches.first().map(|m| &m.reason) else {
        return;
    };
    let marks = browser.eval(&marks_script()).unwrap();
    // A single character taken out of a sentence is searched, not marked: marked, it would
    // light up half the table.
    let split = answer.words().is_some_and(|w| w.split);
    let marks = marks.as_array().unwrap();
    assert_eq!(marks.len(), answer.matches.len(), "{query:?}");
    let fold = |t: &str| oqs_messages::fold::folded(t).collect::<String>();
    // A word as it is looked for: what a mark covers (`読み取り` marks `読み取`).
    let looked = |t: &str| {
        let chars: Vec<char> = oqs_messages::fold::folded(t).collect();
        chars[..oqs_messages::fold::looked_for(&chars)]
            .iter()
            .collect::<String>()
    };
    for (m, shown) in answer.matches.iter().zip(marks) {
        let reason = match &m.reason {
            Reason::Text(reason) => reason,
            // A code the words did not find, offered after: nothing marked, and said why.
            Reason::Alike => {
                for field in [
                    "heading", "tags", "message", "kind", "cause", "remedy", "contact",
                ] {
                    assert_eq!(
                        shown[field].as_array().map(Vec::len),
                        Some(0),
                        "{query:?} {} {field}",
                        m.shown.reference()
                    );
                }
                let said = shown["reason"].as_str().unwrap();
                assert!(
                    said.contains(oqs_explain::say::reason_alike(Lang::Ja)),
                    "{query:?} {}: {said}",
                    m.shown.reference()
                );
                continue;
            }
            _ => panic!("{query:?}"),
        };
        for field in [
            "heading", "tags", "message", "kind", "cause", "remedy", "contact",
        ] {
            let words: Vec<String> = reason
                .found()
                .into_iter()
                .find(|(f, _)| f.name() == field)
                .map(|(_, w)| {
                    w.iter()
                        .filter(|w| !split || w.chars().count() > 1)
                        .map(|w| looked(w))
                        .collect()
                })
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
                m.shown.reference()
            );
            for text in &marked {
                assert!(
                    words.iter().any(|w| text.contains(w.as_str())),
                    "{query:?} {} {field}: {text:?} is not one of {words:?}",
                    m.shown.reference()
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
    let engine = oqs_explain::current().unwrap();
    let codes = &engine.data().table.codes;
    let number = codes[codes.len() / 2].number.to_string();
    let expected = shown_rows(&lookup(&number));
    browser.open(&page_url(None, Some(&number))).unwrap();
    assert_eq!(browser.visible_rows(), expected);

    // Type into the box as a person does.
    browser.open(&page_url(None, None)).unwrap();
    assert_eq!(browser.visible_rows(), all_rows());
    browser
        .eval("document.getElementById('q').focus()")
        .unwrap();
    browser
        .call(
            "Input.insertText",
            json!({"text": format!("【{number}：】")}),
        )
        .unwrap();
    assert_eq!(browser.visible_rows(), expected);
}

/// A browser without the newer ways of decoding base64 (`Uint8Array.fromBase64`) and of
/// compiling as the module is inflated (`WebAssembly.compileStreaming`) still answers: the
/// page falls back to what every browser with WebAssembly has.
#[test]
fn the_page_answers_where_the_browser_lacks_newer_functions() {
    let Some(mut browser) =
        browser_or_skip("the_page_answers_where_the_browser_lacks_newer_functions")
    else {
        return;
    };
    browser
        .before_each_document("delete Uint8Array.fromBase64; delete WebAssembly.compileStreaming;")
        .unwrap();
    let id = an_id_a_case_asks_for();
    browser.open(&page_url(Some(&id), None)).unwrap();
    let lacking = browser
        .eval("typeof Uint8Array.fromBase64 + ' ' + typeof WebAssembly.compileStreaming")
        .unwrap();
    assert_eq!(lacking, json!("undefined undefined"));
    assert_eq!(browser.visible_rows(), shown_rows(&lookup(&id)));
}

/// An address's answer takes the whole table's place (the table is not in the page beside
/// it, hidden); emptying the box brings the table back, and typing answers again.
#[test]
fn an_answer_takes_the_tables_place_and_an_empty_box_brings_it_back() {
    let Some(mut browser) =
        browser_or_skip("an_answer_takes_the_tables_place_and_an_empty_box_brings_it_back")
    else {
        return;
    };
    let id = an_id_a_case_asks_for();
    let expected = shown_rows(&lookup(&id));
    let in_page = "[document.querySelectorAll('#results').length, document.querySelectorAll('article.row').length, document.getElementById('results').hasAttribute('data-whole')]";
    browser.open(&page_url(None, None)).unwrap();
    let whole_status = browser.text_of("#status");
    browser.open(&page_url(Some(&id), None)).unwrap();
    assert_eq!(browser.visible_rows(), expected);
    assert_eq!(
        browser.eval(in_page).unwrap(),
        json!([1, expected.len(), false])
    );

    let emptied = "(() => { const box = document.getElementById('q'); box.value = ''; box.dispatchEvent(new Event('input')); })()";
    browser.eval(emptied).unwrap();
    assert_eq!(browser.visible_rows(), all_rows());
    assert_eq!(
        browser.eval(in_page).unwrap(),
        json!([1, all_rows().len(), true])
    );
    assert_eq!(browser.text_of("#status"), whole_status);

    browser
        .eval("document.getElementById('q').focus()")
        .unwrap();
    browser
        .call("Input.insertText", json!({"text": id}))
        .unwrap();
    assert_eq!(browser.visible_rows(), expected);
    assert_eq!(
        browser.eval(in_page).unwrap(),
        json!([1, expected.len(), false])
    );
}

/// Where the browser cannot run the engine, an address that asks something still shows the
/// whole table, with a status line that says why the search is missing.
#[test]
fn without_webassembly_an_address_shows_the_whole_table() {
    let Some(mut browser) = browser_or_skip("without_webassembly_an_address_shows_the_whole_table")
    else {
        return;
    };
    browser
        .before_each_document("delete window.WebAssembly;")
        .unwrap();
    browser
        .open(&page_url(Some(&an_id_a_case_asks_for()), None))
        .unwrap();
    assert_eq!(browser.visible_rows(), all_rows());
    let status = browser.text_of("#status");
    assert!(status.contains("検索を使えません"), "{status}");
}

#[test]
fn the_title_and_version_are_on_the_page_and_nothing_is_fetched() {
    let Some(mut browser) =
        browser_or_skip("the_title_and_version_are_on_the_page_and_nothing_is_fetched")
    else {
        return;
    };
    browser.open(&page_url(Some("0x04000011"), None)).unwrap();
    let header = browser.text_of("header.page");
    let table = &oqs_explain::current().unwrap().data().table;
    assert!(header.contains(&table.title), "{header}");
    assert!(
        header.contains(&format!("版 {}", table.version)),
        "{header}"
    );
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
    assert_eq!(browser.visible_rows(), all_rows());
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

/// The page for a table whose texts hold characters no one can see: each is shown as a
/// marked symbol that names it, never as nothing and never raw.
#[test]
fn characters_no_one_can_see_are_shown_marked() {
    let Some(mut browser) = browser_or_skip("characters_no_one_can_see_are_shown_marked") else {
        return;
    };
    let text = std::fs::read_to_string(support::page().with_file_name("table.json")).unwrap();
    let mut table: oqs_explain::Table = serde_json::from_str(&text).unwrap();
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
    let current: oqs_explain::Table = serde_json::from_str(&text).unwrap();
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
            &names.callers_sentences.counts(c),
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
    let status = browser.text_of("#status");
    assert_eq!(
        status,
        format!(
            "廃止: コード {code} は一覧（{}版）にありません。{}版で削除されました。{}版での内容:",
            c.version, c.version, b.version
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
    assert_eq!(browser.visible_rows(), expected);
    let section = browser.text_of("section.code.withdrawn");
    assert!(section.contains(&old.heading), "{section}");
    assert!(
        section.contains(&format!("{}版で削除", c.version)),
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
        browser.text_of("#status"),
        format!(
            "廃止: メッセージID {id} は一覧（{}版）にありません。{}版で削除されました。{}版での内容:",
            c.version, c.version, b.version
        )
    );
    let rows = browser.visible_rows();
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
    let ids = browser.text_of(&format!(
        "article.row[data-row='{added_code}-{added_row}'] dd.ids"
    ));
    assert_eq!(ids, format!("0x{:08X}{}版で追加", v.added_id, c.version));
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
    let history_text = browser.text_of("#history");
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
    let current: oqs_explain::Table = serde_json::from_str(&text).unwrap();
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
