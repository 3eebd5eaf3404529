//! Bad input is refused with the field named, and changes nothing.
use serde_json::json;

use super::{Setting, add_goal, add_line, evaluate, priced_service, put_answers};
use crate::harness::{
    TestApp,
    client::{Checks, expect_status, id_of},
    fixtures::day,
};

async fn bad_input_is_refused_naming_the_field_and_changes_nothing(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-3)).await);
    let token = s.client.user.token.clone();
    let reply = put_answers(&app, &token, &plan_id, json!({"what_matters": "Koti."})).await;
    expect_status(&reply, 200, "a good answer");
    let reply = add_goal(
        &app,
        &token,
        &plan_id,
        &json!({"text": "Oma koti.", "area": "home"}),
    )
    .await;
    let goal_id = id_of(expect_status(&reply, 201, "a goal"));
    let before = s.plan(&app, &plan_id).await;

    let mut checks = Checks::default();
    let reply = put_answers(
        &app,
        &token,
        &plan_id,
        json!({"what_matters": "Muutettu.", "favourite_colour": "sininen"}),
    )
    .await;
    checks.error(
        &reply,
        422,
        None,
        Some("answers"),
        "an unknown question key",
    );
    let reply = put_answers(&app, &token, &plan_id, json!({})).await;
    checks.error(&reply, 422, None, Some("answers"), "no answers");
    for progress in [0, 6, -1] {
        let reply = evaluate(
            &app,
            &token,
            &goal_id,
            &json!({"progress": progress, "note": "x"}),
        )
        .await;
        checks.error(
            &reply,
            422,
            None,
            Some("progress"),
            &format!("progress {progress}"),
        );
    }
    let reply = add_goal(
        &app,
        &token,
        &plan_id,
        &json!({"text": "x", "area": "space"}),
    )
    .await;
    checks.error(&reply, 422, None, Some("area"), "an unknown life area");
    let reply = add_goal(
        &app,
        &token,
        &plan_id,
        &json!({"text": "  ", "area": "home"}),
    )
    .await;
    checks.error(&reply, 422, None, Some("text"), "an empty goal");
    let reply = add_goal(
        &app,
        &token,
        &plan_id,
        &json!({"text": "x", "area": "home", "target_date": "31.1.2027"}),
    )
    .await;
    checks.error(
        &reply,
        422,
        None,
        Some("target_date"),
        "a date not in ISO form",
    );

    let cw = s.case_worker();
    let line = |quantity: serde_json::Value, months: i64| json!({"service_id": s.service_id, "quantity_per_month": quantity, "months": months});
    for quantity in [json!("-1"), json!(0), json!("abc"), json!("1.0001")] {
        let reply = add_line(&app, cw, &plan_id, &line(quantity.clone(), 12)).await;
        checks.error(
            &reply,
            422,
            None,
            Some("quantity_per_month"),
            &format!("quantity {quantity}"),
        );
    }
    for months in [0, 61, -3] {
        let reply = add_line(&app, cw, &plan_id, &line(json!("1"), months)).await;
        checks.error(
            &reply,
            422,
            None,
            Some("months"),
            &format!("{months} months"),
        );
    }
    let mut priced = line(json!("1"), 1);
    priced["unit_price"] = json!("-5.00");
    let reply = add_line(&app, cw, &plan_id, &priced).await;
    checks.error(
        &reply,
        422,
        None,
        Some("unit_price"),
        "a negative unit price",
    );
    let unpriced = priced_service(&app, &s.purchaser, None).await;
    let reply = add_line(
        &app,
        cw,
        &plan_id,
        &json!({"service_id": unpriced, "quantity_per_month": "1", "months": 1}),
    )
    .await;
    checks.error(
        &reply,
        422,
        None,
        Some("unit_price"),
        "no price and no reference price",
    );
    // A decision of nothing: the estimate is zero.
    let reply = super::decide(&app, cw, &plan_id, &super::decision_body(&day(0), &day(30))).await;
    checks.error(
        &reply,
        422,
        None,
        Some("granted"),
        "deciding an unpriced plan",
    );
    checks.finish();

    let after = s.plan(&app, &plan_id).await;
    for field in [
        "answers",
        "answer_history",
        "goals",
        "budget_lines",
        "estimate",
        "status",
    ] {
        assert_eq!(after[field], before[field], "{field} unchanged");
    }
}
db_test!(bad_input_is_refused_naming_the_field_and_changes_nothing);

async fn a_second_decision_and_a_foreign_goal_are_refused_and_change_nothing(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-3)).await);
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "2", "months": 6}),
    )
    .await;
    let decided = s.decide(&app, &plan_id, &day(0), &day(180)).await;
    let allocation = id_of(&decided);

    let reply = s.decide_reply(&app, &plan_id).await;
    crate::harness::client::expect_error(
        &reply,
        409,
        Some("already_decided"),
        None,
        "deciding twice",
    );
    let listed = app
        .get(
            &format!("/api/v1/clients/{}/allocations", s.client.id),
            s.case_worker(),
        )
        .await;
    assert_eq!(
        expect_status(&listed, 200, "allocations")["total"],
        1,
        "one allocation"
    );
    let reply = add_line(
        &app,
        s.case_worker(),
        &plan_id,
        &json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1}),
    )
    .await;
    crate::harness::client::expect_error(
        &reply,
        409,
        Some("wrong_status"),
        None,
        "pricing a decided plan",
    );

    // A goal of another plan of the same client is not a goal of this allocation's plan.
    let other_plan = id_of(&s.open_plan(&app, &day(0)).await);
    let reply = add_goal(
        &app,
        &s.client.user.token,
        &other_plan,
        &json!({"text": "Muu.", "area": "work"}),
    )
    .await;
    let foreign = id_of(expect_status(&reply, 201, "a goal of another plan"));
    let reply = app
        .post(
            &format!("/api/v1/allocations/{allocation}/commitments"),
            &s.client.user.token,
            &json!({"offering_id": s.offering_id, "method": "payment_commitment", "goal_ids": [foreign]}),
        )
        .await;
    crate::harness::client::expect_error(&reply, 422, None, Some("goal_ids"), "a foreign goal");
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
}
db_test!(a_second_decision_and_a_foreign_goal_are_refused_and_change_nothing);
