//! The client's plan pages over plain HTTP: who gets a 404 (a provider, another
//! purchaser's case worker) on `/my/plans/{id}` and `/plans/{id}/decision`, that reading the
//! page is audited, that only changed answers are written, and that a refused form keeps
//! what was typed and names the field.
use serde_json::json;

use crate::{
    harness::{
        TestApp,
        client::{expect_status, id_of},
        fixtures::{self, day},
        form_session::FormSession,
    },
    plans::{Setting, put_answers},
};

/// The number of audited reads of the plan by the user with `email`.
async fn plan_reads(app: &TestApp, plan: &str, email: &str) -> usize {
    app.sql_texts(&format!(
        "SELECT a.action FROM audit_log a JOIN users u ON u.id = a.actor_user_id \
         WHERE a.subject_type = 'plan' AND a.subject_id = '{plan}' \
         AND a.action = 'plan_read' AND u.email = '{email}'"
    ))
    .await
    .len()
}

async fn plan_pages_are_the_clients_and_her_case_workers_only(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan = id_of(&s.open_plan(&app, &day(-5)).await);
    s.line(
        &app,
        &plan,
        json!({"service_id": s.service_id, "quantity_per_month": "2", "months": 6}),
    )
    .await;
    let decided = s.decide(&app, &plan, &day(0), &day(180)).await;
    let number = decided["decision_number"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mine = format!("/my/plans/{plan}");
    let decision = format!("/plans/{plan}/decision");

    let other = fixtures::purchaser(&app, &s.admin).await;
    for (who, token) in [
        ("a provider", &s.provider.staff.token),
        ("another purchaser's case worker", &other.case_worker.token),
    ] {
        let web = FormSession::new(&app, Some(token)).await;
        for path in [&mine, &decision] {
            let (status, body) = web.get(&app, path).await;
            assert_eq!(status, 404, "{who} on {path}: {body}");
            assert!(!body.contains(&number), "{who} sees nothing of it");
        }
    }

    // The client reads her plan: the read is audited.
    let before = plan_reads(&app, &plan, &s.client.user.email).await;
    let web = FormSession::new(&app, Some(&s.client.user.token)).await;
    let (status, body) = web.get(&app, &mine).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(&s.client.name), "the page names the client");
    assert!(body.contains(&decision), "the plan links its decision");
    assert_eq!(
        plan_reads(&app, &plan, &s.client.user.email).await,
        before + 1,
        "reading the page is an audited read of the plan"
    );
    let (status, body) = web.get(&app, &decision).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(&number) && body.contains("oikaisuvaatimus"),
        "{body}"
    );

    // Her proxy and her case worker read the decision too.
    for (who, token) in [
        ("proxy", s.proxy.token.as_str()),
        ("case worker", s.case_worker()),
    ] {
        let web = FormSession::new(&app, Some(token)).await;
        let (status, body) = web.get(&app, &decision).await;
        assert_eq!(status, 200, "{who}: {body}");
        assert!(body.contains(&s.client.name), "{who}: the client is named");
    }
    let web = FormSession::new(&app, Some(&s.proxy.token)).await;
    assert_eq!(
        web.get(&app, &mine).await.0,
        200,
        "the proxy reads the plan"
    );
    let web = FormSession::new(&app, Some(s.case_worker())).await;
    assert_eq!(
        web.get(&app, &mine).await.0,
        404,
        "the client's pages are the client side's; the case worker has her own"
    );
}
db_test!(plan_pages_are_the_clients_and_her_case_workers_only);

/// The answers' history, as the case worker reads it through the API.
async fn history_len(app: &TestApp, s: &Setting, plan: &str) -> usize {
    s.plan(app, plan).await["answer_history"]
        .as_array()
        .map_or(0, Vec::len)
}

async fn the_support_plan_form_writes_only_what_changed_and_keeps_a_refused_text(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan = id_of(&s.open_plan(&app, &day(0)).await);
    let reply = put_answers(
        &app,
        s.case_worker(),
        &plan,
        json!({"strengths": "Sinnikäs."}),
    )
    .await;
    expect_status(&reply, 200, "the case worker answers one");
    let web = FormSession::new(&app, Some(&s.client.user.token)).await;
    let path = format!("/my/plans/{plan}/answers");

    let (status, body) = web.get(&app, &path).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("Sinnikäs."),
        "the current answer is in its box"
    );

    // Her own answer, the case worker's kept as it was.
    let fields = [("what_matters", "Oma koti."), ("strengths", "Sinnikäs.")];
    let (status, body) = web.post(&app, &path, &fields, true).await;
    assert_eq!(status, 303, "saved and sent back to the plan: {body}");
    assert_eq!(
        history_len(&app, &s, &plan).await,
        2,
        "one new version only"
    );
    let (status, _) = web.post(&app, &path, &fields, true).await;
    assert_eq!(status, 303);
    assert_eq!(
        history_len(&app, &s, &plan).await,
        2,
        "nothing changed, nothing written"
    );

    // Too long: nothing is written, the form comes back with both texts and the error at
    // the question.
    let long = "a".repeat(4001);
    let fields = [
        ("what_matters", "Oma koti ja taide."),
        ("risks", long.as_str()),
    ];
    let (status, body) = web.post(&app, &path, &fields, true).await;
    assert_eq!(status, 200, "the form again");
    assert!(
        body.contains("Oma koti ja taide."),
        "the typed text is kept"
    );
    assert!(
        body.contains(&long),
        "the long text is kept to be shortened"
    );
    assert!(
        body.contains("id=\"risks-error\"") && body.contains("href=\"#risks\""),
        "the error is at the question and in the summary"
    );
    assert_eq!(history_len(&app, &s, &plan).await, 2, "nothing was written");

    // Every question filled to the brim with letters that take many bytes (far past the
    // portal's usual form size): still the form again, with the long answer named.
    let full = "ä".repeat(4000);
    let over = "ö".repeat(4001);
    let keys = [
        "what_matters",
        "what_works_now",
        "what_to_change",
        "learn_at_home",
        "learn_at_work_or_school",
        "learn_in_free_time",
        "strengths",
        "how_i_decide",
        "who_supports_me",
    ];
    let mut fields: Vec<(&str, &str)> = keys.iter().map(|k| (*k, full.as_str())).collect();
    fields.push(("risks", over.as_str()));
    let (status, body) = web.post(&app, &path, &fields, true).await;
    assert_eq!(status, 200, "the form again, not refused whole");
    assert!(body.contains("id=\"risks-error\"") && body.contains(&over) && body.contains(&full));
    assert_eq!(history_len(&app, &s, &plan).await, 2, "nothing was written");

    // A goal without an area, an evaluation without progress: named, kept, nothing added.
    let goals = format!("/my/plans/{plan}/goals/new");
    let (status, body) = web
        .post(
            &app,
            &goals,
            &[("text", "Uimaan joka viikko."), ("area", "")],
            true,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("id=\"area-error\"") && body.contains("Uimaan joka viikko."));
    let target = day(90);
    let (status, _) = web
        .post(
            &app,
            &goals,
            &[
                ("text", "Uimaan joka viikko."),
                ("area", "health"),
                ("target_date", target.as_str()),
            ],
            true,
        )
        .await;
    assert_eq!(status, 303, "the goal is added");
    let goal = s.plan(&app, &plan).await["goals"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let evaluation = format!("/my/goals/{goal}/evaluation");
    for progress in ["", "0", "6"] {
        let (status, body) = web
            .post(
                &app,
                &evaluation,
                &[("progress", progress), ("note", "Alku.")],
                true,
            )
            .await;
        assert_eq!(status, 200, "progress {progress:?}: {body}");
        assert!(body.contains("id=\"progress-error\"") && body.contains("Alku."));
    }
    assert_eq!(
        s.plan(&app, &plan).await["goals"][0]["evaluations"],
        json!([]),
        "no evaluation was written"
    );
}
db_test!(the_support_plan_form_writes_only_what_changed_and_keeps_a_refused_text);

/// The pace in words and as a table, on the money page and the plan page: 900.00 spent in
/// 30 days of a 1500.00 decision (the figures of `plans::pace`) is about 913,13 € a month,
/// and the 600.00 left runs out in 20 days.
async fn the_pace_is_told_in_words_and_in_a_table(app: TestApp) {
    let s = Setting::build(&app).await;
    let plan = id_of(&s.open_plan(&app, &day(-40)).await);
    s.line(
        &app,
        &plan,
        json!({"service_id": s.service_id, "quantity_per_month": "5", "months": 9}),
    )
    .await;
    let mut body = crate::plans::decision_body(&day(-29), &day(300));
    body["granted"] = json!("1500.00");
    let reply = crate::plans::decide(&app, s.case_worker(), &plan, &body).await;
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
    for (date, quantity, reference) in [(day(-5), "10", "PACE-1"), (day(-1), "20", "PACE-2")] {
        let body = fixtures::delivery_body(&date, quantity, "30.00", reference);
        let reply = fixtures::deliver(&app, &s.provider, &commitment, &body).await;
        expect_status(&reply, 201, "a delivery");
    }
    let runs_out = fixtures::today() + chrono::Days::new(20);
    let said = format!(
        "noin 913,13\u{a0}€ kuukaudessa. Rahat loppuvat noin {}.",
        runs_out.format("%-d.%-m.%Y")
    );
    let web = FormSession::new(&app, Some(&s.client.user.token)).await;
    for path in ["/my".to_owned(), format!("/my/plans/{plan}")] {
        let (status, body) = web.get(&app, &path).await;
        assert_eq!(status, 200, "{path}: {body}");
        assert!(
            body.contains(&said),
            "{path} tells the pace: {said}\n{body}"
        );
        // The grant counts from the first month; this month's row has all the spending,
        // as the money moved today.
        let this_month = fixtures::today().format("%-m/%Y").to_string();
        let row = format!(
            "<th scope=\"row\">{this_month}</th><td class=\"num\">900,00\u{a0}€</td><td class=\"num\">600,00\u{a0}€</td>"
        );
        assert!(body.contains(&row), "{path}: the table row {row}\n{body}");
        assert!(
            body.contains("class=\"pace-chart\""),
            "{path} draws the chart"
        );
    }
}
db_test!(the_pace_is_told_in_words_and_in_a_table);
