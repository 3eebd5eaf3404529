//! Operations endpoints: liveness, readiness, metrics and the OpenAPI document.

use crate::harness::TestApp;
use crate::harness::client::{ANON, expect_status};

/// Every core path of the contract (docs/api.md); parameter names may differ.
const CORE_PATHS: &[&str] = &[
    "/api/v1/auth/login",
    "/api/v1/purchasers",
    "/api/v1/purchasers/{}/staff",
    "/api/v1/purchasers/{}/services",
    "/api/v1/providers",
    "/api/v1/providers/{}/applications",
    "/api/v1/applications/{}/decision",
    "/api/v1/providers/{}/offerings",
    "/api/v1/providers/{}/commitments",
    "/api/v1/offerings/{}",
    "/api/v1/purchasers/{}/clients",
    "/api/v1/clients/{}",
    "/api/v1/clients/{}/proxies",
    "/api/v1/clients/{}/allocations",
    "/api/v1/allocations/{}",
    "/api/v1/allocations/{}/ledger",
    "/api/v1/allocations/{}/reconciliation",
    "/api/v1/allocations/{}/commitments",
    "/api/v1/commitments/{}",
    "/api/v1/commitments/{}/accept",
    "/api/v1/commitments/{}/decline",
    "/api/v1/commitments/{}/close",
    "/api/v1/commitments/{}/deliveries",
    "/api/v1/deliveries/{}",
    "/api/v1/deliveries/{}/void",
    "/api/v1/deliveries/{}/dispute",
    "/api/v1/disputes/{}/decision",
];

/// "/a/{id}/b/{x}" -> "/a/{}/b/{}".
fn normalise(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            c if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

async fn health_ready_metrics_and_openapi_answer(app: TestApp) {
    let reply = app.get("/health", ANON).await;
    expect_status(&reply, 200, "GET /health");
    let reply = app.get("/ready", ANON).await;
    expect_status(&reply, 200, "GET /ready");

    // Some traffic first, so there is something to count.
    app.login_admin().await;
    let (status, text) = app
        .send_raw(reqwest::Method::GET, "/metrics", ANON, None, None)
        .await;
    assert_eq!(status.as_u16(), 200, "GET /metrics: {text}");
    assert!(
        text.lines().any(|l| l.starts_with("# TYPE ")),
        "metrics are not in Prometheus text format:\n{text}"
    );

    let reply = app.get("/api/openapi.json", ANON).await;
    let doc = expect_status(&reply, 200, "GET /api/openapi.json");
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "not an OpenAPI 3 document: {}",
        doc["openapi"]
    );
    let paths = doc["paths"]
        .as_object()
        .unwrap_or_else(|| panic!("no paths in the OpenAPI document"));
    let documented: Vec<String> = paths.keys().map(|p| normalise(p)).collect();
    let missing: Vec<&&str> = CORE_PATHS
        .iter()
        .filter(|p| !documented.iter().any(|d| d == *p))
        .collect();
    assert!(
        missing.is_empty(),
        "OpenAPI lacks core paths {missing:?}; it has {documented:?}"
    );
}

db_test!(health_ready_metrics_and_openapi_answer);

#[test]
fn path_parameters_are_normalised() {
    assert_eq!(
        normalise("/api/v1/clients/{client_id}/allocations"),
        "/api/v1/clients/{}/allocations"
    );
}
