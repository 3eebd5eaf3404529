//! Mandates that end: revoked or past their last day, a proxy reaches nothing of the
//! client's from the next request on; an existing person is never linked silently.
use serde_json::json;

use crate::harness::{
    TestApp,
    client::{ANON, expect_status, str_field},
    fixtures::{self, Market},
    ids,
};

async fn proxy_with_mandate(app: &TestApp, m: &Market) -> (crate::harness::client::User, String) {
    let email = fixtures::email("proxy");
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/proxies", m.client.id),
            &m.purchaser.case_worker.token,
            &json!({"name": "Liisa Omainen", "email": email, "relation": "äiti"}),
        )
        .await;
    let body = expect_status(&reply, 201, "add proxy");
    let mandate = str_field(body, "mandate_id");
    (fixtures::choose_password(app, &email).await, mandate)
}

async fn a_revoked_mandate_reaches_nothing_from_the_next_request(app: TestApp) {
    let m = Market::build(&app).await;
    let (proxy, mandate) = proxy_with_mandate(&app, &m).await;
    let allocation = format!("/api/v1/allocations/{}", m.allocation_id);
    expect_status(
        &app.get(&allocation, &proxy.token).await,
        200,
        "proxy reads",
    );

    // Only the client's case worker may revoke; a reason is needed.
    let no_reason = app
        .post(
            &format!("/api/v1/mandates/{mandate}/revoke"),
            &m.purchaser.case_worker.token,
            &json!({"reason": "  "}),
        )
        .await;
    assert_eq!(no_reason.0.as_u16(), 422, "{no_reason:?}");
    assert!(no_reason.1["error"]["fields"]["reason"].is_string());
    for token in [&proxy.token, &m.client.user.token, &m.provider.staff.token] {
        let refused = app
            .post(
                &format!("/api/v1/mandates/{mandate}/revoke"),
                token,
                &json!({"reason": "ei"}),
            )
            .await;
        assert_eq!(refused.0.as_u16(), 404, "{refused:?}");
    }
    expect_status(
        &app.get(&allocation, &proxy.token).await,
        200,
        "still a proxy",
    );

    let revoked = app
        .post(
            &format!("/api/v1/mandates/{mandate}/revoke"),
            &m.purchaser.case_worker.token,
            &json!({"reason": "Edunvalvonta päättyi"}),
        )
        .await;
    let body = expect_status(&revoked, 200, "revoke");
    assert_eq!(body["live"], false);
    assert_eq!(body["revoke_reason"], "Edunvalvonta päättyi");

    let after = app.get(&allocation, &proxy.token).await;
    assert_eq!(
        after.0.as_u16(),
        404,
        "the ended mandate reaches nothing: {after:?}"
    );
    let ledger = app.get(&format!("{allocation}/ledger"), &proxy.token).await;
    assert_eq!(ledger.0.as_u16(), 404);
    let order = app
        .post(
            &format!("{allocation}/commitments"),
            &proxy.token,
            &json!({"offering_id": m.offering_id, "method": "voucher"}),
        )
        .await;
    assert_eq!(order.0.as_u16(), 404, "no spending either: {order:?}");
    let me = app.get("/api/v1/me", &proxy.token).await;
    assert_eq!(expect_status(&me, 200, "me")["acts_for"], json!([]));

    let again = app
        .post(
            &format!("/api/v1/mandates/{mandate}/revoke"),
            &m.purchaser.case_worker.token,
            &json!({"reason": "uudestaan"}),
        )
        .await;
    assert_eq!(again.0.as_u16(), 409, "{again:?}");

    // The list shows the history; the client sees it too; the proxy is told by email.
    let list = app
        .get(
            &format!("/api/v1/clients/{}/proxies", m.client.id),
            &m.client.user.token,
        )
        .await;
    let items = expect_status(&list, 200, "list")["items"].clone();
    assert_eq!(items.as_array().map(Vec::len), Some(1));
    assert_eq!(items[0]["mandate_id"], mandate);
    assert!(items[0]["revoked_at"].is_string());
    let told = app
        .sql_texts(&format!(
            "SELECT kind FROM emails WHERE address = '{}' ORDER BY created_at",
            proxy.email
        ))
        .await;
    assert!(told.contains(&"mandate_ended".to_owned()), "{told:?}");
    let audit = app
        .sql_texts(&format!(
            "SELECT action FROM audit_log WHERE subject_id = '{mandate}'"
        ))
        .await;
    assert!(audit.contains(&"mandate_created".to_owned()), "{audit:?}");
    assert!(audit.contains(&"mandate_revoked".to_owned()), "{audit:?}");
}
db_test!(a_revoked_mandate_reaches_nothing_from_the_next_request);

async fn a_mandate_past_its_last_day_reaches_nothing(app: TestApp) {
    let m = Market::build(&app).await;
    let email = fixtures::email("proxy");
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/proxies", m.client.id),
            &m.purchaser.case_worker.token,
            &json!({"name": "Väliaikainen", "email": email, "relation": "tytär",
                    "valid_until": fixtures::day(1)}),
        )
        .await;
    let mandate = str_field(expect_status(&reply, 201, "add proxy"), "mandate_id");
    let proxy = fixtures::choose_password(&app, &email).await;
    let allocation = format!("/api/v1/allocations/{}", m.allocation_id);
    expect_status(
        &app.get(&allocation, &proxy.token).await,
        200,
        "until tomorrow",
    );

    // Its last day was yesterday.
    let yesterday = fixtures::today() - chrono::Days::new(1);
    app.overwrite("mandates", "valid_until", &mandate, yesterday.into())
        .await;
    let after = app.get(&allocation, &proxy.token).await;
    assert_eq!(after.0.as_u16(), 404, "{after:?}");

    // A date in the past is refused when recorded.
    let past = app
        .post(
            &format!("/api/v1/clients/{}/proxies", m.client.id),
            &m.purchaser.case_worker.token,
            &json!({"name": "X", "email": fixtures::email("p"), "relation": "x",
                    "valid_until": fixtures::day(-1)}),
        )
        .await;
    assert_eq!(past.0.as_u16(), 422, "{past:?}");
    assert!(past.1["error"]["fields"]["valid_until"].is_string());

    // The same person may be given a new mandate; the lapsed one stays in the history.
    let renewed = app
        .post(
            &format!("/api/v1/clients/{}/proxies", m.client.id),
            &m.purchaser.case_worker.token,
            &json!({"name": "Väliaikainen", "email": email, "relation": "tytär",
                    "confirm_existing": proxy.id}),
        )
        .await;
    expect_status(&renewed, 201, "renewed");
    expect_status(&app.get(&allocation, &proxy.token).await, 200, "renewed");
}
db_test!(a_mandate_past_its_last_day_reaches_nothing);

async fn an_existing_person_is_shown_and_confirmed_never_linked_silently(app: TestApp) {
    let m = Market::build(&app).await;
    let other = fixtures::client(&app, &m.purchaser).await;
    let (proxy, _) = proxy_with_mandate(&app, &m).await;
    let path = format!("/api/v1/clients/{}/proxies", other.id);
    let body = json!({"name": "Kuka tahansa", "email": proxy.email, "relation": "sisar"});

    let shown = app.post(&path, &m.purchaser.case_worker.token, &body).await;
    assert_eq!(shown.0.as_u16(), 409, "{shown:?}");
    assert_eq!(shown.1["error"]["code"], "existing_person");
    assert_eq!(shown.1["existing"]["user_id"], proxy.id);
    assert_eq!(shown.1["existing"]["name"], "Liisa Omainen");
    let reads = app
        .get(
            &format!("/api/v1/allocations/{}", m.allocation_id),
            &proxy.token,
        )
        .await;
    expect_status(&reads, 200, "first client still");
    let none = app
        .get(
            &format!("/api/v1/clients/{}/proxies", other.id),
            &m.purchaser.case_worker.token,
        )
        .await;
    assert_eq!(
        expect_status(&none, 200, "list")["items"],
        json!([]),
        "nothing linked"
    );

    // A password typed by a case worker is refused, never stored.
    let with_password = app
        .post(
            &path,
            &m.purchaser.case_worker.token,
            &json!({"name": "A", "email": fixtures::email("p"), "relation": "x", "password": "salasana-123456"}),
        )
        .await;
    assert_eq!(with_password.0.as_u16(), 422);
    assert!(with_password.1["error"]["fields"]["password"].is_string());

    let mut confirmed = body.clone();
    confirmed["confirm_existing"] = json!(proxy.id);
    let linked = app
        .post(&path, &m.purchaser.case_worker.token, &confirmed)
        .await;
    let linked = expect_status(&linked, 201, "confirmed");
    assert_eq!(linked["id"], proxy.id, "the same person, not a new account");
    // Her password was not touched, and she now has two clients.
    let again = app.login(&proxy.email, fixtures::PASSWORD).await;
    let me = app.get("/api/v1/me", &again.token).await;
    assert_eq!(
        expect_status(&me, 200, "me")["acts_for"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let told = app
        .sql_texts(&format!(
            "SELECT kind FROM emails WHERE address = '{}' AND kind = 'mandate_granted'",
            proxy.email
        ))
        .await;
    assert_eq!(told.len(), 2, "told of each mandate: {told:?}");

    // An identity code and an email of two different people: refused, naming the field.
    let code = ids::personal_id();
    let by_code = app
        .post(
            &path,
            &m.purchaser.case_worker.token,
            &json!({"name": "Koodi", "personal_id": code, "relation": "veli"}),
        )
        .await;
    expect_status(&by_code, 201, "known by code only");
    let mixed = app
        .post(
            &path,
            &m.purchaser.case_worker.token,
            &json!({"name": "Sekaisin", "personal_id": code, "email": proxy.email, "relation": "x"}),
        )
        .await;
    assert_eq!(mixed.0.as_u16(), 409, "{mixed:?}");
    assert_eq!(mixed.1["error"]["code"], "two_people");
    // Neither an email nor a code: nobody could sign in.
    let nothing = app
        .post(
            &path,
            &m.purchaser.case_worker.token,
            &json!({"name": "N", "relation": "x"}),
        )
        .await;
    assert_eq!(nothing.0.as_u16(), 422);
    assert!(nothing.1["error"]["fields"]["email"].is_string());
    let _ = ANON;
}
db_test!(an_existing_person_is_shown_and_confirmed_never_linked_silently);
