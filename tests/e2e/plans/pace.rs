//! The spending pace on a decided plan, from deliveries recorded through the API.
use chrono::Days;
use serde_json::json;

use super::{Setting, ymd};
use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{self, day, today},
};

async fn the_pace_is_the_monthly_average_and_the_day_the_money_runs_out(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-40)).await);
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "5", "months": 9}),
    )
    .await;
    // 1500.00 from 29 days ago: 30 days counted with today.
    let mut body = super::decision_body(&day(-29), &day(300));
    body["granted"] = json!("1500.00");
    let reply = super::decide(&app, s.case_worker(), &plan_id, &body).await;
    let allocation = id_of(expect_status(&reply, 201, "decide"));
    let commitment = fixtures::accepted_commitment(
        &app,
        &s.client.user.token,
        &allocation,
        &s.offering_id,
        &s.provider,
        "payment_commitment",
        None,
    )
    .await;
    // 10 h and 20 h at 30.00: 900.00 spent in 30 days.
    for (date, quantity, reference) in [(day(-5), "10", "PACE-1"), (day(-1), "20", "PACE-2")] {
        let reply = fixtures::deliver(
            &app,
            &s.provider,
            &commitment,
            &fixtures::delivery_body(&date, quantity, "30.00", reference),
        )
        .await;
        expect_status(&reply, 201, "a delivery");
    }
    let plan = s.plan(&app, &plan_id).await;
    assert_eq!(plan["allocation"]["balance"]["spent"], "900.00", "{plan}");
    // 900.00 × 30.4375 / 30 days = 913.125 → 913.13 a month; 600.00 left at 30.00 a day
    // lasts 20 days.
    assert_eq!(plan["pace"]["monthly_average"], "913.13", "{plan}");
    assert_eq!(
        plan["pace"]["runs_out_on"],
        ymd(today().checked_add_days(Days::new(20)).unwrap()),
        "{plan}"
    );

    // The client sees the same pace on her plan.
    let reply = app
        .get(&format!("/api/v1/plans/{plan_id}"), &s.client.user.token)
        .await;
    let hers = expect_status(&reply, 200, "the client reads her plan");
    assert_eq!(hers["pace"], plan["pace"], "{hers}");
}
db_test!(the_pace_is_the_monthly_average_and_the_day_the_money_runs_out);

async fn money_that_lasts_past_the_period_runs_out_on_no_day(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-40)).await);
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "5", "months": 9}),
    )
    .await;
    let mut body = super::decision_body(&day(-9), &day(10));
    body["granted"] = json!("1500.00");
    let reply = super::decide(&app, s.case_worker(), &plan_id, &body).await;
    let allocation = id_of(expect_status(&reply, 201, "decide"));
    let commitment = fixtures::accepted_commitment(
        &app,
        &s.client.user.token,
        &allocation,
        &s.offering_id,
        &s.provider,
        "payment_commitment",
        None,
    )
    .await;
    let reply = fixtures::deliver(
        &app,
        &s.provider,
        &commitment,
        &fixtures::delivery_body(&day(-2), "1", "30.00", "PACE-3"),
    )
    .await;
    expect_status(&reply, 201, "a delivery");
    let plan = s.plan(&app, &plan_id).await;
    // 30.00 in 10 days: 91.3125 → 91.31 a month; 1470.00 left lasts far past the period.
    assert_eq!(plan["pace"]["monthly_average"], "91.31", "{plan}");
    assert!(plan["pace"]["runs_out_on"].is_null(), "{plan}");
}
db_test!(money_that_lasts_past_the_period_runs_out_on_no_day);

async fn reserved_money_is_still_the_clients_and_counts_in_how_long_it_lasts(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-40)).await);
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "5", "months": 9}),
    )
    .await;
    let mut body = super::decision_body(&day(-29), &day(300));
    body["granted"] = json!("1500.00");
    let reply = super::decide(&app, s.case_worker(), &plan_id, &body).await;
    let allocation = id_of(expect_status(&reply, 201, "decide"));
    // One order that reserves 300.00 and has nothing delivered yet ...
    fixtures::accepted_commitment(
        &app,
        &s.client.user.token,
        &allocation,
        &s.offering_id,
        &s.provider,
        "payment_commitment",
        Some("300.00"),
    )
    .await;
    // ... and one without a reservation, with 900.00 delivered over the 30 days.
    let commitment = fixtures::accepted_commitment(
        &app,
        &s.client.user.token,
        &allocation,
        &s.offering_id,
        &s.provider,
        "payment_commitment",
        None,
    )
    .await;
    for (date, quantity, reference) in [(day(-5), "10", "RES-1"), (day(-1), "20", "RES-2")] {
        let reply = fixtures::deliver(
            &app,
            &s.provider,
            &commitment,
            &fixtures::delivery_body(&date, quantity, "30.00", reference),
        )
        .await;
        expect_status(&reply, 201, "a delivery");
    }
    let plan = s.plan(&app, &plan_id).await;
    let balance = &plan["allocation"]["balance"];
    assert_eq!(balance["spent"], "900.00", "{plan}");
    assert_eq!(balance["reserved"], "300.00", "{plan}");
    assert_eq!(balance["available"], "300.00", "{plan}");
    // 30.00 a day; what is left to spend is 300.00 available + 300.00 reserved (promised
    // to a provider, still the client's): 20 days, not the 10 that available alone gives.
    assert_eq!(plan["pace"]["monthly_average"], "913.13", "{plan}");
    assert_eq!(
        plan["pace"]["runs_out_on"],
        ymd(today().checked_add_days(Days::new(20)).unwrap()),
        "{plan}"
    );
}
db_test!(reserved_money_is_still_the_clients_and_counts_in_how_long_it_lasts);
