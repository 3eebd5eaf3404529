//! Recording a file of deliveries at once. Every row is decided by the same rules as a
//! single delivery (`delivery_rules`), against the balances as the rows before it left
//! them, inside one write transaction that holds every allocation concerned (row locks in
//! id order on PostgreSQL, the write gate on SQLite). The rows that pass are then written
//! in bulk — deliveries, ledger entries, audit — and each balance once. With
//! `all_or_nothing` one refused row records nothing.
mod load;
mod write;

use std::collections::HashMap;

use crate::{
    audit,
    auth::Actor,
    db::Db,
    domain::{
        Money,
        ids::{DeliveryId, ProviderId},
        recording::RecordingDays,
        today_in_finland,
    },
    error::{AppError, AppResult},
    prices::PriceHistory,
};

use super::{
    Balance,
    deliveries::NewDelivery,
    delivery_rules::{Circumstances, Split, check_repeat, decide, delivery_row, spend},
    entry_row, movement_event, next_balance,
};
use load::{Books, load};
use write::{Writes, write};

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
    let today = today_in_finland();
    for (line, row) in rows {
        let reference = row.as_ref().ok().map(|n| n.reference.clone());
        let verdict = match row {
            Err(e) => Verdict::Refused(e),
            Ok(new) => match seen.get(&new.reference) {
                Some(first) => Verdict::Refused(in_file_twice(*first)),
                None => {
                    seen.insert(new.reference.clone(), line);
                    judge(&mut books, &mut writes, provider, &new, today, actor)
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
    today: chrono::NaiveDate,
    actor: &Actor,
) -> Verdict {
    let Some(commitment) = books.commitments.get(&new.commitment) else {
        return Verdict::Refused(
            AppError::not_found("commitment")
                .with_field("commitment", "is not a commitment of this provider"),
        );
    };
    if let Some(existing) = books.existing.get(&new.reference) {
        return match check_repeat(existing, new) {
            Ok(()) => Verdict::Duplicate(existing.id),
            Err(e) => Verdict::Refused(e),
        };
    }
    let offering = commitment.offering_id;
    let (Some(allocation), Some(service)) = (
        books.allocations.get(&commitment.allocation_id),
        books.services.get(&offering),
    ) else {
        return Verdict::Refused(AppError::internal(
            "commitment without allocation or service",
        ));
    };
    // The catalogue's terms (cap, voucher value) in force on the row's date.
    let dated = books
        .terms
        .get(&service.id)
        .map(|history| history.at(new.date).overlay(service.clone()));
    let service = dated.as_ref().unwrap_or(service);
    let no_prices = PriceHistory::default();
    let now = Circumstances {
        today,
        recording_days: books
            .windows
            .get(&commitment.purchaser_id)
            .copied()
            .unwrap_or(RecordingDays::DEFAULT),
        late_until: books.late_until.get(&commitment.id).copied(),
        prices: books.prices.get(&offering).unwrap_or(&no_prices),
    };
    let decision = match decide(commitment, allocation, service, new, &now) {
        Ok(decision) => decision,
        Err(e) => return Verdict::Refused(e),
    };
    let id = DeliveryId::new_time_ordered();
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
        .push(entry_row(allocation.id, &movement, Some(actor)));
    writes.audits.push(audit::row(
        Some(actor),
        None,
        movement_event(allocation.id, allocation.client_id, &movement),
    ));
    let (allocation_id, commitment_id) = (allocation.id, commitment.id);
    writes.allocations.push(allocation_id);
    writes.commitments.push(commitment_id);
    if let Some(a) = books.allocations.get_mut(&allocation_id) {
        a.available = after.available;
        a.reserved = after.reserved;
        a.spent = after.spent;
    }
    if let Some(c) = books.commitments.get_mut(&commitment_id) {
        c.reserved = c.reserved - decision.draw.from_reserved;
    }
    Verdict::Accepted(id, decision.split)
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
