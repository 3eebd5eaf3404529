//! Rows of `deliveries`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub commitment_id: Uuid,
    pub allocation_id: Uuid,
    pub provider_id: Uuid,
    pub client_id: Uuid,
    pub date: Date,
    pub quantity_milli: i64,
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub purchaser_share_cents: i64,
    pub client_share_cents: i64,
    pub from_reserved_cents: i64,
    pub reference: String,
    pub fingerprint: String,
    pub status: crate::domain::catalogue::DeliveryStatus,
    pub invoice_id: Option<Uuid>,
    pub recorded_by: Uuid,
    pub created_at: DateTimeUtc,
    pub void_reason: Option<String>,
    pub voided_by: Option<Uuid>,
    pub voided_at: Option<DateTimeUtc>,
    /// Set on the delivery a partial uphold recorded in place of the one it corrects.
    pub corrects: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
