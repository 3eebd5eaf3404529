//! Rows of `invoices`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    ids::{InvoiceId, ProviderId, PurchaserId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: InvoiceId,
    pub purchaser_id: PurchaserId,
    pub provider_id: ProviderId,
    pub number: i64,
    pub month: String,
    pub kind: crate::domain::catalogue::InvoiceKind,
    pub supplementary: bool,
    pub reference: String,
    pub issue_date: Date,
    pub due_date: Date,
    #[sea_orm(column_name = "net_cents")]
    pub net: Money,
    #[sea_orm(column_name = "vat_cents")]
    pub vat: Money,
    #[sea_orm(column_name = "gross_cents")]
    pub gross: Money,
    pub iban: String,
    pub bic: String,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
