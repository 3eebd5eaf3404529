//! Invoices an operator accepts: every Finvoice the API serves (invoice, supplementary
//! invoice, credit note; VAT-exempt social care and 25.5 % services; with and without the
//! routing envelope) validates against the official Finvoice 3.0 schema with xmllint, and
//! every row and total adds up when read back from the XML alone. Both CSV downloads have
//! one set of columns; e-invoice routing is entered, checked and used.
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of, str_field},
    finvoice::{self, Checked},
    fixtures::{self, Market, deliver, delivery_body, service_body, today},
    money::{dec, money},
};

fn this_month() -> String {
    today().format("%Y-%m").to_string()
}

fn today_text() -> String {
    today().format("%Y-%m-%d").to_string()
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

async fn record(
    app: &TestApp,
    provider: &fixtures::Provider,
    commitment: &str,
    quantity: &str,
) -> Value {
    let reply = deliver(
        app,
        provider,
        commitment,
        &delivery_body(
            &today_text(),
            quantity,
            "45.00",
            &format!("F-{}", uuid::Uuid::new_v4()),
        ),
    )
    .await;
    expect_status(&reply, 201, "record a delivery").clone()
}

async fn settle(app: &TestApp, market: &Market) -> Value {
    let reply = app
        .post(
            &format!(
                "/api/v1/purchasers/{}/settlements?include=lines",
                market.purchaser.id
            ),
            &market.purchaser.finance.token,
            &json!({"month": this_month()}),
        )
        .await;
    expect_status(&reply, 201, "settle").clone()
}

/// A cleaning service outside social care (VAT 25.5 %) bought with a voucher of 32.00 an
/// hour at 45.00: each hour leaves the client 13.00 to pay. Returns its commitment.
async fn cleaning_commitment(app: &TestApp, market: &Market) -> String {
    let mut body = service_body(&["voucher"], Some("32.00"), Some("60.00"));
    body["social_care"] = json!(false);
    body["vat_rate"] = json!("25.5");
    body["name"] = json!({"fi": "Siivous", "sv": "Städning", "en": "Cleaning"});
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", market.purchaser.id),
            &market.purchaser.catalogue_manager.token,
            &body,
        )
        .await;
    let service = id_of(expect_status(&reply, 201, "cleaning service"));
    fixtures::approve(app, &market.provider, &market.purchaser, &[&service]).await;
    let offering = fixtures::offering(app, &market.provider, &service, "45.00").await;
    let allocation = fixtures::allocation(
        app,
        &market.purchaser,
        &market.client,
        &fixtures::allocation_body("voucher", "500.00", &[&service], None),
    )
    .await;
    fixtures::accepted_commitment(
        app,
        &market.client.user.token,
        &id_of(&allocation),
        &offering,
        &market.provider,
        "voucher",
        None,
    )
    .await
}

/// The row of a delivery in a checked Finvoice.
fn row_of<'a>(checked: &'a Checked, delivery: &Value) -> &'a finvoice::Row {
    let id = str_field(delivery, "id").replace('-', "");
    checked
        .rows
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no row for delivery {id}"))
}

/// The JSON lines agree with the XML rows: quantity × unit price (VAT included) − the
/// client's share = the row amount, and the discount is the share without VAT.
fn json_agrees(invoice: &Value, checked: &Checked) {
    for line in invoice["lines"].as_array().unwrap() {
        let id = str_field(line, "delivery_id").replace('-', "");
        let row = checked.rows.iter().find(|r| r.id == id).unwrap();
        let gross = money(&line["total"]);
        assert_eq!(
            money(&line["line_total"]) - money(&line["client_share"]),
            gross,
            "{line}"
        );
        assert_eq!(row.amount, gross, "{line}");
        assert_eq!(
            row.discount,
            money(&line["client_share_vat_excluded"]),
            "{line}"
        );
        assert_eq!(
            row.unit_price_vat_included.abs(),
            money(&line["unit_price"]),
            "{line}"
        );
        let q = crate::harness::money::decimal(&line["quantity"]);
        let total = (q * row.unit_price_vat_included)
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(total, money(&line["line_total"]).abs(), "{line}");
    }
}

async fn every_finvoice_validates_against_the_official_schema_and_adds_up(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let care = market.accepted_commitment(&app).await;
    let cleaning = cleaning_commitment(&app, &market).await;
    // Home care (VAT 0 %) at 45.00 with a voucher of 40.00: 5.00 an hour is the client's.
    let two_hours = record(&app, &market.provider, &care, "2").await;
    let and_a_half = record(&app, &market.provider, &care, "1.5").await;
    // Cleaning (VAT 25.5 %) at 45.00 with a voucher of 32.00.
    let cleaned = record(&app, &market.provider, &cleaning, "2").await;
    assert_eq!(
        money(&cleaned["purchaser_share"]),
        dec("64.00"),
        "{cleaned}"
    );
    let token = &market.purchaser.finance.token;

    let settled = settle(&app, &market).await;
    let invoice = &settled["invoices"][0];
    let checked = finvoice::served(&app, &id_of(invoice), token, "invoice").await;
    assert_eq!(checked.type_code, "INV01");
    assert_eq!(checked.total, money(&invoice["total"]));
    json_agrees(invoice, &checked);
    let care_row = row_of(&checked, &two_hours);
    // 2 × 45.00 = 90.00, less the client's 10.00: the purchaser pays 80.00, no VAT.
    assert_eq!(
        (
            care_row.quantity,
            care_row.unit_price,
            care_row.discount,
            care_row.amount,
            care_row.vat
        ),
        (
            dec("2"),
            dec("45.00"),
            dec("10.00"),
            dec("80.00"),
            dec("0.00")
        )
    );
    let half = row_of(&checked, &and_a_half);
    assert_eq!((half.discount, half.amount), (dec("7.50"), dec("60.00")));
    let clean_row = row_of(&checked, &cleaned);
    // 2 × 35.85657 = 71.71 without VAT, less the client's 26.00 without VAT (20.71): 51.00,
    // and 13.00 VAT: 64.00, the purchaser's share.
    assert_eq!(
        (
            clean_row.unit_price,
            clean_row.unit_price_vat_included,
            clean_row.discount,
            clean_row.vat_excluded,
            clean_row.vat,
            clean_row.amount
        ),
        (
            dec("35.85657"),
            dec("45.00"),
            dec("20.71"),
            dec("51.00"),
            dec("13.00"),
            dec("64.00")
        )
    );
    assert!(
        !checked.has("MessageTransmissionDetails") && !checked.has("SellerOrganisationUnitNumber"),
        "no routing without e-invoice addresses"
    );
    assert!(checked.has("InvoicingPeriodStartDate"));

    // A delivery recorded after the run goes on a supplementary invoice.
    let late = record(&app, &market.provider, &care, "1").await;
    let later = settle(&app, &market).await;
    let supplementary = &later["invoices"][0];
    assert_eq!(supplementary["supplementary"], true, "{later}");
    let checked = finvoice::served(&app, &id_of(supplementary), token, "supplementary").await;
    assert_eq!(checked.rows.len(), 1);
    assert_eq!(row_of(&checked, &late).amount, dec("40.00"));
    assert!(
        checked
            .text("InvoiceFreeText")
            .is_some_and(|t| t.contains("Lisälasku"))
    );
    json_agrees(supplementary, &checked);

    // Voided after invoicing: the next run credits them, negative as Finvoice expects.
    for delivery in [&two_hours, &cleaned] {
        let reply = fixtures::void(&app, &market.provider, &str_field(delivery, "id")).await;
        expect_status(&reply, 200, "void an invoiced delivery");
    }
    let credited = settle(&app, &market).await;
    let credit = &credited["invoices"][0];
    assert_eq!(credit["kind"], "credit_note", "{credited}");
    let checked = finvoice::served(&app, &id_of(credit), token, "credit note").await;
    assert_eq!(checked.type_code, "INV02");
    assert_eq!(checked.total, dec("-144.00"), "80.00 + 64.00 back");
    let back = row_of(&checked, &cleaned);
    assert_eq!(
        (
            back.quantity,
            back.unit_price,
            back.discount,
            back.vat_excluded,
            back.vat,
            back.amount
        ),
        (
            dec("-2"),
            dec("35.85657"),
            dec("-20.71"),
            dec("-51.00"),
            dec("-13.00"),
            dec("-64.00")
        )
    );
    assert_eq!(
        back.original_invoice.as_deref(),
        Some(invoice["number"].to_string().as_str())
    );
    assert_eq!(
        checked.text("OriginalInvoiceNumber"),
        Some(invoice["number"].to_string())
    );
    json_agrees(credit, &checked);
}
db_test!(every_finvoice_validates_against_the_official_schema_and_adds_up);

async fn the_routing_envelope_needs_both_parties_address_and_operator(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let care = market.accepted_commitment(&app).await;
    record(&app, &market.provider, &care, "1").await;
    let provider_path = format!("/api/v1/providers/{}", market.provider.id);
    let purchaser_path = format!("/api/v1/purchasers/{}", market.purchaser.id);
    let staff = &market.provider.staff.token;
    let finance = &market.purchaser.finance.token;

    for (body, field) in [
        (
            json!({"einvoice_address": "003712345678"}),
            "einvoice_address",
        ),
        (
            json!({"einvoice_address": "FI21 1234 5600 0007 86"}),
            "einvoice_address",
        ),
        (
            json!({"einvoice_address": "=HYPERLINK(1)"}),
            "einvoice_address",
        ),
        (
            json!({"einvoice_operator": "<Maventa>"}),
            "einvoice_operator",
        ),
        (
            json!({"einvoice_operator": "003721291127"}),
            "einvoice_operator",
        ),
        (json!({"einvoice_operator": 42}), "einvoice_operator"),
    ] {
        expect_error(
            &app.patch(&provider_path, staff, &body).await,
            422,
            None,
            Some(field),
            &body.to_string(),
        );
        expect_error(
            &app.patch(&purchaser_path, finance, &body).await,
            422,
            None,
            Some(field),
            &body.to_string(),
        );
    }
    let own = app.get(&provider_path, staff).await;
    assert!(
        expect_status(&own, 200, "own")["einvoice_address"].is_null(),
        "nothing stored"
    );
    // Where a county's invoices go is finance's to say.
    expect_error(
        &app.patch(
            &purchaser_path,
            &market.purchaser.case_worker.token,
            &json!({"einvoice_address": "003712345671"}),
        )
        .await,
        403,
        None,
        None,
        "a case worker",
    );
    expect_error(
        &app.patch(
            &purchaser_path,
            &market.purchaser.catalogue_manager.token,
            &json!({"einvoice_operator": "NDEAFIHH"}),
        )
        .await,
        403,
        None,
        None,
        "a catalogue manager",
    );

    let reply = app
        .patch(
            &provider_path,
            staff,
            &json!({"einvoice_address": "0037 1234567-1", "einvoice_operator": "003721291126"}),
        )
        .await;
    let body = expect_status(&reply, 200, "provider routing");
    assert_eq!(
        (
            body["einvoice_address"].as_str(),
            body["einvoice_operator"].as_str()
        ),
        (Some("003712345671"), Some("003721291126"))
    );
    let reply = app
        .patch(
            &purchaser_path,
            finance,
            &json!({"einvoice_address": "fi21 1234 5600 0007 85"}),
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "purchaser address")["einvoice_address"],
        "FI2112345600000785"
    );

    let settled = settle(&app, &market).await;
    let id = id_of(&settled["invoices"][0]);
    // The buyer has no operator yet: addresses where known, no envelope.
    let checked = finvoice::served(&app, &id, finance, "buyer without operator").await;
    assert!(
        !checked.has("MessageTransmissionDetails"),
        "{}",
        checked.doc_text
    );
    assert_eq!(
        checked.text("SellerOrganisationUnitNumber").as_deref(),
        Some("003712345671")
    );
    assert_eq!(
        checked.text("BuyerOrganisationUnitNumber").as_deref(),
        Some("FI2112345600000785")
    );

    let reply = app
        .patch(
            &purchaser_path,
            finance,
            &json!({"einvoice_operator": "ndeafihh"}),
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "purchaser operator")["einvoice_operator"],
        "NDEAFIHH"
    );
    let checked = finvoice::served(&app, &id, staff, "both routed").await;
    assert!(checked.has("MessageTransmissionDetails"));
    assert_eq!(
        checked.text("FromIdentifier").as_deref(),
        Some("003712345671")
    );
    assert_eq!(
        checked.text("FromIntermediator").as_deref(),
        Some("003721291126")
    );
    assert_eq!(
        checked.text("ToIdentifier").as_deref(),
        Some("FI2112345600000785")
    );
    assert_eq!(checked.text("ToIntermediator").as_deref(), Some("NDEAFIHH"));
    assert_eq!(checked.text("MessageIdentifier"), Some(id.clone()));

    // An empty value removes it: the envelope goes, the seller's address stays.
    let reply = app
        .patch(&provider_path, staff, &json!({"einvoice_operator": ""}))
        .await;
    assert!(expect_status(&reply, 200, "remove operator")["einvoice_operator"].is_null());
    let checked = finvoice::served(&app, &id, finance, "seller without operator").await;
    assert!(!checked.has("MessageTransmissionDetails"));
    assert!(checked.has("SellerOrganisationUnitNumber"));

    // Changes of routing are in the audit log.
    let audit = app
        .sql_texts("SELECT action FROM audit_log WHERE action = 'einvoice_routing_changed'")
        .await;
    assert_eq!(audit.len(), 4, "{audit:?}");
}
db_test!(the_routing_envelope_needs_both_parties_address_and_operator);

fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(csv.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

async fn both_csv_downloads_share_one_set_of_columns(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    // A provider whose name a spreadsheet would run as a formula.
    let reply = app
        .patch(
            &format!("/api/v1/providers/{}", market.provider.id),
            &market.provider.staff.token,
            &json!({"name": "=HYPERLINK(\"http://x\")"}),
        )
        .await;
    expect_status(&reply, 200, "rename");
    let care = market.accepted_commitment(&app).await;
    let cleaning = cleaning_commitment(&app, &market).await;
    record(&app, &market.provider, &care, "1.5").await;
    record(&app, &market.provider, &cleaning, "2").await;
    let settled = settle(&app, &market).await;
    let invoice = &settled["invoices"][0];
    let token = &market.purchaser.finance.token;
    let get = |path: String| {
        let app = &app;
        async move {
            let (status, body) = app
                .send_raw(reqwest::Method::GET, &path, token, None, None)
                .await;
            assert_eq!(status, 200, "{path}: {body}");
            csv_rows(&body)
        }
    };
    let one = get(format!("/api/v1/invoices/{}/lines.csv", id_of(invoice))).await;
    let month = get(format!(
        "/api/v1/purchasers/{}/settlements/{}/lines.csv",
        market.purchaser.id,
        this_month()
    ))
    .await;
    let expected = [
        "invoice_number",
        "kind",
        "supplementary",
        "month",
        "provider",
        "provider_business_id",
        "reference",
        "issue_date",
        "due_date",
        "client_pseudonym",
        "delivery_date",
        "service_code",
        "service",
        "quantity",
        "unit",
        "unit_price",
        "unit_price_vat_excluded",
        "line_total",
        "client_share",
        "client_share_vat_excluded",
        "purchaser_share_vat_excluded",
        "vat_rate",
        "vat",
        "purchaser_share",
        "original_invoice_number",
        "delivery_id",
        "commitment_id",
    ];
    assert_eq!(one[0], expected, "the invoice's CSV header");
    assert_eq!(month[0], expected, "the month's CSV header");
    assert_eq!(one[1..], month[1..], "the same rows, cell for cell");
    assert_eq!(one.len(), 3);
    let col = |name: &str| expected.iter().position(|h| *h == name).unwrap();
    let n = |row: &Vec<String>, name: &str| finvoice::number(&row[col(name)]);
    let mut total = Decimal::ZERO;
    for row in &one[1..] {
        assert!(
            row[col("provider")].starts_with("'="),
            "formula neutralised: {row:?}"
        );
        assert_eq!(
            n(row, "line_total") - n(row, "client_share"),
            n(row, "purchaser_share"),
            "{row:?}"
        );
        assert_eq!(
            n(row, "purchaser_share_vat_excluded") + n(row, "vat"),
            n(row, "purchaser_share"),
            "{row:?}"
        );
        let q = n(row, "quantity");
        assert_eq!(
            (q * n(row, "unit_price")).round_dp(2),
            n(row, "line_total"),
            "{row:?}"
        );
        total += n(row, "purchaser_share");
    }
    assert_eq!(total, money(&invoice["total"]));
    let cleaning_row = one[1..]
        .iter()
        .find(|r| r[col("vat_rate")] == "25,5")
        .unwrap();
    assert_eq!(
        (
            cleaning_row[col("unit_price")].as_str(),
            cleaning_row[col("unit_price_vat_excluded")].as_str(),
            cleaning_row[col("line_total")].as_str(),
            cleaning_row[col("client_share")].as_str(),
            cleaning_row[col("purchaser_share_vat_excluded")].as_str(),
            cleaning_row[col("vat")].as_str(),
            cleaning_row[col("purchaser_share")].as_str(),
        ),
        (
            "45,00", "35,85657", "90,00", "26,00", "51,00", "13,00", "64,00"
        )
    );
}
db_test!(both_csv_downloads_share_one_set_of_columns);

async fn a_confirmed_settlement_makes_exactly_its_preview(app: TestApp) {
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let care = market.accepted_commitment(&app).await;
    let cleaning = cleaning_commitment(&app, &market).await;
    record(&app, &market.provider, &care, "2").await;
    record(&app, &market.provider, &cleaning, "1").await;
    // A second provider without bank details: previewed as waiting, not invoiced.
    let other = fixtures::provider(&app).await;
    fixtures::approve(&app, &other, &market.purchaser, &[&market.service_id]).await;
    let offering = fixtures::offering(&app, &other, &market.service_id, "40.00").await;
    let other_commitment = fixtures::accepted_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &offering,
        &other,
        "voucher",
        None,
    )
    .await;
    let reply = deliver(
        &app,
        &other,
        &other_commitment,
        &delivery_body(&today_text(), "1", "40.00", "W-1"),
    )
    .await;
    expect_status(&reply, 201, "other delivery");

    let token = &market.purchaser.finance.token;
    let preview_path = format!(
        "/api/v1/purchasers/{}/settlements/preview?month={}",
        market.purchaser.id,
        this_month()
    );
    let preview = expect_status(&app.get(&preview_path, token).await, 200, "preview").clone();
    assert_eq!(preview["invoices"], 1, "{preview}");
    assert_eq!(preview["credit_notes"], 0);
    assert_eq!(preview["waiting_deliveries"], 1);
    // 80.00 of care and 32.00 of cleaning (25.50 + 6.50 VAT).
    assert_eq!(
        money(&preview["invoiced"]["total"]),
        dec("112.00"),
        "{preview}"
    );
    assert_eq!(money(&preview["invoiced"]["vat"]), dec("6.50"), "{preview}");
    let mine = preview["providers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["provider_id"] == market.provider.id.as_str())
        .unwrap()
        .clone();
    assert_eq!(mine["will_invoice"], true);
    let theirs = preview["providers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["provider_id"] == other.id.as_str())
        .unwrap();
    assert_eq!(theirs["will_invoice"], false, "{theirs}");
    // Nothing was written by looking.
    let listed = app
        .get(
            &format!(
                "/api/v1/purchasers/{}/invoices?month={}",
                market.purchaser.id,
                this_month()
            ),
            token,
        )
        .await;
    assert_eq!(expect_status(&listed, 200, "list")["total"], 0);

    // A delivery after the preview: confirming the old preview makes nothing.
    let later = record(&app, &market.provider, &care, "1").await;
    let path = format!("/api/v1/purchasers/{}/settlements", market.purchaser.id);
    let stale = app
        .post(
            &path,
            token,
            &json!({"month": this_month(), "preview": preview["digest"]}),
        )
        .await;
    expect_error(
        &stale,
        409,
        Some("preview_changed"),
        None,
        "a stale preview",
    );
    let listed = app
        .get(
            &format!(
                "/api/v1/purchasers/{}/invoices?month={}",
                market.purchaser.id,
                this_month()
            ),
            token,
        )
        .await;
    assert_eq!(
        expect_status(&listed, 200, "list")["total"],
        0,
        "nothing was invoiced"
    );

    let preview = expect_status(&app.get(&preview_path, token).await, 200, "preview again").clone();
    let reply = app
        .post(
            &format!("{path}?include=lines"),
            token,
            &json!({"month": this_month(), "preview": preview["digest"]}),
        )
        .await;
    let settled = expect_status(&reply, 201, "confirmed").clone();
    let invoices = settled["invoices"].as_array().unwrap();
    assert_eq!(invoices.len() as u64, preview["invoices"].as_u64().unwrap());
    let invoice = &invoices[0];
    assert_eq!(
        money(&invoice["total"]),
        money(&preview["invoiced"]["total"])
    );
    assert_eq!(money(&invoice["net"]), money(&preview["invoiced"]["net"]));
    assert_eq!(money(&invoice["vat"]), money(&preview["invoiced"]["vat"]));
    assert_eq!(
        invoice["lines"].as_array().unwrap().len() as u64,
        preview["invoiced"]["lines"].as_u64().unwrap()
    );
    assert!(
        invoice["lines"]
            .to_string()
            .contains(&str_field(&later, "id"))
    );

    // Again: nothing is left to invoice, and nothing is invoiced twice.
    let after = expect_status(&app.get(&preview_path, token).await, 200, "after").clone();
    assert_eq!(
        (after["invoices"].as_u64(), after["credit_notes"].as_u64()),
        (Some(0), Some(0)),
        "{after}"
    );
    let again = app
        .post(
            &path,
            token,
            &json!({"month": this_month(), "preview": after["digest"]}),
        )
        .await;
    assert_eq!(expect_status(&again, 201, "again")["invoices"], json!([]));

    // Who may look, and at which month.
    expect_error(
        &app.get(&preview_path, &market.purchaser.case_worker.token)
            .await,
        403,
        None,
        None,
        "a case worker",
    );
    let stranger = fixtures::purchaser(&app, &market.admin).await;
    expect_error(
        &app.get(&preview_path, &stranger.finance.token).await,
        404,
        None,
        None,
        "another purchaser",
    );
    for month in ["2026-13", "x", "2999-01"] {
        let path = format!(
            "/api/v1/purchasers/{}/settlements/preview?month={month}",
            market.purchaser.id
        );
        expect_error(
            &app.get(&path, token).await,
            422,
            None,
            Some("month"),
            month,
        );
    }
}
db_test!(a_confirmed_settlement_makes_exactly_its_preview);

async fn the_invoice_page_is_for_finance_and_the_invoiced_provider(app: TestApp) {
    use crate::harness::form_session::FormSession;
    let market = Market::build(&app).await;
    give_bank_details(&app, &market.provider).await;
    let care = market.accepted_commitment(&app).await;
    record(&app, &market.provider, &care, "2").await;
    let finance = FormSession::new(&app, Some(&market.purchaser.finance.token)).await;

    // The month page does not settle by itself: a POST without a preview's digest shows the
    // preview, and nothing is invoiced.
    let (status, html) = finance
        .post(
            &app,
            "/purchaser/settlement",
            &[("month", &this_month())],
            true,
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("preview-caption"),
        "the preview is shown: {html}"
    );
    let (status, html) = finance
        .post(
            &app,
            "/purchaser/settlement",
            &[("month", &this_month()), ("preview", "0000")],
            true,
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("error-summary"),
        "a stale preview is refused in words: {html}"
    );
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
    assert_eq!(
        expect_status(&listed, 200, "list")["total"],
        0,
        "nothing was invoiced"
    );

    let (_, html) = finance
        .get(
            &app,
            &format!("/purchaser/settlement/preview?month={}", this_month()),
        )
        .await;
    let digest = html
        .split("name=\"preview\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the preview's digest in its form")
        .to_owned();
    let (status, _) = finance
        .post(
            &app,
            "/purchaser/settlement",
            &[("month", &this_month()), ("preview", &digest)],
            true,
        )
        .await;
    assert_eq!(status, 303, "confirmed, back to the month");
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
    let invoice = expect_status(&listed, 200, "list")["items"][0].clone();
    let page = format!("/invoices/{}", id_of(&invoice));

    let (status, html) = finance.get(&app, &page).await;
    assert_eq!(status, 200, "{html}");
    for shown in [
        "90,00",
        "10,00",
        "80,00",
        "rows-caption",
        "finvoice.xml",
        "lines.csv",
    ] {
        assert!(html.contains(shown), "{shown} on the invoice page");
    }
    assert!(!html.contains(&market.client.name), "pseudonyms only");
    let provider = FormSession::new(&app, Some(&market.provider.staff.token)).await;
    assert_eq!(
        provider.get(&app, &page).await.0,
        200,
        "the invoiced provider"
    );
    let stranger = fixtures::provider(&app).await;
    let stranger = FormSession::new(&app, Some(&stranger.staff.token)).await;
    assert_eq!(stranger.get(&app, &page).await.0, 404, "another provider");
    let other = fixtures::purchaser(&app, &market.admin).await;
    let other = FormSession::new(&app, Some(&other.finance.token)).await;
    assert_eq!(
        other.get(&app, &page).await.0,
        404,
        "another purchaser's finance"
    );
    let case_worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    assert_eq!(case_worker.get(&app, &page).await.0, 403, "a case worker");
}
db_test!(the_invoice_page_is_for_finance_and_the_invoiced_provider);

async fn e_invoice_addresses_are_entered_on_the_billing_pages(app: TestApp) {
    use crate::harness::form_session::FormSession;
    let market = Market::build(&app).await;
    let provider_path = format!("/api/v1/providers/{}", market.provider.id);
    let own = expect_status(
        &app.get(&provider_path, &market.provider.staff.token).await,
        200,
        "own",
    )
    .clone();
    let (name, email) = (str_field(&own, "name"), str_field(&own, "email"));
    let provider = FormSession::new(&app, Some(&market.provider.staff.token)).await;
    let profile = |address: &'static str, operator: &'static str| {
        let (name, email) = (name.clone(), email.clone());
        let provider = &provider;
        let app = &app;
        async move {
            provider
                .post(
                    app,
                    "/provider",
                    &[
                        ("name", &name),
                        ("email", &email),
                        ("phone", ""),
                        ("iban", ""),
                        ("bic", ""),
                        ("einvoice_address", address),
                        ("einvoice_operator", operator),
                    ],
                    true,
                )
                .await
        }
    };
    let (status, html) = profile("003712345678", "003721291126").await;
    assert_eq!(status, 200, "the form again, with the error");
    assert!(
        html.contains("Tarkista verkkolaskuosoite"),
        "the field's error in words: {html}"
    );
    let own = expect_status(
        &app.get(&provider_path, &market.provider.staff.token).await,
        200,
        "own",
    )
    .clone();
    assert!(
        own["einvoice_address"].is_null() && own["einvoice_operator"].is_null(),
        "nothing stored: {own}"
    );
    let (status, _) = profile("003712345671", "003721291126").await;
    assert_eq!(status, 303, "saved");
    let own = expect_status(
        &app.get(&provider_path, &market.provider.staff.token).await,
        200,
        "own",
    )
    .clone();
    assert_eq!(own["einvoice_address"], "003712345671");
    let (_, html) = provider.get(&app, "/provider").await;
    assert!(
        html.contains("value=\"003721291126\""),
        "the form shows what is stored"
    );

    let finance = FormSession::new(&app, Some(&market.purchaser.finance.token)).await;
    let (status, html) = finance
        .post(
            &app,
            "/purchaser/settlement/einvoice",
            &[
                ("einvoice_address", "003712345671"),
                ("einvoice_operator", "<Maventa>"),
            ],
            true,
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Tarkista välittäjätunnus"), "{html}");
    let (status, _) = finance
        .post(
            &app,
            "/purchaser/settlement/einvoice",
            &[
                ("einvoice_address", "003712345671"),
                ("einvoice_operator", "ndeafihh"),
            ],
            true,
        )
        .await;
    assert_eq!(status, 303);
    let purchaser = app
        .get(
            &format!("/api/v1/purchasers/{}", market.purchaser.id),
            crate::harness::client::ANON,
        )
        .await;
    let purchaser = expect_status(&purchaser, 200, "purchaser");
    assert_eq!(
        (
            purchaser["einvoice_address"].as_str(),
            purchaser["einvoice_operator"].as_str()
        ),
        (Some("003712345671"), Some("NDEAFIHH"))
    );
    let case_worker = FormSession::new(&app, Some(&market.purchaser.case_worker.token)).await;
    let (status, _) = case_worker
        .post(
            &app,
            "/purchaser/settlement/einvoice",
            &[("einvoice_address", "")],
            true,
        )
        .await;
    assert_eq!(status, 403, "a case worker does not set where invoices go");
}
db_test!(e_invoice_addresses_are_entered_on_the_billing_pages);
