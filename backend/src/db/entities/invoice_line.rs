//! Rows of `invoice_lines`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money, Quantity,
    ids::{CommitmentId, DeliveryId, InvoiceId, InvoiceLineId, ServiceId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: InvoiceLineId,
    pub invoice_id: InvoiceId,
    pub delivery_id: DeliveryId,
    pub kind: crate::domain::catalogue::InvoiceKind,
    pub commitment_id: CommitmentId,
    pub service_id: ServiceId,
    pub client_pseudonym: String,
    pub delivery_date: Date,
    #[sea_orm(column_name = "quantity_milli")]
    pub quantity: Quantity,
    #[sea_orm(column_name = "unit_price_cents")]
    pub unit_price: Money,
    pub vat_basis_points: i32,
    #[sea_orm(column_name = "net_cents")]
    pub net: Money,
    #[sea_orm(column_name = "vat_cents")]
    pub vat: Money,
    #[sea_orm(column_name = "gross_cents")]
    pub gross: Money,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
