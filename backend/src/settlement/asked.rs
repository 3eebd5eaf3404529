//! A settlement as finance asks for it: who may (the purchaser's finance staff) and which
//! month (one that has begun), then the run. The API and the portal's confirmation both
//! come here.
use crate::{
    auth::Actor,
    db::Db,
    domain::{catalogue::Role, ids::PurchaserId, today_in_finland},
    error::{AppError, AppResult},
    vault::Vault,
};

use super::{Month, run};

/// Finance staff of the purchaser, and a month that has begun.
pub fn settlement_month(actor: &Actor, pid: PurchaserId, month: &str) -> AppResult<Month> {
    actor.require_staff(pid, Role::Finance)?;
    let month = Month::parse(month).map_err(|e| AppError::invalid("month", e))?;
    if month.first_day > today_in_finland() {
        return Err(AppError::invalid("month", "must not be in the future"));
    }
    Ok(month)
}

/// Checks who asks and for which month, then settles it; with `confirmed` (a preview's
/// digest) only if the figures are still those the person saw.
pub async fn settle_month(
    db: &Db,
    vault: &Vault,
    actor: &Actor,
    pid: PurchaserId,
    month: &str,
    confirmed: Option<&str>,
) -> AppResult<(Month, run::Outcome)> {
    let month = settlement_month(actor, pid, month)?;
    let outcome = run::settle(
        db,
        vault,
        (pid, month),
        today_in_finland(),
        actor,
        confirmed,
    )
    .await?;
    Ok((month, outcome))
}
