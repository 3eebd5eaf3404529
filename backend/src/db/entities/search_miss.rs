//! Rows of `search_misses`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "search_misses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub query: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub municipality: String,
    pub count: i64,
    pub first_seen: DateTimeUtc,
    pub last_seen: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
