//! Who may reach a plan: the client, her proxies with a live mandate and the case workers of
//! her purchaser (as for her other matters, `auth::access`); anyone else is told it does not
//! exist. Every read of a plan is a read of the client's data and is audited.
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    audit,
    auth::{ActingFor, Actor, access},
    db::entities::{plan, plan_goal},
    domain::{
        catalogue::{PlanStatus, WrittenBy},
        ids::{GoalId, PlanId},
    },
};

use super::{PlanError, PlanResult};

/// Loads a plan the actor may see and audits the read under `action`.
pub async fn load(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: PlanId,
    action: &str,
) -> PlanResult<(plan::Model, ActingFor)> {
    let model = plan::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(PlanError::NotFound)?;
    let (_, acting) = access::load_client(conn, actor, model.client_id)
        .await
        .map_err(|_| PlanError::NotFound)?;
    audit::record_read(
        conn,
        actor,
        Some(acting),
        action,
        "plan",
        id.0,
        model.client_id,
    )
    .await?;
    Ok((model, acting))
}

/// Loads a goal and its plan, as [`load`] does.
pub async fn load_goal(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: GoalId,
    action: &str,
) -> PlanResult<(plan_goal::Model, plan::Model, ActingFor)> {
    let goal = plan_goal::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(PlanError::GoalNotFound)?;
    let (plan, acting) = load(conn, actor, goal.plan_id, action)
        .await
        .map_err(|e| match e {
            PlanError::NotFound => PlanError::GoalNotFound,
            other => other,
        })?;
    Ok((goal, plan, acting))
}

/// Only a case worker may do `what` (the client and her proxy may see the plan: 403).
pub fn require_case_worker(acting: ActingFor, what: &'static str) -> PlanResult<()> {
    match acting {
        ActingFor::CaseWorker => Ok(()),
        _ => Err(PlanError::CaseWorkerOnly(what)),
    }
}

/// The plan takes writing while it is a draft or decided; a closed or cancelled one not.
pub fn require_open(plan: &plan::Model) -> PlanResult<()> {
    match plan.status {
        PlanStatus::Draft | PlanStatus::Decided => Ok(()),
        status => Err(PlanError::WrongStatus { status }),
    }
}

/// The capacity a writer is recorded in.
pub fn written_by(acting: ActingFor) -> WrittenBy {
    match acting {
        ActingFor::Client => WrittenBy::Client,
        ActingFor::Proxy => WrittenBy::Proxy,
        ActingFor::CaseWorker => WrittenBy::CaseWorker,
    }
}
