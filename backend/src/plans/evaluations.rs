//! Following a goal: the client, her proxy or the case worker say how it went (progress
//! 1–5) with a note; each evaluation keeps who wrote it and when.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, Set};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::{Db, entities::goal_evaluation},
    domain::{
        catalogue::WrittenBy,
        ids::{GoalEvaluationId, GoalId, UserId},
        text::parse_optional_text,
    },
};

use super::{
    PlanResult,
    access::{self, require_open, written_by},
    invalid,
};

const NOTE_LIMIT: usize = 2000;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EvaluationView {
    pub id: GoalEvaluationId,
    pub goal_id: GoalId,
    /// 1 (not at all) to 5 (reached).
    pub progress: i32,
    pub note: String,
    pub written_by: WrittenBy,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}

impl From<goal_evaluation::Model> for EvaluationView {
    fn from(e: goal_evaluation::Model) -> Self {
        EvaluationView {
            id: e.id,
            goal_id: e.goal_id,
            progress: e.progress,
            note: e.note,
            written_by: e.written_by,
            created_by: e.created_by,
            created_at: e.created_at,
        }
    }
}

/// Progress on the scale 1–5.
pub fn parse_progress(progress: i64) -> PlanResult<i32> {
    match i32::try_from(progress) {
        Ok(p) if (1..=5).contains(&p) => Ok(p),
        _ => Err(invalid("progress", "must be a whole number from 1 to 5")),
    }
}

/// Records an evaluation of a goal; whoever may see the plan may.
pub async fn evaluate(
    db: &Db,
    actor: &Actor,
    goal: GoalId,
    progress: i64,
    note: Option<&str>,
) -> PlanResult<EvaluationView> {
    let (_, plan, acting) = access::load_goal(&db.conn, actor, goal, "plan_read").await?;
    require_open(&plan)?;
    let progress = parse_progress(progress)?;
    let note = parse_optional_text(note, NOTE_LIMIT)
        .map_err(|e| invalid("note", e))?
        .unwrap_or_default();
    let tx = db.begin_write().await?;
    let model = goal_evaluation::ActiveModel {
        id: Set(GoalEvaluationId::new()),
        goal_id: Set(goal),
        progress: Set(progress),
        note: Set(note),
        written_by: Set(written_by(acting)),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await?;
    tx.commit().await?;
    Ok(model.into())
}

#[cfg(test)]
mod tests {
    use super::parse_progress;

    #[test]
    fn progress_is_one_to_five() {
        assert!(parse_progress(0).is_err());
        assert!(parse_progress(6).is_err());
        assert!(parse_progress(-1).is_err());
        assert_eq!(parse_progress(1).ok(), Some(1));
        assert_eq!(parse_progress(5).ok(), Some(5));
    }
}
