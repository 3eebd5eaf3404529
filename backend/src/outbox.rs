//! The transactional outbox: a side effect (re-indexing an offering, later an email) is a
//! row written in the same transaction as the change that causes it, so a crash between
//! commit and the side effect loses nothing. Payloads are ids only; the worker reloads.
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set, sea_query::Expr,
};

use crate::db::entities::outbox_entry;

pub use crate::db::outbox_wake::wait_for_work;

pub use outbox_entry::Topic;

/// `subject` is the typed id of the row the topic names (an offering's for
/// [`Topic::SearchOffering`]); the row keeps it as a bare UUID, as its kind varies.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    topic: Topic,
    subject: impl Into<uuid::Uuid>,
) -> Result<(), DbErr> {
    let now = Utc::now();
    outbox_entry::ActiveModel {
        topic: Set(topic),
        subject_id: Set(subject.into()),
        attempts: Set(0),
        available_at: Set(now),
        last_error: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    crate::db::outbox_wake::rows_written();
    Ok(())
}

/// Rows not yet carried out (waiting, or failed and waiting for their retry): what
/// `/ready` reports, so an operator sees changes kept while the engine is down.
pub async fn pending(conn: &impl ConnectionTrait) -> Result<u64, DbErr> {
    outbox_entry::Entity::find().count(conn).await
}

/// Makes every row of `topic` that waits for a later retry due now; returns how many. For
/// the end of an outage: the engine answers again, so the changes it kept need not wait
/// out their backoff (up to five minutes).
pub async fn make_due(conn: &impl ConnectionTrait, topic: Topic) -> Result<u64, DbErr> {
    let now = Utc::now();
    let updated = outbox_entry::Entity::update_many()
        .col_expr(outbox_entry::Column::AvailableAt, Expr::value(now))
        .filter(outbox_entry::Column::Topic.eq(topic))
        .filter(outbox_entry::Column::AvailableAt.gt(now))
        .exec(conn)
        .await?;
    Ok(updated.rows_affected)
}
