//! The case worker's plan pages over plain HTTP (issue #17): who may open a plan's page, a
//! decision's confirmation posted twice grants once, bad input on the pricing form names
//! the field and changes nothing, and a Finnish decimal comma is read as elsewhere.
use serde_json::json;

use crate::{
    harness::{
        TestApp,
        client::{expect_status, id_of},
        fixtures::{self, day},
        form_session::FormSession,
    },
    plans::{Setting, priced_service},
};

/// A plan opened for the setting's client, and a form session of its case worker.
pub async fn plan_and_worker(app: &TestApp) -> (Setting, String, FormSession) {
    let s = Setting::build(app).await;
    let plan = id_of(&s.open_plan(app, &day(-3)).await);
    let worker = FormSession::new(app, Some(s.case_worker())).await;
    (s, plan, worker)
}

async fn only_the_plans_case_workers_reach_its_page(app: TestApp) {
    let (s, plan, worker) = plan_and_worker(&app).await;
    let path = format!("/purchaser/plans/{plan}");
    let (status, html) = worker.get(&app, &path).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&s.client.name),
        "the client's name is on the page"
    );
    // Every text of the pages exists in each language (a missing one shows its key).
    for lang in ["sv", "en", "fi"] {
        for page in [
            format!("{path}?lang={lang}"),
            format!("{path}/decision?lang={lang}"),
            format!("/purchaser/plans?lang={lang}"),
            format!("/purchaser/clients/{}/plans?lang={lang}", s.client.id),
            format!("/purchaser/clients/{}?lang={lang}", s.client.id),
        ] {
            let (status, html) = worker.get(&app, &page).await;
            assert_eq!(status, 200, "{page}: {html}");
            assert!(!html.contains("plan-staff-"), "{page} shows a key: {html}");
            assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{page}");
        }
    }

    let other = fixtures::purchaser(&app, &s.admin).await;
    for (who, token) in [
        (
            "another purchaser's case worker",
            other.case_worker.token.as_str(),
        ),
        ("a provider", s.provider.staff.token.as_str()),
        ("the client", s.client.user.token.as_str()),
        (
            "the same purchaser's finance officer",
            s.purchaser.finance.token.as_str(),
        ),
    ] {
        let session = FormSession::new(&app, Some(token)).await;
        for page in [path.clone(), format!("{path}/decision")] {
            let (status, html) = session.get(&app, &page).await;
            assert_eq!(status, 404, "{who} on {page}: {html}");
            assert!(
                !html.contains(&s.client.name),
                "{who} sees the client's name"
            );
        }
        let (status, _) = session
            .post(
                &app,
                &format!("{path}/lines"),
                &[
                    ("service_id", &s.service_id),
                    ("quantity_per_month", "1"),
                    ("months", "1"),
                ],
                true,
            )
            .await;
        assert_eq!(status, 404, "{who} prices the plan");
    }
    assert_eq!(s.plan(&app, &plan).await["budget_lines"], json!([]));
}
db_test!(only_the_plans_case_workers_reach_its_page);

async fn a_replayed_decision_grants_nothing_twice(app: TestApp) {
    let (s, plan, worker) = plan_and_worker(&app).await;
    let lines = format!("/purchaser/plans/{plan}/lines");
    let typed = [
        ("service_id", s.service_id.as_str()),
        ("quantity_per_month", "2,5"),
        ("months", "12"),
        ("unit_price", ""),
    ];
    let (status, html) = worker.post(&app, &lines, &typed, true).await;
    assert_eq!(status, 303, "{html}");
    let body = s.plan(&app, &plan).await;
    // 2.5 × 12 × 33.33 = 999.90
    assert_eq!(body["estimate"], "999.90", "{body}");

    let (from, to) = (day(0), day(180));
    let decision = format!("/purchaser/plans/{plan}/decision");
    let form = [
        ("kind", "personal_budget"),
        ("valid_from", from.as_str()),
        ("valid_to", to.as_str()),
        ("granted", "999,90"),
        ("voucher_value", ""),
    ];
    // The first post only shows the confirmation: nothing is written.
    let (status, html) = worker.post(&app, &decision, &form, true).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("999,90"), "{html}");
    assert_eq!(s.plan(&app, &plan).await["status"], "draft");

    let mut confirm = form.to_vec();
    confirm.push(("step", "confirm"));
    let (status, html) = worker.post(&app, &decision, &confirm, true).await;
    assert_eq!(status, 303, "{html}");
    let decided = s.plan(&app, &plan).await;
    assert_eq!(decided["status"], "decided", "{decided}");
    let number = decided["decision_number"].as_str().unwrap().to_owned();

    // The same confirmation again (a refresh, a replay): refused in words, nothing granted.
    let (status, html) = worker.post(&app, &decision, &confirm, true).await;
    assert_eq!(status, 409, "{html}");
    assert!(
        html.contains("already-decided") && html.contains(&number),
        "{html}"
    );
    let reply = app
        .get(
            &format!("/api/v1/clients/{}/allocations", s.client.id),
            s.case_worker(),
        )
        .await;
    let allocations = expect_status(&reply, 200, "the client's allocations");
    assert_eq!(allocations["total"], 1, "{allocations}");
    assert_eq!(
        allocations["items"][0]["balance"]["granted"], "999.90",
        "{allocations}"
    );
    let (_, page) = worker.get(&app, &format!("/purchaser/plans/{plan}")).await;
    assert!(
        page.contains(&number),
        "the plan page shows the decision number"
    );
    assert!(
        page.contains(&format!("href=\"/plans/{plan}/decision\"")),
        "{page}"
    );
}
db_test!(a_replayed_decision_grants_nothing_twice);

async fn bad_pricing_input_names_the_field_and_changes_nothing(app: TestApp) {
    let (s, plan, worker) = plan_and_worker(&app).await;
    let unpriced = priced_service(&app, &s.purchaser, None).await;
    let lines = format!("/purchaser/plans/{plan}/lines");
    for (typed, field, what) in [
        (
            vec![
                ("service_id", s.service_id.as_str()),
                ("quantity_per_month", "-2"),
                ("months", "3"),
            ],
            "quantity_per_month",
            "a negative quantity",
        ),
        (
            vec![
                ("service_id", ""),
                ("quantity_per_month", "2"),
                ("months", "3"),
            ],
            "service_id",
            "no service",
        ),
        (
            vec![
                ("service_id", s.service_id.as_str()),
                ("quantity_per_month", "2"),
                ("months", "0"),
            ],
            "months",
            "no months",
        ),
        (
            vec![
                ("service_id", unpriced.as_str()),
                ("quantity_per_month", "2"),
                ("months", "3"),
                ("unit_price", ""),
            ],
            "unit_price",
            "no price for a service without a reference price",
        ),
        (
            vec![
                ("service_id", s.service_id.as_str()),
                ("quantity_per_month", "2"),
                ("months", "3"),
                ("unit_price", "abc"),
            ],
            "unit_price",
            "a price that is no number",
        ),
    ] {
        let (status, html) = worker.post(&app, &lines, &typed, true).await;
        assert_eq!(status, 200, "{what}: {html}");
        assert!(
            html.contains(&format!("id=\"{field}-error\"")),
            "{what}: the field is named: {html}"
        );
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "{what}: the summary links to it"
        );
        // What was typed is kept.
        if let Some((_, quantity)) = typed.iter().find(|(k, _)| *k == "quantity_per_month") {
            assert!(
                html.contains(&format!("value=\"{quantity}\"")),
                "{what}: the quantity is kept"
            );
        }
        assert_eq!(
            s.plan(&app, &plan).await["budget_lines"],
            json!([]),
            "{what}"
        );
    }
    // An unknown goal area and an evaluation outside 1–5 name their fields too.
    let (status, html) = worker
        .post(
            &app,
            &format!("/purchaser/plans/{plan}/goals"),
            &[("area", "space"), ("text", "Oppia uimaan")],
            true,
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("id=\"area-new-error\"") && html.contains("Oppia uimaan"),
        "{html}"
    );
    assert_eq!(s.plan(&app, &plan).await["goals"], json!([]));
}
db_test!(bad_pricing_input_names_the_field_and_changes_nothing);
