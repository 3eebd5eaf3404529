//! The pilots' process end to end: a need, the support plan in the client's words, goals,
//! the budget, the decision, an order for a goal, and the goal's evaluation.
use serde_json::json;

use super::{Setting, add_goal, evaluate, put_answers};
use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of, str_field},
    fixtures::day,
};

async fn a_need_becomes_a_decision_and_a_followed_goal(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan = s.open_plan(&app, &day(-10)).await;
    let plan_id = id_of(&plan);
    assert_eq!(plan["status"], "draft", "{plan}");
    assert_eq!(plan["client_id"], s.client.id.as_str(), "{plan}");
    assert_eq!(plan["estimate"], "0.00", "{plan}");

    // The proxy writes with the client, the client goes on another day.
    let reply = put_answers(
        &app,
        &s.proxy.token,
        &plan_id,
        json!({"what_matters": "Oma koti ja taide.", "who_supports_me": "Äiti ja ohjaaja."}),
    )
    .await;
    expect_status(&reply, 200, "the proxy answers");
    let reply = put_answers(
        &app,
        &s.client.user.token,
        &plan_id,
        json!({"learn_in_free_time": "Japanin kieli ja taidekurssi."}),
    )
    .await;
    let body = expect_status(&reply, 200, "the client answers");
    assert_eq!(body["answers"].as_array().unwrap().len(), 3, "{body}");

    let reply = add_goal(
        &app,
        &s.client.user.token,
        &plan_id,
        &json!({"text": "Käyn taidekurssilla joka viikko.", "area": "leisure", "target_date": day(120)}),
    )
    .await;
    let goal = expect_status(&reply, 201, "the client sets a goal").clone();
    let goal_id = id_of(&goal);
    assert_eq!(goal["written_by"], "client", "{goal}");

    // 7.5 hours a month for 12 months at the reference price 33.33.
    let line = s
        .line(
            &app,
            &plan_id,
            json!({"service_id": s.service_id, "quantity_per_month": "7.5", "months": 12}),
        )
        .await;
    assert_eq!(line["unit_price"], "33.33", "{line}");
    assert_eq!(line["amount"], "2999.70", "{line}");
    assert_eq!(line["median_offering_price"], "30.00", "{line}");

    let decided = s.decide(&app, &plan_id, &day(0), &day(364)).await;
    assert_eq!(decided["plan_id"], plan_id.as_str(), "{decided}");
    assert_eq!(
        decided["granted"], "2999.70",
        "the estimate is granted: {decided}"
    );
    assert_eq!(decided["service_ids"], json!([s.service_id]), "{decided}");
    assert_eq!(decided["balance"]["available"], "2999.70", "{decided}");
    let number = str_field(&decided, "decision_number");
    for (lang, words) in [
        ("fi", ["Kotihoito", "oikaisuvaatimus", "30 päivän"]),
        ("sv", ["Hemvård", "omprövningsyrkande", "30 dagar"]),
        ("en", ["Home care", "appeal", "30 days"]),
    ] {
        let text = decided["decision_text"][lang].as_str().unwrap_or_default();
        assert!(text.contains(&number), "{lang} names the decision: {text}");
        for word in words {
            assert!(
                text.contains(word),
                "{lang} names the service and how to appeal ({word}): {text}"
            );
        }
    }
    let again = s.decide_reply(&app, &plan_id).await;
    expect_error(&again, 409, Some("already_decided"), None, "deciding twice");

    // The client orders for her goal; the provider accepts.
    let allocation = str_field(&decided, "id");
    let reply = app
        .post(
            &format!("/api/v1/allocations/{allocation}/commitments"),
            &s.client.user.token,
            &json!({"offering_id": s.offering_id, "method": "payment_commitment", "goal_ids": [goal_id]}),
        )
        .await;
    let commitment = id_of(expect_status(&reply, 201, "an order for the goal"));

    let reply = evaluate(
        &app,
        &s.proxy.token,
        &goal_id,
        &json!({"progress": 4, "note": "Hyvin menee."}),
    )
    .await;
    let evaluation = expect_status(&reply, 201, "the proxy evaluates the goal");
    assert_eq!(evaluation["written_by"], "proxy", "{evaluation}");

    let reply = app
        .get(&format!("/api/v1/plans/{plan_id}"), &s.client.user.token)
        .await;
    let read = expect_status(&reply, 200, "the client reads her plan");
    assert_eq!(read["status"], "decided", "{read}");
    assert_eq!(read["allocation_id"], allocation.as_str(), "{read}");
    assert_eq!(read["decision_number"], number.as_str(), "{read}");
    assert_eq!(
        read["allocation"]["balance"]["granted"], "2999.70",
        "{read}"
    );
    assert_eq!(
        read["pace"]["monthly_average"], "0.00",
        "nothing spent yet: {read}"
    );
    let goal = &read["goals"][0];
    assert_eq!(goal["commitments"][0]["id"], commitment.as_str(), "{read}");
    assert_eq!(goal["evaluations"][0]["progress"], 4, "{read}");
    assert_eq!(goal["evaluations"][0]["note"], "Hyvin menee.", "{read}");
}
db_test!(a_need_becomes_a_decision_and_a_followed_goal);

async fn the_answer_history_keeps_who_wrote_what(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(0)).await);
    for (token, text) in [
        (&s.proxy.token, "Äidin mukaan: ystävät."),
        (&s.client.user.token, "Ystävät ja oma rauha."),
        (
            &s.purchaser.case_worker.token,
            "Ystävät, oma rauha ja taide.",
        ),
    ] {
        let reply = put_answers(&app, token, &plan_id, json!({"what_matters": text})).await;
        expect_status(&reply, 200, "an answer");
    }
    let plan = s.plan(&app, &plan_id).await;
    let history: Vec<(String, String, String)> = plan["answer_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                str_field(a, "text"),
                str_field(a, "written_by"),
                str_field(a, "written_by_user"),
            )
        })
        .collect();
    assert_eq!(
        history,
        vec![
            (
                "Äidin mukaan: ystävät.".into(),
                "proxy".into(),
                s.proxy.id.clone()
            ),
            (
                "Ystävät ja oma rauha.".into(),
                "client".into(),
                s.client.user.id.clone()
            ),
            (
                "Ystävät, oma rauha ja taide.".into(),
                "case_worker".into(),
                s.purchaser.case_worker.id.clone()
            ),
        ]
    );
    let current = &plan["answers"];
    assert_eq!(current.as_array().unwrap().len(), 1, "{plan}");
    assert_eq!(current[0]["text"], "Ystävät, oma rauha ja taide.", "{plan}");
    assert_eq!(current[0]["written_by"], "case_worker", "{plan}");
}
db_test!(the_answer_history_keeps_who_wrote_what);
