//! The case worker's plan pages (issue #17): the caseload, opening a plan from the client's
//! page, the plan with the support plan, goals and evaluations, pricing, and the decision
//! with its confirmation. Thin over `plans::`; they speak about the client, never to her.
pub mod caseload;
pub mod decision;
pub mod lines;
pub mod open;
mod parts;
pub mod show;
pub mod writing;

use crate::i18n::Translate;

use chrono::NaiveDate;

use crate::{
    auth::Actor,
    domain::{
        catalogue::{PlanStatus, Role},
        ids::PurchaserId,
    },
    error::{AppError, AppResult},
    plans::PlanError,
    web::{
        format,
        i18n::{Arg, Lang},
        page::FormErrors,
        session::Web,
    },
};

/// The signed-in case worker. Anyone else — a provider, a client, other staff — is told
/// the plan pages do not exist (404), as the API tells them.
pub fn case_worker(web: &Web) -> AppResult<(Actor, PurchaserId)> {
    let actor = web.signed_in()?;
    match actor.purchaser_id {
        Some(pid) if actor.has(Role::CaseWorker) => Ok((actor.clone(), pid)),
        _ => Err(AppError::not_found("plan")),
    }
}

/// A plan's status in words.
pub fn status_word(lang: Lang, status: PlanStatus) -> String {
    lang.t(&format!("plan-staff-status-{}", status.as_ref()))
}

/// "Päätös viimeistään 7.3.2027", and for an overdue draft how many days late, in words
/// (never by colour alone).
pub fn due_words(lang: Lang, due: NaiveDate, overdue: bool, today: NaiveDate) -> String {
    if overdue {
        let days = (today - due).num_days().max(1);
        lang.t_with(
            "plan-staff-overdue-by",
            &[
                ("count", Arg::from(days.unsigned_abs())),
                ("date", format::date(due).into()),
            ],
        )
    } else {
        format::date(due)
    }
}

/// A refusal of a plan operation as form errors: the summary in the page's language and a
/// message at each named field (`plan-staff-error-<field>` where the plans area has its own
/// words, else the portal's). Failures on our side and "not found" go to the error page.
pub fn form_errors(lang: Lang, error: PlanError) -> AppResult<FormErrors> {
    let field = match &error {
        PlanError::Invalid { field, .. } => Some(field.clone()),
        _ => None,
    };
    let mut errors = FormErrors::from_app(lang, error.into())?;
    if let Some(field) = field {
        let key = format!("plan-staff-error-{}", field.replace(['_', '.'], "-"));
        let own = lang.try_t(&key).or_else(|| {
            // `answers.what_matters`: one message for every answer.
            field
                .starts_with("answers")
                .then(|| lang.t("plan-staff-error-answers"))
        });
        if let Some(text) = own {
            errors.fields.insert(field, text);
        }
    }
    Ok(errors)
}
