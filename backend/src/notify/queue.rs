//! Writing emails into the outbox, inside the caller's transaction: the change and its
//! email commit together or not at all. Optional kinds respect the addressee's choices.
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::OnConflict,
};
use valinta_emails::{Kind, Notification, Topic};

use crate::{
    db::entities::{email, notification_choice, reminder_event},
    domain::ids::{EmailId, UserId},
    error::{AppError, AppResult},
};

use super::recipients::Addressee;

pub use crate::db::entities::email::EmailStatus;

pub use crate::db::entities::notification_choice::Choice;

/// The addressee's choice for a topic; "on" until they change it.
pub async fn choice(
    conn: &impl ConnectionTrait,
    user: Option<UserId>,
    topic: Topic,
) -> AppResult<Choice> {
    let Some(user) = user else {
        return Ok(Choice::On);
    };
    let row = notification_choice::Entity::find_by_id((user, topic.into()))
        .one(conn)
        .await?;
    Ok(row.map(|r| r.choice).unwrap_or(Choice::On))
}

/// Whether this kind goes to this person now (mandatory kinds always do).
async fn wanted_now(conn: &impl ConnectionTrait, to: &Addressee, kind: Kind) -> AppResult<bool> {
    let Some(topic) = kind.optional_topic() else {
        return Ok(true);
    };
    let choice = choice(conn, to.user_id, topic).await?;
    Ok(match (kind, choice) {
        (_, Choice::Off) => false,
        (Kind::DeliveryRecorded, Choice::Weekly) => false,
        (Kind::DeliveryDigest, choice) => choice == Choice::Weekly,
        _ => true,
    })
}

/// Queues `notification` for `to` unless they turned this kind off.
pub async fn send(
    conn: &impl ConnectionTrait,
    to: &Addressee,
    notification: Notification,
) -> AppResult<()> {
    if wanted_now(conn, to, notification.kind()).await? {
        insert(conn, to, &notification).await?;
    }
    Ok(())
}

/// Queues one message per addressee, each built for them (their language, whose matter).
pub async fn send_each<F>(
    conn: &impl ConnectionTrait,
    to: &[Addressee],
    mut build: F,
) -> AppResult<()>
where
    F: FnMut(&Addressee) -> Notification,
{
    for addressee in to {
        send(conn, addressee, build(addressee)).await?;
    }
    Ok(())
}

/// Claims a scheduled event ("allocation_ending_7:<allocation>") so that its reminder is
/// sent at most once: the first transaction to write the key gets `true` and queues the
/// emails in the same transaction; any later one — after a restart, or another instance
/// scanning at the same moment (it waits on the key, then finds it taken) — gets `false`.
pub async fn claim_event(conn: &impl ConnectionTrait, event: &str) -> AppResult<bool> {
    let row = reminder_event::ActiveModel {
        key: Set(event.to_owned()),
        created_at: Set(Utc::now()),
    };
    let added = reminder_event::Entity::insert(row)
        .on_conflict(
            OnConflict::column(reminder_event::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(added > 0)
}

/// Which of these event keys were already claimed.
pub async fn claimed_events(
    conn: &impl ConnectionTrait,
    keys: &[String],
) -> AppResult<std::collections::HashSet<String>> {
    let mut claimed = std::collections::HashSet::new();
    for chunk in keys.chunks(500) {
        let rows = reminder_event::Entity::find()
            .filter(reminder_event::Column::Key.is_in(chunk.iter().cloned()))
            .all(conn)
            .await?;
        claimed.extend(rows.into_iter().map(|r| r.key));
    }
    Ok(claimed)
}

async fn insert(
    conn: &impl ConnectionTrait,
    to: &Addressee,
    notification: &Notification,
) -> AppResult<()> {
    email::Entity::insert(row(to, notification)?)
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Many emails written together (a file of deliveries), each person's choices read once.
#[derive(Default)]
pub struct Batch {
    rows: Vec<email::ActiveModel>,
    wanted: std::collections::HashMap<(Option<UserId>, Kind), bool>,
}

impl Batch {
    pub async fn add(
        &mut self,
        conn: &impl ConnectionTrait,
        to: &Addressee,
        notification: Notification,
    ) -> AppResult<()> {
        let key = (to.user_id, notification.kind());
        let wanted = match self.wanted.get(&key) {
            Some(wanted) => *wanted,
            None => {
                let wanted = wanted_now(conn, to, notification.kind()).await?;
                self.wanted.insert(key, wanted);
                wanted
            }
        };
        if wanted {
            self.rows.push(row(to, &notification)?);
        }
        if self.rows.len() >= 500 {
            self.flush(conn).await?;
        }
        Ok(())
    }

    pub async fn flush(&mut self, conn: &impl ConnectionTrait) -> AppResult<()> {
        if !self.rows.is_empty() {
            email::Entity::insert_many(std::mem::take(&mut self.rows))
                .exec_without_returning(conn)
                .await?;
        }
        Ok(())
    }
}

fn row(to: &Addressee, notification: &Notification) -> AppResult<email::ActiveModel> {
    let now = Utc::now();
    let payload = serde_json::to_value(notification).map_err(AppError::internal)?;
    Ok(email::ActiveModel {
        id: Set(EmailId(uuid::Uuid::now_v7())),
        kind: Set(notification.kind().into()),
        user_id: Set(to.user_id),
        address: Set(to.address.clone()),
        name: Set(to.name.clone()),
        lang: Set(to.lang.code().to_owned()),
        payload: Set(payload),
        status: Set(EmailStatus::Pending),
        attempts: Set(0),
        available_at: Set(now),
        claimed_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
    })
}
