//! The report of a delivery file posted with the portal's form, kept a day in the database
//! so the page the form redirects to can show it on any replica (post-redirect-get: a
//! refresh shows the report again and never posts the file twice). Kept is what the page
//! shows: the counts, the refused rows and the first rows besides, as codes, not texts, so
//! the page speaks the reader's language.
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::{
        entities::upload_report,
        json::{from_json, to_json},
    },
    domain::{
        Money,
        ids::{ProviderId, UploadReportId},
    },
    error::{AppError, AppResult},
    upload::record::{RowStatus, UploadReport, UploadRowOut},
};

/// Rows shown besides the refused ones; the rest are counted.
pub const SHOWN_ROWS: usize = 200;
/// Refused rows shown: a file refused whole would otherwise make a page of megabytes (the
/// API's report lists every row).
const SHOWN_REFUSED: usize = 2000;
/// Long enough for a refresh or the back button, short enough not to become an archive.
const KEPT_HOURS: i64 = 24;

#[derive(Serialize, Deserialize)]
pub struct KeptRow {
    pub line: u64,
    pub status: RowStatus,
    pub reference: Option<String>,
    pub total_cents: Option<i64>,
    pub code: Option<String>,
    pub field: Option<String>,
    pub message: Option<String>,
}

impl KeptRow {
    fn of(row: &UploadRowOut) -> Self {
        KeptRow {
            line: row.line,
            status: row.status,
            reference: row.reference.clone(),
            total_cents: row.total.map(Money::cents),
            code: row.code.clone(),
            field: row.field.clone(),
            message: row.message.clone(),
        }
    }

    pub fn total(&self) -> Option<Money> {
        self.total_cents.map(Money::from_cents)
    }
}

#[derive(Serialize, Deserialize)]
pub struct KeptReport {
    pub recorded: bool,
    pub all_or_nothing: bool,
    pub accepted: u64,
    pub duplicate: u64,
    pub refused: u64,
    pub total_cents: i64,
    pub rows: Vec<KeptRow>,
    /// Rows of the file not kept.
    pub hidden: u64,
}

impl KeptReport {
    pub fn of(report: &UploadReport) -> Self {
        let mut rows = Vec::new();
        let mut refused = 0;
        let mut hidden = 0;
        for row in &report.rows {
            let shown = if row.status == RowStatus::Refused {
                refused += 1;
                refused <= SHOWN_REFUSED
            } else {
                rows.len() < SHOWN_ROWS
            };
            if shown {
                rows.push(KeptRow::of(row));
            } else {
                hidden += 1;
            }
        }
        let s = &report.summary;
        KeptReport {
            recorded: report.recorded,
            all_or_nothing: report.all_or_nothing,
            accepted: s.accepted,
            duplicate: s.duplicate,
            refused: s.refused,
            total_cents: s.total.cents(),
            rows,
            hidden,
        }
    }

    pub fn total(&self) -> Money {
        Money::from_cents(self.total_cents)
    }
}

/// Keeps the report for the person who posted the file (and forgets reports past their
/// day, so the table stays small).
pub async fn keep(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    provider: ProviderId,
    report: &UploadReport,
) -> AppResult<UploadReportId> {
    actor.require_provider(provider, "provider")?;
    upload_report::Entity::delete_many()
        .filter(upload_report::Column::CreatedAt.lt(Utc::now() - Duration::hours(KEPT_HOURS)))
        .exec(conn)
        .await?;
    let id = UploadReportId::new();
    upload_report::ActiveModel {
        id: Set(id),
        provider_id: Set(provider),
        user_id: Set(actor.user_id),
        report: Set(to_json(&KeptReport::of(report))?),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?;
    Ok(id)
}

/// A kept report, only for the person who posted the file; another's, or one past its day,
/// is not found.
pub async fn read(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    provider: ProviderId,
    id: UploadReportId,
) -> AppResult<KeptReport> {
    actor.require_provider(provider, "provider")?;
    let row = upload_report::Entity::find_by_id(id)
        .filter(upload_report::Column::ProviderId.eq(provider))
        .filter(upload_report::Column::UserId.eq(actor.user_id))
        .filter(upload_report::Column::CreatedAt.gt(Utc::now() - Duration::hours(KEPT_HOURS)))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("upload report"))?;
    from_json(&row.report)
}
