//! Rows of `purchasers`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::PurchaserId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "purchasers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: PurchaserId,
    pub name: String,
    pub business_id: String,
    pub payment_terms_days: i32,
    /// Days after the delivery date within which a delivery should be recorded.
    pub recording_days: i32,
    pub grace_days: i32,
    /// E-invoice address (verkkolaskuosoite) and operator ID (välittäjätunnus).
    pub einvoice_address: Option<String>,
    pub einvoice_operator: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
