//! Rows of `invoice_lines`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub invoice_id: Uuid,
    pub delivery_id: Uuid,
    pub kind: crate::domain::catalogue::InvoiceKind,
    pub commitment_id: Uuid,
    pub service_id: Uuid,
    pub client_pseudonym: String,
    pub delivery_date: Date,
    pub quantity_milli: i64,
    pub unit_price_cents: i64,
    pub vat_basis_points: i32,
    pub net_cents: i64,
    pub vat_cents: i64,
    pub gross_cents: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
