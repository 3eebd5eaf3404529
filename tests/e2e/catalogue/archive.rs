//! Archiving a catalogue entry: no new offerings (409 `service_archived`), commitments
//! (409 `service_archived`) or decisions (422 `service_ids`); running commitments take
//! deliveries as before; the offerings leave search; the catalogue marks it; audited.
use serde_json::json;

use crate::harness::{
    TestApp,
    client::{expect_error, expect_status},
    fixtures::{
        Market, allocation_body, day, deliver, delivery_body, offering_body, request_commitment,
    },
};

use super::{audit_entries, patch_service};

async fn an_archived_service_takes_nothing_new_but_running_commitments_go_on(app: TestApp) {
    let market = Market::build(&app).await;
    let running = market.accepted_commitment(&app).await;
    let search = format!("service={}", market.service_id);
    let (found, _) = crate::search::search_until(&app, &search, |b| b["total"] == 1).await;
    assert_eq!(found["total"], 1, "{found}");
    let cm = &market.purchaser.catalogue_manager.token;
    let path = format!("/api/v1/services/{}/archive", market.service_id);
    let reply = app.act(&path, cm).await;
    let archived = expect_status(&reply, 200, "archive").clone();
    assert_eq!(archived["archived"], true, "{archived}");
    let archived_at = archived["archived_at"].clone();
    assert!(archived_at.is_string(), "{archived}");
    // Again: nothing changes.
    let again = expect_status(&app.act(&path, cm).await, 200, "archive again").clone();
    assert_eq!(again["archived_at"], archived_at);
    // The catalogue marks it.
    let listed = app
        .get(
            &format!("/api/v1/purchasers/{}/services", market.purchaser.id),
            "",
        )
        .await;
    let listed = expect_status(&listed, 200, "catalogue");
    assert_eq!(listed["items"][0]["archived"], true, "{listed}");
    // No new offerings.
    let reply = app
        .post(
            &format!("/api/v1/providers/{}/offerings", market.provider.id),
            &market.provider.staff.token,
            &offering_body(&market.service_id, "45.00"),
        )
        .await;
    expect_error(
        &reply,
        409,
        Some("service_archived"),
        Some("service_id"),
        "new offering",
    );
    // No new commitments.
    let reply = request_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &market.offering_id,
        "voucher",
        None,
    )
    .await;
    expect_error(
        &reply,
        409,
        Some("service_archived"),
        None,
        "new commitment",
    );
    // No new decisions for it.
    let reply = app
        .post(
            &format!("/api/v1/clients/{}/allocations", market.client.id),
            &market.purchaser.case_worker.token,
            &allocation_body("voucher", "100.00", &[&market.service_id], None),
        )
        .await;
    expect_error(&reply, 422, None, Some("service_ids"), "new decision");
    // No changes either.
    let (status, body) = patch_service(
        &app,
        cm,
        &market.service_id,
        &json!({"voucher_value": "41"}),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "service_archived");
    // The running commitment takes deliveries as before: 2 × 45.00, the voucher pays 80.00.
    let reply = deliver(
        &app,
        &market.provider,
        &running,
        &delivery_body(&day(0), "2", "45.00", "ARCH-1"),
    )
    .await;
    let delivered = expect_status(&reply, 201, "delivery on a running commitment");
    assert_eq!(delivered["purchaser_share"], "80.00", "{delivered}");
    market.books(&app).await;
    // The offerings leave search.
    let (gone, took) = crate::search::search_until(&app, &search, |b| b["total"] == 0).await;
    assert_eq!(gone["total"], 0, "still searchable after {took:?}: {gone}");
    // Audited, once.
    let audited: Vec<_> = audit_entries(&app)
        .await
        .into_iter()
        .filter(|e| {
            e["action"] == "service_archived" && e["subject_id"] == market.service_id.as_str()
        })
        .collect();
    assert_eq!(audited.len(), 1, "{audited:?}");
    assert!(
        audited[0]["detail"]["archived_at"]["new"].is_string(),
        "{audited:?}"
    );
}
db_test!(an_archived_service_takes_nothing_new_but_running_commitments_go_on);
