//! The case worker's plan pages in a real browser (issue #17): she opens a plan from the
//! client's page, reads the answers the proxy wrote through the API, prices the plan (the
//! reference price by default, and "2,5" hours at a price of her own), sees the estimate
//! to the cent, decides with a confirmation and sees the decision number; axe-core finds
//! nothing on any of these pages. The caseload of more than a hundred plans is paged and
//! lists the overdue drafts first.
use chrono::Months;
use serde_json::json;

use crate::{
    harness::{
        TestApp,
        browser::Browser,
        client::{expect_status, id_of},
        fixtures::{PASSWORD, today},
        form_session::FormSession,
    },
    plans::{Setting, priced_service, put_answers, ymd},
};

async fn axe(b: &Browser, name: &str, problems: &mut Vec<String>) {
    for width in [1280, 360] {
        b.set_width(width).await;
        b.screenshot(&format!("plans-staff-{}-{width}", name.replace(' ', "-")))
            .await;
        for v in b.axe_violations().await {
            problems.push(format!("{name} at {width} px: {v}"));
        }
        if let Some(wide) = b.overflow().await {
            problems.push(format!("{name} at {width} px is too wide: {wide}"));
        }
        // At phone width: no word broken in a table cell, the shared table pattern. The
        // caseload lists the fixture's client ("Asiakas-4c89c4c5ef", one long word that no
        // real name is); the phone walk checks it with the demo's names.
        if width == 360 && name != "the caseload" {
            for p in super::phones::problems_here(b).await {
                problems.push(format!("{name} at 360 px: {p}"));
            }
        }
    }
    b.set_width(1280).await;
}

async fn the_case_worker_opens_prices_and_decides_a_plan(app: TestApp) {
    let Some(b) = Browser::open(&app).await else {
        return;
    };
    let s = Setting::build(&app).await;
    let unpriced = priced_service(&app, &s.purchaser, None).await;
    let mut problems = Vec::new();
    b.sign_in(&s.purchaser.case_worker.email, PASSWORD).await;

    b.goto(&format!("/purchaser/clients/{}", s.client.id)).await;
    b.go(&format!(
        "a[href='/purchaser/clients/{}/plans']",
        s.client.id
    ))
    .await;
    axe(&b, "open a plan", &mut problems).await;
    let typed = b
        .find("#need_identified_on")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        typed.as_deref(),
        Some(ymd(today()).as_str()),
        "today by default"
    );
    b.go("form[action$='/plans'] button[type=submit]").await;
    let path = b.path().await;
    let plan = path
        .strip_prefix("/purchaser/plans/")
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_else(|| panic!("not on the plan page: {path}"))
        .to_owned();
    assert!(b.text("h1").await.contains(&s.client.name));

    // The proxy writes with her client, through the API.
    let reply = put_answers(
        &app,
        &s.proxy.token,
        &plan,
        json!({"what_matters": "Musiikki ja ystävät"}),
    )
    .await;
    expect_status(&reply, 200, "the proxy answers");
    b.goto(&format!("/purchaser/plans/{plan}")).await;
    let answers = b.text("[data-testid=answers]").await;
    assert!(answers.contains("Musiikki ja ystävät"), "{answers}");
    assert!(
        answers.contains("puolesta asioija"),
        "who wrote it: {answers}"
    );

    // The reference price (33,33 €) by default: 3 × 12 × 33,33 = 1 199,88 €.
    b.select("#service_id", &s.service_id).await;
    b.fill("#quantity_per_month", "3").await;
    b.fill("#months", "12").await;
    b.go("form[action$='/lines'] button[type=submit]").await;
    // 2,5 hours at 41,90 €: 2,5 × 6 × 41,90 = 628,50 €.
    b.select("#service_id", &unpriced).await;
    b.fill("#quantity_per_month", "2,5").await;
    b.fill("#months", "6").await;
    b.fill("#unit_price", "41,90").await;
    b.go("form[action$='/lines'] button[type=submit]").await;
    let budget = b.text("[data-testid=budget]").await;
    assert!(
        budget.contains("1 199,88 €") && budget.contains("628,50 €"),
        "{budget}"
    );
    assert_eq!(b.text("[data-testid=estimate-total]").await, "1 828,38 €");
    axe(&b, "the plan", &mut problems).await;

    b.go(&format!("a[href='/purchaser/plans/{plan}/decision']"))
        .await;
    let granted = b.find("#granted").await.prop("value").await.unwrap();
    assert_eq!(
        granted.as_deref(),
        Some("1828,38"),
        "the estimate by default"
    );
    axe(&b, "the decision form", &mut problems).await;
    b.go("form[action$='/decision'] button[type=submit]").await;
    let what = b.text("[data-testid=what-happens]").await;
    assert!(
        what.contains(&s.client.name) && what.contains("1 828,38 €"),
        "{what}"
    );
    let facts = b.text("[data-testid=decision-facts]").await;
    assert!(facts.contains("Kotihoito"), "for which services: {facts}");
    axe(&b, "the decision's confirmation", &mut problems).await;
    b.go("button[value=confirm]").await;

    let decision = b.text("[data-testid=decision]").await;
    let year = today().format("%Y").to_string();
    assert!(
        decision.contains(&format!("Päätös {year}-0001")),
        "{decision}"
    );
    assert!(decision.contains("1 828,38 €"), "{decision}");
    let printable = b
        .find("[data-testid=printable]")
        .await
        .attr("href")
        .await
        .unwrap();
    assert_eq!(
        printable.as_deref(),
        Some(format!("/plans/{plan}/decision").as_str())
    );
    assert!(
        b.text("[data-testid=plan-status]")
            .await
            .contains("Päätös tehty")
    );
    axe(&b, "the decided plan", &mut problems).await;
    b.goto("/purchaser/plans").await;
    axe(&b, "the caseload", &mut problems).await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    b.close().await;
}
db_test!(the_case_worker_opens_prices_and_decides_a_plan);

/// Rows of the caseload table in order: (client, overdue said in words).
fn rows(html: &str) -> Vec<bool> {
    html.split("<tr")
        .skip(2)
        .map(|row| row.contains("data-testid=\"overdue\""))
        .collect()
}

async fn a_long_caseload_is_paged_with_the_overdue_drafts_first(app: TestApp) {
    let s = Setting::build(&app).await;
    // 100 fresh plans, then 3 long overdue ones, so that the overdue come last by creation;
    // each of its own client, as a client has one draft at a time.
    for _ in 0..100 {
        s.open_plan_for_another_client(&app, &ymd(today())).await;
    }
    let late = ymd(today().checked_sub_months(Months::new(4)).unwrap());
    let mut overdue = Vec::new();
    for _ in 0..3 {
        overdue.push(id_of(&s.open_plan_for_another_client(&app, &late).await));
    }
    let worker = FormSession::new(&app, Some(s.case_worker())).await;
    let (status, first) = worker.get(&app, "/purchaser/plans").await;
    assert_eq!(status, 200, "{first}");
    let listed = rows(&first);
    assert_eq!(listed.len(), 50, "a page of 50: {first}");
    assert_eq!(listed[..3], [true, true, true], "overdue first");
    assert!(listed[3..].iter().all(|o| !o), "then the others");
    for id in &overdue {
        assert!(
            first.contains(&format!("/purchaser/plans/{id}\"")),
            "{id} on the first page"
        );
    }
    assert!(first.contains("Sivu 1 / 3 (103"), "{first}");
    assert!(
        first.contains("href=\"/purchaser/plans?page=2\""),
        "{first}"
    );
    let (_, last) = worker.get(&app, "/purchaser/plans?page=3").await;
    assert_eq!(rows(&last).len(), 3, "{last}");
    let (_, open) = worker
        .get(&app, "/purchaser/plans?status=open&page=3")
        .await;
    assert_eq!(rows(&open).len(), 3, "{open}");
    assert!(
        open.contains("href=\"/purchaser/plans?status=open&#38;page=2\""),
        "{open}"
    );
    let (_, decided) = worker.get(&app, "/purchaser/plans?status=decided").await;
    assert!(rows(&decided).is_empty(), "{decided}");
}
db_test!(a_long_caseload_is_paged_with_the_overdue_drafts_first);
