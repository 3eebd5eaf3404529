//! Rows of `offerings`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offerings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: OfferingId,
    pub provider_id: ProviderId,
    pub service_id: ServiceId,
    pub purchaser_id: PurchaserId,
    pub title: Json,
    pub description: Json,
    #[sea_orm(column_name = "unit_price_cents")]
    pub unit_price: Money,
    pub municipalities: Json,
    pub languages: Json,
    pub accessibility: Json,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub archived: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::provider::Entity",
        from = "Column::ProviderId",
        to = "super::provider::Column::Id"
    )]
    Provider,
}

impl Related<super::provider::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Provider.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
