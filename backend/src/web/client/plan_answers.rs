//! Writing the support plan (`/my/plans/{id}/answers`): one form, a textarea per question
//! with the question as its label. The client may answer part and come back. Only the
//! answers that changed are sent to `plans::answers::write`, so the history does not grow
//! with unchanged texts. A refused or failed submit draws the form again with everything
//! typed and the error at the question it concerns: nothing typed is lost.
use std::collections::{BTreeMap, HashMap};

use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    auth::Actor,
    domain::ids::PlanId,
    error::{AppError, AppResult},
    http::extract::PathId,
    plans::{self, answers::AnswersIn, questions::QUESTIONS},
    web::{
        client::plan::{question_text, read, side},
        i18n::Lang,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "client/plan_answers.html")]
struct AnswersPage {
    page: PageCtx,
    id: String,
    heading: String,
    fields: Vec<Field>,
    errors: FormErrors,
}

/// Ten answers of 4 000 characters, each character up to 9 bytes once percent-encoded
/// (`%E2%80%9D`): a full form must reach the check that names the long answer, not be
/// refused whole (which would lose what was typed).
const ANSWERS_FORM_BYTES: usize = 10 * 4_000 * 9 + 4 * 1024;

/// What is typed in each question, by key.
type Typed = BTreeMap<&'static str, String>;

fn draw(
    web: &Web,
    id: PlanId,
    name: &str,
    typed: &Typed,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = web.lang;
    let mut fields: Vec<Field> = QUESTIONS
        .iter()
        .map(|q| {
            let hint = lang.t(&format!("plan-hint-{}", q.key));
            Field::new(q.key, "textarea", question_text(lang, q).to_owned())
                .value(typed.get(q.key).cloned().unwrap_or_default())
                .hint(format!("{hint} {}", lang.t("plan-answers-limit")))
        })
        .collect();
    errors.apply(&mut fields);
    render(&AnswersPage {
        page: PageCtx::new(web, "plan-answers-title").whose(name),
        id: id.to_string(),
        heading: lang.t_with("plan-heading", &[("name", name.into())]),
        fields,
        errors,
    })
}

pub async fn show(web: Web, PathId(id): PathId<PlanId>) -> AppResult<Response> {
    side(&web).await?;
    let actor = web.signed_in()?.clone();
    let (plan, name) = read(&web, &actor, id).await?;
    let typed = plan
        .answers
        .iter()
        .filter_map(|a| {
            let q = QUESTIONS.iter().find(|q| q.key == a.key)?;
            Some((q.key, a.text.clone()))
        })
        .collect();
    draw(&web, id, &name, &typed, FormErrors::default())
}

pub async fn submit(
    web: Web,
    PathId(id): PathId<PlanId>,
    WebForm(form): WebForm<HashMap<String, String>, ANSWERS_FORM_BYTES>,
) -> AppResult<Response> {
    let ctx = side(&web).await?;
    let actor = web.signed_in()?.clone();
    // A question the form did not send is left as it is (the page always sends them all).
    let typed: Typed = QUESTIONS
        .iter()
        .filter_map(|q| Some((q.key, form.get(q.key)?.clone())))
        .collect();
    // Until the plan is read, the name the proxy acts for stands in on the redrawn form.
    let mut name = ctx.name.clone();
    let result = match read(&web, &actor, id).await {
        Ok((plan, client)) => {
            name = client;
            save(&web, &actor, &plan, &typed).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(true) => Ok(done(&format!("/my/plans/{id}"), "plan-saved")),
        Ok(false) => Ok(done(&format!("/my/plans/{id}"), "plan-nothing-changed")),
        Err(e) => {
            let errors = errors_of(web.lang, e)?;
            draw(&web, id, &name, &typed, errors)
        }
    }
}

/// Writes the answers that differ from the current ones; false when none did.
async fn save(web: &Web, actor: &Actor, plan: &plans::PlanView, typed: &Typed) -> AppResult<bool> {
    let changed: AnswersIn = typed
        .iter()
        .filter(|(key, text)| {
            let current = plan.answers.iter().find(|a| a.key == **key);
            current.map_or("", |a| a.text.as_str()) != text.trim()
        })
        .map(|(key, text)| ((*key).to_owned(), text.clone()))
        .collect();
    if changed.is_empty() {
        return Ok(false);
    }
    plans::answers::write(&web.state.db, actor, plan.id, &changed).await?;
    Ok(true)
}

/// The refusal at the question it names; a failure on our side as a summary, so that the
/// form is drawn again with what was typed (a plan that is not there stays a 404).
fn errors_of(lang: Lang, e: AppError) -> AppResult<FormErrors> {
    if e.status == axum::http::StatusCode::NOT_FOUND
        || e.status == axum::http::StatusCode::UNAUTHORIZED
    {
        return Err(e);
    }
    if e.status.is_server_error() {
        tracing::warn!(error = %e.message, "a support plan could not be saved");
        return Ok(FormErrors {
            summary: Some(lang.t("plan-error-not-saved")),
            fields: BTreeMap::new(),
        });
    }
    let named: Vec<String> = e.fields.keys().cloned().collect();
    let mut errors = FormErrors::from_app(lang, e)?;
    errors.fields = named
        .iter()
        .filter_map(|field| {
            let key = field.strip_prefix("answers.")?;
            let q = QUESTIONS.iter().find(|q| q.key == key)?;
            let text = lang.t_with(
                "plan-error-answer-too-long",
                &[("title", question_text(lang, q).into())],
            );
            Some((key.to_owned(), text))
        })
        .collect();
    Ok(errors)
}
