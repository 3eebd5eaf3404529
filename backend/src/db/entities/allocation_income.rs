//! Rows of `allocation_incomes`: the household size and income a decision's voucher value
//! was computed from, with the rule used. Personal data.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "allocation_incomes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub allocation_id: Uuid,
    pub service_id: Uuid,
    pub household_size: i32,
    pub monthly_income_cents: i64,
    pub income_rule: Json,
    pub rule_valid_from: Date,
    pub voucher_value_cents: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
