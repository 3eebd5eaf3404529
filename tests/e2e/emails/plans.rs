//! The plan emails over real SMTP: the decision to the client and her proxy (with the link
//! to the printable decision, instead of the plain "allocation granted"), the approaching
//! deadline to the case workers 14 days ahead, and the evaluation reminder three months after
//! the decision — each once, in the reader's language, naming the client by first name only.
use std::time::Duration;

use serde_json::json;

use super::{arrived_as, eventually, rows_of, send_through};
use crate::{
    harness::{
        TestApp,
        client::{User, expect_status, id_of},
        fixtures::{self, Client, day},
        ids,
        smtp::SmtpServer,
    },
    plans::{Setting, add_goal, open_plan},
};

/// A client named "Saara Salonen", so the emails can be seen to say "Saara" only.
async fn saara(app: &TestApp, s: &Setting) -> Client {
    let email = fixtures::email("saara");
    let personal_id = ids::personal_id();
    let reply = app
        .post(
            &format!("/api/v1/purchasers/{}/clients", s.purchaser.id),
            s.case_worker(),
            &json!({"name": "Saara Salonen", "personal_id": personal_id,
                    "municipality": "091", "email": email}),
        )
        .await;
    let id = id_of(expect_status(&reply, 201, "create Saara"));
    Client {
        id,
        name: "Saara Salonen".to_owned(),
        personal_id,
        user: fixtures::choose_password(app, &email).await,
    }
}

async fn speak(app: &TestApp, user: &User, lang: &str) {
    let reply = app
        .send(
            reqwest::Method::PUT,
            "/api/v1/me/language",
            &user.token,
            Some(&json!({"language": lang})),
        )
        .await;
    assert_eq!(reply.0, 204, "set language: {reply:?}");
}

async fn open(app: &TestApp, s: &Setting, client: &Client, need: &str) -> String {
    let reply = open_plan(app, s.case_worker(), &client.id, need).await;
    id_of(expect_status(&reply, 201, "open a plan"))
}

async fn the_decision_reaches_the_client_and_her_proxy_once_in_their_languages(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let s = Setting::build(&app).await;
    let client = saara(&app, &s).await;
    let proxy = fixtures::proxy(&app, &s.purchaser, &client).await;
    speak(&app, &client.user, "sv").await;
    speak(&app, &proxy, "en").await;
    let plan_id = open(&app, &s, &client, &day(-10)).await;
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "3", "months": 2}),
    )
    .await;
    s.decide(&app, &plan_id, &day(0), &day(60)).await;
    let admin = &s.admin;
    eventually(
        Duration::from_secs(30),
        "both decision emails sent",
        || async {
            let mut rows = rows_of(&app, admin, "plan_decided", &client.user.email).await;
            rows.extend(rows_of(&app, admin, "plan_decided", &proxy.email).await);
            rows.iter().filter(|r| r["status"] == "sent").count() == 2
        },
    )
    .await;
    let received = smtp.received();
    let link = format!("{}/plans/{plan_id}/decision", app.base_url);
    for (to, lang, subject) in [
        (
            &client.user.email,
            "sv",
            "Ett beslut har fattats om din plan",
        ),
        (
            &proxy.email,
            "en",
            "A decision has been made on your plan (for Saara)",
        ),
    ] {
        let rows = rows_of(&app, admin, "plan_decided", to).await;
        assert_eq!(rows.len(), 1, "one decision email to {to}");
        let copies = arrived_as(&received, &rows[0]);
        assert_eq!(copies.len(), 1, "arrived once to {to}");
        let mail = &copies[0];
        assert_eq!(mail.language, lang, "{to}");
        assert_eq!(mail.subject, subject, "{to}");
        assert!(
            mail.text.contains(&link),
            "the decision's link: {}",
            mail.text
        );
        assert!(
            mail.text.contains("199,98") || mail.text.contains("199.98"),
            "{}",
            mail.text
        );
        for part in [&mail.subject, &mail.text, &mail.html] {
            assert!(!part.contains("Salonen"), "first name only: {part}");
        }
        // The plan's decision says it all: no second "allocation granted" email.
        assert!(
            rows_of(&app, admin, "allocation_granted", to)
                .await
                .is_empty(),
            "no allocation_granted to {to}"
        );
    }
}
db_test!(the_decision_reaches_the_client_and_her_proxy_once_in_their_languages);

async fn the_case_workers_hear_of_a_deadline_14_days_ahead_once(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let s = Setting::build(&app).await;
    let client = saara(&app, &s).await;
    speak(&app, &s.purchaser.case_worker, "sv").await;
    // Due in 9–12 days: reminded. Due in about two months: not.
    let soon = open(&app, &s, &client, &day(-80)).await;
    open(&app, &s, &s.client, &day(-30)).await;
    let admin = &s.admin;
    let to = &s.purchaser.case_worker.email;
    eventually(
        Duration::from_secs(30),
        "the deadline reminder sent",
        || async {
            rows_of(&app, admin, "plan_decision_due", to)
                .await
                .iter()
                .any(|r| r["status"] == "sent")
        },
    )
    .await;
    // Another instance's start and several more scans: still one.
    send_through(&mut app, &smtp, &[]).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let rows = rows_of(&app, admin, "plan_decision_due", to).await;
    assert_eq!(rows.len(), 1, "once per plan: {rows:?}");
    let copies = arrived_as(&smtp.received(), &rows[0]);
    assert_eq!(copies.len(), 1);
    let mail = &copies[0];
    assert_eq!(mail.language, "sv");
    assert_eq!(mail.subject, "Planens beslut blir snart försenat: Saara");
    assert!(
        // The server restarted since (on another port): the path is what stays.
        mail.text.contains(&format!("/purchaser/plans/{soon}")),
        "{}",
        mail.text
    );
    assert!(!mail.text.contains("Salonen"), "{}", mail.text);
}
db_test!(the_case_workers_hear_of_a_deadline_14_days_ahead_once);

async fn three_months_after_the_decision_the_goals_are_to_be_evaluated_once(mut app: TestApp) {
    let smtp = SmtpServer::start();
    send_through(&mut app, &smtp, &[]).await;
    let s = Setting::build(&app).await;
    let client = saara(&app, &s).await;
    let proxy = fixtures::proxy(&app, &s.purchaser, &client).await;
    speak(&app, &proxy, "en").await;
    let plan_id = open(&app, &s, &client, &day(-100)).await;
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1}),
    )
    .await;
    let reply = add_goal(
        &app,
        &client.user.token,
        &plan_id,
        &json!({"text": "Käyn uimassa.", "area": "health"}),
    )
    .await;
    expect_status(&reply, 201, "a goal");
    s.decide(&app, &plan_id, &day(0), &day(200)).await;
    // A decision of 95 days ago: the first three months are over.
    app.backdate("plans", "decided_at", &plan_id, 95).await;
    let admin = &s.admin;
    eventually(
        Duration::from_secs(30),
        "both evaluation reminders sent",
        || async {
            let mut rows = rows_of(&app, admin, "plan_evaluation_due", &client.user.email).await;
            rows.extend(rows_of(&app, admin, "plan_evaluation_due", &proxy.email).await);
            rows.iter().filter(|r| r["status"] == "sent").count() == 2
        },
    )
    .await;
    send_through(&mut app, &smtp, &[]).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let received = smtp.received();
    for (to, lang, subject) in [
        (
            &client.user.email,
            "fi",
            "Kerro, miten tavoitteesi etenevät",
        ),
        (
            &proxy.email,
            "en",
            "Tell how your goals are going (for Saara)",
        ),
    ] {
        let rows = rows_of(&app, admin, "plan_evaluation_due", to).await;
        assert_eq!(rows.len(), 1, "once in the period to {to}");
        let copies = arrived_as(&received, &rows[0]);
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].language, lang);
        assert_eq!(copies[0].subject, subject);
        assert!(
            copies[0].text.contains(&format!("/my/plans/{plan_id}")),
            "{}",
            copies[0].text
        );
        assert!(!copies[0].text.contains("Salonen"), "{}", copies[0].text);
    }
}
db_test!(three_months_after_the_decision_the_goals_are_to_be_evaluated_once);
