//! Rows of `offering_prices`: an offering's unit price from a date on.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    ids::{OfferingId, OfferingPriceId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offering_prices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: OfferingPriceId,
    pub offering_id: OfferingId,
    #[sea_orm(column_name = "unit_price_cents")]
    pub unit_price: Money,
    pub valid_from: Date,
    pub created_by: Option<UserId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
