//! Checks of the open directory's answers against the official Open Referral HSDS 3.0
//! schemas (tests/support/hsds-3.0/, with their licence), validated by Python's
//! `jsonschema` (`.ci/run` installs it; without it these tests fail rather than pass
//! unchecked).
use std::process::Command;

use serde_json::Value;

fn support(file: &str) -> String {
    format!(
        "{}/../tests/support/hsds-3.0/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Validates every object in `objects` against `schema` (a file name in the support folder,
/// e.g. `service.json`); panics with the validator's findings.
#[track_caller]
pub fn assert_valid(schema: &str, objects: &[Value], what: &str) {
    assert!(!objects.is_empty(), "{what}: nothing to validate");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("objects.json");
    std::fs::write(&file, serde_json::to_vec(objects).expect("json")).expect("write json");
    let out = Command::new("python3")
        .arg(support("validate.py"))
        .arg(schema)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("python3 is required to validate HSDS objects: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{what}: not valid against HSDS 3.0 {schema} (pip install jsonschema if it is missing):\n{stdout}\n{stderr}\n--- objects ---\n{}",
        serde_json::to_string_pretty(objects).unwrap_or_default()
    );
}

/// The list envelope of the HSDS API profile; returns its contents.
#[track_caller]
pub fn assert_page(body: &Value, what: &str) -> Vec<Value> {
    for key in ["total_items", "total_pages", "page_number", "size"] {
        assert!(
            body[key].is_u64(),
            "{what}: {key} missing or not a count: {body}"
        );
    }
    for key in ["first_page", "last_page", "empty"] {
        assert!(body[key].is_boolean(), "{what}: {key} missing: {body}");
    }
    let contents = body["contents"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: no contents: {body}"))
        .clone();
    assert_eq!(body["empty"], contents.is_empty(), "{what}: empty is wrong");
    contents
}
