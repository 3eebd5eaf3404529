//! Rows of `providers`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::ProviderId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "providers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ProviderId,
    pub name: String,
    pub business_id: String,
    pub email: String,
    pub phone: Option<String>,
    pub iban: Option<String>,
    pub bic: Option<String>,
    /// When the bank details last changed; finance is shown it on the next settlement.
    pub bank_changed_at: Option<DateTimeUtc>,
    /// E-invoice address (verkkolaskuosoite) and operator ID (välittäjätunnus).
    pub einvoice_address: Option<String>,
    pub einvoice_operator: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
