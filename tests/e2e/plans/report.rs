//! The purchaser's plans report over a known set: three plans decided 20, 40 and 100 days
//! after the need (median 40, two of three in time), an overdue draft, a cancelled one,
//! goals by area with their latest evaluations; the period filter; who may read it.
use serde_json::{Value, json};

use super::{Setting, add_goal, evaluate};
use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of},
    fixtures::{self, day},
};

async fn report(app: &TestApp, token: &str, pid: &str, query: &str) -> Value {
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{pid}/reports/plans{query}"),
            token,
        )
        .await;
    expect_status(&reply, 200, "the plans report").clone()
}

/// A plan opened `need_days_ago`, priced and decided today; returns its id.
async fn decided_plan(app: &TestApp, s: &Setting, need_days_ago: i64) -> String {
    let plan_id = id_of(&s.open_plan(app, &day(-need_days_ago)).await);
    s.line(
        app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1}),
    )
    .await;
    s.decide(app, &plan_id, &day(0), &day(30)).await;
    plan_id
}

async fn goal(app: &TestApp, s: &Setting, plan: &str, area: &str) -> String {
    let reply = add_goal(
        app,
        &s.client.user.token,
        plan,
        &json!({"text": "Tavoite.", "area": area}),
    )
    .await;
    id_of(expect_status(&reply, 201, "a goal"))
}

async fn progress(app: &TestApp, s: &Setting, goal: &str, value: u8) {
    let reply = evaluate(
        app,
        &s.proxy.token,
        goal,
        &json!({"progress": value, "note": ""}),
    )
    .await;
    expect_status(&reply, 201, "an evaluation");
}

fn area<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["goals_by_area"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["area"] == name)
        .unwrap()
}

async fn the_report_counts_time_to_decision_goals_and_evaluations(app: TestApp) {
    let s = Setting::build(&app).await;
    let pid = s.purchaser.id.clone();
    let fast = decided_plan(&app, &s, 20).await;
    let middle = decided_plan(&app, &s, 40).await;
    decided_plan(&app, &s, 100).await;

    let r = report(&app, s.case_worker(), &pid, "").await;
    assert_eq!(r["plans"], 3, "{r}");
    assert_eq!(r["decided"], 3, "{r}");
    assert_eq!(r["median_days_to_decision"], "40", "{r}");
    assert_eq!(r["decided_in_time"], 2, "{r}");
    assert_eq!(r["decided_in_time_percent"], "66.7", "{r}");
    assert_eq!(r["overdue_now"], 0, "{r}");
    assert_eq!(r["evaluations"], 0, "{r}");

    // An overdue draft counts as not in time; a cancelled one counts nowhere but itself.
    s.open_plan(&app, &day(-95)).await;
    let dropped = id_of(&s.open_plan_for_another_client(&app, &day(-10)).await);
    let reply = app
        .post(
            &format!("/api/v1/plans/{dropped}/cancel"),
            s.case_worker(),
            &json!({"reason": "Tarve poistui."}),
        )
        .await;
    expect_status(&reply, 200, "cancel");
    // Goals: two at home evaluated (latest 5, and 4), one at work not evaluated.
    let home = goal(&app, &s, &fast, "home").await;
    progress(&app, &s, &home, 3).await;
    progress(&app, &s, &home, 5).await;
    let home2 = goal(&app, &s, &middle, "home").await;
    progress(&app, &s, &home2, 4).await;
    goal(&app, &s, &middle, "work").await;

    let r = report(&app, &s.purchaser.finance.token, &pid, "").await;
    assert_eq!(r["plans"], 5, "{r}");
    assert_eq!(r["decided"], 3, "{r}");
    assert_eq!(r["cancelled"], 1, "{r}");
    assert_eq!(r["overdue_now"], 1, "{r}");
    assert_eq!(
        r["decided_in_time_percent"], "50.0",
        "2 of 3 decided + 1 overdue: {r}"
    );
    assert_eq!(r["evaluations"], 3, "{r}");
    let at_home = area(&r, "home");
    assert_eq!(at_home["goals"], 2, "{r}");
    assert_eq!(at_home["evaluated"], 2, "{r}");
    assert_eq!(at_home["average_latest_progress"], "4.5", "{r}");
    let at_work = area(&r, "work");
    assert_eq!(at_work["goals"], 1, "{r}");
    assert_eq!(at_work["evaluated"], 0, "{r}");
    assert!(at_work["average_latest_progress"].is_null(), "{r}");
    assert_eq!(area(&r, "health")["goals"], 0, "every area listed: {r}");

    // Needs identified from 50 days ago: the plans of 40 and 20 days and the cancelled one.
    let query = format!("?from={}&to={}", day(-50), day(0));
    let r = report(&app, s.case_worker(), &pid, &query).await;
    assert_eq!(r["plans"], 3, "{r}");
    assert_eq!(r["median_days_to_decision"], "30", "{r}");
    assert_eq!(r["decided_in_time_percent"], "100.0", "{r}");
    assert_eq!(r["evaluations"], 3, "{r}");

    let reply = app
        .get(
            &format!("/api/v1/purchasers/{pid}/reports/plans?from=31.12.2026"),
            s.case_worker(),
        )
        .await;
    expect_error(&reply, 400, None, Some("from"), "a date not in YYYY-MM-DD");
    let query = format!("?from={}&to={}", day(0), day(-1));
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{pid}/reports/plans{query}"),
            s.case_worker(),
        )
        .await;
    expect_error(&reply, 400, None, Some("to"), "to before from");

    // Only its case workers and finance staff: everyone else is told it does not exist.
    let other = fixtures::purchaser(&app, &s.admin).await;
    for (token, who) in [
        (
            s.purchaser.catalogue_manager.token.as_str(),
            "a catalogue manager",
        ),
        (s.client.user.token.as_str(), "the client"),
        (s.proxy.token.as_str(), "the proxy"),
        (s.provider.staff.token.as_str(), "a provider"),
        (
            other.case_worker.token.as_str(),
            "another purchaser's case worker",
        ),
    ] {
        let reply = app
            .get(&format!("/api/v1/purchasers/{pid}/reports/plans"), token)
            .await;
        assert_eq!(reply.0, 404, "{who}: {reply:?}");
    }
}
db_test!(the_report_counts_time_to_decision_goals_and_evaluations);
