//! The audit log records every read of a client's data and every money movement: who acted,
//! and for whom when a proxy acted.
use serde_json::Value;

use crate::harness::{
    TestApp,
    client::expect_status,
    fixtures::{Market, day, deliver, delivery_body, proxy},
};

fn entries(body: &Value) -> Vec<Value> {
    body["items"].as_array().cloned().unwrap_or_default()
}

async fn a_proxys_read_and_a_providers_delivery_are_audited_with_who_and_for_whom(app: TestApp) {
    let market = Market::build(&app).await;
    let proxy = proxy(&app, &market.purchaser, &market.client).await;
    let commitment = market.accepted_commitment(&app).await;
    let delivered = deliver(
        &app,
        &market.provider,
        &commitment,
        &delivery_body(&day(0), "1", "45.00", "AUDIT-1"),
    )
    .await;
    expect_status(&delivered, 201, "record a delivery");
    let read = app
        .get(
            &format!("/api/v1/allocations/{}", market.allocation_id),
            &proxy.token,
        )
        .await;
    expect_status(&read, 200, "proxy reads the allocation");

    let audit = app
        .get(
            &format!("/api/v1/audit?client_id={}&per_page=100", market.client.id),
            &market.admin.token,
        )
        .await;
    let log = entries(expect_status(&audit, 200, "admin reads the audit log"));

    let proxy_read = log
        .iter()
        .find(|e| e["action"] == "allocation_read" && e["actor_user_id"] == proxy.id.as_str())
        .unwrap_or_else(|| panic!("no audit entry for the proxy's read: {log:#?}"));
    assert_eq!(
        proxy_read["acting_for_client_id"],
        market.client.id.as_str(),
        "a proxy acts for the client"
    );
    assert_eq!(proxy_read["subject_id"], market.allocation_id.as_str());

    let spend = log
        .iter()
        .find(|e| e["action"] == "money_movement" && e["detail"]["kind"] == "spend")
        .unwrap_or_else(|| panic!("no audit entry for the delivery's money movement: {log:#?}"));
    assert_eq!(spend["actor_user_id"], market.provider.staff.id.as_str());
    assert_eq!(
        spend["detail"]["spent"], "40.00",
        "the purchaser's share under a 40.00 voucher"
    );
    assert!(
        log.iter()
            .any(|e| e["action"] == "money_movement" && e["detail"]["kind"] == "grant")
    );

    // Only an administrator reads the audit log.
    let refused = app
        .get("/api/v1/audit", &market.purchaser.case_worker.token)
        .await;
    assert_eq!(refused.0.as_u16(), 403, "{refused:?}");
}
db_test!(a_proxys_read_and_a_providers_delivery_are_audited_with_who_and_for_whom);
