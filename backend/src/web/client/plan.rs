//! The client's plan (`/my/plans/{id}`), for the client and a proxy acting for her: its
//! status and when the decision is due, the support plan's answers with who wrote each and
//! when, the goals with what was bought for them and how they went, and once decided the
//! spending pace. Everything is read through `plans::read`, which audits the read.
use std::collections::HashMap;

use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::Actor,
    db::entities::{offering, provider},
    domain::{
        LocalizedText,
        catalogue::{PlanStatus, WrittenBy},
        ids::{OfferingId, PlanId, UserId},
    },
    error::{AppError, AppResult},
    http::extract::PathId,
    plans::{
        self, PlanView,
        goals::GoalView,
        questions::{QUESTIONS, Question},
    },
    web::{
        client::{
            self, ClientCtx,
            plan_pace::{self, PaceView},
        },
        format,
        i18n::Lang,
        page::{PageCtx, render},
        session::Web,
        views,
    },
};

/// The client side of the signed-in user; anyone else is told the page does not exist
/// (a plan is the client's data), while a proxy who has not chosen is sent to choose.
pub async fn side(web: &Web) -> AppResult<ClientCtx> {
    match client::current(web).await {
        Ok(ctx) => Ok(ctx),
        Err(e) if client::must_choose_first(&e) || e.status.is_server_error() => Err(e),
        Err(_) => Err(AppError::not_found("plan")),
    }
}

/// The plan, read (and audited) for the actor, with its client's name.
pub async fn read(web: &Web, actor: &Actor, id: PlanId) -> AppResult<(PlanView, String)> {
    let conn = &web.state.db.conn;
    let plan = plans::read::find(conn, actor, id).await?;
    let name = plans::pages::client_name(conn, plan.client_id).await?;
    Ok((plan, name))
}

/// Who wrote something, in words: "sinä", the client's name, "Liisa puolestasi",
/// "sosiaalityöntekijä".
pub fn writer(
    lang: Lang,
    by: WrittenBy,
    user: UserId,
    viewer: UserId,
    names: &HashMap<UserId, String>,
) -> String {
    let name = names.get(&user).cloned().unwrap_or_default();
    if user == viewer {
        return lang.t("plan-writer-you");
    }
    match by {
        WrittenBy::Client => name,
        WrittenBy::Proxy => lang.t_with("plan-writer-proxy", &[("name", name.into())]),
        WrittenBy::CaseWorker => lang.t("plan-writer-case-worker"),
    }
}

/// A question of the support plan in the page's language.
pub fn question_text(lang: Lang, q: &Question) -> &'static str {
    match lang {
        Lang::Fi => q.text.fi,
        Lang::Sv => q.text.sv,
        Lang::En => q.text.en,
    }
}

/// "Kirjoittaja: sinä, 3.12.2026 14.05".
fn written(lang: Lang, who: String, at: chrono::DateTime<chrono::Utc>) -> String {
    lang.t_with(
        "plan-written",
        &[("name", who.into()), ("date", format::moment(at).into())],
    )
}

/// The plan's status as a sentence, and while a draft when the decision is due.
pub fn status_words(
    lang: Lang,
    plan_status: PlanStatus,
    due: chrono::NaiveDate,
    overdue: bool,
) -> (String, Option<String>) {
    let status = lang.t(&format!("plan-status-{}", plan_status.as_ref()));
    let due = (plan_status == PlanStatus::Draft).then(|| {
        let key = if overdue {
            "plan-due-overdue"
        } else {
            "plan-due"
        };
        lang.t_with(key, &[("date", format::date(due).into())])
    });
    (status, due)
}

pub struct AnswerRow {
    pub question: String,
    pub text: Option<String>,
    pub by: Option<String>,
}

pub struct EvaluationRow {
    pub progress: String,
    pub note: String,
    pub by: String,
}

pub struct GoalRow {
    pub id: String,
    pub text: String,
    pub area: String,
    pub target: Option<String>,
    pub by: String,
    pub bought: Vec<String>,
    pub evaluations: Vec<EvaluationRow>,
}

#[derive(Template)]
#[template(path = "client/plan.html")]
struct PlanPage {
    page: PageCtx,
    id: String,
    heading: String,
    status: String,
    due: Option<String>,
    open: bool,
    decided: bool,
    answers: Vec<AnswerRow>,
    goals: Vec<GoalRow>,
    pace: Option<PaceView>,
}

pub async fn show(web: Web, PathId(id): PathId<PlanId>) -> AppResult<Response> {
    side(&web).await?;
    let actor = web.signed_in()?.clone();
    let lang = web.lang;
    let (plan, name) = read(&web, &actor, id).await?;
    let conn = &web.state.db.conn;
    let names = plans::pages::writer_names(conn, &plan).await?;
    let answers = QUESTIONS
        .iter()
        .map(|q| {
            let current = plan.answers.iter().find(|a| a.key == q.key);
            AnswerRow {
                question: question_text(lang, q).to_owned(),
                text: current
                    .filter(|a| !a.text.is_empty())
                    .map(|a| a.text.clone()),
                by: current.map(|a| {
                    let who = writer(lang, a.written_by, a.written_by_user, actor.user_id, &names);
                    written(lang, who, a.written_at)
                }),
            }
        })
        .collect();
    let titles = bought_titles(&web, &plan.goals).await?;
    let goals = plan
        .goals
        .iter()
        .map(|g| goal_row(lang, g, actor.user_id, &names, &titles))
        .collect();
    let months = plans::pages::spending_by_month(conn, &plan).await?;
    let (status, due) = status_words(lang, plan.status, plan.decision_due, plan.overdue);
    render(&PlanPage {
        page: PageCtx::new(&web, "plan-title").whose(&name),
        id: id.to_string(),
        heading: lang.t_with("plan-heading", &[("name", name.into())]),
        status,
        due,
        open: matches!(plan.status, PlanStatus::Draft | PlanStatus::Decided),
        decided: plan.decision_text.is_some(),
        answers,
        goals,
        pace: plan_pace::view(lang, &plan, &months),
    })
}

fn goal_row(
    lang: Lang,
    g: &GoalView,
    viewer: UserId,
    names: &HashMap<UserId, String>,
    titles: &HashMap<OfferingId, String>,
) -> GoalRow {
    GoalRow {
        id: g.id.to_string(),
        text: g.text.clone(),
        area: lang.t(&format!("plan-area-{}", g.area.as_ref())),
        target: g.target_date.map(format::date),
        by: written(
            lang,
            writer(lang, g.written_by, g.created_by, viewer, names),
            g.created_at,
        ),
        bought: g
            .commitments
            .iter()
            .map(|c| {
                let title = titles.get(&c.offering_id).cloned().unwrap_or_default();
                format!(
                    "{title} ({})",
                    views::word(lang, "commitment", c.status.as_ref())
                )
            })
            .collect(),
        evaluations: g
            .evaluations
            .iter()
            .rev()
            .map(|e| EvaluationRow {
                progress: lang.t_with(
                    "plan-progress-shown",
                    &[
                        ("number", e.progress.to_string().into()),
                        (
                            "text",
                            lang.t(&format!("plan-progress-{}", e.progress)).into(),
                        ),
                    ],
                ),
                note: e.note.clone(),
                by: written(
                    lang,
                    writer(lang, e.written_by, e.created_by, viewer, names),
                    e.created_at,
                ),
            })
            .collect(),
    }
}

/// "Title – Provider" of each offering bought for a goal.
async fn bought_titles(web: &Web, goals: &[GoalView]) -> AppResult<HashMap<OfferingId, String>> {
    let ids: Vec<OfferingId> = goals
        .iter()
        .flat_map(|g| g.commitments.iter().map(|c| c.offering_id))
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = offering::Entity::find()
        .filter(offering::Column::Id.is_in(ids))
        .find_also_related(provider::Entity)
        .all(&web.state.db.conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(o, p)| {
            let title: LocalizedText = serde_json::from_value(o.title).unwrap_or_default();
            let provider = p.map(|p| p.name).unwrap_or_default();
            (
                o.id,
                format!("{} – {provider}", views::pick(web.lang, &title)),
            )
        })
        .collect())
}
