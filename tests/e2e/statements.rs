//! Monthly statements over HTTP. The client's: the opening balance summed from the ledger
//! entries before the month, each movement, the closing balance, and the client's own
//! shares, checked to the cent against sums computed here across two months; who may read
//! it, and that the read is audited. The provider's: deliveries by purchaser with totals,
//! what is invoiced and what is not, before and after settlement runs.
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{ANON, expect_error, expect_status, id_of, str_field},
    fixtures::{self, Market, allocation_body, deliver, delivery_body},
    money::{Balance, dec, money},
};

/// Today in Finland, where the server counts its days and months.
pub fn finnish_today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive()
}

fn month_of(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

fn first_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap()
}

/// The voucher split computed here: the purchaser pays at most the voucher value per unit
/// (rounded half up to the cent), the client the rest.
fn split(quantity: &str, price: &str, voucher: &str) -> (Decimal, Decimal, Decimal) {
    let q = dec(quantity);
    let cents = |d: Decimal| d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let total = cents(q * dec(price));
    let purchaser = cents(q * dec(voucher)).min(total);
    (total, purchaser, total - purchaser)
}

/// A balance or a change of one: granted, available, reserved, spent (signed).
fn four(v: &Value) -> [Decimal; 4] {
    ["granted", "available", "reserved", "spent"].map(|k| money(&v[k]))
}

fn add(a: [Decimal; 4], b: [Decimal; 4]) -> [Decimal; 4] {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]
}

async fn record(
    app: &TestApp,
    market: &Market,
    commitment: &str,
    date: NaiveDate,
    q: &str,
) -> String {
    let body = delivery_body(
        &date.format("%Y-%m-%d").to_string(),
        q,
        "45.00",
        &format!("ST-{}", uuid::Uuid::new_v4()),
    );
    let reply = deliver(app, &market.provider, commitment, &body).await;
    id_of(expect_status(&reply, 201, "record a delivery"))
}

async fn statement(app: &TestApp, token: &str, allocation: &str, month: &str) -> Value {
    let path = format!("/api/v1/allocations/{allocation}/statement?month={month}");
    expect_status(&app.get(&path, token).await, 200, "read a statement").clone()
}

/// Checks the statement's own arithmetic: the movements add up to `change`, and
/// opening + change = closing, column by column.
fn assert_adds_up(s: &Value) {
    let movements = s["movements"].as_array().unwrap();
    let summed = movements
        .iter()
        .fold([Decimal::ZERO; 4], |sum, m| add(sum, four(&m["change"])));
    assert_eq!(summed, four(&s["change"]), "{s}");
    assert_eq!(add(four(&s["opening"]), summed), four(&s["closing"]), "{s}");
}

fn kinds(s: &Value) -> Vec<String> {
    s["movements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| str_field(m, "kind"))
        .collect()
}

async fn a_clients_month_adds_up_from_the_ledger(app: TestApp) {
    let market = Market::build(&app).await;
    let today = finnish_today();
    let last_day_before = first_of(today) - Duration::days(1);
    let previous = month_of(last_day_before);
    let mut body = allocation_body("voucher", "1000.00", &[&market.service_id], None);
    body["valid_from"] = json!((first_of(last_day_before) - Duration::days(1)).to_string());
    let allocation =
        id_of(&fixtures::allocation(&app, &market.purchaser, &market.client, &body).await);
    let client = &market.client.user.token;
    let commitment = fixtures::accepted_commitment(
        &app,
        client,
        &allocation,
        &market.offering_id,
        &market.provider,
        "voucher",
        Some("300.00"),
    )
    .await;
    // Last month: the grant, a reservation of 300.00 and 2 hours on its last day. The
    // ledger entries so far are moved into last month, as if they had been made then. (Late
    // in the month that day is older than the recording window: late recording is opened.)
    fixtures::open_late_recording(&app, &market.purchaser, &commitment, &fixtures::day(0)).await;
    record(&app, &market, &commitment, last_day_before, "2").await;
    let days_back = i64::from(today.day()) + 2;
    let moved = app
        .backdate_where(
            "ledger_entries",
            "created_at",
            "allocation_id",
            &allocation,
            days_back,
        )
        .await;
    assert_eq!(moved, 3, "grant, reserve and spend");
    // This month: 1.5 hours, 1 hour that is voided, and the commitment closed.
    record(&app, &market, &commitment, today, "1.5").await;
    let voided = record(&app, &market, &commitment, today, "1").await;
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{voided}/void"),
            &market.provider.staff.token,
            &serde_json::json!({"reason": "Kirjattu virheellisesti."}),
        )
        .await;
    expect_status(&reply, 200, "void");
    let reply = app
        .act(&format!("/api/v1/commitments/{commitment}/close"), client)
        .await;
    expect_status(&reply, 200, "close");

    let (_, s1, c1) = split("2", "45.00", "40.00");
    let (_, s2, c2) = split("1.5", "45.00", "40.00");
    let (granted, reserve) = (dec("1000.00"), dec("300.00"));
    let z = Decimal::ZERO;

    let last = statement(&app, client, &allocation, &previous).await;
    assert_adds_up(&last);
    assert_eq!(four(&last["opening"]), [z; 4], "{last}");
    assert_eq!(kinds(&last), ["grant", "reserve", "spend"], "{last}");
    let last_closing = [granted, granted - reserve, reserve - s1, s1];
    assert_eq!(four(&last["closing"]), last_closing, "{last}");
    let spend = &last["movements"][2];
    assert_eq!(
        spend["delivery_date"],
        last_day_before.to_string(),
        "{spend}"
    );
    assert_eq!(spend["service_name"]["fi"], "Kotihoito", "{spend}");
    assert_eq!(money(&last["own_shares_total"]), c1, "{last}");
    assert_eq!(last["own_shares"].as_array().unwrap().len(), 1);

    let this = statement(&app, client, &allocation, &month_of(today)).await;
    assert_adds_up(&this);
    assert_eq!(
        four(&this["opening"]),
        last_closing,
        "last month's closing opens this one"
    );
    assert_eq!(
        kinds(&this),
        ["spend", "spend", "reverse", "release"],
        "{this}"
    );
    assert_eq!(this["movements"][2]["reason"], "voided", "{this}");
    let released = reserve - s1 - s2;
    assert_eq!(
        four(&this["change"]),
        [z, released, -(reserve - s1), s2],
        "{this}"
    );
    let closing = [granted, granted - reserve + released, z, s1 + s2];
    assert_eq!(four(&this["closing"]), closing, "{this}");
    let books = app
        .check_books(&market.purchaser.case_worker.token, &allocation)
        .await;
    assert_eq!(
        books,
        Balance {
            granted: closing[0],
            available: closing[1],
            reserved: closing[2],
            spent: closing[3],
            expired: dec("0"),
        },
        "this month's closing is today's balance"
    );
    // The voided hour is not the client's to pay.
    assert_eq!(money(&this["own_shares_total"]), c2, "{this}");
    assert_eq!(money(&this["own_shares"][0]["client_share"]), c2);

    let before = month_of(first_of(last_day_before) - Duration::days(1));
    let empty = statement(&app, client, &allocation, &before).await;
    assert_eq!(four(&empty["closing"]), [z; 4], "{empty}");
    assert_eq!(empty["movements"], json!([]));

    let path = format!("/api/v1/allocations/{allocation}/statement");
    let next = month_of(first_of(today) + Duration::days(40));
    for month in ["2026-13", "11-2026", next.as_str()] {
        let reply = app.get(&format!("{path}?month={month}"), client).await;
        expect_error(&reply, 400, None, Some("month"), month);
    }
}
db_test!(a_clients_month_adds_up_from_the_ledger);

async fn a_statement_is_the_client_sides_and_its_read_is_audited(app: TestApp) {
    let market = Market::build(&app).await;
    let path = format!("/api/v1/allocations/{}/statement", market.allocation_id);
    let proxy = fixtures::proxy(&app, &market.purchaser, &market.client).await;
    for (token, who) in [
        (&market.client.user.token, "the client"),
        (&proxy.token, "a proxy"),
        (&market.purchaser.case_worker.token, "a case worker"),
    ] {
        let reply = app.get(&path, token).await;
        let body = expect_status(&reply, 200, who);
        assert_eq!(
            money(&body["closing"]["available"]),
            dec("1000.00"),
            "{who}: {body}"
        );
    }
    let other = fixtures::purchaser(&app, &market.admin).await;
    let stranger = fixtures::client(&app, &market.purchaser).await;
    for (token, who) in [
        (&stranger.user.token, "another client"),
        (&market.provider.staff.token, "a provider"),
        (&other.case_worker.token, "another purchaser's case worker"),
        (&market.purchaser.finance.token, "finance"),
    ] {
        expect_error(&app.get(&path, token).await, 404, None, None, who);
    }
    expect_error(&app.get(&path, ANON).await, 401, None, None, "anonymous");

    let audit = app
        .get(
            &format!("/api/v1/audit?client_id={}&per_page=100", market.client.id),
            &market.admin.token,
        )
        .await;
    let log = expect_status(&audit, 200, "audit log")["items"]
        .as_array()
        .unwrap()
        .clone();
    let reads: Vec<&Value> = log
        .iter()
        .filter(|e| e["action"] == "statement_read")
        .collect();
    assert_eq!(
        reads.len(),
        3,
        "one audited read per reader allowed: {log:#?}"
    );
    assert!(
        reads
            .iter()
            .all(|e| e["subject_id"] == market.allocation_id.as_str())
    );
    let by_proxy = reads
        .iter()
        .find(|e| e["actor_user_id"] == proxy.id.as_str())
        .unwrap_or_else(|| panic!("the proxy's read is not audited: {reads:#?}"));
    assert_eq!(by_proxy["acting_for_client_id"], market.client.id.as_str());
}
db_test!(a_statement_is_the_client_sides_and_its_read_is_audited);
