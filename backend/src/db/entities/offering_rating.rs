//! Rows of `offering_ratings`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::OfferingId;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offering_ratings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offering_id: OfferingId,
    pub review_count: i32,
    pub star_total: i32,
    pub stars_1: i32,
    pub stars_2: i32,
    pub stars_3: i32,
    pub stars_4: i32,
    pub stars_5: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
