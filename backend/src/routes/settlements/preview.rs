//! `GET /purchasers/{pid}/settlements/preview?month=`: what settling the month would make,
//! written nowhere. Its `digest` confirms a run (`POST /settlements` with `preview`).
use axum::{Json, extract::State};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    domain::{
        Money,
        ids::{ProviderId, PurchaserId},
    },
    error::AppResult,
    routes::extract::{ApiQuery, PathId},
    settlement::preview::{self, Sums},
    state::AppState,
};

use crate::settlement::asked::settlement_month;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PreviewQuery {
    /// The month, `YYYY-MM`.
    pub month: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SumsOut {
    pub lines: u64,
    pub net: Money,
    pub vat: Money,
    pub total: Money,
}

impl From<Sums> for SumsOut {
    fn from(s: Sums) -> Self {
        SumsOut {
            lines: s.lines,
            net: s.net,
            vat: s.vat,
            total: s.gross,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProviderPreviewOut {
    pub provider_id: ProviderId,
    pub provider_name: String,
    /// The month's deliveries to invoice.
    pub invoice: SumsOut,
    /// Whether the run invoices them: false while the provider has no bank details.
    pub will_invoice: bool,
    pub supplementary: bool,
    /// Reversals to credit (negative amounts).
    pub credit: SumsOut,
    pub bank_details_changed_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PreviewOut {
    pub month: String,
    /// Send as `preview` with `POST /settlements` to run exactly this.
    pub digest: String,
    pub invoices: u64,
    pub credit_notes: u64,
    pub invoiced: SumsOut,
    pub credited: SumsOut,
    /// Deliveries that stay waiting (providers without bank details).
    pub waiting_deliveries: u64,
    pub providers: Vec<ProviderPreviewOut>,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/settlements/preview", operation_id = "settlements_preview_get", tag = "settlement", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), PreviewQuery),
    responses((status = 200, body = PreviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PreviewQuery>,
) -> AppResult<Json<PreviewOut>> {
    let month = settlement_month(&actor, pid, &query.month)?;
    let p = preview::preview(&state.db.conn, pid.into(), month).await?;
    Ok(Json(PreviewOut {
        month: p.month.label(),
        digest: p.digest,
        invoices: p.invoices,
        credit_notes: p.credit_notes,
        invoiced: p.invoiced.into(),
        credited: p.credited.into(),
        waiting_deliveries: p.waiting,
        providers: p
            .providers
            .iter()
            .map(|v| ProviderPreviewOut {
                provider_id: v.provider_id.into(),
                provider_name: v.provider_name.clone(),
                invoice: v.invoice.into(),
                will_invoice: v.invoiced(),
                supplementary: v.supplementary,
                credit: v.credit.into(),
                bank_details_changed_at: v.bank_changed_at,
            })
            .collect(),
    }))
}
