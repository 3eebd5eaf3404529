//! The catalogue over time (issue #15, items 5 and 6) over HTTP: money terms that change
//! from a date while deliveries keep the terms of their day, archiving, the income-related
//! voucher value and its explanation, and the catalogue manager's and client's pages.
mod archive;
mod income;
mod openapi;
mod portal;
mod terms;

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{Purchaser, today},
};

/// The example rule: at most 32.00 an hour, at least 20.00; 10 % of the income over the
/// limit, spread over 40 hours a month; limits for households of 1 to 5.
pub fn example_rule() -> Value {
    json!({
        "max_value": "32.00",
        "min_value": "20.00",
        "percent": "10",
        "units_per_month": "40",
        "income_limits": ["1300.00", "1900.00", "2400.00", "2900.00", "3300.00"],
    })
}

/// A voucher service whose value depends on income.
pub async fn income_service(app: &TestApp, purchaser: &Purchaser) -> String {
    let mut body = crate::harness::fixtures::service_body(&["voucher"], None, Some("60.00"));
    body["income_rule"] = example_rule();
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", purchaser.id),
            &purchaser.catalogue_manager.token,
            &body,
        )
        .await;
    let created = expect_status(&reply, 201, "create an income-related service");
    assert_eq!(created["income_rule"]["percent"], "10", "{created}");
    id_of(created)
}

/// The first day of next month, as "YYYY-MM-DD".
pub fn first_of_next_month() -> String {
    let t = today();
    let (year, month) = if t.month() == 12 {
        (t.year() + 1, 1)
    } else {
        (t.year(), t.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .expect("a date")
        .to_string()
}

/// Text as a person reads it: no-break spaces (in `2 400,00 €`) as plain ones.
pub fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

pub async fn patch_service(app: &TestApp, token: &str, id: &str, body: &Value) -> (u16, Value) {
    let reply = app
        .patch(&format!("/api/v1/services/{id}"), token, body)
        .await;
    (reply.0.as_u16(), reply.1)
}

/// Every audit entry (the administrator's view), newest first.
pub async fn audit_entries(app: &TestApp) -> Vec<Value> {
    let admin = app.login_admin().await;
    let mut all = Vec::new();
    for page in 1..=50 {
        let reply = app
            .get(
                &format!("/api/v1/audit?per_page=100&page={page}"),
                &admin.token,
            )
            .await;
        let body = expect_status(&reply, 200, "audit log").clone();
        let items = body["items"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            break;
        }
        all.extend(items);
    }
    all
}
