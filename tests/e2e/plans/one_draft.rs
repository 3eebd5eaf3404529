//! A client has one draft plan at a time: opening again — a double submit of the form, or a
//! second case worker — points to the draft there is and starts no second one; once that
//! draft is cancelled (or decided), a new plan can be opened.
use serde_json::json;

use super::{Setting, open_plan};
use crate::harness::{
    TestApp,
    client::{expect_error, expect_status, id_of},
    fixtures::day,
    form_session::FormSession,
};

/// The client's plans as her case worker lists them.
async fn plans_of_client(app: &TestApp, s: &Setting) -> Vec<(String, String)> {
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{}/plans", s.purchaser.id),
            s.case_worker(),
        )
        .await;
    expect_status(&reply, 200, "the caseload")["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|p| p["client_id"] == s.client.id.as_str())
        .map(|p| {
            (
                p["id"].as_str().unwrap_or_default().to_owned(),
                p["status"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Posts the portal's "open a plan" form; returns the status and where it redirects.
async fn submit_open_form(app: &TestApp, worker: &FormSession, client: &str) -> (u16, String) {
    let path = format!("/purchaser/clients/{client}/plans");
    worker
        .post_for_location(app, &path, &[("need_identified_on", day(-2).as_str())])
        .await
}

async fn a_second_open_points_to_the_draft_and_starts_none(app: TestApp) {
    let s = Setting::build(&app).await;
    let worker = FormSession::new(&app, Some(s.case_worker())).await;

    // The form sent twice, as a double click does: both land on the same draft.
    let (status, first) = submit_open_form(&app, &worker, &s.client.id).await;
    assert_eq!(status, 303, "{first}");
    assert!(first.contains("done=plan-staff-opened"), "{first}");
    let (status, second) = submit_open_form(&app, &worker, &s.client.id).await;
    assert_eq!(status, 303, "{second}");
    assert!(second.contains("done=plan-staff-draft-exists"), "{second}");
    let draft = first
        .trim_start_matches("/purchaser/plans/")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        second.starts_with(&format!("/purchaser/plans/{draft}?")),
        "{second}"
    );
    let (status, html) = worker.get(&app, &second).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("jo keskeneräinen suunnitelma"),
        "the notice says why: {html}"
    );
    assert_eq!(
        plans_of_client(&app, &s).await,
        vec![(draft.clone(), "draft".to_owned())]
    );

    // The client's page offers to continue the draft, not to start another.
    let client_page = format!("/purchaser/clients/{}", s.client.id);
    let (status, html) = worker.get(&app, &client_page).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&format!(
            "href=\"/purchaser/plans/{draft}\">Jatka keskeneräistä"
        )),
        "{html}"
    );
    assert!(!html.contains("Aloita uusi suunnitelma"), "{html}");

    // The API refuses a second open with the draft's id, and writes nothing.
    let reply = open_plan(&app, s.case_worker(), &s.client.id, &day(-1)).await;
    expect_error(
        &reply,
        409,
        Some("plan_draft_exists"),
        None,
        "a second draft",
    );
    assert!(
        reply.1.to_string().contains(&draft),
        "the draft is named: {reply:?}"
    );
    assert_eq!(plans_of_client(&app, &s).await.len(), 1);

    // Several at the same moment: exactly one more draft after the first is cancelled.
    let reply = app
        .post(
            &format!("/api/v1/plans/{draft}/cancel"),
            s.case_worker(),
            &json!({"reason": "Aloitetaan alusta."}),
        )
        .await;
    expect_status(&reply, 200, "cancel the draft");
    let (_, html) = worker.get(&app, &client_page).await;
    assert!(html.contains("Aloita uusi suunnitelma"), "{html}");
    let today = day(0);
    let opens = (0..6).map(|_| open_plan(&app, s.case_worker(), &s.client.id, &today));
    let replies = futures::future::join_all(opens).await;
    let created: Vec<_> = replies.iter().filter(|r| r.0 == 201).collect();
    assert_eq!(created.len(), 1, "{replies:?}");
    for reply in replies.iter().filter(|r| r.0 != 201) {
        expect_error(reply, 409, Some("plan_draft_exists"), None, "a racing open");
    }
    let new_draft = id_of(&created[0].1);
    let mut plans = plans_of_client(&app, &s).await;
    plans.sort_by_key(|(_, status)| status.clone());
    assert_eq!(
        plans,
        vec![
            (draft, "cancelled".to_owned()),
            (new_draft, "draft".to_owned())
        ]
    );
}
db_test!(a_second_open_points_to_the_draft_and_starts_none);
