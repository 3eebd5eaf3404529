//! Late recording: the purchaser's settings (deliveries recorded within N days of their
//! date, and the default grace days of new decisions, set by finance or the catalogue
//! manager) and the providers with overdue recording, for the purchaser's staff.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    domain::catalogue::Role,
    error::{AppError, AppResult},
    purchasers::{self, PurchaserPatch},
    web::{
        format,
        page::{Field, FormErrors, PageCtx, Pairs, done, render},
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
    grace_days: u64,
    can_set: bool,
    rows: Vec<OverdueRow>,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct DaysForm {
    #[serde(default)]
    recording_days: String,
    /// Left out (an older form) or empty: unchanged.
    #[serde(default)]
    grace_days: String,
}

async fn draw(web: &Web, typed: Option<&DaysForm>, errors: FormErrors) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let purchaser = purchasers::view::one(&web.state.db.conn, pid).await?;
    let report = crate::reports::overdue::report(&web.state.db, &actor, pid).await?;
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
            .value(typed.map_or_else(
                || report.recording_days.to_string(),
                |t| t.recording_days.clone(),
            ))
            .inputmode("numeric")
            .hint(lang.t("field-recording-days-hint"))
            .required(),
        Field::new("grace_days", "text", lang.t("field-default-grace-days"))
            .value(typed.map_or_else(
                || purchaser.grace_days.to_string(),
                |t| t.grace_days.clone(),
            ))
            .inputmode("numeric")
            .hint(lang.t("field-default-grace-days-hint")),
    ];
    errors.apply(&mut fields);
    render(&RecordingPage {
        page: PageCtx::new(web, "recording-title"),
        days: u64::try_from(report.recording_days).unwrap_or(0),
        grace_days: u64::try_from(purchaser.grace_days).unwrap_or(0),
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
    let typed = Pairs(vec![
        ("recording_days".into(), form.recording_days.clone()),
        ("grace_days".into(), form.grace_days.clone()),
    ]);
    let outcome = async {
        let Some(days) = typed.whole_number("recording_days")? else {
            return Err(AppError::invalid("recording_days", "is required"));
        };
        let patch = PurchaserPatch {
            recording_days: Some(days),
            grace_days: typed.whole_number("grace_days")?,
            ..PurchaserPatch::default()
        };
        purchasers::settings::update(&web.state.db, &actor, pid, patch).await
    }
    .await;
    match outcome {
        Ok(_) => Ok(done("/purchaser/recording", "recording-days-saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, Some(&form), errors).await
        }
    }
}
