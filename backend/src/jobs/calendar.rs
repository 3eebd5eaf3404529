//! What the calendar brings: allocations whose period and grace days are over expire, and
//! offering prices that begin today come into force. Run at start (looking at everything,
//! so a worker that was down catches up) and then every minute; both are idempotent, so
//! any number of instances may run them.
use std::time::Duration;

use crate::{db::Db, domain::today_in_finland, error::AppResult, ledger::expiry, prices};

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub expired: usize,
    pub prices: usize,
}

/// One pass: expiry, then prices in force. `everything` looks at every offering's prices.
pub async fn run_once(db: &Db, everything: bool) -> AppResult<Pass> {
    let today = today_in_finland();
    Ok(Pass {
        expired: expiry::expire_due(db, today).await?,
        prices: prices::due::apply_due(db, today, everything).await?,
    })
}

/// The worker's loop: at start, then every `every`.
pub fn spawn(db: Db, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut everything = true;
        loop {
            match run_once(&db, everything).await {
                Ok(pass) if pass != Pass::default() => tracing::info!(
                    expired = pass.expired,
                    prices = pass.prices,
                    "calendar pass"
                ),
                Ok(_) => {}
                Err(err) => tracing::warn!("calendar pass failed: {err}"),
            }
            everything = false;
            tokio::time::sleep(every).await;
        }
    })
}
