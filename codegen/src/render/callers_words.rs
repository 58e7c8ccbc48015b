//! The callers' words, `spec/callers-words.toml`: a word a caller says (`PIN`, `間違え`)
//! and the table's words it stands for (`暗証番号`, `誤`), which the search looks for too.
//! Rendered as `src/callers_words.rs` for `oqs_messages::search` and as JSON for the
//! page's script, so that both search with the same list.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use oqs_answer::{table_texts, Elsewhere};
use oqs_messages_table::unseen::escape;
use oqs_messages_table::{Table, Version};
use oqs_messages_text::fold::folded;
use oqs_messages_text::search::callers_word_chars;
use serde::Deserialize;

use super::literal::write_array;
use super::COMMAND;

/// The file's name in `spec/`, beside `names.toml`.
pub const FILE_NAME: &str = "callers-words.toml";

/// The readings in kana of the table's kanji words (`scripts/readings.py`), beside it: read
/// as callers' words are (`へいそく` → `閉塞`).
pub const READINGS_FILE_NAME: &str = "readings.toml";

/// Each caller's word with the table's words it stands for, in the file's key order
/// (sorted, so that the output is the same however the file is laid out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallersWords {
    /// Caller's word to the table's words.
    pub words: BTreeMap<String, Vec<String>>,
    /// Words that name what the table does not answer (`[elsewhere]`: the clinic's other
    /// systems, billing, contracts): a sentence that names one and fits no row well is
    /// told that nothing fits.
    pub elsewhere: BTreeSet<String>,
    /// The pairs (reading, table's word) that only the readings file gives: made from the
    /// table by `scripts/readings.py`, so a word a revision took away is dropped from them
    /// ([`CallersWords::for_table`]) rather than reported for a person to remove.
    readings_only: BTreeSet<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CallersWordsFile {
    #[serde(default)]
    words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    readings: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    elsewhere: ElsewhereFile,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ElsewhereFile {
    words: Vec<String>,
}

/// Whether a folded text of the table holds the word, as the search looks for it.
fn holds(texts: &[String], word: &str) -> bool {
    let word = looked_for(word);
    texts.iter().any(|t| t.contains(&word))
}

/// A word as the search compares it: no blank, no control character.
fn check_word(word: &str) -> Result<(), String> {
    if word.trim().is_empty() {
        return Err("an empty word".to_owned());
    }
    if word.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("\"{word}\" holds a blank or a control character"));
    }
    if fold(word).is_empty() {
        return Err(format!(
            "\"{}\" folds to nothing (long-vowel marks and unseen characters are left out), so it matches nothing",
            escape(word)
        ));
    }
    Ok(())
}

/// A text as the search matches it.
fn fold(text: &str) -> String {
    folded(text).collect()
}

/// A word as the search looks for it: folded, but a last okurigana after a kanji.
fn looked_for(word: &str) -> String {
    let chars: Vec<char> = folded(word).collect();
    chars[..oqs_messages_text::fold::looked_for(&chars)]
        .iter()
        .collect()
}

impl CallersWords {
    /// Reads and checks the file's text (`[words]`, or the readings file's `[readings]`);
    /// every problem is reported.
    pub fn parse(text: &str) -> Result<CallersWords, Vec<String>> {
        let file: CallersWordsFile = toml::from_str(text).map_err(|err| vec![err.to_string()])?;
        let mut problems = Vec::new();
        let mut words = file.words;
        for (section, list) in [("words", &words), ("readings", &file.readings)] {
            for (caller, table_words) in list {
                if let Err(problem) = check_word(caller) {
                    problems.push(format!("[{section}] {caller:?}: {problem}"));
                }
                if table_words.is_empty() {
                    problems.push(format!(
                        "[{section}] \"{caller}\": no table word; expected a list such as [\"暗証番号\"]"
                    ));
                }
                for word in table_words {
                    if let Err(problem) = check_word(word) {
                        problems.push(format!("[{section}] \"{caller}\": {problem}"));
                    }
                }
            }
        }
        for word in &file.elsewhere.words {
            if let Err(problem) = check_word(word) {
                problems.push(format!("[elsewhere] {problem}"));
            } else if let Some(caller) = words
                .keys()
                .chain(file.readings.keys())
                .find(|caller| fold(caller) == fold(word))
            {
                problems.push(format!(
                    "[elsewhere] \"{word}\" is also a caller's word (\"{caller}\"): a word either names what the table answers or what it does not"
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for (reading, table_words) in file.readings {
            let entry = words.entry(reading).or_default();
            for word in table_words {
                if !entry.contains(&word) {
                    entry.push(word);
                }
            }
        }
        Ok(CallersWords {
            words,
            elsewhere: file.elsewhere.words.into_iter().collect(),
            readings_only: BTreeSet::new(),
        })
    }

    /// Reads the file and the readings beside it ([`READINGS_FILE_NAME`]), or no words
    /// where there are none.
    pub fn load(path: &Path) -> Result<CallersWords, crate::error::Error> {
        let mut words = CallersWords::load_one(path)?;
        let readings = CallersWords::load_one(&path.with_file_name(READINGS_FILE_NAME))?;
        for (reading, table_words) in readings.words {
            let entry = words.words.entry(reading.clone()).or_default();
            for word in table_words {
                if !entry.contains(&word) {
                    entry.push(word.clone());
                    words.readings_only.insert((reading.clone(), word));
                }
            }
        }
        Ok(words)
    }

    /// Reads one file, or no words when there is none.
    fn load_one(path: &Path) -> Result<CallersWords, crate::error::Error> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Ok(CallersWords::default())
            }
            Err(source) => {
                return Err(crate::error::Error::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        CallersWords::parse(&text).map_err(|problems| crate::error::Error::CallersWords {
            file: path.to_path_buf(),
            problems,
        })
    }

    /// The entries whose table words are in no text of `table` (both folded as the
    /// search matches them), as written in the file with the words missing:
    /// `"PIN" = ["暗証番号"]: 暗証番号`. Housekeeping after a revision reworded a text.
    pub fn stale(&self, table: &Table) -> Vec<String> {
        let texts: Vec<String> = table_texts(table).map(fold).collect();
        let mut lines = Vec::new();
        for (caller, words) in &self.words {
            let missing: Vec<&str> = words
                .iter()
                .filter(|w| !self.is_reading_only(caller, w) && !holds(&texts, w))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                lines.push(format!("\"{caller}\" = {words:?}: {}", missing.join(", ")));
            }
        }
        lines
    }

    /// The words of `[elsewhere]` that a text of `table` writes as words of their own (not
    /// only inside longer words of the table's): left out of the search
    /// ([`CallersWords::for_table`]), for a person to remove.
    pub fn elsewhere_held(&self, table: &Table) -> Vec<String> {
        Elsewhere::held_by(&self.elsewhere, table_texts(table))
            .into_iter()
            .cloned()
            .collect()
    }

    /// Whether only the readings file gives this word for this caller's word.
    fn is_reading_only(&self, caller: &str, word: &str) -> bool {
        self.readings_only
            .contains(&(caller.to_owned(), word.to_owned()))
    }

    /// The words for one table: a reading whose word no text of the table holds any more
    /// (a revision took it away; `scripts/readings.py` would no longer write it) left out,
    /// and a reading left with no word, with it.
    pub fn for_table(&self, table: &Table) -> CallersWords {
        let texts: Vec<String> = table_texts(table).map(fold).collect();
        let mut words = self.words.clone();
        for (caller, list) in &mut words {
            list.retain(|w| !self.is_reading_only(caller, w) || holds(&texts, w));
        }
        words.retain(|_, list| !list.is_empty());
        let held: BTreeSet<&String> = Elsewhere::held_by(&self.elsewhere, table_texts(table))
            .into_iter()
            .collect();
        CallersWords {
            words,
            elsewhere: self
                .elsewhere
                .iter()
                .filter(|word| !held.contains(word))
                .cloned()
                .collect(),
            readings_only: self.readings_only.clone(),
        }
    }

    /// The list as a Rust constant, headed like every generated file.
    pub fn rust(&self, version: &Version) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "// @generated by `{COMMAND}` (table version {version}) from spec/{FILE_NAME}."
        );
        let _ = writeln!(out, "// Do not edit: the list is in spec/{FILE_NAME}.");
        out.push_str(
            "\n/// Each caller's word (`PIN`) with the table's words it stands for (`暗証番号`), from\n\
             /// `spec/callers-words.toml`.\n\
             pub const CALLERS_WORDS: &[(&str, &[&str])] = &[\n",
        );
        for (caller, words) in &self.words {
            let _ = writeln!(out, "    ({caller:?}, &{words:?}),");
        }
        out.push_str("];\n");
        let folded: Vec<String> = self.words.keys().map(|caller| looked_for(caller)).collect();
        write_array(
            &mut out,
            "Each caller's word as the search looks for it (folded, but a last okurigana after a\n/// kanji), in `CALLERS_WORDS`' order.",
            &format!("const FOLDED_CALLERS_WORDS: [&str; {}]", folded.len()),
            folded.iter().map(|word| format!("{word:?}")),
        );
        write_array(
            &mut out,
            "The characters of each caller's word as the search looks for it\n/// (`oqs_messages_text::search::callers_word_chars`), in `CALLERS_WORDS`' order.",
            &format!("const FOLDED_CALLERS_CHARS: [u128; {}]", folded.len()),
            folded
                .iter()
                .map(|word| format!("{:#034x}", callers_word_chars(word))),
        );
        out
    }

    /// `callers-words.json`: the list for the engine of `explain` and the page
    /// (`oqs_answer::CallersWords::from_json`), headed like `table.json`.
    pub fn json(&self, version: &Version) -> String {
        let export = serde_json::json!({
            "generated_by": format!("{COMMAND} (table version {version}) from spec/{FILE_NAME}; do not edit"),
            "words": self.words,
            "elsewhere": self.elsewhere,
        });
        let mut text = serde_json::to_string_pretty(&export).unwrap_or_else(|_| "{}".to_owned());
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_reported() {
        let problems =
            CallersWords::parse("[words]\n\"\" = [\"a\"]\n\"PIN\" = []\n\"x\" = [\"a b\"]\n")
                .unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[1].contains("\"PIN\": no table word"),
            "{problems:?}"
        );
        assert!(problems[2].contains("blank"), "{problems:?}");
        assert!(CallersWords::parse("[names]\n").is_err());
        let problems = CallersWords::parse("[words]\n\"ー\" = [\"a\"]\n\"b\" = [\"\u{200B}ー\"]\n")
            .unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[1].contains("folds to nothing"), "{problems:?}");
        assert!(
            problems[0].contains("\"\\u{200B}ー\" folds to nothing"),
            "{problems:?}"
        );
    }

    /// The checked-in table, whatever its version.
    fn current_table() -> Table {
        let path = crate::workspace_root().join("generated/table.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn entries_whose_words_no_text_holds_are_named() {
        let table = current_table();
        let heading = &table.codes[0].heading;
        // A text that runs across a line break holds the word written without it.
        let broken = table
            .codes
            .iter()
            .flat_map(|c| c.rows.iter().map(|r| r.remedy.as_str()))
            .find_map(|t| t.split_once('\n'))
            .map(|(before, after)| {
                let last: String = before
                    .chars()
                    .rev()
                    .take(2)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let first: String = after.trim_start().chars().take(2).collect();
                format!("{last}{first}")
            })
            .expect("a remedy on two lines");
        let text =
            format!("[words]\n\"b\" = [\"{heading}\", \"ゐゑゐゑ\"]\n\"c\" = [\"{broken}\"]\n");
        let words = CallersWords::parse(&text).unwrap();
        assert_eq!(
            words.stale(&table),
            [format!("\"b\" = [\"{heading}\", \"ゐゑゐゑ\"]: ゐゑゐゑ")]
        );
    }

    #[test]
    fn a_reading_of_a_word_the_table_lost_is_dropped_and_a_callers_word_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(
            &file,
            "[words]\n\"PIN\" = [\"暗証番号\"]\n\"x\" = [\"ゐゑゐゑ\"]\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(READINGS_FILE_NAME),
            "[readings]\n\"あんしょうばんごう\" = [\"暗証番号\"]\n\"ゐゑ\" = [\"ゐゑゐゑ\"]\n",
        )
        .unwrap();
        let words = CallersWords::load(&file).unwrap();
        let table = current_table();
        assert_eq!(words.stale(&table), ["\"x\" = [\"ゐゑゐゑ\"]: ゐゑゐゑ"]);
        let kept = words.for_table(&table).words;
        assert_eq!(kept["あんしょうばんごう"], ["暗証番号"]);
        assert_eq!(
            kept["x"],
            ["ゐゑゐゑ"],
            "a person's word is reported, never dropped"
        );
        assert!(!kept.contains_key("ゐゑ"), "{kept:?}");
    }

    /// The texts of the codes a revision withdrew (`table.json`'s history), folded: an entry
    /// standing for words only they held is reported for a person to remove after that
    /// revision, as codegen's summary does, not a fault of the list.
    fn withdrawn_texts() -> String {
        fn walk(value: &serde_json::Value, texts: &mut Vec<String>) {
            match value {
                serde_json::Value::String(text) => texts.push(fold(text)),
                serde_json::Value::Array(list) => list.iter().for_each(|v| walk(v, texts)),
                serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, texts)),
                _ => {}
            }
        }
        let history = &table_json()["history"];
        let mut texts = Vec::new();
        walk(&history["withdrawn_codes"], &mut texts);
        walk(&history["withdrawn_ids"], &mut texts);
        texts.join("\n")
    }

    #[test]
    fn the_workspace_list_parses_and_every_word_is_in_the_table() {
        let path = crate::workspace_root().join("spec").join(FILE_NAME);
        let words = CallersWords::load(&path).unwrap();
        assert!(words.words.len() >= 50, "{} entries", words.words.len());
        let withdrawn = withdrawn_texts();
        let stale: Vec<String> = words
            .stale(&current_table())
            .into_iter()
            .filter(|line| {
                let missing = line.rsplit_once(": ").map_or("", |(_, words)| words);
                !missing
                    .split(", ")
                    .all(|word| withdrawn.contains(&looked_for(word)))
            })
            .collect();
        assert_eq!(stale, Vec::<String>::new());
        // A word of [elsewhere] may be held only by a code the oldest version of spec/ did
        // not list (a revision wrote it; codegen names it for a person to remove).
        let added = added_codes_texts();
        let held: Vec<String> = words
            .elsewhere_held(&current_table())
            .into_iter()
            .filter(|word| !added.contains(&looked_for(word)))
            .collect();
        assert_eq!(held, Vec::<String>::new());
    }

    /// The texts, folded, of the codes of the table of the day that the oldest version of
    /// spec/ did not list (`table.json`'s history).
    fn added_codes_texts() -> String {
        let json = table_json();
        let oldest = &json["history"]["versions"][0];
        let added: Vec<&str> = json["history"]["codes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|code| {
                !code["listed_in"]
                    .as_array()
                    .is_some_and(|versions| versions.contains(oldest))
            })
            .filter_map(|code| code["number"].as_str())
            .collect();
        let mut table = current_table();
        table
            .codes
            .retain(|code| added.contains(&code.number.to_string().as_str()));
        table.footnotes.clear();
        table_texts(&table).map(fold).collect::<Vec<_>>().join("\n")
    }

    /// `generated/table.json` as JSON, its history with it.
    fn table_json() -> serde_json::Value {
        let path = crate::workspace_root().join("generated/table.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn rendered_for_rust_and_the_page() {
        let words = CallersWords::parse("[words]\n\"PIN\" = [\"暗証番号\"]\n").unwrap();
        let version: Version = "1.25".parse().unwrap();
        let rust = words.rust(&version);
        assert!(rust.contains("(\"PIN\", &[\"暗証番号\"]),"), "{rust}");
        assert!(
            rust.contains("const FOLDED_CALLERS_WORDS: [&str; 1] = [\n    \"pin\",\n];"),
            "{rust}"
        );
        let json = words.json(&version);
        let read = oqs_answer::CallersWords::from_json(&json).unwrap();
        assert_eq!(read.words, words.words, "{json}");
        let words = CallersWords::parse(
            "[words]\n\"PIN\" = [\"暗証番号\"]\n[elsewhere]\nwords = [\"レセコン\", \"自動精算機\"]\n",
        )
        .unwrap();
        let read = oqs_answer::CallersWords::from_json(&words.json(&version)).unwrap();
        assert_eq!(read.elsewhere, ["レセコン", "自動精算機"]);
    }

    #[test]
    fn a_word_of_elsewhere_is_neither_a_callers_word_nor_a_word_of_the_table() {
        let problems = CallersWords::parse(
            "[words]\n\"PIN\" = [\"暗証番号\"]\n[elsewhere]\nwords = [\"ｐｉｎ\", \"a b\", \"レセコン\"]\n",
        )
        .unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("\"ｐｉｎ\" is also a caller's word (\"PIN\")"),
            "{problems:?}"
        );
        assert!(problems[1].contains("blank"), "{problems:?}");
        assert!(CallersWords::parse("[elsewhere]\nnames = []\n").is_err());
        // A word a text of the table holds (its first heading) is named and left out.
        let table = current_table();
        let heading = &table.codes[0].heading;
        let words = CallersWords::parse(&format!(
            "[elsewhere]\nwords = [\"{heading}\", \"レセコン\"]\n"
        ))
        .unwrap();
        assert_eq!(words.elsewhere_held(&table), std::slice::from_ref(heading));
        let kept: Vec<String> = words.for_table(&table).elsewhere.into_iter().collect();
        assert_eq!(kept, ["レセコン"]);
    }
}
