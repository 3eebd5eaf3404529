//! The catalogue's say on a new decision (allocation): its services must not be archived,
//! and for a service whose voucher value depends on income, exactly one of a voucher value
//! or the household's size and income is given; the income then gives the value.
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    db::entities::service,
    domain::{Money, catalogue::FundingKind, ids::ServiceId, income_rule::HouseholdSize},
};

use super::{
    CatalogueError, CatalogueResult,
    income::{IncomeBasis, IncomeInput},
    invalid,
    terms::{self, Version},
};

/// What a new decision says about its voucher value.
pub struct DecisionInput<'a> {
    pub kind: FundingKind,
    pub services: &'a [ServiceId],
    pub valid_from: NaiveDate,
    pub voucher_value: Option<Money>,
    pub household: Option<HouseholdSize>,
    pub monthly_income: Option<Money>,
}

/// The decision's voucher value, and the income it was computed from when it was.
pub struct DecisionValue {
    pub voucher_value: Option<Money>,
    pub income: Option<IncomeBasis>,
}

const INCOME_FIELDS: [&str; 2] = ["household_size", "monthly_income"];

/// The catalogue's say on a new decision: its services must not be archived; for a service
/// with an income rule (in force on the decision's first day) exactly one of a voucher
/// value or the household's size and income is given, and the income gives the value.
pub async fn decide(
    conn: &impl ConnectionTrait,
    input: DecisionInput<'_>,
) -> CatalogueResult<DecisionValue> {
    let models = service::Entity::find()
        .filter(service::Column::Id.is_in(input.services.iter().map(|s| s.0)))
        .all(conn)
        .await?;
    if let Some(archived) = models.iter().find(|s| s.archived_at.is_some()) {
        return Err(invalid(
            "service_ids",
            format!(
                "includes {}, which is archived: it takes no new decisions",
                archived.code
            ),
        ));
    }
    let histories = terms::histories(conn, &models).await?;
    let with_rule: Vec<(&service::Model, &Version)> = models
        .iter()
        .filter_map(|s| {
            let version = histories.get(&s.id)?.version_at(input.valid_from);
            version.terms.income_rule.is_some().then_some((s, version))
        })
        .collect();
    let given = input.household.is_some() || input.monthly_income.is_some();
    if !given {
        if input.kind == FundingKind::Voucher
            && !with_rule.is_empty()
            && input.voucher_value.is_none()
        {
            return Err(CatalogueError::InvalidTogether {
                fields: vec!["voucher_value", INCOME_FIELDS[0], INCOME_FIELDS[1]],
                message: "this service's voucher value depends on income: give household_size \
                          and monthly_income, or voucher_value"
                    .into(),
            });
        }
        return Ok(DecisionValue {
            voucher_value: input.voucher_value,
            income: None,
        });
    }
    if input.kind == FundingKind::PersonalBudget {
        return Err(CatalogueError::InvalidTogether {
            fields: INCOME_FIELDS.to_vec(),
            message: "an income-related voucher value is only for vouchers".into(),
        });
    }
    if input.voucher_value.is_some() {
        return Err(CatalogueError::InvalidTogether {
            fields: vec!["voucher_value", INCOME_FIELDS[0], INCOME_FIELDS[1]],
            message: "give either voucher_value or household_size and monthly_income, not both"
                .into(),
        });
    }
    let (Some(household), Some(monthly_income)) = (input.household, input.monthly_income) else {
        let missing = if input.household.is_none() {
            INCOME_FIELDS[0]
        } else {
            INCOME_FIELDS[1]
        };
        return Err(invalid(
            missing,
            "is needed too: the value is computed from the household's size and income",
        ));
    };
    let (service, version) = match with_rule.as_slice() {
        [] => {
            return Err(CatalogueError::InvalidTogether {
                fields: INCOME_FIELDS.to_vec(),
                message: "none of the decision's services has an income-related voucher value"
                    .into(),
            });
        }
        [one] => *one,
        _ => {
            return Err(invalid(
                "service_ids",
                "names several services with an income-related voucher value; a decision \
                 computed from income is for one of them",
            ));
        }
    };
    let basis = IncomeBasis::compute(
        service,
        version,
        IncomeInput {
            household,
            monthly_income,
        },
    )?;
    Ok(DecisionValue {
        voucher_value: Some(basis.value()),
        income: Some(basis),
    })
}
