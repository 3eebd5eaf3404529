//! A decision as its readers see it: the granted money, the period, the services, the
//! balance, and how an income-related voucher value was set.
use chrono::NaiveDate;
use serde::Serialize;

use crate::{
    catalogue::{explain::Explanation, income::IncomeBasis},
    db::{entities::allocation, json::from_json},
    domain::{
        Money,
        catalogue::FundingKind,
        ids::{AllocationId, ClientId, PurchaserId, ServiceId},
        income_rule::IncomeRuleText,
    },
    error::AppResult,
    ledger::{self, Balance},
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct AllocationOut {
    pub id: AllocationId,
    pub client_id: ClientId,
    pub purchaser_id: PurchaserId,
    pub kind: FundingKind,
    pub granted: Money,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub service_ids: Vec<ServiceId>,
    pub voucher_value: Option<Money>,
    pub grace_days: i32,
    /// The last day commitments and deliveries dated inside the period are taken:
    /// `valid_to + grace_days`. After it the unspent money expires.
    pub open_until: NaiveDate,
    pub balance: Balance,
    /// How the voucher value was set from income (one allocation's answer only, not lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voucher_basis: Option<VoucherBasisOut>,
}

impl AllocationOut {
    pub fn from_model(model: &allocation::Model) -> AppResult<Self> {
        Ok(AllocationOut {
            id: model.id,
            client_id: model.client_id,
            purchaser_id: model.purchaser_id,
            kind: model.kind,
            granted: model.granted,
            valid_from: model.valid_from,
            valid_to: model.valid_to,
            service_ids: from_json(&model.service_ids)?,
            voucher_value: model.voucher_value,
            grace_days: model.grace_days,
            open_until: ledger::expiry::last_day(model),
            balance: Balance::of(model),
            voucher_basis: None,
        })
    }
}

/// How a decision's voucher value was set from income: shown to the client, her proxies
/// and the purchaser's case workers (an audited read).
#[derive(Serialize, utoipa::ToSchema)]
pub struct VoucherBasisOut {
    /// The service whose income rule was used.
    pub service_id: ServiceId,
    pub household_size: u8,
    pub monthly_income: Money,
    pub income_limit: Money,
    /// The rule as it was in force on the decision's first day.
    pub income_rule: IncomeRuleText,
    pub rule_valid_from: NaiveDate,
    pub explanation: Explanation,
}

impl VoucherBasisOut {
    pub fn of(basis: &IncomeBasis) -> Self {
        VoucherBasisOut {
            service_id: basis.service_id,
            household_size: basis.input.household.people(),
            monthly_income: basis.input.monthly_income,
            income_limit: basis.valuation.limit,
            income_rule: basis.rule.to_text(),
            rule_valid_from: basis.rule_valid_from,
            explanation: basis.explanation(),
        }
    }
}
