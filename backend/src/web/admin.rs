//! `/admin/emails`: the email outbox for administrators — what waits, what was sent, what
//! failed and why, with a button to send a failed one again. When no SMTP server is set
//! (development), it also lists the messages written to the local outbox folder and shows
//! each one: the development page of the outbox.
use crate::i18n::Translate;
use askama::Template;
use axum::{
    extract::{Path, Query},
    http::Uri,
    response::Response,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;

use crate::{
    db::entities::email,
    error::{AppError, AppResult},
    jobs,
    notify::outbox_reads::{parse_status, record_read},
    notify::queue::EmailStatus,
    web::{
        format,
        page::{PageCtx, done, render},
        pager::{self, Pager},
        session::{Web, WebForm},
    },
};

pub struct EmailRow {
    pub id: String,
    pub created: String,
    pub kind: String,
    pub to: String,
    pub status: String,
    pub attempts: i32,
    pub error: String,
    pub failed: bool,
}

pub struct Filter {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub struct StoredRow {
    pub file: String,
    pub to: String,
    pub subject: String,
}

#[derive(Template)]
#[template(path = "admin/emails.html")]
struct EmailsPage {
    page: PageCtx,
    rows: Vec<EmailRow>,
    pager: Pager,
    filters: Vec<Filter>,
    folder: Option<String>,
    stored: Vec<StoredRow>,
    /// The folder's messages turn pages apart from the outbox table's (`outbox_page`).
    stored_pager: Pager,
}

#[derive(Template)]
#[template(path = "admin/stored_email.html")]
struct StoredPage {
    page: PageCtx,
    to: String,
    subject: String,
    text: String,
}

#[derive(Deserialize, Default)]
pub struct StatusQuery {
    #[serde(default)]
    status: Option<String>,
}

fn admin(web: &Web) -> AppResult<&crate::auth::Actor> {
    let actor = web.signed_in()?;
    actor.require_admin()?;
    Ok(actor)
}

/// The outbox folder, when emails are written there rather than sent.
fn folder(web: &Web) -> Option<std::path::PathBuf> {
    let email = &web.state.config.email;
    if email.smtp_url.is_some() {
        return None;
    }
    Some(
        email
            .outbox_dir
            .clone()
            .unwrap_or_else(|| web.state.config.data_dir.join("outbox")),
    )
}

pub async fn list(web: Web, uri: Uri, Query(query): Query<StatusQuery>) -> AppResult<Response> {
    let actor = admin(&web)?;
    let status = parse_status(query.status.as_deref())?;
    record_read(
        &web.state.db,
        actor,
        "list",
        status.map_or("all", Into::into),
    )
    .await?;
    let mut select = email::Entity::find()
        .order_by_desc(email::Column::CreatedAt)
        .order_by_desc(email::Column::Id);
    if let Some(status) = status {
        select = select.filter(email::Column::Status.eq(status));
    }
    let listed = crate::paging::fetch(&web.state.db.conn, select, pager::requested(&uri)).await?;
    let pager = Pager::of(web.lang, &uri, &listed);
    let rows = listed
        .items
        .into_iter()
        .map(|e| EmailRow {
            id: e.id.to_string(),
            created: format::moment(e.created_at),
            failed: e.status == EmailStatus::Failed,
            kind: e.kind.to_string(),
            to: e.address,
            status: web.lang.t(&format!("email-status-{}", e.status)),
            attempts: e.attempts,
            error: e.last_error.unwrap_or_default(),
        })
        .collect();
    let dir = folder(&web);
    let (stored, stored_pager) = folder_page(&web, &uri, dir.as_deref());
    let filters = [
        None,
        Some(EmailStatus::Pending),
        Some(EmailStatus::Sent),
        Some(EmailStatus::Failed),
    ]
    .into_iter()
    .map(|s| Filter {
        href: s.map_or("/admin/emails".to_owned(), |s| {
            format!("/admin/emails?status={s}")
        }),
        label: s.map_or_else(
            || web.lang.t("emails-all"),
            |s| web.lang.t(&format!("email-status-{s}")),
        ),
        current: s == status,
    })
    .collect();
    render(&EmailsPage {
        page: PageCtx::new(&web, "emails-title"),
        rows,
        pager,
        filters,
        folder: dir.map(|d| d.display().to_string()),
        stored,
        stored_pager,
    })
}

/// The page of the outbox folder's messages asked for (`?outbox_page=N`), newest first,
/// with links to the others. A folder that cannot be read lists nothing.
fn folder_page(web: &Web, uri: &Uri, dir: Option<&std::path::Path>) -> (Vec<StoredRow>, Pager) {
    const PARAM: &str = "outbox_page";
    let page = pager::requested_as(uri, PARAM);
    let (files, total) = dir
        .and_then(|dir| {
            let skip = usize::try_from(page.offset()).ok()?;
            let limit = usize::try_from(page.per_page).ok()?;
            valinta_emails::page_folder(dir, skip, limit).ok()
        })
        .unwrap_or_default();
    let rows = files
        .into_iter()
        .map(|s| StoredRow {
            file: s.file_name,
            to: s.to,
            subject: s.subject,
        })
        .collect();
    let total = u64::try_from(total).unwrap_or(u64::MAX);
    (
        rows,
        Pager::from_total_as(web.lang, uri, PARAM, page, total),
    )
}

/// The form carries only its CSRF token; taking it through `WebForm` is what checks it, so
/// another site cannot make an administrator's browser resend emails.
pub async fn retry(
    web: Web,
    Path(id): Path<String>,
    WebForm(_): WebForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    admin(&web)?;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::not_found("email"))?;
    jobs::emails::retry_failed(&web.state.db, id)
        .await
        .map_err(AppError::internal)?;
    Ok(done("/admin/emails", "email-retried"))
}

pub async fn stored(web: Web, Path(file): Path<String>) -> AppResult<Response> {
    let actor = admin(&web)?;
    let dir = folder(&web).ok_or_else(|| AppError::not_found("email"))?;
    let stored =
        valinta_emails::read_stored(&dir, &file).map_err(|_| AppError::not_found("email"))?;
    record_read(&web.state.db, actor, "message", &file).await?;
    render(&StoredPage {
        page: PageCtx::new(&web, "emails-title").titled(stored.subject.clone()),
        to: stored.to,
        subject: stored.subject,
        text: stored.text,
    })
}
