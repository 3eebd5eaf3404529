//! Recording a file of deliveries at once. Every row is decided by the same rules as a
//! single delivery (`delivery_rules`), against the balances as the rows before it left
//! them, inside one write transaction that holds every allocation concerned (row locks in
//! id order on PostgreSQL, the write gate on SQLite). The rows that pass are then written
//! in bulk — deliveries, ledger entries, audit — and each balance once. With
//! `all_or_nothing` one refused row records nothing.
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::{
    audit,
    auth::Actor,
    db::{
        Db, WriteTx,
        entities::{
            allocation, audit_entry, commitment, delivery, ledger_entry, offering, service,
        },
    },
    domain::{
        Money,
        ids::{DeliveryId, ProviderId},
    },
    error::{AppError, AppResult},
};

use super::{
    Balance,
    deliveries::NewDelivery,
    delivery_rules::{Split, check_repeat, decide, delivery_row, spend},
    entry_row, movement_event, next_balance,
};

/// Rows per statement: far below SQLite's and PostgreSQL's limits on bound values.
const CHUNK: usize = 500;

/// What became of one row.
#[derive(Debug)]
pub enum Verdict {
    /// Recorded as this delivery.
    Accepted(DeliveryId, Split),
    /// Would have been recorded, but another row was refused and all or nothing was asked.
    Valid(Split),
    /// Sent before with the same reference and content: that delivery, charged once.
    Duplicate(DeliveryId),
    Refused(AppError),
}

pub struct RowOutcome {
    pub line: u64,
    pub reference: Option<String>,
    pub verdict: Verdict,
}

pub struct BatchOutcome {
    pub rows: Vec<RowOutcome>,
    /// Whether the accepted rows were written (false when all or nothing refused them).
    pub committed: bool,
}

/// The state the rows are decided against; accepted rows update it as they go.
struct Books {
    commitments: HashMap<Uuid, commitment::Model>,
    allocations: HashMap<Uuid, allocation::Model>,
    services: HashMap<Uuid, service::Model>,
    existing: HashMap<String, delivery::Model>,
}

/// What the accepted rows write.
#[derive(Default)]
struct Writes {
    deliveries: Vec<delivery::ActiveModel>,
    entries: Vec<ledger_entry::ActiveModel>,
    audits: Vec<audit_entry::ActiveModel>,
    commitments: Vec<Uuid>,
    allocations: Vec<Uuid>,
}

/// Records the rows (`line`, parsed delivery or the reason it could not be read).
pub async fn record_all(
    db: &Db,
    provider: ProviderId,
    rows: Vec<(u64, AppResult<NewDelivery>)>,
    all_or_nothing: bool,
    actor: &Actor,
) -> AppResult<BatchOutcome> {
    let tx = db.begin_write().await?;
    let parsed: Vec<&NewDelivery> = rows.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    let mut books = load(db, &tx, provider, &parsed).await?;
    let mut writes = Writes::default();
    let mut outcomes = Vec::with_capacity(rows.len());
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, row) in rows {
        let reference = row.as_ref().ok().map(|n| n.reference.clone());
        let verdict = match row {
            Err(e) => Verdict::Refused(e),
            Ok(new) => match seen.get(&new.reference) {
                Some(first) => Verdict::Refused(in_file_twice(*first)),
                None => {
                    seen.insert(new.reference.clone(), line);
                    judge(&mut books, &mut writes, provider, &new, actor)
                }
            },
        };
        outcomes.push(RowOutcome {
            line,
            reference,
            verdict,
        });
    }
    let refused = outcomes
        .iter()
        .any(|o| matches!(o.verdict, Verdict::Refused(_)));
    if all_or_nothing && refused {
        // Nothing has been written yet; dropping the transaction releases the locks.
        drop(tx);
        for outcome in &mut outcomes {
            if let Verdict::Accepted(_, split) = outcome.verdict {
                outcome.verdict = Verdict::Valid(split);
            }
        }
        return Ok(BatchOutcome {
            rows: outcomes,
            committed: false,
        });
    }
    write(&tx, books, writes).await?;
    tx.commit().await?;
    Ok(BatchOutcome {
        rows: outcomes,
        committed: true,
    })
}

fn in_file_twice(first: u64) -> AppError {
    AppError::conflict(
        "duplicate_in_file",
        format!("this reference is already used on line {first} of the file"),
    )
    .with_field("reference", format!("is already used on line {first}"))
}

/// One row against the books: a resend, a refusal, or accepted (its writes queued and
/// the balances moved, so the next row sees them).
fn judge(
    books: &mut Books,
    writes: &mut Writes,
    provider: ProviderId,
    new: &NewDelivery,
    actor: &Actor,
) -> Verdict {
    let Some(commitment) = books.commitments.get(&Uuid::from(new.commitment)) else {
        return Verdict::Refused(
            AppError::not_found("commitment")
                .with_field("commitment", "is not a commitment of this provider"),
        );
    };
    if let Some(existing) = books.existing.get(&new.reference) {
        return match check_repeat(existing, new) {
            Ok(()) => Verdict::Duplicate(existing.id.into()),
            Err(e) => Verdict::Refused(e),
        };
    }
    let (Some(allocation), Some(service)) = (
        books.allocations.get(&commitment.allocation_id),
        books.services.get(&commitment.offering_id),
    ) else {
        return Verdict::Refused(AppError::internal(
            "commitment without allocation or service",
        ));
    };
    let decision = match decide(commitment, allocation, service, new) {
        Ok(decision) => decision,
        Err(e) => return Verdict::Refused(e),
    };
    let id = DeliveryId::new();
    let movement = spend(new, id, &decision);
    let after = match next_balance(Balance::of(allocation), &movement) {
        Ok(after) => after,
        Err(e) => return Verdict::Refused(e),
    };
    writes.deliveries.push(delivery_row(
        id, provider, new, allocation, &decision, actor,
    ));
    writes
        .entries
        .push(entry_row(allocation.id, &movement, actor));
    writes.audits.push(audit::row(
        Some(actor),
        None,
        movement_event(allocation.id, allocation.client_id, &movement),
    ));
    let (allocation_id, commitment_id) = (allocation.id, commitment.id);
    writes.allocations.push(allocation_id);
    writes.commitments.push(commitment_id);
    if let Some(a) = books.allocations.get_mut(&allocation_id) {
        a.available_cents = after.available.cents();
        a.reserved_cents = after.reserved.cents();
        a.spent_cents = after.spent.cents();
    }
    if let Some(c) = books.commitments.get_mut(&commitment_id) {
        c.reserved_cents -= decision.draw.from_reserved.cents();
    }
    Verdict::Accepted(id, decision.split)
}

/// Reads what the rows concern: the provider's commitments named in the file (others are
/// not found), their allocations (locked), catalogue entries (keyed by offering) and the
/// provider's deliveries under the file's references.
async fn load(
    db: &Db,
    tx: &WriteTx,
    provider: ProviderId,
    rows: &[&NewDelivery],
) -> AppResult<Books> {
    let provider = Uuid::from(provider);
    let mut ids: Vec<Uuid> = rows.iter().map(|r| r.commitment.into()).collect();
    ids.sort_unstable();
    ids.dedup();
    let own = |chunk: &[Uuid]| {
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
    Ok(Books {
        commitments,
        allocations,
        services,
        existing,
    })
}

/// The catalogue entry of each commitment's offering, keyed by the offering.
async fn services_by_offering(
    tx: &WriteTx,
    commitments: &HashMap<Uuid, commitment::Model>,
) -> AppResult<HashMap<Uuid, service::Model>> {
    let mut offering_ids: Vec<Uuid> = commitments.values().map(|c| c.offering_id).collect();
    offering_ids.sort_unstable();
    offering_ids.dedup();
    let mut service_of_offering = HashMap::new();
    for chunk in offering_ids.chunks(CHUNK) {
        let found = offering::Entity::find()
            .filter(offering::Column::Id.is_in(chunk.to_vec()))
            .all(&**tx)
            .await?;
        service_of_offering.extend(found.into_iter().map(|o| (o.id, o.service_id)));
    }
    let mut service_ids: Vec<Uuid> = service_of_offering.values().copied().collect();
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

/// Writes the accepted rows: deliveries first (the entries refer to them), then each
/// changed reservation and balance once, then the ledger entries and the audit log.
async fn write(tx: &WriteTx, books: Books, writes: Writes) -> AppResult<()> {
    if writes.deliveries.is_empty() {
        return Ok(());
    }
    for chunk in writes.deliveries.chunks(CHUNK) {
        delivery::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&**tx)
            .await
            .map_err(
                |e| match AppError::from_unique(e, "reference", "is already used") {
                    err if err.code == "duplicate" => AppError::conflict(
                        "concurrent_recording",
                        "another request recorded one of these references at the same moment; \
                     send the file again: what is already recorded will show as duplicate",
                    ),
                    err => err,
                },
            )?;
    }
    update_reservations(tx, &books, writes.commitments).await?;
    update_balances(tx, &books, writes.allocations).await?;
    for chunk in writes.entries.chunks(CHUNK) {
        ledger_entry::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&**tx)
            .await?;
    }
    for chunk in writes.audits.chunks(CHUNK) {
        audit_entry::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&**tx)
            .await?;
    }
    Ok(())
}

async fn update_reservations(tx: &WriteTx, books: &Books, mut ids: Vec<Uuid>) -> AppResult<()> {
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let Some(model) = books.commitments.get(&id) else {
            continue;
        };
        let mut active = model.clone().into_active_model();
        // Marked changed even when equal: `into_active_model` marks nothing as set.
        active.reserved_cents = Set(model.reserved_cents);
        active.updated_at = Set(Utc::now());
        active.update(&**tx).await?;
    }
    Ok(())
}

async fn update_balances(tx: &WriteTx, books: &Books, mut ids: Vec<Uuid>) -> AppResult<()> {
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let Some(model) = books.allocations.get(&id) else {
            continue;
        };
        let balance = Balance::of(model);
        if balance.granted != balance.available + balance.reserved + balance.spent {
            return Err(AppError::internal(
                "a batch broke granted = available + reserved + spent",
            ));
        }
        let mut active = model.clone().into_active_model();
        active.available_cents = Set(model.available_cents);
        active.reserved_cents = Set(model.reserved_cents);
        active.spent_cents = Set(model.spent_cents);
        active.update(&**tx).await?;
    }
    Ok(())
}

/// The sums of the rows recorded (or, when nothing was, of those that would have been).
pub fn totals(outcome: &BatchOutcome) -> Split {
    let zero = Money::ZERO;
    outcome.rows.iter().fold(
        Split {
            total: zero,
            purchaser_share: zero,
            client_share: zero,
        },
        |sum, row| match row.verdict {
            Verdict::Accepted(_, s) | Verdict::Valid(s) => Split {
                total: sum.total + s.total,
                purchaser_share: sum.purchaser_share + s.purchaser_share,
                client_share: sum.client_share + s.client_share,
            },
            _ => sum,
        },
    )
}
