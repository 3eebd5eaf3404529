//! The wake-up between a write that queued outbox rows and the worker that carries them out:
//! the transaction's commit (here, in `db`) is the moment the rows become visible, so the
//! commit wakes the worker and a change reaches the index without waiting for the next poll.
//! Kept in `db` so that `outbox` depends on `db` and never the other way round.
use std::{
    sync::{
        LazyLock,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use tokio::sync::Notify;

/// Set when a transaction wrote an outbox row; the commit that follows wakes the worker.
static ENQUEUED: AtomicBool = AtomicBool::new(false);
static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

/// An outbox row was written in the current transaction.
pub fn rows_written() {
    ENQUEUED.store(true, Ordering::Release);
}

/// Called after every committed write transaction: wakes the worker when outbox rows were
/// written. A row written by another process (a sibling instance, a `valinta` command) is
/// found by the worker's poll instead.
pub(super) fn committed() {
    if ENQUEUED.swap(false, Ordering::AcqRel) {
        WAKE.notify_one();
    }
}

/// Waits until a commit wrote outbox rows or `poll` has passed, whichever is first.
pub async fn wait_for_work(poll: Duration) {
    let _ = tokio::time::timeout(poll, WAKE.notified()).await;
}
