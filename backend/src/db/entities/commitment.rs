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
    /// The day the client would like the service to start, if she said.
    pub start_date: Option<Date>,
    /// How much she wishes, in thousandths of the service's unit, if she said.
    pub quantity_milli: Option<i64>,
    /// Her message to the provider, if any.
    pub message: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
