//! Rows of `commitments`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money, Quantity,
    catalogue::{CommitmentStatus, Method},
    ids::{AllocationId, ClientId, CommitmentId, OfferingId, ProviderId, PurchaserId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "commitments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: CommitmentId,
    pub allocation_id: AllocationId,
    pub offering_id: OfferingId,
    pub provider_id: ProviderId,
    pub purchaser_id: PurchaserId,
    pub client_id: ClientId,
    pub method: Method,
    pub status: CommitmentStatus,
    #[sea_orm(column_name = "reserved_cents")]
    pub reserved: Money,
    pub requested_by: UserId,
    /// The day the client would like the service to start, if she said.
    pub start_date: Option<Date>,
    /// How much she wishes, in the service's unit, if she said.
    #[sea_orm(column_name = "quantity_milli")]
    pub quantity: Option<Quantity>,
    /// Her message to the provider, if any.
    pub message: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
