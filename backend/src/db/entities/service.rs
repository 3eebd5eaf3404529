//! Rows of `services`. The money terms here are those in force today (kept so by
//! `catalogue::terms`); every version is in `service_terms`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    catalogue::Unit,
    ids::{PurchaserId, ServiceId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "services")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ServiceId,
    pub purchaser_id: PurchaserId,
    pub code: String,
    pub name: Json,
    pub unit: Unit,
    pub social_care: bool,
    pub methods: Json,
    #[sea_orm(column_name = "voucher_value_cents")]
    pub voucher_value: Option<Money>,
    #[sea_orm(column_name = "price_cap_cents")]
    pub price_cap: Option<Money>,
    pub rulebook: Json,
    /// Hundredths of a percent: 2550 is 25.5 %.
    pub vat_basis_points: i32,
    pub created_at: DateTimeUtc,
    #[sea_orm(column_name = "reference_price_cents")]
    pub reference_price: Option<Money>,
    /// The income-related voucher value rule (`domain::income_rule::IncomeRule`).
    pub income_rule: Option<Json>,
    /// Archived: no new offerings or commitments; running commitments go on.
    pub archived_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
