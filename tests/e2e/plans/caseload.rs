//! The case worker's caseload: overdue drafts first, then by the day the decision is due.
use chrono::{Days, Months};
use serde_json::Value;

use super::{Setting, ymd};
use crate::harness::{
    TestApp,
    client::{expect_refused, expect_status, id_of},
    fixtures::{self, day, today},
};

fn ids_and_overdue(body: &Value) -> Vec<(String, bool)> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (id_of(p), p["overdue"].as_bool().unwrap()))
        .collect()
}

async fn the_caseload_lists_overdue_plans_first_then_by_due_date(app: TestApp) {
    let s = Setting::build(&app).await;
    let ago = |months: u32, days: u64| {
        ymd(today()
            .checked_sub_months(Months::new(months))
            .unwrap()
            .checked_sub_days(Days::new(days))
            .unwrap())
    };
    // Decided, and due earliest of all: not overdue, so after the overdue drafts.
    let decided = id_of(&s.open_plan(&app, &ago(24, 10)).await);
    s.line(
        &app,
        &decided,
        serde_json::json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1}),
    )
    .await;
    s.decide(&app, &decided, &day(0), &day(30)).await;
    // Drafts of three other clients (a client has one draft at a time).
    let long_overdue = id_of(&s.open_plan_for_another_client(&app, &ago(24, 0)).await);
    let overdue = id_of(&s.open_plan_for_another_client(&app, &ago(4, 0)).await);
    let fresh = id_of(&s.open_plan_for_another_client(&app, &day(0)).await);

    let path = format!("/api/v1/purchasers/{}/plans", s.purchaser.id);
    let reply = app.get(&path, s.case_worker()).await;
    let all = expect_status(&reply, 200, "the whole caseload");
    assert_eq!(
        ids_and_overdue(all),
        vec![
            (long_overdue.clone(), true),
            (overdue.clone(), true),
            (decided.clone(), false),
            (fresh.clone(), false),
        ],
        "{all}"
    );
    assert_eq!(all["total"], 4, "{all}");
    assert!(all["items"][0]["decision_due"].is_string(), "{all}");

    let reply = app
        .get(&format!("{path}?status=open"), s.case_worker())
        .await;
    let open = expect_status(&reply, 200, "open plans");
    assert_eq!(
        ids_and_overdue(open),
        vec![
            (long_overdue.clone(), true),
            (overdue.clone(), true),
            (fresh, false)
        ],
        "{open}"
    );
    let reply = app
        .get(
            &format!("{path}?status=open&per_page=1&page=2"),
            s.case_worker(),
        )
        .await;
    let second = expect_status(&reply, 200, "a page of open plans");
    assert_eq!(ids_and_overdue(second), vec![(overdue, true)], "{second}");
    assert_eq!(second["total"], 3, "{second}");

    let reply = app
        .get(&format!("{path}?status=decided"), s.case_worker())
        .await;
    let done = expect_status(&reply, 200, "decided plans");
    assert_eq!(ids_and_overdue(done), vec![(decided, false)], "{done}");
    assert!(done["items"][0]["decision_number"].is_string(), "{done}");

    let other = fixtures::purchaser(&app, &s.admin).await;
    expect_refused(
        &app.get(&path, &other.case_worker.token).await,
        "another purchaser's case worker reads the caseload",
    );
    expect_refused(
        &app.get(&path, &s.client.user.token).await,
        "a client reads the caseload",
    );
    let reply = app
        .get(&format!("{path}?status=later"), s.case_worker())
        .await;
    expect_status(&reply, 400, "an unknown status");
}
db_test!(the_caseload_lists_overdue_plans_first_then_by_due_date);
