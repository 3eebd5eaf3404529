//! Rows of `purchaser_municipalities`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::PurchaserId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "purchaser_municipalities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub purchaser_id: PurchaserId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub municipality: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
