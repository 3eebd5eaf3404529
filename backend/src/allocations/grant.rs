//! Granting a decision: the case worker's typed input checked against every rule (the
//! period, the services of the purchaser's catalogue, the voucher value or the income it
//! is computed from, grace days) without writing anything, so the portal can show what
//! will be granted before it is; then the ledger grants it.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{
    auth::{ActingFor, Actor, access},
    catalogue::{self, decision::DecisionInput},
    db::{
        Db,
        entities::{allocation, purchaser, service},
    },
    domain::{
        Money,
        catalogue::FundingKind,
        day::parse_day,
        grace::GraceDays,
        ids::{ClientId, ServiceId},
        income_rule::HouseholdSize,
    },
    error::{AppError, AppResult, field},
    ledger::{self, grant::NewAllocation},
};

/// A decision as typed or sent: amounts and dates as text, not yet parsed.
pub struct GrantInput<'a> {
    pub kind: FundingKind,
    pub granted: &'a str,
    pub valid_from: &'a str,
    pub valid_to: &'a str,
    pub service_ids: Vec<ServiceId>,
    pub voucher_value: Option<&'a str>,
    /// Empty: the purchaser's default.
    pub grace_days: Option<i64>,
    pub household_size: Option<i64>,
    pub monthly_income: Option<&'a str>,
}

/// The decision `actor` (a case worker of the client's purchaser) would grant, every rule
/// checked and the first wrong field named; nothing is written.
pub async fn prepare(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    cid: ClientId,
    input: &GrantInput<'_>,
) -> AppResult<NewAllocation> {
    let (client, acting) = access::load_client(conn, actor, cid).await?;
    if acting != ActingFor::CaseWorker {
        return Err(AppError::forbidden(
            "only a case worker may grant an allocation",
        ));
    }
    let granted = field("granted", Money::parse_positive(input.granted))?;
    let valid_from = field("valid_from", parse_day(input.valid_from))?;
    let valid_to = field("valid_to", parse_day(input.valid_to))?;
    if valid_to < valid_from {
        return Err(AppError::invalid(
            "valid_to",
            "must not be before valid_from",
        ));
    }
    if (valid_to - valid_from).num_days() > 366 * 5 {
        return Err(AppError::invalid(
            "valid_to",
            "must be at most five years after valid_from",
        ));
    }
    let voucher_value = input
        .voucher_value
        .as_ref()
        .map(|v| field("voucher_value", Money::parse_positive(v)))
        .transpose()?;
    let household = input
        .household_size
        .map(|n| field("household_size", HouseholdSize::parse(n)))
        .transpose()?;
    let monthly_income = input
        .monthly_income
        .as_ref()
        .map(|v| field("monthly_income", Money::parse_amount(v)))
        .transpose()?;
    let mut services = input.service_ids.clone();
    services.sort();
    services.dedup();
    match input.kind {
        FundingKind::Voucher if services.is_empty() => {
            return Err(AppError::invalid(
                "service_ids",
                "a voucher must name the services it is for",
            ));
        }
        FundingKind::PersonalBudget if voucher_value.is_some() => {
            return Err(AppError::invalid("voucher_value", "is only for vouchers"));
        }
        _ => {}
    }
    let found = service::Entity::find()
        .filter(service::Column::Id.is_in(services.iter().map(|s| s.0)))
        .filter(service::Column::PurchaserId.eq(client.purchaser_id))
        .count(conn)
        .await?;
    if found != services.len() as u64 {
        return Err(AppError::invalid(
            "service_ids",
            "must all be services in this purchaser's catalogue",
        ));
    }
    let grace_days = match input.grace_days {
        Some(days) => field("grace_days", GraceDays::parse(days))?,
        None => purchaser::Entity::find_by_id(client.purchaser_id)
            .one(conn)
            .await?
            .map_or(GraceDays::NONE, |p| GraceDays::from_stored(p.grace_days)),
    };
    let value = catalogue::decision::decide(
        conn,
        DecisionInput {
            kind: input.kind,
            services: &services,
            valid_from,
            voucher_value,
            household,
            monthly_income,
        },
    )
    .await
    .map_err(AppError::from)?;
    Ok(NewAllocation {
        client: cid,
        purchaser: client.purchaser_id,
        kind: input.kind,
        granted,
        valid_from,
        valid_to,
        services,
        voucher_value: value.voucher_value,
        income: value.income,
        grace_days,
    })
}

/// Grants a prepared decision: the ledger records the money.
pub async fn grant(db: &Db, actor: &Actor, new: NewAllocation) -> AppResult<allocation::Model> {
    ledger::grant::grant(db, new, actor).await
}

/// As [`grant`], inside the caller's write transaction (a plan's decision records its own
/// rows in the same step), without the "allocation granted" email: the caller sends its own.
pub async fn grant_in(
    tx: &crate::db::WriteTx,
    actor: &Actor,
    new: NewAllocation,
) -> AppResult<allocation::Model> {
    ledger::grant::record_in(tx, new, actor).await
}
