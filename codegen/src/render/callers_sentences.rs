//! `callers-sentences.txt`: what the tuning half's sentences (`tests/callers/tuning.json`,
//! help desks' sentences each with the codes that answer it) say of each code, for the
//! engine to order the first codes a search shows as they favour
//! (`oqs_answer::learned`). For each piece of two or three characters
//! (`oqs_answer::learned::pieces`), in how many sentences of each code it is; only the
//! [`KEPT`] pieces that most tell the codes apart are written, each with how many of a
//! code's texts in the table hold it added (the code's heading, message, tags and rows'
//! kind, cause and remedy count as one sentence more). The test half
//! (`tests/callers/test.json`) is never read here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use oqs_messages_table::Table;
use serde::Deserialize;

use super::COMMAND;

/// Where the tuning half is, from the workspace's root.
pub const FILE: &str = "tests/callers/tuning.json";

/// How many pieces are written: chosen by five-fold cross-validation on the tuning half (the
/// table's counts of these pieces alone: 3,000 as good as every piece of the sentences and
/// the table, 2,000 less good), within the page's 450 KB.
pub const KEPT: usize = 3000;

/// The tuning half's sentences, each with the display codes that answer it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallersSentences {
    sentences: Vec<(String, Vec<u16>)>,
}

#[derive(Deserialize)]
struct TuningFile {
    sentences: Vec<TuningSentence>,
}

#[derive(Deserialize)]
struct TuningSentence {
    sentence: String,
    accept: Vec<String>,
}

impl CallersSentences {
    /// The tuning half of the workspace whose spec folder holds `names_file`; none where
    /// that workspace has no tuning half (a names file elsewhere).
    pub fn beside(names_file: &Path) -> Result<CallersSentences, crate::error::Error> {
        let file = names_file
            .parent()
            .and_then(Path::parent)
            .map_or_else(|| PathBuf::from(FILE), |root| root.join(FILE));
        match std::fs::read_to_string(&file) {
            Ok(text) => CallersSentences::parse(&text)
                .map_err(|problems| crate::error::Error::CallersSentences { file, problems }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                Ok(CallersSentences::default())
            }
            Err(source) => Err(crate::error::Error::Io { path: file, source }),
        }
    }

    /// Reads the tuning half's JSON; every sentence whose codes are not three digits is a
    /// problem.
    pub fn parse(text: &str) -> Result<CallersSentences, Vec<String>> {
        let file: TuningFile =
            serde_json::from_str(text).map_err(|e| vec![format!("not the tuning half: {e}")])?;
        let mut problems = Vec::new();
        let mut sentences = Vec::with_capacity(file.sentences.len());
        for (at, s) in file.sentences.into_iter().enumerate() {
            let codes: Option<Vec<u16>> = s
                .accept
                .iter()
                .map(|c| (c.len() == 3).then(|| c.parse().ok()).flatten())
                .collect();
            match codes {
                Some(codes) if !codes.is_empty() => sentences.push((s.sentence, codes)),
                _ => problems.push(format!(
                    "sentences[{at}] ({}): `accept` must list three-digit codes, not {:?}",
                    s.sentence, s.accept
                )),
            }
        }
        if problems.is_empty() {
            Ok(CallersSentences { sentences })
        } else {
            Err(problems)
        }
    }

    /// `callers-sentences.txt` for a table: a line `= code:count …` of each code's count
    /// (over every piece of its sentences, and the kept pieces of its texts), then each kept
    /// piece with its counts, in the order of the pieces.
    pub fn counts(&self, table: &Table) -> String {
        let version = &table.version;
        let mut pieces: BTreeMap<String, BTreeMap<u16, u32>> = BTreeMap::new();
        // A code a revision took away is no answer to order: its sentences are left out.
        let in_table = |code: &u16| table.codes.iter().any(|c| c.number.get() == *code);
        for (sentence, codes) in &self.sentences {
            let codes: Vec<u16> = codes.iter().copied().filter(in_table).collect();
            if codes.is_empty() {
                continue;
            }
            for piece in oqs_answer::learned::pieces(sentence) {
                let entry = pieces.entry(piece).or_default();
                for &code in &codes {
                    *entry.entry(code).or_default() += 1;
                }
            }
        }
        let mut totals: BTreeMap<u16, u64> = BTreeMap::new();
        for counts in pieces.values() {
            for (&code, &n) in counts {
                *totals.entry(code).or_default() += u64::from(n);
            }
        }
        let kept = most_telling(&pieces, &totals);
        let mut pieces: BTreeMap<&str, BTreeMap<u16, u32>> = pieces
            .iter()
            .filter(|(piece, _)| kept.contains(piece.as_str()))
            .map(|(piece, counts)| (piece.as_str(), counts.clone()))
            .collect();
        if !self.sentences.is_empty() {
            for code in &table.codes {
                let number = code.number.get();
                let texts = [code.heading.as_str(), code.message.as_str()]
                    .into_iter()
                    .chain(code.tags.iter().map(String::as_str))
                    .chain(code.rows.iter().flat_map(|row| {
                        [row.kind.as_str(), row.cause.as_str(), row.remedy.as_str()]
                    }));
                let held: BTreeSet<String> = texts.flat_map(oqs_answer::learned::pieces).collect();
                for piece in held {
                    if let Some(counts) = pieces.get_mut(piece.as_str()) {
                        *counts.entry(number).or_default() += 1;
                        *totals.entry(number).or_default() += 1;
                    }
                }
            }
        }
        let mut out = format!(
            "# @generated by `{COMMAND}` (table version {version}) from {FILE} ({} sentences); do not edit.\n\
             # Each piece of two or three characters that most tells the codes apart, and in how many\n\
             # of the sentences each code answers it is (code:count); `=`: each code's count over every piece.\n",
            self.sentences.len()
        );
        let line = |out: &mut String, piece: &str, counts: &mut dyn Iterator<Item = (u16, u64)>| {
            out.push_str(piece);
            for (code, n) in counts {
                let _ = write!(out, " {code:03}:{n}");
            }
            out.push('\n');
        };
        if !totals.is_empty() {
            line(&mut out, "=", &mut totals.iter().map(|(&c, &n)| (c, n)));
        }
        for (piece, counts) in &pieces {
            line(
                &mut out,
                piece,
                &mut counts.iter().map(|(&c, &n)| (c, u64::from(n))),
            );
        }
        out
    }
}

/// The [`KEPT`] pieces whose counts are the furthest from the codes' shares of all counts
/// (the information a piece gives of the code: Σ count × ln(its share of the code's counts
/// ÷ the piece's share of all)); on a tie, the first in order.
fn most_telling<'p>(
    pieces: &'p BTreeMap<String, BTreeMap<u16, u32>>,
    totals: &BTreeMap<u16, u64>,
) -> BTreeSet<&'p str> {
    let all: u64 = totals.values().sum();
    let mut telling: Vec<(f64, &str)> = pieces
        .iter()
        .map(|(piece, counts)| {
            let anywhere: u32 = counts.values().sum();
            let share = f64::from(anywhere) / all as f64;
            let information: f64 = counts
                .iter()
                .map(|(code, &n)| {
                    let of_code = f64::from(n) / totals[code] as f64;
                    f64::from(n) * libm::log(of_code / share)
                })
                .sum();
            (information, piece.as_str())
        })
        .collect();
    telling.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    telling.into_iter().take(KEPT).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_what_tells_codes_apart() {
        let sentences = CallersSentences::parse(
            r#"{"sentences": [
                {"sentence": "ロックされた", "accept": ["004"]},
                {"sentence": "まだできる", "accept": ["003"]},
                {"sentence": "まだロック", "accept": ["003", "004"]},
                {"sentence": "取り下げられたコード", "accept": ["099"]}
            ]}"#,
        )
        .unwrap();
        let code = |number: u16, heading: &str| oqs_messages_table::CodeEntry {
            number: oqs_messages_table::CodeNumber::new(number).unwrap(),
            tags: Vec::new(),
            heading: heading.to_owned(),
            message: String::new(),
            footnotes: Vec::new(),
            rows: Vec::new(),
        };
        let table = Table {
            version: "1.25".parse().unwrap(),
            title: String::new(),
            codes: vec![code(3, "暗証番号の誤り"), code(4, "ロック")],
            footnotes: Vec::new(),
        };
        let text = sentences.counts(&table);
        let counts = oqs_answer::learned::SentenceCounts::parse(&text).unwrap();
        assert!(!counts.is_empty());
        // 004's heading holds `ロック` too: one sentence more.
        assert!(text.contains("\nロック 003:1 004:3\n"), "{text}");
        assert!(!text.contains("099"), "{text}");
        assert!(text.contains("\n= 003:"), "{text}");
        assert_eq!(text, sentences.counts(&table));
    }

    #[test]
    fn a_sentence_without_codes_is_named() {
        let problems = CallersSentences::parse(
            r#"{"sentences": [{"sentence": "画面", "accept": []}, {"sentence": "x", "accept": ["15"]}]}"#,
        )
        .unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(problems[1].starts_with("sentences[1] (x)"), "{problems:?}");
        assert!(CallersSentences::parse("[]").is_err());
    }
}
