//! Rows of `deliveries`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money, Quantity,
    ids::{AllocationId, ClientId, CommitmentId, DeliveryId, InvoiceId, ProviderId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: DeliveryId,
    pub commitment_id: CommitmentId,
    pub allocation_id: AllocationId,
    pub provider_id: ProviderId,
    pub client_id: ClientId,
    pub date: Date,
    #[sea_orm(column_name = "quantity_milli")]
    pub quantity: Quantity,
    #[sea_orm(column_name = "unit_price_cents")]
    pub unit_price: Money,
    #[sea_orm(column_name = "total_cents")]
    pub total: Money,
    #[sea_orm(column_name = "purchaser_share_cents")]
    pub purchaser_share: Money,
    #[sea_orm(column_name = "client_share_cents")]
    pub client_share: Money,
    #[sea_orm(column_name = "from_reserved_cents")]
    pub from_reserved: Money,
    pub reference: String,
    pub fingerprint: String,
    pub status: crate::domain::catalogue::DeliveryStatus,
    pub invoice_id: Option<InvoiceId>,
    pub recorded_by: UserId,
    pub created_at: DateTimeUtc,
    pub void_reason: Option<String>,
    pub voided_by: Option<UserId>,
    pub voided_at: Option<DateTimeUtc>,
    /// Set on the delivery a partial uphold recorded in place of the one it corrects.
    pub corrects: Option<DeliveryId>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
