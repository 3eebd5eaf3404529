//! Ending a plan with a reason: a draft is cancelled, a decided plan closed, by the case
//! worker only; the plan then shows why, who and when, takes no more writing, and leaves the
//! open caseload. Bad reasons and wrong statuses change nothing.
use serde_json::{Value, json};

use super::{Setting, add_goal, add_line, evaluate, put_answers};
use crate::harness::{
    TestApp,
    client::{Reply, expect_error, expect_status, id_of},
    fixtures::day,
};

async fn end(app: &TestApp, token: &str, plan: &str, how: &str, body: &Value) -> Reply {
    app.post(&format!("/api/v1/plans/{plan}/{how}"), token, body)
        .await
}

async fn open_list(app: &TestApp, s: &Setting) -> Vec<String> {
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{}/plans?status=open", s.purchaser.id),
            s.case_worker(),
        )
        .await;
    expect_status(&reply, 200, "the open caseload")["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn a_draft_is_cancelled_with_a_reason_and_takes_no_more_writing(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-5)).await);
    let reply = add_goal(
        &app,
        &s.client.user.token,
        &plan_id,
        &json!({"text": "Oma koti.", "area": "home"}),
    )
    .await;
    let goal_id = id_of(expect_status(&reply, 201, "a goal"));
    assert!(open_list(&app, &s).await.contains(&plan_id));
    let before = s.plan(&app, &plan_id).await;

    // Who may not, and what may not be sent: each refused, nothing changed.
    let reason = json!({"reason": "Asiakas muutti toiselle alueelle."});
    for (token, status, who) in [
        (s.client.user.token.as_str(), 403, "the client"),
        (s.proxy.token.as_str(), 403, "the proxy"),
        (s.provider.staff.token.as_str(), 404, "a provider"),
        (s.purchaser.finance.token.as_str(), 404, "finance staff"),
    ] {
        let reply = end(&app, token, &plan_id, "cancel", &reason).await;
        assert_eq!(reply.0, status, "{who} cancels: {reply:?}");
    }
    for (body, what) in [
        (json!({"reason": "   "}), "a blank reason"),
        (json!({"reason": "x".repeat(2001)}), "a reason too long"),
        (json!({}), "no reason"),
    ] {
        let reply = end(&app, s.case_worker(), &plan_id, "cancel", &body).await;
        expect_error(&reply, 422, None, Some("reason"), what);
    }
    let reply = end(&app, s.case_worker(), &plan_id, "close", &reason).await;
    expect_error(&reply, 409, Some("wrong_status"), None, "closing a draft");
    let unchanged = s.plan(&app, &plan_id).await;
    assert_eq!(unchanged["status"], "draft", "{unchanged}");
    assert_eq!(unchanged["updated_at"], before["updated_at"], "{unchanged}");

    // The case worker cancels it: status, reason, who and when.
    let reply = end(&app, s.case_worker(), &plan_id, "cancel", &reason).await;
    let cancelled = expect_status(&reply, 200, "cancel the draft").clone();
    assert_eq!(cancelled["status"], "cancelled", "{cancelled}");
    assert_eq!(
        cancelled["status_reason"], "Asiakas muutti toiselle alueelle.",
        "{cancelled}"
    );
    assert_eq!(
        cancelled["status_changed_by"],
        s.purchaser.case_worker.id.as_str()
    );
    assert!(
        cancelled["status_changed_by_name"].is_string(),
        "{cancelled}"
    );
    assert!(cancelled["status_changed_at"].is_string(), "{cancelled}");
    // The client reads the same.
    let reply = app
        .get(&format!("/api/v1/plans/{plan_id}"), &s.client.user.token)
        .await;
    let hers = expect_status(&reply, 200, "the client reads her plan");
    assert_eq!(hers["status_reason"], cancelled["status_reason"], "{hers}");
    assert!(!open_list(&app, &s).await.contains(&plan_id));

    // Read-only now: answers, goals, evaluations, budget lines, the decision; and again.
    let token = s.client.user.token.clone();
    let refused = [
        (
            put_answers(&app, &token, &plan_id, json!({"what_matters": "Koti."})).await,
            "an answer",
        ),
        (
            add_goal(
                &app,
                &token,
                &plan_id,
                &json!({"text": "Uusi.", "area": "work"}),
            )
            .await,
            "a goal",
        ),
        (
            evaluate(&app, &token, &goal_id, &json!({"progress": 3, "note": ""})).await,
            "an evaluation",
        ),
        (
            add_line(
                &app,
                s.case_worker(),
                &plan_id,
                &json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1}),
            )
            .await,
            "a budget line",
        ),
        (s.decide_reply(&app, &plan_id).await, "a decision"),
        (
            end(&app, s.case_worker(), &plan_id, "cancel", &reason).await,
            "cancelling again",
        ),
    ];
    for (reply, what) in refused {
        assert_eq!(reply.0, 409, "{what} on a cancelled plan: {reply:?}");
    }
    let after = s.plan(&app, &plan_id).await;
    assert_eq!(after["goals"][0]["evaluations"], json!([]), "{after}");
    assert_eq!(after["answers"], json!([]), "{after}");
    assert_eq!(after["budget_lines"], json!([]), "{after}");
}
db_test!(a_draft_is_cancelled_with_a_reason_and_takes_no_more_writing);

async fn a_decided_plan_is_closed_and_keeps_its_money(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-5)).await);
    s.line(
        &app,
        &plan_id,
        json!({"service_id": s.service_id, "quantity_per_month": "2", "months": 3}),
    )
    .await;
    let reply = super::decide(
        &app,
        s.case_worker(),
        &plan_id,
        &super::decision_body(&day(0), &day(90)),
    )
    .await;
    expect_status(&reply, 201, "decide");
    let reason = json!({"reason": "Tavoitteet saavutettu, seuranta päättyy."});
    let reply = end(&app, s.case_worker(), &plan_id, "cancel", &reason).await;
    expect_error(
        &reply,
        409,
        Some("wrong_status"),
        None,
        "cancelling a decided plan",
    );

    let reply = end(&app, s.case_worker(), &plan_id, "close", &reason).await;
    let closed = expect_status(&reply, 200, "close the decided plan").clone();
    assert_eq!(closed["status"], "closed", "{closed}");
    assert_eq!(
        closed["status_reason"], "Tavoitteet saavutettu, seuranta päättyy.",
        "{closed}"
    );
    // The decision and its money stay.
    assert_eq!(
        closed["allocation"]["balance"]["available"], "199.98",
        "{closed}"
    );
    assert!(closed["decision_number"].is_string(), "{closed}");
    let reply = add_goal(
        &app,
        &s.proxy.token,
        &plan_id,
        &json!({"text": "Uusi.", "area": "work"}),
    )
    .await;
    expect_error(
        &reply,
        409,
        Some("wrong_status"),
        None,
        "a goal on a closed plan",
    );
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{}/plans?status=decided", s.purchaser.id),
            s.case_worker(),
        )
        .await;
    let decided = expect_status(&reply, 200, "decided caseload");
    assert_eq!(
        decided["total"], 0,
        "a closed plan is no longer decided: {decided}"
    );
}
db_test!(a_decided_plan_is_closed_and_keeps_its_money);
