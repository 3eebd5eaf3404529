//! `POST /api/v1/services/{id}/voucher-value`: what voucher value a household would get
//! under the service's income rule, explained in plain language.
use axum::{Json, extract::State};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    catalogue::{
        self,
        explain::Explanation,
        income::{IncomeBasis, IncomeInput},
    },
    domain::{Money, ids::ServiceId, income_rule::HouseholdSize, today_in_finland},
    error::{AppError, AppResult, field},
    routes::{
        allocations::parse_date,
        extract::{ApiJson, DecimalText, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct VoucherValueIn {
    /// People in the household, 1–99.
    pub household_size: i64,
    /// The household's gross income a month, e.g. "2400.00".
    pub monthly_income: DecimalText,
    /// The day whose rule applies (YYYY-MM-DD), e.g. a decision's first day; default today.
    pub date: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct VoucherValueOut {
    #[schema(example = "30.75")]
    pub voucher_value: Money,
    /// How the value was set, in plain language.
    pub explanation: Explanation,
    /// The income limit of this household size.
    pub income_limit: Money,
    /// The day the rule used came into force.
    pub rule_valid_from: NaiveDate,
}

impl VoucherValueOut {
    pub fn of(basis: &IncomeBasis) -> Self {
        VoucherValueOut {
            voucher_value: basis.value(),
            explanation: basis.explanation(),
            income_limit: basis.valuation.limit,
            rule_valid_from: basis.rule_valid_from,
        }
    }
}

/// Parses the household's size and income as a case worker gives them.
pub fn income_input(household_size: i64, monthly_income: &DecimalText) -> AppResult<IncomeInput> {
    Ok(IncomeInput {
        household: field("household_size", HouseholdSize::parse(household_size))?,
        monthly_income: field("monthly_income", Money::parse_amount(&monthly_income.0))?,
    })
}

#[utoipa::path(post, path = "/api/v1/services/{id}/voucher-value", tag = "catalogue", request_body = VoucherValueIn,
    params(("id" = ServiceId, Path, description = "a catalogue entry with an income rule")),
    responses((status = 200, body = VoucherValueOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn compute(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ServiceId>,
    ApiJson(input): ApiJson<VoucherValueIn>,
) -> AppResult<Json<VoucherValueOut>> {
    let household = income_input(input.household_size, &input.monthly_income)?;
    let date = match &input.date {
        Some(d) => parse_date("date", d)?,
        None => today_in_finland(),
    };
    let basis = catalogue::income::quote(&state.db.conn, &actor, id, household, date)
        .await
        .map_err(AppError::from)?;
    Ok(Json(VoucherValueOut::of(&basis)))
}

pub use crate::allocations::view::VoucherBasisOut;
