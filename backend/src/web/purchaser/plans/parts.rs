//! The plan page's parts as the case worker reads them: each question with its current
//! answer and who wrote it when, the goals with what was bought for them and how they went,
//! and the budget lines with the estimate.
use std::collections::HashMap;

use crate::i18n::Translate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    db::entities::user,
    domain::{catalogue::WrittenBy, ids::UserId},
    error::AppResult,
    plans::{
        PlanView,
        budget::BudgetLineView,
        goals::GoalView,
        questions::{QUESTIONS, Question},
    },
    web::{amounts, format, i18n::Lang, item_forms::ItemForm, views},
};

/// Who wrote something and when: "Liisa Virtanen (puolesta asioija), 7.12.2026 14.05".
pub fn byline(
    lang: Lang,
    names: &HashMap<UserId, String>,
    by: WrittenBy,
    user: UserId,
    at: chrono::DateTime<chrono::Utc>,
) -> String {
    lang.t_with(
        "plan-staff-byline",
        &[
            ("name", names.get(&user).cloned().unwrap_or_default().into()),
            (
                "kind",
                lang.t(&format!("plan-staff-by-{}", by.as_ref().replace('_', "-")))
                    .into(),
            ),
            ("date", format::moment(at).into()),
        ],
    )
}

/// The names of everyone who wrote into the plan, in one query.
pub async fn writers(
    conn: &impl ConnectionTrait,
    plan: &PlanView,
) -> AppResult<HashMap<UserId, String>> {
    let mut ids: Vec<uuid::Uuid> = plan.answers.iter().map(|a| a.written_by_user.0).collect();
    for g in &plan.goals {
        ids.push(g.created_by.0);
        ids.extend(g.evaluations.iter().map(|e| e.created_by.0));
    }
    ids.sort();
    ids.dedup();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

/// One question of the support plan, its current answer and the form's control for it.
pub struct AnswerRow {
    pub key: &'static str,
    pub question: String,
    /// The current answer; empty when none yet.
    pub text: String,
    pub byline: Option<String>,
    /// What the form shows: the current answer, or what was typed into a refused form.
    pub typed: String,
    pub error: Option<String>,
}

fn question_text(lang: Lang, q: &Question) -> String {
    match lang {
        Lang::Fi => q.text.fi,
        Lang::Sv => q.text.sv,
        Lang::En => q.text.en,
    }
    .to_owned()
}

pub fn answers(
    lang: Lang,
    plan: &PlanView,
    names: &HashMap<UserId, String>,
    refused: Option<&ItemForm>,
) -> Vec<AnswerRow> {
    QUESTIONS
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let current = plan.answers.iter().find(|a| a.key == q.key);
            let text = current.map(|a| a.text.clone()).unwrap_or_default();
            AnswerRow {
                key: q.key,
                question: question_text(lang, q),
                byline: current
                    .filter(|a| !a.text.is_empty())
                    .map(|a| byline(lang, names, a.written_by, a.written_by_user, a.written_at)),
                typed: refused
                    .map(|f| f.typed(q.key).to_owned())
                    .unwrap_or_else(|| text.clone()),
                // A refusal of the whole form is shown at the first question.
                error: refused.and_then(|f| {
                    f.error(&format!("answers.{}", q.key))
                        .or(f.error("answers").filter(|_| n == 0))
                        .map(str::to_owned)
                }),
                text,
            }
        })
        .collect()
}

pub struct EvaluationRow {
    pub progress: String,
    pub note: String,
    pub byline: String,
}

pub struct GoalRow {
    pub id: String,
    pub area: String,
    pub text: String,
    pub target: Option<String>,
    pub byline: String,
    /// "2 tilausta: hyväksytty, odottaa vastausta"; none when nothing was bought yet.
    pub bought: Option<String>,
    pub evaluations: Vec<EvaluationRow>,
    /// The goal's evaluation form (its errors and what was typed, after a refusal).
    pub form: ItemForm,
}

pub fn goal(lang: Lang, g: &GoalView, names: &HashMap<UserId, String>, form: ItemForm) -> GoalRow {
    let bought = (!g.commitments.is_empty()).then(|| {
        let statuses: Vec<String> = g
            .commitments
            .iter()
            .map(|c| views::word(lang, "commitment", c.status.as_ref()))
            .collect();
        lang.t_with(
            "plan-staff-goal-bought",
            &[
                ("count", g.commitments.len().into()),
                ("text", statuses.join(", ").into()),
            ],
        )
    });
    GoalRow {
        id: g.id.to_string(),
        area: lang.t(&format!("plan-staff-area-{}", g.area.as_ref())),
        text: g.text.clone(),
        target: g.target_date.map(format::date),
        byline: byline(lang, names, g.written_by, g.created_by, g.created_at),
        bought,
        evaluations: g
            .evaluations
            .iter()
            .map(|e| EvaluationRow {
                progress: lang.t_with(
                    "plan-staff-progress",
                    &[("n", i64::from(e.progress).unsigned_abs().into())],
                ),
                note: e.note.clone(),
                byline: byline(lang, names, e.written_by, e.created_by, e.created_at),
            })
            .collect(),
        form,
    }
}

pub struct LineRow {
    pub service: String,
    pub quantity: String,
    pub months: String,
    pub unit_price: String,
    pub amount: String,
    /// "Tuottajien hintojen mediaani 30,00 €".
    pub hint: Option<String>,
}

/// The lines, each with its service's name and unit from the catalogue.
pub fn lines(
    lang: Lang,
    lines: &[BudgetLineView],
    catalogue: &[crate::catalogue::view::ServiceOut],
) -> Vec<LineRow> {
    lines
        .iter()
        .map(|l| {
            let service = catalogue.iter().find(|s| s.id == l.service_id);
            let unit = service.map(|s| s.unit.as_ref()).unwrap_or_default();
            LineRow {
                service: service
                    .map(|s| views::pick(lang, &s.name))
                    .unwrap_or_default(),
                quantity: amounts::with_unit(lang, l.quantity_per_month, unit),
                months: l.months.to_string(),
                unit_price: views::price_per_unit(lang, l.unit_price, unit),
                amount: format::euros(l.amount),
                hint: l.median_offering_price.map(|m| {
                    lang.t_with("plan-staff-median", &[("price", format::euros(m).into())])
                }),
            }
        })
        .collect()
}
