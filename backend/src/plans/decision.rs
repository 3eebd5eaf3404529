//! The decision: from a priced plan to an allocation, granted through the one granting
//! operation (`allocations::grant`, every rule there) — by default the estimate, for the
//! budget lines' services — with a decision number per purchaser and year and the decision
//! text in plain language. The plan becomes decided in the same transaction as the money and
//! the email telling the client; a second decision is a 409.
use chrono::{Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    sea_query::Expr,
};

use crate::{
    allocations::grant::{self as granting, GrantInput},
    audit,
    auth::Actor,
    db::{
        Db, WriteTx,
        entities::{allocation, plan, purchaser, service},
    },
    domain::{
        Money, catalogue::FundingKind, catalogue::PlanStatus, ids::PlanId,
        localized::LocalizedText, today_in_finland,
    },
    ledger::grant::NewAllocation,
};

use super::{
    PlanError, PlanResult,
    access::{self, require_case_worker},
    budget::lines_of,
    decision_text::{DecisionFacts, DecisionText, compose},
};

/// The case worker's decision as typed; `granted` left out is the estimate.
pub struct DecisionIn<'a> {
    pub kind: FundingKind,
    pub valid_from: &'a str,
    pub valid_to: &'a str,
    pub granted: Option<&'a str>,
    pub voucher_value: Option<&'a str>,
}

/// What was decided: the allocation and the plan's record of it.
pub struct Decided {
    pub allocation: allocation::Model,
    pub plan_id: PlanId,
    pub decision_number: String,
    pub decision_text: DecisionText,
}

/// Decides a draft plan (a decided one: 409, before anything is checked or written).
pub async fn decide(
    db: &Db,
    actor: &Actor,
    id: PlanId,
    input: DecisionIn<'_>,
) -> PlanResult<Decided> {
    let (model, acting) = access::load(&db.conn, actor, id, "plan_read").await?;
    require_case_worker(acting, "decide a plan")?;
    match model.status {
        PlanStatus::Draft => {}
        PlanStatus::Decided => return Err(PlanError::AlreadyDecided),
        status => return Err(PlanError::WrongStatus { status }),
    }
    let (new, names, purchaser_name) = prepare(db, actor, &model, &input).await?;

    let tx = db.begin_write().await?;
    claim(&tx, id).await?;
    let number = next_number(&*tx, &model).await?;
    let text = compose(&DecisionFacts {
        number: &number,
        kind: new.kind,
        granted: new.granted,
        valid_from: new.valid_from,
        valid_to: new.valid_to,
        services: &names,
        purchaser_name: &purchaser_name,
    });
    let granted = granting::grant_in(&tx, actor, new).await?;
    let now = Utc::now();
    let mut active: plan::ActiveModel = model.clone().into();
    active.status = Set(PlanStatus::Decided);
    active.allocation_id = Set(Some(granted.id));
    active.decision_number = Set(Some(number.clone()));
    active.decision_text = Set(Some(
        serde_json::to_value(&text).map_err(crate::error::AppError::internal)?,
    ));
    active.decided_at = Set(Some(now));
    active.updated_at = Set(now);
    // Two decisions of one purchaser at the same moment may count the same next number
    // (PostgreSQL): the unique index refuses the second, which is rolled back whole.
    active.update(&*tx).await.map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => PlanError::NumberTaken,
        _ => e.into(),
    })?;
    // The client and her proxies hear of the decision with it (this replaces the
    // "allocation granted" email a plain grant sends).
    crate::notify::plans::decided(&*tx, &model, &granted, &number).await?;
    audit::record_read(
        &*tx,
        actor,
        Some(acting),
        "plan_decided",
        "plan",
        id.0,
        model.client_id,
    )
    .await?;
    tx.commit().await?;
    Ok(Decided {
        allocation: granted,
        plan_id: id,
        decision_number: number,
        decision_text: text,
    })
}

/// The allocation the decision would grant, every rule of `allocations::grant` checked
/// (nothing written), with the services' names and the purchaser's for the text.
async fn prepare(
    db: &Db,
    actor: &Actor,
    model: &plan::Model,
    input: &DecisionIn<'_>,
) -> PlanResult<(NewAllocation, Vec<LocalizedText>, String)> {
    let lines = lines_of(&db.conn, model.id).await?;
    let estimate: Money = lines.iter().map(|l| l.amount).sum();
    let estimate_text = estimate.to_string();
    let mut services: Vec<_> = lines.iter().map(|l| l.service_id).collect();
    services.sort();
    services.dedup();
    let grant = GrantInput {
        kind: input.kind,
        granted: input.granted.unwrap_or(&estimate_text),
        valid_from: input.valid_from,
        valid_to: input.valid_to,
        service_ids: services.clone(),
        voucher_value: input.voucher_value,
        grace_days: None,
        household_size: None,
        monthly_income: None,
    };
    let new = granting::prepare(&db.conn, actor, model.client_id, &grant).await?;
    let names = service_names(&db.conn, &services).await?;
    let purchaser_name = purchaser::Entity::find_by_id(model.purchaser_id)
        .one(&db.conn)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok((new, names, purchaser_name))
}

/// Claims the draft for the decision: of two decisions at once, the second finds it
/// decided (409) and grants nothing.
async fn claim(tx: &WriteTx, id: PlanId) -> PlanResult<()> {
    let claimed = plan::Entity::update_many()
        .col_expr(
            plan::Column::Status,
            Expr::value(PlanStatus::Decided.as_ref()),
        )
        .filter(plan::Column::Id.eq(id))
        .filter(plan::Column::Status.eq(PlanStatus::Draft.as_ref()))
        .exec(&**tx)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(PlanError::AlreadyDecided);
    }
    Ok(())
}

/// The purchaser's next decision number this year: `2026-0001`, `2026-0002`, …
async fn next_number(conn: &impl ConnectionTrait, model: &plan::Model) -> PlanResult<String> {
    let year = today_in_finland().year();
    let taken = plan::Entity::find()
        .filter(plan::Column::PurchaserId.eq(model.purchaser_id))
        .filter(plan::Column::DecisionNumber.starts_with(format!("{year}-")))
        .count(conn)
        .await?;
    Ok(format!("{year}-{:04}", taken + 1))
}

/// The services' names, in the order given.
async fn service_names(
    conn: &impl ConnectionTrait,
    ids: &[crate::domain::ids::ServiceId],
) -> PlanResult<Vec<LocalizedText>> {
    let rows = service::Entity::find()
        .filter(service::Column::Id.is_in(ids.iter().map(|s| s.0)))
        .all(conn)
        .await?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|r| r.id == *id))
        .map(|r| serde_json::from_value(r.name.clone()).unwrap_or_default())
        .collect())
}

/// What a decision would grant, every rule checked and nothing written: the allocation and
/// the names of the services it is for. The portal shows it for confirmation before money
/// moves; `decide` checks it all again.
pub struct DecisionPreview {
    pub allocation: NewAllocation,
    pub services: Vec<LocalizedText>,
}

/// Checks a decision of a draft plan as [`decide`] would (a decided plan: 409).
pub async fn check(
    db: &Db,
    actor: &Actor,
    id: PlanId,
    input: &DecisionIn<'_>,
) -> PlanResult<DecisionPreview> {
    let (model, acting) = access::load(&db.conn, actor, id, "plan_read").await?;
    require_case_worker(acting, "decide a plan")?;
    match model.status {
        PlanStatus::Draft => {}
        PlanStatus::Decided => return Err(PlanError::AlreadyDecided),
        status => return Err(PlanError::WrongStatus { status }),
    }
    let (allocation, services, _) = prepare(db, actor, &model, input).await?;
    Ok(DecisionPreview {
        allocation,
        services,
    })
}
