//! What must hold after the load, each a hard failure: the books reconcile, every
//! acknowledged delivery is there exactly once and no refused one is charged, every
//! delivery of the month is invoiced exactly once, the Meilisearch documents equal the live
//! offerings, and every email in the outbox reached the SMTP server exactly once.
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use valinta::db::entities::email::EmailStatus;
use valinta::db::entities::{allocation, delivery, email, invoice_line, offering, outbox_entry};
use valinta::domain::Money;
use valinta::domain::catalogue::{DeliveryStatus, InvoiceKind};
use valinta_search::OfferingDoc;

use crate::cluster::{Instance, MEILI_KEY};
use crate::load::{Books, Delivered};
use crate::market::Market;
use crate::smtp::SmtpServer;

/// What the checks found, for the report.
#[derive(Debug, Default)]
pub struct Findings {
    pub acknowledged: usize,
    pub refused: usize,
    pub unknown: usize,
    pub invoice_lines: usize,
    pub documents: usize,
    pub emails: usize,
    /// Emails that arrived twice with the same Message-ID because the instance that had
    /// claimed them was killed (the documented at-least-once path).
    pub resent_after_kill: usize,
}

/// `valinta ledger-check` beside the running instances must exit 0.
pub fn ledger_check(instance: &Instance) {
    let output = instance.command(&["ledger-check"]);
    assert!(
        output.status.success(),
        "valinta ledger-check found a mismatch:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn cents(text: &str) -> i64 {
    Money::parse(text)
        .unwrap_or_else(|e| panic!("an answered amount {text:?} is not money: {e:?}"))
        .cents()
}

/// Every acknowledged delivery exactly once with the id it was answered with, no refused
/// one in the database, nothing else there, and each voucher charged exactly the shares
/// that were acknowledged.
pub async fn deliveries(
    db: &DatabaseConnection,
    market: &Market,
    books: &Books,
    found: &mut Findings,
) {
    let rows = delivery::Entity::find()
        .all(db)
        .await
        .expect("read deliveries");
    let mut stored: HashMap<(String, String), Vec<&delivery::Model>> = HashMap::new();
    for row in &rows {
        stored
            .entry((row.provider_id.to_string(), row.reference.clone()))
            .or_default()
            .push(row);
    }
    let mut charged: HashMap<String, i64> = HashMap::new();
    let mut expected_rows = 0;
    for record in &books.deliveries {
        let provider = &market.providers[record.provider];
        let copies = stored
            .get(&(provider.id.clone(), record.reference.clone()))
            .map_or(&[][..], Vec::as_slice);
        assert!(
            !record.oversized || matches!(record.result, Delivered::Refused { status: 409, .. }),
            "delivery {} is worth more than the voucher, yet it was not refused as an overdraw: {:?}",
            record.reference,
            record.result
        );
        match &record.result {
            Delivered::Acknowledged {
                id,
                purchaser_share,
            } => {
                found.acknowledged += 1;
                expected_rows += 1;
                assert_eq!(
                    copies.len(),
                    1,
                    "acknowledged delivery {} stored {} times",
                    record.reference,
                    copies.len()
                );
                assert_eq!(
                    copies[0].id.to_string(),
                    *id,
                    "delivery {} stored under another id",
                    record.reference
                );
                assert_eq!(
                    copies[0].status,
                    DeliveryStatus::Recorded,
                    "delivery {}",
                    record.reference
                );
                *charged
                    .entry(copies[0].allocation_id.to_string())
                    .or_default() += cents(purchaser_share);
            }
            Delivered::Refused { status, code } => {
                found.refused += 1;
                assert!(
                    copies.is_empty(),
                    "delivery {} was refused ({status} {code}) but is stored",
                    record.reference
                );
            }
            Delivered::Unknown => {
                found.unknown += 1;
                assert!(
                    copies.len() <= 1,
                    "delivery {} stored {} times",
                    record.reference,
                    copies.len()
                );
                expected_rows += copies.len();
            }
        }
    }
    assert_eq!(
        rows.len(),
        expected_rows,
        "deliveries nobody recorded are stored"
    );
    for client in &market.clients {
        let id: uuid::Uuid = client.allocation_id.parse().expect("allocation id");
        let row = allocation::Entity::find_by_id(id)
            .one(db)
            .await
            .expect("read allocation")
            .expect("the allocation exists");
        let acknowledged = charged.get(&client.allocation_id).copied().unwrap_or(0);
        assert_eq!(
            row.spent.cents(),
            acknowledged,
            "allocation {id}: spent is not the sum of the acknowledged deliveries' shares"
        );
        assert_eq!(
            row.granted.cents() - row.spent.cents() - row.reserved.cents(),
            row.available.cents(),
            "allocation {id}"
        );
    }
}

/// After the last settlement: every recorded delivery is on exactly one invoice line, and
/// the line names the invoice the delivery carries.
pub async fn invoiced_once(db: &DatabaseConnection, found: &mut Findings) {
    let deliveries = delivery::Entity::find()
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .all(db)
        .await
        .expect("read deliveries");
    let lines = invoice_line::Entity::find()
        .filter(invoice_line::Column::Kind.eq(InvoiceKind::Invoice))
        .all(db)
        .await
        .expect("read invoice lines");
    let mut by_delivery: HashMap<valinta::domain::ids::DeliveryId, Vec<&invoice_line::Model>> =
        HashMap::new();
    for line in &lines {
        by_delivery.entry(line.delivery_id).or_default().push(line);
    }
    for d in &deliveries {
        let on = by_delivery.get(&d.id).map_or(&[][..], Vec::as_slice);
        assert_eq!(
            on.len(),
            1,
            "delivery {} ({}) is on {} invoice lines",
            d.id,
            d.reference,
            on.len()
        );
        assert_eq!(
            Some(on[0].invoice_id),
            d.invoice_id,
            "delivery {} carries another invoice",
            d.id
        );
    }
    assert_eq!(
        lines.len(),
        deliveries.len(),
        "invoice lines for deliveries that are not recorded"
    );
    found.invoice_lines = lines.len();
}

async fn eventually<F, Fut>(within: Duration, what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let deadline = Instant::now() + within;
    loop {
        match done().await {
            Ok(()) => return,
            Err(why) if Instant::now() > deadline => panic!("{what} within {within:?}: {why}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

/// Floats compared as they print to the micro-unit: the index stores what JSON carried.
fn comparable(mut doc: OfferingDoc) -> OfferingDoc {
    let round = |x: f64| (x * 1e6).round() / 1e6;
    doc.rating_average = doc.rating_average.map(round);
    if let Some(location) = doc.location.as_mut() {
        location.lat = round(location.lat);
        location.lon = round(location.lon);
    }
    doc
}

/// Once the indexing outbox is empty, Meilisearch (asked directly) holds exactly the
/// documents the database's live offerings make.
pub async fn index_matches(db: &DatabaseConnection, meilisearch: &str, found: &mut Findings) {
    eventually(
        Duration::from_secs(30),
        "the indexing outbox empties",
        || async {
            let left = outbox_entry::Entity::find()
                .count(db)
                .await
                .map_err(|e| e.to_string())?;
            if left == 0 {
                Ok(())
            } else {
                Err(format!("{left} rows left"))
            }
        },
    )
    .await;
    let live = offering::Entity::find()
        .filter(offering::Column::Archived.eq(false))
        .all(db)
        .await
        .expect("read offerings");
    let expected: BTreeMap<uuid::Uuid, OfferingDoc> = valinta::indexing::build_documents(db, live)
        .await
        .expect("build the expected documents")
        .into_iter()
        .map(|d| (d.offering_id, comparable(d)))
        .collect();
    let http = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("HTTP client");
    let answer: serde_json::Value = http
        .get(format!(
            "{meilisearch}/indexes/offerings/documents?limit=100000"
        ))
        .bearer_auth(MEILI_KEY)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .expect("read the Meilisearch documents")
        .json()
        .await
        .expect("Meilisearch documents as JSON");
    let results = answer["results"].as_array().cloned().unwrap_or_default();
    let actual: BTreeMap<uuid::Uuid, OfferingDoc> = results
        .into_iter()
        .map(|value| {
            let doc: OfferingDoc = serde_json::from_value(value).expect("a Meilisearch document");
            (doc.offering_id, comparable(doc))
        })
        .collect();
    let missing: Vec<_> = expected
        .keys()
        .filter(|id| !actual.contains_key(id))
        .collect();
    let extra: Vec<_> = actual
        .keys()
        .filter(|id| !expected.contains_key(id))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "index: missing {missing:?}, not live {extra:?}"
    );
    for (id, doc) in &expected {
        assert_eq!(
            Some(doc),
            actual.get(id),
            "the document of offering {id} differs from the database"
        );
    }
    found.documents = expected.len();
}

/// Once nothing waits in the email outbox, each of its rows reached the SMTP server once
/// (by Message-ID); only a row claimed again after its claim ran out (the killed instance
/// had it) may have arrived twice, with the same Message-ID.
pub async fn emails_once(db: &DatabaseConnection, smtp: &SmtpServer, found: &mut Findings) {
    eventually(Duration::from_secs(60), "every email sent", || async {
        let waiting = email::Entity::find()
            .filter(email::Column::Status.is_in([EmailStatus::Pending, EmailStatus::Sending]))
            .count(db)
            .await
            .map_err(|e| e.to_string())?;
        if waiting == 0 {
            Ok(())
        } else {
            Err(format!("{waiting} waiting"))
        }
    })
    .await;
    let rows = email::Entity::find()
        .all(db)
        .await
        .expect("read the email outbox");
    let mut arrived: HashMap<String, usize> = HashMap::new();
    for message in smtp.received() {
        *arrived.entry(message.message_id).or_default() += 1;
    }
    let mut accounted = 0;
    for row in &rows {
        assert_eq!(
            row.status,
            EmailStatus::Sent,
            "email {} ended {:?}: {:?}",
            row.id,
            row.status,
            row.last_error
        );
        let copies = arrived
            .get(&format!("{}@valinta.invalid", row.id))
            .copied()
            .unwrap_or(0);
        accounted += copies;
        match copies {
            1 => {}
            n if n > 1 && row.attempts > 1 => found.resent_after_kill += 1,
            n => panic!(
                "email {} ({}) arrived {n} times after {} attempts",
                row.id, row.address, row.attempts
            ),
        }
    }
    let total: usize = arrived.values().sum();
    assert_eq!(
        total, accounted,
        "messages arrived that the outbox does not hold"
    );
    found.emails = rows.len();
}
