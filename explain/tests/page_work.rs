//! The offline page as a help desk works with it, in a real browser, on what a person sees:
//! whom to call first, a link and a copy for the ticket, why rows matched said once, an
//! overview with filters, print, a phone's screen, typing an ID and Japanese input, dark
//! mode. Skipped, saying so, where no Chromium is installed (CI makes a skip a failure).
//! What is expected comes from the engine over the current table (`explain`'s), so these
//! tests hold for any version.

mod support;

use oqs_explain::say::{self, column_title, Label, Lang};
use oqs_explain::{lookup, Reason};
use serde_json::{json, Value};
use support::browser::{browser_or_skip, Browser};
use support::{cases, page_url, shown_rows};

fn engine() -> &'static oqs_explain::Engine {
    oqs_explain::current().unwrap()
}

/// Whom to call comes first in every answer, set apart: once over a code's rows when they
/// all name the same contact, else at the head of each row, before the cause and remedy;
/// `-` said to mean that the table names no one. The fields are titled with the workbook's
/// column titles.
#[test]
fn whom_to_call_comes_first_set_apart() {
    let Some(mut browser) = browser_or_skip("whom_to_call_comes_first_set_apart") else {
        return;
    };
    browser.open(&page_url(None, None)).unwrap();
    let sections = browser
        .eval(
            "[...document.querySelectorAll('#results section.code')].map(s => {\
               const own = s.querySelector(':scope > .contact');\
               const rows = [...s.querySelectorAll('article.row')];\
               const top = e => e.getBoundingClientRect().top;\
               const style = own && getComputedStyle(own);\
               return { code: s.querySelector('h2 .number').innerText,\
                 shared: own ? own.querySelector('.who').innerText : null,\
                 note: own && own.querySelector('.note') ? own.querySelector('.note').innerText : null,\
                 before: own ? top(own) < top(s.querySelector('dl.message')) : null,\
                 set_apart: style ? [parseFloat(style.borderLeftWidth), parseInt(style.fontWeight), style.backgroundColor] : null,\
                 rows: rows.map(a => { const c = a.querySelector(':scope > .contact'); const dl = a.querySelector('dl');\
                   return [a.dataset.row, c ? c.querySelector('.who').innerText : null, c ? top(c) < top(dl) : null,\
                     [...dl.querySelectorAll('dt')].map(d => d.innerText)]; }) };\
             })",
        )
        .unwrap();
    let sections = sections.as_array().unwrap();
    let table = &engine().data().table;
    assert_eq!(sections.len(), table.codes.len());
    let titles = [
        column_title(Lang::Ja, Label::Kind),
        column_title(Lang::Ja, Label::MessageId),
        column_title(Lang::Ja, Label::Cause),
        column_title(Lang::Ja, Label::Remedy),
    ];
    for (section, code) in sections.iter().zip(&table.codes) {
        assert_eq!(section["code"], code.number.to_string());
        let shared = code.rows.iter().all(|r| r.contact == code.rows[0].contact);
        let rows = section["rows"].as_array().unwrap();
        if shared {
            let contact = &code.rows[0].contact;
            assert_eq!(
                section["shared"].as_str(),
                Some(contact.as_str()),
                "{section}"
            );
            assert_eq!(section["before"], json!(true), "{section}");
            let apart = &section["set_apart"];
            assert!(
                apart[0].as_f64().unwrap() >= 3.0 && apart[1].as_i64().unwrap() >= 600,
                "{apart}"
            );
            assert_ne!(apart[2], json!("rgba(0, 0, 0, 0)"), "{apart}");
            let note = (contact.trim() == "-").then(|| say::no_contact(Lang::Ja));
            assert_eq!(section["note"].as_str(), note, "{section}");
            assert!(rows.iter().all(|r| r[1].is_null()), "said once: {section}");
        } else {
            assert!(section["shared"].is_null());
            for (row, published) in rows.iter().zip(&code.rows) {
                assert_eq!(row[1].as_str(), Some(published.contact.as_str()), "{row}");
                assert_eq!(row[2], json!(true), "whom to call before the rest: {row}");
            }
        }
        for row in rows {
            assert_eq!(row[3], json!(titles), "{row}");
        }
    }
    assert_eq!(
        titles[3],
        "対処(医療機関等ベンダーまたはシステム担当者向け）"
    );
}

/// On a phone's screen (390 × 844), the first contact of an ID's answer is on the first
/// screen, under the search bar that stays.
#[test]
fn on_a_phone_the_first_contact_of_an_id_s_answer_is_on_the_first_screen() {
    let Some(mut browser) =
        browser_or_skip("on_a_phone_the_first_contact_of_an_id_s_answer_is_on_the_first_screen")
    else {
        return;
    };
    browser.set_screen(390, 844, true).unwrap();
    let mut ids: Vec<String> = cases()
        .iter()
        .filter(|c| c["read_as"]["message_id"].is_string() && c["read_as"]["code"].is_null())
        .map(|c| c["query"].as_str().unwrap().to_owned())
        .collect();
    ids.extend(
        engine()
            .data()
            .table
            .listed_ids()
            .into_iter()
            .map(|id| id.to_string().split('～').next().unwrap().to_owned()),
    );
    for id in &ids {
        if lookup(id).matches.is_empty() {
            continue;
        }
        browser.open(&page_url(Some(id), None)).unwrap();
        let seen = browser
            .eval(
                "(() => { const c = document.querySelector('#results .contact'); const r = c.getBoundingClientRect();\
                  return [r.bottom, innerWidth, innerHeight, document.querySelector('.search').getBoundingClientRect().height,\
                  document.documentElement.scrollWidth]; })()",
            )
            .unwrap();
        let [bottom, width, height, bar, scroll] =
            [0, 1, 2, 3, 4].map(|i| seen[i].as_f64().unwrap());
        assert_eq!((width, height), (390.0, 844.0));
        assert!(bottom <= height, "{id}: the first contact ends at {bottom}");
        assert!(bar <= 80.0, "{id}: the search bar takes {bar} px");
        assert!(scroll <= width, "{id}: the page is {scroll} px wide");
    }
}

/// Every code and row has a link that opens the page on it, also opened fresh: `#015-1`
/// and `?q=015-1` show that row alone, `#015` the code; a click on a row's link shows it.
#[test]
fn every_code_and_row_has_a_link_that_opens_the_page_on_it() {
    let Some(mut browser) =
        browser_or_skip("every_code_and_row_has_a_link_that_opens_the_page_on_it")
    else {
        return;
    };
    browser.open(&page_url(None, None)).unwrap();
    let links = browser
        .eval(
            "[[...document.querySelectorAll('article.row')].map(a => [a.dataset.row, a.querySelector('a.ref').getAttribute('href')]),\
              [...document.querySelectorAll('section.code > h2')].map(h => [h.querySelector('.number').innerText, h.querySelector('a.number').getAttribute('href')])]",
        )
        .unwrap();
    let all: Vec<String> = engine().rows().map(|s| s.reference()).collect();
    let rows = links[0].as_array().unwrap();
    assert_eq!(rows.len(), all.len());
    for (row, reference) in rows.iter().zip(&all) {
        assert_eq!(row, &json!([reference, format!("#{reference}")]));
    }
    for code in links[1].as_array().unwrap() {
        assert_eq!(code[1], format!("#{}", code[0].as_str().unwrap()));
    }
    // Fresh, by fragment and by query: the first and last row of every code.
    for code in &engine().data().table.codes {
        for number in [1, code.rows.len()] {
            let reference = format!("{}-{number}", code.number);
            browser.open(&page_url(None, Some(&reference))).unwrap();
            assert_eq!(browser.visible_rows(), std::slice::from_ref(&reference));
            assert_eq!(browser.text_of("#q"), "");
            browser.open(&page_url(Some(&reference), None)).unwrap();
            assert_eq!(browser.visible_rows(), std::slice::from_ref(&reference));
        }
    }
    let code = &engine().data().table.codes[0];
    browser
        .open(&page_url(None, Some(&code.number.to_string())))
        .unwrap();
    assert_eq!(
        browser.visible_rows(),
        shown_rows(&lookup(&code.number.to_string()))
    );
    // A click on a row's link in an answer opens the page on that row.
    browser.open(&page_url(Some("0x04000011"), None)).unwrap();
    let second = browser.visible_rows()[1].clone();
    browser
        .click(&format!("article[data-row='{second}'] a.ref"))
        .unwrap();
    wait_for_rows(&mut browser, std::slice::from_ref(&second));
    let location = browser.eval("location.hash").unwrap();
    assert_eq!(location, json!(format!("#{second}")));
}

fn wait_for_rows(browser: &mut Browser, expected: &[String]) {
    for _ in 0..100 {
        if browser.visible_rows() == expected {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(browser.visible_rows(), expected);
}

/// The copy control of a row puts on the clipboard the text `explain --ticket` prints for
/// it (the one function of both): for a row of an ID's answer and for a row of the whole
/// table, and says it copied.
#[test]
fn a_row_s_copy_control_copies_its_ticket() {
    let Some(mut browser) = browser_or_skip("a_row_s_copy_control_copies_its_ticket") else {
        return;
    };
    browser
        .call(
            "Browser.grantPermissions",
            json!({"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
        )
        .unwrap();
    browser
        .call(
            "Emulation.setFocusEmulationEnabled",
            json!({"enabled": true}),
        )
        .unwrap();
    let last = engine().rows().last().unwrap().reference();
    for (query, row) in [
        ("0xf0301d1c", None),
        ("015 0x04000011", None),
        ("", Some(last)),
    ] {
        browser.open(&page_url(Some(query), None)).unwrap();
        let answer = lookup(query);
        let row = row.unwrap_or_else(|| shown_rows(&answer).last().unwrap().clone());
        browser
            .click(&format!("article[data-row='{row}'] button.copy"))
            .unwrap();
        let mut copied = Value::Null;
        for _ in 0..100 {
            copied = browser.eval("navigator.clipboard.readText()").unwrap();
            if copied != json!("") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let ticket = oqs_explain::ticket::ticket(engine(), &answer, &row, Lang::Ja).unwrap();
        assert_eq!(copied, json!(ticket), "{query:?} {row}");
        assert!(ticket.contains(&format!("一覧の版 {}", answer.version)));
        assert_eq!(
            browser.text_of(&format!("article[data-row='{row}'] button.copy")),
            say::copy(Lang::Ja).1
        );
        browser.eval("navigator.clipboard.writeText('')").unwrap();
    }
    // The row is named as the workbook shows it: the ID asked, in its range.
    let answer = lookup("0xf0301d1c");
    let in_range = answer
        .matches
        .iter()
        .find(|m| matches!(m.reason, Reason::Range { .. }))
        .unwrap();
    let ticket =
        oqs_explain::ticket::ticket(engine(), &answer, &in_range.shown.reference(), Lang::Ja)
            .unwrap();
    assert!(
        ticket.contains("メッセージID: 0xF0301D1C（一覧の範囲"),
        "{ticket}"
    );
}

/// Why the rows matched is said once, in the status line; each row's 一致 line only on
/// request; a row that answers for another reason than the rest is marked so, briefly.
#[test]
fn why_rows_matched_is_said_once() {
    let Some(mut browser) = browser_or_skip("why_rows_matched_is_said_once") else {
        return;
    };
    let reasons_seen = "[...document.querySelectorAll('article.row .reason')].filter(e => e.checkVisibility()).length";
    for query in ["暗証番号 ロック", "カードが読めない", "コールセンター"] {
        browser.open(&page_url(Some(query), None)).unwrap();
        let answer = lookup(query);
        let rows = answer.matches.len();
        assert!(rows > 1, "{query}");
        assert_eq!(browser.eval(reasons_seen).unwrap(), json!(0), "{query}");
        let status = browser.text_of("#status");
        assert!(status.contains(&format!("{rows} 件")), "{status}");
        browser.click(".show-reasons input").unwrap();
        assert_eq!(browser.eval(reasons_seen).unwrap(), json!(rows), "{query}");
    }
    // An ID in a range of one row and in the cause of another: said in the status line,
    // each such row marked with a word or two.
    browser.open(&page_url(Some("0xf0301d1c"), None)).unwrap();
    let status = browser.text_of("#status");
    assert!(status.contains("内訳"), "{status}");
    let marks = browser
        .eval("[...document.querySelectorAll('article.row')].map(a => [a.dataset.row, a.querySelector('.why') ? a.querySelector('.why').innerText : null])")
        .unwrap();
    for (m, mark) in lookup("0xf0301d1c")
        .matches
        .iter()
        .zip(marks.as_array().unwrap())
    {
        let expected = match m.reason {
            Reason::Range { .. } => Some(say::reason_kind(Lang::Ja, say::ReasonKind::Range)),
            Reason::ReceivedCode(_) => Some(say::reason_kind(Lang::Ja, say::ReasonKind::Received)),
            _ => None,
        };
        assert_eq!(mark[1].as_str(), expected, "{mark}");
    }
    // A code that is also a マイナポータル error code: its rows counted as the code's.
    for code in &engine().data().table.codes {
        let number = code.number.to_string();
        let answer = lookup(&number);
        if answer.code_rows() == answer.matches.len() {
            continue;
        }
        browser.open(&page_url(Some(&number), None)).unwrap();
        let status = browser.text_of("#status");
        assert!(
            status.starts_with(&format!("コード {number} の行: {} 件、", code.rows.len())),
            "{status}"
        );
    }
}

/// A single character is marked only where it was typed as a word of its own, not where a
/// sentence was cut into terms.
#[test]
fn single_characters_are_marked_only_when_typed_alone() {
    let Some(mut browser) = browser_or_skip("single_characters_are_marked_only_when_typed_alone")
    else {
        return;
    };
    let marked = "[...document.querySelectorAll('mark')].map(m => m.innerText)";
    for sentence in ["顔が認証されない", "カードを置いたが読めない"] {
        browser.open(&page_url(Some(sentence), None)).unwrap();
        let answer = lookup(sentence);
        assert!(answer.words().unwrap().split, "{sentence}");
        let singles: Vec<String> = answer
            .words()
            .unwrap()
            .words
            .iter()
            .filter(|w| w.chars().count() == 1)
            .cloned()
            .collect();
        assert!(
            !singles.is_empty(),
            "{sentence}: no single character searched"
        );
        let marks: Vec<String> = serde_json::from_value(browser.eval(marked).unwrap()).unwrap();
        assert!(!marks.is_empty(), "{sentence}");
        for mark in &marks {
            assert!(mark.chars().count() > 1, "{sentence}: {mark} marked");
        }
    }
    browser.open(&page_url(Some("顔"), None)).unwrap();
    let marks: Vec<String> = serde_json::from_value(browser.eval(marked).unwrap()).unwrap();
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m == "顔"),
        "{marks:?}"
    );
}

/// With an empty box: every code listed compactly to jump to, grouped by category (its
/// first tag), with how many rows each has; a click opens the code.
#[test]
fn an_empty_box_gives_an_overview_of_every_code_by_category() {
    let Some(mut browser) =
        browser_or_skip("an_empty_box_gives_an_overview_of_every_code_by_category")
    else {
        return;
    };
    browser.open(&page_url(None, None)).unwrap();
    let overview = browser
        .eval(
            "[...document.querySelectorAll('nav.overview .group')].map(g => [g.querySelector('h3').innerText,\
              [...g.querySelectorAll('li')].map(l => [l.querySelector('a').getAttribute('href'), l.querySelector('.count').innerText])])",
        )
        .unwrap();
    let table = &engine().data().table;
    let mut expected: Vec<(String, Vec<Value>)> = Vec::new();
    for code in &table.codes {
        let group = format!("【{}】", code.tags[0]);
        let entry = json!([
            format!("#{}", code.number),
            say::row_count(Lang::Ja, code.rows.len())
        ]);
        match expected.iter_mut().find(|(g, _)| *g == group) {
            Some((_, entries)) => entries.push(entry),
            None => expected.push((group, vec![entry])),
        }
    }
    let expected: Vec<Value> = expected
        .into_iter()
        .map(|(group, entries)| json!([format!("{group} {}", entries.len()), entries]))
        .collect();
    assert_eq!(overview, json!(expected));
    // Compact: the whole overview in less than a screen's height on a desktop.
    let height = browser
        .eval("document.querySelector('nav.overview').getBoundingClientRect().height")
        .unwrap();
    assert!(height.as_f64().unwrap() < 700.0, "{height}");
    let code = &table.codes[table.codes.len() - 1];
    browser
        .click(&format!("nav.overview a[href='#{}']", code.number))
        .unwrap();
    wait_for_rows(&mut browser, &shown_rows(&lookup(&code.number.to_string())));
}

/// The rows of an answer, and the whole table, filtered by category and by whom to call,
/// each choice with how many rows it keeps; the status line counts what is shown.
#[test]
fn rows_are_filtered_by_category_and_by_contact_with_counts() {
    let Some(mut browser) =
        browser_or_skip("rows_are_filtered_by_category_and_by_contact_with_counts")
    else {
        return;
    };
    let chips = "[...document.querySelectorAll('.filters button[data-filter]')].map(b => [b.innerText, b.getAttribute('aria-pressed')])";
    for query in ["", "コールセンター"] {
        browser.open(&page_url(Some(query), None)).unwrap();
        let answer = lookup(query);
        let all: Vec<oqs_explain::Shown<'_>> = if query.is_empty() {
            engine().rows().collect()
        } else {
            answer.matches.iter().map(|m| m.shown.clone()).collect()
        };
        let tag = all[all.len() - 1].tags[0].clone();
        let with_tag: Vec<&oqs_explain::Shown<'_>> =
            all.iter().filter(|s| s.tags.contains(&tag)).collect();
        browser.click(".filters summary").unwrap();
        let listed = browser.eval(chips).unwrap();
        assert!(
            listed
                .as_array()
                .unwrap()
                .contains(&json!([format!("【{tag}】 {}", with_tag.len()), "false"])),
            "{query:?}: {listed}"
        );
        browser.click(&filter_button(Some(&tag), None)).unwrap();
        let expected: Vec<String> = with_tag.iter().map(|s| s.reference()).collect();
        wait_for_rows(&mut browser, &expected);
        let status = browser.text_of("#status");
        assert!(
            status.contains(&format!("{} 件中 {} 件を表示", all.len(), expected.len())),
            "{status}"
        );
        // And by whom to call, within the category.
        let party = oqs_explain::page::contact_party(&with_tag[0].row.contact).to_owned();
        let both: Vec<String> = with_tag
            .iter()
            .filter(|s| oqs_explain::page::contact_party(&s.row.contact) == party)
            .map(|s| s.reference())
            .collect();
        browser
            .click(&filter_button(Some(&tag), Some(&party)))
            .unwrap();
        wait_for_rows(&mut browser, &both);
        let pressed = browser
            .eval("[...document.querySelectorAll('.filters button[aria-pressed=true]')].length")
            .unwrap();
        assert_eq!(pressed, json!(2));
        browser.click(".filters button.clear").unwrap();
        let everything: Vec<String> = all.iter().map(|s| s.reference()).collect();
        wait_for_rows(&mut browser, &everything);
    }
}

/// The filter button whose click asks for a filter.
fn filter_button(tag: Option<&str>, contact: Option<&str>) -> String {
    let filter = oqs_explain::page::Filter {
        tag: tag.map(str::to_owned),
        contact: contact.map(str::to_owned),
    };
    format!(
        ".filters button[data-filter='{}']",
        serde_json::to_string(&filter).unwrap()
    )
}

/// Printed on A4: the whole table in at most 15 pages, the search box and controls left
/// out, and a code's heading repeated at the top of every page its rows continue on (as
/// `pdftotext` reads the pages).
#[test]
fn the_whole_table_prints_on_at_most_15_a4_pages_headings_repeated() {
    let Some(mut browser) =
        browser_or_skip("the_whole_table_prints_on_at_most_15_a4_pages_headings_repeated")
    else {
        return;
    };
    browser.open(&page_url(None, None)).unwrap();
    let pdf = browser.print_a4().unwrap();
    let pages = pdf_pages(&pdf);
    assert!((2..=15).contains(&pages), "{pages} pages");
    let Some(texts) = pdf_page_texts(&pdf, pages) else {
        return;
    };
    let table = &engine().data().table;
    let heading = |line: &str| {
        table
            .codes
            .iter()
            .find(|c| line.starts_with(&format!("{} {}", c.number, c.heading)))
    };
    // The table's pages, before the revision history (改訂履歴, where spec/ holds several
    // versions), whose pages go on under headings of their own.
    let table_pages = texts
        .iter()
        .position(|t| t.contains("改訂履歴"))
        .unwrap_or(texts.len());
    for (page, text) in texts.iter().enumerate().take(table_pages).skip(1) {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            heading(first.trim()).is_some(),
            "page {}: starts without a code's heading: {first}",
            page + 1
        );
    }
    for (page, text) in texts.iter().enumerate() {
        let last = text.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            heading(last.trim()).is_none(),
            "page {}: ends on a heading alone: {last}",
            page + 1
        );
        for hidden in ["コピー", "絞り込み", "コード一覧"] {
            assert!(!text.contains(hidden), "page {}: {hidden}", page + 1);
        }
    }
}

/// The pages of a PDF Chromium wrote: its page objects.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, _)| !text[at + 11..].starts_with('s'))
        .count()
}

/// Each page's text as `pdftotext` reads it; `None`, saying so, where it is not installed
/// (a failure where the browser is required: CI installs poppler-utils).
fn pdf_page_texts(pdf: &[u8], pages: usize) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("table.pdf");
    std::fs::write(&file, pdf).unwrap();
    let mut texts = Vec::new();
    for page in 1..=pages {
        let page = page.to_string();
        let output = std::process::Command::new("pdftotext")
            .args(["-layout", "-f", &page, "-l", &page])
            .arg(&file)
            .arg("-")
            .output();
        match output {
            Ok(output) if output.status.success() => {
                texts.push(String::from_utf8_lossy(&output.stdout).into_owned())
            }
            Ok(output) => panic!("pdftotext: {}", String::from_utf8_lossy(&output.stderr)),
            Err(e) if std::env::var_os(support::browser::REQUIRE).is_some() => {
                panic!("pdftotext cannot be run ({e}): apt-get install poppler-utils")
            }
            Err(e) => {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "skipped: the printed pages' headings: pdftotext cannot be run ({e}; apt-get install poppler-utils)"
                );
                return None;
            }
        }
    }
    Some(texts)
}

/// Typed a character at a time, an ID never shows 該当なし on the way: each start of it shows
/// the rows of the IDs it could become (the engine's answer, as explain gives it).
#[test]
fn typing_an_id_never_shows_nothing_found() {
    let Some(mut browser) = browser_or_skip("typing_an_id_never_shows_nothing_found") else {
        return;
    };
    browser.open(&page_url(None, None)).unwrap();
    browser
        .eval("document.getElementById('q').focus()")
        .unwrap();
    for id in ["0x04000011", "81000026", "０ｘ０４００００１１"] {
        browser
            .eval("document.getElementById('q').value = ''")
            .unwrap();
        let mut typed = String::new();
        for c in id.chars() {
            typed.push(c);
            browser
                .call("Input.insertText", json!({"text": c.to_string()}))
                .unwrap();
            let class = browser
                .eval("document.getElementById('status').className")
                .unwrap();
            let status = browser.text_of("#status");
            assert_ne!(class, json!("none"), "{typed:?}: {status}");
            let rows = browser.visible_rows();
            assert_eq!(rows, shown_rows(&lookup(&typed)), "{typed:?}");
            assert!(!rows.is_empty(), "{typed:?}: {status}");
        }
    }
    browser
        .eval("document.getElementById('q').value = ''")
        .unwrap();
    browser
        .call("Input.insertText", json!({"text": "0x0400"}))
        .unwrap();
    let status = browser.text_of("#status");
    assert!(
        status.starts_with("0x0400 で始まるメッセージID"),
        "{status}"
    );
}

/// While an input method composes (Japanese input), nothing is answered: the results are
/// not touched until the text is committed.
#[test]
fn nothing_flashes_while_japanese_is_composed() {
    let Some(mut browser) = browser_or_skip("nothing_flashes_while_japanese_is_composed") else {
        return;
    };
    browser.open(&page_url(None, None)).unwrap();
    browser
        .eval("document.getElementById('q').focus()")
        .unwrap();
    browser
        .eval(
            "window.__changes = 0; new MutationObserver(() => window.__changes++)\
             .observe(document.querySelector('main'), {childList: true, subtree: true, characterData: true, attributes: true})",
        )
        .unwrap();
    for step in ["あ", "あん", "あんしょう", "暗証"] {
        let length = step.chars().count();
        browser
            .call(
                "Input.imeSetComposition",
                json!({"text": step, "selectionStart": length, "selectionEnd": length}),
            )
            .unwrap();
        assert_eq!(
            browser.eval("document.getElementById('q').value").unwrap(),
            json!(step)
        );
        assert_eq!(
            browser.eval("window.__changes").unwrap(),
            json!(0),
            "{step}"
        );
    }
    browser
        .call("Input.insertText", json!({"text": "暗証"}))
        .unwrap();
    wait_for_rows(&mut browser, &shown_rows(&lookup("暗証")));
}

/// The relative luminance of a CSS `rgb(…)` colour.
fn luminance(color: &str) -> f64 {
    let parts: Vec<f64> = color
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .map(|p| p.trim().parse().unwrap())
        .collect();
    let channel = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(parts[0]) + 0.7152 * channel(parts[1]) + 0.0722 * channel(parts[2])
}

fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// Each kind of text a person reads, with its colour and the background it stands on.
const COLOURS: &str = "[...['body', 'header.page h1', '#status', '.search input', 'section.code > h2 .heading',\
    'section.code > h2 .tags', '.contact .who', '.contact .label', 'dt', 'dd', 'a.ref', 'mark', '.tools summary',\
    'nav.overview a', 'article.row .copy', '.unseen']].map(s => document.querySelector(s)).filter(e => e).map(e => {\
    let b = e, bg = 'rgba(0, 0, 0, 0)';\
    while (b && (bg = getComputedStyle(b).backgroundColor) === 'rgba(0, 0, 0, 0)') b = b.parentElement;\
    return [e.tagName + '.' + e.className, getComputedStyle(e).color, b ? bg : 'rgb(255, 255, 255)']; })";

/// Dark mode follows the system: with `prefers-color-scheme: dark` the page is dark and
/// every text keeps a contrast of at least 4.5:1 (WCAG AA); light otherwise.
#[test]
fn dark_mode_follows_the_system() {
    let Some(mut browser) = browser_or_skip("dark_mode_follows_the_system") else {
        return;
    };
    for (scheme, query) in [
        ("dark", "暗証番号 ロック"),
        ("light", "暗証番号 ロック"),
        ("dark", ""),
    ] {
        browser.set_color_scheme(scheme).unwrap();
        browser.open(&page_url(Some(query), None)).unwrap();
        let colours = browser.eval(COLOURS).unwrap();
        let colours = colours.as_array().unwrap();
        assert!(colours.len() >= 12, "{colours:?}");
        let body = colours[0][2].as_str().unwrap();
        if scheme == "dark" {
            assert!(luminance(body) < 0.05, "{scheme}: {body}");
        } else {
            assert!(luminance(body) > 0.9, "{scheme}: {body}");
        }
        for colour in colours {
            let (fg, bg) = (colour[1].as_str().unwrap(), colour[2].as_str().unwrap());
            assert!(
                contrast(fg, bg) >= 4.5,
                "{scheme} {query:?}: {colour} has contrast {:.2}",
                contrast(fg, bg)
            );
        }
    }
}

/// No id is given twice, in any answer (a code answering twice, for two reasons, has its
/// id once).
#[test]
fn element_ids_are_unique() {
    let Some(mut browser) = browser_or_skip("element_ids_are_unique") else {
        return;
    };
    let mut queries: Vec<String> = cases()
        .iter()
        .map(|c| c["query"].as_str().unwrap().to_owned())
        .collect();
    queries.extend(["", "0x", "コールセンター", "顔認証できない"].map(str::to_owned));
    let mut twice = 0;
    for query in &queries {
        browser.open(&page_url(Some(query), None)).unwrap();
        let ids: Vec<String> = serde_json::from_value(
            browser
                .eval("[...document.querySelectorAll('[id]')].map(e => e.id)")
                .unwrap(),
        )
        .unwrap();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "{query:?}: {ids:?}");
        let sections = browser
            .eval("[...document.querySelectorAll('section.code h2 .number')].map(n => n.innerText)")
            .unwrap();
        let sections = sections.as_array().unwrap();
        if (1..sections.len()).any(|i| sections[..i].contains(&sections[i])) {
            twice += 1;
        }
    }
    assert!(
        twice > 0,
        "no answer shows a code twice: the case is not tested"
    );
}
