//! Settlement over HTTP: one invoice per provider and month whose lines are the purchaser's
//! shares, totals checked to the cent against sums computed here, nothing invoiced twice,
//! later deliveries on a supplementary invoice, VAT per catalogue entry, providers without
//! bank details reported, and two runs at once making one set of invoices.
use chrono::{Datelike, Duration};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{ANON, expect_error, expect_status, id_of, str_field},
    fixtures::{self, Market, deliver, delivery_body, service_body, today},
    money::{dec, money},
};

fn this_month() -> String {
    today().format("%Y-%m").to_string()
}

fn today_text() -> String {
    today().format("%Y-%m-%d").to_string()
}

/// The Finnish reference check, computed here independently of the server.
fn valid_finnish_reference(text: &str) -> bool {
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    let Some((check, base)) = digits.split_last() else {
        return false;
    };
    let sum: u32 = base
        .iter()
        .rev()
        .zip([7, 3, 1].iter().cycle())
        .map(|(d, w)| d * w)
        .sum();
    (10 - sum % 10) % 10 == *check
}

async fn give_bank_details(app: &TestApp, provider: &fixtures::Provider) {
    let reply = app
        .patch(
            &format!("/api/v1/providers/{}", provider.id),
            &provider.staff.token,
            &json!({"iban": "FI21 1234 5600 0007 85", "bic": "NDEAFIHH"}),
        )
        .await;
    expect_status(&reply, 200, "bank details");
}

async fn record(app: &TestApp, market: &Market, commitment: &str, quantity: &str) -> Decimal {
    let reply = deliver(
        app,
        &market.provider,
        commitment,
        &delivery_body(
            &today_text(),
            quantity,
            "45.00",
            &format!("S-{}", uuid::Uuid::new_v4()),
        ),
    )
    .await;
    money(&expect_status(&reply, 201, "record a delivery")["purchaser_share"])
}

async fn settle(app: &TestApp, market: &Market, month: &str) -> Value {
    let reply = app
        .post(
            &format!(
                "/api/v1/purchasers/{}/settlements?include=lines",
                market.purchaser.id
            ),
            &market.purchaser.finance.token,
            &json!({"month": month}),
        )
        .await;
    expect_status(&reply, 201, "settle").clone()
}

async fn a_month_is_invoiced_once_per_provider_with_exact_totals(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let commitment = market.accepted_commitment(&app).await;
    let mut shares = Vec::new();
    for quantity in ["1.5", "2", "0.75"] {
        shares.push(record(&app, &market, &commitment, quantity).await);
    }
    let expected: Decimal = shares.iter().sum();
    // 1.5 h, 2 h and 0.75 h at most 40.00 an hour from the voucher: 60 + 80 + 30.
    assert_eq!(expected, dec("170.00"));

    let settled = settle(&app, &market, &this_month()).await;
    let invoices = settled["invoices"].as_array().unwrap();
    assert_eq!(invoices.len(), 1, "{settled}");
    let invoice = &invoices[0];
    assert_eq!(money(&invoice["total"]), expected, "{invoice}");
    assert_eq!(
        money(&invoice["vat"]),
        dec("0.00"),
        "social care is VAT-exempt"
    );
    assert_eq!(money(&invoice["net"]), expected);
    let lines = invoice["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 3);
    let line_sum: Decimal = lines.iter().map(|l| money(&l["total"])).sum();
    assert_eq!(line_sum, expected, "lines add up to the total");
    assert!(lines.iter().all(|l| {
        l["client_pseudonym"]
            .as_str()
            .is_some_and(|p| p.starts_with("A-"))
    }));
    assert!(
        !invoice.to_string().contains(&market.client.name),
        "no client name on the invoice"
    );
    assert_eq!(invoice["number"], 1);
    assert!(
        valid_finnish_reference(&str_field(invoice, "reference")),
        "{invoice}"
    );
    assert!(str_field(invoice, "reference_rf").starts_with("RF"));
    let due = today() + Duration::days(14);
    assert_eq!(
        str_field(invoice, "due_date"),
        due.format("%Y-%m-%d").to_string()
    );
    assert_eq!(invoice["supplementary"], false);

    // Again: nothing is invoiced twice.
    let again = settle(&app, &market, &this_month()).await;
    assert_eq!(again["invoices"], json!([]), "{again}");

    // A delivery recorded later goes on a supplementary invoice.
    let late = record(&app, &market, &commitment, "1").await;
    let later = settle(&app, &market, &this_month()).await;
    let supplementary = &later["invoices"][0];
    assert_eq!(supplementary["supplementary"], true, "{later}");
    assert_eq!(supplementary["number"], 2);
    assert_eq!(money(&supplementary["total"]), late);
    assert_eq!(supplementary["lines"].as_array().unwrap().len(), 1);

    // Who may read an invoice.
    let path = format!("/api/v1/invoices/{}", id_of(invoice));
    expect_status(
        &app.get(&path, &market.provider.staff.token).await,
        200,
        "the invoiced provider",
    );
    expect_status(
        &app.get(&path, &market.purchaser.finance.token).await,
        200,
        "finance",
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
        &app.get(&path, &market.purchaser.case_worker.token).await,
        403,
        None,
        None,
        "a case worker",
    );
    expect_error(&app.get(&path, ANON).await, 401, None, None, "anonymous");
}
db_test!(a_month_is_invoiced_once_per_provider_with_exact_totals);

/// Issue #19: the answer summarises each invoice (totals, line count, links) unless the
/// caller asks for the lines; the links give the same lines `?include=lines` would have.
async fn the_answer_summarises_unless_lines_are_asked_for(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let commitment = market.accepted_commitment(&app).await;
    let mut expected = Decimal::ZERO;
    for quantity in ["1", "2.5"] {
        expected += record(&app, &market, &commitment, quantity).await;
    }
    let token = &market.purchaser.finance.token;
    let path = format!("/api/v1/purchasers/{}/settlements", market.purchaser.id);

    // A bad `include` is refused before anything is invoiced.
    expect_error(
        &app.post(
            &format!("{path}?include=everything"),
            token,
            &json!({"month": this_month()}),
        )
        .await,
        422,
        None,
        Some("include"),
        "include=everything",
    );

    let reply = app
        .post(&path, token, &json!({"month": this_month()}))
        .await;
    let settled = expect_status(&reply, 201, "settle").clone();
    let invoices = settled["invoices"].as_array().unwrap();
    assert_eq!(
        invoices.len(),
        1,
        "the bad include invoiced nothing: {settled}"
    );
    let invoice = &invoices[0];
    assert!(
        invoice.get("lines").is_none(),
        "no lines unless asked: {invoice}"
    );
    assert_eq!(invoice["line_count"], 2, "{invoice}");
    assert_eq!(money(&invoice["total"]), expected);
    assert_eq!(invoice["number"], 1);
    let id = id_of(invoice);
    assert_eq!(
        invoice["links"],
        json!({
            "json": format!("/api/v1/invoices/{id}"),
            "finvoice": format!("/api/v1/invoices/{id}/finvoice.xml"),
            "csv": format!("/api/v1/invoices/{id}/lines.csv"),
        })
    );

    // The links lead to the lines, which add up to the total.
    let read = app
        .get(str_field(&invoice["links"], "json").as_str(), token)
        .await;
    let read = expect_status(&read, 200, "the invoice").clone();
    let lines = read["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    let line_sum: Decimal = lines.iter().map(|l| money(&l["total"])).sum();
    assert_eq!(line_sum, expected);
    for link in ["finvoice", "csv"] {
        let (status, body) = app
            .send_raw(
                reqwest::Method::GET,
                &str_field(&invoice["links"], link),
                token,
                None,
                None,
            )
            .await;
        assert_eq!(status, 200, "{link}: {body}");
    }

    // Opting back in: a supplementary run with `?include=lines` answers the lines as the
    // invoice endpoint gives them.
    record(&app, &market, &commitment, "1").await;
    let reply = app
        .post(
            &format!("{path}?include=lines"),
            token,
            &json!({"month": this_month()}),
        )
        .await;
    let settled = expect_status(&reply, 201, "settle with lines").clone();
    let supplementary = &settled["invoices"][0];
    assert_eq!(supplementary["line_count"], 1, "{supplementary}");
    let read = app
        .get(str_field(&supplementary["links"], "json").as_str(), token)
        .await;
    assert_eq!(
        supplementary["lines"],
        expect_status(&read, 200, "the supplementary invoice")["lines"]
    );
}
db_test!(the_answer_summarises_unless_lines_are_asked_for);

async fn only_finance_settles_a_real_month(app: TestApp) {
    let market = Market::build(&app).await;
    let path = format!("/api/v1/purchasers/{}/settlements", market.purchaser.id);
    let next = today().with_day(1).unwrap() + Duration::days(40);
    for month in ["2026-13", "november", "", &next.format("%Y-%m").to_string()] {
        expect_error(
            &app.post(
                &path,
                &market.purchaser.finance.token,
                &json!({"month": month}),
            )
            .await,
            422,
            None,
            Some("month"),
            month,
        );
    }
    expect_error(
        &app.post(
            &path,
            &market.purchaser.case_worker.token,
            &json!({"month": this_month()}),
        )
        .await,
        403,
        None,
        None,
        "a case worker",
    );
    let other = fixtures::purchaser(&app, &market.admin).await;
    expect_error(
        &app.post(&path, &other.finance.token, &json!({"month": this_month()}))
            .await,
        404,
        None,
        None,
        "another purchaser's finance",
    );
}
db_test!(only_finance_settles_a_real_month);

async fn vat_comes_from_the_catalogue_entry(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let mut gym = service_body(&["payment_commitment"], None, None);
    gym["social_care"] = json!(false);
    gym["vat_rate"] = json!("25.5");
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", market.purchaser.id),
            &market.purchaser.catalogue_manager.token,
            &gym,
        )
        .await;
    let gym_id = id_of(expect_status(&reply, 201, "gym service"));
    fixtures::approve(&app, &market.provider, &market.purchaser, &[&gym_id]).await;
    let offering = fixtures::offering(&app, &market.provider, &gym_id, "100.00").await;
    let allocation = fixtures::allocation(
        &app,
        &market.purchaser,
        &market.client,
        &fixtures::allocation_body("personal_budget", "1000.00", &[&gym_id], None),
    )
    .await;
    let commitment = fixtures::accepted_commitment(
        &app,
        &market.client.user.token,
        &id_of(&allocation),
        &offering,
        &market.provider,
        "payment_commitment",
        None,
    )
    .await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&today_text(), "1", "100.00", "GYM-1"),
    )
    .await;
    expect_status(&reply, 201, "gym delivery");
    let settled = settle(&app, &market, &this_month()).await;
    let invoice = &settled["invoices"][0];
    // 100.00 including 25.5 % VAT: 79.68 + 20.32.
    assert_eq!(money(&invoice["total"]), dec("100.00"), "{invoice}");
    assert_eq!(money(&invoice["net"]), dec("79.68"), "{invoice}");
    assert_eq!(money(&invoice["vat"]), dec("20.32"), "{invoice}");
    assert_eq!(invoice["lines"][0]["vat_rate"], "25.5");
    // With no client's share there is no discount: 1 × 79.68127 = 79.68 + 20.32 VAT.
    let checked = crate::harness::finvoice::served(
        &app,
        &id_of(invoice),
        &market.purchaser.finance.token,
        "a 25.5 % service without a client's share",
    )
    .await;
    let row = &checked.rows[0];
    assert_eq!(
        (row.unit_price, row.discount, row.vat_excluded, row.vat),
        (dec("79.68127"), dec("0"), dec("79.68"), dec("20.32"))
    );
}
db_test!(vat_comes_from_the_catalogue_entry);

async fn a_provider_without_bank_details_is_reported_not_skipped(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let share = record(&app, &market, &commitment, "1").await;
    let settled = settle(&app, &market, &this_month()).await;
    assert_eq!(settled["invoices"], json!([]), "{settled}");
    let missing = &settled["not_invoiced"][0];
    assert_eq!(
        missing["provider_id"],
        market.provider.id.as_str(),
        "{settled}"
    );
    assert_eq!(missing["reason"], "missing_bank_details");
    assert_eq!(missing["deliveries"], 1);

    give_bank_details(&app, &market.provider).await;
    let settled = settle(&app, &market, &this_month()).await;
    assert_eq!(money(&settled["invoices"][0]["total"]), share, "{settled}");
    assert_eq!(settled["not_invoiced"], json!([]));
}
db_test!(a_provider_without_bank_details_is_reported_not_skipped);

async fn two_settlements_at_once_make_one_set_of_invoices(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let commitment = market.accepted_commitment(&app).await;
    let mut expected = Decimal::ZERO;
    for quantity in ["1", "2", "3"] {
        expected += record(&app, &market, &commitment, quantity).await;
    }
    let month = this_month();
    let (a, b) = tokio::join!(settle(&app, &market, &month), settle(&app, &market, &month));
    let invoices: Vec<&Value> = [&a, &b]
        .iter()
        .flat_map(|s| s["invoices"].as_array().unwrap().iter())
        .collect();
    assert_eq!(invoices.len(), 1, "one invoice in all: {a} {b}");
    assert_eq!(money(&invoices[0]["total"]), expected);
    assert_eq!(invoices[0]["lines"].as_array().unwrap().len(), 3);
}
db_test!(two_settlements_at_once_make_one_set_of_invoices);

async fn a_run_that_fails_half_way_invoices_nothing(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let commitment = market.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&today_text(), "1", "45.00", "HALF-1"),
    )
    .await;
    let first = id_of(expect_status(&reply, 201, "first delivery"));
    settle(&app, &market, &this_month()).await;
    // Behind the program's back, the first delivery forgets it was invoiced; with a new
    // delivery beside it, the next run writes the new one's line and then meets the old
    // one's line already there.
    app.overwrite(
        "deliveries",
        "invoice_id",
        &first,
        Option::<uuid::Uuid>::None.into(),
    )
    .await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&today_text(), "2", "45.00", "HALF-2"),
    )
    .await;
    let second = id_of(expect_status(&reply, 201, "second delivery"));
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/settlements", market.purchaser.id),
            &market.purchaser.finance.token,
            &json!({"month": this_month()}),
        )
        .await;
    expect_error(&reply, 409, Some("settlement_conflict"), None, "half way");

    // Nothing of the failed run stayed: still one invoice, and the new delivery is
    // waiting, not invoiced.
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
    assert_eq!(expect_status(&listed, 200, "invoices")["total"], 1);
    let books = app
        .get(
            &format!(
                "/api/v1/purchasers/{}/reports/reconciliation",
                market.purchaser.id
            ),
            &market.purchaser.finance.token,
        )
        .await;
    let books = expect_status(&books, 200, "reconciliation");
    assert_eq!(books["ok"], false, "the broken mark is reported: {books}");
    assert_eq!(books["marks_disagreeing"], json!([first]), "{books}");
    assert!(
        !books.to_string().contains(&second),
        "the new delivery was not half-invoiced: {books}"
    );
}
db_test!(a_run_that_fails_half_way_invoices_nothing);

/// A Finvoice amount (`170,50`) as a decimal.
fn finnish_amount(text: &str) -> Decimal {
    dec(&text.replace(',', "."))
}

async fn invoices_export_as_finvoice_and_csv(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let commitment = market.accepted_commitment(&app).await;
    let mut expected = Decimal::ZERO;
    for quantity in ["1.5", "2", "0.75"] {
        expected += record(&app, &market, &commitment, quantity).await;
    }
    let settled = settle(&app, &market, &this_month()).await;
    let invoice = &settled["invoices"][0];
    let id = id_of(invoice);
    let token = &market.purchaser.finance.token;

    let (status, xml) = app
        .send_raw(
            reqwest::Method::GET,
            &format!("/api/v1/invoices/{id}/finvoice.xml"),
            token,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{xml}");
    crate::harness::finvoice::assert_schema_valid(&xml, "an invoice of three voucher visits");
    crate::harness::finvoice::assert_rows_add_up(&xml, "an invoice of three voucher visits");
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("not XML ({e}): {xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "Finvoice");
    assert_eq!(root.attribute("Version"), Some("3.0"));
    let text = |name: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or_else(|| panic!("no {name} in {xml}"))
            .to_owned()
    };
    let provider = app
        .get(&format!("/api/v1/providers/{}", market.provider.id), ANON)
        .await;
    let business_id = str_field(expect_status(&provider, 200, "provider"), "business_id");
    assert_eq!(text("SellerPartyIdentifier"), business_id);
    assert_eq!(text("InvoiceTypeCode"), "INV01");
    assert_eq!(text("InvoiceNumber"), "1");
    assert_eq!(text("InvoiceDate"), today().format("%Y%m%d").to_string());
    assert_eq!(
        finnish_amount(&text("InvoiceTotalVatIncludedAmount")),
        expected
    );
    assert_eq!(
        finnish_amount(&text("InvoiceTotalVatExcludedAmount")),
        expected
    );
    assert_eq!(
        finnish_amount(&text("InvoiceTotalVatAmount")),
        Decimal::ZERO
    );
    let rows: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("InvoiceRow"))
        .collect();
    assert_eq!(rows.len(), 3);
    let row_sum: Decimal = rows
        .iter()
        .map(|r| {
            finnish_amount(
                r.children()
                    .find(|c| c.has_tag_name("RowAmount"))
                    .and_then(|c| c.text())
                    .unwrap_or("x"),
            )
        })
        .sum();
    assert_eq!(row_sum, expected, "rows add up to the total");
    assert_eq!(text("EpiAccountID"), "FI2112345600000785");
    assert_eq!(text("EpiBfiIdentifier"), "NDEAFIHH");
    assert_eq!(
        text("EpiRemittanceInfoIdentifier"),
        str_field(invoice, "reference").replace(' ', "")
    );
    assert_eq!(finnish_amount(&text("EpiInstructedAmount")), expected);
    assert!(
        !xml.contains(&market.client.name),
        "no client name in the Finvoice"
    );

    let (status, csv) = app
        .send_raw(
            reqwest::Method::GET,
            &format!("/api/v1/invoices/{id}/lines.csv"),
            token,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{csv}");
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(';').collect()).collect();
    assert_eq!(rows.len(), 4, "a header and three lines: {csv}");
    let total = rows[0]
        .iter()
        .position(|h| *h == "purchaser_share")
        .expect("purchaser_share column");
    let csv_sum: Decimal = rows[1..].iter().map(|r| finnish_amount(r[total])).sum();
    assert_eq!(csv_sum, expected, "{csv}");

    let stranger = fixtures::provider(&app).await;
    let (status, _) = app
        .send_raw(
            reqwest::Method::GET,
            &format!("/api/v1/invoices/{id}/finvoice.xml"),
            &stranger.staff.token,
            None,
            None,
        )
        .await;
    assert_eq!(status, 404, "another provider's invoice file");
    let (status, _) = app
        .send_raw(
            reqwest::Method::GET,
            &format!("/api/v1/invoices/{id}/lines.csv"),
            &market.provider.staff.token,
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "the invoiced provider reads its lines");
}
db_test!(invoices_export_as_finvoice_and_csv);

async fn a_reversal_after_invoicing_is_credited_in_the_next_run(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let commitment = market.accepted_commitment(&app).await;
    let voided_share = record(&app, &market, &commitment, "1.5").await;
    let disputed_share = record(&app, &market, &commitment, "2").await;
    let kept_share = record(&app, &market, &commitment, "1").await;
    let settled = settle(&app, &market, &this_month()).await;
    let invoice = &settled["invoices"][0];
    assert_eq!(
        money(&invoice["total"]),
        voided_share + disputed_share + kept_share
    );
    let line_of = |share: Decimal| {
        invoice["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| money(&l["total"]) == share)
            .map(|l| str_field(l, "delivery_id"))
            .unwrap()
    };
    let (voided, disputed) = (line_of(voided_share), line_of(disputed_share));
    let before = market.books(&app).await;

    // The provider voids one invoiced delivery; the client's money comes back at once.
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{voided}/void"),
            &market.provider.staff.token,
            &serde_json::json!({"reason": "Kirjattu virheellisesti."}),
        )
        .await;
    expect_status(&reply, 200, "void an invoiced delivery");
    let after_void = market.books(&app).await;
    assert_eq!(after_void.available - before.available, voided_share);
    // The client disputes another, and the case worker upholds it.
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{disputed}/dispute"),
            &market.client.user.token,
            &json!({"reason": "Käyntiä ei tehty."}),
        )
        .await;
    let dispute = id_of(expect_status(&reply, 201, "dispute"));
    let reply = app
        .post(
            &format!("/api/v1/disputes/{dispute}/decision"),
            &market.purchaser.case_worker.token,
            &json!({"uphold": true, "reason": "Käynti puuttuu."}),
        )
        .await;
    expect_status(&reply, 200, "uphold");
    let after_dispute = market.books(&app).await;
    assert_eq!(
        after_dispute.available - after_void.available,
        disputed_share
    );

    // The next run credits both, once.
    let next = settle(&app, &market, &this_month()).await;
    let credits = next["invoices"].as_array().unwrap();
    assert_eq!(credits.len(), 1, "{next}");
    let credit = &credits[0];
    assert_eq!(credit["kind"], "credit_note", "{credit}");
    assert_eq!(
        money(&credit["total"]),
        -(voided_share + disputed_share),
        "{credit}"
    );
    assert_eq!(credit["number"], 2);
    assert_eq!(credit["lines"].as_array().unwrap().len(), 2);
    // A credit note of a void and an upheld dispute: valid against the official schema,
    // negative, and adding up.
    let checked = crate::harness::finvoice::served(
        &app,
        &id_of(credit),
        &market.purchaser.finance.token,
        "credit note of a void and a dispute",
    )
    .await;
    assert_eq!(checked.type_code, "INV02");
    assert_eq!(checked.total, -(voided_share + disputed_share));
    let again = settle(&app, &market, &this_month()).await;
    assert_eq!(again["invoices"], json!([]), "credited once: {again}");
}
db_test!(a_reversal_after_invoicing_is_credited_in_the_next_run);
