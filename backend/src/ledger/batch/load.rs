//! What a file of deliveries is decided against, read under the allocations' locks.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::{
    catalogue::terms::{self, History},
    db::{
        Db, WriteTx,
        entities::{allocation, commitment, delivery, offering, purchaser, service},
    },
    domain::{
        ids::{AllocationId, CommitmentId, OfferingId, ProviderId, PurchaserId, ServiceId},
        recording::RecordingDays,
    },
    error::AppResult,
    ledger::deliveries::NewDelivery,
    prices::PriceHistory,
};

use super::CHUNK;

/// The state the rows are decided against; accepted rows update it as they go.
pub(super) struct Books {
    pub commitments: HashMap<CommitmentId, commitment::Model>,
    pub allocations: HashMap<AllocationId, allocation::Model>,
    /// The catalogue entry of each commitment's offering, keyed by offering.
    pub services: HashMap<OfferingId, service::Model>,
    /// The catalogue terms over time of those services: each row is decided with the
    /// terms of its date.
    pub terms: HashMap<ServiceId, History>,
    pub existing: HashMap<String, delivery::Model>,
    /// Each purchaser's recording window, keyed by purchaser.
    pub windows: HashMap<PurchaserId, RecordingDays>,
    /// The last day of late recording opened on a commitment, keyed by commitment.
    pub late_until: HashMap<CommitmentId, chrono::NaiveDate>,
    /// Each offering's prices, keyed by offering.
    pub prices: HashMap<OfferingId, PriceHistory>,
}

/// Reads what the rows concern: the provider's commitments named in the file (others are
/// not found), their allocations (locked), catalogue entries (keyed by offering) and the
/// provider's deliveries under the file's references.
pub(super) async fn load(
    db: &Db,
    tx: &WriteTx,
    provider: ProviderId,
    rows: &[&NewDelivery],
) -> AppResult<Books> {
    let provider = Uuid::from(provider);
    let mut ids: Vec<CommitmentId> = rows.iter().map(|r| r.commitment).collect();
    ids.sort_unstable();
    ids.dedup();
    let own = |chunk: &[CommitmentId]| {
        Condition::all()
            .add(commitment::Column::Id.is_in(chunk.to_vec()))
            .add(commitment::Column::ProviderId.eq(provider))
    };
    let mut allocation_ids = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let found = commitment::Entity::find()
            .filter(own(chunk))
            .all(&**tx)
            .await?;
        allocation_ids.extend(found.into_iter().map(|c| c.allocation_id));
    }
    allocation_ids.sort_unstable();
    allocation_ids.dedup();
    let mut allocations = HashMap::new();
    for chunk in allocation_ids.chunks(CHUNK) {
        // In id order, so two uploads over the same allocations cannot deadlock.
        let mut query = allocation::Entity::find()
            .filter(allocation::Column::Id.is_in(chunk.to_vec()))
            .order_by_asc(allocation::Column::Id);
        if db.is_postgres() {
            query = query.lock_exclusive();
        }
        allocations.extend(query.all(&**tx).await?.into_iter().map(|a| (a.id, a)));
    }
    // Read again under the locks: a reservation may have changed meanwhile.
    let mut commitments = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let found = commitment::Entity::find()
            .filter(own(chunk))
            .all(&**tx)
            .await?;
        commitments.extend(found.into_iter().map(|c| (c.id, c)));
    }
    let services = services_by_offering(tx, &commitments).await?;
    let terms = terms::histories(&**tx, services.values()).await?;
    let mut references: Vec<String> = rows.iter().map(|r| r.reference.clone()).collect();
    references.sort_unstable();
    references.dedup();
    let mut existing = HashMap::new();
    for chunk in references.chunks(CHUNK) {
        let found = delivery::Entity::find()
            .filter(delivery::Column::ProviderId.eq(provider))
            .filter(delivery::Column::Reference.is_in(chunk.to_vec()))
            .all(&**tx)
            .await?;
        existing.extend(found.into_iter().map(|d| (d.reference.clone(), d)));
    }
    let commitment_ids: Vec<CommitmentId> = commitments.keys().copied().collect();
    let late_until = crate::late_recording::open_until(&**tx, &commitment_ids).await?;
    let offering_ids = offerings_of(&commitments);
    let prices = crate::prices::history::of_many(&**tx, &offering_ids).await?;
    let mut purchaser_ids: Vec<PurchaserId> =
        commitments.values().map(|c| c.purchaser_id).collect();
    purchaser_ids.sort_unstable();
    purchaser_ids.dedup();
    let windows = purchaser::Entity::find()
        .filter(purchaser::Column::Id.is_in(purchaser_ids))
        .all(&**tx)
        .await?
        .into_iter()
        .map(|p| (p.id, RecordingDays::from_stored(p.recording_days)))
        .collect();
    Ok(Books {
        commitments,
        allocations,
        services,
        terms,
        existing,
        windows,
        late_until,
        prices,
    })
}

/// The commitments' offerings, each once and in order.
fn offerings_of(commitments: &HashMap<CommitmentId, commitment::Model>) -> Vec<OfferingId> {
    let mut ids: Vec<OfferingId> = commitments.values().map(|c| c.offering_id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The catalogue entry of each commitment's offering, keyed by the offering.
async fn services_by_offering(
    tx: &WriteTx,
    commitments: &HashMap<CommitmentId, commitment::Model>,
) -> AppResult<HashMap<OfferingId, service::Model>> {
    let offering_ids = offerings_of(commitments);
    let mut service_of_offering = HashMap::new();
    for chunk in offering_ids.chunks(CHUNK) {
        let found = offering::Entity::find()
            .filter(offering::Column::Id.is_in(chunk.to_vec()))
            .all(&**tx)
            .await?;
        service_of_offering.extend(found.into_iter().map(|o| (o.id, o.service_id)));
    }
    let mut service_ids: Vec<ServiceId> = service_of_offering.values().copied().collect();
    service_ids.sort_unstable();
    service_ids.dedup();
    let mut services = HashMap::new();
    for chunk in service_ids.chunks(CHUNK) {
        let found = service::Entity::find()
            .filter(service::Column::Id.is_in(chunk.to_vec()))
            .all(&**tx)
            .await?;
        services.extend(found.into_iter().map(|s| (s.id, s)));
    }
    Ok(service_of_offering
        .into_iter()
        .filter_map(|(offering, service)| services.get(&service).map(|s| (offering, s.clone())))
        .collect())
}
