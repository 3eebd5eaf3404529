//! Rows of `allocation_incomes`: the household size and income a decision's voucher value
//! was computed from, with the rule used. Personal data.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    ids::{AllocationId, ServiceId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "allocation_incomes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub allocation_id: AllocationId,
    pub service_id: ServiceId,
    pub household_size: i32,
    #[sea_orm(column_name = "monthly_income_cents")]
    pub monthly_income: Money,
    pub income_rule: Json,
    pub rule_valid_from: Date,
    #[sea_orm(column_name = "voucher_value_cents")]
    pub voucher_value: Money,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
