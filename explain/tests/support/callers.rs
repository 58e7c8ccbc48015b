//! The sentences, questions and pasted texts the search is measured on
//! (`tests/callers/tuning.json`, `tests/callers/test.json`, `tests/callers/validation.json`, and a set kept outside the
//! project given by `OQS_CALLERS_EXTRA`, in the same shape or as three files:
//! `sentences.json`, `out_of_scope.json`, `pasted.json`).

use std::path::Path;

use serde_json::Value;

/// A set: sentences with the codes accepted as the first answer, questions the table does
/// not answer, and pasted texts with what they must be read as.
pub struct CallerSet {
    /// Its name in the figures.
    pub name: String,
    /// (sentence, accepted codes).
    pub sentences: Vec<(String, Vec<String>)>,
    /// Questions no row answers.
    pub out_of_scope: Vec<String>,
    /// (text, read_as: `code`, `message_id`, `portal_error`).
    pub pasted: Vec<(String, Value)>,
}

fn strings(values: &Value, key: &str) -> Vec<String> {
    values
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|v| v[key].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

impl CallerSet {
    /// A set from its JSON: `{"sentences": [...], "out_of_scope": [...], "pasted": [...]}`.
    pub fn from_json(name: &str, file: &Value) -> CallerSet {
        let sentences = file["sentences"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|s| {
                        let accept = s["accept"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|c| c.as_str().unwrap().to_owned())
                            .collect();
                        (s["sentence"].as_str().unwrap().to_owned(), accept)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let pasted = file["pasted"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|c| (c["text"].as_str().unwrap().to_owned(), c["read_as"].clone()))
                    .collect()
            })
            .unwrap_or_default();
        CallerSet {
            name: name.to_owned(),
            sentences,
            out_of_scope: strings(&file["out_of_scope"], "sentence"),
            pasted,
        }
    }

    /// One of the project's sets: `tuning`, `test` or `validation`.
    pub fn half(name: &str) -> CallerSet {
        let path = format!(
            "{}/../tests/callers/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        CallerSet::from_json(name, &serde_json::from_str(&text).expect("valid JSON"))
    }

    /// The set kept outside the project, if `OQS_CALLERS_EXTRA` names its folder.
    pub fn extra() -> Option<CallerSet> {
        let dir = std::env::var("OQS_CALLERS_EXTRA").ok()?;
        let dir = Path::new(&dir);
        let read = |file: &str| -> Value {
            std::fs::read_to_string(dir.join(file))
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(Value::Null)
        };
        let file = serde_json::json!({
            "sentences": read("sentences.json")["sentences"],
            "out_of_scope": read("out_of_scope.json")["questions"],
            "pasted": read("pasted.json")["cases"],
        });
        Some(CallerSet::from_json("kept outside", &file))
    }
}
