//! Late recording: a case worker or finance lets the provider record deliveries older than
//! the purchaser's recording window on one commitment, until a day, for a reason (audited).
//! The rule itself is `domain::recording::RecordingDays::admits`.
use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor, access},
    db::{
        Db,
        entities::{commitment, late_recording},
    },
    domain::{
        catalogue::Role,
        ids::{CommitmentId, LateRecordingId},
        text::parse_text,
    },
    error::{AppError, AppResult, field},
};

/// Late recording is opened for at most this many days ahead.
pub const MAX_DAYS_AHEAD: i64 = 90;

/// Parses the last day late recording stays open: today to 90 days ahead.
pub fn parse_until(raw: &str, today: NaiveDate) -> AppResult<NaiveDate> {
    let until = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("until", "must be a date like 2027-01-15"))?;
    if until < today {
        return Err(AppError::invalid(
            "until",
            format!("must be today ({today}) or later"),
        ));
    }
    if until > today + Duration::days(MAX_DAYS_AHEAD) {
        return Err(AppError::invalid(
            "until",
            format!("must be at most {MAX_DAYS_AHEAD} days ahead"),
        ));
    }
    Ok(until)
}

pub fn parse_reason(raw: &str) -> AppResult<String> {
    field("reason", parse_text(raw, 2000))
}

/// Opens late recording on commitment `id` as asked (`until` a date, `reason` text): the
/// commitment's purchaser's case worker or finance only (anyone else: 404 or 403).
pub async fn open_as_asked(
    db: &Db,
    actor: &Actor,
    id: crate::domain::ids::CommitmentId,
    until: &str,
    reason: &str,
) -> AppResult<late_recording::Model> {
    let model = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    let acting = who_opens(&db.conn, actor, &model).await?;
    let until = parse_until(until, crate::domain::today_in_finland())?;
    let reason = parse_reason(reason)?;
    open(db, &model, until, reason, actor, acting).await
}

/// Opens late recording on a commitment the caller may act on as purchaser staff.
pub async fn open(
    db: &Db,
    commitment: &commitment::Model,
    until: NaiveDate,
    reason: String,
    actor: &Actor,
    acting: Option<ActingFor>,
) -> AppResult<late_recording::Model> {
    let tx = db.begin_write().await?;
    let row = late_recording::ActiveModel {
        id: Set(LateRecordingId::new()),
        commitment_id: Set(commitment.id),
        until: Set(until),
        reason: Set(reason),
        opened_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await?;
    audit::record(
        &*tx,
        Some(actor),
        acting,
        AuditEvent {
            action: "late_recording_opened",
            subject_type: "commitment",
            subject_id: commitment.id.to_string(),
            client: Some(commitment.client_id),
            detail: Some(json!({"until": until, "reason": row.reason})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

/// The last day late recording is open for each of these commitments (where it was ever
/// opened; the caller compares with today).
pub async fn open_until(
    conn: &impl ConnectionTrait,
    commitments: &[CommitmentId],
) -> AppResult<HashMap<CommitmentId, NaiveDate>> {
    let mut found: HashMap<CommitmentId, NaiveDate> = HashMap::new();
    for chunk in commitments.chunks(500) {
        let rows = late_recording::Entity::find()
            .filter(late_recording::Column::CommitmentId.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        for row in rows {
            let until = found.entry(row.commitment_id).or_insert(row.until);
            *until = (*until).max(row.until);
        }
    }
    Ok(found)
}

/// A case worker or finance of the commitment's purchaser; the provider and the client side
/// may see the commitment but not open late recording (403); anyone else is told it does
/// not exist (404).
pub async fn who_opens(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    model: &commitment::Model,
) -> AppResult<Option<ActingFor>> {
    let own_purchaser = actor.purchaser_id == Some(model.purchaser_id);
    if own_purchaser && actor.has(Role::CaseWorker) {
        return Ok(Some(ActingFor::CaseWorker));
    }
    if own_purchaser && actor.has(Role::Finance) {
        return Ok(None);
    }
    let involved = own_purchaser
        || actor.provider_id == Some(model.provider_id)
        || actor.client_id == Some(model.client_id)
        || (actor.has(Role::Proxy) && access::has_mandate(conn, actor, model.client_id).await?);
    if involved {
        return Err(AppError::forbidden(
            "a case worker or finance of the purchaser opens late recording",
        ));
    }
    Err(AppError::not_found("commitment"))
}

/// The opening in force today for each of these commitments (the one reaching furthest),
/// with its reason, for the case worker's page.
pub async fn in_force(
    conn: &impl ConnectionTrait,
    commitments: &[uuid::Uuid],
    today: NaiveDate,
) -> AppResult<HashMap<uuid::Uuid, late_recording::Model>> {
    let mut found: HashMap<uuid::Uuid, late_recording::Model> = HashMap::new();
    for chunk in commitments.chunks(500) {
        let rows = late_recording::Entity::find()
            .filter(late_recording::Column::CommitmentId.is_in(chunk.iter().copied()))
            .filter(late_recording::Column::Until.gte(today))
            .all(conn)
            .await?;
        for row in rows {
            let reaches_further = found
                .get(&row.commitment_id.0)
                .is_none_or(|kept| row.until > kept.until);
            if reaches_further {
                found.insert(row.commitment_id.0, row);
            }
        }
    }
    Ok(found)
}
