//! The document's shape: path parameters exactly as the templates name them, ids as uuids,
//! queries in the query, and the whole accepted by `openapi-spec-validator`.
use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

use super::tools::{fetch_document, python_module_available};
use crate::harness::TestApp;

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// "/a/{id}/b/{month}" -> {"id", "month"}.
fn template_names(path: &str) -> BTreeSet<String> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(str::to_owned)
        .collect()
}

/// A schema, with a `$ref` to `#/components/schemas/...` followed.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => reference
            .strip_prefix("#/components/schemas/")
            .map_or(schema, |name| &doc["components"]["schemas"][name]),
        None => schema,
    }
}

/// Every problem with one operation's parameters, as sentences.
fn parameter_problems(
    doc: &Value,
    (path, method): (&str, &str),
    path_item: &Value,
    op: &Value,
) -> Vec<String> {
    let mut problems = Vec::new();
    let shared = path_item["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let own = op["parameters"].as_array().cloned().unwrap_or_default();
    let params: Vec<Value> = shared.into_iter().chain(own).collect();
    let wanted = template_names(path);
    let mut declared = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for p in &params {
        let name = p["name"].as_str().unwrap_or_default().to_owned();
        let place = p["in"].as_str().unwrap_or_default().to_owned();
        if !seen.insert((name.clone(), place.clone())) {
            problems.push(format!(
                "{method} {path}: `{name}` ({place}) declared twice"
            ));
        }
        if place != "path" {
            continue;
        }
        if !wanted.contains(&name) {
            problems.push(format!(
                "{method} {path}: `{name}` is declared in:path but is not in the template"
            ));
        }
        if p["required"] != Value::Bool(true) {
            problems.push(format!(
                "{method} {path}: path parameter `{name}` not required"
            ));
        }
        let is_id = name == "id" || name.ends_with("id");
        if is_id && resolve(doc, &p["schema"])["format"] != "uuid" {
            problems.push(format!(
                "{method} {path}: id `{name}` has schema {} instead of a uuid",
                p["schema"]
            ));
        }
        declared.insert(name);
    }
    for name in wanted.difference(&declared) {
        problems.push(format!(
            "{method} {path}: template parameter `{{{name}}}` is not declared in:path"
        ));
    }
    problems
}

async fn every_path_parameter_is_declared_and_the_document_validates(app: TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let (doc, file) = fetch_document(&app, dir.path()).await;
    let paths = doc["paths"]
        .as_object()
        .expect("paths in the OpenAPI document");

    let mut problems = Vec::new();
    let mut operations = 0;
    let mut query_params = 0;
    let mut operation_ids = BTreeSet::new();
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(*method) else {
                continue;
            };
            operations += 1;
            // Client generators name their methods after these.
            let id = op["operationId"].as_str().unwrap_or_default();
            if !operation_ids.insert(id.to_owned()) {
                problems.push(format!("{method} {path}: operationId `{id}` is not unique"));
            }
            problems.extend(parameter_problems(&doc, (path, method), item, op));
            query_params += op["parameters"]
                .as_array()
                .map_or(0, |ps| ps.iter().filter(|p| p["in"] == "query").count());
        }
    }
    assert!(operations >= 90, "only {operations} operations documented");
    assert!(
        problems.is_empty(),
        "{} parameter problems in /api/openapi.json:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // Paging is a query everywhere: the lists declare `page` and `per_page` in:query.
    let ledger = &paths["/api/v1/allocations/{id}/ledger"]["get"]["parameters"];
    for name in ["page", "per_page"] {
        assert!(
            ledger
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == name && p["in"] == "query"),
            "`{name}` is not a query parameter of the ledger: {ledger}"
        );
    }
    assert!(query_params >= 40, "only {query_params} query parameters");

    if !python_module_available("openapi_spec_validator", "openapi-spec-validator") {
        return;
    }
    let out = Command::new("python3")
        .args(["-m", "openapi_spec_validator", "--validation-errors", "all"])
        .arg(&file)
        .output()
        .expect("run python3 -m openapi_spec_validator");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success() && text.contains("OK"),
        "openapi-spec-validator refuses /api/openapi.json:\n{text}"
    );
}
db_test!(every_path_parameter_is_declared_and_the_document_validates);
