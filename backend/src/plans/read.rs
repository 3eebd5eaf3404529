//! The plan as its readers see it: the current answers and their history, the goals with
//! what was bought for them and how they went, the budget lines and the estimate, and once
//! decided the allocation with its spending pace. Built for the API and the portal alike.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::entities::{allocation, plan, plan_answer, user},
    domain::{
        Money,
        catalogue::{FundingKind, PlanStatus, WrittenBy},
        ids::{AllocationId, ClientId, PlanId, PurchaserId, UserId},
        today_in_finland,
    },
    ledger::Balance,
};

use super::{
    PlanResult, access,
    budget::{BudgetLineView, lines_of},
    decision_text::DecisionText,
    goals::{GoalView, goals_of},
    pace::{Pace, pace},
};

/// One answer to a question of the support plan, with who wrote it and when.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AnswerView {
    pub key: String,
    pub text: String,
    pub written_by: WrittenBy,
    pub written_by_user: UserId,
    pub written_at: DateTime<Utc>,
}

impl From<plan_answer::Model> for AnswerView {
    fn from(a: plan_answer::Model) -> Self {
        AnswerView {
            key: a.question_key,
            text: a.text,
            written_by: a.written_by,
            written_by_user: a.written_by_user,
            written_at: a.written_at,
        }
    }
}

/// The allocation a decided plan granted.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PlanAllocation {
    pub id: AllocationId,
    pub kind: FundingKind,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub balance: Balance,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PlanView {
    pub id: PlanId,
    pub client_id: ClientId,
    pub purchaser_id: PurchaserId,
    pub status: PlanStatus,
    /// Why the plan was closed or cancelled.
    pub status_reason: Option<String>,
    /// Who closed or cancelled it (the case worker's user id and name), and when.
    pub status_changed_by: Option<UserId>,
    pub status_changed_by_name: Option<String>,
    pub status_changed_at: Option<DateTime<Utc>>,
    pub need_identified_on: NaiveDate,
    /// Three months after the need.
    pub decision_due: NaiveDate,
    /// Still a draft after the day it was due.
    pub overdue: bool,
    /// The current answer to each question answered so far.
    pub answers: Vec<AnswerView>,
    /// Every version of every answer, oldest first.
    pub answer_history: Vec<AnswerView>,
    pub goals: Vec<GoalView>,
    pub budget_lines: Vec<BudgetLineView>,
    /// The sum of the budget lines, exact to the cent.
    pub estimate: Money,
    pub allocation_id: Option<AllocationId>,
    pub decision_number: Option<String>,
    pub decision_text: Option<DecisionText>,
    pub decided_at: Option<DateTime<Utc>>,
    pub allocation: Option<PlanAllocation>,
    /// Once decided: the monthly average spent and the day the money runs out at that pace.
    pub pace: Option<Pace>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A draft past its due day.
pub fn is_overdue(plan: &plan::Model, today: NaiveDate) -> bool {
    plan.status == PlanStatus::Draft && plan.decision_due < today
}

/// Reads the plan for the actor (404 to anyone who may not see it), audited.
pub async fn find(conn: &impl ConnectionTrait, actor: &Actor, id: PlanId) -> PlanResult<PlanView> {
    let (model, _) = access::load(conn, actor, id, "plan_read").await?;
    view(conn, model).await
}

/// The whole view of a plan already loaded (and audited) by the caller.
pub async fn view(conn: &impl ConnectionTrait, model: plan::Model) -> PlanResult<PlanView> {
    let today = today_in_finland();
    let answer_history: Vec<AnswerView> = plan_answer::Entity::find()
        .filter(plan_answer::Column::PlanId.eq(model.id))
        .order_by_asc(plan_answer::Column::WrittenAt)
        .order_by_asc(plan_answer::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(AnswerView::from)
        .collect();
    let answers = current_answers(&answer_history);
    let goals = goals_of(conn, model.id).await?;
    let budget_lines = lines_of(conn, model.id).await?;
    let estimate = budget_lines.iter().map(|l| l.amount).sum();
    let (allocation, pace) = granted(conn, model.allocation_id, today).await?;
    let status_changed_by_name = match model.status_changed_by {
        Some(user_id) => user::Entity::find_by_id(user_id)
            .one(conn)
            .await?
            .map(|u| u.name),
        None => None,
    };
    let decision_text = model
        .decision_text
        .as_ref()
        .and_then(|t| serde_json::from_value(t.clone()).ok());
    Ok(PlanView {
        overdue: is_overdue(&model, today),
        id: model.id,
        client_id: model.client_id,
        purchaser_id: model.purchaser_id,
        status: model.status,
        status_reason: model.status_reason,
        status_changed_by: model.status_changed_by,
        status_changed_by_name,
        status_changed_at: model.status_changed_at,
        need_identified_on: model.need_identified_on,
        decision_due: model.decision_due,
        answers,
        answer_history,
        goals,
        budget_lines,
        estimate,
        allocation_id: model.allocation_id,
        decision_number: model.decision_number,
        decision_text,
        decided_at: model.decided_at,
        allocation,
        pace,
        created_at: model.created_at,
        updated_at: model.updated_at,
    })
}

/// The allocation a decided plan granted, and its spending pace today.
async fn granted(
    conn: &impl ConnectionTrait,
    id: Option<AllocationId>,
    today: NaiveDate,
) -> PlanResult<(Option<PlanAllocation>, Option<Pace>)> {
    let Some(id) = id else {
        return Ok((None, None));
    };
    let Some(a) = allocation::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
    else {
        return Ok((None, None));
    };
    let balance = Balance::of(&a);
    let pace = pace(
        balance.spent,
        balance.available + balance.reserved,
        a.valid_from,
        a.valid_to,
        today,
    );
    let view = PlanAllocation {
        id: a.id,
        kind: a.kind,
        valid_from: a.valid_from,
        valid_to: a.valid_to,
        balance,
    };
    Ok((Some(view), Some(pace)))
}

/// The latest version of each question's answer, in the order of the questions.
fn current_answers(history: &[AnswerView]) -> Vec<AnswerView> {
    super::questions::QUESTIONS
        .iter()
        .filter_map(|q| history.iter().rev().find(|a| a.key == q.key).cloned())
        .collect()
}

/// A client's plans, the newest need first (then the newest opened), audited as a list of
/// reads: the one query behind both the client's money page and the case worker's client
/// page. Who may list them is the caller's to check first.
pub(super) async fn plans_of_client(
    db: &crate::db::Db,
    actor: &Actor,
    client: ClientId,
) -> PlanResult<Vec<plan::Model>> {
    let plans = plan::Entity::find()
        .filter(plan::Column::ClientId.eq(client))
        .order_by_desc(plan::Column::NeedIdentifiedOn)
        .order_by_desc(plan::Column::CreatedAt)
        .all(&db.conn)
        .await?;
    crate::audit::record_list(
        db,
        actor,
        "plans_listed",
        "plan",
        plans.iter().map(|p| (p.id.0, p.client_id)),
    )
    .await?;
    Ok(plans)
}
