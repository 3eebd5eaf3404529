//! Many providers charging one allocation at the same moment never overdraw it.

use std::time::Instant;

use futures::future::join_all;

use crate::harness::TestApp;
use crate::harness::client::{Reply, error_mismatch};
use crate::harness::fixtures::{self, Market, day, deliver, delivery_body};
use crate::harness::money::Balance;

const PROVIDERS: usize = 4;
const DELIVERIES: usize = 100;

/// How a burst of requests was answered.
struct Tally {
    created: usize,
    overdrawn: usize,
    /// Anything else: status and body, which fail the test after the figures are printed.
    unexpected: Vec<String>,
}

fn tally(replies: &[Reply], what: &str) -> Tally {
    let mut tally = Tally {
        created: 0,
        overdrawn: 0,
        unexpected: Vec::new(),
    };
    for reply in replies {
        match reply.0.as_u16() {
            201 => tally.created += 1,
            409 => match error_mismatch(reply, 409, Some("overdraw"), None, what) {
                None => tally.overdrawn += 1,
                Some(problem) => tally.unexpected.push(problem),
            },
            other => tally.unexpected.push(format!("{other} {}", reply.1)),
        }
    }
    tally
}

impl Tally {
    #[track_caller]
    fn assert_no_surprises(&self, what: &str) {
        assert!(
            self.unexpected.is_empty(),
            "{what}: {} answers were neither 201 nor 409 overdraw, e.g. {:?}",
            self.unexpected.len(),
            &self.unexpected[..self.unexpected.len().min(3)]
        );
    }
}

async fn a_hundred_simultaneous_deliveries_from_four_providers_never_overdraw(app: TestApp) {
    // Granted 1000.00; each delivery is 1 × 30.00 (under the 40.00 voucher value), so
    // exactly 33 fit.
    let market = Market::build(&app).await;
    let mut providers = vec![(market.provider, market.offering_id.clone())];
    for _ in 1..PROVIDERS {
        let provider = fixtures::provider(&app).await;
        fixtures::approve(&app, &provider, &market.purchaser, &[&market.service_id]).await;
        let offering = fixtures::offering(&app, &provider, &market.service_id, "30.00").await;
        providers.push((provider, offering));
    }
    let mut commitments = Vec::new();
    for (provider, offering) in &providers {
        let id = fixtures::accepted_commitment(
            &app,
            &market.client.user.token,
            &market.allocation_id,
            offering,
            provider,
            "voucher",
            None,
        )
        .await;
        commitments.push(id);
    }
    let cw = market.purchaser.case_worker.token.clone();
    assert_eq!(
        app.check_books(&cw, &market.allocation_id).await,
        Balance::of("1000", "1000", "0", "0")
    );

    let started = Instant::now();
    let requests = (0..DELIVERIES).map(|i| {
        let which = i % PROVIDERS;
        let (provider, _) = &providers[which];
        let body = delivery_body(&day(-1), "1", "30.00", &format!("C-{which}-{i}"));
        let commitment = commitments[which].clone();
        let app = &app;
        async move { deliver(app, provider, &commitment, &body).await }
    });
    let replies = join_all(requests).await;
    let elapsed = started.elapsed();
    let answers = tally(&replies, "concurrent delivery");
    eprintln!(
        "[{:?}] {DELIVERIES} concurrent deliveries: {} created, {} overdraw conflicts, {} other, {} ms",
        app.backend,
        answers.created,
        answers.overdrawn,
        answers.unexpected.len(),
        elapsed.as_millis()
    );
    answers.assert_no_surprises("concurrent delivery");
    assert_eq!(
        (answers.created, answers.overdrawn),
        (33, 67),
        "exactly 33 deliveries of 30.00 fit in 1000.00"
    );
    assert_eq!(
        app.check_books(&cw, &market.allocation_id).await,
        Balance::of("1000", "10", "0", "990")
    );
    let ledger = app.ledger(&cw, &market.allocation_id).await;
    let spends = ledger.iter().filter(|e| e["kind"] == "spend").count();
    assert_eq!(spends, 33, "one spend entry per recorded delivery");
}

db_test!(a_hundred_simultaneous_deliveries_from_four_providers_never_overdraw);

async fn simultaneous_reservations_never_reserve_more_than_available(app: TestApp) {
    let market = Market::build(&app).await;
    let started = Instant::now();
    let requests = (0..20).map(|_| {
        let app = &app;
        let market = &market;
        async move {
            fixtures::request_commitment(
                app,
                &market.client.user.token,
                &market.allocation_id,
                &market.offering_id,
                "voucher",
                Some("100.00"),
            )
            .await
        }
    });
    let replies = join_all(requests).await;
    let answers = tally(&replies, "concurrent reservation");
    eprintln!(
        "[{:?}] 20 concurrent reservations of 100.00: {} created, {} overdraw conflicts, {} other, {} ms",
        app.backend,
        answers.created,
        answers.overdrawn,
        answers.unexpected.len(),
        started.elapsed().as_millis()
    );
    answers.assert_no_surprises("concurrent reservation");
    assert_eq!((answers.created, answers.overdrawn), (10, 10));
    assert_eq!(
        market.books(&app).await,
        Balance::of("1000", "0", "1000", "0")
    );
}

db_test!(simultaneous_reservations_never_reserve_more_than_available);
