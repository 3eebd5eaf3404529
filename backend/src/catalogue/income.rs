//! The income-related voucher value of a decision: a case worker gives the household's
//! size and monthly income instead of a voucher value, the value is computed with the
//! service's rule in force on the decision's first day, and the inputs are kept with the
//! rule used, so the client, her proxies and the case worker can read later how the value
//! was set. Income is personal data: every read is audited.
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor},
    db::entities::{allocation_income, service},
    domain::{
        Money,
        catalogue::{Role, Unit},
        ids::{AllocationId, ClientId, ServiceId},
        income_rule::{HouseholdSize, IncomeRule, Valuation},
    },
    error::{AppError, AppResult},
};

use super::{
    CatalogueError, CatalogueResult,
    explain::{Explanation, explain},
    terms::{self, Version},
};

/// A household as the case worker gives it.
#[derive(Clone, Copy, Debug)]
pub struct IncomeInput {
    pub household: HouseholdSize,
    pub monthly_income: Money,
}

/// A voucher value computed from income: the inputs, the rule used and what it gave.
#[derive(Clone, Debug)]
pub struct IncomeBasis {
    pub service_id: ServiceId,
    pub unit: Unit,
    pub input: IncomeInput,
    pub rule: IncomeRule,
    /// The day the rule used came into force.
    pub rule_valid_from: NaiveDate,
    pub valuation: Valuation,
}

impl IncomeBasis {
    pub(super) fn compute(
        service: &service::Model,
        version: &Version,
        input: IncomeInput,
    ) -> CatalogueResult<Self> {
        let rule = version
            .terms
            .income_rule
            .clone()
            .ok_or(CatalogueError::NoIncomeRule)?;
        let valuation = rule.value(input.household, input.monthly_income);
        Ok(IncomeBasis {
            service_id: service.id,
            unit: service.unit,
            input,
            rule,
            rule_valid_from: version.valid_from,
            valuation,
        })
    }

    pub fn value(&self) -> Money {
        self.valuation.value
    }

    pub fn explanation(&self) -> Explanation {
        explain(
            &self.rule,
            self.input.household,
            self.input.monthly_income,
            &self.valuation,
            self.unit,
        )
    }
}

/// The value a household would get under the service's rule in force on `date`: the case
/// worker's calculator (case workers and catalogue managers of the purchaser).
pub async fn quote(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: ServiceId,
    input: IncomeInput,
    date: NaiveDate,
) -> CatalogueResult<IncomeBasis> {
    let model = service::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(CatalogueError::NotFound)?;
    let purchaser = model.purchaser_id;
    let own_staff = actor.purchaser_id == Some(purchaser)
        && (actor.has(Role::CaseWorker) || actor.has(Role::CatalogueManager));
    if !own_staff {
        // Another purchaser's staff: 404; anyone else: 403.
        actor.require_staff_for(purchaser, Role::CaseWorker, "service")?;
    }
    let history = terms::history(conn, &model).await?;
    IncomeBasis::compute(&model, history.version_at(date), input)
}

/// Keeps the income a decision's value was computed from, in the decision's transaction.
pub async fn store(
    conn: &impl ConnectionTrait,
    allocation: AllocationId,
    client: ClientId,
    basis: &IncomeBasis,
    actor: &Actor,
) -> AppResult<()> {
    allocation_income::ActiveModel {
        allocation_id: Set(allocation),
        service_id: Set(basis.service_id),
        household_size: Set(i32::from(basis.input.household.people())),
        monthly_income: Set(basis.input.monthly_income),
        income_rule: Set(basis.rule.to_json()),
        rule_valid_from: Set(basis.rule_valid_from),
        voucher_value: Set(basis.value()),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Some(actor),
        None,
        AuditEvent {
            action: "voucher_value_from_income",
            subject_type: "allocation",
            subject_id: allocation.to_string(),
            client: Some(client),
            detail: Some(json!({
                "service_id": basis.service_id,
                "rule_valid_from": basis.rule_valid_from,
                "voucher_value": basis.value(),
            })),
        },
    )
    .await?;
    Ok(())
}

fn basis_of(row: &allocation_income::Model, unit: Unit) -> AppResult<IncomeBasis> {
    let rule = IncomeRule::from_json(&row.income_rule).map_err(AppError::internal)?;
    let household =
        HouseholdSize::parse(i64::from(row.household_size)).map_err(AppError::internal)?;
    let monthly_income = row.monthly_income;
    let mut valuation = rule.value(household, monthly_income);
    // The value the decision holds is the one given; the rule explains it.
    valuation.value = row.voucher_value;
    Ok(IncomeBasis {
        service_id: row.service_id,
        unit,
        input: IncomeInput {
            household,
            monthly_income,
        },
        rule,
        rule_valid_from: row.rule_valid_from,
        valuation,
    })
}

/// How the voucher values of these decisions were set, where income set them. The caller
/// may show them to the client, her proxies and the purchaser's case workers only; each
/// one read is audited here.
pub async fn read(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    acting: Option<ActingFor>,
    allocations: &[(AllocationId, ClientId)],
) -> AppResult<HashMap<AllocationId, IncomeBasis>> {
    if allocations.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = allocation_income::Entity::find()
        .filter(allocation_income::Column::AllocationId.is_in(allocations.iter().map(|a| a.0)))
        .all(conn)
        .await?;
    let services: HashMap<ServiceId, service::Model> = service::Entity::find()
        .filter(service::Column::Id.is_in(rows.iter().map(|r| r.service_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut found = HashMap::new();
    for row in rows {
        let unit = services
            .get(&row.service_id)
            .map(|s| s.unit)
            .ok_or_else(|| AppError::internal("income basis without its service"))?;
        let client = allocations
            .iter()
            .find(|a| a.0 == row.allocation_id)
            .map(|a| a.1)
            .ok_or_else(|| AppError::internal("income basis of another allocation"))?;
        audit::record(
            conn,
            Some(actor),
            acting,
            AuditEvent {
                action: "income_read",
                subject_type: "allocation",
                subject_id: row.allocation_id.to_string(),
                client: Some(client),
                detail: None,
            },
        )
        .await?;
        found.insert(row.allocation_id, basis_of(&row, unit)?);
    }
    Ok(found)
}
