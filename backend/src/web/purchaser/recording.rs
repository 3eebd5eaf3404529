//! Late recording: the purchaser's setting (deliveries recorded within N days of their
//! date, set by finance or the catalogue manager) and the providers with overdue
//! recording, for the purchaser's staff.
use askama::Template;
use axum::{extract::State, response::Response};
use serde::Deserialize;

use crate::{
    domain::catalogue::Role,
    error::AppResult,
    routes::{
        extract::{ApiJson, PathId},
        purchasers::{self, PurchaserPatch},
        reports,
    },
    web::{
        format,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

pub struct OverdueRow {
    pub provider: String,
    pub silent: u64,
    pub silent_since: String,
    pub late: u64,
    pub oldest: String,
}

#[derive(Template)]
#[template(path = "purchaser/recording.html")]
struct RecordingPage {
    page: PageCtx,
    days: u64,
    can_set: bool,
    rows: Vec<OverdueRow>,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct DaysForm {
    #[serde(default)]
    recording_days: String,
}

async fn draw(web: &Web, typed: Option<&str>, errors: FormErrors) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let report = reports::overdue_recording(State(web.state.clone()), actor.clone(), PathId(pid))
        .await?
        .0;
    let rows = report
        .items
        .iter()
        .map(|i| OverdueRow {
            provider: i.provider_name.clone(),
            silent: i.silent_commitments,
            silent_since: i.silent_since.map(format::date).unwrap_or_default(),
            late: i.late_deliveries,
            oldest: i
                .oldest_case
                .as_ref()
                .map(|c| {
                    lang.t_with(
                        "recording-oldest-case",
                        &[
                            ("date", format::date(c.date).into()),
                            ("count", u64::try_from(c.days_late).unwrap_or(0).into()),
                        ],
                    )
                })
                .unwrap_or_default(),
        })
        .collect();
    let mut fields = vec![
        Field::new("recording_days", "text", lang.t("field-recording-days"))
            .value(typed.map_or_else(|| report.recording_days.to_string(), str::to_owned))
            .inputmode("numeric")
            .hint(lang.t("field-recording-days-hint"))
            .required(),
    ];
    errors.apply(&mut fields);
    render(&RecordingPage {
        page: PageCtx::new(web, "recording-title"),
        days: u64::try_from(report.recording_days).unwrap_or(0),
        can_set: actor.has(Role::Finance) || actor.has(Role::CatalogueManager),
        rows,
        fields,
        errors,
    })
}

pub async fn show(web: Web) -> AppResult<Response> {
    draw(&web, None, FormErrors::default()).await
}

pub async fn submit(web: Web, WebForm(form): WebForm<DaysForm>) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let typed = form.recording_days.trim();
    let Ok(days) = typed.parse::<i64>() else {
        let error = crate::error::AppError::invalid("recording_days", "must be a whole number");
        return draw(&web, Some(typed), FormErrors::from_app(web.lang, error)?).await;
    };
    let patch = PurchaserPatch {
        recording_days: Some(days),
        ..PurchaserPatch::default()
    };
    match purchasers::update(State(web.state.clone()), actor, PathId(pid), ApiJson(patch)).await {
        Ok(_) => Ok(done("/purchaser/recording", "recording-days-saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, Some(typed), errors).await
        }
    }
}
