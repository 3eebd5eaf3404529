//! Goals on the client side: adding one (`/my/plans/{id}/goals/new`: the goal in her words,
//! the life area as radio buttons, an optional target date) and evaluating one
//! (`/my/goals/{id}/evaluation`: progress 1–5 with words, and a note), through
//! `plans::goals::add` and `plans::evaluations::evaluate`. A refusal names the field and
//! keeps what was typed.
use std::{collections::BTreeMap, str::FromStr};

use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;
use strum::VariantArray;

use crate::{
    domain::{
        catalogue::GoalArea,
        ids::{GoalId, PlanId},
    },
    error::{AppError, AppResult},
    http::extract::PathId,
    plans::{self, goals::NewGoal},
    web::{
        client::plan::{read, side},
        i18n::Lang,
        page::{Choice, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

/// A refusal of a goal or evaluation form: a summary and the plan pages' own message at
/// each field named.
fn errors_of(lang: Lang, e: AppError) -> AppResult<FormErrors> {
    let named: Vec<String> = e.fields.keys().cloned().collect();
    let mut errors = FormErrors::from_app(lang, e)?;
    errors.fields = named
        .into_iter()
        .map(|f| {
            let text = lang
                .try_t(&format!("plan-field-error-{}", f.replace('_', "-")))
                .unwrap_or_else(|| lang.t("field-error-generic"));
            (f, text)
        })
        .collect::<BTreeMap<_, _>>();
    Ok(errors)
}

#[derive(Deserialize, Default)]
pub struct GoalForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    target_date: String,
}

#[derive(Template)]
#[template(path = "client/plan_goal.html")]
struct GoalPage {
    page: PageCtx,
    id: String,
    heading: String,
    form: GoalForm,
    areas: Vec<Choice>,
    errors: FormErrors,
}

async fn draw_goal(
    web: &Web,
    id: PlanId,
    form: GoalForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let actor = web.signed_in()?.clone();
    let (_, name) = read(web, &actor, id).await?;
    let areas = GoalArea::VARIANTS
        .iter()
        .map(|a| {
            let code = a.as_ref();
            Choice::new(
                code,
                web.lang.t(&format!("plan-area-{code}")),
                form.area == code,
            )
        })
        .collect();
    render(&GoalPage {
        page: PageCtx::new(web, "plan-goal-title").whose(&name),
        id: id.to_string(),
        heading: web.lang.t_with("plan-heading", &[("name", name.into())]),
        form,
        areas,
        errors,
    })
}

pub async fn new_goal(web: Web, PathId(id): PathId<PlanId>) -> AppResult<Response> {
    side(&web).await?;
    draw_goal(&web, id, GoalForm::default(), FormErrors::default()).await
}

pub async fn add_goal(
    web: Web,
    PathId(id): PathId<PlanId>,
    WebForm(form): WebForm<GoalForm>,
) -> AppResult<Response> {
    side(&web).await?;
    let actor = web.signed_in()?.clone();
    let result = match GoalArea::from_str(&form.area) {
        Ok(area) => {
            let new = NewGoal {
                area,
                text: &form.text,
                target_date: Some(form.target_date.as_str()),
            };
            plans::goals::add(&web.state.db, &actor, id, new)
                .await
                .map_err(AppError::from)
        }
        Err(_) => Err(AppError::invalid("area", "choose one of the areas")),
    };
    match result {
        Ok(_) => Ok(done(&format!("/my/plans/{id}"), "plan-goal-added")),
        Err(e) => {
            let errors = errors_of(web.lang, e)?;
            draw_goal(&web, id, form, errors).await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct EvaluationForm {
    #[serde(default)]
    progress: String,
    #[serde(default)]
    note: String,
}

#[derive(Template)]
#[template(path = "client/plan_evaluation.html")]
struct EvaluationPage {
    page: PageCtx,
    id: String,
    plan_id: String,
    heading: String,
    goal: String,
    form: EvaluationForm,
    steps: Vec<Choice>,
    errors: FormErrors,
}

async fn draw_evaluation(
    web: &Web,
    id: GoalId,
    form: EvaluationForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let actor = web.signed_in()?.clone();
    let conn = &web.state.db.conn;
    let (goal, plan, _) = plans::access::load_goal(conn, &actor, id, "plan_read")
        .await
        .map_err(AppError::from)?;
    let name = plans::pages::client_name(conn, plan.client_id).await?;
    let steps = (1..=5)
        .map(|n| {
            let value = n.to_string();
            let label = web.lang.t_with(
                "plan-progress-shown",
                &[
                    ("number", value.clone().into()),
                    ("text", web.lang.t(&format!("plan-progress-{n}")).into()),
                ],
            );
            let chosen = form.progress == value;
            Choice::new(value, label, chosen)
        })
        .collect();
    render(&EvaluationPage {
        page: PageCtx::new(web, "plan-evaluation-title").whose(&name),
        id: id.to_string(),
        plan_id: plan.id.to_string(),
        heading: web.lang.t_with("plan-heading", &[("name", name.into())]),
        goal: goal.text,
        form,
        steps,
        errors,
    })
}

pub async fn new_evaluation(web: Web, PathId(id): PathId<GoalId>) -> AppResult<Response> {
    side(&web).await?;
    draw_evaluation(&web, id, EvaluationForm::default(), FormErrors::default()).await
}

pub async fn evaluate(
    web: Web,
    PathId(id): PathId<GoalId>,
    WebForm(form): WebForm<EvaluationForm>,
) -> AppResult<Response> {
    side(&web).await?;
    let actor = web.signed_in()?.clone();
    let result = match form.progress.trim().parse::<i64>() {
        Ok(progress) => plans::evaluations::evaluate(
            &web.state.db,
            &actor,
            id,
            progress,
            Some(form.note.as_str()),
        )
        .await
        .map_err(AppError::from),
        Err(_) => Err(AppError::invalid("progress", "choose a number from 1 to 5")),
    };
    match result {
        Ok(e) => {
            let (_, plan, _) =
                plans::access::load_goal(&web.state.db.conn, &actor, e.goal_id, "plan_read")
                    .await
                    .map_err(AppError::from)?;
            Ok(done(&format!("/my/plans/{}", plan.id), "plan-evaluated"))
        }
        Err(e) => {
            let errors = errors_of(web.lang, e)?;
            draw_evaluation(&web, id, form, errors).await
        }
    }
}
