//! 2,000 searches of one query through `oqs_messages::search`, for counting instructions
//! (`valgrind --tool=callgrind target/release/search-loop "暗証番号 ロック"`): a count that
//! does not move with what else the machine does, to hold two versions of the search side
//! by side (BENCHMARKS.md, "Speed after issue 37").

fn main() {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!("usage: search-loop QUERY");
        std::process::exit(2);
    };
    let mut rows = 0;
    for _ in 0..2000 {
        match oqs_messages::search::Search::new(&query) {
            Ok(search) => rows += search.matches().count(),
            Err(err) => {
                eprintln!("search-loop: {err}");
                std::process::exit(2);
            }
        }
    }
    println!("{rows} rows in 2,000 searches");
}
