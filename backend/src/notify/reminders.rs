//! Scheduled reminders, run by the worker from time to time: allocations ending in 30 and
//! in 7 days, a balance under 20 % of the grant, commitments waiting for deliveries to be
//! recorded, reviews waiting for a reply, the weekly digest of deliveries, and the plans'
//! decision deadlines and goal evaluations (`plans`). Each event is
//! claimed by its key in the same transaction as its emails, so it is sent at most once,
//! whatever restarts or other instances do.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use valinta_emails::{
    AllocationEnding, BalanceLow, DeliveriesOverdue, Notification, ReviewReplyReminder,
};

use crate::{
    db::{
        Db,
        entities::{allocation, purchaser, review},
    },
    domain::recording::RecordingDays,
    error::AppResult,
};

use super::{
    lookup::{self, euros, text_in},
    queue,
    recipients::{self, Addressee},
};

/// A review unanswered this long reminds the provider once.
pub const REPLY_REMINDER_DAYS: i64 = 7;

/// How many reminder events were sent, by kind; for the log and the tests.
#[derive(Debug, Default)]
pub struct Sent {
    pub events: usize,
}

/// Runs every scan once, as at `now` (the day in Finland is `today`); a balance under
/// `low_percent` % of the grant counts as low.
pub async fn run(
    db: &Db,
    now: DateTime<Utc>,
    today: NaiveDate,
    low_percent: i64,
) -> AppResult<Sent> {
    let mut sent = Sent::default();
    sent.events += allocations(db, today, low_percent).await?;
    sent.events += overdue_recording(db, now, today).await?;
    sent.events += review_replies(db, now).await?;
    sent.events += super::digest::weekly(db, today).await?;
    sent.events += super::plans::decisions_due(db, today).await?;
    sent.events += super::plans::evaluations_due(db, today).await?;
    Ok(sent)
}

/// Claims `event` and queues one message per addressee, in one transaction; returns
/// whether this call sent it.
pub(super) async fn once<F>(db: &Db, event: &str, to: Vec<Addressee>, build: F) -> AppResult<bool>
where
    F: Fn(&Addressee) -> Notification,
{
    // No one to tell yet (a client without an address): leave the event unclaimed, so the
    // reminder still goes out if an address is added while it matters.
    if to.is_empty() {
        return Ok(false);
    }
    let tx = db.begin_write().await?;
    if !queue::claim_event(&*tx, event).await? {
        return Ok(false);
    }
    queue::send_each(&*tx, &to, build).await?;
    tx.commit().await?;
    Ok(true)
}

/// The events among `keys` not yet sent.
pub(super) async fn unsent(db: &Db, keys: Vec<String>) -> AppResult<Vec<String>> {
    let claimed = queue::claimed_events(&db.conn, &keys).await?;
    Ok(keys.into_iter().filter(|k| !claimed.contains(k)).collect())
}

async fn allocations(db: &Db, today: NaiveDate, low_percent: i64) -> AppResult<usize> {
    let running = allocation::Entity::find()
        .filter(allocation::Column::ValidFrom.lte(today))
        .filter(allocation::Column::ValidTo.gte(today))
        .all(&db.conn)
        .await?;
    let mut candidates = Vec::new();
    for a in running {
        let days_left = (a.valid_to - today).num_days();
        if days_left <= 7 {
            candidates.push((format!("allocation_ending_7:{}", a.id), a.clone()));
        } else if days_left <= 30 {
            candidates.push((format!("allocation_ending_30:{}", a.id), a.clone()));
        }
        if a.granted.cents() > 0 && a.available.cents() * 100 < a.granted.cents() * low_percent {
            candidates.push((format!("balance_low:{}", a.id), a));
        }
    }
    let keys = candidates.iter().map(|(k, _)| k.clone()).collect();
    let todo = unsent(db, keys).await?;
    let mut sent = 0;
    for (key, a) in candidates.into_iter().filter(|(k, _)| todo.contains(k)) {
        let to = recipients::client_side(&db.conn, a.client_id).await?;
        let available = euros(a.available);
        let done = if key.starts_with("balance_low") {
            let percent = u32::try_from(a.available.cents() * 100 / a.granted.cents()).unwrap_or(0);
            once(db, &key, to, |to| {
                Notification::BalanceLow(BalanceLow {
                    on_behalf_of: to.on_behalf_of.clone(),
                    available,
                    granted: euros(a.granted),
                    percent,
                    link: "/my".into(),
                })
            })
            .await?
        } else {
            let days = u32::try_from((a.valid_to - today).num_days()).unwrap_or(0);
            once(db, &key, to, |to| {
                Notification::AllocationEnding(AllocationEnding {
                    on_behalf_of: to.on_behalf_of.clone(),
                    valid_to: a.valid_to,
                    days,
                    available,
                    link: "/my".into(),
                })
            })
            .await?
        };
        sent += usize::from(done);
    }
    Ok(sent)
}

/// A provider with commitments silent for longer than the purchaser expects hears it at
/// most once a week per purchaser.
async fn overdue_recording(db: &Db, now: DateTime<Utc>, today: NaiveDate) -> AppResult<usize> {
    let week = today.iso_week();
    let mut sent = 0;
    for p in purchaser::Entity::find().all(&db.conn).await? {
        let days = RecordingDays::from_stored(p.recording_days);
        let overdue = crate::recording::overdue(&db.conn, p.id, days, now).await?;
        for o in overdue.into_iter().filter(|o| o.silent_commitments > 0) {
            let provider = o.provider_id;
            let key = format!(
                "overdue_recording:{}:{provider}:{}-W{:02}",
                p.id,
                week.year(),
                week.week()
            );
            if unsent(db, vec![key.clone()]).await?.is_empty() {
                continue;
            }
            let to = recipients::provider_staff(&db.conn, provider).await?;
            let commitments = u32::try_from(o.silent_commitments).unwrap_or(u32::MAX);
            let done = once(db, &key, to, |_| {
                Notification::DeliveriesOverdue(DeliveriesOverdue {
                    purchaser: p.name.clone(),
                    commitments,
                    recording_days: u32::try_from(days.days()).unwrap_or(0),
                    link: "/provider/commitments".into(),
                })
            })
            .await?;
            sent += usize::from(done);
        }
    }
    Ok(sent)
}

/// Visible reviews that have waited a week for the provider's reply (looked at for two
/// months, so an old review does not remind anyone years later).
async fn review_replies(db: &Db, now: DateTime<Utc>) -> AppResult<usize> {
    let waiting = review::Entity::find()
        .filter(review::Column::ReplyText.is_null())
        .filter(review::Column::HiddenAt.is_null())
        .filter(review::Column::CreatedAt.lte(now - Duration::days(REPLY_REMINDER_DAYS)))
        .filter(review::Column::CreatedAt.gte(now - Duration::days(60)))
        .all(&db.conn)
        .await?;
    let keys = waiting
        .iter()
        .map(|r| format!("review_reply:{}", r.id))
        .collect();
    let todo = unsent(db, keys).await?;
    let mut sent = 0;
    for r in waiting {
        let key = format!("review_reply:{}", r.id);
        if !todo.contains(&key) {
            continue;
        }
        let offering = lookup::offering(&db.conn, r.offering_id).await?;
        let to = recipients::provider_staff(&db.conn, r.provider_id).await?;
        let stars = u8::try_from(r.stars).unwrap_or(0);
        let done = once(db, &key, to, |to| {
            Notification::ReviewReplyReminder(ReviewReplyReminder {
                offering: text_in(&offering.title, to.lang),
                stars,
                written: r.created_at.date_naive(),
                link: "/provider/reviews".into(),
            })
        })
        .await?;
        sent += usize::from(done);
    }
    Ok(sent)
}
