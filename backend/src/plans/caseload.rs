//! The case worker's caseload: the purchaser's plans, open (drafts) or decided, overdue
//! first and then by the day the decision is due, a page at a time. Listing clients' plans
//! is a read of their data and is audited.
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, Order, QueryFilter, QueryOrder, sea_query::Expr};
use serde::Serialize;

use crate::{
    audit,
    auth::Actor,
    db::{
        Db,
        entities::{client, plan},
    },
    domain::{
        catalogue::{PlanStatus, Role},
        ids::{ClientId, PlanId, PurchaserId},
        today_in_finland,
    },
    paging::{self, Page, Paged},
};

use super::{
    PlanResult,
    read::{is_overdue, plans_of_client},
};

/// Which plans a caseload shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseloadFilter {
    /// Drafts waiting for a decision.
    Open,
    Decided,
    All,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseloadRow {
    pub id: PlanId,
    pub client_id: ClientId,
    pub client_name: String,
    pub status: PlanStatus,
    pub need_identified_on: NaiveDate,
    pub decision_due: NaiveDate,
    /// Still a draft after the day it was due.
    pub overdue: bool,
    pub decision_number: Option<String>,
}

/// The purchaser's plans for its case workers (another purchaser's staff: 404).
pub async fn list(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    filter: CaseloadFilter,
    page: Option<Page>,
) -> PlanResult<Paged<CaseloadRow>> {
    actor.require_staff(pid, Role::CaseWorker)?;
    let today = today_in_finland();
    // Overdue: a draft due before today. The date is ours, formatted, not the reader's.
    let overdue_first = Expr::cust(format!(
        "CASE WHEN status = 'draft' AND decision_due < '{}' THEN 0 ELSE 1 END",
        today.format("%Y-%m-%d")
    ));
    let mut select = plan::Entity::find()
        .filter(plan::Column::PurchaserId.eq(pid))
        .order_by(overdue_first, Order::Asc)
        .order_by_asc(plan::Column::DecisionDue)
        .order_by_asc(plan::Column::Id);
    select = match filter {
        CaseloadFilter::Open => select.filter(plan::Column::Status.eq(PlanStatus::Draft)),
        CaseloadFilter::Decided => select.filter(plan::Column::Status.eq(PlanStatus::Decided)),
        CaseloadFilter::All => select,
    };
    let listed = paging::fetch_or_all(&db.conn, select, page).await?;
    audit::record_list(
        db,
        actor,
        "plans_listed",
        "plan",
        listed.items.iter().map(|p| (p.id.0, p.client_id)),
    )
    .await?;
    let clients = client::Entity::find()
        .filter(client::Column::Id.is_in(listed.items.iter().map(|p| p.client_id.0)))
        .all(&db.conn)
        .await?;
    Ok(listed.map(|p| CaseloadRow {
        overdue: is_overdue(&p, today),
        client_name: clients
            .iter()
            .find(|c| c.id == p.client_id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        id: p.id,
        client_id: p.client_id,
        status: p.status,
        need_identified_on: p.need_identified_on,
        decision_due: p.decision_due,
        decision_number: p.decision_number,
    }))
}

/// One client's plans for a case worker of her purchaser (the client page), newest need
/// first; others who may see the client get 403, anyone else 404. Audited as a list.
pub async fn of_client(
    db: &Db,
    actor: &Actor,
    client_id: ClientId,
) -> PlanResult<Vec<CaseloadRow>> {
    let (client_row, acting) = crate::auth::access::load_client(&db.conn, actor, client_id).await?;
    super::access::require_case_worker(acting, "list a client's plans")?;
    let today = today_in_finland();
    let plans = plans_of_client(db, actor, client_id).await?;
    Ok(plans
        .into_iter()
        .map(|p| CaseloadRow {
            overdue: is_overdue(&p, today),
            client_name: client_row.name.clone(),
            id: p.id,
            client_id: p.client_id,
            status: p.status,
            need_identified_on: p.need_identified_on,
            decision_due: p.decision_due,
            decision_number: p.decision_number,
        })
        .collect())
}
