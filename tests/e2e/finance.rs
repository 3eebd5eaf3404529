//! Purchaser finance: spend per month, service and provider, open reservations, the month's
//! invoices and their lines as one CSV, and the reconciliation report — its numbers checked
//! to the cent against sums of what the test recorded, and shown red when the books are
//! broken on purpose.
use rust_decimal::{Decimal, prelude::ToPrimitive};
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of},
    fixtures::{self, Market, accepted_commitment, deliver, delivery_body, today},
    money::{dec, money},
};

fn this_month() -> String {
    today().format("%Y-%m").to_string()
}

/// Records a delivery at 45.00 an hour (voucher value 40.00) and returns its answer.
async fn record(app: &TestApp, market: &Market, commitment: &str, quantity: &str) -> Value {
    let reply = deliver(
        app,
        &market.provider,
        commitment,
        &delivery_body(
            &today().format("%Y-%m-%d").to_string(),
            quantity,
            "45.00",
            &format!("F-{}", uuid::Uuid::new_v4()),
        ),
    )
    .await;
    expect_status(&reply, 201, "record a delivery").clone()
}

async fn report(app: &TestApp, market: &Market, name: &str) -> Value {
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{}/reports/{name}", market.purchaser.id),
            &market.purchaser.finance.token,
        )
        .await;
    expect_status(&reply, 200, name).clone()
}

async fn give_bank_details(app: &TestApp, market: &Market) {
    let reply = app
        .patch(
            &format!("/api/v1/providers/{}", market.provider.id),
            &market.provider.staff.token,
            &json!({"iban": "FI2112345600000785", "bic": "NDEAFIHH"}),
        )
        .await;
    expect_status(&reply, 200, "bank details");
}

fn finnish_amount(text: &str) -> Decimal {
    dec(&text.replace(',', "."))
}

async fn finance_sees_spend_reservations_invoices_and_clean_books(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market).await;
    let plain = market.accepted_commitment(&app).await;
    let kept = record(&app, &market, &plain, "1.5").await;
    let voided = record(&app, &market, &plain, "2").await;
    let reply = fixtures::void(&app, &market.provider, &id_of(&voided)).await;
    expect_status(&reply, 200, "void");
    let reserving = accepted_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &market.offering_id,
        &market.provider,
        "voucher",
        Some("100.00"),
    )
    .await;
    let drawn = record(&app, &market, &reserving, "1").await;

    // Independently: 1.5 h and 1 h at 45.00, of which the voucher pays 40.00 an hour.
    let purchaser_share = money(&kept["purchaser_share"]) + money(&drawn["purchaser_share"]);
    let client_share = money(&kept["client_share"]) + money(&drawn["client_share"]);
    assert_eq!(purchaser_share, dec("100.00"));
    assert_eq!(client_share, dec("12.50"));

    let spend = report(&app, &market, "spend").await;
    assert_eq!(
        money(&spend["total"]["purchaser_share"]),
        purchaser_share,
        "{spend}"
    );
    assert_eq!(money(&spend["total"]["client_share"]), client_share);
    assert_eq!(
        spend["total"]["deliveries"], 2,
        "the voided one is not spend"
    );
    let month = spend["by_month"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == this_month())
        .expect("this month is in the default range");
    assert_eq!(money(&month["purchaser_share"]), purchaser_share);
    assert_eq!(spend["by_provider"][0]["id"], market.provider.id.as_str());
    assert_eq!(
        money(&spend["by_provider"][0]["purchaser_share"]),
        purchaser_share
    );
    assert_eq!(spend["by_service"][0]["id"], market.service_id.as_str());
    assert!(spend["by_service"][0]["name"]["fi"].is_string(), "{spend}");

    let reservations = report(&app, &market, "open-reservations").await;
    // 100.00 reserved, 40.00 drawn by the delivery.
    assert_eq!(
        money(&reservations["total"]),
        dec("60.00"),
        "{reservations}"
    );
    assert_eq!(reservations["items"][0]["commitments"], 1);
    assert_eq!(money(&reservations["items"][0]["reserved"]), dec("60.00"));

    let books = report(&app, &market, "reconciliation").await;
    assert_eq!(books["ok"], true, "{books}");
    assert!(books["allocations_checked"].as_u64().unwrap() >= 1);

    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/settlements", market.purchaser.id),
            &market.purchaser.finance.token,
            &json!({"month": this_month()}),
        )
        .await;
    let invoice = expect_status(&reply, 201, "settle")["invoices"][0].clone();
    assert_eq!(money(&invoice["total"]), purchaser_share);

    let listed = app
        .get(
            &format!(
                "/api/v1/purchasers/{}/invoices?month={}",
                market.purchaser.id,
                this_month()
            ),
            &market.purchaser.finance.token,
        )
        .await;
    let listed = expect_status(&listed, 200, "the month's invoices");
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["id"], invoice["id"]);
    assert!(listed["items"][0].get("lines").is_none(), "headers only");

    let (status, csv) = app
        .send_raw(
            reqwest::Method::GET,
            &format!(
                "/api/v1/purchasers/{}/settlements/{}/lines.csv",
                market.purchaser.id,
                this_month()
            ),
            &market.purchaser.finance.token,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{csv}");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    let total: Decimal = rows
        .iter()
        .map(|r| finnish_amount(&r[column("purchaser_share")]))
        .sum();
    assert_eq!(total, purchaser_share, "{csv}");
    assert!(rows.iter().all(|r| !r[column("provider")].is_empty()));
    assert!(!csv.contains(&market.client.name), "pseudonyms only: {csv}");

    let books = report(&app, &market, "reconciliation").await;
    assert_eq!(books["ok"], true, "{books}");
    assert_eq!(books["invoices_checked"], 1);
}
db_test!(finance_sees_spend_reservations_invoices_and_clean_books);

async fn the_reconciliation_names_what_is_off(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market).await;
    let commitment = market.accepted_commitment(&app).await;
    record(&app, &market, &commitment, "1").await;
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/settlements", market.purchaser.id),
            &market.purchaser.finance.token,
            &json!({"month": this_month()}),
        )
        .await;
    let invoice_id = id_of(&expect_status(&reply, 201, "settle")["invoices"][0]);

    // Break the books behind the program's back: one cent on a balance, one on a total.
    let books = market.books(&app).await;
    let spent_cents = (books.spent * dec("100")).to_i64().unwrap();
    app.overwrite(
        "allocations",
        "spent_cents",
        &market.allocation_id,
        (spent_cents + 1).into(),
    )
    .await;
    app.overwrite("invoices", "gross_cents", &invoice_id, 1_i64.into())
        .await;

    let report = report(&app, &market, "reconciliation").await;
    assert_eq!(report["ok"], false, "{report}");
    assert_eq!(
        report["allocation_problems"][0]["allocation_id"],
        market.allocation_id.as_str(),
        "{report}"
    );
    assert_eq!(
        money(&report["allocation_problems"][0]["balance"]["spent"])
            - money(&report["allocation_problems"][0]["from_entries"]["spent"]),
        dec("0.01")
    );
    assert_eq!(report["invoice_totals_wrong"], json!([invoice_id]));
}
db_test!(the_reconciliation_names_what_is_off);

async fn finance_reports_are_for_the_purchasers_finance_only(app: TestApp) {
    let market = Market::build(&app).await;
    let admin = app.login_admin().await;
    let other = fixtures::purchaser(&app, &admin).await;
    let base = format!("/api/v1/purchasers/{}", market.purchaser.id);
    let paths = [
        format!("{base}/reports/spend"),
        format!("{base}/reports/open-reservations"),
        format!("{base}/reports/reconciliation"),
        format!("{base}/invoices?month={}", this_month()),
        format!("{base}/settlements/{}/lines.csv", this_month()),
    ];
    for path in &paths {
        for (token, who, expected) in [
            (&market.purchaser.case_worker.token, "case worker", 403),
            (&market.provider.staff.token, "provider", 403),
            (&market.client.user.token, "client", 403),
            // Another purchaser does not exist for its staff.
            (&other.finance.token, "another purchaser's finance", 404),
        ] {
            let (status, _) = app
                .send_raw(reqwest::Method::GET, path, token, None, None)
                .await;
            assert_eq!(status, expected, "{who} reads {path}");
        }
    }
    for (query, field) in [
        ("from=2026-13", "from"),
        ("to=26-01", "to"),
        ("from=2026-05&to=2026-04", "from"),
        ("from=2020-01&to=2026-01", "from"),
    ] {
        let reply = app
            .get(
                &format!("{base}/reports/spend?{query}"),
                &market.purchaser.finance.token,
            )
            .await;
        expect_error(&reply, 422, None, Some(field), query);
    }
    let reply = app
        .get(
            &format!("{base}/invoices?month=2026-1"),
            &market.purchaser.finance.token,
        )
        .await;
    expect_error(&reply, 422, None, Some("month"), "invoice list month");
}
db_test!(finance_reports_are_for_the_purchasers_finance_only);
