//! Rows of `commitments`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "commitments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub allocation_id: Uuid,
    pub offering_id: Uuid,
    pub provider_id: Uuid,
    pub purchaser_id: Uuid,
    pub client_id: Uuid,
    pub method: String,
    pub status: String,
    pub reserved_cents: i64,
    pub requested_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
