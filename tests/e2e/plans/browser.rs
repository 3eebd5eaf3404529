//! The two case worker pages of this round in a real browser on the demo data: the plans
//! report and the cancel page of Eino's overdue draft pass axe (WCAG 2.1 A and AA) and fit
//! a 360 px wide phone without sideways scrolling, in Finnish and Swedish.
use serde_json::Value;

use crate::harness::{Backend, TestApp, browser::Browser, client::expect_status};

async fn the_plan_report_and_the_close_page_pass_axe_at_phone_width(backend: Backend) {
    let app = TestApp::spawn_with(backend, &["--demo"]).await;
    // Eino's draft, found through the caseload as the case worker finds it.
    let worker = app
        .login("sosiaalityo@demo.valinta.fi", "demo-salasana")
        .await;
    let me = app.get("/api/v1/me", &worker.token).await;
    let pid = expect_status(&me, 200, "me")["purchaser_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = app
        .get(
            &format!("/api/v1/purchasers/{pid}/plans?status=open"),
            &worker.token,
        )
        .await;
    let open = expect_status(&reply, 200, "the caseload").clone();
    let overdue: Vec<&Value> = open["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["overdue"] == true)
        .collect();
    assert_eq!(overdue.len(), 1, "Eino's overdue draft first: {open}");
    assert_eq!(open["total"], 2, "Aino's and Eino's drafts: {open}");
    let eino = overdue[0]["id"].as_str().unwrap();

    let Some(b) = Browser::open(&app).await else {
        return;
    };
    b.sign_in("sosiaalityo@demo.valinta.fi", "demo-salasana")
        .await;
    for lang in ["fi", "sv"] {
        // The language menu at desktop width; the choice sticks on the narrow pages.
        b.set_width(1280).await;
        b.goto("/purchaser/plan-report").await;
        b.language(lang).await;
        b.set_width(360).await;
        for page in [
            "/purchaser/plan-report".to_owned(),
            format!("/purchaser/plans/{eino}/close"),
        ] {
            b.goto(&page).await;
            let violations = b.axe_violations().await;
            assert!(
                violations.is_empty(),
                "axe on {page} ({lang}): {violations:#?}"
            );
            assert_eq!(b.overflow().await, None, "{page} at 360 px ({lang})");
        }
    }
    b.close().await;
}

mod the_plan_report_and_the_close_page_pass_axe_at_phone_width {
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_sqlite() {
        super::the_plan_report_and_the_close_page_pass_axe_at_phone_width(super::Backend::Sqlite)
            .await;
    }
}
