//! CSV exports cannot run formulas: a provider named like a formula comes out as text in the
//! month's invoice lines, while a credit note's negative amounts stay numbers.
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{Market, deliver, delivery_body, today},
};

const FORMULA: &str = "=HYPERLINK(\"http://x\",\"y\")";

fn this_month() -> String {
    today().format("%Y-%m").to_string()
}

async fn settle(app: &TestApp, market: &Market) -> Value {
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/settlements", market.purchaser.id),
            &market.purchaser.finance.token,
            &json!({"month": this_month()}),
        )
        .await;
    expect_status(&reply, 201, "settle").clone()
}

async fn csv_rows(app: &TestApp, path: &str, token: &str) -> Vec<Vec<String>> {
    let (status, text) = app
        .send_raw(reqwest::Method::GET, path, token, None, None)
        .await;
    assert_eq!(status, 200, "{path}: {text}");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect()
}

async fn a_formula_in_a_provider_name_is_text_in_the_settlement_csv(app: TestApp) {
    let market = Market::build(&app).await;
    let reply = app
        .patch(
            &format!("/api/v1/providers/{}", market.provider.id),
            &market.provider.staff.token,
            &json!({"name": FORMULA, "iban": "FI21 1234 5600 0007 85", "bic": "NDEAFIHH"}),
        )
        .await;
    expect_status(&reply, 200, "rename and give bank details");
    let commitment = market.accepted_commitment(&app).await;
    let reference = format!("CSV-{}", uuid::Uuid::new_v4());
    let day = today().format("%Y-%m-%d").to_string();
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day, "1", "45.00", &reference),
    )
    .await;
    let delivery = id_of(expect_status(&reply, 201, "deliver"));
    settle(&app, &market).await;

    let month_csv = format!(
        "/api/v1/purchasers/{}/settlements/{}/lines.csv",
        market.purchaser.id,
        this_month()
    );
    let rows = csv_rows(&app, &month_csv, &market.purchaser.finance.token).await;
    let provider = rows[0]
        .iter()
        .position(|h| h == "provider_name" || h == "provider")
        .unwrap_or_else(|| panic!("a provider column: {:?}", rows[0]));
    assert_eq!(rows[1][provider], format!("'{FORMULA}"), "{rows:?}");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }

    // Voided after invoicing: the credit note's amounts are negative numbers, left as such.
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{delivery}/void"),
            &market.provider.staff.token,
            &serde_json::json!({"reason": "Kirjattu virheellisesti."}),
        )
        .await;
    expect_status(&reply, 200, "void an invoiced delivery");
    let credit = settle(&app, &market).await;
    assert_eq!(credit["invoices"][0]["kind"], "credit_note", "{credit}");
    let rows = csv_rows(&app, &month_csv, &market.purchaser.finance.token).await;
    let total = rows[0]
        .iter()
        .position(|h| h == "purchaser_share")
        .expect("a purchaser_share column");
    assert!(
        rows.iter().any(|r| r[total] == "-40,00"),
        "the credit line's total is a plain negative number: {rows:?}"
    );
    let invoice_csv = format!(
        "/api/v1/invoices/{}/lines.csv",
        credit["invoices"][0]["id"].as_str().expect("invoice id")
    );
    let rows = csv_rows(&app, &invoice_csv, &market.purchaser.finance.token).await;
    let total = rows[0]
        .iter()
        .position(|h| h == "purchaser_share")
        .expect("purchaser_share");
    assert_eq!(rows[1][total], "-40,00", "{rows:?}");
}
db_test!(a_formula_in_a_provider_name_is_text_in_the_settlement_csv);
