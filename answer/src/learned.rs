//! What the sentences of the tuning half (`tests/callers/tuning.json`) say of each code: for
//! each piece of two or three characters they hold, how many sentences answered by each
//! code hold it (`generated/callers-sentences.txt`, written by codegen). With the same
//! counts of the table's own texts, made when the first sentence is searched, it is a naive
//! Bayes over pieces: how much likelier a sentence is under one code than under any.
//!
//! The search orders the rows by the words they hold; its first [`CANDIDATES`] codes are put
//! in the order these counts and their places favour. Callers say the same
//! thing in words no list of callers' words foresees (`まだ何回かできる`, `三回とも違って`);
//! the pieces of many such sentences carry it. Chosen by five-fold cross-validation on the
//! tuning half alone; judged on the test half and the sets kept outside (BENCHMARKS.md).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oqs_messages_table::CodeEntry;
use oqs_messages_text::fold::{folded, is_kanji};

/// How many of the codes the search shows first are put in the order the counts and their
/// places favour (four as good as three for the first code, and better for the first three).
pub const CANDIDATES: usize = 4;

/// Added to every count (additive smoothing): a piece no sentence of a code held is not
/// impossible under it.
const SMOOTHING: f64 = 0.1;

/// What one place in the search's order is worth against the counts' evidence (natural
/// logarithm of the likelihood ratio): ten times this much moves a code up one place.
const PER_PLACE: f64 = 10.0;

/// The pieces of a text: every run of two and of three characters, folded as the search
/// folds (width, case, kana, okurigana), of its letters, digits, kana and kanji alone
/// (blanks and marks left out), each once.
pub fn pieces(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = folded(text).filter(|&c| counted(c)).collect();
    let mut out = BTreeSet::new();
    for n in [2, 3] {
        for window in chars.windows(n) {
            out.insert(window.iter().collect());
        }
    }
    out
}

/// A character of a piece: as folded, a Latin letter or digit, a kana or a kanji.
fn counted(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{3041}'..='\u{30FA}') || is_kanji(c)
}

/// The counts of `callers-sentences.txt`: for each piece kept, the codes whose sentences
/// hold it and in how many; and each code's count over every piece, kept or not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceCounts {
    pieces: BTreeMap<String, Vec<(u16, u32)>>,
    totals: BTreeMap<u16, u64>,
}

impl SentenceCounts {
    /// Reads `callers-sentences.txt`: lines of `#` are comments; `= 001:1234 002:…` gives
    /// each code's count over every piece; every other line is a piece and its counts
    /// (`暗証 003:12 004:30`). An empty text gives no counts (nothing is reordered).
    pub fn parse(text: &str) -> Result<SentenceCounts, String> {
        let mut counts = SentenceCounts::default();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |what: &str| format!("line {}: {what}: {line}", number + 1);
            let (piece, rest) = line
                .split_once(' ')
                .ok_or_else(|| at("a piece and its counts expected"))?;
            let mut entries = Vec::new();
            for entry in rest.split(' ') {
                let parsed = entry.split_once(':').and_then(|(code, n)| {
                    Some((code.parse::<u16>().ok()?, n.parse::<u32>().ok()?))
                });
                entries.push(parsed.ok_or_else(|| at("`code:count` expected"))?);
            }
            if piece == "=" {
                for &(code, n) in &entries {
                    counts.totals.insert(code, u64::from(n));
                }
            } else {
                counts.pieces.insert(piece.to_owned(), entries);
            }
        }
        if !counts.pieces.is_empty() && counts.totals.is_empty() {
            return Err("no line `= code:count …` of each code's count".to_owned());
        }
        Ok(counts)
    }

    /// Whether there are no counts.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// The sentences' counts with the table's: each code's texts (heading, message, tags, and
/// each row's kind, cause and remedy) count as one sentence of that code more.
#[derive(Clone, Debug, Default)]
pub struct Learned {
    pieces: HashMap<String, Vec<(u16, u32)>>,
    totals: BTreeMap<u16, u64>,
    /// Each piece's count under every code.
    piece_totals: HashMap<String, u64>,
    /// Every count of every code.
    all: u64,
}

impl Learned {
    /// The counts of the sentences with those of the table's texts.
    pub fn new(counts: &SentenceCounts, codes: &[CodeEntry]) -> Learned {
        let mut known: HashMap<String, Vec<(u16, u32)>> = counts
            .pieces
            .iter()
            .map(|(piece, entries)| (piece.clone(), entries.clone()))
            .collect();
        let mut totals = counts.totals.clone();
        for code in codes {
            let number = code.number.get();
            let texts =
                [code.heading.as_str(), code.message.as_str()]
                    .into_iter()
                    .chain(code.tags.iter().map(String::as_str))
                    .chain(code.rows.iter().flat_map(|row| {
                        [row.kind.as_str(), row.cause.as_str(), row.remedy.as_str()]
                    }));
            // Inserted one by one: collecting sorts first, and a sort is code in the module.
            let mut held = BTreeSet::new();
            for text in texts {
                held.extend(pieces(text));
            }
            *totals.entry(number).or_default() += held.len() as u64;
            for piece in held {
                let entries = known.entry(piece).or_default();
                match entries.iter_mut().find(|(c, _)| *c == number) {
                    Some((_, n)) => *n += 1,
                    None => entries.push((number, 1)),
                }
            }
        }
        let piece_totals = known
            .iter()
            .map(|(piece, entries)| {
                (
                    piece.clone(),
                    entries.iter().map(|&(_, n)| u64::from(n)).sum(),
                )
            })
            .collect();
        let all = totals.values().sum();
        Learned {
            pieces: known,
            totals,
            piece_totals,
            all,
        }
    }

    /// How much likelier a text of these pieces is under the code than under any code: the
    /// sum, over the pieces the counts know, of the logarithm of the two likelihoods' ratio.
    /// (`libm`'s logarithm: the same bits in the page's WebAssembly as in `explain`.)
    fn evidence(&self, pieces: &BTreeSet<String>, code: u16) -> f64 {
        let known = self.pieces.len() as f64;
        let codes = self.totals.len() as f64;
        let total = self.totals.get(&code).copied().unwrap_or(0) as f64;
        let mut sum = 0.0;
        for piece in pieces {
            let Some(entries) = self.pieces.get(piece) else {
                continue;
            };
            let under = entries
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(0.0, |&(_, n)| f64::from(n));
            let anywhere = self.piece_totals.get(piece).copied().unwrap_or(0) as f64;
            sum += libm::log((under + SMOOTHING) / (total + SMOOTHING * known))
                - libm::log(
                    (anywhere + SMOOTHING * codes) / (self.all as f64 + SMOOTHING * known * codes),
                );
        }
        sum
    }

    /// The first [`CANDIDATES`] of `codes` (in the order the search shows them) in the order
    /// to show them: by evidence less [`PER_PLACE`] for each place from the first; the
    /// earlier on a tie.
    pub fn order(&self, text: &str, codes: &[u16]) -> Vec<u16> {
        let pieces = pieces(text);
        let mut worth: Vec<(f64, u16)> = codes
            .iter()
            .take(CANDIDATES)
            .enumerate()
            .map(|(place, &code)| {
                (
                    self.evidence(&pieces, code) - PER_PLACE * place as f64,
                    code,
                )
            })
            .collect();
        // At most four: taken by the greatest each time (no sort's code in the module).
        let mut order = Vec::with_capacity(worth.len());
        while !worth.is_empty() {
            let mut best = 0;
            for (at, &(w, _)) in worth.iter().enumerate() {
                if w > worth[best].0 {
                    best = at;
                }
            }
            order.push(worth.remove(best).1);
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_folded_runs_of_two_and_three_without_marks() {
        let got = pieces("ﾛｯｸ、された");
        let want: BTreeSet<String> = [
            "ロッ",
            "ック",
            "クサ",
            "サレ",
            "レタ",
            "ロック",
            "ックサ",
            "クサレ",
            "サレタ",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        assert_eq!(got, want);
        assert!(pieces("a").is_empty());
    }

    #[test]
    fn counts_are_read_and_a_bad_line_is_named() {
        let counts = SentenceCounts::parse("# comment\n= 3:10 4:12\n暗証 3:2 4:5\n").unwrap();
        assert_eq!(counts.pieces["暗証"], vec![(3, 2), (4, 5)]);
        assert_eq!(counts.totals[&4], 12);
        assert!(SentenceCounts::parse("").unwrap().is_empty());
        let error = SentenceCounts::parse("= 3:10\n暗証 3-2\n").unwrap_err();
        assert!(
            error.starts_with("line 2: `code:count` expected"),
            "{error}"
        );
        let error = SentenceCounts::parse("暗証\n").unwrap_err();
        assert!(error.starts_with("line 1: a piece"), "{error}");
        assert!(SentenceCounts::parse("暗証 3:2\n").is_err());
    }

    #[test]
    fn a_code_whose_sentences_hold_the_pieces_goes_first() {
        // Sentences of code 3 say `まだ`; of code 4, `ロック`.
        let counts =
            SentenceCounts::parse("= 3:20 4:20\nマダ 3:9\nロッ 4:9\nロック 4:9\nック 4:9\n")
                .unwrap();
        let learned = Learned::new(&counts, &[]);
        let evidence = |text: &str, code| learned.evidence(&pieces(text), code);
        assert!(evidence("まだできる", 3) > evidence("まだできる", 4));
        assert_eq!(learned.order("ロックされた", &[3, 4]), [4, 3]);
        assert_eq!(learned.order("まだできる", &[3, 4]), [3, 4]);
        // Nothing known: the search's order stands; past the candidates, nothing is given.
        assert_eq!(learned.order("画面", &[4, 3]), [4, 3]);
        assert_eq!(learned.order("画面", &[1, 2, 3, 4, 5]), [1, 2, 3, 4]);
        assert!(learned.order("ロック", &[]).is_empty());
    }
}
