//! Rows of `disputes`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Quantity,
    ids::{ClientId, DeliveryId, DisputeId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "disputes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: DisputeId,
    pub delivery_id: DeliveryId,
    pub client_id: ClientId,
    pub raised_by: UserId,
    pub reason: String,
    pub status: crate::domain::catalogue::DisputeStatus,
    pub decided_by: Option<UserId>,
    pub decision_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub provider_account: Option<String>,
    pub provider_account_by: Option<UserId>,
    pub provider_account_at: Option<DateTimeUtc>,
    #[sea_orm(column_name = "corrected_quantity_milli")]
    pub corrected_quantity: Option<Quantity>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
