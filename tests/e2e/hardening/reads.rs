//! Every read of a client's data leaves audit rows: a delivery, a commitment, a dispute, and
//! the provider's lists, over the API and on the portal's pages.
use serde_json::{Value, json};

use crate::harness::form_session::FormSession;
use crate::harness::{
    TestApp,
    client::{expect_status, id_of},
    fixtures::{Market, deliver, delivery_body, today},
};

async fn count(app: &TestApp, market: &Market, action: &str) -> usize {
    let reply = app
        .get(
            &format!("/api/v1/audit?client_id={}&per_page=100", market.client.id),
            &market.admin.token,
        )
        .await;
    expect_status(&reply, 200, "audit log")["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|e| e["action"] == action)
        .count()
}

/// Reads `path` and checks that exactly one more `action` row about the client appeared.
async fn read_adds(app: &TestApp, market: &Market, path: &str, token: &str, action: &str) {
    let before = count(app, market, action).await;
    let reply = app.get(path, token).await;
    expect_status(&reply, 200, path);
    assert_eq!(
        count(app, market, action).await,
        before + 1,
        "{path}: {action}"
    );
}

async fn reads_of_deliveries_commitments_disputes_and_lists_are_audited(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let day = today().format("%Y-%m-%d").to_string();
    let reply = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day, "1", "45.00", "READ-1"),
    )
    .await;
    let delivery = id_of(expect_status(&reply, 201, "deliver"));
    let reply = app
        .post(
            &format!("/api/v1/deliveries/{delivery}/dispute"),
            &market.client.user.token,
            &json!({"reason": "Käyntiä ei tehty."}),
        )
        .await;
    let dispute = id_of(expect_status(&reply, 201, "dispute"));
    let staff = &market.provider.staff.token;
    let provider = &market.provider.id;

    read_adds(
        &app,
        &market,
        &format!("/api/v1/deliveries/{delivery}"),
        staff,
        "delivery_read",
    )
    .await;
    read_adds(
        &app,
        &market,
        &format!("/api/v1/commitments/{commitment}"),
        staff,
        "commitment_read",
    )
    .await;
    read_adds(
        &app,
        &market,
        &format!("/api/v1/disputes/{dispute}"),
        &market.purchaser.case_worker.token,
        "dispute_read",
    )
    .await;
    read_adds(
        &app,
        &market,
        &format!("/api/v1/providers/{provider}/commitments"),
        staff,
        "commitments_listed",
    )
    .await;
    read_adds(
        &app,
        &market,
        &format!("/api/v1/providers/{provider}/deliveries"),
        staff,
        "deliveries_listed",
    )
    .await;
    read_adds(
        &app,
        &market,
        &format!("/api/v1/commitments/{commitment}/deliveries"),
        staff,
        "deliveries_listed",
    )
    .await;
    read_adds(
        &app,
        &market,
        &format!("/api/v1/purchasers/{}/disputes", market.purchaser.id),
        &market.purchaser.case_worker.token,
        "disputes_listed",
    )
    .await;

    // The list row names what was read, and who read it.
    let reply = app
        .get(
            &format!("/api/v1/audit?client_id={}&per_page=100", market.client.id),
            &market.admin.token,
        )
        .await;
    let log: Vec<Value> = expect_status(&reply, 200, "audit")["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let listed = log
        .iter()
        .find(|e| e["action"] == "commitments_listed")
        .expect("a list row");
    assert_eq!(listed["actor_user_id"], market.provider.staff.id.as_str());
    assert_eq!(listed["detail"]["ids"], json!([commitment]));

    // The portal's pages read through the same code: each view is audited.
    let portal = FormSession::new(&app, Some(staff)).await;
    for (page, action) in [
        ("/provider/commitments", "commitments_listed"),
        ("/provider/deliveries", "deliveries_listed"),
    ] {
        let before = count(&app, &market, action).await;
        let (status, _) = portal.get(&app, page).await;
        assert_eq!(status, 200, "{page}");
        assert!(
            count(&app, &market, action).await > before,
            "{page}: {action}"
        );
    }
}
db_test!(reads_of_deliveries_commitments_disputes_and_lists_are_audited);
