//! The whole path of the money: catalogue → provider → approval → offering → client →
//! allocation → commitment → deliveries → void → disputes, with the books checked after every
//! step.

use serde_json::{Value, json};

use crate::harness::TestApp;
use crate::harness::client::{ANON, expect_error, expect_status, id_of};
use crate::harness::fixtures::{self, PASSWORD, day, deliver, delivery_body};
use crate::harness::ids;
use crate::harness::money::{Balance, dec, decimal, money};

/// Asserts a recorded delivery's figures and returns its id.
#[track_caller]
fn assert_delivery(
    body: &Value,
    total: &str,
    purchaser_share: &str,
    client_share: &str,
    balance: &Balance,
) -> String {
    assert_eq!(body["status"], "recorded", "{body}");
    assert_eq!(money(&body["total"]), dec(total), "total in {body}");
    assert_eq!(
        money(&body["purchaser_share"]),
        dec(purchaser_share),
        "purchaser_share in {body}"
    );
    assert_eq!(
        money(&body["client_share"]),
        dec(client_share),
        "client_share in {body}"
    );
    assert_eq!(
        &Balance::from_json(&body["balance"]),
        balance,
        "balance in the delivery answer {body}"
    );
    id_of(body)
}

async fn a_voucher_goes_from_catalogue_to_disputes_with_exact_money(app: TestApp) {
    let admin = app.login_admin().await;
    assert!(
        app.post(
            "/api/v1/auth/login",
            ANON,
            &json!({"email": crate::harness::app::ADMIN_EMAIL, "password": "wrong password!"})
        )
        .await
        .0 == 401,
        "a wrong password must answer 401"
    );

    // Purchaser and catalogue.
    let business_id = ids::business_id();
    let reply = app
        .post(
            "/api/v1/purchasers",
            &admin.token,
            &json!({"name": "Itä-Uudenmaan hyvinvointialue", "business_id": business_id, "municipalities": ["091", "049"]}),
        )
        .await;
    let purchaser_body = expect_status(&reply, 201, "create purchaser");
    assert_eq!(purchaser_body["business_id"], business_id.as_str());
    let mut municipalities: Vec<&str> = purchaser_body["municipalities"]
        .as_array()
        .unwrap_or_else(|| panic!("no municipalities in {purchaser_body}"))
        .iter()
        .filter_map(Value::as_str)
        .collect();
    municipalities.sort_unstable();
    assert_eq!(municipalities, ["049", "091"]);
    let pid = id_of(purchaser_body);
    let catalogue_manager = fixtures::staff(&app, &admin, &pid, &["catalogue_manager"]).await;
    let case_worker = fixtures::staff(&app, &admin, &pid, &["case_worker"]).await;
    let purchaser = fixtures::Purchaser {
        id: pid.clone(),
        finance: fixtures::staff(&app, &admin, &pid, &["finance"]).await,
        catalogue_manager,
        case_worker,
    };
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{pid}/services"),
            &purchaser.catalogue_manager.token,
            &fixtures::service_body(&["voucher"], Some("40.00"), Some("60.00")),
        )
        .await;
    let service = expect_status(&reply, 201, "create service");
    assert_eq!(service["purchaser_id"], pid.as_str());
    assert_eq!(service["unit"], "hour");
    assert_eq!(service["methods"], json!(["voucher"]));
    assert_eq!(money(&service["voucher_value"]), dec("40.00"));
    assert_eq!(money(&service["price_cap"]), dec("60.00"));
    let service_id = id_of(service);
    let reply = app
        .get(&format!("/api/v1/purchasers/{pid}/services"), ANON)
        .await;
    let list = expect_status(&reply, 200, "list services");
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(list["items"][0]["id"], service_id.as_str());

    // Provider sign-up, application, approval, offering.
    let provider_email = fixtures::email("provider");
    let provider_body = fixtures::provider_body(&provider_email);
    let reply = app.post("/api/v1/providers", ANON, &provider_body).await;
    let created = expect_status(&reply, 201, "provider sign-up");
    assert_eq!(created["business_id"], provider_body["business_id"]);
    assert_eq!(created["email"], provider_email.as_str());
    let provider_staff = app.login(&provider_email, PASSWORD).await;
    assert_eq!(created["user_id"], provider_staff.id.as_str());
    let provider = fixtures::Provider {
        id: id_of(created),
        staff: provider_staff,
    };
    // Not approved yet: no offering.
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", provider.id),
            &provider.staff.token,
            &fixtures::offering_body(&service_id, "45.00"),
        )
        .await;
    expect_error(
        &reply,
        409,
        Some("not_approved"),
        None,
        "offering before approval",
    );
    let application = fixtures::apply(&app, &provider, &purchaser, &[&service_id]).await;
    let reply = app
        .post(
            &format!("/api/v1/applications/{application}/decision"),
            &purchaser.catalogue_manager.token,
            &json!({"approve": true, "reason": "Täyttää sääntökirjan ehdot."}),
        )
        .await;
    let decided = expect_status(&reply, 200, "approve");
    assert_eq!(decided["status"], "approved");
    assert_eq!(decided["provider_id"], provider.id.as_str());
    assert_eq!(decided["service_ids"], json!([service_id]));
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", provider.id),
            &provider.staff.token,
            &fixtures::offering_body(&service_id, "45.00"),
        )
        .await;
    let offering = expect_status(&reply, 201, "create offering");
    assert_eq!(money(&offering["unit_price"]), dec("45.00"));
    assert_eq!(offering["purchaser_id"], pid.as_str());
    assert_eq!(offering["provider"]["id"], provider.id.as_str());
    assert_eq!(
        offering["rating"],
        json!({"average": null, "count": 0, "score": "3.500",
               "distribution": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0}}),
        "a new offering is unrated"
    );
    assert_eq!(offering["archived"], false);
    let offering_id = id_of(offering);
    let reply = app
        .get(&format!("/api/v1/offerings/{offering_id}"), ANON)
        .await;
    assert_eq!(
        expect_status(&reply, 200, "read offering")["id"],
        offering_id.as_str()
    );

    // Client and allocation.
    let client = fixtures::client(&app, &purchaser).await;
    let proxy = fixtures::proxy(&app, &purchaser, &client).await;
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/allocations", client.id),
            &purchaser.case_worker.token,
            &fixtures::allocation_body("voucher", "1000.00", &[&service_id], None),
        )
        .await;
    let allocation = expect_status(&reply, 201, "grant allocation");
    assert_eq!(allocation["kind"], "voucher");
    assert_eq!(allocation["client_id"], client.id.as_str());
    assert_eq!(allocation["purchaser_id"], pid.as_str());
    assert_eq!(money(&allocation["granted"]), dec("1000.00"));
    assert_eq!(
        Balance::from_json(&allocation["balance"]),
        Balance::of("1000", "1000", "0", "0")
    );
    let allocation_id = id_of(allocation);
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "1000", "0", "0")
    );
    let ledger = app.ledger(&client.user.token, &allocation_id).await;
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0]["kind"], "grant");
    assert_eq!(decimal(&ledger[0]["available"]), dec("1000"));
    let reply = app
        .get(
            &format!("/api/v1/clients/{}/allocations", client.id),
            &client.user.token,
        )
        .await;
    assert_eq!(expect_status(&reply, 200, "list allocations")["total"], 1);

    // Commitment with a reservation.
    let reply = fixtures::request_commitment(
        &app,
        &client.user.token,
        &allocation_id,
        &offering_id,
        "voucher",
        Some("300.00"),
    )
    .await;
    let commitment = expect_status(&reply, 201, "request commitment");
    assert_eq!(commitment["status"], "requested");
    assert_eq!(commitment["method"], "voucher");
    assert_eq!(commitment["provider_id"], provider.id.as_str());
    assert_eq!(commitment["allocation_id"], allocation_id.as_str());
    assert_eq!(money(&commitment["reserved"]), dec("300.00"));
    let commitment_id = id_of(commitment);
    assert_eq!(
        app.check_books(&purchaser.case_worker.token, &allocation_id)
            .await,
        Balance::of("1000", "700", "300", "0")
    );

    // Not accepted yet: no deliveries.
    let reply = deliver(
        &app,
        &provider,
        &commitment_id,
        &delivery_body(&day(-1), "2", "45.00", "D-0"),
    )
    .await;
    expect_error(
        &reply,
        409,
        Some("wrong_status"),
        None,
        "delivery before accept",
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "700", "300", "0")
    );

    let reply = app
        .act(
            &format!("/api/v1/commitments/{commitment_id}/accept"),
            &provider.staff.token,
        )
        .await;
    assert_eq!(expect_status(&reply, 200, "accept")["status"], "accepted");
    let reply = app
        .get(
            &format!("/api/v1/providers/{}/commitments", provider.id),
            &provider.staff.token,
        )
        .await;
    let listed = expect_status(&reply, 200, "provider's commitments");
    assert_eq!(listed["total"], 1, "{listed}");
    assert_eq!(listed["items"][0]["id"], commitment_id.as_str());
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "700", "300", "0")
    );

    // D1: 2 h × 45.00 = 90.00; the voucher pays 2 × 40.00, the client 10.00.
    let d1_body = delivery_body(&day(-1), "2", "45.00", "D-1");
    let reply = deliver(&app, &provider, &commitment_id, &d1_body).await;
    let d1 = expect_status(&reply, 201, "record D1");
    assert_eq!(d1["commitment_id"], commitment_id.as_str());
    assert_eq!(d1["reference"], "D-1");
    assert_eq!(d1["date"], day(-1).as_str());
    assert_eq!(decimal(&d1["quantity"]), dec("2"));
    assert_eq!(money(&d1["unit_price"]), dec("45.00"));
    let d1 = assert_delivery(
        d1,
        "90.00",
        "80.00",
        "10.00",
        &Balance::of("1000", "700", "220", "80"),
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "700", "220", "80")
    );

    // D2: 1.5 h × 45.00 = 67.50; voucher 60.00, client 7.50.
    let reply = deliver(
        &app,
        &provider,
        &commitment_id,
        &delivery_body(&day(-2), "1.5", "45.00", "D-2"),
    )
    .await;
    let d2 = assert_delivery(
        expect_status(&reply, 201, "record D2"),
        "67.50",
        "60.00",
        "7.50",
        &Balance::of("1000", "700", "160", "140"),
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "700", "160", "140")
    );

    // D1 again: the first delivery, nothing charged.
    let reply = deliver(&app, &provider, &commitment_id, &d1_body).await;
    assert_eq!(id_of(expect_status(&reply, 200, "resend D1")), d1);
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "700", "160", "140")
    );

    // D3: 5 × 45.00 = 225.00, voucher 200.00: the last 160.00 reserved, then 40.00 available.
    let reply = deliver(
        &app,
        &provider,
        &commitment_id,
        &delivery_body(&day(-3), "5", "45.00", "D-3"),
    )
    .await;
    assert_delivery(
        expect_status(&reply, 201, "record D3"),
        "225.00",
        "200.00",
        "25.00",
        &Balance::of("1000", "660", "0", "340"),
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "660", "0", "340")
    );

    // Void D2: its 60.00 comes back.
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{d2}/void"),
            &provider.staff.token,
            &serde_json::json!({"reason": "Kirjattu virheellisesti."}),
        )
        .await;
    assert_eq!(expect_status(&reply, 200, "void D2")["status"], "voided");
    let after_void = app.check_books(&client.user.token, &allocation_id).await;
    assert_eq!(after_void.spent, dec("280"));
    assert_eq!(after_void.available + after_void.reserved, dec("720"));
    let reply = app
        .get(&format!("/api/v1/deliveries/{d2}"), &provider.staff.token)
        .await;
    assert_eq!(expect_status(&reply, 200, "read D2")["status"], "voided");
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{d2}/void"),
            &provider.staff.token,
            &serde_json::json!({"reason": "Kirjattu virheellisesti."}),
        )
        .await;
    expect_error(&reply, 409, None, None, "void D2 twice");
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        after_void
    );

    // Dispute D1, upheld: D1 is reversed and its 80.00 comes back.
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{d1}/dispute"),
            &client.user.token,
            &json!({"reason": "Käyntiä ei tehty."}),
        )
        .await;
    let dispute = expect_status(&reply, 201, "dispute D1");
    assert_eq!(dispute["status"], "open");
    assert_eq!(dispute["delivery_id"], d1.as_str());
    let dispute_id = id_of(dispute);
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{d1}/dispute"),
            &proxy.token,
            &json!({"reason": "Toinen kerta."}),
        )
        .await;
    expect_error(
        &reply,
        409,
        Some("dispute_open"),
        None,
        "second dispute while one is open",
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        after_void
    );
    let reply = app
        .post(
            &format!("/api/v1/disputes/{dispute_id}/decision"),
            &purchaser.case_worker.token,
            &json!({"uphold": true, "reason": "Palveluntuottaja vahvisti."}),
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "uphold dispute")["status"],
        "upheld"
    );
    let reply = app
        .get(&format!("/api/v1/deliveries/{d1}"), &client.user.token)
        .await;
    assert_eq!(expect_status(&reply, 200, "read D1")["status"], "reversed");
    let after_uphold = app.check_books(&client.user.token, &allocation_id).await;
    assert_eq!(after_uphold.spent, dec("200"));
    assert_eq!(after_uphold.available + after_uphold.reserved, dec("800"));

    // D4 disputed by the proxy, rejected: nothing moves.
    let reply = deliver(
        &app,
        &provider,
        &commitment_id,
        &delivery_body(&day(-4), "1", "45.00", "D-4"),
    )
    .await;
    let d4 = id_of(expect_status(&reply, 201, "record D4"));
    assert_eq!(money(&reply.1["purchaser_share"]), dec("40.00"));
    assert_eq!(money(&reply.1["client_share"]), dec("5.00"));
    let after_d4 = app.check_books(&proxy.token, &allocation_id).await;
    assert_eq!(after_d4.spent, dec("240"));
    assert_eq!(after_d4.available + after_d4.reserved, dec("760"));
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{d4}/dispute"),
            &proxy.token,
            &json!({"reason": "Väärä hinta."}),
        )
        .await;
    let dispute_id = id_of(expect_status(&reply, 201, "proxy disputes D4"));
    let reply = app
        .post(
            &format!("/api/v1/disputes/{dispute_id}/decision"),
            &purchaser.case_worker.token,
            &json!({"uphold": false}),
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "reject dispute")["status"],
        "rejected"
    );
    let reply = app
        .get(&format!("/api/v1/deliveries/{d4}"), &client.user.token)
        .await;
    assert_eq!(expect_status(&reply, 200, "read D4")["status"], "recorded");
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        after_d4
    );

    // D5 dated 15 days ago (recorded under late recording) and recorded then — the clock
    // moved back in the database: more than 14 days since both, too old to dispute.
    fixtures::open_late_recording(&app, &purchaser, &commitment_id, &day(0)).await;
    let reply = deliver(
        &app,
        &provider,
        &commitment_id,
        &delivery_body(&day(-15), "1", "45.00", "D-5"),
    )
    .await;
    let d5 = id_of(expect_status(&reply, 201, "record D5"));
    app.backdate("deliveries", "created_at", &d5, 15).await;
    let after_d5 = app.check_books(&client.user.token, &allocation_id).await;
    assert_eq!(after_d5.spent, dec("280"));
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{d5}/dispute"),
            &client.user.token,
            &json!({"reason": "Liian myöhään."}),
        )
        .await;
    expect_error(
        &reply,
        409,
        Some("dispute_window_closed"),
        None,
        "dispute after 14 days",
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        after_d5
    );

    // Close: whatever is still reserved returns; no more deliveries.
    let reply = app
        .act(
            &format!("/api/v1/commitments/{commitment_id}/close"),
            &client.user.token,
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "close commitment")["status"],
        "closed"
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "720", "0", "280")
    );
    let reply = deliver(
        &app,
        &provider,
        &commitment_id,
        &delivery_body(&day(-1), "1", "45.00", "D-6"),
    )
    .await;
    expect_error(
        &reply,
        409,
        Some("wrong_status"),
        None,
        "delivery on a closed commitment",
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("1000", "720", "0", "280")
    );

    // The ledger tells the same story.
    let ledger = app
        .ledger(&purchaser.case_worker.token, &allocation_id)
        .await;
    let kinds: Vec<&str> = ledger
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(kinds[0], "grant", "{kinds:?}");
    assert_eq!(kinds[1], "reserve", "{kinds:?}");
    assert!(
        kinds.iter().filter(|k| **k == "spend").count() >= 5,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == "reverse").count(),
        2,
        "{kinds:?}"
    );
    for entry in &ledger {
        match entry["kind"].as_str() {
            Some("spend" | "reverse") => assert!(entry["delivery_id"].is_string(), "{entry}"),
            Some("reserve" | "release") => assert!(entry["commitment_id"].is_string(), "{entry}"),
            Some("grant") => {}
            other => panic!("unexpected ledger kind {other:?} in {entry}"),
        }
    }
}

db_test!(a_voucher_goes_from_catalogue_to_disputes_with_exact_money);

async fn a_personal_budget_pays_the_full_price_and_rounds_half_up(app: TestApp) {
    let admin = app.login_admin().await;
    let purchaser = fixtures::purchaser(&app, &admin).await;
    let service_id = fixtures::service(
        &app,
        &purchaser,
        &["payment_commitment", "direct_invoice"],
        None,
        Some("100.00"),
    )
    .await;
    let provider = fixtures::provider(&app).await;
    fixtures::approve(&app, &provider, &purchaser, &[&service_id]).await;
    let offering_id = fixtures::offering(&app, &provider, &service_id, "45.00").await;
    let client = fixtures::client(&app, &purchaser).await;
    let allocation = fixtures::allocation(
        &app,
        &purchaser,
        &client,
        &fixtures::allocation_body("personal_budget", "500.00", &[&service_id], None),
    )
    .await;
    let allocation_id = id_of(&allocation);
    let cw = purchaser.case_worker.token.clone();
    assert_eq!(
        app.check_books(&cw, &allocation_id).await,
        Balance::of("500", "500", "0", "0")
    );

    // A voucher method is not allowed on a personal budget.
    let reply =
        fixtures::request_commitment(&app, &cw, &allocation_id, &offering_id, "voucher", None)
            .await;
    expect_error(
        &reply,
        422,
        Some("invalid_field"),
        Some("method"),
        "voucher method on a personal budget",
    );

    // Requested with a reservation, then cancelled by closing: the reservation returns.
    let reply = fixtures::request_commitment(
        &app,
        &cw,
        &allocation_id,
        &offering_id,
        "payment_commitment",
        Some("100.00"),
    )
    .await;
    let cancelled = id_of(expect_status(
        &reply,
        201,
        "case worker requests a commitment",
    ));
    assert_eq!(
        app.check_books(&cw, &allocation_id).await,
        Balance::of("500", "400", "100", "0")
    );
    let reply = app
        .act(
            &format!("/api/v1/commitments/{cancelled}/close"),
            &client.user.token,
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "close a requested commitment")["status"],
        "cancelled"
    );
    assert_eq!(
        app.check_books(&cw, &allocation_id).await,
        Balance::of("500", "500", "0", "0")
    );
    let reply = app
        .act(
            &format!("/api/v1/commitments/{cancelled}/accept"),
            &provider.staff.token,
        )
        .await;
    expect_error(
        &reply,
        409,
        Some("wrong_status"),
        None,
        "accept a cancelled commitment",
    );

    // A declined commitment takes no deliveries.
    let reply = fixtures::request_commitment(
        &app,
        &client.user.token,
        &allocation_id,
        &offering_id,
        "direct_invoice",
        None,
    )
    .await;
    let declined = id_of(expect_status(&reply, 201, "request to be declined"));
    let reply = app
        .act(
            &format!("/api/v1/commitments/{declined}/decline"),
            &provider.staff.token,
        )
        .await;
    assert_eq!(expect_status(&reply, 200, "decline")["status"], "declined");
    let reply = deliver(
        &app,
        &provider,
        &declined,
        &delivery_body(&day(-1), "1", "45.00", "X-1"),
    )
    .await;
    expect_error(
        &reply,
        409,
        Some("wrong_status"),
        None,
        "delivery on a declined commitment",
    );
    let reply = app
        .get(
            &format!("/api/v1/commitments/{declined}"),
            &client.user.token,
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "read declined")["status"],
        "declined"
    );
    assert_eq!(
        app.check_books(&cw, &allocation_id).await,
        Balance::of("500", "500", "0", "0")
    );

    let commitment = fixtures::accepted_commitment(
        &app,
        &client.user.token,
        &allocation_id,
        &offering_id,
        &provider,
        "direct_invoice",
        None,
    )
    .await;
    let reply = deliver(
        &app,
        &provider,
        &commitment,
        &delivery_body(&day(-1), "2", "45.00", "P-1"),
    )
    .await;
    assert_delivery(
        expect_status(&reply, 201, "P-1"),
        "90.00",
        "90.00",
        "0.00",
        &Balance::of("500", "410", "0", "90"),
    );
    assert_eq!(
        app.check_books(&cw, &allocation_id).await,
        Balance::of("500", "410", "0", "90")
    );

    // 0.25 × 33.33 = 8.3325 → 8.33; 0.5 × 0.05 = 0.025 → 0.03 (half up, not half even).
    let reply = deliver(
        &app,
        &provider,
        &commitment,
        &delivery_body(&day(-1), "0.25", "33.33", "P-2"),
    )
    .await;
    assert_delivery(
        expect_status(&reply, 201, "P-2"),
        "8.33",
        "8.33",
        "0.00",
        &Balance::of("500", "401.67", "0", "98.33"),
    );
    let reply = deliver(
        &app,
        &provider,
        &commitment,
        &json!({"date": day(-1), "quantity": 0.5, "unit_price": 0.05, "reference": "P-3"}),
    )
    .await;
    assert_delivery(
        expect_status(&reply, 201, "P-3 with JSON numbers"),
        "0.03",
        "0.03",
        "0.00",
        &Balance::of("500", "401.64", "0", "98.36"),
    );
    assert_eq!(
        app.check_books(&cw, &allocation_id).await,
        Balance::of("500", "401.64", "0", "98.36")
    );
}

db_test!(a_personal_budget_pays_the_full_price_and_rounds_half_up);

async fn the_allocations_voucher_value_overrides_the_services(app: TestApp) {
    let market = fixtures::Market::build(&app).await;
    let client = fixtures::client(&app, &market.purchaser).await;
    let allocation = fixtures::allocation(
        &app,
        &market.purchaser,
        &client,
        &fixtures::allocation_body("voucher", "200.00", &[&market.service_id], Some("35.00")),
    )
    .await;
    assert_eq!(money(&allocation["voucher_value"]), dec("35.00"));
    let allocation_id = id_of(&allocation);
    let commitment = fixtures::accepted_commitment(
        &app,
        &client.user.token,
        &allocation_id,
        &market.offering_id,
        &market.provider,
        "voucher",
        None,
    )
    .await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "2", "45.00", "V-1"),
    )
    .await;
    assert_delivery(
        expect_status(&reply, 201, "V-1"),
        "90.00",
        "70.00",
        "20.00",
        &Balance::of("200", "130", "0", "70"),
    );
    // Below the voucher value the voucher pays it all.
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "2", "30.00", "V-2"),
    )
    .await;
    assert_delivery(
        expect_status(&reply, 201, "V-2"),
        "60.00",
        "60.00",
        "0.00",
        &Balance::of("200", "70", "0", "130"),
    );
    assert_eq!(
        app.check_books(&client.user.token, &allocation_id).await,
        Balance::of("200", "70", "0", "130")
    );
}

db_test!(the_allocations_voucher_value_overrides_the_services);
