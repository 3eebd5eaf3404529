//! Late recording of deliveries, per provider, for one purchaser: the data behind the
//! purchaser's report and, later, the reminder emails (the worker calls [`overdue`]).
//! A purchaser expects deliveries recorded within N days of their date
//! (`purchasers.recording_days`); the balance is only right when that happens.
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Query,
};
use serde::Serialize;

use crate::{
    db::entities::{allocation, commitment, delivery, provider},
    domain::{
        catalogue::{CommitmentStatus, DeliveryStatus},
        finnish_day_of as finnish_date,
        ids::{CommitmentId, DeliveryId, ProviderId, PurchaserId},
        recording::RecordingDays,
    },
    error::AppResult,
};

/// How far back deliveries recorded late are counted.
pub const LATE_LOOKBACK_DAYS: i64 = 90;

/// One provider with overdue recording for the purchaser.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OverdueProvider {
    pub provider_id: ProviderId,
    pub provider_name: String,
    /// Accepted commitments of running allocations with no delivery recorded in the last
    /// N days (and accepted more than N days ago).
    pub silent_commitments: u64,
    /// The longest silence: the oldest day one of them was last recorded on (or accepted).
    pub silent_since: Option<NaiveDate>,
    /// Deliveries recorded more than N days after their date, in the last 90 days.
    pub late_deliveries: u64,
    /// The oldest of them (earliest delivery date).
    pub oldest_case: Option<LateDelivery>,
}

#[derive(Clone, Serialize, utoipa::ToSchema)]
pub struct LateDelivery {
    pub delivery_id: DeliveryId,
    pub date: NaiveDate,
    pub recorded_on: NaiveDate,
    pub days_late: i64,
}

/// Providers with overdue recording for this purchaser as at `now`, most cases first.
pub async fn overdue(
    conn: &impl ConnectionTrait,
    purchaser: PurchaserId,
    days: RecordingDays,
    now: DateTime<Utc>,
) -> AppResult<Vec<OverdueProvider>> {
    let silent = silent_commitments(conn, purchaser, days, now).await?;
    let late = late_deliveries(conn, purchaser, days, now).await?;
    let providers: HashSet<ProviderId> = silent.keys().chain(late.keys()).copied().collect();
    let names: HashMap<ProviderId, String> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(providers.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut items: Vec<OverdueProvider> = providers
        .into_iter()
        .map(|id| {
            let quiet = silent.get(&id);
            let behind = late.get(&id);
            OverdueProvider {
                provider_id: id,
                provider_name: names.get(&id).cloned().unwrap_or_default(),
                silent_commitments: quiet.map_or(0, Vec::len) as u64,
                silent_since: quiet.and_then(|q| q.iter().min().copied()),
                late_deliveries: behind.map_or(0, Vec::len) as u64,
                oldest_case: behind
                    .and_then(|b| b.iter().min_by_key(|l| (l.date, -l.days_late)).cloned()),
            }
        })
        .collect();
    items.sort_by(|a, b| {
        (b.silent_commitments + b.late_deliveries)
            .cmp(&(a.silent_commitments + a.late_deliveries))
            .then_with(|| a.provider_name.cmp(&b.provider_name))
    });
    Ok(items)
}

/// The purchaser's allocations, as a subquery.
fn allocations_of(purchaser: PurchaserId) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(allocation::Column::Id)
        .from(allocation::Entity)
        .and_where(allocation::Column::PurchaserId.eq(uuid::Uuid::from(purchaser)))
        .to_owned()
}

/// Per provider, the day each silent commitment was last active (recorded on, or accepted).
async fn silent_commitments(
    conn: &impl ConnectionTrait,
    purchaser: PurchaserId,
    days: RecordingDays,
    now: DateTime<Utc>,
) -> AppResult<BTreeMap<ProviderId, Vec<NaiveDate>>> {
    let since = now - Duration::days(days.days());
    let today = finnish_date(now);
    let running = Query::select()
        .column(allocation::Column::Id)
        .from(allocation::Entity)
        .and_where(allocation::Column::PurchaserId.eq(uuid::Uuid::from(purchaser)))
        .and_where(allocation::Column::ValidFrom.lte(today))
        .and_where(allocation::Column::ValidTo.gte(today))
        .to_owned();
    // `updated_at` moves when the commitment is accepted (and when a delivery draws on its
    // reservation): one accepted in the last N days is not overdue yet.
    let candidates = commitment::Entity::find()
        .filter(commitment::Column::Status.eq(CommitmentStatus::Accepted))
        .filter(commitment::Column::AllocationId.in_subquery(running))
        .filter(commitment::Column::UpdatedAt.lt(since))
        .all(conn)
        .await?;
    let ids: Vec<CommitmentId> = candidates.iter().map(|c| c.id).collect();
    let recorded: Vec<(CommitmentId, DateTime<Utc>)> = delivery::Entity::find()
        .select_only()
        .column(delivery::Column::CommitmentId)
        .column(delivery::Column::CreatedAt)
        .filter(delivery::Column::CommitmentId.is_in(ids))
        .into_tuple()
        .all(conn)
        .await?;
    let mut last: HashMap<CommitmentId, DateTime<Utc>> = HashMap::new();
    for (c, at) in recorded {
        let entry = last.entry(c).or_insert(at);
        *entry = (*entry).max(at);
    }
    let mut out: BTreeMap<ProviderId, Vec<NaiveDate>> = BTreeMap::new();
    for c in candidates {
        let active = last
            .get(&c.id)
            .map_or(c.updated_at, |at| (*at).max(c.updated_at));
        if active < since {
            out.entry(c.provider_id)
                .or_default()
                .push(finnish_date(active));
        }
    }
    Ok(out)
}

/// Per provider, its deliveries recorded more than N days after their date.
async fn late_deliveries(
    conn: &impl ConnectionTrait,
    purchaser: PurchaserId,
    days: RecordingDays,
    now: DateTime<Utc>,
) -> AppResult<BTreeMap<ProviderId, Vec<LateDelivery>>> {
    let today = finnish_date(now);
    // A delivery dated within the last N days cannot be late yet, whenever recorded.
    let dated_before = today - Duration::days(days.days());
    let rows: Vec<(uuid::Uuid, ProviderId, NaiveDate, DateTime<Utc>)> = delivery::Entity::find()
        .select_only()
        .column(delivery::Column::Id)
        .column(delivery::Column::ProviderId)
        .column(delivery::Column::Date)
        .column(delivery::Column::CreatedAt)
        .filter(delivery::Column::AllocationId.in_subquery(allocations_of(purchaser)))
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .filter(delivery::Column::CreatedAt.gte(now - Duration::days(LATE_LOOKBACK_DAYS)))
        .filter(delivery::Column::Date.lt(dated_before))
        .into_tuple()
        .all(conn)
        .await?;
    let mut out: BTreeMap<ProviderId, Vec<LateDelivery>> = BTreeMap::new();
    for (id, provider, date, created) in rows {
        let recorded_on = finnish_date(created);
        let days_late = (recorded_on - date).num_days();
        if days_late > days.days() {
            out.entry(provider).or_default().push(LateDelivery {
                delivery_id: id.into(),
                date,
                recorded_on,
                days_late,
            });
        }
    }
    Ok(out)
}
