//! The case worker writes into the plan with the client: answers to the support plan's
//! questions, goals, and evaluations of goals — the same operations as the client's and the
//! proxy's, recorded as written by a case worker. A refused form comes back filled in.
use std::collections::BTreeMap;

use axum::{extract::Path, response::Response};

use crate::{
    domain::{
        catalogue::GoalArea,
        ids::{GoalId, PlanId},
    },
    error::{AppError, AppResult},
    http::extract::PathId,
    plans::{self, access, goals::NewGoal, questions::QUESTIONS},
    web::{
        item_forms::Failed,
        page::{FormErrors, Pairs, done},
        session::{Web, WebForm},
    },
};

use super::show::{Refusal, Refused, draw};

/// Saves the answers the case worker changed. Each control carries the text it showed
/// (`was-<key>`), so an answer the client wrote meanwhile is not overwritten by the old
/// text of a question the case worker did not touch.
pub async fn answers(
    web: Web,
    PathId(id): PathId<PlanId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, _) = super::case_worker(&web)?;
    let form = Pairs(pairs);
    let changed: BTreeMap<String, String> = QUESTIONS
        .iter()
        .filter(|q| form.0.iter().any(|(k, _)| k == q.key))
        .map(|q| (q.key.to_owned(), form.one(q.key)))
        .filter(|(key, text)| text.trim() != form.one(&format!("was-{key}")).trim())
        .collect();
    match plans::answers::write(&web.state.db, &actor, id, &changed).await {
        Ok(_) => Ok(done(
            &format!("/purchaser/plans/{id}"),
            "plan-staff-answers-saved",
        )),
        Err(e) => {
            let errors = super::form_errors(web.lang, e)?;
            // Links to the controls: `answers.<key>` is `answer-<key>`; `answers` the first.
            let mut summary = FormErrors {
                summary: errors.summary.clone(),
                fields: BTreeMap::new(),
            };
            for (name, message) in &errors.fields {
                let key = name.strip_prefix("answers.").unwrap_or(QUESTIONS[0].key);
                summary
                    .fields
                    .insert(format!("answer-{key}"), message.clone());
            }
            let typed: Vec<(&str, &str)> = form
                .0
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let (_, failed) = Failed::split("answers", errors, &typed);
            let refusal = Refusal {
                summary,
                form: Refused::Answers(failed.form),
            };
            draw(&web, id, Some(refusal)).await
        }
    }
}

/// Adds a goal written by the case worker.
pub async fn goal(
    web: Web,
    PathId(id): PathId<PlanId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, _) = super::case_worker(&web)?;
    let form = Pairs(pairs);
    let (area, text, target) = (form.one("area"), form.one("text"), form.one("target_date"));
    let outcome = async {
        let area: GoalArea = area
            .parse()
            .map_err(|_| plans::invalid("area", "choose a life area"))?;
        let new = NewGoal {
            area,
            text: &text,
            target_date: Some(target.as_str()),
        };
        plans::goals::add(&web.state.db, &actor, id, new).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(done(
            &format!("/purchaser/plans/{id}"),
            "plan-staff-goal-added",
        )),
        Err(e) => {
            let errors = super::form_errors(web.lang, e)?;
            let typed = [
                ("area", area.as_str()),
                ("text", text.as_str()),
                ("target_date", target.as_str()),
            ];
            let (summary, failed) = Failed::split("new", errors, &typed);
            let refusal = Refusal {
                summary,
                form: Refused::Goal(failed),
            };
            draw(&web, id, Some(refusal)).await
        }
    }
}

/// Records the case worker's evaluation of one of the plan's goals.
pub async fn evaluate(
    web: Web,
    Path((plan, goal)): Path<(String, String)>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, _) = super::case_worker(&web)?;
    let id: PlanId = plan.parse().map_err(|_| AppError::not_found("plan"))?;
    let goal: GoalId = goal.parse().map_err(|_| AppError::not_found("goal"))?;
    // The goal must be this plan's, so the page returned to is the one it belongs to.
    let (_, owner, _) = access::load_goal(&web.state.db.conn, &actor, goal, "plan_read")
        .await
        .map_err(AppError::from)?;
    if owner.id != id {
        return Err(AppError::not_found("goal"));
    }
    let form = Pairs(pairs);
    let (progress, note) = (form.one("progress"), form.one("note"));
    let outcome = async {
        let value = progress
            .trim()
            .parse::<i64>()
            .map_err(|_| plans::invalid("progress", "choose a number from 1 to 5"))?;
        plans::evaluations::evaluate(&web.state.db, &actor, goal, value, Some(note.as_str())).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(done(
            &format!("/purchaser/plans/{id}"),
            "plan-staff-evaluation-added",
        )),
        Err(e) => {
            let errors = super::form_errors(web.lang, e)?;
            let typed = [("progress", progress.as_str()), ("note", note.as_str())];
            let (summary, failed) = Failed::split(goal, errors, &typed);
            let refusal = Refusal {
                summary,
                form: Refused::Evaluation(failed),
            };
            draw(&web, id, Some(refusal)).await
        }
    }
}
