//! A plan's goals by life area, with an optional target date: written by the client, her
//! proxy or the case worker. A goal shows what was bought for it (the commitments that name
//! it) and how it went (its evaluations).
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{commitment, goal_commitment, goal_evaluation, plan_goal},
    },
    domain::{
        catalogue::{CommitmentStatus, GoalArea, WrittenBy},
        day::parse_day,
        ids::{CommitmentId, GoalId, OfferingId, PlanId, UserId},
        text::parse_text,
    },
};

use super::{
    PlanResult,
    access::{self, require_open, written_by},
    evaluations::EvaluationView,
    invalid,
};

const GOAL_LIMIT: usize = 1000;

/// A commitment bought for the goal.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct GoalCommitmentView {
    pub id: CommitmentId,
    pub offering_id: OfferingId,
    pub status: CommitmentStatus,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct GoalView {
    pub id: GoalId,
    pub plan_id: PlanId,
    pub area: GoalArea,
    pub text: String,
    pub target_date: Option<NaiveDate>,
    pub written_by: WrittenBy,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub commitments: Vec<GoalCommitmentView>,
    /// Oldest first.
    pub evaluations: Vec<EvaluationView>,
}

/// A goal as typed: the text and date not yet parsed.
pub struct NewGoal<'a> {
    pub area: GoalArea,
    pub text: &'a str,
    pub target_date: Option<&'a str>,
}

/// Adds a goal; whoever may see the plan may (a closed or cancelled plan: 409).
pub async fn add(db: &Db, actor: &Actor, plan: PlanId, new: NewGoal<'_>) -> PlanResult<GoalView> {
    let (model, acting) = access::load(&db.conn, actor, plan, "plan_read").await?;
    require_open(&model)?;
    let text = parse_text(new.text, GOAL_LIMIT).map_err(|e| invalid("text", e))?;
    let target_date = match new.target_date.map(str::trim).filter(|t| !t.is_empty()) {
        Some(raw) => Some(parse_day(raw).map_err(|e| invalid("target_date", e))?),
        None => None,
    };
    let tx = db.begin_write().await?;
    let goal = plan_goal::ActiveModel {
        id: Set(GoalId::new()),
        plan_id: Set(plan),
        area: Set(new.area),
        text: Set(text),
        target_date: Set(target_date),
        written_by: Set(written_by(acting)),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await?;
    super::answers::touch(&*tx, model).await?;
    tx.commit().await?;
    Ok(GoalView::bare(goal))
}

impl GoalView {
    fn bare(g: plan_goal::Model) -> Self {
        GoalView {
            id: g.id,
            plan_id: g.plan_id,
            area: g.area,
            text: g.text,
            target_date: g.target_date,
            written_by: g.written_by,
            created_by: g.created_by,
            created_at: g.created_at,
            commitments: Vec::new(),
            evaluations: Vec::new(),
        }
    }
}

/// The plan's goals, oldest first, each with its commitments and evaluations.
pub async fn goals_of(conn: &impl ConnectionTrait, plan: PlanId) -> PlanResult<Vec<GoalView>> {
    let goals = plan_goal::Entity::find()
        .filter(plan_goal::Column::PlanId.eq(plan))
        .order_by_asc(plan_goal::Column::CreatedAt)
        .order_by_asc(plan_goal::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<GoalId> = goals.iter().map(|g| g.id).collect();
    let evaluations = goal_evaluation::Entity::find()
        .filter(goal_evaluation::Column::GoalId.is_in(ids.clone()))
        .order_by_asc(goal_evaluation::Column::CreatedAt)
        .all(conn)
        .await?;
    let links = goal_commitment::Entity::find()
        .filter(goal_commitment::Column::GoalId.is_in(ids))
        .order_by_asc(goal_commitment::Column::CreatedAt)
        .all(conn)
        .await?;
    let commitments = commitment::Entity::find()
        .filter(commitment::Column::Id.is_in(links.iter().map(|l| l.commitment_id.0)))
        .all(conn)
        .await?;
    let mut views = Vec::with_capacity(goals.len());
    for goal in goals {
        let mut view = GoalView::bare(goal);
        view.evaluations = evaluations
            .iter()
            .filter(|e| e.goal_id == view.id)
            .cloned()
            .map(EvaluationView::from)
            .collect();
        for link in links.iter().filter(|l| l.goal_id == view.id) {
            if let Some(c) = commitments.iter().find(|c| c.id == link.commitment_id) {
                view.commitments.push(GoalCommitmentView {
                    id: c.id,
                    offering_id: c.offering_id,
                    status: c.status,
                });
            }
        }
        views.push(view);
    }
    Ok(views)
}
