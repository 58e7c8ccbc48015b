//! The words by which a log line says what a number is, for the page's script, from the
//! one list `oqs_messages::query` reads them from (`oqs_messages_text::log_words`).

use oqs_messages_text::log_words::{CODE_KEYS, ID_KEYS, OTHER_KEYS, UNITS, UNIT_CHARS};

/// The lists for the page's script.
pub fn json() -> String {
    serde_json::json!({
        "code_keys": CODE_KEYS,
        "id_keys": ID_KEYS,
        "other_keys": OTHER_KEYS,
        "units": UNITS,
        "unit_chars": UNIT_CHARS.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    })
    .to_string()
}
