//! Opening a plan from the client's page: the day the need was identified (today unless
//! told otherwise), with the day the decision is then due, three months later.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    auth::access,
    domain::{day::parse_day, ids::ClientId, today_in_finland},
    error::AppResult,
    http::extract::PathId,
    plans::{
        PlanError,
        open::{decision_due, open},
    },
    web::{
        format,
        page::{Field, FormErrors, PageCtx, Pairs, done, render},
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "purchaser/plan_open.html")]
struct OpenPage {
    page: PageCtx,
    id: String,
    fields: Vec<Field>,
    errors: FormErrors,
}

async fn draw(web: &Web, id: ClientId, typed: &str, errors: FormErrors) -> AppResult<Response> {
    let (actor, _) = super::case_worker(web)?;
    let lang = web.lang;
    let (client, _) = access::load_client(&web.state.db.conn, &actor, id).await?;
    // The due date the typed day gives (today's when the day cannot be read yet).
    let need = parse_day(typed).unwrap_or_else(|_| today_in_finland());
    let hint = lang.t_with(
        "plan-staff-open-due-hint",
        &[
            ("date", format::date(need).into()),
            ("until", format::date(decision_due(need)).into()),
        ],
    );
    let mut fields = vec![
        Field::new(
            "need_identified_on",
            "date",
            lang.t("plan-staff-field-need"),
        )
        .value(typed)
        .hint(hint)
        .required(),
    ];
    errors.apply(&mut fields);
    render(&OpenPage {
        page: PageCtx::new(web, "plan-staff-open-title").whose(&client.name),
        id: id.to_string(),
        fields,
        errors,
    })
}

pub async fn new(web: Web, PathId(id): PathId<ClientId>) -> AppResult<Response> {
    let today = today_in_finland().to_string();
    draw(&web, id, &today, FormErrors::default()).await
}

pub async fn create(
    web: Web,
    PathId(id): PathId<ClientId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, _) = super::case_worker(&web)?;
    let typed = Pairs(pairs).one("need_identified_on");
    match open(&web.state.db, &actor, id, typed.trim()).await {
        Ok(plan) => Ok(done(
            &format!("/purchaser/plans/{}", plan.id),
            "plan-staff-opened",
        )),
        // A repeated submit (or a colleague a moment earlier) opened it already: that draft
        // is the one to continue.
        Err(PlanError::DraftExists(draft)) => Ok(done(
            &format!("/purchaser/plans/{draft}"),
            "plan-staff-draft-exists",
        )),
        Err(e) => {
            let errors = super::form_errors(web.lang, e)?;
            draw(&web, id, &typed, errors).await
        }
    }
}
