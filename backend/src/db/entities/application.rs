//! Rows of `applications`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ApplicationId, ProviderId, PurchaserId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ApplicationId,
    pub provider_id: ProviderId,
    pub purchaser_id: PurchaserId,
    pub service_ids: Json,
    pub status: crate::domain::catalogue::ApplicationStatus,
    pub reason: Option<String>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
