//! Who may see and write a plan: the client, her proxy and her purchaser's case workers;
//! not another purchaser's staff, not a provider. Every read is audited.
use serde_json::json;

use super::{Setting, add_goal, add_line, put_answers};
use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of},
    fixtures::{self, day},
};

async fn only_the_client_her_proxy_and_her_case_workers_reach_a_plan(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan_id = id_of(&s.open_plan(&app, &day(-1)).await);
    let path = format!("/api/v1/plans/{plan_id}");

    for (who, token) in [
        ("the client", &s.client.user.token),
        ("her proxy", &s.proxy.token),
        ("her case worker", &s.purchaser.case_worker.token),
    ] {
        let reply = app.get(&path, token).await;
        let body = expect_status(&reply, 200, who);
        assert_eq!(body["id"], plan_id.as_str(), "{who}: {body}");
        let reply = put_answers(
            &app,
            token,
            &plan_id,
            json!({"strengths": format!("{who} kirjoitti")}),
        )
        .await;
        expect_status(&reply, 200, who);
    }

    let other = fixtures::purchaser(&app, &s.admin).await;
    for (who, token) in [
        ("another purchaser's case worker", &other.case_worker.token),
        ("a provider", &s.provider.staff.token),
        (
            "this purchaser's finance officer",
            &s.purchaser.finance.token,
        ),
    ] {
        expect_error(
            &app.get(&path, token).await,
            404,
            Some("not_found"),
            None,
            who,
        );
        let reply = put_answers(&app, token, &plan_id, json!({"strengths": "ei saa"})).await;
        expect_error(&reply, 404, Some("not_found"), None, who);
        let reply = add_goal(&app, token, &plan_id, &json!({"text": "x", "area": "home"})).await;
        expect_error(&reply, 404, Some("not_found"), None, who);
    }
    let reply = super::open_plan(&app, &other.case_worker.token, &s.client.id, &day(0)).await;
    expect_error(
        &reply,
        404,
        Some("not_found"),
        None,
        "another purchaser opens a plan",
    );

    // The client side writes her plan but neither prices nor decides it.
    let line = json!({"service_id": s.service_id, "quantity_per_month": "1", "months": 1});
    for token in [&s.client.user.token, &s.proxy.token] {
        expect_error(
            &add_line(&app, token, &plan_id, &line).await,
            403,
            Some("forbidden"),
            None,
            "client side prices",
        );
        let reply = super::decide(
            &app,
            token,
            &plan_id,
            &super::decision_body(&day(0), &day(30)),
        )
        .await;
        expect_error(&reply, 403, Some("forbidden"), None, "client side decides");
        let reply = super::open_plan(&app, token, &s.client.id, &day(0)).await;
        expect_error(
            &reply,
            403,
            Some("forbidden"),
            None,
            "client side opens a plan",
        );
    }

    let plan = s.plan(&app, &plan_id).await;
    let strengths: Vec<&str> = plan["answer_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["written_by"].as_str().unwrap())
        .collect();
    assert_eq!(strengths, vec!["client", "proxy", "case_worker"], "{plan}");

    let reads = app
        .sql_texts(&format!(
            "SELECT u.email FROM audit_log a JOIN users u ON u.id = a.actor_user_id \
             WHERE a.subject_type = 'plan' AND a.subject_id = '{plan_id}' \
             AND a.action = 'plan_read'"
        ))
        .await;
    for (who, user) in [
        ("the client", &s.client.user.email),
        ("the proxy", &s.proxy.email),
        ("the case worker", &s.purchaser.case_worker.email),
    ] {
        assert!(
            reads.iter().any(|r| r == user),
            "{who}'s read of the plan is audited: {reads:?}"
        );
    }
}
db_test!(only_the_client_her_proxy_and_her_case_workers_reach_a_plan);
