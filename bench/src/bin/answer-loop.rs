//! 2,000 answers to one text through `oqs_answer::Engine::answer`, as `explain` and the page
//! call it, for counting instructions (`valgrind --tool=callgrind target/release/answer-loop
//! "暗証番号を3回間違えてロックされた"`) or sampling (`perf record`): where the whole answer's
//! time goes, beside `search-loop`'s search alone (BENCHMARKS.md, "Speed").

fn main() {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!("usage: answer-loop TEXT");
        std::process::exit(2);
    };
    let engine = match oqs_explain::current() {
        Ok(engine) => engine,
        Err(err) => {
            eprintln!("answer-loop: {err}");
            std::process::exit(2);
        }
    };
    // The first answer makes the index and reads the counts; they are not what is measured.
    let mut rows = engine.answer(&query).matches.len();
    for _ in 0..2000 {
        rows += engine.answer(&query).matches.len();
    }
    println!("{rows} rows in 2,001 answers");
}
