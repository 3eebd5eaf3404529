//! Rows of `service_terms`: one version of a service's money terms, in force from
//! `valid_from` (ordered by `seq` within a date) until the next version.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    ids::{ServiceId, ServiceTermId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "service_terms")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ServiceTermId,
    pub service_id: ServiceId,
    pub valid_from: Date,
    pub seq: i32,
    #[sea_orm(column_name = "price_cap_cents")]
    pub price_cap: Option<Money>,
    #[sea_orm(column_name = "voucher_value_cents")]
    pub voucher_value: Option<Money>,
    #[sea_orm(column_name = "reference_price_cents")]
    pub reference_price: Option<Money>,
    pub vat_basis_points: i32,
    pub methods: Json,
    pub income_rule: Option<Json>,
    /// The names of the terms this version changed (`catalogue::terms::Term`).
    pub changed: Json,
    /// Copied to the service row, whose terms are those in force today.
    pub applied: bool,
    pub created_by: Option<UserId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
