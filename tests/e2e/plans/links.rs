//! An order and the goals it serves are written together: a refused goal leaves no order,
//! no reservation and no email behind; a good one is linked with the order.
use serde_json::json;

use super::{Setting, add_goal};
use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of},
    fixtures::day,
};

/// The outbox rows of one kind, as the administrator lists them.
async fn emails_of(app: &TestApp, s: &Setting, kind: &str) -> usize {
    let reply = app
        .get("/api/v1/admin/emails?per_page=100", &s.admin.token)
        .await;
    expect_status(&reply, 200, "the outbox")["items"]
        .as_array()
        .map(|rows| rows.iter().filter(|r| r["kind"] == kind).count())
        .unwrap_or(0)
}

async fn an_order_with_a_bad_goal_reserves_nothing_and_an_order_with_a_good_one_is_linked(
    app: TestApp,
) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-10)).await);
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "10", "months": 3}),
    )
    .await;
    let goal = add_goal(
        &app,
        &s.client.user.token,
        &plan_id,
        &json!({"text": "Käyn kaupassa itse.", "area": "home"}),
    )
    .await;
    let goal_id = id_of(expect_status(&goal, 201, "a goal"));
    let decided = s.decide(&app, &plan_id, &day(0), &day(90)).await;
    let allocation = id_of(&decided);
    let requested_before = emails_of(&app, &s, "commitment_requested").await;

    // One good goal and one that does not exist: refused whole, with a reservation asked.
    let unknown = uuid::Uuid::now_v7().to_string();
    let reply = app
        .post(
            &format!("/api/v1/allocations/{allocation}/commitments"),
            &s.client.user.token,
            &json!({"offering_id": s.offering_id, "method": "payment_commitment",
                    "reserve": "100.00", "goal_ids": [goal_id, unknown]}),
        )
        .await;
    expect_error(&reply, 422, None, Some("goal_ids"), "an unknown goal");
    let plan = s.plan(&app, &plan_id).await;
    let balance = &plan["allocation"]["balance"];
    assert_eq!(balance["available"], "999.90", "nothing reserved: {plan}");
    assert_eq!(balance["reserved"], "0.00", "nothing reserved: {plan}");
    assert_eq!(
        plan["goals"][0]["commitments"],
        json!([]),
        "no link: {plan}"
    );
    let listed = app
        .get(
            &format!("/api/v1/allocations/{allocation}/commitments"),
            &s.client.user.token,
        )
        .await;
    assert_eq!(
        expect_status(&listed, 200, "commitments")["total"],
        0,
        "nothing ordered"
    );
    assert_eq!(
        emails_of(&app, &s, "commitment_requested").await,
        requested_before,
        "the provider was not told of an order that does not exist"
    );

    // The same order with the good goal only: placed, reserved and linked.
    let reply = app
        .post(
            &format!("/api/v1/allocations/{allocation}/commitments"),
            &s.client.user.token,
            &json!({"offering_id": s.offering_id, "method": "payment_commitment",
                    "reserve": "100.00", "goal_ids": [goal_id]}),
        )
        .await;
    let commitment = id_of(expect_status(&reply, 201, "an order for the goal"));
    let plan = s.plan(&app, &plan_id).await;
    assert_eq!(
        plan["allocation"]["balance"]["reserved"], "100.00",
        "{plan}"
    );
    let linked: Vec<String> = plan["goals"][0]["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(linked, vec![commitment], "{plan}");
}
db_test!(an_order_with_a_bad_goal_reserves_nothing_and_an_order_with_a_good_one_is_linked);
