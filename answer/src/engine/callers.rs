//! The callers' words of an engine: given read, or read at the first search by words (the
//! page's engine answers a code or an ID without them), and the words of `[elsewhere]`
//! folded from them.

use std::sync::{Mutex, OnceLock};

use crate::data::{CallersWords, TableData};
use crate::elsewhere::Elsewhere;

use super::Engine;

impl Engine {
    /// An engine over a version of the table whose callers' words are read at the first
    /// search by words, from `callers-words.json` and `callers-sentences.txt` as codegen
    /// writes them: a code or an ID is answered without reading them (the page answers its
    /// address sooner). Words that cannot be read leave the search without callers' words
    /// ([`Engine::callers_words`] says so); codegen writes them, and the page's tests read
    /// them.
    pub fn with_callers_json(data: TableData, words: String, sentences: String) -> Engine {
        Engine {
            callers_words: OnceLock::new(),
            callers_json: Mutex::new(Some((words, sentences))),
            ..Engine::new(data, &CallersWords::default())
        }
    }

    /// The callers' words the search reads, or why the JSON given to
    /// [`Engine::with_callers_json`] could not be read.
    pub fn callers_words(&self) -> Result<&CallersWords, &str> {
        let read = self.callers_words.get_or_init(|| {
            // Taken: once read, the words live in `callers_words` only.
            let given = self
                .callers_json
                .lock()
                .ok()
                .and_then(|mut json| json.take());
            match given {
                Some((json, sentences)) => CallersWords::from_json(&json)
                    .map(|words| CallersWords { sentences, ..words })
                    .map_err(|e| format!("callers-words.json: {e}")),
                None => Ok(CallersWords::default()),
            }
        });
        read.as_ref().map_err(String::as_str)
    }

    /// The callers' words, none where they cannot be read.
    pub(super) fn searched_callers_words(&self) -> &CallersWords {
        /// What a search reads where the callers' words cannot be read.
        static NONE: CallersWords = CallersWords {
            words: std::collections::BTreeMap::new(),
            elsewhere: Vec::new(),
            sentences: String::new(),
        };
        self.callers_words().unwrap_or(&NONE)
    }

    /// The words of `[elsewhere]`, folded.
    pub(super) fn elsewhere(&self) -> &Elsewhere {
        self.elsewhere
            .get_or_init(|| Elsewhere::new(&self.searched_callers_words().elsewhere))
    }
}
