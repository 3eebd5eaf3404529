//! The transactional outbox: a side effect (re-indexing an offering, later an email) is a
//! row written in the same transaction as the change that causes it, so a crash between
//! commit and the side effect loses nothing. Payloads are ids only; the worker reloads.
use std::{
    sync::{
        LazyLock,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, Set};
use tokio::sync::Notify;

use crate::db::entities::outbox_entry;

/// Set when a transaction wrote an outbox row; the commit that follows wakes the worker
/// (see [`committed`]), so a change reaches the index without waiting for the next poll.
static ENQUEUED: AtomicBool = AtomicBool::new(false);
static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

pub use outbox_entry::Topic;

pub async fn enqueue(
    conn: &impl ConnectionTrait,
    topic: Topic,
    subject: uuid::Uuid,
) -> Result<(), DbErr> {
    let now = Utc::now();
    outbox_entry::ActiveModel {
        topic: Set(topic),
        subject_id: Set(subject),
        attempts: Set(0),
        available_at: Set(now),
        last_error: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    ENQUEUED.store(true, Ordering::Release);
    Ok(())
}

/// Called after every committed write transaction: wakes the worker when outbox rows were
/// written. A row written by another process (a sibling instance, a `valinta` command) is
/// found by the worker's poll instead.
pub fn committed() {
    if ENQUEUED.swap(false, Ordering::AcqRel) {
        WAKE.notify_one();
    }
}

/// Waits until a commit wrote outbox rows or `poll` has passed, whichever is first.
pub async fn wait_for_work(poll: Duration) {
    let _ = tokio::time::timeout(poll, WAKE.notified()).await;
}

/// Rows not yet carried out (waiting, or failed and waiting for their retry): what
/// `/ready` reports, so an operator sees changes kept while the engine is down.
pub async fn pending(conn: &impl ConnectionTrait) -> Result<u64, DbErr> {
    outbox_entry::Entity::find().count(conn).await
}
