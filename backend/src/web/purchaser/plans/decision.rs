//! The decision form: personal budget or voucher, the period, the sum granted (the estimate
//! unless changed) and a voucher value for a voucher. Posting it shows the confirmation
//! (`decision_form::confirmation`, shared with a grant from the client's page); confirming decides. A decided plan is never decided again: a second
//! decision, a refreshed or replayed confirmation, is refused in words and grants nothing.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::StatusCode, response::IntoResponse, response::Response};

use crate::{
    domain::{catalogue::FundingKind, ids::PlanId, today_in_finland},
    error::AppResult,
    http::extract::PathId,
    plans::{
        self, PlanError,
        decision::{DecisionIn, check, decide},
        read,
    },
    web::i18n::Lang,
    web::{
        format,
        page::{Field, FormErrors, PageCtx, Pairs, done, render},
        purchaser::decision_form::{self, CommonFields, Hints, Origin},
        session::{Web, WebForm},
        views,
    },
};

#[derive(Template)]
#[template(path = "purchaser/plan_decision.html")]
struct DecisionPage {
    page: PageCtx,
    id: String,
    estimate: String,
    /// Set when the plan is decided already: said so, and no form.
    already: Option<String>,
    fields: Vec<Field>,
    errors: FormErrors,
}

/// The form, or for a decided plan the refusal (409) naming the decision made.
async fn draw(web: &Web, id: PlanId, form: &Pairs, errors: FormErrors) -> AppResult<Response> {
    let (actor, _) = super::case_worker(web)?;
    let lang = web.lang;
    let conn = &web.state.db.conn;
    let plan = read::find(conn, &actor, id).await?;
    let (client, _) = crate::auth::access::load_client(conn, &actor, plan.client_id).await?;
    let already = plan.decision_number.as_ref().map(|number| {
        lang.t_with(
            "plan-staff-already-decided",
            &[("number", number.as_str().into())],
        )
    });
    let mut fields = decision_fields(lang, form);
    errors.apply(&mut fields);
    let page = DecisionPage {
        page: PageCtx::new(web, "plan-staff-decision-title").whose(&client.name),
        id: id.to_string(),
        estimate: format::euros(plan.estimate),
        already,
        fields,
        errors,
    };
    let status = if page.already.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)?).into_response())
}

/// The decision's controls with what was typed: the one decision form's questions.
fn decision_fields(lang: Lang, form: &Pairs) -> Vec<Field> {
    let common = CommonFields::new(
        lang,
        form,
        Hints {
            granted: "plan-staff-field-granted-hint",
            voucher_value: "plan-staff-field-voucher-value-hint",
        },
    );
    vec![
        common.kind,
        common.granted,
        common.valid_from,
        common.valid_to,
        common.voucher_value,
    ]
}

/// The form filled in: a personal budget for a year from today, granting the estimate.
pub async fn new(web: Web, PathId(id): PathId<PlanId>) -> AppResult<Response> {
    let (actor, _) = super::case_worker(&web)?;
    let plan = read::find(&web.state.db.conn, &actor, id).await?;
    let today = today_in_finland();
    let end = today
        .checked_add_months(chrono::Months::new(12))
        .and_then(|d| d.pred_opt())
        .unwrap_or(today);
    let prefill = Pairs(vec![
        ("kind".into(), FundingKind::PersonalBudget.to_string()),
        ("valid_from".into(), today.to_string()),
        ("valid_to".into(), end.to_string()),
        ("granted".into(), format::decimal_field(plan.estimate)),
    ]);
    draw(&web, id, &prefill, FormErrors::default()).await
}

/// Posting the form shows the confirmation (every rule checked, nothing written); "edit"
/// returns to the form; "confirm" decides and returns to the plan with the decision.
pub async fn submit(
    web: Web,
    PathId(id): PathId<PlanId>,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, _) = super::case_worker(&web)?;
    let form = Pairs(pairs);
    let step = form.one("step");
    if step == "edit" {
        return draw(&web, id, &form, FormErrors::default()).await;
    }
    let optional =
        |name: &str| Some(format::decimal_input(&form.one(name))).filter(|v| !v.is_empty());
    let (granted, voucher) = (optional("granted"), optional("voucher_value"));
    let (valid_from, valid_to) = (form.one("valid_from"), form.one("valid_to"));
    let kind = match decision_form::chosen_kind(&form) {
        Some(kind) => kind,
        None => {
            let refused = plans::invalid("kind", "choose a personal budget or a voucher");
            let errors = super::form_errors(web.lang, refused)?;
            return draw(&web, id, &form, errors).await;
        }
    };
    let input = DecisionIn {
        kind,
        valid_from: valid_from.trim(),
        valid_to: valid_to.trim(),
        granted: granted.as_deref(),
        voucher_value: voucher.as_deref(),
    };
    let outcome = if step == "confirm" {
        decide(&web.state.db, &actor, id, input).await.map(|_| None)
    } else {
        check(&web.state.db, &actor, id, &input).await.map(Some)
    };
    match outcome {
        Ok(Some(preview)) => {
            let services = preview
                .services
                .iter()
                .map(|name| views::pick(web.lang, name))
                .collect();
            let origin = Origin::Plan(id);
            decision_form::confirmation(&web, origin, &form, &preview.allocation, services).await
        }
        Ok(None) => Ok(done(
            &format!("/purchaser/plans/{id}"),
            "plan-staff-decided",
        )),
        // A refresh or replay of a confirmation already carried out: the form's refusal
        // page says which decision was made, nothing is granted again.
        Err(PlanError::AlreadyDecided) => draw(&web, id, &form, FormErrors::default()).await,
        Err(e) => {
            let errors = super::form_errors(web.lang, e)?;
            draw(&web, id, &form, errors).await
        }
    }
}
