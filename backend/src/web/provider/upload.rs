//! Uploading a file of deliveries: the form (file, all-or-nothing, the template, and the
//! open commitments with the numbers the file needs), and the report row by row. Calls the
//! same code as the API's upload. A recorded file redirects to this page with its kept
//! report (post-redirect-get), so a refresh never posts the file again.
use crate::i18n::Translate;
use askama::Template;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::{
    domain::ids::UploadReportId,
    error::{AppError, AppResult},
    http::extract::ApiQuery,
    upload::{
        kept::{self, KeptReport, KeptRow},
        record::{self as uploads, RowStatus, UPLOAD_LIMIT},
    },
    web::{
        format,
        i18n::Lang,
        page::{Field, FormErrors, PageCtx, render},
        session::{UploadRejection, Web, WebUpload},
    },
};

const UPLOAD_PAGE: &str = "/provider/deliveries/upload";

pub struct ReportRow {
    pub line: u64,
    pub reference: String,
    pub status: String,
    pub refused: bool,
    pub total: String,
    pub detail: String,
}

pub struct ReportView {
    pub outcome: String,
    pub rows: Vec<ReportRow>,
    pub hidden: u64,
    pub accepted: u64,
    pub duplicate: u64,
    pub refused: u64,
    pub total: String,
}

pub struct OpenCommitment {
    pub id: String,
    pub client: String,
    pub title: String,
}

#[derive(Template)]
#[template(path = "provider/upload.html")]
struct UploadPage {
    page: PageCtx,
    report: Option<ReportView>,
    open: Vec<OpenCommitment>,
    fields: Vec<Field>,
    errors: FormErrors,
}

fn reason(lang: Lang, row: &KeptRow) -> String {
    let code = row.code.as_deref().unwrap_or_default().replace('_', "-");
    let text = lang
        .try_t(&format!("upload-row-{code}"))
        .or_else(|| lang.try_t(&format!("error-{code}")))
        .or_else(|| row.message.clone())
        .unwrap_or_default();
    match row.field.as_deref() {
        Some(field) => lang.t_with(
            "upload-row-column",
            &[("name", field.into()), ("value", text.into())],
        ),
        None => text,
    }
}

fn report_row(lang: Lang, row: &KeptRow) -> ReportRow {
    let status = match row.status {
        RowStatus::Accepted => "accepted",
        RowStatus::Valid => "valid",
        RowStatus::Duplicate => "duplicate",
        RowStatus::Refused => "refused",
    };
    ReportRow {
        line: row.line,
        reference: row.reference.clone().unwrap_or_default(),
        status: lang.t(&format!("upload-status-{status}")),
        refused: row.status == RowStatus::Refused,
        total: row.total().map(format::euros).unwrap_or_default(),
        detail: if row.status == RowStatus::Refused {
            reason(lang, row)
        } else {
            String::new()
        },
    }
}

fn report_view(lang: Lang, report: &KeptReport) -> ReportView {
    let outcome = if report.recorded {
        lang.t_with(
            "upload-outcome-recorded",
            &[
                ("count", report.accepted.into()),
                ("value", format::euros(report.total()).into()),
            ],
        )
    } else {
        lang.t_with(
            "upload-outcome-nothing",
            &[("count", report.refused.into())],
        )
    };
    ReportView {
        outcome,
        rows: report
            .rows
            .iter()
            .map(|row| report_row(lang, row))
            .collect(),
        hidden: report.hidden,
        accepted: report.accepted,
        duplicate: report.duplicate,
        refused: report.refused,
        total: format::euros(report.total()),
    }
}

async fn draw(
    web: &Web,
    all_or_nothing: bool,
    report: Option<ReportView>,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, id) = super::staff(web)?;
    let lang = web.lang;
    let accepted = crate::commitments::read::for_provider(
        &web.state.db,
        &actor,
        id,
        crate::commitments::read::ProviderFilter::Accepted,
        None,
    )
    .await?
    .items;
    let parties = crate::commitments::parties_of(&web.state.db.conn, &actor, &accepted).await?;
    let mut open: Vec<OpenCommitment> = accepted
        .iter()
        .map(|c| OpenCommitment {
            id: c.id.to_string(),
            client: parties.client(c.client_id).to_owned(),
            title: crate::web::views::pick(lang, &parties.offering(c.offering_id).title),
        })
        .collect();
    open.sort_by(|a, b| a.client.cmp(&b.client).then(a.title.cmp(&b.title)));
    let mut fields = vec![
        Field::new("file", "file", lang.t("field-file"))
            .hint(lang.t("field-file-hint"))
            .required(),
        Field::new("all_or_nothing", "checkbox", lang.t("field-all-or-nothing"))
            .value(if all_or_nothing { "yes" } else { "" })
            .hint(lang.t("field-all-or-nothing-hint")),
    ];
    errors.apply(&mut fields);
    render(&UploadPage {
        page: PageCtx::new(web, "upload-title"),
        report,
        open,
        fields,
        errors,
    })
}

#[derive(Deserialize)]
pub struct ShowQuery {
    /// The report of the file just posted (the form redirects here with it).
    report: Option<UploadReportId>,
}

pub async fn show(web: Web, ApiQuery(query): ApiQuery<ShowQuery>) -> AppResult<Response> {
    let Some(id) = query.report else {
        return draw(&web, false, None, FormErrors::default()).await;
    };
    let (actor, provider) = super::staff(&web)?;
    let report = kept::read(&web.state.db.conn, &actor, provider, id).await?;
    let view = report_view(web.lang, &report);
    draw(
        &web,
        report.all_or_nothing,
        Some(view),
        FormErrors::default(),
    )
    .await
}

pub async fn submit(web: Web, form: Result<WebUpload, UploadRejection>) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let form = match form {
        Ok(form) => form,
        Err(UploadRejection::TooLarge) => {
            let errors = FormErrors::from_app(web.lang, uploads::too_large())?;
            return draw(&web, false, None, errors).await;
        }
        Err(UploadRejection::Refused(e)) => return Err(e),
    };
    let all_or_nothing = form.text("all_or_nothing") == "yes";
    let bytes = form.bytes("file").unwrap_or_default();
    let outcome = if bytes.is_empty() {
        Err(AppError::invalid("file", "choose a file").with_code("no_file"))
    } else if bytes.len() > UPLOAD_LIMIT {
        Err(uploads::too_large())
    } else {
        uploads::record_file(&web.state, &actor, id, bytes, all_or_nothing).await
    };
    match outcome {
        Ok(report) => {
            let kept = kept::keep(&web.state.db.conn, &actor, id, &report).await?;
            Ok(Redirect::to(&format!("{UPLOAD_PAGE}?report={kept}")).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, all_or_nothing, None, errors).await
        }
    }
}
