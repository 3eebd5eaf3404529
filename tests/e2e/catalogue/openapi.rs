//! The OpenAPI document describes every catalogue endpoint over time and its bodies.
use serde_json::Value;

use crate::harness::{TestApp, client::expect_status};

/// Follows a `$ref` to its schema in the document.
fn schema<'a>(doc: &'a Value, reference: &Value) -> &'a Value {
    let name = reference["$ref"]
        .as_str()
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or_else(|| panic!("not a reference: {reference}"));
    &doc["components"]["schemas"][name]
}

fn body_schema<'a>(doc: &'a Value, path: &str, method: &str) -> &'a Value {
    let operation = &doc["paths"][path][method];
    assert!(operation.is_object(), "{method} {path} is not documented");
    schema(
        doc,
        &operation["requestBody"]["content"]["application/json"]["schema"],
    )
}

async fn the_openapi_document_describes_the_catalogue_endpoints(app: TestApp) {
    let reply = app.get("/api/openapi.json", "").await;
    let doc = expect_status(&reply, 200, "openapi").clone();
    for (path, method) in [
        ("/api/v1/services/{id}", "get"),
        ("/api/v1/services/{id}", "patch"),
        ("/api/v1/services/{id}/archive", "post"),
        ("/api/v1/services/{id}/voucher-value", "post"),
        ("/api/v1/services/{id}/terms", "get"),
    ] {
        let operation = &doc["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is not documented");
        let params = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            params
                .iter()
                .any(|p| p["name"] == "id" && p["in"] == "path"),
            "{method} {path} does not declare its id: {operation}"
        );
        assert!(
            operation["responses"]["200"].is_object(),
            "{method} {path}: {operation}"
        );
    }
    let patch = body_schema(&doc, "/api/v1/services/{id}", "patch");
    for field in [
        "name",
        "rulebook",
        "price_cap",
        "voucher_value",
        "reference_price",
        "methods",
        "vat_rate",
        "income_rule",
        "valid_from",
    ] {
        assert!(
            patch["properties"][field].is_object(),
            "PATCH lacks {field}: {patch}"
        );
    }
    let quote = body_schema(&doc, "/api/v1/services/{id}/voucher-value", "post");
    for field in ["household_size", "monthly_income"] {
        assert!(
            quote["properties"][field].is_object(),
            "voucher-value lacks {field}"
        );
    }
    let create = body_schema(&doc, "/api/v1/purchasers/{pid}/services", "post");
    for field in ["reference_price", "income_rule"] {
        assert!(
            create["properties"][field].is_object(),
            "service body lacks {field}"
        );
    }
    let rule = &doc["components"]["schemas"]["IncomeRuleIn"];
    for field in [
        "max_value",
        "min_value",
        "percent",
        "units_per_month",
        "income_limits",
    ] {
        assert!(
            rule["properties"][field].is_object(),
            "IncomeRuleIn lacks {field}: {rule}"
        );
    }
    let allocation = body_schema(&doc, "/api/v1/clients/{cid}/allocations", "post");
    for field in ["household_size", "monthly_income"] {
        assert!(
            allocation["properties"][field].is_object(),
            "allocation lacks {field}"
        );
    }
    let service = &doc["components"]["schemas"]["ServiceOut"];
    for field in ["upcoming", "archived", "income_rule", "reference_price"] {
        assert!(
            service["properties"][field].is_object(),
            "ServiceOut lacks {field}"
        );
    }
}
db_test!(the_openapi_document_describes_the_catalogue_endpoints);
