//! A purchaser's settings: recording and grace days for providers and decisions, and its
//! e-invoice routing.
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde::Deserialize;

use crate::{
    auth::Actor,
    db::{Db, entities::purchaser},
    domain::{
        catalogue::Role,
        einvoice::{EinvoiceAddress, OperatorId},
        grace::GraceDays,
        ids::PurchaserId,
        recording::RecordingDays,
    },
    error::{AppError, AppResult, field},
    settlement::routing::patch as routing_patch,
};

use super::view::{PurchaserOut, out};

/// Every field optional: what is sent is changed, the rest stays.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct PurchaserPatch {
    /// Days after the delivery date within which deliveries should be recorded, 1–90.
    pub recording_days: Option<i64>,
    /// Grace days for new decisions, 0–365.
    pub grace_days: Option<i64>,
    /// E-invoice address: an OVT code (`003712345671`) or an IBAN; `""` removes it.
    /// Set by finance.
    pub einvoice_address: Option<String>,
    /// E-invoice operator ID, e.g. `003721291126` or `NDEAFIHH`; `""` removes it.
    pub einvoice_operator: Option<String>,
}

/// The purchaser's expectations of providers (finance or catalogue manager) and where its
/// e-invoices go (finance only); every routing change is recorded.
pub async fn update(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    input: PurchaserPatch,
) -> AppResult<PurchaserOut> {
    // The purchaser's finance or catalogue manager sets its expectations of providers.
    if actor.require_staff(pid, Role::Finance).is_err() {
        actor.require_staff(pid, Role::CatalogueManager)?;
    }
    let recording_days = input
        .recording_days
        .map(|d| field("recording_days", RecordingDays::parse(d)))
        .transpose()?;
    let grace_days = input
        .grace_days
        .map(|d| field("grace_days", GraceDays::parse(d)))
        .transpose()?;
    let einvoice_address = routing_patch(
        "einvoice_address",
        input.einvoice_address.as_deref(),
        EinvoiceAddress::parse,
    )?;
    let einvoice_operator = routing_patch(
        "einvoice_operator",
        input.einvoice_operator.as_deref(),
        OperatorId::parse,
    )?;
    if (einvoice_address.is_some() || einvoice_operator.is_some())
        && actor.require_staff(pid, Role::Finance).is_err()
    {
        // Where invoices go is finance's business.
        return Err(AppError::forbidden(
            "only finance sets the e-invoice address",
        ));
    }
    let tx = db.begin_write().await?;
    let model = purchaser::Entity::find_by_id(pid)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    // An empty patch changes nothing (and an update with no column set would be refused).
    let changes = recording_days.is_some()
        || grace_days.is_some()
        || einvoice_address.is_some()
        || einvoice_operator.is_some();
    let before = model.clone();
    let updated = if changes {
        let mut active = model.into_active_model();
        if let Some(days) = recording_days {
            active.recording_days = Set(days.stored());
        }
        if let Some(days) = grace_days {
            active.grace_days = Set(days.days());
        }
        if let Some(address) = einvoice_address {
            active.einvoice_address = Set(address);
        }
        if let Some(operator) = einvoice_operator {
            active.einvoice_operator = Set(operator);
        }
        active.update(&*tx).await?
    } else {
        model
    };
    crate::settlement::routing::record_change(
        &*tx,
        actor,
        ("purchaser", updated.id.into()),
        (&before.einvoice_address, &before.einvoice_operator),
        (&updated.einvoice_address, &updated.einvoice_operator),
    )
    .await?;
    let body = out(&*tx, updated).await?;
    tx.commit().await?;
    Ok(body)
}
