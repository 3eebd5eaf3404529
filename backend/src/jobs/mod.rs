//! The in-process workers. `emails` sends the email outbox and runs the scheduled
//! reminders; the worker below carries out the indexing outbox: it claims due rows (with
//! `FOR UPDATE SKIP LOCKED` on PostgreSQL, so any number of instances share the work),
//! performs them, and deletes them; a failure is retried later with backoff. Performing a
//! row again is harmless (indexing is idempotent), so a crash between the side effect and
//! the delete only repeats work.
pub mod calendar;
pub mod emails;

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
    sea_query::{LockBehavior, LockType},
};
use valinta_search::Engine;

use crate::{
    db::{Db, entities::outbox_entry},
    domain::ids::OfferingId,
    indexing,
    outbox::{self, Topic},
};

/// How often an idle worker looks for new rows written by other processes; this process's
/// own commits wake it at once (`outbox::wait_for_work`).
const POLL: Duration = Duration::from_millis(100);
const BATCH: u64 = 500;
/// How often dated catalogue changes are looked for.
const TERMS_EVERY: Duration = Duration::from_secs(60);

pub struct Worker {
    pub db: Db,
    pub search: Arc<Engine>,
}

impl Worker {
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            // `app::serve` applied them at start; from then on every minute.
            let mut next_terms = tokio::time::Instant::now() + TERMS_EVERY;
            loop {
                if tokio::time::Instant::now() >= next_terms {
                    self.promote_catalogue_terms().await;
                    next_terms = tokio::time::Instant::now() + TERMS_EVERY;
                }
                match self.run_once().await {
                    Ok(0) => outbox::wait_for_work(POLL).await,
                    Ok(_) => {}
                    Err(err) => {
                        tracing::warn!("outbox worker: {err:#}");
                        tokio::time::sleep(POLL * 10).await;
                    }
                }
            }
        })
    }

    /// Catalogue changes whose day has come take effect on the service rows (every minute;
    /// `app::serve` does it at start): the terms of today, and the search documents when
    /// methods changed.
    async fn promote_catalogue_terms(&self) {
        match crate::catalogue::terms::promote_due(&self.db, crate::domain::today_in_finland())
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(services = n, "catalogue terms took effect"),
            Err(err) => tracing::warn!("catalogue terms: {err}"),
        }
    }

    /// Claims and performs one batch; returns how many rows it handled.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        if self.db.is_postgres() {
            self.run_once_locked().await
        } else {
            self.run_once_single().await
        }
    }

    fn due() -> sea_orm::Select<outbox_entry::Entity> {
        outbox_entry::Entity::find()
            .filter(outbox_entry::Column::AvailableAt.lte(Utc::now()))
            .order_by_asc(outbox_entry::Column::Seq)
            .limit(BATCH)
    }

    /// PostgreSQL: the claimed rows stay locked (and skipped by other instances) until
    /// this transaction deletes them or schedules their retry.
    async fn run_once_locked(&self) -> anyhow::Result<usize> {
        let tx = self.db.begin_write().await?;
        let rows = Self::due()
            .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
            .all(&*tx)
            .await?;
        let outcome = self.perform(&rows).await;
        let handled = record(&*tx, rows, outcome).await?;
        tx.commit().await?;
        Ok(handled)
    }

    /// SQLite serves one instance, so this worker is the only one: read, perform, then
    /// record the outcome in a short write transaction (never holding the write lock
    /// while indexing).
    async fn run_once_single(&self) -> anyhow::Result<usize> {
        let rows = Self::due().all(&self.db.conn).await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let outcome = self.perform(&rows).await;
        let tx = self.db.begin_write().await?;
        let handled = record(&*tx, rows, outcome).await?;
        tx.commit().await?;
        Ok(handled)
    }

    async fn perform(&self, rows: &[outbox_entry::Model]) -> anyhow::Result<()> {
        let mut offerings = Vec::new();
        for row in rows {
            match &row.topic {
                // The topic says which kind of row the subject is.
                Topic::SearchOffering => offerings.push(OfferingId::from(row.subject_id)),
                Topic::Unknown(topic) => {
                    tracing::error!(%topic, "unknown outbox topic; dropping the row")
                }
            }
        }
        offerings.sort();
        offerings.dedup();
        if !offerings.is_empty() {
            indexing::sync_offerings(&self.db, &self.search, &offerings).await?;
        }
        Ok(())
    }
}

/// Records what became of the rows: deleted when done, otherwise scheduled for a retry.
async fn record(
    conn: &impl ConnectionTrait,
    rows: Vec<outbox_entry::Model>,
    outcome: anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let handled = rows.len();
    match outcome {
        Ok(()) if handled > 0 => {
            outbox_entry::Entity::delete_many()
                .filter(outbox_entry::Column::Seq.is_in(rows.iter().map(|r| r.seq)))
                .exec(conn)
                .await?;
        }
        Ok(()) => {}
        Err(err) => {
            tracing::warn!(rows = handled, "outbox batch failed, will retry: {err:#}");
            for row in rows {
                retry_later(conn, row, &format!("{err:#}")).await?;
            }
        }
    }
    Ok(handled)
}

/// Backoff doubling from one second up to five minutes.
fn backoff(attempts: i32) -> chrono::Duration {
    let seconds = 1i64 << attempts.clamp(0, 8);
    chrono::Duration::seconds(seconds.min(300))
}

async fn retry_later(
    conn: &impl ConnectionTrait,
    row: outbox_entry::Model,
    error: &str,
) -> anyhow::Result<()> {
    let attempts = row.attempts + 1;
    let mut active = row.into_active_model();
    active.attempts = Set(attempts);
    active.available_at = Set(Utc::now() + backoff(attempts));
    active.last_error = Set(Some(error.chars().take(2000).collect()));
    active.update(conn).await?;
    Ok(())
}
