//! Acting on a commitment, decided once for the API and the portal: its provider's staff
//! answer a request; the client, their proxy or a case worker cancel one still waiting or
//! close an accepted one. The money (a reservation returning to available) moves in
//! `ledger::commitments`.
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    auth::{ActingFor, Actor, access},
    db::{Db, entities::commitment},
    domain::{catalogue::CommitmentStatus, ids::CommitmentId},
    error::{AppError, AppResult},
    ledger::commitments as money,
};

/// The commitment and in what capacity the actor may act on it: its provider's staff
/// (`None`), or the client side and case workers of the client (`Some`). Anyone else: 404.
pub async fn visible(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: CommitmentId,
) -> AppResult<(commitment::Model, Option<ActingFor>)> {
    let model = commitment::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    if actor.provider_id == Some(model.provider_id) {
        return Ok((model, None));
    }
    let (_, acting) = access::load_client(conn, actor, model.client_id)
        .await
        .map_err(|_| AppError::not_found("commitment"))?;
    Ok((model, Some(acting)))
}

/// The provider's answer to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Decline,
}

/// The provider accepts or declines a commitment still waiting for its answer.
pub async fn answer(
    db: &Db,
    actor: &Actor,
    id: CommitmentId,
    answer: Answer,
) -> AppResult<commitment::Model> {
    let (model, acting) = visible(&db.conn, actor, id).await?;
    if acting.is_some() {
        return Err(AppError::forbidden(
            "only the provider may accept or decline a commitment",
        ));
    }
    actor.require_provider(model.provider_id, "commitment")?;
    let to = match answer {
        Answer::Accept => CommitmentStatus::Accepted,
        Answer::Decline => CommitmentStatus::Declined,
    };
    money::transition(db, id, |_| to, &[CommitmentStatus::Requested], actor, None).await
}

/// The client side ends a commitment: one still waiting for the provider is cancelled, an
/// accepted one closed; either way what is still reserved returns to available.
pub async fn end(db: &Db, actor: &Actor, id: CommitmentId) -> AppResult<commitment::Model> {
    let (_, acting) = visible(&db.conn, actor, id).await?;
    let Some(acting) = acting else {
        return Err(AppError::forbidden(
            "the client, their proxy or a case worker closes a commitment",
        ));
    };
    let to = |current| match current {
        CommitmentStatus::Requested => CommitmentStatus::Cancelled,
        _ => CommitmentStatus::Closed,
    };
    let from = [CommitmentStatus::Requested, CommitmentStatus::Accepted];
    money::transition(db, id, to, &from, actor, Some(acting)).await
}
