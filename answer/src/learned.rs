//! What the sentences of the tuning half (`tests/callers/tuning.json`) say of each code: for
//! each piece of two or three characters they hold, how many sentences answered by each
//! code hold it, and how many of the code's texts in the table
//! (`generated/callers-sentences.txt`, written by codegen). It is a naive Bayes over pieces:
//! how much likelier a sentence is under one code than under any.
//!
//! The search orders the rows by the words they hold; its first [`CANDIDATES`] codes are put
//! in the order these counts and their places favour. Callers say the same thing in words no
//! list of callers' words foresees (`まだ何回かできる`, `三回とも違って`); the pieces of many
//! such sentences carry it. Chosen by five-fold cross-validation on the tuning half alone;
//! judged on the test half and the sets kept outside (BENCHMARKS.md).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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
/// (blanks and marks left out), each once, in order.
pub fn pieces(text: &str) -> Vec<String> {
    let kept = kept_chars(text);
    let mut out: Vec<String> = pieces_of(&kept).into_iter().map(str::to_owned).collect();
    out.sort();
    out
}

/// The characters of a text a piece is made of, folded, one after the other.
fn kept_chars(text: &str) -> String {
    folded(text).filter(|&c| counted(c)).collect()
}

/// The pieces of [`kept_chars`], each once, as they come.
fn pieces_of(kept: &str) -> Vec<&str> {
    let mut seen: HashSet<&str> = HashSet::new();
    runs_of(kept)
        .into_iter()
        .filter(|piece| seen.insert(piece))
        .collect()
}

/// Every run of two, then of three, characters of [`kept_chars`], as they come (a piece
/// met again too).
fn runs_of(kept: &str) -> Vec<&str> {
    let starts: Vec<usize> = kept
        .char_indices()
        .map(|(at, _)| at)
        .chain([kept.len()])
        .collect();
    [2, 3]
        .into_iter()
        .flat_map(|n| starts.windows(n + 1).map(move |w| &kept[w[0]..w[n]]))
        .collect()
}

/// A sentence as the counts read it: its characters kept and folded ([`pieces`]), made
/// once for the order and the codes offered.
pub struct Sentence(String);

impl Sentence {
    /// The sentence's characters a piece is made of, folded.
    pub fn new(text: &str) -> Sentence {
        Sentence(kept_chars(text))
    }

    /// Its runs of two and three characters, as they come: its pieces, a piece met again
    /// too ([`SentenceCounts::known`] takes each once).
    pub fn runs(&self) -> Vec<&str> {
        runs_of(&self.0)
    }
}

/// A character of a piece: as folded, a Latin letter or digit, a kana or a kanji.
fn counted(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{3041}'..='\u{30FA}') || is_kanji(c)
}

/// The counts of `callers-sentences.txt`, read once into what a sentence's evidence adds up:
/// for each piece kept, in order, the logarithm of its likelihood under any code, and of its
/// likelihood under each code that holds it; each code's logarithm for a piece it does not
/// hold.
#[derive(Clone, Debug, Default)]
pub struct SentenceCounts {
    /// What each piece kept (about three thousand) says, in the pieces' order.
    pieces: Vec<Piece>,
    /// Where each piece is in `pieces`: looked up by a sentence's pieces
    /// ([`SentenceCounts::known`]).
    places: HashMap<String, usize, BuildHasherDefault<PieceHasher>>,
    unheld: Vec<(u16, f64)>,
}

/// FNV-1a over a piece's bytes: a few characters looked up a hundred times an answer,
/// where the standard hasher's keyed rounds cost more than the lookup.
#[derive(Clone, Copy, Debug)]
struct PieceHasher(u64);

impl Default for PieceHasher {
    fn default() -> PieceHasher {
        PieceHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for PieceHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A piece the counts know, by its place among them ([`SentenceCounts::known`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownPiece(usize);

/// Of a piece, the logarithm of its likelihood under any code, and under each code that
/// holds it.
type Piece = (f64, Vec<(u16, f64)>);

impl SentenceCounts {
    /// Reads `callers-sentences.txt`: lines of `#` are comments; `= 001:1234 002:…` gives
    /// each code's count over every piece; every other line is a piece and its counts
    /// (`暗証 003:12 004:30`), the pieces in order. An empty text gives no counts (nothing is
    /// reordered).
    pub fn parse(text: &str) -> Result<SentenceCounts, String> {
        let mut totals: Vec<(u16, u64)> = Vec::new();
        let mut pieces: Vec<(&str, Vec<(u16, u32)>)> = Vec::new();
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
                totals = entries.iter().map(|&(c, n)| (c, u64::from(n))).collect();
                continue;
            }
            if pieces.last().is_some_and(|(last, _)| *last >= piece) {
                return Err(at("the pieces in order, each once, expected"));
            }
            pieces.push((piece, entries));
        }
        if !pieces.is_empty() && totals.is_empty() {
            return Err("no line `= code:count …` of each code's count".to_owned());
        }
        // Additive smoothing over the pieces kept and the codes counted; `libm`'s logarithm,
        // the same bits in the page's WebAssembly as in `explain`.
        let known = pieces.len() as f64;
        let classes = totals.len() as f64;
        let all = totals.iter().map(|&(_, n)| n).sum::<u64>() as f64;
        let total = |code: u16| {
            totals
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(0.0, |&(_, n)| n as f64)
        };
        let under =
            |n: f64, code: u16| libm::log((n + SMOOTHING) / (total(code) + SMOOTHING * known));
        let places = pieces
            .iter()
            .enumerate()
            .map(|(place, (piece, _))| ((*piece).to_owned(), place))
            .collect();
        Ok(SentenceCounts {
            places,
            unheld: totals
                .iter()
                .map(|&(code, _)| (code, under(0.0, code)))
                .collect(),
            pieces: pieces
                .into_iter()
                .map(|(_, entries)| {
                    let anywhere: u32 = entries.iter().map(|&(_, n)| n).sum();
                    let anywhere = libm::log(
                        (f64::from(anywhere) + SMOOTHING * classes)
                            / (all + SMOOTHING * known * classes),
                    );
                    let held = entries
                        .iter()
                        .map(|&(code, n)| (code, under(f64::from(n), code)))
                        .collect();
                    (anywhere, held)
                })
                .collect(),
        })
    }

    /// Whether there are no counts.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// The pieces of a sentence ([`Sentence::runs`]) that the counts know, each once, in
    /// the sentence's order: what its evidence adds up.
    pub fn known(&self, sentence: &Sentence) -> Vec<KnownPiece> {
        let mut known: Vec<KnownPiece> = Vec::new();
        for piece in sentence.runs() {
            if let Some(piece) = self.places.get(piece).copied().map(KnownPiece) {
                if !known.contains(&piece) {
                    known.push(piece);
                }
            }
        }
        known
    }

    /// How much likelier a text of these pieces is under each code than under any code:
    /// the sum, over the pieces the counts know, of the logarithm of the two likelihoods'
    /// ratio.
    fn evidence(&self, pieces: &[KnownPiece], codes: &[u16]) -> Vec<f64> {
        let unheld: Vec<f64> = codes
            .iter()
            .map(|&code| {
                self.unheld
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map_or(0.0, |&(_, w)| w)
            })
            .collect();
        let mut sums = vec![0.0; codes.len()];
        for piece in pieces {
            let Some((anywhere, held)) = self.pieces.get(piece.0) else {
                continue;
            };
            // Each code as if it did not hold the piece, then the few that do, set right:
            // one pass over the piece's codes, however many codes are asked of.
            for (sum, u) in sums.iter_mut().zip(&unheld) {
                *sum += u - anywhere;
            }
            for &(code, w) in held {
                if let Some(i) = codes.iter().position(|&c| c == code) {
                    sums[i] += w - unheld[i];
                }
            }
        }
        sums
    }

    /// The codes of `others` not `shown` that the counts favour at least as much as the first
    /// code shown and more than any code, best first, at most `room` of them (the earlier in `others` on a tie). The
    /// words found none of their rows; callers who wrote such sentences meant them.
    pub fn favoured_beyond(
        &self,
        pieces: &[KnownPiece],
        shown: &[u16],
        others: &[u16],
        room: usize,
    ) -> Vec<u16> {
        let Some(&first) = shown.first() else {
            return Vec::new();
        };
        // The first shown, then the others not shown: one pass over the pieces.
        let asked: Vec<u16> = [first]
            .into_iter()
            .chain(others.iter().copied().filter(|code| !shown.contains(code)))
            .collect();
        let evidence = self.evidence(pieces, &asked);
        let to_beat = evidence[0];
        let favoured: Vec<(f64, u16)> = evidence
            .into_iter()
            .zip(asked)
            .skip(1)
            .filter(|&(e, _)| e >= to_beat && e > 0.0)
            .collect();
        greatest_first(favoured, room)
    }

    /// The first [`CANDIDATES`] of `codes` (in the order the search shows them) in the order
    /// to show them: by evidence less ten for each place from the first; the
    /// earlier on a tie.
    pub fn order(&self, pieces: &[KnownPiece], codes: &[u16]) -> Vec<u16> {
        let codes = &codes[..codes.len().min(CANDIDATES)];
        let evidence = self.evidence(pieces, codes);
        let worth: Vec<(f64, u16)> = evidence
            .iter()
            .zip(codes)
            .enumerate()
            .map(|(place, (e, &code))| (e - PER_PLACE * place as f64, code))
            .collect();
        greatest_first(worth, CANDIDATES)
    }
}

/// At most `count` codes, the greatest worth first, the earlier on a tie: a few codes,
/// taken by the greatest each time (no sort's code in the page's module).
fn greatest_first(mut worth: Vec<(f64, u16)>, count: usize) -> Vec<u16> {
    let mut out = Vec::with_capacity(count.min(worth.len()));
    while out.len() < count && !worth.is_empty() {
        let mut best = 0;
        for (at, &(w, _)) in worth.iter().enumerate() {
            if w > worth[best].0 {
                best = at;
            }
        }
        out.push(worth.remove(best).1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_folded_runs_of_two_and_three_without_marks() {
        let got = pieces("ﾛｯｸ、された");
        let mut want: Vec<String> = [
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
        want.sort();
        assert_eq!(got, want);
        assert!(pieces("a").is_empty());
        assert_eq!(pieces("ロックロック").len(), 6);
    }

    #[test]
    fn counts_are_read_and_a_bad_line_is_named() {
        let counts = SentenceCounts::parse("# comment\n= 3:10 4:12\n暗証 3:2 4:5\n").unwrap();
        assert_eq!(counts.pieces.len(), 1);
        let (anywhere, held) = &counts.pieces[counts.places["暗証"]];
        // ln((7 + 0.1·2) / (22 + 0.1·1·2)), ln((5 + 0.1) / (12 + 0.1·1)).
        assert!((anywhere - (7.2f64 / 22.2).ln()).abs() < 1e-12);
        assert_eq!(held[1].0, 4);
        assert!((held[1].1 - (5.1f64 / 12.1).ln()).abs() < 1e-12);
        assert!(SentenceCounts::parse("").unwrap().is_empty());
        let error = SentenceCounts::parse("= 3:10\n暗証 3-2\n").unwrap_err();
        assert!(
            error.starts_with("line 2: `code:count` expected"),
            "{error}"
        );
        let error = SentenceCounts::parse("暗証\n").unwrap_err();
        assert!(error.starts_with("line 1: a piece"), "{error}");
        let error = SentenceCounts::parse("= 3:1\n番号 3:1\n暗証 3:1\n").unwrap_err();
        assert!(error.starts_with("line 3: the pieces in order"), "{error}");
        assert!(SentenceCounts::parse("暗証 3:2\n").is_err());
    }

    #[test]
    fn the_codes_whose_sentences_hold_the_pieces_go_first() {
        // Sentences of code 3 say `まだ`; of code 4, `ロック`.
        let counts =
            SentenceCounts::parse("= 3:20 4:20\nック 4:9\nマダ 3:9\nロッ 4:9\nロック 4:9\n")
                .unwrap();
        let evidence = |text: &str| counts.evidence(&counts.known(&Sentence::new(text)), &[3, 4]);
        assert!(evidence("まだできる")[0] > evidence("まだできる")[1]);
        assert_eq!(
            counts.order(&counts.known(&Sentence::new("ロックされた")), &[3, 4]),
            [4, 3]
        );
        assert_eq!(
            counts.order(&counts.known(&Sentence::new("まだできる")), &[3, 4]),
            [3, 4]
        );
        // Nothing known: the search's order stands; past the candidates, nothing is given.
        assert_eq!(
            counts.order(&counts.known(&Sentence::new("画面")), &[4, 3]),
            [4, 3]
        );
        assert_eq!(
            counts.order(&counts.known(&Sentence::new("画面")), &[1, 2, 3, 4, 5]),
            [1, 2, 3, 4]
        );
        assert!(counts
            .order(&counts.known(&Sentence::new("ロック")), &[])
            .is_empty());
    }

    #[test]
    fn codes_not_shown_are_added_only_when_favoured_as_much_as_the_first() {
        let counts =
            SentenceCounts::parse("= 3:20 4:20 5:20\nック 4:9\nマダ 3:9\nロッ 4:9\nロック 4:9\n")
                .unwrap();
        // `ロック` favours 4 over 3 shown: 4 is added; 5 is favoured no more than 3.
        assert_eq!(
            counts.favoured_beyond(
                &counts.known(&Sentence::new("ロックされた")),
                &[3],
                &[3, 4, 5],
                2
            ),
            [4]
        );
        assert!(counts
            .favoured_beyond(
                &counts.known(&Sentence::new("まだできる")),
                &[3],
                &[3, 4, 5],
                2
            )
            .is_empty());
        assert!(counts
            .favoured_beyond(&counts.known(&Sentence::new("ロック")), &[4], &[3, 4, 5], 2)
            .is_empty());
        assert!(counts
            .favoured_beyond(&counts.known(&Sentence::new("ロック")), &[3], &[3, 4, 5], 0)
            .is_empty());
        assert!(counts
            .favoured_beyond(&counts.known(&Sentence::new("ロック")), &[], &[3, 4, 5], 2)
            .is_empty());
        // Nothing known: no code is likelier than any.
        assert!(counts
            .favoured_beyond(&counts.known(&Sentence::new("画面")), &[3], &[3, 4, 5], 2)
            .is_empty());
    }
}
