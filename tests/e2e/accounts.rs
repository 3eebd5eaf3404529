//! Accounts: deactivation, password change and reset, each ending the old access at once.
use serde_json::json;

use crate::harness::{
    TestApp,
    client::{ANON, expect_status},
    fixtures::{self, Market, PASSWORD},
};

async fn a_deactivated_account_is_out_at_once_and_can_come_back(app: TestApp) {
    let m = Market::build(&app).await;
    let client = &m.client.user;
    let allocation = format!("/api/v1/allocations/{}", m.allocation_id);
    expect_status(&app.get(&allocation, &client.token).await, 200, "before");

    // Only an administrator may deactivate.
    let refused = app
        .act(
            &format!("/api/v1/users/{}/deactivate", client.id),
            &m.purchaser.case_worker.token,
        )
        .await;
    assert_eq!(refused.0.as_u16(), 403, "{refused:?}");

    let shut = app
        .act(
            &format!("/api/v1/users/{}/deactivate", client.id),
            &m.admin.token,
        )
        .await;
    assert_eq!(expect_status(&shut, 200, "deactivate")["active"], false);
    let after = app.get(&allocation, &client.token).await;
    assert_eq!(after.0.as_u16(), 401, "the session ended: {after:?}");
    // Signing in fails exactly like a wrong password.
    let wrong = app
        .post(
            "/api/v1/auth/login",
            ANON,
            &json!({"email": client.email, "password": "wrong-password-1"}),
        )
        .await;
    let right = app
        .post(
            "/api/v1/auth/login",
            ANON,
            &json!({"email": client.email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(right.0.as_u16(), 401, "{right:?}");
    assert_eq!(right.1, wrong.1, "the same answer as a wrong password");
    // A reset link is not sent to a shut account.
    let before = app.account_link_token(&client.email).await;
    let reset = app
        .post(
            "/api/v1/auth/password-reset",
            ANON,
            &json!({"email": client.email}),
        )
        .await;
    assert_eq!(reset.0.as_u16(), 202);
    assert_eq!(app.account_link_token(&client.email).await, before);

    let listed = app.get("/api/v1/users?q=asiakas", &m.admin.token).await;
    let items = expect_status(&listed, 200, "list")["items"].clone();
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["id"] == client.id && u["active"] == false),
        "{items}"
    );

    let open = app
        .act(
            &format!("/api/v1/users/{}/reactivate", client.id),
            &m.admin.token,
        )
        .await;
    assert_eq!(expect_status(&open, 200, "reactivate")["active"], true);
    let back = app.login(&client.email, PASSWORD).await;
    expect_status(&app.get(&allocation, &back.token).await, 200, "back");
    let audit = app
        .sql_texts(&format!(
            "SELECT action FROM audit_log WHERE subject_id = '{}' ORDER BY seq",
            client.id
        ))
        .await;
    assert!(
        audit.ends_with(&["user_deactivated".into(), "user_reactivated".into()]),
        "{audit:?}"
    );
}
db_test!(a_deactivated_account_is_out_at_once_and_can_come_back);

async fn changing_the_password_ends_the_other_sessions(app: TestApp) {
    let m = Market::build(&app).await;
    let email = m.client.user.email.clone();
    let here = app.login(&email, PASSWORD).await;
    let elsewhere = app.login(&email, PASSWORD).await;

    let wrong = app
        .post(
            "/api/v1/auth/password",
            &here.token,
            &json!({"current_password": "not-my-password", "new_password": "uusi salasana 2026"}),
        )
        .await;
    assert_eq!(wrong.0.as_u16(), 422, "{wrong:?}");
    assert!(wrong.1["error"]["fields"]["current_password"].is_string());
    let short = app
        .post(
            "/api/v1/auth/password",
            &here.token,
            &json!({"current_password": PASSWORD, "new_password": "lyhyt"}),
        )
        .await;
    assert_eq!(short.0.as_u16(), 422);
    assert!(short.1["error"]["fields"]["new_password"].is_string());
    expect_status(
        &app.get("/api/v1/me", &elsewhere.token).await,
        200,
        "nothing changed yet",
    );

    let changed = app
        .post(
            "/api/v1/auth/password",
            &here.token,
            &json!({"current_password": PASSWORD, "new_password": "uusi salasana 2026"}),
        )
        .await;
    assert_eq!(changed.0.as_u16(), 204, "{changed:?}");
    expect_status(
        &app.get("/api/v1/me", &here.token).await,
        200,
        "this session stays",
    );
    assert_eq!(
        app.get("/api/v1/me", &elsewhere.token).await.0.as_u16(),
        401
    );
    assert_eq!(
        app.get("/api/v1/me", &m.client.user.token).await.0.as_u16(),
        401
    );
    let old = app
        .post(
            "/api/v1/auth/login",
            ANON,
            &json!({"email": email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(old.0.as_u16(), 401);
    app.login(&email, "uusi salasana 2026").await;
}
db_test!(changing_the_password_ends_the_other_sessions);

async fn a_reset_link_works_once_for_half_an_hour_and_says_nothing_of_unknown_addresses(
    app: TestApp,
) {
    let m = Market::build(&app).await;
    let email = m.client.user.email.clone();
    let unknown = fixtures::email("nobody");
    let known_reply = app
        .post(
            "/api/v1/auth/password-reset",
            ANON,
            &json!({"email": email}),
        )
        .await;
    let unknown_reply = app
        .post(
            "/api/v1/auth/password-reset",
            ANON,
            &json!({"email": unknown}),
        )
        .await;
    assert_eq!(known_reply.0.as_u16(), 202);
    assert_eq!(
        known_reply, unknown_reply,
        "the same answer for known and unknown"
    );
    assert_eq!(app.account_link_token(&unknown).await, None);
    let token = app
        .account_link_token(&email)
        .await
        .expect("a link was emailed");

    // The reset email says what it is, in the person's language, and holds the link.
    let kinds = app
        .sql_texts(&format!(
            "SELECT CAST(payload AS TEXT) FROM emails WHERE address = '{email}' AND kind = 'account_link'"
        ))
        .await;
    assert!(
        kinds.iter().any(|p| p.contains("reset_password")),
        "{kinds:?}"
    );

    let used = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            ANON,
            &json!({"token": token, "new_password": "nollattu salasana 1"}),
        )
        .await;
    assert_eq!(used.0.as_u16(), 204, "{used:?}");
    assert_eq!(
        app.get("/api/v1/me", &m.client.user.token).await.0.as_u16(),
        401,
        "every old session ended"
    );
    app.login(&email, "nollattu salasana 1").await;
    let replayed = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            ANON,
            &json!({"token": token, "new_password": "kolmas salasana 12"}),
        )
        .await;
    assert_eq!(replayed.0.as_u16(), 400, "single use: {replayed:?}");
    assert_eq!(replayed.1["error"]["code"], "invalid_token");

    // A link older than 30 minutes is refused.
    expect_status(
        &app.post(
            "/api/v1/auth/password-reset",
            ANON,
            &json!({"email": email}),
        )
        .await,
        202,
        "again",
    );
    let late = app.account_link_token(&email).await.expect("second link");
    assert_ne!(late, token);
    let hash = app
        .sql_texts("SELECT token_hash FROM account_links WHERE used_at IS NULL")
        .await;
    assert_eq!(hash.len(), 1);
    let expired = chrono::Utc::now() - chrono::Duration::minutes(31);
    let db_rows = app
        .sql_texts(&format!(
            "SELECT token_hash FROM account_links WHERE token_hash = '{}'",
            hash[0]
        ))
        .await;
    assert_eq!(db_rows.len(), 1);
    app.set_where(
        "account_links",
        "expires_at",
        "token_hash",
        &hash[0],
        expired.into(),
    )
    .await;
    let too_late = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            ANON,
            &json!({"token": late, "new_password": "kolmas salasana 12"}),
        )
        .await;
    assert_eq!(too_late.0.as_u16(), 400, "{too_late:?}");
    app.login(&email, "nollattu salasana 1").await;
}
db_test!(a_reset_link_works_once_for_half_an_hour_and_says_nothing_of_unknown_addresses);

async fn expired_sessions_and_links_are_deleted(app: TestApp) {
    let mut app = app;
    let m = Market::build(&app).await;
    let old = app.login(&m.client.user.email, PASSWORD).await;
    let hashes = app
        .sql_texts("SELECT token_hash FROM api_tokens ORDER BY created_at")
        .await;
    assert!(hashes.len() >= 2, "{hashes:?}");
    let past = chrono::Utc::now() - chrono::Duration::hours(1);
    let gone = hashes.last().expect("a session").clone();
    app.set_where("api_tokens", "expires_at", "token_hash", &gone, past.into())
        .await;
    assert_eq!(app.get("/api/v1/me", &old.token).await.0.as_u16(), 401);
    // The worker sweeps at start and every few minutes; a restart makes it sweep now.
    app.restart(&[]).await;
    let mut left = Vec::new();
    for _ in 0..50 {
        left = app
            .sql_texts(&format!(
                "SELECT token_hash FROM api_tokens WHERE token_hash = '{gone}'"
            ))
            .await;
        if left.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(left.is_empty(), "the expired session was deleted");
    expect_status(
        &app.get("/api/v1/me", &m.client.user.token).await,
        200,
        "others stay",
    );
}
db_test!(expired_sessions_and_links_are_deleted);
