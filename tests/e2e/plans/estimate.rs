//! The estimate to the cent and the decision's due date across month ends.
use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::{Setting, ymd};
use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::today,
};

async fn the_estimate_is_the_sum_of_lines_rounded_half_up_to_the_cent(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &ymd(today())).await);
    let cases = [
        // 7.5 × 12 × 33.33 = 2999.70 exactly
        (
            json!({"service_id": s.service_id, "quantity_per_month": "7.5", "months": 12, "unit_price": "33.33"}),
            "2999.70",
        ),
        // 1.333 × 3 × 10.05 = 40.18995 → 40.19
        (
            json!({"service_id": s.service_id, "quantity_per_month": "1.333", "months": 3, "unit_price": "10.05"}),
            "40.19",
        ),
        // 0.5 × 1 × 0.01 = 0.005 → 0.01 (half up, not to even)
        (
            json!({"service_id": s.service_id, "quantity_per_month": 0.5, "months": 1, "unit_price": 0.01}),
            "0.01",
        ),
    ];
    for (body, amount) in cases {
        let line = s.line(&app, &plan_id, body.clone()).await;
        assert_eq!(line["amount"], amount, "{body} → {line}");
    }
    let plan = s.plan(&app, &plan_id).await;
    assert_eq!(plan["estimate"], "3039.90", "{plan}");
    assert_eq!(plan["budget_lines"].as_array().unwrap().len(), 3, "{plan}");
}
db_test!(the_estimate_is_the_sum_of_lines_rounded_half_up_to_the_cent);

async fn the_decision_is_due_three_calendar_months_later_at_the_months_end(app: TestApp) {
    let s = Setting::build(&app).await;
    let year = today().year() - 1;
    let cases = [
        (
            NaiveDate::from_ymd_opt(year, 10, 31),
            NaiveDate::from_ymd_opt(year + 1, 1, 31),
        ),
        (
            NaiveDate::from_ymd_opt(year, 11, 30),
            NaiveDate::from_ymd_opt(year + 1, 2, 28 + u32::from(leap(year + 1))),
        ),
        (
            NaiveDate::from_ymd_opt(year, 8, 31),
            NaiveDate::from_ymd_opt(year, 11, 30),
        ),
    ];
    for (need, due) in cases {
        let (need, due) = (need.unwrap(), due.unwrap());
        let plan = s.open_plan_for_another_client(&app, &ymd(need)).await;
        assert_eq!(plan["need_identified_on"], ymd(need), "{plan}");
        assert_eq!(plan["decision_due"], ymd(due), "{plan}");
        assert_eq!(plan["overdue"], due < today(), "{plan}");
    }
    let reply = super::open_plan(
        &app,
        s.case_worker(),
        &s.client.id,
        &ymd(today().succ_opt().unwrap()),
    )
    .await;
    let body = expect_status(&reply, 422, "a need in the future");
    assert!(
        body["error"]["fields"]["need_identified_on"].is_string(),
        "{body}"
    );
}
db_test!(the_decision_is_due_three_calendar_months_later_at_the_months_end);

fn leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}
