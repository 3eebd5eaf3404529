//! What waits for each staff role, counted over every row (never a page of them): the
//! numbers on the start pages. Each part is read only for a role the person has.
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Query,
};

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{application, client, commitment, delivery, dispute, invoice, service, user},
    },
    domain::{
        catalogue::{ApplicationStatus, CommitmentStatus, DisputeStatus, Role},
        ids::{ProviderId, PurchaserId},
        today_in_finland,
    },
    error::AppResult,
    settlement::{Month, select},
};

/// A provider's staff: orders to answer, orders to record on, disputes to account for.
pub struct ProviderWork {
    pub orders_waiting: u64,
    pub orders_to_record: u64,
    pub disputes_open: u64,
}

/// A case worker: the purchaser's clients, disputes to decide, orders nobody records on.
pub struct CaseWork {
    pub clients: u64,
    pub disputes_to_decide: u64,
    pub providers_overdue: u64,
    pub orders_silent: u64,
}

/// Finance: last month (the one usually settled), what waits to be invoiced, and the
/// invoices made for it so far.
pub struct FinanceWork {
    pub month: Month,
    pub deliveries_waiting: u64,
    pub providers_waiting: u64,
    pub invoices: u64,
}

/// A catalogue manager: the services in the catalogue, provider applications waiting for
/// a decision, and searches that found nothing.
pub struct CatalogueWork {
    pub services: u64,
    pub applications_waiting: u64,
    pub demand_gaps: u64,
}

/// An administrator: every account, and the active ones.
pub struct AdminWork {
    pub users: u64,
    pub active_users: u64,
}

/// Every part the person's roles call for; a part they have no role for is `None`.
#[derive(Default)]
pub struct Work {
    pub provider: Option<ProviderWork>,
    pub case: Option<CaseWork>,
    pub finance: Option<FinanceWork>,
    pub catalogue: Option<CatalogueWork>,
    pub admin: Option<AdminWork>,
}

impl Work {
    pub fn is_empty(&self) -> bool {
        self.provider.is_none()
            && self.case.is_none()
            && self.finance.is_none()
            && self.catalogue.is_none()
            && self.admin.is_none()
    }
}

/// The counts for `actor`'s roles.
pub async fn for_actor(db: &Db, actor: &Actor) -> AppResult<Work> {
    let conn = &db.conn;
    let mut work = Work::default();
    if let (true, Some(p)) = (actor.has(Role::ProviderStaff), actor.provider_id) {
        work.provider = Some(provider(conn, p).await?);
    }
    let Some(pid) = actor.purchaser_id else {
        if actor.has(Role::Admin) {
            work.admin = Some(admin(conn).await?);
        }
        return Ok(work);
    };
    if actor.has(Role::CaseWorker) {
        let overdue = super::overdue::report(db, actor, pid).await?;
        work.case = Some(CaseWork {
            clients: client::Entity::find()
                .filter(client::Column::PurchaserId.eq(pid))
                .count(conn)
                .await?,
            disputes_to_decide: open_disputes_of_purchaser(conn, pid).await?,
            providers_overdue: overdue.items.len() as u64,
            orders_silent: overdue.silent_orders(),
        });
    }
    if actor.has(Role::Finance) {
        work.finance = Some(finance(conn, pid).await?);
    }
    if actor.has(Role::CatalogueManager) {
        work.catalogue = Some(catalogue(db, actor, pid).await?);
    }
    if actor.has(Role::Admin) {
        work.admin = Some(admin(conn).await?);
    }
    Ok(work)
}

async fn provider(conn: &impl ConnectionTrait, p: ProviderId) -> AppResult<ProviderWork> {
    let orders = |status: CommitmentStatus| {
        commitment::Entity::find()
            .filter(commitment::Column::ProviderId.eq(uuid::Uuid::from(p)))
            .filter(commitment::Column::Status.eq(status))
    };
    let deliveries_of_provider = Query::select()
        .column(delivery::Column::Id)
        .from(delivery::Entity)
        .and_where(delivery::Column::ProviderId.eq(uuid::Uuid::from(p)))
        .to_owned();
    Ok(ProviderWork {
        orders_waiting: orders(CommitmentStatus::Requested).count(conn).await?,
        orders_to_record: orders(CommitmentStatus::Accepted).count(conn).await?,
        disputes_open: dispute::Entity::find()
            .filter(dispute::Column::Status.eq(DisputeStatus::Open.as_ref()))
            .filter(dispute::Column::DeliveryId.in_subquery(deliveries_of_provider))
            .count(conn)
            .await?,
    })
}

async fn open_disputes_of_purchaser(
    conn: &impl ConnectionTrait,
    pid: PurchaserId,
) -> AppResult<u64> {
    let clients = Query::select()
        .column(client::Column::Id)
        .from(client::Entity)
        .and_where(client::Column::PurchaserId.eq(pid))
        .to_owned();
    Ok(dispute::Entity::find()
        .filter(dispute::Column::Status.eq(DisputeStatus::Open.as_ref()))
        .filter(dispute::Column::ClientId.in_subquery(clients))
        .count(conn)
        .await?)
}

async fn finance(conn: &impl ConnectionTrait, pid: PurchaserId) -> AppResult<FinanceWork> {
    let month = Month::containing(today_in_finland()).previous();
    let waiting = select::waiting(conn, pid.into(), month).await?;
    let to_invoice: Vec<_> = waiting.iter().filter(|w| !w.to_credit).collect();
    Ok(FinanceWork {
        deliveries_waiting: to_invoice
            .iter()
            .map(|w| u64::try_from(w.deliveries).unwrap_or(0))
            .sum(),
        providers_waiting: to_invoice.len() as u64,
        invoices: invoice::Entity::find()
            .filter(invoice::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
            .filter(invoice::Column::Month.eq(month.label()))
            .count(conn)
            .await?,
        month,
    })
}

async fn catalogue(db: &Db, actor: &Actor, pid: PurchaserId) -> AppResult<CatalogueWork> {
    let conn = &db.conn;
    let gaps = super::demand_gaps::page(db, actor, pid, crate::paging::Page::first(1)).await?;
    Ok(CatalogueWork {
        services: service::Entity::find()
            .filter(service::Column::PurchaserId.eq(pid))
            .filter(service::Column::ArchivedAt.is_null())
            .count(conn)
            .await?,
        applications_waiting: application::Entity::find()
            .filter(application::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
            .filter(application::Column::Status.eq(ApplicationStatus::Pending))
            .count(conn)
            .await?,
        demand_gaps: gaps.total,
    })
}

async fn admin(conn: &impl ConnectionTrait) -> AppResult<AdminWork> {
    Ok(AdminWork {
        users: user::Entity::find().count(conn).await?,
        active_users: user::Entity::find()
            .filter(user::Column::DeactivatedAt.is_null())
            .count(conn)
            .await?,
    })
}
