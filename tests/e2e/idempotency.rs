//! A provider's delivery reference makes recording idempotent: resending charges nothing,
//! resending with other content is a conflict.

use std::collections::HashSet;

use futures::future::join_all;

use crate::harness::TestApp;
use crate::harness::client::{expect_error, expect_status, id_of};
use crate::harness::fixtures::{self, Market, day, deliver, delivery_body};
use crate::harness::money::Balance;

async fn the_same_delivery_sent_twenty_times_at_once_is_charged_once(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let body = delivery_body(&day(-1), "1", "45.00", "SAME-REF-1");
    let replies =
        join_all((0..20).map(|_| deliver(&app, &market.provider, &commitment, &body))).await;

    let mut ids = HashSet::new();
    let mut created = 0;
    for reply in &replies {
        match reply.0.as_u16() {
            201 => created += 1,
            200 => {}
            other => panic!("resent delivery answered {other}: {}", reply.1),
        }
        ids.insert(id_of(&reply.1));
    }
    eprintln!(
        "[{:?}] 20 identical deliveries: {created} created, {} distinct ids",
        app.backend,
        ids.len()
    );
    assert_eq!(created, 1, "exactly one answer is 201 Created");
    assert_eq!(
        ids.len(),
        1,
        "every answer names the same delivery: {ids:?}"
    );
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000", "960", "0", "40")
    );
    let ledger = app
        .ledger(&market.purchaser.case_worker.token, &market.allocation_id)
        .await;
    assert_eq!(ledger.iter().filter(|e| e["kind"] == "spend").count(), 1);
}

db_test!(the_same_delivery_sent_twenty_times_at_once_is_charged_once);

async fn the_same_reference_with_other_content_is_a_conflict_that_changes_nothing(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let original = delivery_body(&day(-2), "2", "45.00", "REF-42");
    let reply = deliver(&app, &market.provider, &commitment, &original).await;
    let first = id_of(expect_status(&reply, 201, "first delivery"));
    let before = market.books(&app).await;
    assert_eq!(before, Balance::of("1000", "920", "0", "80"));

    for (what, changed) in [
        (
            "other quantity",
            delivery_body(&day(-2), "3", "45.00", "REF-42"),
        ),
        (
            "other unit price",
            delivery_body(&day(-2), "2", "44.00", "REF-42"),
        ),
        (
            "other date",
            delivery_body(&day(-3), "2", "45.00", "REF-42"),
        ),
    ] {
        let reply = deliver(&app, &market.provider, &commitment, &changed).await;
        expect_error(&reply, 409, Some("idempotency_conflict"), None, what);
        assert_eq!(market.books(&app).await, before, "{what} changed the books");
    }

    // The original content is still the first delivery.
    let reply = deliver(&app, &market.provider, &commitment, &original).await;
    assert_eq!(id_of(expect_status(&reply, 200, "resend original")), first);
    // "2" and 2.0 are the same quantity.
    let numeric = serde_json::json!({"date": day(-2), "quantity": 2, "unit_price": "45.00", "reference": "REF-42"});
    let reply = deliver(&app, &market.provider, &commitment, &numeric).await;
    assert_eq!(
        id_of(expect_status(&reply, 200, "resend with a JSON number")),
        first
    );
    assert_eq!(market.books(&app).await, before);
}

db_test!(the_same_reference_with_other_content_is_a_conflict_that_changes_nothing);

async fn references_are_unique_per_provider_not_globally(app: TestApp) {
    let market = Market::build(&app).await;
    let commitment = market.accepted_commitment(&app).await;
    let other = fixtures::provider(&app).await;
    fixtures::approve(&app, &other, &market.purchaser, &[&market.service_id]).await;
    let offering = fixtures::offering(&app, &other, &market.service_id, "45.00").await;
    let other_commitment = fixtures::accepted_commitment(
        &app,
        &market.client.user.token,
        &market.allocation_id,
        &offering,
        &other,
        "voucher",
        None,
    )
    .await;
    let body = delivery_body(&day(-1), "1", "45.00", "INV-1");
    let reply = deliver(&app, &market.provider, &commitment, &body).await;
    let first = id_of(expect_status(&reply, 201, "provider A's INV-1"));
    let reply = deliver(&app, &other, &other_commitment, &body).await;
    let second = id_of(expect_status(&reply, 201, "provider B's INV-1"));
    assert_ne!(first, second);
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000", "920", "0", "80")
    );
}

db_test!(references_are_unique_per_provider_not_globally);
