//! Every actor sees only its own tenant's data: other providers, purchasers, clients and
//! proxies without a mandate get 403 or 404 and nothing else, and a personal identity code
//! never leaves the server in full.

use serde_json::json;

use crate::harness::TestApp;
use crate::harness::client::{ANON, expect_error, expect_refused, expect_status, id_of};
use crate::harness::fixtures::{self, Market, PASSWORD, day, deliver, delivery_body};
use crate::harness::ids;

async fn no_actor_reaches_another_tenants_data(app: TestApp) {
    // Purchaser A: the market. Provider A serves client X (with proxy M); client Y (with
    // proxy N) is another client of A. Provider B is approved by A too. Purchaser B has
    // its own staff and client Z.
    let a = Market::build(&app).await;
    let x = &a.client;
    let proxy_m = fixtures::proxy(&app, &a.purchaser, x).await;
    let y = fixtures::client(&app, &a.purchaser).await;
    let proxy_n = fixtures::proxy(&app, &a.purchaser, &y).await;
    let y_allocation = fixtures::allocation(
        &app,
        &a.purchaser,
        &y,
        &fixtures::allocation_body("voucher", "100.00", &[&a.service_id], None),
    )
    .await;
    let y_allocation = id_of(&y_allocation);
    let provider_b = fixtures::provider(&app).await;
    fixtures::approve(&app, &provider_b, &a.purchaser, &[&a.service_id]).await;
    let offering_b = fixtures::offering(&app, &provider_b, &a.service_id, "45.00").await;
    let purchaser_b = fixtures::purchaser(&app, &a.admin).await;
    let z = fixtures::client(&app, &purchaser_b).await;

    let commitment = a.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &a.provider,
        &commitment,
        &delivery_body(&day(-1), "1", "45.00", "T-1"),
    )
    .await;
    let delivery = id_of(expect_status(&reply, 201, "provider A's delivery"));
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{delivery}/dispute"),
            &x.user.token,
            &json!({"reason": "x"}),
        )
        .await;
    let dispute = id_of(expect_status(&reply, 201, "X disputes"));
    let requested = fixtures::request_commitment(
        &app,
        &x.user.token,
        &a.allocation_id,
        &a.offering_id,
        "voucher",
        None,
    )
    .await;
    let requested = id_of(expect_status(
        &requested,
        201,
        "a second, requested commitment",
    ));
    let before = a.books(&app).await;

    let alloc = &a.allocation_id;
    let client_paths = [
        format!("/api/v1/clients/{}", x.id),
        format!("/api/v1/clients/{}/allocations", x.id),
        format!("/api/v1/allocations/{alloc}"),
        format!("/api/v1/allocations/{alloc}/ledger"),
        format!("/api/v1/allocations/{alloc}/reconciliation"),
        format!("/api/v1/commitments/{commitment}"),
        format!("/api/v1/deliveries/{delivery}"),
    ];

    // Positive controls: the rightful readers do see it.
    for (who, token) in [
        ("client X", &x.user.token),
        ("proxy M", &proxy_m.token),
        ("case worker A", &a.purchaser.case_worker.token),
    ] {
        for path in &client_paths {
            let reply = app.get(path, token).await;
            expect_status(&reply, 200, &format!("{who} reads {path}"));
        }
    }
    let reply = app
        .get(
            &format!("/api/v1/commitments/{commitment}"),
            &a.provider.staff.token,
        )
        .await;
    expect_status(&reply, 200, "provider A reads its commitment");

    // Readers with no claim on client X's data.
    let outsiders = [
        ("client Y", &y.user.token),
        ("proxy N (mandate for Y only)", &proxy_n.token),
        ("client Z of purchaser B", &z.user.token),
        ("case worker of purchaser B", &purchaser_b.case_worker.token),
        (
            "catalogue manager of purchaser B",
            &purchaser_b.catalogue_manager.token,
        ),
        ("finance of purchaser B", &purchaser_b.finance.token),
    ];
    for (who, token) in outsiders {
        for path in &client_paths {
            let reply = app.get(path, token).await;
            expect_refused(&reply, &format!("{who} reads {path}"));
        }
    }
    // Providers see their commitments and deliveries, never the client's allocation.
    for (who, token) in [
        ("provider A", &a.provider.staff.token),
        ("provider B", &provider_b.staff.token),
    ] {
        for path in &client_paths[..5] {
            let reply = app.get(path, token).await;
            expect_refused(&reply, &format!("{who} reads {path}"));
        }
    }
    // Purchaser A's staff without the case-worker role do not read clients either.
    for path in &client_paths[..5] {
        let reply = app.get(path, &a.purchaser.catalogue_manager.token).await;
        expect_refused(&reply, &format!("catalogue manager A reads {path}"));
    }
    // Provider B and X's commitment with provider A.
    let b = &provider_b.staff.token;
    for path in [
        format!("/api/v1/commitments/{commitment}"),
        format!("/api/v1/deliveries/{delivery}"),
        format!("/api/v1/providers/{}/commitments", a.provider.id),
    ] {
        let reply = app.get(&path, b).await;
        expect_refused(&reply, &format!("provider B reads {path}"));
    }
    let writes = [
        (format!("/api/v1/commitments/{requested}/accept"), json!({})),
        (
            format!("/api/v1/commitments/{requested}/decline"),
            json!({}),
        ),
        (
            format!("/api/v1/commitments/{commitment}/deliveries"),
            delivery_body(&day(-1), "1", "45.00", "B-1"),
        ),
        (format!("/api/v1/deliveries/{delivery}/void"), json!({})),
        (
            format!("/api/v1/providers/{}/offerings", a.provider.id),
            fixtures::offering_body(&a.service_id, "40.00"),
        ),
        (
            format!("/api/v1/providers/{}/applications", a.provider.id),
            json!({"purchaser_id": a.purchaser.id, "service_ids": [a.service_id]}),
        ),
    ];
    for (path, body) in &writes {
        let reply = app.post(path, b, body).await;
        expect_refused(&reply, &format!("provider B posts {path}"));
    }
    let offering = format!("/api/v1/offerings/{}", a.offering_id);
    let reply = app
        .patch(&offering, b, &json!({"unit_price": "1.00"}))
        .await;
    expect_refused(&reply, "provider B patches A's offering");
    let reply = app.delete(&offering, b).await;
    expect_refused(&reply, "provider B archives A's offering");
    let reply = app.get(&offering, ANON).await;
    let current = expect_status(&reply, 200, "A's offering");
    assert_eq!(
        (
            current["unit_price"].as_str(),
            current["archived"].as_bool()
        ),
        (Some("45.00"), Some(false))
    );
    let reply = app
        .get(&format!("/api/v1/commitments/{requested}"), &x.user.token)
        .await;
    assert_eq!(
        expect_status(&reply, 200, "requested commitment")["status"],
        "requested"
    );
    let reply = app
        .get(&format!("/api/v1/deliveries/{delivery}"), &x.user.token)
        .await;
    assert_eq!(expect_status(&reply, 200, "delivery")["status"], "recorded");

    // Case worker of purchaser B cannot act on purchaser A's client.
    let cw_b = &purchaser_b.case_worker.token;
    let grant = fixtures::allocation_body("voucher", "500.00", &[&a.service_id], None);
    let cw_writes = [
        (
            format!("/api/v1/clients/{}/allocations", x.id),
            grant.clone(),
        ),
        (
            format!("/api/v1/clients/{}/proxies", x.id),
            json!({"name": "Vieras", "email": fixtures::email("intruder"), "relation": "none"}),
        ),
        (
            format!("/api/v1/allocations/{alloc}/commitments"),
            json!({"offering_id": offering_b, "method": "voucher", "reserve": "10.00"}),
        ),
        (format!("/api/v1/commitments/{requested}/close"), json!({})),
        (
            format!("/api/v1/disputes/{dispute}/decision"),
            json!({"uphold": true}),
        ),
        (
            format!("/api/v1/purchasers/{}/clients", a.purchaser.id),
            json!({"name": "Vieras", "personal_id": ids::personal_id(), "municipality": "091"}),
        ),
    ];
    for (path, body) in &cw_writes {
        let reply = app.post(path, cw_b, body).await;
        expect_refused(&reply, &format!("case worker B posts {path}"));
    }
    let cm_b = &purchaser_b.catalogue_manager.token;
    let new_service = fixtures::service(&app, &a.purchaser, &["voucher"], Some("5.00"), None).await;
    let application = fixtures::apply(&app, &provider_b, &a.purchaser, &[&new_service]).await;
    let reply = app
        .post(
            &format!("/api/v1/applications/{application}/decision"),
            cm_b,
            &json!({"approve": true}),
        )
        .await;
    expect_refused(&reply, "catalogue manager B decides A's application");
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", a.purchaser.id),
            cm_b,
            &fixtures::service_body(&["voucher"], Some("1.00"), None),
        )
        .await;
    expect_refused(&reply, "catalogue manager B adds to A's catalogue");

    // Client Y and proxy N cannot act for client X.
    for (who, token) in [
        ("client Y", &y.user.token),
        ("proxy N", &proxy_n.token),
        ("client Z", &z.user.token),
    ] {
        let attempts = [
            (
                format!("/api/v1/allocations/{alloc}/commitments"),
                json!({"offering_id": a.offering_id, "method": "voucher", "reserve": "10.00"}),
            ),
            (format!("/api/v1/commitments/{requested}/close"), json!({})),
            (
                format!("/api/v1/deliveries/{delivery}/dispute"),
                json!({"reason": "not mine"}),
            ),
        ];
        for (path, body) in &attempts {
            let reply = app.post(path, token, body).await;
            expect_refused(&reply, &format!("{who} posts {path}"));
        }
    }
    // Nor can they read Y's books the other way round: proxy M holds no mandate for Y.
    for path in [
        format!("/api/v1/allocations/{y_allocation}"),
        format!("/api/v1/clients/{}", y.id),
    ] {
        let reply = app.get(&path, &proxy_m.token).await;
        expect_refused(&reply, &format!("proxy M reads {path}"));
    }

    // Wrong roles inside the right tenant.
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/allocations", x.id),
            &x.user.token,
            &grant,
        )
        .await;
    expect_refused(&reply, "a client grants itself money");
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/allocations", x.id),
            &proxy_m.token,
            &grant,
        )
        .await;
    expect_refused(&reply, "a proxy grants money");
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/allocations", x.id),
            &a.provider.staff.token,
            &grant,
        )
        .await;
    expect_refused(&reply, "a provider grants money");
    let reply = app
        .act(
            &format!("/api/v1/commitments/{requested}/accept"),
            &x.user.token,
        )
        .await;
    expect_refused(&reply, "a client accepts its own commitment");
    let deliveries = format!("/api/v1/commitments/{commitment}/deliveries");
    let reply = app
        .post(
            &deliveries,
            &a.purchaser.case_worker.token,
            &delivery_body(&day(-1), "1", "45.00", "CW-1"),
        )
        .await;
    expect_refused(&reply, "a case worker records a delivery");
    let reply = app
        .post(
            &format!("/api/v1/disputes/{dispute}/decision"),
            &x.user.token,
            &json!({"uphold": true}),
        )
        .await;
    expect_refused(&reply, "a client decides its own dispute");
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/services", a.purchaser.id),
            &a.provider.staff.token,
            &fixtures::service_body(&["voucher"], None, None),
        )
        .await;
    expect_refused(&reply, "a provider edits the catalogue");
    let reply = app
        .post(
            "/api/v1/purchasers",
            &a.purchaser.case_worker.token,
            &json!({"name": "X", "business_id": ids::business_id(), "municipalities": ["091"]}),
        )
        .await;
    expect_refused(&reply, "a case worker creates a purchaser");
    let reply = app.post(&format!("/api/v1/purchasers/{}/staff", a.purchaser.id), &a.purchaser.case_worker.token, &json!({"email": fixtures::email("s"), "password": PASSWORD, "name": "S", "roles": ["finance"]})).await;
    expect_refused(&reply, "a case worker hires staff");

    // Without a token, or with a forged one: 401.
    for token in [
        ANON,
        "not-a-token",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
    ] {
        for path in &client_paths {
            let reply = app.get(path, token).await;
            expect_error(
                &reply,
                401,
                None,
                None,
                &format!("GET {path} with token {token:?}"),
            );
        }
        let reply = app
            .post(
                &deliveries,
                token,
                &delivery_body(&day(-1), "1", "45.00", "ANON-1"),
            )
            .await;
        expect_error(&reply, 401, None, None, "delivery without a valid token");
    }

    // Nothing moved.
    assert_eq!(a.books(&app).await, before);
    let reply = app
        .get(
            &format!("/api/v1/clients/{}/allocations", x.id),
            &a.purchaser.case_worker.token,
        )
        .await;
    assert_eq!(expect_status(&reply, 200, "X's allocations")["total"], 1);
    let reply = app
        .get(&format!("/api/v1/disputes/{dispute}"), &x.user.token)
        .await;
    if reply.0.as_u16() == 200 {
        assert_eq!(reply.1["status"], "open");
    }
}

db_test!(no_actor_reaches_another_tenants_data);

async fn every_reader_sees_only_the_masked_identity_code(app: TestApp) {
    let market = Market::build(&app).await;
    let x = &market.client;
    let proxy = fixtures::proxy(&app, &market.purchaser, x).await;
    let masked = ids::masked(&x.personal_id);
    for (who, token) in [
        ("the client", &x.user.token),
        ("the proxy", &proxy.token),
        ("the case worker", &market.purchaser.case_worker.token),
    ] {
        let reply = app.get(&format!("/api/v1/clients/{}", x.id), token).await;
        let body = expect_status(&reply, 200, &format!("{who} reads the client"));
        assert_eq!(body["personal_id"], masked.as_str(), "{who} sees {body}");
        assert_eq!(body["name"], x.name.as_str());
        assert_eq!(body["municipality"], "091");
    }
    // Touch everything else once, so the transcript covers the whole flow.
    let commitment = market.accepted_commitment(&app).await;
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(-1), "1", "45.00", "M-1"),
    )
    .await;
    let delivery = id_of(expect_status(&reply, 201, "delivery"));
    app.get(
        &format!("/api/v1/deliveries/{delivery}"),
        &market.provider.staff.token,
    )
    .await;
    app.get(
        &format!("/api/v1/providers/{}/commitments", market.provider.id),
        &market.provider.staff.token,
    )
    .await;
    app.get(
        &format!("/api/v1/clients/{}/allocations", x.id),
        &proxy.token,
    )
    .await;
    market.books(&app).await;
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/clients", market.purchaser.id),
            &market.purchaser.case_worker.token,
            &json!({"name": "Kaksoiskappale", "personal_id": x.personal_id, "municipality": "091"}),
        )
        .await;
    expect_error(
        &reply,
        409,
        Some("duplicate"),
        None,
        "the same identity code again",
    );

    let transcript = app.transcript();
    let digits = format!("{}{}", &x.personal_id[..6], &x.personal_id[7..10]);
    for body in &transcript {
        assert!(
            !body.contains(&x.personal_id),
            "a response carried the full identity code: {body}"
        );
        assert!(
            !body.contains(&x.personal_id[..10]),
            "a response carried the identity code without its check: {body}"
        );
        assert!(
            !body.contains(&digits),
            "a response carried the identity code's digits: {body}"
        );
    }
    eprintln!(
        "[{:?}] checked {} response bodies for the identity code",
        app.backend,
        transcript.len()
    );
}

db_test!(every_reader_sees_only_the_masked_identity_code);
