//! The in-process workers. `emails` sends the email outbox and runs the scheduled
//! reminders; the worker below carries out the indexing outbox: it claims due rows (with
//! `FOR UPDATE SKIP LOCKED` on PostgreSQL, so any number of instances share the work),
//! performs them, and deletes them; a failure is retried later with backoff. Performing a
//! row again is harmless (indexing is idempotent), so a crash between the side effect and
//! the delete only repeats work.
pub mod calendar;
pub mod emails;
pub mod search_engine;

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
    sea_query::{LockBehavior, LockType},
};
use valinta_search::{Engine, SearchError};

use crate::{
    db::{Db, entities::outbox_entry},
    domain::ids::OfferingId,
    indexing,
    jobs::search_engine::OutageWatch,
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
            let mut outage = OutageWatch::default();
            loop {
                if tokio::time::Instant::now() >= next_terms {
                    self.promote_catalogue_terms().await;
                    next_terms = tokio::time::Instant::now() + TERMS_EVERY;
                }
                // Changes wait in the outbox until the index exists with its settings.
                if !self.search.prepared() && !search_engine::catch_up(&self.db, &self.search).await
                {
                    tokio::time::sleep(search_engine::PROBE_EVERY).await;
                    continue;
                }
                outage.probe(&self.db, &self.search).await;
                match self.run_once().await {
                    Ok(pass) => {
                        if pass.engine_unreachable {
                            outage.unreachable();
                        }
                        if pass.handled == 0 {
                            outbox::wait_for_work(POLL).await;
                        }
                    }
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

    /// Claims and performs one batch.
    pub async fn run_once(&self) -> anyhow::Result<Pass> {
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

    /// PostgreSQL: one instance at a time indexes, holding a transaction-scoped advisory
    /// lock; the others find it taken and look again at their next poll. Claiming rows with
    /// `SKIP LOCKED` alone would let two instances take two changes of one offering, read it
    /// at different moments and reach the index in the other order, leaving the older text
    /// searchable. Under the lock a batch reads the offerings after every earlier batch's
    /// documents were sent, and the search engine applies them in the order it got them.
    /// The lock ends with the transaction, also when an instance dies.
    async fn run_once_locked(&self) -> anyhow::Result<Pass> {
        let tx = self.db.begin_write().await?;
        if !indexing_lock(&*tx).await? {
            return Ok(Pass::default());
        }
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
    async fn run_once_single(&self) -> anyhow::Result<Pass> {
        let rows = Self::due().all(&self.db.conn).await?;
        if rows.is_empty() {
            return Ok(Pass::default());
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

/// The advisory-lock key of the search outbox (any constant no other lock uses: "valinta"
/// and "index" in ASCII).
const INDEXING_LOCK: i64 = 0x7661_6c69_6e64_6578;

/// Takes the indexing lock for this transaction if no other instance holds it.
async fn indexing_lock(conn: &impl ConnectionTrait) -> anyhow::Result<bool> {
    let row = conn
        .query_one_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            "SELECT pg_try_advisory_xact_lock($1) AS taken",
            [INDEXING_LOCK.into()],
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<bool>("", "taken"))
        .transpose()?
        .unwrap_or(false))
}

/// What one pass of the worker did.
#[derive(Debug, Default)]
pub struct Pass {
    /// Rows carried out or scheduled for a retry.
    pub handled: usize,
    /// The batch failed because the search engine did not answer.
    pub engine_unreachable: bool,
}

/// Records what became of the rows: deleted when done, otherwise scheduled for a retry.
async fn record(
    conn: &impl ConnectionTrait,
    rows: Vec<outbox_entry::Model>,
    outcome: anyhow::Result<()>,
) -> anyhow::Result<Pass> {
    let handled = rows.len();
    let engine_unreachable = outcome.as_ref().is_err_and(|err| {
        matches!(
            err.downcast_ref::<SearchError>(),
            Some(SearchError::Unavailable(_))
        )
    });
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
    Ok(Pass {
        handled,
        engine_unreachable,
    })
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
