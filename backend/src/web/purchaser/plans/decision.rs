//! The decision form: personal budget or voucher, the period, the sum granted (the estimate
//! unless changed) and a voucher value for a voucher. Posting it shows the confirmation
//! (`decision_check`); confirming decides. A decided plan is never decided again: a second
//! decision, a refreshed or replayed confirmation, is refused in words and grants nothing.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::StatusCode, response::IntoResponse, response::Response};
use strum::VariantArray;

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
        page::{Choice, Field, FormErrors, PageCtx, Pairs, done, render},
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

/// The decision's controls with what was typed.
fn decision_fields(lang: Lang, form: &Pairs) -> Vec<Field> {
    let kind = form.one("kind");
    let kinds = FundingKind::VARIANTS
        .iter()
        .map(|k| {
            let label = views::word(lang, "funding", k.as_ref());
            Choice::new(k.to_string(), label, kind == k.to_string())
        })
        .collect();
    vec![
        Field::new("kind", "select", lang.t("field-funding-kind"))
            .options(kinds)
            .required(),
        Field::new("valid_from", "date", lang.t("field-valid-from"))
            .value(form.one("valid_from"))
            .required(),
        Field::new("valid_to", "date", lang.t("field-valid-to"))
            .value(form.one("valid_to"))
            .required(),
        Field::new("granted", "text", lang.t("field-granted"))
            .value(form.one("granted"))
            .inputmode("decimal")
            .hint(lang.t("plan-staff-field-granted-hint")),
        Field::new("voucher_value", "text", lang.t("field-voucher-value"))
            .value(form.one("voucher_value"))
            .inputmode("decimal")
            .hint(lang.t("plan-staff-field-voucher-value-hint")),
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
    let kind = match form.one("kind").parse::<FundingKind>() {
        Ok(kind) => kind,
        Err(_) => {
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
        Ok(Some(preview)) => super::decision_check::draw(&web, id, &form, &preview).await,
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
