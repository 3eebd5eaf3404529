//! `GET` and `PUT /api/v1/me/notifications`: which optional emails a person gets. Mandatory
//! ones (decisions, money, work waiting for them) are listed but cannot be turned off.
use std::collections::BTreeMap;

use axum::{Json, extract::State};
use chrono::Utc;
use sea_orm::{EntityTrait, Set, sea_query::OnConflict};
use serde::Serialize;
use valinta_emails::{Kind, Topic};

use crate::{
    auth::Actor,
    db::entities::notification_choice,
    error::{AppError, AppResult},
    notify::queue::{self, Choice},
    routes::extract::ApiJson,
    state::AppState,
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

pub async fn current(state: &AppState, actor: &Actor) -> AppResult<NotificationsOut> {
    let mut topics = Vec::new();
    for topic in Topic::ALL {
        let choice = queue::choice(&state.db.conn, Some(actor.user_id.into()), topic).await?;
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

#[utoipa::path(get, path = "/api/v1/me/notifications", operation_id = "notifications_get", tag = "auth",
    responses((status = 200, body = NotificationsOut), (status = 401, body = crate::error::ErrorBody)))]
pub async fn get(State(state): State<AppState>, actor: Actor) -> AppResult<Json<NotificationsOut>> {
    Ok(Json(current(&state, &actor).await?))
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

pub async fn save(state: &AppState, actor: &Actor, choices: Vec<(Topic, Choice)>) -> AppResult<()> {
    let tx = state.db.begin_write().await?;
    for (topic, choice) in choices {
        notification_choice::Entity::insert(notification_choice::ActiveModel {
            user_id: Set(actor.user_id.into()),
            topic: Set(topic.as_str().to_owned()),
            choice: Set(choice.as_str().to_owned()),
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

#[utoipa::path(put, path = "/api/v1/me/notifications", tag = "auth",
    request_body = BTreeMap<String, String>,
    responses((status = 200, body = NotificationsOut), (status = 422, body = crate::error::ErrorBody)))]
pub async fn put(
    State(state): State<AppState>,
    actor: Actor,
    ApiJson(input): ApiJson<BTreeMap<String, String>>,
) -> AppResult<Json<NotificationsOut>> {
    let choices = parse_choices(&input)?;
    save(&state, &actor, choices).await?;
    Ok(Json(current(&state, &actor).await?))
}
