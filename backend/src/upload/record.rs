//! Recording a delivery file for a provider: the rows read and parsed, handed to the
//! ledger's batch, and a report row by row. The API's upload and the portal's upload form
//! both call [`record_file`].
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    domain::{
        Money,
        ids::{DeliveryId, ProviderId},
    },
    error::{AppError, AppResult},
    ledger::batch::{self, BatchOutcome, Verdict},
    state::AppState,
    upload::{file, values},
};

/// The largest delivery file accepted: 50 MiB (about a million rows; at most
/// `MAX_ROWS` of them are read).
pub const UPLOAD_LIMIT: usize = 50 * 1024 * 1024;

pub fn too_large() -> AppError {
    let limit = UPLOAD_LIMIT / (1024 * 1024);
    AppError::too_large(format!(
        "the file is larger than {limit} MB; split it into smaller files"
    ))
    .with_field("file", format!("is larger than {limit} MB"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// Recorded now.
    Accepted,
    /// Valid, but not recorded: another row was refused and `all_or_nothing` was asked.
    Valid,
    /// Recorded before under the same reference and content; nothing charged again.
    Duplicate,
    Refused,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UploadRowOut {
    /// The line in the file; the header is line 1.
    pub line: u64,
    pub status: RowStatus,
    pub reference: Option<String>,
    /// The delivery recorded (accepted) or recorded before (duplicate).
    pub delivery_id: Option<DeliveryId>,
    pub total: Option<Money>,
    pub purchaser_share: Option<Money>,
    pub client_share: Option<Money>,
    /// Why a row was refused: a stable code (as the single-delivery endpoint answers),
    /// the column at fault and a message.
    pub code: Option<String>,
    pub field: Option<String>,
    pub message: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UploadSummary {
    pub rows: u64,
    pub accepted: u64,
    pub valid: u64,
    pub duplicate: u64,
    pub refused: u64,
    /// Sums of the accepted rows (or, when nothing was recorded, of the valid ones).
    pub total: Money,
    pub purchaser_share: Money,
    pub client_share: Money,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UploadReport {
    /// Whether the accepted rows were recorded: false when `all_or_nothing` and a row was
    /// refused, in which case nothing changed.
    pub recorded: bool,
    pub all_or_nothing: bool,
    pub summary: UploadSummary,
    pub rows: Vec<UploadRowOut>,
}

fn row_out(row: batch::RowOutcome) -> UploadRowOut {
    let mut out = UploadRowOut {
        line: row.line,
        status: RowStatus::Refused,
        reference: row.reference,
        delivery_id: None,
        total: None,
        purchaser_share: None,
        client_share: None,
        code: None,
        field: None,
        message: None,
    };
    let split = match row.verdict {
        Verdict::Accepted(id, split) => {
            out.status = RowStatus::Accepted;
            out.delivery_id = Some(id);
            Some(split)
        }
        Verdict::Valid(split) => {
            out.status = RowStatus::Valid;
            Some(split)
        }
        Verdict::Duplicate(id) => {
            out.status = RowStatus::Duplicate;
            out.delivery_id = Some(id);
            None
        }
        Verdict::Refused(e) => {
            out.field = e.fields.keys().next().cloned();
            out.code = Some(e.code.to_owned());
            out.message = Some(e.message);
            None
        }
    };
    if let Some(split) = split {
        out.total = Some(split.total);
        out.purchaser_share = Some(split.purchaser_share);
        out.client_share = Some(split.client_share);
    }
    out
}

impl UploadReport {
    fn of(outcome: BatchOutcome, all_or_nothing: bool) -> Self {
        let sums = batch::totals(&outcome);
        let recorded = outcome.committed;
        let rows: Vec<UploadRowOut> = outcome.rows.into_iter().map(row_out).collect();
        let count = |status: RowStatus| rows.iter().filter(|r| r.status == status).count() as u64;
        UploadReport {
            recorded,
            all_or_nothing,
            summary: UploadSummary {
                rows: rows.len() as u64,
                accepted: count(RowStatus::Accepted),
                valid: count(RowStatus::Valid),
                duplicate: count(RowStatus::Duplicate),
                refused: count(RowStatus::Refused),
                total: sums.total,
                purchaser_share: sums.purchaser_share,
                client_share: sums.client_share,
            },
            rows,
        }
    }
}

/// Reads, checks and records a delivery file for the provider. A file that cannot be read at all is a 422 naming `file`.
pub async fn record_file(
    state: &AppState,
    actor: &Actor,
    provider: ProviderId,
    bytes: &[u8],
    all_or_nothing: bool,
) -> AppResult<UploadReport> {
    actor.require_provider(provider, "provider")?;
    let rows = file::rows(bytes)?
        .iter()
        .map(|row| (row.line, values::parse_row(row)))
        .collect();
    let outcome = batch::record_all(&state.db, provider, rows, all_or_nothing, actor).await?;
    Ok(UploadReport::of(outcome, all_or_nothing))
}
