//! Every POST form checks the browser's CSRF token, the admin's email retry too.
use crate::harness::form_session::FormSession;
use crate::{
    emails::{all_sent, outbox},
    harness::{TestApp, fixtures::Market},
};

async fn status_of(app: &TestApp, market: &Market, id: &str) -> String {
    outbox(app, &market.admin, None)
        .await
        .into_iter()
        .find(|r| r["id"] == id)
        .and_then(|r| r["status"].as_str().map(str::to_owned))
        .expect("the email row")
}

async fn an_email_retry_without_the_forms_token_is_refused_and_retries_nothing(app: TestApp) {
    let market = Market::build(&app).await;
    all_sent(&app, &market.admin).await;
    let email = outbox(&app, &market.admin, None).await[0]["id"]
        .as_str()
        .expect("an email id")
        .to_owned();
    // As if the server had refused it for good.
    app.overwrite("emails", "status", &email, "failed".into())
        .await;
    let admin = FormSession::new(&app, Some(&market.admin.token)).await;
    let path = format!("/admin/emails/{email}/retry");

    let (status, _) = admin.post(&app, &path, &[], false).await;
    assert_eq!(status, 403, "no token");
    let (status, _) = admin
        .post(&app, &path, &[("csrf", &"00".repeat(32))], false)
        .await;
    assert_eq!(status, 403, "a made-up token");
    assert_eq!(
        status_of(&app, &market, &email).await,
        "failed",
        "nothing retried"
    );

    let (status, _) = admin.post(&app, &path, &[], true).await;
    assert_eq!(status, 303, "the page's own form is taken");
    assert_ne!(status_of(&app, &market, &email).await, "failed", "retried");
}
db_test!(an_email_retry_without_the_forms_token_is_refused_and_retries_nothing);

/// Every POST route of the portal, with made-up ids: without the browser's token each is
/// refused before its handler runs.
const FORMS: &[&str] = &[
    "/reviews/{id}/report",
    "/my/offerings/{id}/review",
    "/provider/reviews/{id}/reply",
    "/purchaser/reviews/{id}/decision",
    "/signin",
    "/signout",
    "/password/forgot",
    "/password/set",
    "/settings/password",
    "/admin/users/{id}/active",
    "/language",
    "/my/acting-for",
    "/purchaser/recording",
    "/offerings/{id}/choose",
    "/my/deliveries/{id}/dispute",
    "/my/plans/{id}/answers",
    "/my/plans/{id}/goals/new",
    "/my/goals/{id}/evaluation",
    "/provider",
    "/provider/applications",
    "/provider/offerings/new",
    "/provider/offerings/{id}",
    "/provider/offerings/{id}/archive",
    "/provider/commitments/{id}/answer",
    "/provider/commitments/{id}/deliver",
    "/provider/api-keys",
    "/provider/api-keys/{id}/revoke",
    "/provider/deliveries/{id}/void",
    "/provider/disputes/{id}/account",
    "/purchaser/commitments/{id}/late-recording",
    "/purchaser/catalogue",
    "/purchaser/applications/{id}/decision",
    "/purchaser/clients",
    "/purchaser/clients/{id}/proxies",
    "/purchaser/clients/{id}/mandates/{id}/revoke",
    "/purchaser/clients/{id}/allocations",
    "/purchaser/clients/{id}/plans",
    "/purchaser/plans/{id}/answers",
    "/purchaser/plans/{id}/goals",
    "/purchaser/plans/{id}/goals/{id}/evaluations",
    "/purchaser/plans/{id}/lines",
    "/purchaser/plans/{id}/decision",
    "/purchaser/disputes/{id}/decision",
    "/purchaser/settlement",
    "/purchaser/settlement/einvoice",
    "/settings/notifications",
    "/admin/emails/{id}/retry",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_portal_form_needs_the_browsers_token() {
    let app = TestApp::spawn(crate::harness::Backend::Sqlite).await;
    let admin = app.login_admin().await;
    let browser = FormSession::new(&app, Some(&admin.token)).await;
    let id = uuid::Uuid::new_v4().to_string();
    for form in FORMS {
        let path = form.replace("{id}", &id);
        let (status, _) = browser.post(&app, &path, &[("x", "y")], false).await;
        assert_eq!(status, 403, "POST {path} without a token");
    }
}
