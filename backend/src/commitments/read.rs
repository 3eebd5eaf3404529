//! Commitments as their readers see them: the read model and the lists, newest first.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    db::entities::commitment,
    domain::{
        Money, Quantity,
        catalogue::{CommitmentStatus, Method},
        ids::{AllocationId, ClientId, CommitmentId, OfferingId, ProviderId},
    },
    error::{AppError, AppResult},
    paging::{self, Page, Paged},
};

/// A commitment: a client's choice of an offering, paid from an allocation.
#[derive(Clone, Debug)]
pub struct Commitment {
    pub id: CommitmentId,
    pub allocation_id: AllocationId,
    pub offering_id: OfferingId,
    pub provider_id: ProviderId,
    pub client_id: ClientId,
    pub method: Method,
    pub status: CommitmentStatus,
    /// What is still reserved for it.
    pub reserved: Money,
    /// What the client told the provider with the order (each optional).
    pub start_date: Option<NaiveDate>,
    pub quantity: Option<Quantity>,
    pub message: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Commitment {
    pub fn from_model(model: &commitment::Model) -> AppResult<Self> {
        Ok(Commitment {
            id: model.id,
            allocation_id: model.allocation_id,
            offering_id: model.offering_id,
            provider_id: model.provider_id,
            client_id: model.client_id,
            method: model.method,
            status: model.status,
            reserved: model.reserved,
            start_date: model.start_date,
            quantity: model.quantity,
            message: model.message.clone(),
            created_at: model.created_at,
            updated_at: model.updated_at,
        })
    }
}

fn newest_first(
    select: sea_orm::Select<commitment::Entity>,
) -> sea_orm::Select<commitment::Entity> {
    select
        .order_by_desc(commitment::Column::CreatedAt)
        .order_by_desc(commitment::Column::Id)
}

fn of_allocation_query(id: AllocationId) -> sea_orm::Select<commitment::Entity> {
    newest_first(
        commitment::Entity::find()
            .filter(commitment::Column::AllocationId.eq(uuid::Uuid::from(id))),
    )
}

/// Every commitment of an allocation. The caller has checked that the reader may see the
/// allocation ([`crate::allocations::load_visible`]).
pub async fn of_allocation(
    conn: &impl ConnectionTrait,
    id: AllocationId,
) -> AppResult<Vec<Commitment>> {
    of_allocation_query(id)
        .all(conn)
        .await?
        .iter()
        .map(Commitment::from_model)
        .collect()
}

/// One page of an allocation's commitments.
pub async fn page_of_allocation(
    conn: &impl ConnectionTrait,
    id: AllocationId,
    page: Page,
) -> AppResult<Paged<Commitment>> {
    paging::fetch(conn, of_allocation_query(id), page)
        .await?
        .try_map(|m| Commitment::from_model(&m))
}

/// Which of a provider's commitments a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProviderFilter {
    #[default]
    All,
    /// Waiting for the provider's answer.
    Requested,
    /// Accepted: deliveries may be recorded on them.
    Accepted,
}

fn of_provider_query(
    id: ProviderId,
    filter: ProviderFilter,
) -> sea_orm::Select<commitment::Entity> {
    let select =
        commitment::Entity::find().filter(commitment::Column::ProviderId.eq(uuid::Uuid::from(id)));
    let select = match filter {
        ProviderFilter::All => select,
        ProviderFilter::Requested => {
            select.filter(commitment::Column::Status.eq(CommitmentStatus::Requested))
        }
        ProviderFilter::Accepted => {
            select.filter(commitment::Column::Status.eq(CommitmentStatus::Accepted))
        }
    };
    newest_first(select)
}

/// One page of a provider's commitments. The caller has checked that the reader is the
/// provider's staff, and audits the read of the clients' data it shows.
pub async fn page_of_provider(
    conn: &impl ConnectionTrait,
    id: ProviderId,
    filter: ProviderFilter,
    page: Page,
) -> AppResult<Paged<Commitment>> {
    paging::fetch(conn, of_provider_query(id, filter), page)
        .await?
        .try_map(|m| Commitment::from_model(&m))
}

/// Every commitment of a provider that `filter` lets through, for choices that must offer
/// all of them (where to record a delivery).
pub async fn all_of_provider(
    conn: &impl ConnectionTrait,
    id: ProviderId,
    filter: ProviderFilter,
) -> AppResult<Vec<Commitment>> {
    of_provider_query(id, filter)
        .all(conn)
        .await?
        .iter()
        .map(Commitment::from_model)
        .collect()
}

/// Commitments by id (for naming what a list of deliveries belongs to).
pub async fn by_ids(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = CommitmentId>,
) -> AppResult<Vec<Commitment>> {
    let ids: Vec<uuid::Uuid> = ids.into_iter().map(Into::into).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    commitment::Entity::find()
        .filter(commitment::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .iter()
        .map(Commitment::from_model)
        .collect()
}

/// One commitment, whoever asks; the caller decides who may see it.
pub async fn find(conn: &impl ConnectionTrait, id: CommitmentId) -> AppResult<Commitment> {
    let model = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    Commitment::from_model(&model)
}

/// A provider's commitments for its own staff (anyone else: 404), the read of the
/// clients' data audited. `page` None reads all that `filter` lets through.
pub async fn for_provider(
    db: &crate::db::Db,
    actor: &crate::auth::Actor,
    id: ProviderId,
    filter: ProviderFilter,
    page: Option<Page>,
) -> AppResult<Paged<Commitment>> {
    actor.require_provider(id, "provider")?;
    let listed = match page {
        Some(page) => page_of_provider(&db.conn, id, filter, page).await?,
        None => Paged::whole(all_of_provider(&db.conn, id, filter).await?),
    };
    crate::audit::record_list(
        db,
        actor,
        "commitments_listed",
        "commitment",
        listed.items.iter().map(|c| (c.id.into(), c.client_id)),
    )
    .await?;
    Ok(listed)
}

/// How many of a provider's commitments `filter` lets through (a count shows no client's
/// data, so it is not audited).
pub async fn count_of_provider(
    conn: &impl ConnectionTrait,
    id: ProviderId,
    filter: ProviderFilter,
) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(of_provider_query(id, filter).count(conn).await?)
}

/// An allocation's commitments for whoever may see the allocation (the client, their
/// proxies, the purchaser's case workers; anyone else: 404), the read audited. `page`
/// None reads them all.
pub async fn for_allocation(
    conn: &impl ConnectionTrait,
    actor: &crate::auth::Actor,
    id: AllocationId,
    page: Option<Page>,
) -> AppResult<Paged<Commitment>> {
    crate::allocations::load_visible(conn, actor, id, "commitments_listed").await?;
    match page {
        Some(page) => page_of_allocation(conn, id, page).await,
        None => Ok(Paged::whole(of_allocation(conn, id).await?)),
    }
}
