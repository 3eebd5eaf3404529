//! Rows of `approvals`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ApplicationId, ProviderId, PurchaserId, ServiceId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "approvals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub provider_id: ProviderId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_id: ServiceId,
    pub purchaser_id: PurchaserId,
    pub application_id: ApplicationId,
    pub approved_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
