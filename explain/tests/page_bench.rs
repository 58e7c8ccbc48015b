//! The offline page against a baseline page, measured in a real browser: run by
//! `scripts/bench-page.sh`, which prints Markdown for BENCHMARKS.md. Not a test of time: the
//! one function here is ignored unless asked for.

mod support;

use serde_json::json;
use std::fs;
use std::path::{Path, PathBuf};
use support::browser::{browser_or_skip, Browser};
use support::callers::CallerSet;
use support::{cases, page_url};

/// The page against a baseline page (`OQS_BENCH_BASELINE`, a `table.html` written before;
/// `scripts/bench-page.sh` writes the one of the last commit before the engine), side by
/// side in one browser, a tab each, the two measured in turn so that a busy machine weighs
/// on both alike: load to first answer (with an empty box and with `?q=`), and every shared
/// query and caller's sentence typed into the box, answered and drawn (layout included).
/// Not a test of time: it measures and prints a Markdown table (`OQS_BENCH_ROUNDS` rounds,
/// median).
#[test]
#[ignore = "a benchmark; run by scripts/bench-page.sh"]
fn bench_the_page_against_a_baseline() {
    let baseline = std::env::var("OQS_BENCH_BASELINE").expect("OQS_BENCH_BASELINE");
    let rounds: usize = std::env::var("OQS_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(11);
    let urls = [
        format!("file://{}", support::encode(&baseline, true)),
        page_url(None, None),
    ];
    let mut tabs: Vec<Browser> = (0..2)
        .map(|_| browser_or_skip("bench_the_page_against_a_baseline").expect("Chromium"))
        .collect();
    let mut queries: Vec<String> = cases()
        .iter()
        .map(|c| c["query"].as_str().unwrap().to_owned())
        .filter(|q| !q.trim().is_empty())
        .collect();
    // The sentences the page was first measured on: the first of the tuning half.
    let sentences = CallerSet::half("tuning").sentences;
    queries.extend(sentences.into_iter().take(76).map(|(s, _)| s));
    if rounds == 1 {
        queries.truncate(5);
    }
    // OQS_BENCH_QUERIES=0: the loads alone (a change to how the page loads, read quickly).
    if let Some(count) = std::env::var("OQS_BENCH_QUERIES")
        .ok()
        .and_then(|c| c.parse().ok())
    {
        queries.truncate(count);
    }
    // When the page says it is ready (its first answer drawn, the engine loaded), from the
    // start of navigation; and when its first answer was on the page (for today's, the
    // whole table is in the page as it is parsed).
    for tab in &mut tabs {
        tab.before_each_document("new MutationObserver((_, o) => { if (document.documentElement.dataset.ready === '1') { window.__readyAt = performance.now(); o.disconnect(); } })\
                .observe(document, {attributes: true, subtree: true, attributeFilter: ['data-ready']});")
            .unwrap();
    }
    // A query typed three times, answered and drawn, its mean time: Chromium gives a page
    // time in steps of 0.1 ms, moved at random within the step, so that a mean of many
    // reads finer than the step (the middle of three read 1–2 ms queries as 1.1 against 1.2).
    let typing = r#"(q => { const box = document.getElementById("q"); let total = 0;
        for (let i = 0; i < 3; i++) { box.value = "ゐ"; box.dispatchEvent(new Event("input"));
          const t = performance.now(); box.value = q; box.dispatchEvent(new Event("input"));
          void document.body.offsetHeight; total += performance.now() - t; }
        return total / 3; })"#;
    // Load, with an empty box (the whole table) and with a query in the address: until
    // ready, and, with an empty box, until the document is parsed (the whole table shown).
    let mut loads = [
        [Vec::new(), Vec::new()],
        [Vec::new(), Vec::new()],
        [Vec::new(), Vec::new()],
    ];
    // From round to round, which page goes first and which browser shows it alternate: two
    // copies of one page measured here (2 cores) differed by 1.2–1.3 times in load and 0.9
    // times in answers, by browser and by turn alone.
    let in_turn = |round: usize| {
        if round.is_multiple_of(2) {
            [0, 1]
        } else {
            [1, 0]
        }
    };
    let tab_of = |page: usize, round: usize| (page + round) % 2;
    for round in 0..rounds {
        for page in in_turn(round) {
            let tab = &mut tabs[tab_of(page, round)];
            for (with_query, suffix) in ["", "?q=0x04000011"].iter().enumerate() {
                tab.open(&format!("{}{suffix}", urls[page])).unwrap();
                let ready = tab.eval("window.__readyAt").unwrap().as_f64().unwrap();
                loads[with_query][page].push(ready);
                if with_query == 0 {
                    let parsed = tab
                        .eval("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
                        .unwrap();
                    loads[2][page].push(parsed.as_f64().unwrap());
                }
            }
        }
    }
    let loads = loads.map(|l| l.map(median));
    // The same loads as a person opening the file meets them: each in a Chromium of its own
    // with an empty profile (the loads above reuse one browser, whose engine keeps the
    // module compiled from the load before).
    let cold = cold_loads(&[PathBuf::from(&baseline), support::page()], rounds);
    // Each query's runs, per page: a round opens each page in its browser, then types
    // every query.
    let mut runs = vec![[Vec::new(), Vec::new()]; queries.len()];
    for round in 0..rounds {
        for page in 0..2 {
            tabs[tab_of(page, round)].open(&urls[page]).unwrap();
        }
        for (query, runs) in queries.iter().zip(&mut runs) {
            let call = format!("{typing}({})", json!(query));
            for page in in_turn(round) {
                let tab = &mut tabs[tab_of(page, round)];
                runs[page].push(tab.eval(&call).unwrap().as_f64().unwrap());
            }
        }
    }
    let typed: [Vec<f64>; 2] =
        [0, 1].map(|page| runs.iter().map(|r| median(r[page].clone())).collect());
    let browser = &mut tabs[1];
    let version = browser.eval("navigator.userAgent").unwrap();
    println!("{}", version.as_str().unwrap_or(""));
    println!("| load, until ready | baseline (ms) | today (ms) | ratio |");
    println!("| --- | --- | --- | --- |");
    let kinds = [
        "empty box, engine ready",
        "?q=0x04000011, answered",
        "empty box, table shown (parsed)",
    ];
    for (name, [before, after]) in kinds.iter().zip(loads) {
        println!(
            "| {name} | {before:.1} | {after:.1} | {:.2} |",
            after / before
        );
    }
    for (name, [before, after]) in ["empty box, engine ready", "?q=0x04000011, answered"]
        .iter()
        .zip(cold)
    {
        println!(
            "| {name}, a browser started for it | {before:.1} | {after:.1} | {:.2} |",
            after / before
        );
    }
    if queries.is_empty() {
        return;
    }
    println!("| query | baseline (ms) | today (ms) | ratio |");
    println!("| --- | --- | --- | --- |");
    let mut ratios = Vec::new();
    for (i, query) in queries.iter().enumerate() {
        let (before, after) = (typed[0][i], typed[1][i]);
        let ratio = after / before.max(0.001);
        ratios.push(ratio);
        println!(
            "| {} | {before:.2} | {after:.2} | {ratio:.2} |",
            query.replace('|', "\\|")
        );
    }
    let slower = ratios.iter().filter(|r| **r > 1.0).count();
    let slower_by_a_tenth = ratios.iter().filter(|r| **r > 1.1).count();
    let total_before: f64 = typed[0].iter().sum();
    let total_after: f64 = typed[1].iter().sum();
    println!(
        "queries: {}; slower than the baseline: {slower} ({slower_by_a_tenth} by more than 1.1×); median ratio {:.2}; worst {:.2}; all queries {total_before:.0} ms → {total_after:.0} ms",
        queries.len(),
        median(ratios.clone()),
        ratios.iter().copied().fold(0.0, f64::max)
    );
}

/// Each page loaded in a Chromium started for that load alone, with an empty profile
/// (nothing compiled or cached before), the pages in turn, `rounds` times, with an empty box
/// and with `?q=0x04000011`: the median time from navigation to the page's `data-ready`,
/// per load and page. A copy of each page, with a script that prints that time first in its
/// head, is what is opened.
fn cold_loads(pages: &[PathBuf; 2], rounds: usize) -> [[f64; 2]; 2] {
    let chromium = support::browser::chromium().expect("Chromium");
    let dir = tempfile::tempdir().unwrap();
    let timed = r#"<script>new MutationObserver(function (_, o) { if (document.documentElement.dataset.ready === "1") { console.log("OQS-READY " + performance.now()); o.disconnect(); } }).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});</script>"#;
    let copies = [0, 1].map(|page| {
        let html = fs::read_to_string(&pages[page]).unwrap();
        let at = html.find("<head>").expect("<head>") + "<head>".len();
        let copy = dir.path().join(format!("page{page}.html"));
        fs::write(&copy, format!("{}{timed}{}", &html[..at], &html[at..])).unwrap();
        copy
    });
    let ready_at = |page: &Path, suffix: &str| -> f64 {
        let profile = tempfile::tempdir().unwrap();
        let out = std::process::Command::new("timeout")
            .arg("60")
            .arg(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .args(["--enable-logging=stderr", "--v=0", "--dump-dom"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!(
                "file://{}{suffix}",
                support::encode(&page.to_string_lossy(), true)
            ))
            .output()
            .unwrap();
        let log = String::from_utf8_lossy(&out.stderr);
        let at = log
            .find("OQS-READY ")
            .unwrap_or_else(|| panic!("not ready: {log}"));
        let rest = &log[at + "OQS-READY ".len()..];
        let end = rest
            .find(|c: char| c != '.' && !c.is_ascii_digit())
            .unwrap_or(rest.len());
        rest[..end].parse().unwrap()
    };
    let mut loads = [[Vec::new(), Vec::new()], [Vec::new(), Vec::new()]];
    for round in 0..rounds {
        let pages = if round.is_multiple_of(2) {
            [0, 1]
        } else {
            [1, 0]
        };
        for page in pages {
            for (with_query, suffix) in ["", "?q=0x04000011"].iter().enumerate() {
                loads[with_query][page].push(ready_at(&copies[page], suffix));
            }
        }
    }
    loads.map(|l| l.map(median))
}

/// The middle of the times measured.
fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
