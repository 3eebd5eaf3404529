//! Writing the support plan: the client, her proxy or the case worker answer its questions in
//! her words. An answer is never overwritten: each change adds a version with who wrote it, in
//! what capacity and when, and the latest is the current one. A whole submit is checked before
//! anything is written, so a refused submit loses nothing already saved.
use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{plan, plan_answer},
    },
    domain::{ids::PlanAnswerId, ids::PlanId},
};

use super::{
    PlanResult,
    access::{self, require_open, written_by},
    invalid, questions,
};

/// The longest answer, in characters.
const ANSWER_LIMIT: usize = 4000;

/// Answers by question key; an empty text clears an answer (kept in the history).
pub type AnswersIn = BTreeMap<String, String>;

/// Checks every answer first (an unknown key or a bad text is a 422 naming `answers`), then
/// stores the ones that changed.
pub async fn write(
    db: &Db,
    actor: &Actor,
    id: PlanId,
    answers: &AnswersIn,
) -> PlanResult<plan::Model> {
    let (model, acting) = access::load(&db.conn, actor, id, "plan_read").await?;
    require_open(&model)?;
    if answers.is_empty() {
        return Err(invalid("answers", "must answer at least one question"));
    }
    let mut clean = Vec::with_capacity(answers.len());
    for (key, text) in answers {
        if !questions::is_known(key) {
            return Err(invalid(
                "answers",
                format!("has an unknown question key: {key}"),
            ));
        }
        let text = text.trim();
        if text.chars().count() > ANSWER_LIMIT {
            return Err(invalid(
                format!("answers.{key}"),
                format!("must be at most {ANSWER_LIMIT} characters"),
            ));
        }
        clean.push((key.as_str(), text.to_owned()));
    }
    let now = Utc::now();
    let tx = db.begin_write().await?;
    for (key, text) in clean {
        let current = plan_answer::Entity::find()
            .filter(plan_answer::Column::PlanId.eq(id))
            .filter(plan_answer::Column::QuestionKey.eq(key))
            .order_by_desc(plan_answer::Column::WrittenAt)
            .one(&*tx)
            .await?;
        if current.as_ref().map(|c| c.text.as_str()) == Some(text.as_str())
            || (current.is_none() && text.is_empty())
        {
            continue;
        }
        plan_answer::ActiveModel {
            id: Set(PlanAnswerId::new()),
            plan_id: Set(id),
            question_key: Set(key.to_owned()),
            text: Set(text),
            written_by: Set(written_by(acting)),
            written_by_user: Set(actor.user_id),
            written_at: Set(now),
        }
        .insert(&*tx)
        .await?;
    }
    let updated = touch(&*tx, model).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Marks the plan changed now.
pub(crate) async fn touch(
    conn: &impl sea_orm::ConnectionTrait,
    model: plan::Model,
) -> PlanResult<plan::Model> {
    let mut active: plan::ActiveModel = model.into();
    active.updated_at = Set(Utc::now());
    Ok(active.update(conn).await?)
}
