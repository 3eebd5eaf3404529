//! A client's allocations for whoever may see the client, newest period first.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    audit::{self, AuditEvent},
    auth::{Actor, access},
    db::entities::allocation,
    domain::ids::ClientId,
    error::AppResult,
    paging::{self, Page, Paged},
};

/// A client's allocations for the client, their proxies and the purchaser's case workers
/// (anyone else: 404), the read audited. `page` None reads them all.
pub async fn for_client(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: ClientId,
    page: Option<Page>,
) -> AppResult<Paged<allocation::Model>> {
    let (_, acting) = access::load_client(conn, actor, id).await?;
    let select = allocation::Entity::find()
        .filter(allocation::Column::ClientId.eq(uuid::Uuid::from(id)))
        .order_by_desc(allocation::Column::ValidTo)
        .order_by_desc(allocation::Column::Id);
    let listed = paging::fetch_or_all(conn, select, page).await?;
    audit::record(
        conn,
        Some(actor),
        Some(acting),
        AuditEvent {
            action: "allocations_listed",
            subject_type: "client",
            subject_id: id.to_string(),
            client: Some(id),
            detail: None,
        },
    )
    .await?;
    Ok(listed)
}

/// An allocation's ledger entries, oldest first, for whoever may see the allocation, the
/// read audited. `page` None reads them all.
pub async fn ledger_of(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: crate::domain::ids::AllocationId,
    page: Option<Page>,
) -> AppResult<Paged<crate::db::entities::ledger_entry::Model>> {
    use crate::db::entities::ledger_entry;
    crate::allocations::load_visible(conn, actor, id, "ledger_read").await?;
    let select = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::AllocationId.eq(uuid::Uuid::from(id)))
        .order_by_asc(ledger_entry::Column::Seq);
    Ok(paging::fetch_or_all(conn, select, page).await?)
}
