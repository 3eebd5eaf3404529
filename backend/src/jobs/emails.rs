//! The email sender. It claims due emails from the outbox (`FOR UPDATE SKIP LOCKED` on
//! PostgreSQL, so any number of instances share the work and no two claim the same row),
//! commits the claim, sends, and records the outcome. A temporary failure (4xx, the server
//! unreachable) is retried with a doubling delay up to a limit, then marked failed for the
//! admin to see; a permanent one (5xx) is marked failed at once.
//!
//! The guarantee, honestly: at least once, with de-duplication by Message-ID. The claim
//! is committed before sending, so a worker that dies between sending and recording leaves
//! the row claimed; when the claim expires another pass sends it again with the same
//! Message-ID (the outbox row's id), which mail systems use to drop the copy. Two
//! instances never send one message at the same time: a row is claimed by one of them
//! until its claim expires, and a claim outlives the SMTP timeout many times over.
use std::{sync::Arc, time::Duration};

use chrono::Utc;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, LockBehavior, LockType},
};
use valinta_emails::{Lang, Notification, PortalUrl, Recipient, SendError, Transport};

use crate::{
    db::{Db, entities::email},
    notify::queue::EmailStatus,
};

/// How the sender behaves; the defaults suit production, tests shorten them.
#[derive(Clone, Debug)]
pub struct SenderSettings {
    pub from: valinta_emails::Mailbox,
    pub portal: PortalUrl,
    /// How long a claimed row is reserved for the instance sending it.
    pub lease: Duration,
    /// The first retry waits this long; each further one twice as long (at most an hour).
    pub retry_base: Duration,
    /// Attempts before a temporarily failing message is given up and marked failed.
    pub max_attempts: i32,
    /// A balance under this percentage of the grant is reminded of as low.
    pub low_balance_percent: i64,
    /// Sent emails are kept this long (for the admin's view and support), then deleted:
    /// they hold people's addresses and what was written to them.
    pub keep_sent: chrono::Duration,
    /// Test-only fault hook: exit the process right after a successful send, before the
    /// outcome is recorded, to show what a crash there does.
    pub crash_after_send: bool,
}

const BATCH: u64 = 10;
const IDLE: Duration = Duration::from_millis(250);

pub struct Sender {
    pub db: Db,
    pub transport: Arc<Transport>,
    pub settings: SenderSettings,
}

/// What became of one message.
enum Outcome {
    Sent,
    Retry(String),
    Failed(String),
}

impl Sender {
    /// Claims and sends one batch; returns how many rows it handled.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let rows = self.claim().await?;
        for row in &rows {
            let outcome = self.deliver(row).await;
            if self.settings.crash_after_send && matches!(outcome, Outcome::Sent) {
                tracing::error!(email = %row.id, "fault hook: exiting between send and record");
                std::process::exit(86);
            }
            self.record(row, outcome).await?;
        }
        Ok(rows.len())
    }

    /// Due rows: pending and available, or claimed by a sender whose claim ran out.
    async fn claim(&self) -> anyhow::Result<Vec<email::Model>> {
        let now = Utc::now();
        let due = Condition::any()
            .add(
                Condition::all()
                    .add(email::Column::Status.eq(EmailStatus::Pending))
                    .add(email::Column::AvailableAt.lte(now)),
            )
            .add(
                Condition::all()
                    .add(email::Column::Status.eq(EmailStatus::Sending))
                    .add(email::Column::ClaimedUntil.lt(now)),
            );
        // Most polls find nothing: look first without taking a write transaction (on SQLite
        // that would take the write lock four times a second for nothing).
        let any = email::Entity::find()
            .filter(due.clone())
            .one(&self.db.conn)
            .await?;
        if any.is_none() {
            return Ok(Vec::new());
        }
        let tx = self.db.begin_write().await?;
        let mut select = email::Entity::find()
            .filter(due)
            .order_by_asc(email::Column::AvailableAt)
            .limit(BATCH);
        if self.db.is_postgres() {
            select = select.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let rows = select.all(&*tx).await?;
        if rows.is_empty() {
            return Ok(rows);
        }
        let until = now + chrono::Duration::from_std(self.settings.lease)?;
        email::Entity::update_many()
            .col_expr(email::Column::Status, Expr::value(EmailStatus::Sending))
            .col_expr(email::Column::ClaimedUntil, Expr::value(until))
            .col_expr(
                email::Column::Attempts,
                Expr::col(email::Column::Attempts).add(1),
            )
            .filter(email::Column::Id.is_in(rows.iter().map(|r| r.id)))
            .exec(&*tx)
            .await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|r| email::Model {
                attempts: r.attempts + 1,
                ..r
            })
            .collect())
    }

    async fn deliver(&self, row: &email::Model) -> Outcome {
        let notification: Notification = match serde_json::from_value(row.payload.clone()) {
            Ok(n) => n,
            Err(err) => return Outcome::Failed(format!("unreadable message: {err}")),
        };
        let to = Recipient {
            address: row.address.clone(),
            name: row.name.clone(),
            lang: Lang::parse(&row.lang).unwrap_or_default(),
        };
        let rendered = notification.render_to(&to, &self.settings.portal);
        let message = match valinta_emails::compose(row.id.0, &self.settings.from, &to, &rendered) {
            Ok(m) => m,
            Err(err) => return Outcome::Failed(format!("{err}")),
        };
        match self.transport.send(&message).await {
            Ok(()) => Outcome::Sent,
            Err(SendError::Temporary(reason)) => Outcome::Retry(reason),
            Err(SendError::Permanent(reason)) => Outcome::Failed(reason),
        }
    }

    /// Records the outcome, only if the row is still ours (claimed, not sent by another).
    async fn record(&self, row: &email::Model, outcome: Outcome) -> anyhow::Result<()> {
        let now = Utc::now();
        let mut update = email::Entity::update_many()
            .filter(email::Column::Id.eq(row.id))
            .filter(email::Column::Status.eq(EmailStatus::Sending))
            .col_expr(
                email::Column::ClaimedUntil,
                Expr::value(None::<chrono::DateTime<Utc>>),
            );
        match outcome {
            Outcome::Sent => {
                metrics::counter!("valinta_emails_sent_total").increment(1);
                tracing::info!(email = %row.id, kind = %row.kind, "email sent");
                update = update
                    .col_expr(email::Column::Status, Expr::value(EmailStatus::Sent))
                    .col_expr(email::Column::SentAt, Expr::value(Some(now)))
                    .col_expr(email::Column::LastError, Expr::value(None::<String>));
            }
            Outcome::Retry(reason) if row.attempts < self.settings.max_attempts => {
                let wait = self.backoff(row.attempts);
                tracing::warn!(email = %row.id, attempts = row.attempts, "email not sent, will retry: {reason}");
                update = update
                    .col_expr(email::Column::Status, Expr::value(EmailStatus::Pending))
                    .col_expr(email::Column::AvailableAt, Expr::value(now + wait))
                    .col_expr(email::Column::LastError, Expr::value(Some(clip(&reason))));
            }
            Outcome::Retry(reason) | Outcome::Failed(reason) => {
                metrics::counter!("valinta_emails_failed_total").increment(1);
                tracing::error!(email = %row.id, attempts = row.attempts, "email failed: {reason}");
                update = update
                    .col_expr(email::Column::Status, Expr::value(EmailStatus::Failed))
                    .col_expr(email::Column::LastError, Expr::value(Some(clip(&reason))));
            }
        }
        let tx = self.db.begin_write().await?;
        update.exec(&*tx).await?;
        tx.commit().await?;
        Ok(())
    }

    fn backoff(&self, attempts: i32) -> chrono::Duration {
        let factor = 1u32 << attempts.clamp(1, 16).saturating_sub(1);
        let wait = self
            .settings
            .retry_base
            .saturating_mul(factor)
            .min(Duration::from_secs(3600));
        chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1))
    }
}

fn clip(reason: &str) -> String {
    reason.chars().take(2000).collect()
}

/// Deletes the emails sent before `cutoff`; returns how many. Failed ones stay until an
/// admin has seen them (they are few, and they say what went wrong).
pub async fn forget_sent_before(db: &Db, cutoff: chrono::DateTime<Utc>) -> anyhow::Result<u64> {
    let tx = db.begin_write().await?;
    let deleted = email::Entity::delete_many()
        .filter(email::Column::Status.eq(EmailStatus::Sent))
        .filter(email::Column::SentAt.lt(cutoff))
        .exec(&*tx)
        .await?
        .rows_affected;
    tx.commit().await?;
    Ok(deleted)
}

/// Marks a failed email for sending again (the admin's retry button).
pub async fn retry_failed(db: &Db, id: uuid::Uuid) -> anyhow::Result<bool> {
    let tx = db.begin_write().await?;
    let changed = email::Entity::update_many()
        .filter(email::Column::Id.eq(id))
        .filter(email::Column::Status.eq(EmailStatus::Failed))
        .col_expr(email::Column::Status, Expr::value(EmailStatus::Pending))
        .col_expr(email::Column::Attempts, Expr::value(0))
        .col_expr(email::Column::AvailableAt, Expr::value(Utc::now()))
        .exec(&*tx)
        .await?
        .rows_affected;
    tx.commit().await?;
    Ok(changed > 0)
}

impl Sender {
    /// The sending loop, with the scheduled reminders looked for every `reminders_every`
    /// (and once at start, so a restart catches up at once).
    pub fn spawn(self, reminders_every: Duration) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut next_scan = tokio::time::Instant::now();
            loop {
                if tokio::time::Instant::now() >= next_scan {
                    let today = crate::domain::today_in_finland();
                    match crate::notify::reminders::run(
                        &self.db,
                        Utc::now(),
                        today,
                        self.settings.low_balance_percent,
                    )
                    .await
                    {
                        Ok(sent) if sent.events > 0 => {
                            tracing::info!(events = sent.events, "reminders queued")
                        }
                        Ok(_) => {}
                        Err(err) => tracing::warn!("reminder scan failed: {err}"),
                    }
                    match forget_sent_before(&self.db, Utc::now() - self.settings.keep_sent).await {
                        Ok(0) => {}
                        Ok(n) => tracing::info!(emails = n, "old sent emails deleted"),
                        Err(err) => tracing::warn!("deleting old sent emails failed: {err:#}"),
                    }
                    if let Err(err) = crate::accounts::housekeeping(&self.db).await {
                        tracing::warn!("deleting expired sessions and links failed: {err}");
                    }
                    next_scan = tokio::time::Instant::now() + reminders_every;
                }
                match self.run_once().await {
                    Ok(0) => tokio::time::sleep(IDLE).await,
                    Ok(_) => {}
                    Err(err) => {
                        tracing::warn!("email sender: {err:#}");
                        tokio::time::sleep(IDLE * 8).await;
                    }
                }
            }
        })
    }
}
