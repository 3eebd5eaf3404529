//! The spend report (`from` and `to` months): spend per month, per
//! catalogue service and per provider.
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::Db,
    domain::{catalogue::Role, ids::PurchaserId, today_in_finland},
    error::{AppError, AppResult},
    finance::spend::{Named, spend as compute},
    settlement::Month,
};

use super::SumsOut;

/// At most this many months in one report.
const MAX_MONTHS: u32 = 36;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SpendQuery {
    /// First month, `YYYY-MM`; default eleven months before `to`.
    pub from: Option<String>,
    /// Last month, `YYYY-MM`; default this month.
    pub to: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MonthSpendOut {
    pub month: String,
    #[serde(flatten)]
    pub sums: SumsOut,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NamedSpendOut {
    pub id: uuid::Uuid,
    /// A provider's name, or a catalogue service's localised name.
    #[schema(value_type = Object)]
    pub name: serde_json::Value,
    #[serde(flatten)]
    pub sums: SumsOut,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SpendOut {
    pub from: String,
    pub to: String,
    pub total: SumsOut,
    pub by_month: Vec<MonthSpendOut>,
    /// Biggest spend first.
    pub by_service: Vec<NamedSpendOut>,
    /// Biggest spend first.
    pub by_provider: Vec<NamedSpendOut>,
}

impl SpendQuery {
    /// The months asked for, checked: `from` not after `to`, at most three years.
    pub fn range(&self) -> AppResult<(Month, Month)> {
        let parse = |field: &str, text: &Option<String>| {
            text.as_deref()
                .filter(|t| !t.trim().is_empty())
                .map(|t| Month::parse(t).map_err(|e| AppError::invalid(field, e)))
                .transpose()
        };
        let to = parse("to", &self.to)?.unwrap_or_else(|| Month::containing(today_in_finland()));
        let from = parse("from", &self.from)?.unwrap_or_else(|| to.minus(11));
        if from.first_day > to.first_day {
            return Err(AppError::invalid("from", "must not be after to"));
        }
        if to.months_since(from) >= MAX_MONTHS {
            return Err(AppError::invalid(
                "from",
                format!("at most {MAX_MONTHS} months in one report"),
            ));
        }
        Ok((from, to))
    }
}

fn named<K: Copy + Into<uuid::Uuid>>(rows: &[Named<K>]) -> Vec<NamedSpendOut> {
    rows.iter()
        .map(|r| NamedSpendOut {
            id: r.key.into(),
            name: r.name.clone(),
            sums: (&r.sums).into(),
        })
        .collect()
}

/// The purchaser's spend over the months asked for, for its finance staff.
pub async fn spend(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    query: &SpendQuery,
) -> AppResult<SpendOut> {
    actor.require_staff(pid, Role::Finance)?;
    let (from, to) = query.range()?;
    let spend = compute(&db.conn, pid.into(), from, to).await?;
    Ok(SpendOut {
        from: from.label(),
        to: to.label(),
        total: (&spend.total).into(),
        by_month: spend
            .by_month
            .iter()
            .map(|(month, sums)| MonthSpendOut {
                month: month.clone(),
                sums: sums.into(),
            })
            .collect(),
        by_service: named(&spend.by_service),
        by_provider: named(&spend.by_provider),
    })
}
