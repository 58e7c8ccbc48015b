//! The search measured on sentences nobody tuned it to: through the one engine (`explain`
//! and the page), on the tuning half, the test half and the validation set of
//! `tests/callers/` (and on a set kept outside the project, `OQS_CALLERS_EXTRA=dir`), beside a plain BM25 over character
//! bigrams built here over the same rows (what Lucene's CJK analyzer or Groonga's bigram
//! tokenizer would do, knowing nothing of this table). Prints the figures BENCHMARKS.md
//! reports, says which goals are not met ([`GOALS`]: the first code right ≥ 95 %, an
//! accepted code among the first three ≥ 98 %, questions the table does not answer told
//! that nothing fits ≥ 90 %, sentences it answers answered without that ≥ 95 %, pasted codes
//! and IDs read right ≥ 95 %), and holds on every set the floors reached so far, ahead of
//! the baseline on first codes, with a median of at most 6 rows shown.
//! `OQS_CALLERS_MISSES=1` lists the misses of the tuning half (never of the test half: no
//! weight or caller's word is changed for a sentence of it).

mod support;

use oqs_explain::{Engine, Failure, Shown};
use oqs_messages::fold::folded;
use serde_json::Value;
use support::callers::CallerSet;

/// Every text of a row and of its code, as one document.
fn document(shown: &Shown<'_>) -> String {
    let row = shown.row;
    let mut texts: Vec<&str> = vec![shown.heading];
    texts.extend(shown.message);
    texts.extend(shown.tags.iter().map(String::as_str));
    texts.extend([row.kind.as_str(), &row.cause, &row.remedy, &row.contact]);
    texts.extend(shown.footnotes.iter().map(|n| n.text.as_str()));
    texts.join("\n")
}

/// Tokens as a CJK analyzer makes them: width and case folded, runs of letters and digits
/// as one token, other characters as overlapping pairs (a lone one alone).
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = folded(text).collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
            continue;
        }
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphanumeric() && !chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = &chars[start..i];
        if run.len() == 1 {
            tokens.push(run[0].to_string());
        }
        for pair in run.windows(2) {
            tokens.push(pair.iter().collect());
        }
    }
    tokens
}

/// BM25 (k1 = 1.2, b = 0.75) over the rows: the indexes of the rows with a score above
/// zero, best first.
struct Bm25 {
    documents: Vec<Vec<String>>,
    average_length: f64,
}

impl Bm25 {
    fn new(engine: &Engine) -> Bm25 {
        let documents: Vec<Vec<String>> = engine.rows().map(|r| tokens(&document(&r))).collect();
        let average_length =
            documents.iter().map(Vec::len).sum::<usize>() as f64 / documents.len() as f64;
        Bm25 {
            documents,
            average_length,
        }
    }

    fn search(&self, query: &str) -> Vec<usize> {
        let mut terms = tokens(query);
        terms.sort();
        terms.dedup();
        let n = self.documents.len() as f64;
        let mut scores: Vec<(f64, usize)> = Vec::new();
        for (i, document) in self.documents.iter().enumerate() {
            let length = document.len() as f64;
            let mut score = 0.0;
            for term in &terms {
                let frequency = document.iter().filter(|t| *t == term).count() as f64;
                if frequency == 0.0 {
                    continue;
                }
                let holding = self.documents.iter().filter(|d| d.contains(term)).count() as f64;
                let idf = (1.0 + (n - holding + 0.5) / (holding + 0.5)).ln();
                score += idf * frequency * 2.2
                    / (frequency + 1.2 * (0.25 + 0.75 * length / self.average_length));
            }
            if score > 0.0 {
                scores.push((score, i));
            }
        }
        scores.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scores.into_iter().map(|(_, i)| i).collect()
    }
}

/// How a search did on a set.
#[derive(Default)]
struct Figures {
    sentences: usize,
    first_right: usize,
    within_three: usize,
    without_warning: usize,
    rows_shown: Vec<usize>,
    misses: Vec<String>,
}

impl Figures {
    /// A sentence answered with rows of these codes (in order), said weak or not.
    fn add(
        &mut self,
        sentence: &str,
        accept: &[String],
        codes: &[String],
        rows: usize,
        weak: bool,
    ) {
        self.sentences += 1;
        let mut distinct: Vec<&String> = Vec::new();
        for code in codes {
            if !distinct.contains(&code) {
                distinct.push(code);
            }
        }
        if distinct.first().is_some_and(|c| accept.contains(c)) {
            self.first_right += 1;
        } else {
            self.misses.push(format!(
                "{sentence} → {:?} (accepted {accept:?})",
                &distinct[..distinct.len().min(3)]
            ));
        }
        if distinct.iter().take(3).any(|c| accept.contains(c)) {
            self.within_three += 1;
        }
        if !weak && rows > 0 {
            self.without_warning += 1;
        }
        self.rows_shown.push(rows);
    }

    fn median_rows(&self) -> f64 {
        let mut rows = self.rows_shown.clone();
        rows.sort_unstable();
        let n = rows.len();
        if n == 0 {
            return 0.0;
        }
        if n % 2 == 1 {
            rows[n / 2] as f64
        } else {
            (rows[n / 2 - 1] + rows[n / 2]) as f64 / 2.0
        }
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// The first row's fit, when the text was searched by words.
fn best_fit(answer: &oqs_explain::Answer<'_>) -> String {
    match answer.matches.first().map(|m| &m.reason) {
        Some(oqs_explain::Reason::Text(reason)) => format!(
            "{} {} {} {} {}",
            u8::from(answer.weak),
            reason.fit,
            reason.score,
            answer.matches.len(),
            answer
                .words()
                .map_or(String::new(), |w| w.unknown.join("/"))
        ),
        _ => format!("{} 0 0 0 -", u8::from(answer.weak)),
    }
}

/// What the engine reads a pasted text as, in `explain --json`'s `read_as` terms.
fn read_as(engine: &Engine, text: &str) -> Value {
    let answer = engine.answer(text);
    let json = oqs_explain::render_json(&answer, oqs_explain::Lang::Ja);
    serde_json::to_value(&json.read_as).unwrap()
}

/// The set measured: its figures printed, its misses listed when asked for, and whether it
/// meets every goal.
fn measure(engine: &Engine, baseline: &Bm25, set: &CallerSet, list_misses: bool) -> Vec<String> {
    let rows: Vec<String> = engine.rows().map(|r| r.code.to_string()).collect();
    let codes: Vec<String> = engine
        .data()
        .table
        .codes
        .iter()
        .map(|c| c.number.to_string())
        .collect();
    let mut ours = Figures::default();
    let mut plain = Figures::default();
    for (sentence, accept) in &set.sentences {
        // The accepted codes are 1.25's: a later version that withdraws them all leaves
        // the sentence out.
        if !accept.iter().any(|c| codes.contains(c)) {
            continue;
        }
        let answer = engine.answer(sentence);
        if std::env::var_os("OQS_CALLERS_FIT").is_some() && set.name == "tuning" {
            println!("fit in {} {sentence}", best_fit(&answer));
        }
        let shown: Vec<String> = answer
            .matches
            .iter()
            .map(|m| m.shown.code.to_string())
            .collect();
        ours.add(sentence, accept, &shown, shown.len(), answer.weak);
        let found: Vec<String> = baseline
            .search(sentence)
            .into_iter()
            .map(|i| rows[i].clone())
            .collect();
        plain.add(sentence, accept, &found, found.len(), false);
    }
    let mut told = 0;
    let mut answered = Vec::new();
    for question in &set.out_of_scope {
        let answer = engine.answer(question);
        if std::env::var_os("OQS_CALLERS_FIT").is_some() && set.name == "tuning" {
            println!("fit out {} {question}", best_fit(&answer));
        }
        if answer.weak || matches!(answer.failure, Some(Failure::NoWords { .. })) {
            told += 1;
        } else {
            answered.push(format!("{question} → {} rows", answer.matches.len()));
        }
    }
    let mut read_right = 0;
    let mut misread = Vec::new();
    for (text, expected) in &set.pasted {
        let read = read_as(engine, text);
        // An ID is a number: `0xF0301D1A` as a log writes it is `0xf0301d1a` as a cause does.
        let value = |v: Option<&Value>| match v.cloned().unwrap_or(Value::Null) {
            Value::String(text) => Value::String(text.to_ascii_lowercase()),
            other => other,
        };
        let same = ["code", "message_id", "portal_error"]
            .iter()
            .all(|key| value(read.get(*key)) == value(expected.get(*key)));
        if same {
            read_right += 1;
        } else {
            misread.push(format!("{text} → {read} (expected {expected})"));
        }
    }
    let n = ours.sentences;
    println!(
        "\n{} ({} sentences, {} questions the table does not answer, {} pasted texts)",
        set.name,
        n,
        set.out_of_scope.len(),
        set.pasted.len()
    );
    println!("| search | first code accepted | accepted code in the first three | answered without a warning | rows shown (median) |");
    println!("| --- | --- | --- | --- | --- |");
    println!(
        "| the engine | {} / {n} ({:.1} %) | {} / {n} ({:.1} %) | {} / {n} ({:.1} %) | {} |",
        ours.first_right,
        percent(ours.first_right, n),
        ours.within_three,
        percent(ours.within_three, n),
        ours.without_warning,
        percent(ours.without_warning, n),
        ours.median_rows()
    );
    println!(
        "| BM25 over character bigrams | {} / {n} ({:.1} %) | {} / {n} ({:.1} %) | — | {} |",
        plain.first_right,
        percent(plain.first_right, n),
        plain.within_three,
        percent(plain.within_three, n),
        plain.median_rows()
    );
    let questions = set.out_of_scope.len();
    if questions > 0 {
        println!(
            "questions told that nothing fits: {told} / {questions} ({:.1} %)",
            percent(told, questions)
        );
    }
    let pasted = set.pasted.len();
    if pasted > 0 {
        println!(
            "pasted texts read right: {read_right} / {pasted} ({:.1} %)",
            percent(read_right, pasted)
        );
    }
    if list_misses {
        for miss in ours.misses.iter().chain(&answered).chain(&misread) {
            println!("miss: {miss}");
        }
    }
    let figures = [
        percent(ours.first_right, n),
        percent(ours.within_three, n),
        percent(told, questions),
        percent(ours.without_warning, n),
        percent(read_right, pasted),
    ];
    let mut unmet = Vec::new();
    for ((name, goal, floor), figure) in GOALS.iter().zip(figures) {
        if figure < *goal {
            println!("goal not met: {name} {figure:.1} % < {goal} %");
        }
        if figure < *floor {
            unmet.push(format!(
                "{}: {name} {figure:.1} % fell below {floor} %",
                set.name
            ));
        }
    }
    if ours.first_right <= plain.first_right {
        unmet.push(format!(
            "{}: first codes {} not ahead of BM25's {}",
            set.name, ours.first_right, plain.first_right
        ));
    }
    if ours.median_rows() > 6.0 {
        unmet.push(format!(
            "{}: median rows {} > 6",
            set.name,
            ours.median_rows()
        ));
    }
    unmet
}

/// The goals of the search (issue 37), each with the floor the suite holds today: a change
/// that makes a figure fall below its floor fails; one that reaches a goal should raise the
/// floor. (name, goal %, floor %).
const GOALS: [(&str, f64, f64); 5] = [
    ("first code accepted", 95.0, 89.0),
    ("accepted code in the first three", 98.0, 94.0),
    ("questions told that nothing fits", 90.0, 86.0),
    ("sentences answered without a warning", 95.0, 94.0),
    ("pasted texts read right", 95.0, 97.0),
];

#[test]
fn the_search_holds_on_sentences_nobody_tuned_it_to() {
    let engine = oqs_explain::current().unwrap();
    let baseline = Bm25::new(engine);
    let list = std::env::var_os("OQS_CALLERS_MISSES").is_some();
    let tuning = CallerSet::half("tuning");
    let test = CallerSet::half("test");
    assert!(tuning.sentences.len() + test.sentences.len() >= 150);
    let mut unmet = measure(engine, &baseline, &tuning, list);
    unmet.extend(measure(engine, &baseline, &test, false));
    unmet.extend(measure(
        engine,
        &baseline,
        &CallerSet::half("validation"),
        false,
    ));
    if let Some(extra) = CallerSet::extra() {
        unmet.extend(measure(engine, &baseline, &extra, false));
    }
    assert!(unmet.is_empty(), "goals not met: {unmet:#?}");
}

#[test]
fn the_baseline_tokenizes_as_a_cjk_analyzer_does() {
    assert_eq!(
        tokens("暗証番号ロック PIN2回"),
        ["暗証", "証番", "番号", "号ロ", "ロッ", "ック", "pin2", "回"]
    );
    let engine = oqs_explain::current().unwrap();
    let baseline = Bm25::new(engine);
    let rows: Vec<String> = engine.rows().map(|r| r.code.to_string()).collect();
    let found = baseline.search("照合番号B");
    assert!(found
        .iter()
        .take(3)
        .all(|&i| rows[i] == "015" || rows[i] == "005"));
}
