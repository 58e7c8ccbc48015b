//! The curated English variant names in `spec/names.toml`, keyed by code number and by
//! message ID range, so that a reworded heading never renames a variant.

use std::collections::BTreeMap;
use std::path::Path;

use oqs_messages_table::{parse, CodeNumber, History, ListedId, MessageIdValue, Table, Withdrawal};
use serde::Deserialize;

/// Variant names for codes and ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// Code number to variant name.
    pub codes: BTreeMap<CodeNumber, String>,
    /// Range (start, end) to variant name.
    pub ranges: BTreeMap<(MessageIdValue, MessageIdValue), String>,
    /// The callers' words, read from `callers-words.toml` beside the names file: curated
    /// by hand like the names, and carried with them to every renderer.
    pub callers_words: super::callers_words::CallersWords,
    /// The tuning half's sentences (`tests/callers/tuning.json` of the same workspace), for
    /// `callers-sentences.txt`.
    pub callers_sentences: super::callers_sentences::CallersSentences,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    #[serde(default)]
    codes: BTreeMap<String, String>,
    #[serde(default)]
    ranges: BTreeMap<String, String>,
}

/// Whether a name can be a variant: ASCII UpperCamelCase, not the form exact IDs take.
fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric());
    if !well_formed {
        return Err(format!(
            "\"{name}\" is not an ASCII UpperCamelCase name such as CardNotRecognized"
        ));
    }
    if is_id_name(name) {
        return Err(format!(
            "\"{name}\" has the form of an exact message ID's variant (Id and eight hex digits)"
        ));
    }
    Ok(())
}

fn is_id_name(name: &str) -> bool {
    name.strip_prefix("Id")
        .is_some_and(|hex| hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A range key as written in the file: `0xF0000000..=0xF7FFFFFF`.
pub fn range_key(start: MessageIdValue, end: MessageIdValue) -> String {
    format!("{start}..={end}")
}

impl Names {
    /// `Id04000011`: the name of an exact message ID in every language.
    pub fn id_name(value: MessageIdValue) -> String {
        format!("Id{:08X}", value.value())
    }

    /// The withdrawn codes and IDs of the history under the names every package gives
    /// them (a code or range these names no longer name is left out: no package keeps it).
    pub fn withdrawals(&self, history: &History) -> Vec<Withdrawal> {
        history.withdrawals(
            |number| self.codes.get(&number).cloned(),
            |id| match id {
                ListedId::Exact(value) => Some(Names::id_name(value)),
                ListedId::Range { start, end } => self.ranges.get(&(start, end)).cloned(),
            },
        )
    }

    /// Reads and checks a names file; every problem is reported.
    pub fn parse(text: &str) -> Result<Names, Vec<String>> {
        let file: NamesFile = toml::from_str(text).map_err(|err| vec![err.to_string()])?;
        let mut problems = Vec::new();
        let mut names = Names::default();
        let mut used: BTreeMap<String, String> = BTreeMap::new();
        let mut claim = |name: &str, key: String, problems: &mut Vec<String>| {
            if let Err(problem) = check_name(name) {
                problems.push(format!("{key}: {problem}"));
                return false;
            }
            if let Some(other) = used.insert(name.to_owned(), key.clone()) {
                problems.push(format!("{key}: the name {name} is already used by {other}"));
                return false;
            }
            true
        };
        for (key, name) in file.codes {
            match parse::code_number(&key) {
                Ok(number) => {
                    if claim(&name, format!("[codes] {key}"), &mut problems) {
                        names.codes.insert(number, name);
                    }
                }
                Err(err) => problems.push(format!("[codes] {key}: {err}")),
            }
        }
        for (key, name) in file.ranges {
            let range = key.split_once("..=").and_then(|(start, end)| {
                Some((parse::message_id(start).ok()?, parse::message_id(end).ok()?))
            });
            match range {
                Some((start, end)) if start <= end => {
                    if claim(&name, format!("[ranges] {key}"), &mut problems) {
                        names.ranges.insert((start, end), name);
                    }
                }
                _ => problems.push(format!(
                    "[ranges] {key}: expected a range such as \"0xF0000000..=0xF7FFFFFF\""
                )),
            }
        }
        if problems.is_empty() {
            Ok(names)
        } else {
            Err(problems)
        }
    }

    /// Reads a names file, and the callers' words beside it when there are any
    /// ([`super::callers_words::FILE_NAME`]).
    pub fn load(path: &Path) -> Result<Names, crate::error::Error> {
        let text = std::fs::read_to_string(path).map_err(|source| crate::error::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut names = Names::parse(&text).map_err(|problems| crate::error::Error::Names {
            file: path.to_path_buf(),
            problems,
        })?;
        let beside = path.with_file_name(super::callers_words::FILE_NAME);
        names.callers_words = super::callers_words::CallersWords::load(&beside)?;
        names.callers_sentences = super::callers_sentences::CallersSentences::beside(path)?;
        Ok(names)
    }

    /// The lines of the names file that no table of `tables` uses any more (a code or a
    /// range none of them lists), as written in the file: `[codes] 017 = "InsurerCheckRequired"`.
    /// Housekeeping after a revision: a withdrawn code keeps its name while a workbook in
    /// `spec/` lists it (the build says it was withdrawn under that name), and not after.
    pub fn unused(&self, tables: &[&Table]) -> Vec<String> {
        let mut lines = Vec::new();
        for (number, name) in &self.codes {
            if tables.iter().all(|t| t.code(*number).is_none()) {
                lines.push(format!("[codes] {number} = \"{name}\""));
            }
        }
        for ((start, end), name) in &self.ranges {
            let listed = tables.iter().any(|t| t.ranges().contains(&(*start, *end)));
            if !listed {
                lines.push(format!(
                    "[ranges] \"{}\" = \"{name}\"",
                    range_key(*start, *end)
                ));
            }
        }
        lines
    }

    /// Checks that every code and range of the table has a name; for each one missing,
    /// the exact line to add.
    pub fn check_covers(&self, table: &Table) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        for code in &table.codes {
            if !self.codes.contains_key(&code.number) {
                problems.push(format!(
                    "no variant name for code {} ({}); add this line under [codes], \
                     then replace Code{} with an English name that explains the code:\n    \
                     {} = \"Code{}\"    # {}",
                    code.number, code.heading, code.number, code.number, code.number, code.heading
                ));
            }
        }
        let mut seen = Vec::new();
        for (code, row) in table
            .codes
            .iter()
            .flat_map(|c| c.rows.iter().map(move |r| (c, r)))
        {
            for spec in &row.message_ids {
                if let ListedId::Range { start, end } = *spec {
                    if self.ranges.contains_key(&(start, end)) || seen.contains(&(start, end)) {
                        continue;
                    }
                    seen.push((start, end));
                    problems.push(format!(
                        "no variant name for the range {start}～{end} under code {}; add this line under [ranges], \
                         then replace the name with an English one that explains the range:\n    \
                         \"{}\" = \"Range{:08X}\"    # {}",
                        code.number,
                        range_key(start, end),
                        start.value(),
                        row.kind.replace('\n', " ")
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        let names = Names::parse(
            "[codes]\n001 = \"CardNotRecognized\"\n[ranges]\n\"0xF0000000..=0xF7FFFFFF\" = \"InternalVersionError\"\n",
        )
        .unwrap();
        assert_eq!(
            names.codes[&CodeNumber::new(1).unwrap()],
            "CardNotRecognized"
        );
        let problems = Names::parse(
            "[codes]\n1 = \"A\"\n002 = \"snake_case\"\n003 = \"Id04000011\"\n004 = \"Same\"\n005 = \"Same\"\n[ranges]\n\"0xF7FFFFFF..=0xF0000000\" = \"R\"\n",
        )
        .unwrap_err();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems[0].contains("not an ASCII UpperCamelCase name"));
        assert!(problems[1].contains("form of an exact message ID"));
        assert!(problems[2].contains("already used by [codes] 004"));
        assert!(problems[3].starts_with("[codes] 1: expected a three-digit code"));
        assert!(problems[4].starts_with("[ranges] 0xF7FFFFFF..=0xF0000000: expected a range"));
        assert!(Names::parse("[code]\n").is_err());
    }
}

#[cfg(test)]
mod coverage_tests {
    use super::*;
    use oqs_messages_table::{CodeEntry, Row, Version};

    fn table(number: u16, ids: Vec<ListedId>) -> Table {
        Table {
            title: "一覧_1.26版".to_owned(),
            version: "1.26".parse::<Version>().unwrap(),
            codes: vec![CodeEntry {
                number: CodeNumber::new(number).unwrap(),
                tags: vec!["障害".to_owned()],
                heading: "見出し".to_owned(),
                message: "メッセージ".to_owned(),
                footnotes: Vec::new(),
                rows: vec![Row {
                    kind: "種別".to_owned(),
                    message_ids: ids,
                    cause: "原因".to_owned(),
                    remedy: "-".to_owned(),
                    contact: "-".to_owned(),
                    ..Row::default()
                }],
            }],
            footnotes: Vec::new(),
        }
    }

    #[test]
    fn every_code_and_range_needs_a_name_and_gets_the_line_to_add() {
        let names = Names::parse("[codes]\n001 = \"CardNotRecognized\"\n").unwrap();
        assert_eq!(names.check_covers(&table(1, Vec::new())), Ok(()));
        let range = ListedId::Range {
            start: MessageIdValue(0xF000_0000),
            end: MessageIdValue(0xF7FF_FFFF),
        };
        let problems = names.check_covers(&table(953, vec![range])).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(
            problems[0].ends_with("\n    953 = \"Code953\"    # 見出し"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1]
                .ends_with("\n    \"0xF0000000..=0xF7FFFFFF\" = \"RangeF0000000\"    # 種別"),
            "{}",
            problems[1]
        );
    }
}
