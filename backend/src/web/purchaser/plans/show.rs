//! The plan page: the client's name at the top; status, the need, the day the decision is
//! due (and how late when overdue); the support plan's answers with who wrote each and
//! when; goals with what was bought for them and their evaluations; the budget lines and
//! the estimate; once decided, the decision. Read through `plans::read` (audited).
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use strum::VariantArray;

use crate::{
    domain::{
        catalogue::{GoalArea, PlanStatus},
        ids::PlanId,
        today_in_finland,
    },
    error::AppResult,
    http::extract::PathId,
    plans::{PlanView, read},
    web::{
        client::money::BalanceView,
        format,
        item_forms::{Failed, ItemForm},
        page::{Choice, Field, FormErrors, PageCtx, render},
        session::Web,
        views,
    },
};

use super::parts::{self, AnswerRow, GoalRow, LineRow};

/// A form of the page that was refused, with what was typed.
pub enum Refused {
    Answers(ItemForm),
    /// The new goal's form (item `new`).
    Goal(Failed),
    /// One goal's evaluation form (item: the goal's id).
    Evaluation(Failed),
    /// The budget line form: its controls with errors and what was typed.
    Line(Vec<Field>),
}

/// What the page shows after a refusal: the summary at the top and the refused form.
pub struct Refusal {
    pub summary: FormErrors,
    pub form: Refused,
}

pub struct DecidedView {
    pub number: String,
    pub kind: String,
    pub period: String,
    pub balance: BalanceView,
    /// "Rahaa kuluu keskimäärin 250,00 € kuukaudessa. …"
    pub pace: Option<String>,
}

#[derive(Template)]
#[template(path = "purchaser/plan.html")]
struct PlanPage {
    page: PageCtx,
    id: String,
    client_id: String,
    status: String,
    need: String,
    due: String,
    overdue: bool,
    draft: bool,
    /// Closed and cancelled plans take no more writing.
    writable: bool,
    estimate: String,
    decided: Option<DecidedView>,
    answers: Vec<AnswerRow>,
    answers_refused: bool,
    goals: Vec<GoalRow>,
    areas: Vec<Choice>,
    goal_form: ItemForm,
    /// The evaluation scale 1–5 with its words.
    progress: Vec<(String, String)>,
    lines: Vec<LineRow>,
    /// The budget line form.
    fields: Vec<Field>,
    /// A refused form's summary, at the top of the page.
    errors: FormErrors,
}

/// The page's forms after a refusal: the refused one filled in, the others empty.
#[derive(Default)]
struct Forms {
    summary: FormErrors,
    answers: Option<ItemForm>,
    goal: Option<Failed>,
    evaluation: Option<Failed>,
    line: Option<Vec<Field>>,
}

impl Forms {
    fn of(refusal: Option<Refusal>) -> Forms {
        let Some(r) = refusal else {
            return Forms::default();
        };
        let mut forms = Forms {
            summary: r.summary,
            ..Forms::default()
        };
        match r.form {
            Refused::Answers(f) => forms.answers = Some(f),
            Refused::Goal(f) => forms.goal = Some(f),
            Refused::Evaluation(f) => forms.evaluation = Some(f),
            Refused::Line(fields) => forms.line = Some(fields),
        }
        forms
    }
}

/// The life areas a goal may belong to, `chosen` selected.
fn areas(lang: crate::web::i18n::Lang, chosen: &str) -> Vec<Choice> {
    GoalArea::VARIANTS
        .iter()
        .map(|a| {
            let label = lang.t(&format!("plan-staff-area-{}", a.as_ref()));
            Choice::new(a.as_ref(), label, chosen == a.as_ref())
        })
        .collect()
}

pub async fn show(web: Web, PathId(id): PathId<PlanId>) -> AppResult<Response> {
    draw(&web, id, None).await
}

/// The plan page, after a refusal with the refused form open and filled in.
pub async fn draw(web: &Web, id: PlanId, refusal: Option<Refusal>) -> AppResult<Response> {
    let (actor, _) = super::case_worker(web)?;
    let lang = web.lang;
    let conn = &web.state.db.conn;
    let plan = read::find(conn, &actor, id).await?;
    let (client, _) = crate::auth::access::load_client(conn, &actor, plan.client_id).await?;
    let names = parts::writers(conn, &plan).await?;
    let catalogue = views::whole_catalogue(&web.state, plan.purchaser_id).await?;
    let Forms {
        summary,
        answers: answers_form,
        goal: mut goal_failed,
        evaluation: mut evaluation_failed,
        line: line_fields,
    } = Forms::of(refusal);
    let goal_form = Failed::take_for(&mut goal_failed, "new");
    let chosen_area = goal_form.typed("area").to_owned();
    let goals = plan
        .goals
        .iter()
        .map(|g| {
            let form = Failed::take_for(&mut evaluation_failed, &g.id.to_string());
            parts::goal(lang, g, &names, form)
        })
        .collect();
    let today = today_in_finland();
    render(&PlanPage {
        page: PageCtx::new(web, "plan-staff-title")
            .titled(lang.t_with(
                "plan-staff-heading",
                &[("name", client.name.as_str().into())],
            ))
            .whose(&client.name),
        id: id.to_string(),
        client_id: plan.client_id.to_string(),
        status: super::status_word(lang, plan.status),
        need: format::date(plan.need_identified_on),
        due: super::due_words(lang, plan.decision_due, plan.overdue, today),
        overdue: plan.overdue,
        draft: plan.status == PlanStatus::Draft,
        writable: matches!(plan.status, PlanStatus::Draft | PlanStatus::Decided),
        estimate: format::euros(plan.estimate),
        decided: decided(web, &plan),
        answers_refused: answers_form.is_some(),
        answers: parts::answers(lang, &plan, &names, answers_form.as_ref()),
        goals,
        areas: areas(lang, &chosen_area),
        goal_form,
        progress: (1..=5)
            .map(|n| (n.to_string(), lang.t(&format!("plan-staff-progress-{n}"))))
            .collect(),
        lines: parts::lines(lang, &plan.budget_lines, &catalogue),
        fields: match line_fields {
            Some(fields) => fields,
            None => super::lines::fields(web, &catalogue, &[], &FormErrors::default()).await?,
        },
        errors: summary,
    })
}

fn decided(web: &Web, plan: &PlanView) -> Option<DecidedView> {
    let lang = web.lang;
    let allocation = plan.allocation.as_ref()?;
    Some(DecidedView {
        number: plan.decision_number.clone().unwrap_or_default(),
        kind: views::word(lang, "funding", allocation.kind.as_ref()),
        period: lang.t_with(
            "allocation-period",
            &[
                ("from", format::date(allocation.valid_from).into()),
                ("to", format::date(allocation.valid_to).into()),
            ],
        ),
        balance: BalanceView::of(&allocation.balance),
        pace: plan.pace.as_ref().map(|p| {
            let average = format::euros(p.monthly_average);
            match p.runs_out_on {
                Some(day) => lang.t_with(
                    "plan-staff-pace-runs-out",
                    &[
                        ("amount", average.into()),
                        ("date", format::date(day).into()),
                    ],
                ),
                None => lang.t_with("plan-staff-pace-lasts", &[("amount", average.into())]),
            }
        }),
    })
}
