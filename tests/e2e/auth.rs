//! Signing in and out.
use serde_json::json;

use crate::harness::{TestApp, client::expect_status};

async fn a_token_works_until_sign_out_and_bad_credentials_are_refused(app: TestApp) {
    let admin = app.login_admin().await;
    let me = app.get("/api/v1/me", &admin.token).await;
    assert_eq!(expect_status(&me, 200, "me")["roles"][0], "admin");

    let out = app.act("/api/v1/auth/logout", &admin.token).await;
    assert_eq!(out.0.as_u16(), 204, "{out:?}");
    let after = app.get("/api/v1/me", &admin.token).await;
    assert_eq!(
        after.0.as_u16(),
        401,
        "a signed-out token no longer works: {after:?}"
    );

    for (email, password) in [
        ("admin@valinta.test", "wrong-password"),
        ("nobody@valinta.test", "whatever-password"),
    ] {
        let reply = app
            .post(
                "/api/v1/auth/login",
                "",
                &json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(reply.0.as_u16(), 401, "{email}: {reply:?}");
        assert!(reply.1.get("token").is_none());
    }
    let garbage = app.get("/api/v1/me", "not-a-token").await;
    assert_eq!(garbage.0.as_u16(), 401);
}
db_test!(a_token_works_until_sign_out_and_bad_credentials_are_refused);
