//! The case worker's pages of this round over plain HTTP: closing or cancelling a plan (only
//! the ending its status allows, the reason kept on a refusal, POST-redirect-GET back to the
//! plan) and the plans report (the API's figures, in words).
use serde_json::json;

use super::Setting;
use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::day,
    form_session::FormSession,
};

async fn a_case_worker_cancels_a_draft_and_closes_a_decided_plan_on_the_page(app: TestApp) {
    let s = Setting::build(&app).await;
    let worker = FormSession::new(&app, Some(s.case_worker())).await;
    let draft = id_of(&s.open_plan(&app, &day(-3)).await);
    let path = format!("/purchaser/plans/{draft}/close");
    let (status, html) = worker.get(&app, &path).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("value=\"cancel\""), "a draft is cancelled");
    assert!(!html.contains("value=\"close\""), "a draft is not closed");
    assert!(html.contains(&s.client.name), "whose plan it is");

    // No reason: the page again, the field named, what was chosen kept; nothing changed.
    let (status, html) = worker
        .post(&app, &path, &[("ending", "cancel"), ("reason", "  ")], true)
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"reason-error\""), "{html}");
    assert_eq!(s.plan(&app, &draft).await["status"], "draft");
    // The ending the status does not allow: refused, nothing changed.
    let (status, html) = worker
        .post(
            &app,
            &path,
            &[("ending", "close"), ("reason", "Muutti pois.")],
            true,
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Muutti pois."),
        "the reason typed is kept: {html}"
    );
    assert_eq!(s.plan(&app, &draft).await["status"], "draft");
    // Without the form's token: refused.
    let (status, _) = worker
        .post(
            &app,
            &path,
            &[("ending", "cancel"), ("reason", "Muutti pois.")],
            false,
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(s.plan(&app, &draft).await["status"], "draft");

    let (status, _) = worker
        .post(
            &app,
            &path,
            &[("ending", "cancel"), ("reason", "Muutti pois.")],
            true,
        )
        .await;
    assert_eq!(status, 303, "POST-redirect-GET");
    let plan = s.plan(&app, &draft).await;
    assert_eq!(plan["status"], "cancelled", "{plan}");
    assert_eq!(plan["status_reason"], "Muutti pois.", "{plan}");
    // An ended plan has nothing left to end.
    let (status, _) = worker.get(&app, &path).await;
    assert_eq!(status, 409);

    // A decided plan is closed; the client may not even see the page.
    let decided = id_of(&s.open_plan(&app, &day(-3)).await);
    s.line(
        &app,
        &decided,
        json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1}),
    )
    .await;
    s.decide(&app, &decided, &day(0), &day(30)).await;
    let path = format!("/purchaser/plans/{decided}/close");
    let (status, html) = worker.get(&app, &path).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("value=\"close\""), "a decided plan is closed");
    assert!(!html.contains("value=\"cancel\""));
    let client = FormSession::new(&app, Some(&s.client.user.token)).await;
    let (status, _) = client.get(&app, &path).await;
    assert_eq!(status, 403, "the client is not staff");
    let (status, _) = worker
        .post(
            &app,
            &path,
            &[("ending", "close"), ("reason", "Seuranta päättyy.")],
            true,
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(s.plan(&app, &decided).await["status"], "closed");
}
db_test!(a_case_worker_cancels_a_draft_and_closes_a_decided_plan_on_the_page);

async fn the_report_page_shows_the_apis_figures(app: TestApp) {
    let s = Setting::build(&app).await;
    for need in [20, 40, 100] {
        let plan = id_of(&s.open_plan(&app, &day(-need)).await);
        s.line(
            &app,
            &plan,
            json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1}),
        )
        .await;
        s.decide(&app, &plan, &day(0), &day(30)).await;
    }
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{}/reports/plans", s.purchaser.id),
            &s.purchaser.finance.token,
        )
        .await;
    assert_eq!(
        expect_status(&reply, 200, "the report")["median_days_to_decision"],
        "40"
    );
    let finance = FormSession::new(&app, Some(&s.purchaser.finance.token)).await;
    let (status, html) = finance.get(&app, "/purchaser/plan-report").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("40 päivää"), "the median in words: {html}");
    assert!(html.contains("66,7 % (2 kpl)"), "the share in time: {html}");
    assert!(
        html.contains("href=\"/purchaser/plan-report\""),
        "in the navigation"
    );
    let (status, html) = finance.get(&app, "/purchaser/plan-report?from=eilen").await;
    assert_eq!(status, 200, "a bad date is a form error: {html}");
    assert!(html.contains("id=\"from-error\""), "{html}");
    let manager = FormSession::new(&app, Some(&s.purchaser.catalogue_manager.token)).await;
    let (status, _) = manager.get(&app, "/purchaser/plan-report").await;
    assert_eq!(status, 404, "not for a catalogue manager");
}
db_test!(the_report_page_shows_the_apis_figures);
