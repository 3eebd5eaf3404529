//! Bad input is answered with a precise 4xx naming the field, changes nothing, and no input
//! at all produces a 5xx.

use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::TestApp;
use crate::harness::client::{ANON, Checks, Reply, expect_status, id_of};
use crate::harness::fixtures::{self, Market, PASSWORD, day, deliver, delivery_body};
use crate::harness::ids;
use crate::harness::money::Balance;

const NOT_FOUND_UUID: &str = "0b5f3a52-7c1e-4d3a-9a55-3f1c0de2a001";

/// Total of a list endpoint, as the given actor sees it.
async fn total(app: &TestApp, path: &str, token: &str) -> u64 {
    let reply = app.get(path, token).await;
    expect_status(&reply, 200, path)["total"]
        .as_u64()
        .unwrap_or_else(|| panic!("{path}: no total in {}", reply.1))
}

async fn post_text(
    app: &TestApp,
    path: &str,
    token: &str,
    content_type: Option<&str>,
    body: &str,
) -> Reply {
    let (status, text) = app
        .send_raw(
            Method::POST,
            path,
            token,
            content_type,
            Some(body.as_bytes().to_vec()),
        )
        .await;
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn malformed_json_and_a_missing_content_type_answer_400_and_change_nothing(app: TestApp) {
    let mut checks = Checks::default();
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let cw = market.purchaser.case_worker.token.clone();
    let before = market.books(&app).await;
    let allocations = format!("/api/v1/clients/{}/allocations", market.client.id);
    let services = format!("/api/v1/purchasers/{}/services", market.purchaser.id);
    let deliveries = format!("/api/v1/commitments/{commitment}/deliveries");
    let allocations_before = total(&app, &allocations, &cw).await;
    let services_before = total(&app, &services, ANON).await;
    let valid_delivery = delivery_body(&day(-1), "1", "45.00", "CT-1").to_string();
    let truncated = &valid_delivery[..valid_delivery.len() - 5];

    let reply = post_text(
        &app,
        &deliveries,
        &market.provider.staff.token,
        Some("application/json"),
        truncated,
    )
    .await;
    checks.error(&reply, 400, None, None, "truncated JSON delivery");
    let reply = post_text(
        &app,
        &deliveries,
        &market.provider.staff.token,
        None,
        &valid_delivery,
    )
    .await;
    checks.error(&reply, 400, None, None, "delivery without Content-Type");
    let reply = post_text(
        &app,
        &deliveries,
        &market.provider.staff.token,
        Some("application/json"),
        "{'date': 1}",
    )
    .await;
    checks.error(&reply, 400, None, None, "single-quoted JSON");
    assert_eq!(market.books(&app).await, before);

    let allocation =
        fixtures::allocation_body("voucher", "10.00", &[&market.service_id], None).to_string();
    let reply = post_text(
        &app,
        &allocations,
        &cw,
        Some("application/json"),
        &allocation[1..],
    )
    .await;
    checks.error(
        &reply,
        400,
        None,
        None,
        "allocation JSON without its opening brace",
    );
    let reply = post_text(&app, &allocations, &cw, None, &allocation).await;
    checks.error(&reply, 400, None, None, "allocation without Content-Type");
    assert_eq!(total(&app, &allocations, &cw).await, allocations_before);

    let service = fixtures::service_body(&["voucher"], Some("1.00"), None).to_string();
    let reply = post_text(
        &app,
        &services,
        &market.purchaser.catalogue_manager.token,
        Some("application/json"),
        &format!("{service},"),
    )
    .await;
    checks.error(
        &reply,
        400,
        None,
        None,
        "service JSON with trailing garbage",
    );
    let reply = post_text(
        &app,
        &services,
        &market.purchaser.catalogue_manager.token,
        None,
        &service,
    )
    .await;
    checks.error(&reply, 400, None, None, "service without Content-Type");
    assert_eq!(total(&app, &services, ANON).await, services_before);

    let reply = post_text(
        &app,
        "/api/v1/auth/login",
        ANON,
        Some("application/json"),
        "{\"email\":",
    )
    .await;
    checks.error(&reply, 400, None, None, "truncated login");
    let reply = app.get(&format!("{allocations}?page=abc"), &cw).await;
    checks.error(&reply, 400, None, None, "non-numeric page");
    let reply = app.get(&format!("{services}?per_page=%ZZ"), ANON).await;
    checks.error(
        &reply,
        400,
        None,
        None,
        "broken percent-encoding in the query",
    );
    assert_eq!(market.books(&app).await, before);
    checks.finish();
}

db_test!(malformed_json_and_a_missing_content_type_answer_400_and_change_nothing);

async fn wrong_json_types_answer_422_naming_the_field(app: TestApp) {
    let mut checks = Checks::default();
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let cw = market.purchaser.case_worker.token.clone();
    let allocations = format!("/api/v1/clients/{}/allocations", market.client.id);
    let before = market.books(&app).await;
    let allocations_before = total(&app, &allocations, &cw).await;

    let mut cases: Vec<(&str, Value, &str)> = Vec::new();
    for (field, wrong) in [
        ("granted", json!(true)),
        ("granted", json!({"amount": 1})),
        ("service_ids", json!("not-a-list")),
        ("valid_from", json!(20240101)),
        ("kind", json!(["voucher"])),
    ] {
        let mut body = fixtures::allocation_body("voucher", "10.00", &[&market.service_id], None);
        body[field] = wrong;
        cases.push(("allocation", body, field));
    }
    for (case, body, field) in cases {
        let reply = app.post(&allocations, &cw, &body).await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some(field),
            &format!("{case} with a wrong-typed {field}: {body}"),
        );
    }
    assert_eq!(total(&app, &allocations, &cw).await, allocations_before);

    for (field, wrong) in [
        ("quantity", json!([1])),
        ("quantity", json!(true)),
        ("unit_price", json!({"eur": 45})),
        ("date", json!(20240101)),
        ("reference", json!(42)),
    ] {
        let mut body = delivery_body(&day(-1), "1", "45.00", "WT-1");
        body[field] = wrong;
        let reply = deliver(&app, &market.provider, &commitment, &body).await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some(field),
            &format!("delivery with a wrong-typed {field}: {body}"),
        );
    }
    assert_eq!(market.books(&app).await, before);

    let services = format!("/api/v1/purchasers/{}/services", market.purchaser.id);
    let services_before = total(&app, &services, ANON).await;
    for (field, wrong) in [
        ("social_care", json!("yes")),
        ("methods", json!("voucher")),
        ("name", json!(7)),
    ] {
        let mut body = fixtures::service_body(&["voucher"], Some("40.00"), None);
        body[field] = wrong;
        let reply = app
            .post(&services, &market.purchaser.catalogue_manager.token, &body)
            .await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some(field),
            &format!("service with a wrong-typed {field}"),
        );
    }
    assert_eq!(total(&app, &services, ANON).await, services_before);
    checks.finish();
}

db_test!(wrong_json_types_answer_422_naming_the_field);

async fn non_positive_quantities_and_three_decimal_money_answer_422_and_change_nothing(
    app: TestApp,
) {
    let mut checks = Checks::default();
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let before = market.books(&app).await;

    for quantity in [
        json!("0"),
        json!("-1"),
        json!(-1),
        json!(0),
        json!("0.000"),
        json!("-0.5"),
    ] {
        let mut body = delivery_body(&day(-1), "1", "45.00", "Q-1");
        body["quantity"] = quantity.clone();
        let reply = deliver(&app, &market.provider, &commitment, &body).await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some("quantity"),
            &format!("quantity {quantity}"),
        );
    }
    for unit_price in [
        json!("45.005"),
        json!(45.005),
        json!("0.001"),
        json!("-45.00"),
    ] {
        let mut body = delivery_body(&day(-1), "1", "45.00", "Q-2");
        body["unit_price"] = unit_price.clone();
        let reply = deliver(&app, &market.provider, &commitment, &body).await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some("unit_price"),
            &format!("unit_price {unit_price}"),
        );
    }
    assert_eq!(market.books(&app).await, before);

    let reply = fixtures::request_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        Some("10.001"),
    )
    .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("reserve"),
        "three-decimal reserve",
    );
    let reply = fixtures::request_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        Some("-10.00"),
    )
    .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("reserve"),
        "negative reserve",
    );
    assert_eq!(market.books(&app).await, before);

    let cw = market.purchaser.case_worker.token.clone();
    let allocations = format!("/api/v1/clients/{}/allocations", market.client.id);
    let allocations_before = total(&app, &allocations, &cw).await;
    for granted in ["100.001", "-5.00", "abc", ""] {
        let body = fixtures::allocation_body("voucher", granted, &[&market.service_id], None);
        let reply = app.post(&allocations, &cw, &body).await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some("granted"),
            &format!("granted {granted:?}"),
        );
    }
    assert_eq!(total(&app, &allocations, &cw).await, allocations_before);

    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", market.provider.id),
            &market.provider.staff.token,
            &fixtures::offering_body(&market.service_id, "10.001"),
        )
        .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("unit_price"),
        "three-decimal offering price",
    );
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", market.purchaser.id),
            &market.purchaser.catalogue_manager.token,
            &fixtures::service_body(&["voucher"], Some("40.005"), None),
        )
        .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("voucher_value"),
        "three-decimal voucher value",
    );
    checks.finish();
}

db_test!(non_positive_quantities_and_three_decimal_money_answer_422_and_change_nothing);

async fn unknown_and_malformed_ids_answer_404(app: TestApp) {
    let mut checks = Checks::default();
    let market = Market::build(&app).await;
    let cw = market.purchaser.case_worker.token.clone();
    let cm = market.purchaser.catalogue_manager.token.clone();
    let provider = market.provider.staff.token.clone();
    let client = market.client.user.token.clone();
    let before = market.books(&app).await;
    let delivery = delivery_body(&day(-1), "1", "45.00", "U-1");
    let commitment = json!({"offering_id": market.offering_id, "method": "voucher"});
    let allocation = fixtures::allocation_body("voucher", "10.00", &[&market.service_id], None);
    let dispute = json!({"reason": "x"});
    let decision = json!({"approve": true});
    let patch = json!({"unit_price": "44.00"});

    for bad in [
        NOT_FOUND_UUID,
        "not-a-uuid",
        "123",
        "%20",
        "0b5f3a52-7c1e-4d3a-9a55-3f1c0de2a00Z",
    ] {
        let gets = [
            (format!("/api/v1/allocations/{bad}"), &cw),
            (format!("/api/v1/allocations/{bad}/ledger"), &cw),
            (format!("/api/v1/allocations/{bad}/reconciliation"), &cw),
            (format!("/api/v1/offerings/{bad}"), &client),
            (format!("/api/v1/clients/{bad}"), &cw),
            (format!("/api/v1/clients/{bad}/allocations"), &cw),
            (format!("/api/v1/commitments/{bad}"), &provider),
            (format!("/api/v1/deliveries/{bad}"), &provider),
            (format!("/api/v1/purchasers/{bad}/services"), &client),
        ];
        for (path, token) in gets {
            let reply = app.get(&path, token).await;
            checks.error(&reply, 404, None, None, &format!("GET {path}"));
        }
        let posts = [
            (
                format!("/api/v1/commitments/{bad}/accept"),
                &provider,
                json!({}),
            ),
            (
                format!("/api/v1/commitments/{bad}/decline"),
                &provider,
                json!({}),
            ),
            (
                format!("/api/v1/commitments/{bad}/close"),
                &client,
                json!({}),
            ),
            (
                format!("/api/v1/commitments/{bad}/deliveries"),
                &provider,
                delivery.clone(),
            ),
            (
                format!("/api/v1/deliveries/{bad}/void"),
                &provider,
                json!({}),
            ),
            (
                format!("/api/v1/deliveries/{bad}/dispute"),
                &client,
                dispute.clone(),
            ),
            (
                format!("/api/v1/disputes/{bad}/decision"),
                &cw,
                json!({"uphold": true}),
            ),
            (
                format!("/api/v1/applications/{bad}/decision"),
                &cm,
                decision.clone(),
            ),
            (
                format!("/api/v1/allocations/{bad}/commitments"),
                &client,
                commitment.clone(),
            ),
            (
                format!("/api/v1/clients/{bad}/allocations"),
                &cw,
                allocation.clone(),
            ),
            (
                format!("/api/v1/clients/{bad}/proxies"),
                &cw,
                json!({"name": "A", "email": fixtures::email("p"), "relation": "parent"}),
            ),
            (
                format!("/api/v1/purchasers/{bad}/clients"),
                &cw,
                json!({"name": "A", "personal_id": ids::personal_id(), "municipality": "091"}),
            ),
        ];
        for (path, token, body) in posts {
            let reply = app.post(&path, token, &body).await;
            checks.error(&reply, 404, None, None, &format!("POST {path}"));
        }
        let reply = app
            .patch(&format!("/api/v1/offerings/{bad}"), &provider, &patch)
            .await;
        checks.error(&reply, 404, None, None, "PATCH unknown offering");
        let reply = app
            .delete(&format!("/api/v1/offerings/{bad}"), &provider)
            .await;
        checks.error(&reply, 404, None, None, "DELETE unknown offering");
    }

    // An unknown offering named in a body is refused too, and reserves nothing.
    let reply = fixtures::request_commitment(
        &app,
        &client,
        &market.allocation_id,
        NOT_FOUND_UUID,
        "voucher",
        Some("10.00"),
    )
    .await;
    let status = reply.0.as_u16();
    checks.that(status == 404 || status == 422, || {
        format!(
            "unknown offering_id in the body: expected 404 or 422, got {status} {}",
            reply.1
        )
    });
    assert_eq!(market.books(&app).await, before);
    checks.finish();
}

db_test!(unknown_and_malformed_ids_answer_404);

async fn bad_business_ids_and_identity_codes_answer_422_and_create_nothing(app: TestApp) {
    let mut checks = Checks::default();
    let admin = app.login_admin().await;
    let valid = ids::business_id();
    // Seven digits whose weighted sum leaves remainder 1 have no valid check digit.
    let remainder_one = (0..10_000_000u32)
        .map(|n| format!("{n:07}"))
        .find(|s| {
            let d: [u32; 7] = std::array::from_fn(|i| s.as_bytes()[i] as u32 - 48);
            ids::business_id_check(&d).is_none()
        })
        .unwrap();
    let bad_business_ids = [
        ids::business_id_with_wrong_check(),
        format!("{remainder_one}-0"),
        format!("{remainder_one}-1"),
        valid.replace('-', ""),
        valid[..8].to_string(),
        format!("0{valid}"),
        "abcdefg-h".to_string(),
        String::new(),
        "１２３４５６７-８".to_string(),
    ];
    let email = fixtures::email("signup");
    for bad in &bad_business_ids {
        let mut body = fixtures::provider_body(&email);
        body["business_id"] = json!(bad);
        let reply = app.post("/api/v1/providers", ANON, &body).await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some("business_id"),
            &format!("provider with business ID {bad:?}"),
        );
        let reply = app
            .post(
                "/api/v1/purchasers",
                &admin.token,
                &json!({"name": "Kunta", "business_id": bad, "municipalities": ["091"]}),
            )
            .await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some("business_id"),
            &format!("purchaser with business ID {bad:?}"),
        );
    }
    // None of the failed sign-ups left an account behind.
    let reply = app
        .post(
            "/api/v1/auth/login",
            ANON,
            &json!({"email": email, "password": PASSWORD}),
        )
        .await;
    checks.error(&reply, 401, None, None, "login after failed sign-ups");
    let mut body = fixtures::provider_body(&email);
    body["business_id"] = json!(valid);
    let reply = app.post("/api/v1/providers", ANON, &body).await;
    expect_status(
        &reply,
        201,
        "sign-up with a valid business ID and the same email",
    );
    let reply = app.post("/api/v1/providers", ANON, &body).await;
    checks.error(
        &reply,
        409,
        Some("duplicate"),
        None,
        "the same sign-up again",
    );
    let mut other = fixtures::provider_body(&fixtures::email("signup2"));
    other["business_id"] = json!(valid);
    let reply = app.post("/api/v1/providers", ANON, &other).await;
    checks.error(
        &reply,
        409,
        Some("duplicate"),
        None,
        "duplicate business ID",
    );
    let reply = app
        .post("/api/v1/providers", ANON, &fixtures::provider_body(&email))
        .await;
    checks.error(&reply, 409, Some("duplicate"), None, "duplicate email");

    // Identity codes.
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let clients = format!("/api/v1/purchasers/{}/clients", purchaser.id);
    let good = ids::personal_id();
    let with_check = |ddmmyy: &str, sign: char, zzz: &str| {
        format!("{ddmmyy}{sign}{zzz}{}", ids::personal_id_check(ddmmyy, zzz))
    };
    let bad_codes = [
        ids::personal_id_with_wrong_check(),
        with_check("300290", '-', "123"), // 30 February
        with_check("131352", '-', "308"), // month 13
        with_check("000152", '-', "308"), // day 0
        with_check("131052", '-', "001"), // individual number below 002
        with_check("131052", '*', "308"), // no such century sign
        good[..10].to_string(),
        format!("{good}0"),
        good.replace(['-', 'A'], ""),
        String::new(),
    ];
    for bad in &bad_codes {
        let reply = app
            .post(
                &clients,
                &purchaser.case_worker.token,
                &json!({"name": "Testi", "personal_id": bad, "municipality": "091"}),
            )
            .await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some("personal_id"),
            &format!("identity code {bad:?}"),
        );
        let leaked = reply.1.to_string().contains(bad.as_str()) && !bad.is_empty();
        assert!(
            !leaked,
            "the error echoes the identity code {bad:?}: {}",
            reply.1
        );
    }
    let reply = app
        .post(
            &clients,
            &purchaser.case_worker.token,
            &json!({"name": "Testi", "personal_id": good, "municipality": "999x"}),
        )
        .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("municipality"),
        "municipality code that is not 3 digits",
    );
    let reply = app
        .post(
            &clients,
            &purchaser.case_worker.token,
            &json!({"name": "Testi", "personal_id": good, "municipality": "091"}),
        )
        .await;
    let created = expect_status(&reply, 201, "client with a valid code");
    assert_eq!(created["personal_id"], ids::masked(&good).as_str());
    let reply = app
        .post(
            &clients,
            &purchaser.case_worker.token,
            &json!({"name": "Toinen", "personal_id": good, "municipality": "091"}),
        )
        .await;
    checks.error(
        &reply,
        409,
        Some("duplicate"),
        None,
        "the same identity code twice in one purchaser",
    );
    checks.finish();
}

db_test!(bad_business_ids_and_identity_codes_answer_422_and_create_nothing);

async fn dates_outside_the_period_and_prices_above_the_cap_answer_422_and_change_nothing(
    app: TestApp,
) {
    let mut checks = Checks::default();
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let before = market.books(&app).await;

    for date in [
        day(-31),
        day(61),
        "2024-02-30".to_string(),
        "yesterday".to_string(),
        "2025-1-5".to_string(),
        String::new(),
    ] {
        let reply = deliver(
            &app,
            &market.provider,
            &commitment,
            &delivery_body(&date, "1", "45.00", "DT-1"),
        )
        .await;
        checks.error(
            &reply,
            422,
            Some("invalid_field"),
            Some("date"),
            &format!("delivery dated {date:?}"),
        );
    }
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "1", "60.01", "CAP-1"),
    )
    .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("unit_price"),
        "delivery above the price cap",
    );
    assert_eq!(market.books(&app).await, before);

    let offerings = format!("/api/v1/providers/{}/offerings", market.provider.id);
    let reply = app
        .post(
            &offerings,
            &market.provider.staff.token,
            &fixtures::offering_body(&market.service_id, "60.01"),
        )
        .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("unit_price"),
        "offering above the price cap",
    );
    let offering = format!("/api/v1/offerings/{}", market.offering_id);
    let reply = app
        .patch(
            &offering,
            &market.provider.staff.token,
            &json!({"unit_price": "61.00"}),
        )
        .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("unit_price"),
        "raising an offering above the cap",
    );
    let reply = app
        .patch(
            &offering,
            &market.provider.staff.token,
            &json!({"languages": "fi"}),
        )
        .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("languages"),
        "languages not a list",
    );
    let reply = app.get(&offering, ANON).await;
    let current = expect_status(&reply, 200, "read offering");
    assert_eq!(
        current["unit_price"], "45.00",
        "a refused PATCH changed the offering: {current}"
    );
    assert_eq!(current["languages"], json!(["fi", "sv"]));

    // Allocation periods must make sense.
    let cw = market.purchaser.case_worker.token.clone();
    let allocations = format!("/api/v1/clients/{}/allocations", market.client.id);
    let allocations_before = total(&app, &allocations, &cw).await;
    let mut body = fixtures::allocation_body("voucher", "10.00", &[&market.service_id], None);
    body["valid_from"] = json!(day(10));
    body["valid_to"] = json!(day(5));
    let reply = app.post(&allocations, &cw, &body).await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        None,
        "period ending before it starts",
    );
    let fields = &reply.1["error"]["fields"];
    assert!(
        fields.get("valid_to").is_some() || fields.get("valid_from").is_some(),
        "{}",
        reply.1
    );
    assert_eq!(total(&app, &allocations, &cw).await, allocations_before);
    assert_eq!(market.books(&app).await, before);

    // The boundaries themselves are fine: the cap, the period's first day, today.
    // (Future dates are refused too: deliveries are recorded once they have happened.) The
    // provider prices its offering at the cap, and the first day of the period is older
    // than the recording window, so a case worker opens late recording.
    let reply = app
        .patch(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
            &json!({"unit_price": "60.00"}),
        )
        .await;
    expect_status(&reply, 200, "the offering at the cap");
    fixtures::open_late_recording(&app, &market.purchaser, &commitment, &day(0)).await;
    for (date, reference) in [(day(-30), "B-1"), (day(0), "B-2")] {
        let reply = deliver(
            &app,
            &market.provider,
            &commitment,
            &delivery_body(&date, "1", "60.00", reference),
        )
        .await;
        expect_status(&reply, 201, &format!("delivery at the cap dated {date}"));
    }
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000", "920", "0", "80")
    );
    checks.finish();
}

db_test!(dates_outside_the_period_and_prices_above_the_cap_answer_422_and_change_nothing);

async fn commitments_outside_what_the_allocation_allows_are_refused(app: TestApp) {
    let mut checks = Checks::default();
    let market = Market::build(&app).await;
    let client = market.client.user.token.clone();
    let before = market.books(&app).await;
    let reply = fixtures::request_commitment(
        &app,
        &client,
        &market.allocation_id,
        &market.offering_id,
        "payment_commitment",
        None,
    )
    .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("method"),
        "payment commitment on a voucher",
    );
    let reply = fixtures::request_commitment(
        &app,
        &client,
        &market.allocation_id,
        &market.offering_id,
        "cash",
        None,
    )
    .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("method"),
        "unknown method",
    );

    // An offering of a service the allocation does not name.
    let other_service =
        fixtures::service(&app, &market.purchaser, &["voucher"], Some("20.00"), None).await;
    fixtures::approve(&app, &market.provider, &market.purchaser, &[&other_service]).await;
    let other_offering = fixtures::offering(&app, &market.provider, &other_service, "25.00").await;
    let reply = fixtures::request_commitment(
        &app,
        &client,
        &market.allocation_id,
        &other_offering,
        "voucher",
        None,
    )
    .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("offering_id"),
        "service not in the allocation",
    );

    let reply = fixtures::request_commitment(
        &app,
        &client,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        Some("1000.01"),
    )
    .await;
    checks.error(
        &reply,
        409,
        Some("overdraw"),
        Some("reserve"),
        "reserve above available",
    );
    assert_eq!(market.books(&app).await, before);

    // A personal budget cannot use a method the service does not list.
    let pb = fixtures::allocation(
        &app,
        &market.purchaser,
        &market.client,
        &fixtures::allocation_body("personal_budget", "100.00", &[&market.service_id], None),
    )
    .await;
    let pb = id_of(&pb);
    let reply = fixtures::request_commitment(
        &app,
        &client,
        &pb,
        &market.offering_id,
        "payment_commitment",
        None,
    )
    .await;
    checks.error(
        &reply,
        422,
        Some("invalid_field"),
        Some("method"),
        "method the service does not list",
    );
    assert_eq!(
        app.check_books(&client, &pb).await,
        Balance::of("100", "100", "0", "0")
    );

    // Archived offerings take no new commitments.
    let reply = app
        .delete(
            &format!("/api/v1/offerings/{}", market.offering_id),
            &market.provider.staff.token,
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "archive offering")["archived"],
        true
    );
    let reply = fixtures::request_commitment(
        &app,
        &client,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        None,
    )
    .await;
    let status = reply.0.as_u16();
    checks.that((400..500).contains(&status), || {
        format!(
            "commitment on an archived offering: expected a 4xx, got {status} {}",
            reply.1
        )
    });
    assert_eq!(market.books(&app).await, before);
    checks.finish();
}

db_test!(commitments_outside_what_the_allocation_allows_are_refused);

/// The documented request body limit is not in the contract; 1 MiB is what the server uses.
const BODY_LIMIT: usize = 1024 * 1024;

/// Bodies no endpoint should answer with a 5xx.
fn garbage_bodies() -> Vec<(String, Vec<u8>)> {
    let deep = 20_000;
    let mut bodies: Vec<(String, Vec<u8>)> = vec![
        ("empty".into(), Vec::new()),
        ("null".into(), b"null".to_vec()),
        ("array".into(), b"[]".to_vec()),
        ("object".into(), b"{}".to_vec()),
        ("number".into(), b"0".to_vec()),
        ("string".into(), b"\"x\"".to_vec()),
        ("true".into(), b"true".to_vec()),
        (
            "nested arrays".into(),
            format!("{}{}", "[".repeat(deep), "]".repeat(deep)).into_bytes(),
        ),
        (
            "nested objects".into(),
            format!("{}1{}", "{\"a\":".repeat(deep), "}".repeat(deep)).into_bytes(),
        ),
        (
            "unclosed nesting".into(),
            "[{\"a\":[".repeat(3000).into_bytes(),
        ),
        (
            "invalid UTF-8".into(),
            vec![b'{', b'"', 0xff, 0xfe, b'"', b':', b'1', b'}'],
        ),
        (
            "huge string".into(),
            json!({"name": "x".repeat(3_000_000), "reason": "y".repeat(3_000_000)})
                .to_string()
                .into_bytes(),
        ),
    ];
    let unicode = json!({
        "name": {"fi": "\u{0}💥 ÄÖÅ \u{202e}evil", "sv": "\u{feff}"},
        "email": "ä@ö.fi", "password": "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
        "business_id": "１２３４５６７-８", "personal_id": "１３１０５２-３０８Ｔ",
        "municipalities": ["٠٩١"], "municipality": "\u{0}91", "roles": ["💥"],
        "code": "\u{0}", "unit": "hőur", "methods": ["vöucher"], "kind": "vóucher",
        "reason": "\u{0}", "relation": "🙂", "reference": "\u{0}", "title": {"fi": "\u{0}"},
    });
    let extremes = json!({
        "granted": "79228162514264337593543950336", "voucher_value": 1e308, "price_cap": -0.0,
        "unit_price": "79228162514264337593543950335", "quantity": "79228162514264337593543950335",
        "reserve": "1e10", "valid_from": "9999-99-99", "valid_to": "0000-00-00",
        "date": "+275760-09-13", "service_ids": [null, 1, "x"], "offering_id": "' OR 1=1 --",
        "purchaser_id": "../../etc/passwd", "approve": "yes", "uphold": null, "method": "voucher",
        "location": {"lat": 1e308, "lon": "NaN"}, "languages": [[[]]], "accessibility": {},
        "page": -1, "stars": 1e40,
    });
    let big_numbers = b"{\"granted\": 1e400, \"quantity\": 123456789012345678901234567890123456789, \"unit_price\": -1e-400, \"reserve\": 1.0e+99999}".to_vec();
    let duplicate_keys =
        b"{\"quantity\":\"1\",\"quantity\":\"-1\",\"unit_price\":\"1.00\",\"unit_price\":{}}"
            .to_vec();
    let overflow_delivery = json!({"date": day(-1), "quantity": "79228162514264337593543950335", "unit_price": "60.00", "reference": "OVERFLOW"});
    let tiny_delivery = json!({"date": day(-1), "quantity": "0.0000000000000000000000000001", "unit_price": "0.01", "reference": "TINY"});
    bodies.push(("unicode".into(), unicode.to_string().into_bytes()));
    bodies.push(("extremes".into(), extremes.to_string().into_bytes()));
    bodies.push(("big numbers".into(), big_numbers));
    bodies.push(("duplicate keys".into(), duplicate_keys));
    bodies.push((
        "overflowing delivery".into(),
        overflow_delivery.to_string().into_bytes(),
    ));
    bodies.push((
        "tiny delivery".into(),
        tiny_delivery.to_string().into_bytes(),
    ));
    bodies
}

async fn garbage_at_every_post_endpoint_never_yields_a_5xx(app: TestApp) {
    let market = Market::build(&app).await;
    let admin = market.admin.token.clone();
    let cm = market.purchaser.catalogue_manager.token.clone();
    let cw = market.purchaser.case_worker.token.clone();
    let provider = market.provider.staff.token.clone();
    let client = market.client.user.token.clone();
    let pid = market.purchaser.id.clone();
    let prov = market.provider.id.clone();
    let commitment = market.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "1", "45.00", "G-1"),
    )
    .await;
    let delivery = id_of(expect_status(&reply, 201, "delivery to dispute"));
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{delivery}/dispute"),
            &client,
            &json!({"reason": "x"}),
        )
        .await;
    let dispute = id_of(expect_status(&reply, 201, "dispute"));
    let requested = fixtures::request_commitment(
        &app,
        &client,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        None,
    )
    .await;
    let requested = id_of(&requested.1);
    let new_service =
        fixtures::service(&app, &market.purchaser, &["voucher"], Some("10.00"), None).await;
    let application =
        fixtures::apply(&app, &market.provider, &market.purchaser, &[&new_service]).await;

    let endpoints: Vec<(Method, String, &str)> = vec![
        (Method::POST, "/api/v1/auth/login".into(), ANON),
        (Method::POST, "/api/v1/purchasers".into(), &admin),
        (
            Method::POST,
            format!("/api/v1/purchasers/{pid}/staff"),
            &admin,
        ),
        (
            Method::POST,
            format!("/api/v1/purchasers/{pid}/services"),
            &cm,
        ),
        (Method::POST, "/api/v1/providers".into(), ANON),
        (
            Method::POST,
            format!("/api/v1/providers/{prov}/applications"),
            &provider,
        ),
        (
            Method::POST,
            format!("/api/v1/applications/{application}/decision"),
            &cm,
        ),
        (
            Method::POST,
            format!("/api/v1/providers/{prov}/offerings"),
            &provider,
        ),
        (
            Method::PATCH,
            format!("/api/v1/offerings/{}", market.offering_id),
            &provider,
        ),
        (
            Method::POST,
            format!("/api/v1/purchasers/{pid}/clients"),
            &cw,
        ),
        (
            Method::POST,
            format!("/api/v1/clients/{}/proxies", market.client.id),
            &cw,
        ),
        (
            Method::POST,
            format!("/api/v1/clients/{}/allocations", market.client.id),
            &cw,
        ),
        (
            Method::POST,
            format!("/api/v1/allocations/{}/commitments", market.allocation_id),
            &client,
        ),
        (
            Method::POST,
            format!("/api/v1/commitments/{commitment}/deliveries"),
            &provider,
        ),
        (
            Method::POST,
            format!("/api/v1/deliveries/{delivery}/dispute"),
            &client,
        ),
        (
            Method::POST,
            format!("/api/v1/disputes/{dispute}/decision"),
            &cw,
        ),
        (
            Method::POST,
            format!("/api/v1/commitments/{requested}/decline"),
            &provider,
        ),
        (
            Method::POST,
            format!("/api/v1/commitments/{requested}/accept"),
            &provider,
        ),
        (
            Method::POST,
            format!("/api/v1/commitments/{commitment}/close"),
            &client,
        ),
        (
            Method::POST,
            format!("/api/v1/deliveries/{delivery}/void"),
            &provider,
        ),
    ];
    let bodies = garbage_bodies();
    let mut sent = 0;
    let mut failures = Vec::new();
    let mut dropped = Vec::new();
    for (method, path, token) in &endpoints {
        for (name, body) in &bodies {
            for content_type in [
                Some("application/json"),
                Some("text/plain; charset=utf-8"),
                None,
            ] {
                if content_type != Some("application/json") && body.len() > 1000 {
                    continue;
                }
                sent += 1;
                match app
                    .try_send_raw(
                        method.clone(),
                        path,
                        token,
                        content_type,
                        Some(body.clone()),
                    )
                    .await
                {
                    Ok((status, text)) if status.is_server_error() => {
                        let shown: String = text.chars().take(300).collect();
                        failures.push(format!(
                            "{method} {path} with {name} ({content_type:?}) -> {status}: {shown}"
                        ));
                    }
                    Ok(_) => {}
                    // A server may refuse an oversized body before reading it and close
                    // the connection.
                    Err(_) if body.len() > BODY_LIMIT => {}
                    // A handler that ignores the body may answer and close before the
                    // client finished sending; noted, not a 5xx.
                    Err(e) => dropped.push(format!(
                        "{method} {path} with {name} ({content_type:?}) -> no answer: {e}"
                    )),
                }
            }
        }
    }
    let queries = [
        format!(
            "/api/v1/clients/{}/allocations?page=-1&per_page=1000000",
            market.client.id
        ),
        format!("/api/v1/purchasers/{pid}/services?page=99999999999999999999&per_page=0"),
        format!(
            "/api/v1/allocations/{}/ledger?per_page=-5&page=%00",
            market.allocation_id
        ),
        format!("/api/v1/providers/{prov}/commitments?page=1e9"),
        "/api/v1/search?q=%00%FF&lat=abc&lon=1e999&sort=nope&max_price=-1.001&min_rating=99&page=0"
            .to_string(),
        format!("/api/v1/search?q={}", "a".repeat(20_000)),
        "/api/v1/compare?ids=,,,,".to_string(),
    ];
    for query in &queries {
        let (status, text) = app.send_raw(Method::GET, query, &cw, None, None).await;
        sent += 1;
        if status.is_server_error() {
            failures.push(format!(
                "GET {query} -> {status}: {}",
                text.chars().take(300).collect::<String>()
            ));
        }
    }
    eprintln!(
        "[{:?}] garbage sweep: {sent} requests, {} answered 5xx, {} connections dropped without an answer",
        app.backend,
        failures.len(),
        dropped.len()
    );
    for note in &dropped {
        eprintln!("  dropped: {note}");
    }
    assert!(
        failures.is_empty(),
        "{} requests answered 5xx:\n{}",
        failures.len(),
        failures.join("\n")
    );

    let (status, _) = app.get("/health", ANON).await;
    assert_eq!(status.as_u16(), 200, "the server survived the sweep");
    market.books(&app).await;
}

db_test!(garbage_at_every_post_endpoint_never_yields_a_5xx);
