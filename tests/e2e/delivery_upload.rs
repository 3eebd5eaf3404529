//! Uploading a CSV file of deliveries: every row checked by the single delivery's rules
//! (cumulatively: a row may overdraw only because of the rows before it), a report per
//! row, all valid rows recorded or — with `all_or_nothing` — none, balances checked to the
//! cent against sums computed here; spreadsheet encodings and separators; malformed files
//! refused whole; 10,000 rows within 10 s.
use std::time::Instant;

use chrono::Duration;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{
    TestApp,
    client::{Reply, expect_error, expect_status, id_of, str_field},
    fixtures::{self, Market, deliver, delivery_body, today},
    money::{Balance, dec, money},
};

fn iso(offset: i64) -> String {
    (today() + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

fn finnish(offset: i64) -> String {
    (today() + Duration::days(offset))
        .format("%-d.%-m.%Y")
        .to_string()
}

fn upload_path(market: &Market, query: &str) -> String {
    format!(
        "/api/v1/providers/{}/deliveries/upload{query}",
        market.provider.id
    )
}

async fn upload(app: &TestApp, token: &str, path: &str, body: Vec<u8>) -> Reply {
    let (status, text) = app
        .send_raw(Method::POST, path, token, Some("text/csv"), Some(body))
        .await;
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, value)
}

/// The row of the report for this line of the file.
fn row(report: &Value, line: u64) -> &Value {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["line"] == line)
        .unwrap_or_else(|| panic!("no line {line} in {report}"))
}

#[track_caller]
fn refused(report: &Value, line: u64, code: &str, field: Option<&str>) {
    let r = row(report, line);
    assert_eq!(r["status"], "refused", "line {line}: {r}");
    assert_eq!(r["code"], code, "line {line}: {r}");
    if let Some(field) = field {
        assert_eq!(r["field"], field, "line {line}: {r}");
    }
}

async fn a_mixed_file_records_every_valid_row_or_none(app: TestApp) {
    let market = Market::build(&app).await;
    let other = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let theirs = other.accepted_commitment(&app).await;
    for reference in ["PRE-1", "PRE-2"] {
        let reply = deliver(
            &app,
            &market.provider,
            &commitment,
            &delivery_body(&iso(0), "1", "45.00", reference),
        )
        .await;
        expect_status(&reply, 201, "recorded before the upload");
    }
    // 1000.00 granted, two hours at most 40.00 each from the voucher.
    let before = Balance::of("1000.00", "920.00", "0.00", "80.00");
    assert_eq!(market.books(&app).await, before);

    let c = &commitment;
    let lines = [
        "commitment;date;quantity;unit_price;reference".to_owned(),
        format!("{c};{};2;45,00;U-1", iso(0)), // 2: accepted, 80.00 + own 10.00
        format!("{c};{};1;45,00;PRE-1", iso(0)), // 3: sent before: duplicate
        format!("{c};{};3;45,00;PRE-2", iso(0)), // 4: reference used for other content
        format!("{theirs};{};1;45,00;U-2", iso(0)), // 5: another provider's commitment
        format!("{c};31.2.2026;1;45,00;U-3"),  // 6: no such date
        format!("{c};{};1;70,00;U-4", iso(0)), // 7: above the price cap 60.00
        format!("{c};{};1,5;45,00;U-1", iso(0)), // 8: reference twice in the file
        format!("{c};{};1;45,00;U-7", iso(2)), // 9: in the future
        format!("{c};{};0,5;45,00;U-5", finnish(0)), // 10: accepted, 20.00 + own 2.50
        format!("{c};{};1", iso(0)),           // 11: too few fields
        // 12: 22 h = 880.00 fits the 920.00 available before this file, but not the 820.00
        // the rows above leave: refused as an overdraw.
        format!("{c};{};22;45,00;U-6", iso(0)),
        format!("{c};{};x;45,00;U-8", iso(0)), // 13: not a quantity
    ];
    let file = lines.join("\n").into_bytes();
    let token = &market.provider.staff.token;

    let reply = upload(
        &app,
        token,
        &upload_path(&market, "?all_or_nothing=true"),
        file.clone(),
    )
    .await;
    let report = expect_status(&reply, 200, "all or nothing").clone();
    assert_eq!(report["recorded"], false, "{report}");
    assert_eq!(row(&report, 2)["status"], "valid");
    assert_eq!(row(&report, 10)["status"], "valid");
    assert!(row(&report, 2)["delivery_id"].is_null());
    assert_eq!(report["summary"]["valid"], 2);
    assert_eq!(report["summary"]["accepted"], 0);
    assert_eq!(market.books(&app).await, before, "nothing was recorded");

    let reply = upload(&app, token, &upload_path(&market, ""), file.clone()).await;
    let report = expect_status(&reply, 200, "every valid row").clone();
    assert_eq!(report["recorded"], true, "{report}");
    let accepted = row(&report, 2);
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(
        (
            money(&accepted["total"]),
            money(&accepted["purchaser_share"])
        ),
        (dec("90.00"), dec("80.00"))
    );
    assert_eq!(row(&report, 10)["status"], "accepted");
    assert_eq!(row(&report, 10)["client_share"], "2.50");
    assert_eq!(row(&report, 3)["status"], "duplicate");
    assert!(row(&report, 3)["delivery_id"].is_string());
    refused(&report, 4, "idempotency_conflict", Some("reference"));
    refused(&report, 5, "not_found", Some("commitment"));
    refused(&report, 6, "invalid_field", Some("date"));
    refused(&report, 7, "invalid_field", Some("unit_price"));
    refused(&report, 8, "duplicate_in_file", Some("reference"));
    refused(&report, 9, "invalid_field", Some("date"));
    refused(&report, 11, "invalid_field", Some("unit_price"));
    refused(&report, 12, "overdraw", Some("quantity"));
    refused(&report, 13, "invalid_field", Some("quantity"));
    let summary = &report["summary"];
    assert_eq!(
        (
            &summary["rows"],
            &summary["accepted"],
            &summary["duplicate"],
            &summary["refused"]
        ),
        (&json!(12), &json!(2), &json!(1), &json!(9)),
        "{summary}"
    );
    assert_eq!(summary["total"], "112.50");
    assert_eq!(summary["purchaser_share"], "100.00");
    assert_eq!(summary["client_share"], "12.50");
    let after = Balance::of("1000.00", "820.00", "0.00", "180.00");
    assert_eq!(market.books(&app).await, after);
    assert_eq!(other.books(&app).await.spent, dec("0.00"));

    // The recorded rows are deliveries like any other.
    let id = str_field(accepted, "delivery_id");
    let reply = app.get(&format!("/api/v1/deliveries/{id}"), token).await;
    let delivery = expect_status(&reply, 200, "an uploaded delivery");
    assert_eq!(delivery["reference"], "U-1");
    assert_eq!(delivery["quantity"], "2");

    // The same file again: what was recorded is a duplicate now, and nothing is charged.
    let reply = upload(&app, token, &upload_path(&market, ""), file).await;
    let report = expect_status(&reply, 200, "the same file again").clone();
    assert_eq!(row(&report, 2)["status"], "duplicate");
    assert_eq!(row(&report, 2)["delivery_id"], json!(id));
    assert_eq!(row(&report, 10)["status"], "duplicate");
    assert_eq!(report["summary"]["accepted"], 0);
    assert_eq!(market.books(&app).await, after, "charged once");
}
db_test!(a_mixed_file_records_every_valid_row_or_none);

/// Text as Windows-1252 bytes (the Latin-1 letters the test uses are the same there).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 letter"))
        .collect()
}

async fn a_windows_1252_file_with_commas_and_finnish_headers_is_read(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let text = format!(
        "Sitoumus,Päivämäärä,Määrä,Yksikköhinta,Viite\r\n{commitment},{},\"1,5\",\"44,50\",Jää-1\r\n",
        finnish(0)
    );
    let bytes = windows_1252(&text);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let reply = upload(
        &app,
        &market.provider.staff.token,
        &upload_path(&market, ""),
        bytes,
    )
    .await;
    let report = expect_status(&reply, 200, "a Windows-1252 file").clone();
    let r = row(&report, 2);
    assert_eq!(r["status"], "accepted", "{report}");
    assert_eq!(r["reference"], "Jää-1");
    // 1.5 h at 44.50 = 66.75, the voucher pays at most 1.5 × 40.00 = 60.00.
    assert_eq!(
        (r["total"].as_str(), r["purchaser_share"].as_str()),
        (Some("66.75"), Some("60.00"))
    );
    let reply = app
        .get(
            &format!("/api/v1/deliveries/{}", str_field(r, "delivery_id")),
            &market.provider.staff.token,
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "read back")["reference"],
        "Jää-1"
    );
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "940.00", "0.00", "60.00")
    );

    // UTF-8 with a BOM and an API key work the same way.
    let key = app
        .post(
            &format!("/api/v1/providers/{}/api-keys", market.provider.id),
            &market.provider.staff.token,
            &json!({"site": "ERP"}),
        )
        .await;
    let key = str_field(expect_status(&key, 201, "key"), "key");
    let text = format!(
        "\u{feff}reference;commitment;date;quantity;unit_price\nÅ-2;{commitment};{};1;40\n",
        iso(0)
    );
    let reply = upload(&app, &key, &upload_path(&market, ""), text.into_bytes()).await;
    let report = expect_status(&reply, 200, "UTF-8 with a BOM, by key").clone();
    assert_eq!(row(&report, 2)["status"], "accepted", "{report}");
    assert_eq!(row(&report, 2)["reference"], "Å-2");
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000.00", "900.00", "0.00", "100.00")
    );
}
db_test!(a_windows_1252_file_with_commas_and_finnish_headers_is_read);

async fn malformed_files_are_refused_whole_and_change_nothing(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let before = market.books(&app).await;
    let token = &market.provider.staff.token;
    let path = upload_path(&market, "");
    let good_row = format!("{commitment};{};1;45,00;M-1", iso(0));
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("commitment".encode_utf16().flat_map(u16::to_le_bytes));
    let mut garbage = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    garbage.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    for (body, code, what) in [
        (Vec::new(), "empty_file", "an empty file"),
        (
            b"commitment;date;quantity;unit_price;reference\n".to_vec(),
            "empty_file",
            "a header only",
        ),
        (
            format!("commitment;date;amount;reference\n{good_row}").into_bytes(),
            "missing_columns",
            "columns missing",
        ),
        (garbage, "not_csv", "binary garbage"),
        (utf16, "bad_encoding", "UTF-16"),
    ] {
        let reply = upload(&app, token, &path, body).await;
        expect_error(&reply, 422, Some(code), Some("file"), what);
    }
    let reply = upload(
        &app,
        token,
        &path,
        format!("commitment;date;amount;reference\n{good_row}").into_bytes(),
    )
    .await;
    let message = reply.1["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.contains("quantity") && message.contains("unit_price"),
        "names the columns: {message}"
    );

    let reply = upload(
        &app,
        token,
        &upload_path(&market, "?all_or_nothing=maybe"),
        good_row.clone().into_bytes(),
    )
    .await;
    expect_error(&reply, 400, None, Some("all_or_nothing"), "a bad flag");

    // Over 50 MB: refused with 413 before anything is read.
    let mut big = b"commitment;date;quantity;unit_price;reference\n".to_vec();
    let line = format!("{good_row}\n");
    while big.len() <= 50 * 1024 * 1024 {
        big.extend_from_slice(line.as_bytes());
    }
    let reply = upload(&app, token, &path, big).await;
    expect_error(
        &reply,
        413,
        Some("too_large"),
        Some("file"),
        "a file over 50 MB",
    );
    assert_eq!(market.books(&app).await, before, "nothing was recorded");

    // Another provider's staff cannot upload for this provider.
    let other = fixtures::provider(&app).await;
    let reply = upload(&app, &other.staff.token, &path, good_row.into_bytes()).await;
    expect_error(&reply, 404, None, None, "another provider's upload");
    assert_eq!(market.books(&app).await, before, "nothing was recorded");
}
db_test!(malformed_files_are_refused_whole_and_change_nothing);

async fn ten_thousand_rows_are_recorded_within_ten_seconds(app: TestApp) {
    let market = Market::build(&app).await;
    let allocation = fixtures::allocation(
        &app,
        &market.purchaser,
        &market.client,
        &fixtures::allocation_body("voucher", "500000.00", &[&market.service_id], None),
    )
    .await;
    let allocation_id = id_of(&allocation);
    let mut commitments = Vec::new();
    for _ in 0..4 {
        commitments.push(
            fixtures::accepted_commitment(
                &app,
                &market.client.user.token,
                &allocation_id,
                &market.offering_id,
                &market.provider,
                "voucher",
                None,
            )
            .await,
        );
    }
    let mut file = String::from("commitment;date;quantity;unit_price;reference\n");
    for i in 0..10_000 {
        let c = &commitments[i % commitments.len()];
        file.push_str(&format!(
            "{c};{};1;45,00;BULK-{i:05}\n",
            finnish(-(i as i64 % 15))
        ));
    }
    let started = Instant::now();
    let reply = upload(
        &app,
        &market.provider.staff.token,
        &upload_path(&market, ""),
        file.into_bytes(),
    )
    .await;
    let elapsed = started.elapsed();
    let report = expect_status(&reply, 200, "10,000 rows");
    eprintln!(
        "upload of 10,000 rows on {:?}: {:.2} s",
        app.backend,
        elapsed.as_secs_f64()
    );
    assert_eq!(
        report["summary"]["accepted"], 10_000,
        "{}",
        report["summary"]
    );
    // 10,000 hours at 45.00, of which the voucher pays 40.00 each.
    assert_eq!(report["summary"]["total"], "450000.00");
    assert_eq!(report["summary"]["purchaser_share"], "400000.00");
    assert!(elapsed.as_secs_f64() < 10.0, "took {elapsed:?}");
    let reply = app
        .get(
            &format!("/api/v1/allocations/{allocation_id}/reconciliation"),
            &market.purchaser.case_worker.token,
        )
        .await;
    let recon = expect_status(&reply, 200, "reconciliation");
    assert_eq!(recon["consistent"], true, "{recon}");
    assert_eq!(
        Balance::from_json(&recon["balance"]),
        Balance::of("500000.00", "100000.00", "0.00", "400000.00")
    );
    assert_eq!(
        Balance::from_json(&recon["from_entries"]),
        Balance::from_json(&recon["balance"])
    );
}
db_test!(ten_thousand_rows_are_recorded_within_ten_seconds);

async fn the_template_downloads_and_reads_back(app: TestApp) {
    let (status, text) = app
        .send_raw(
            Method::GET,
            "/api/v1/deliveries/upload-template.csv",
            "",
            None,
            None,
        )
        .await;
    assert_eq!(status.as_u16(), 200);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("commitment;date;quantity;unit_price;reference")
    );
    assert_eq!(lines.count(), 1, "one example row: {text}");
}
db_test!(the_template_downloads_and_reads_back);
