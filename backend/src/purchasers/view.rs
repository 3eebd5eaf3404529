//! A purchaser as anyone may read it: its name, business ID, area, recording and grace
//! days, and where its e-invoices go.
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::Serialize;

use crate::{
    db::entities::purchaser,
    domain::ids::PurchaserId,
    error::{AppError, AppResult},
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct PurchaserOut {
    pub id: PurchaserId,
    pub name: String,
    pub business_id: String,
    pub municipalities: Vec<String>,
    /// Deliveries are expected to be recorded within this many days of their date.
    pub recording_days: i32,
    /// Days after an allocation's period during which deliveries dated inside it are still
    /// taken, before the unspent money expires: the default for new decisions.
    pub grace_days: i32,
    /// Where providers' e-invoices to this purchaser go: e-invoice address and operator ID
    /// (public, as on any county's billing instructions).
    pub einvoice_address: Option<String>,
    pub einvoice_operator: Option<String>,
}

use crate::clients::area::municipalities_of;

pub async fn out(
    conn: &impl sea_orm::ConnectionTrait,
    model: purchaser::Model,
) -> AppResult<PurchaserOut> {
    let municipalities = municipalities_of(conn, model.id).await?;
    Ok(PurchaserOut {
        id: model.id,
        name: model.name,
        business_id: model.business_id,
        municipalities,
        recording_days: model.recording_days,
        grace_days: model.grace_days,
        einvoice_address: model.einvoice_address,
        einvoice_operator: model.einvoice_operator,
    })
}

/// One purchaser (404 when unknown).
pub async fn one(conn: &impl ConnectionTrait, pid: PurchaserId) -> AppResult<PurchaserOut> {
    let model = purchaser::Entity::find_by_id(pid)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    out(conn, model).await
}
