//! The case worker writes into a plan with the client (issue #17): answers (only those she
//! changed, so the client's newer answer is kept), goals and evaluations, each recorded as
//! written by a case worker; refusals name the field.
use serde_json::json;

use super::plans_staff_http::plan_and_worker;
use crate::{
    harness::{
        TestApp,
        client::{expect_status, id_of},
    },
    plans::put_answers,
};

async fn the_case_worker_writes_answers_goals_and_evaluations(app: TestApp) {
    let (s, plan, worker) = plan_and_worker(&app).await;
    // The client wrote one answer; the case worker's page shows it.
    let reply = put_answers(
        &app,
        &s.client.user.token,
        &plan,
        json!({"what_matters": "Koira"}),
    )
    .await;
    expect_status(&reply, 200, "the client answers");
    let (_, page) = worker.get(&app, &format!("/purchaser/plans/{plan}")).await;
    assert!(page.contains("Koira"), "{page}");
    // Meanwhile the client changes her answer; the case worker's form still shows the old
    // one and she writes another question: the client's newer answer is kept.
    let reply = put_answers(
        &app,
        &s.client.user.token,
        &plan,
        json!({"what_matters": "Koira ja kissa"}),
    )
    .await;
    expect_status(&reply, 200, "the client changes her answer");
    let answers = format!("/purchaser/plans/{plan}/answers");
    let typed = [
        ("what_matters", "Koira"),
        ("was-what_matters", "Koira"),
        ("strengths", "Hyvä muisti"),
        ("was-strengths", ""),
    ];
    let (status, html) = worker.post(&app, &answers, &typed, true).await;
    assert_eq!(status, 303, "{html}");
    let body = s.plan(&app, &plan).await;
    let written: Vec<(String, String, String)> = body["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["key"].as_str().unwrap().to_owned(),
                a["text"].as_str().unwrap().to_owned(),
                a["written_by"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        written,
        vec![
            (
                "what_matters".into(),
                "Koira ja kissa".into(),
                "client".into()
            ),
            (
                "strengths".into(),
                "Hyvä muisti".into(),
                "case_worker".into()
            ),
        ],
        "{body}"
    );
    // Nothing changed: refused, naming the answers, and nothing written.
    let (status, html) = worker.post(&app, &answers, &typed[..2], true).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"answer-what_matters-error\""), "{html}");

    let goals = format!("/purchaser/plans/{plan}/goals");
    let goal = [
        ("area", "leisure"),
        ("text", "Uimaan kerran viikossa"),
        ("target_date", ""),
    ];
    let (status, html) = worker.post(&app, &goals, &goal, true).await;
    assert_eq!(status, 303, "{html}");
    let body = s.plan(&app, &plan).await;
    let goal_id = id_of(&body["goals"][0]);
    assert_eq!(body["goals"][0]["written_by"], "case_worker", "{body}");
    let evaluate = format!("/purchaser/plans/{plan}/goals/{goal_id}/evaluations");
    let (status, html) = worker
        .post(
            &app,
            &evaluate,
            &[("progress", "6"), ("note", "Hyvin")],
            true,
        )
        .await;
    assert_eq!(status, 200, "progress 6: {html}");
    assert!(
        html.contains(&format!("id=\"progress-{goal_id}-error\"")),
        "{html}"
    );
    let (status, html) = worker
        .post(
            &app,
            &evaluate,
            &[("progress", "4"), ("note", "Käy uimassa")],
            true,
        )
        .await;
    assert_eq!(status, 303, "{html}");
    let body = s.plan(&app, &plan).await;
    let evaluations = &body["goals"][0]["evaluations"];
    assert_eq!(evaluations.as_array().unwrap().len(), 1, "{body}");
    assert_eq!(evaluations[0]["progress"], 4, "{body}");
    assert_eq!(evaluations[0]["written_by"], "case_worker", "{body}");
    let (_, page) = worker.get(&app, &format!("/purchaser/plans/{plan}")).await;
    assert!(
        page.contains("Uimaan kerran viikossa") && page.contains("Käy uimassa"),
        "{page}"
    );
}
db_test!(the_case_worker_writes_answers_goals_and_evaluations);
