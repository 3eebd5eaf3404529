//! The provider's monthly statement over HTTP: the month's deliveries grouped by purchaser
//! with totals to the cent, what is invoiced and what is not yet across settlement runs (a
//! supplementary invoice, a credit note), the invoices with their export links, and that
//! only the provider's own staff read it.
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{ANON, expect_error, expect_status, id_of, str_field},
    fixtures::{self, Market, deliver, delivery_body},
    money::{dec, money},
};
use crate::statements::finnish_today;

fn this_month() -> String {
    finnish_today().format("%Y-%m").to_string()
}

/// Records `quantity` hours at 45.00 under a 40.00 voucher; answers the delivery's id, its
/// purchaser share and client share as computed here.
async fn record(
    app: &TestApp,
    provider: &fixtures::Provider,
    commitment: &str,
    quantity: &str,
) -> (String, Decimal, Decimal) {
    let body = delivery_body(
        &finnish_today().to_string(),
        quantity,
        "45.00",
        &format!("PS-{}", uuid::Uuid::new_v4()),
    );
    let reply = deliver(app, provider, commitment, &body).await;
    let created = expect_status(&reply, 201, "record");
    let q = dec(quantity);
    let (share, own) = (q * dec("40.00"), q * dec("5.00"));
    assert_eq!(money(&created["purchaser_share"]), share.round_dp(2));
    (id_of(created), share.round_dp(2), own.round_dp(2))
}

async fn statement(app: &TestApp, market: &Market) -> Value {
    let path = format!(
        "/api/v1/providers/{}/statement?month={}",
        market.provider.id,
        this_month()
    );
    expect_status(
        &app.get(&path, &market.provider.staff.token).await,
        200,
        "statement",
    )
    .clone()
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

async fn give_bank_details(app: &TestApp, provider: &fixtures::Provider) {
    let body = json!({"iban": "FI21 1234 5600 0007 85", "bic": "NDEAFIHH"});
    let reply = app
        .patch(
            &format!("/api/v1/providers/{}", provider.id),
            &provider.staff.token,
            &body,
        )
        .await;
    expect_status(&reply, 200, "bank details");
}

/// `recorded, total, purchaser_share, client_share, invoiced, not_invoiced`.
fn totals(t: &Value) -> (u64, [Decimal; 5]) {
    let keys = [
        "total",
        "purchaser_share",
        "client_share",
        "invoiced",
        "not_invoiced",
    ];
    (t["recorded"].as_u64().unwrap(), keys.map(|k| money(&t[k])))
}

/// A second purchaser that approved the market's provider, with a client and an accepted
/// voucher commitment of 40.00 an hour.
async fn second_purchaser(app: &TestApp, market: &Market) -> (fixtures::Purchaser, String) {
    let other = fixtures::purchaser(app, &market.admin).await;
    let service = fixtures::service(app, &other, &["voucher"], Some("40.00"), Some("60.00")).await;
    fixtures::approve(app, &market.provider, &other, &[&service]).await;
    let offering = fixtures::offering(app, &market.provider, &service, "45.00").await;
    let client = fixtures::client(app, &other).await;
    let body = fixtures::allocation_body("voucher", "500.00", &[&service], None);
    let allocation = id_of(&fixtures::allocation(app, &other, &client, &body).await);
    let commitment = fixtures::accepted_commitment(
        app,
        &client.user.token,
        &allocation,
        &offering,
        &market.provider,
        "voucher",
        None,
    )
    .await;
    (other, commitment)
}

async fn a_providers_month_shows_deliveries_by_purchaser_and_what_is_invoiced(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let commitment = market.accepted_commitment(&app).await;
    let mut ours = Vec::new();
    for q in ["1.5", "2", "0.75"] {
        ours.push(record(&app, &market.provider, &commitment, q).await);
    }
    let (other, other_commitment) = second_purchaser(&app, &market).await;
    let (_, other_share, other_own) = record(&app, &market.provider, &other_commitment, "2").await;

    let shares: Decimal = ours.iter().map(|d| d.1).sum();
    let owns: Decimal = ours.iter().map(|d| d.2).sum();
    let before = statement(&app, &market).await;
    let part = |s: &Value, pid: &str| -> Value {
        s["purchasers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["purchaser_id"] == pid)
            .cloned()
            .unwrap_or_else(|| panic!("no part for {pid}: {s}"))
    };
    let z = Decimal::ZERO;
    let mine = part(&before, &market.purchaser.id);
    assert_eq!(mine["deliveries"].as_array().unwrap().len(), 3);
    assert_eq!(
        totals(&mine["totals"]),
        (3, [shares + owns, shares, owns, z, shares])
    );
    let theirs = part(&before, &other.id);
    assert_eq!(
        totals(&theirs["totals"]),
        (
            1,
            [
                other_share + other_own,
                other_share,
                other_own,
                z,
                other_share
            ]
        )
    );
    let all = shares + other_share;
    assert_eq!(
        totals(&before["totals"]),
        (4, [all + owns + other_own, all, owns + other_own, z, all])
    );
    assert_eq!(before["invoices"], json!([]));
    let row = &mine["deliveries"][0];
    assert!(
        str_field(row, "client").starts_with("A-"),
        "a pseudonym: {row}"
    );
    assert!(
        !before.to_string().contains(&market.client.name),
        "no client names"
    );

    // The first purchaser settles; an hour recorded afterwards is not invoiced yet.
    settle(&app, &market).await;
    let (_, late_share, late_own) = record(&app, &market.provider, &commitment, "1").await;
    let after = statement(&app, &market).await;
    let mine = part(&after, &market.purchaser.id);
    assert_eq!(
        totals(&mine["totals"]),
        (
            4,
            [
                shares + owns + late_share + late_own,
                shares + late_share,
                owns + late_own,
                shares,
                late_share
            ]
        )
    );
    assert_eq!(mine["totals"]["not_invoiced_count"], 1);
    let invoices = after["invoices"].as_array().unwrap();
    assert_eq!(invoices.len(), 1, "{after}");
    assert_eq!(money(&invoices[0]["total"]), shares);
    for link in ["json", "finvoice", "csv"] {
        let path = str_field(&invoices[0]["links"], link);
        let reply = app.get(&path, &market.provider.staff.token).await;
        assert_eq!(reply.0.as_u16(), 200, "{link} {path}: {reply:?}");
    }

    // An invoiced delivery is voided; the next run invoices the late hour and credits it.
    let (voided, voided_share, voided_own) = ours[0].clone();
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{voided}/void"),
            &market.provider.staff.token,
            &serde_json::json!({"reason": "Kirjattu virheellisesti."}),
        )
        .await;
    expect_status(&reply, 200, "void an invoiced delivery");
    settle(&app, &market).await;
    let settled = statement(&app, &market).await;
    let mine = part(&settled, &market.purchaser.id);
    let kept = shares - voided_share + late_share;
    let kept_own = owns - voided_own + late_own;
    assert_eq!(
        totals(&mine["totals"]),
        (3, [kept + kept_own, kept, kept_own, kept, z])
    );
    let row = mine["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == voided.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["status"], "voided", "{row}");
    assert_eq!(row["invoice_number"], 1, "{row}");
    assert_eq!(row["credit_note_number"], 3, "{row}");
    let kinds: Vec<(i64, String)> = settled["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["number"].as_i64().unwrap(), str_field(i, "kind")))
        .collect();
    assert_eq!(
        kinds,
        [
            (1, "invoice".into()),
            (2, "invoice".into()),
            (3, "credit_note".into())
        ],
        "{settled}"
    );
    // The other purchaser has not settled: its part is untouched.
    assert_eq!(
        totals(&part(&settled, &other.id)["totals"]).1[4],
        other_share
    );
}
db_test!(a_providers_month_shows_deliveries_by_purchaser_and_what_is_invoiced);

async fn only_the_providers_own_staff_read_its_statement(app: TestApp) {
    let market = Market::build(&app).await;
    let path = format!("/api/v1/providers/{}/statement", market.provider.id);
    let reply = app.get(&path, &market.provider.staff.token).await;
    let body = expect_status(&reply, 200, "own");
    assert_eq!(
        body["month"],
        this_month().as_str(),
        "this month by default"
    );
    let stranger = fixtures::provider(&app).await;
    expect_error(
        &app.get(&path, &stranger.staff.token).await,
        404,
        None,
        None,
        "another provider",
    );
    expect_error(
        &app.get(&path, &market.client.user.token).await,
        403,
        None,
        None,
        "a client",
    );
    expect_error(&app.get(&path, ANON).await, 401, None, None, "anonymous");
    let reply = app
        .get(
            &format!("{path}?month=2026-1"),
            &market.provider.staff.token,
        )
        .await;
    expect_error(&reply, 400, None, Some("month"), "a bad month");
}
db_test!(only_the_providers_own_staff_read_its_statement);
