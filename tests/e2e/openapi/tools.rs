//! The Python tools the OpenAPI tests run as subprocesses: `openapi-spec-validator` and
//! `schemathesis` (from PyPI; `.ci/run` installs pinned versions and sets
//! `VALINTA_REQUIRE_OPENAPI_TOOLS=1`, so in CI a missing tool fails instead of skipping).
use std::process::Command;

/// Whether the Python module `module` can be imported; `false` (after a note) when it
/// cannot and the tools are not required, a panic when they are.
pub fn python_module_available(module: &str, pypi_name: &str) -> bool {
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|out| out.status.success());
    if found {
        return true;
    }
    let required = std::env::var("VALINTA_REQUIRE_OPENAPI_TOOLS").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "VALINTA_REQUIRE_OPENAPI_TOOLS=1 but the Python module {module} is missing: \
         python3 -m pip install {pypi_name} (.ci/run pins the version)"
    );
    eprintln!("note: skipping an OpenAPI test: python3 -m pip install {pypi_name} (see .ci/run)");
    false
}

/// The document the server serves, fetched and written to `dir/openapi.json`.
pub async fn fetch_document(
    app: &crate::harness::TestApp,
    dir: &std::path::Path,
) -> (serde_json::Value, std::path::PathBuf) {
    let reply = app
        .get("/api/openapi.json", crate::harness::client::ANON)
        .await;
    let doc = crate::harness::client::expect_status(&reply, 200, "GET /api/openapi.json").clone();
    let file = dir.join("openapi.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    (doc, file)
}
