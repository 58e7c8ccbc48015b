//! `table.json` against its JSON Schema, and what the schema refuses.

use super::*;

// --- JSON Schema --------------------------------------------------------------------------

#[test]
fn table_json_is_valid_against_its_schema_and_the_schema_refuses_what_it_must() {
    let files = codegen::render::render(&current(), "t.xlsx", &spec_names());
    let file = |path: &str| -> serde_json::Value {
        let file = files.iter().find(|f| f.path == path).unwrap();
        serde_json::from_str(&file.contents).unwrap()
    };
    let (schema, table) = (file("table.schema.json"), file("table.json"));
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let problems: Vec<String> = validator
        .iter_errors(&table)
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    // It can fail: a code of two digits, an ID in lower case, a row without its cause.
    let mut broken = table.clone();
    broken["codes"][0]["number"] = "01".into();
    broken["codes"][0]["rows"][0]["message_ids"] = serde_json::json!(["0x0300000a"]);
    broken["codes"][1]["rows"][0]
        .as_object_mut()
        .unwrap()
        .remove("cause");
    assert_eq!(validator.iter_errors(&broken).count(), 3);
}
