//! Which optional emails a person gets: the choice per topic (deliveries, commitments,
//! reminders, reviews), parsed all-or-nothing and saved. Mandatory kinds (decisions,
//! money, work waiting for the person) are listed but cannot be turned off.
use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{EntityTrait, Set, sea_query::OnConflict};
use serde::Serialize;
use valinta_emails::{Kind, Topic};

use crate::{
    db::{Db, entities::notification_choice},
    domain::ids::UserId,
    error::{AppError, AppResult},
    notify::queue::{self, Choice},
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct TopicOut {
    /// `deliveries`, `commitments`, `reminders` or `reviews`.
    pub topic: String,
    /// `on`, `off`, or for deliveries also `weekly` (one digest a week).
    pub choice: String,
    pub choices: Vec<String>,
    /// The kinds of email this topic covers.
    pub kinds: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NotificationsOut {
    pub topics: Vec<TopicOut>,
    /// Kinds always sent: they concern a decision, money, or work waiting for you.
    pub mandatory: Vec<String>,
}

/// The choices a topic offers.
pub fn choices_for(topic: Topic) -> Vec<Choice> {
    match topic {
        Topic::Deliveries => vec![Choice::On, Choice::Weekly, Choice::Off],
        _ => vec![Choice::On, Choice::Off],
    }
}

/// The person's choice for every optional topic, and the kinds always sent.
pub async fn current(db: &Db, user: UserId) -> AppResult<NotificationsOut> {
    let mut topics = Vec::new();
    for topic in Topic::ALL {
        let choice = queue::choice(&db.conn, Some(user), topic).await?;
        topics.push(TopicOut {
            topic: topic.as_str().to_owned(),
            choice: choice.as_str().to_owned(),
            choices: choices_for(topic)
                .into_iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            kinds: Kind::ALL
                .iter()
                .filter(|k| k.optional_topic() == Some(topic))
                .map(|k| k.as_str().to_owned())
                .collect(),
        });
    }
    let mandatory = Kind::ALL
        .iter()
        .filter(|k| k.optional_topic().is_none())
        .map(|k| k.as_str().to_owned())
        .collect();
    Ok(NotificationsOut { topics, mandatory })
}

/// Parses `{"deliveries": "weekly", "reminders": "off"}`: every name a topic, every value
/// one of its choices. Nothing is saved unless all are valid.
pub fn parse_choices(input: &BTreeMap<String, String>) -> AppResult<Vec<(Topic, Choice)>> {
    let mut parsed = Vec::new();
    for (name, value) in input {
        let topic = Topic::ALL
            .into_iter()
            .find(|t| t.as_str() == name)
            .ok_or_else(|| {
                AppError::invalid(
                    name,
                    "is not a topic (deliveries, commitments, reminders, reviews)",
                )
            })?;
        let allowed = choices_for(topic);
        let choice = Choice::parse(value.trim())
            .filter(|c| allowed.contains(c))
            .ok_or_else(|| {
                let names: Vec<&str> = allowed.iter().map(|c| c.as_str()).collect();
                AppError::invalid(name, format!("must be one of {}", names.join(", ")))
            })?;
        parsed.push((topic, choice));
    }
    Ok(parsed)
}

/// Saves the person's choices, all in one transaction.
pub async fn save(db: &Db, user: UserId, choices: Vec<(Topic, Choice)>) -> AppResult<()> {
    let tx = db.begin_write().await?;
    for (topic, choice) in choices {
        notification_choice::Entity::insert(notification_choice::ActiveModel {
            user_id: Set(user),
            topic: Set(topic.into()),
            choice: Set(choice),
            updated_at: Set(Utc::now()),
        })
        .on_conflict(
            OnConflict::columns([
                notification_choice::Column::UserId,
                notification_choice::Column::Topic,
            ])
            .update_columns([
                notification_choice::Column::Choice,
                notification_choice::Column::UpdatedAt,
            ])
            .to_owned(),
        )
        .exec_without_returning(&*tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
