//! Which goals a commitment serves: an order may name goals of the plan that granted its
//! allocation, so that a goal shows what was bought for it. Checked and linked inside the
//! transaction that places the order: a goal of another plan is a 422 naming `goal_ids`,
//! and the order is rolled back with it, so there is never an order without its links.
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    db::entities::{goal_commitment, plan, plan_goal},
    domain::ids::{AllocationId, CommitmentId, GoalCommitmentId, GoalId},
};

use super::{PlanResult, invalid};

/// The goals, deduplicated, once every one is a goal of the plan decided into `allocation`.
async fn check(
    conn: &impl ConnectionTrait,
    allocation: AllocationId,
    goals: &[GoalId],
) -> PlanResult<Vec<GoalId>> {
    let mut goals = goals.to_vec();
    goals.sort();
    goals.dedup();
    if goals.is_empty() {
        return Ok(goals);
    }
    let Some(plan) = plan::Entity::find()
        .filter(plan::Column::AllocationId.eq(allocation))
        .one(conn)
        .await?
    else {
        return Err(invalid(
            "goal_ids",
            "must be goals of the plan this allocation was decided from (it has none)",
        ));
    };
    let found = plan_goal::Entity::find()
        .filter(plan_goal::Column::Id.is_in(goals.clone()))
        .filter(plan_goal::Column::PlanId.eq(plan.id))
        .all(conn)
        .await?;
    if found.len() != goals.len() {
        return Err(invalid(
            "goal_ids",
            "must be goals of the plan this allocation was decided from",
        ));
    }
    Ok(goals)
}

/// Checks the goals (as [`check`]) and links the commitment to them, on the caller's
/// connection: the order's transaction.
pub async fn check_and_link(
    conn: &impl ConnectionTrait,
    allocation: AllocationId,
    goals: &[GoalId],
    commitment: CommitmentId,
) -> PlanResult<()> {
    let goals = check(conn, allocation, goals).await?;
    if goals.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    goal_commitment::Entity::insert_many(goals.iter().map(|g| goal_commitment::ActiveModel {
        id: Set(GoalCommitmentId::new()),
        goal_id: Set(*g),
        commitment_id: Set(commitment),
        created_at: Set(now),
    }))
    .exec(conn)
    .await?;
    Ok(())
}
