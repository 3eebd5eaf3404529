//! Deliveries as their readers see them: the read model and the lists.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    db::entities::delivery,
    domain::{
        Money, Quantity,
        catalogue::DeliveryStatus,
        ids::{AllocationId, ClientId, CommitmentId, DeliveryId, ProviderId},
    },
    error::{AppError, AppResult},
    paging::{self, Page, Paged},
    settlement::Month,
};

/// A recorded delivery (or a voided or reversed one).
#[derive(Clone, Debug)]
pub struct Delivery {
    pub id: DeliveryId,
    pub commitment_id: CommitmentId,
    pub allocation_id: AllocationId,
    pub provider_id: ProviderId,
    pub client_id: ClientId,
    pub date: NaiveDate,
    pub quantity: Quantity,
    pub unit_price: Money,
    pub total: Money,
    pub purchaser_share: Money,
    /// Paid by the client to the provider, never from the balance.
    pub client_share: Money,
    pub reference: String,
    pub status: DeliveryStatus,
    pub created_at: DateTime<Utc>,
    /// The last day the client may dispute it.
    pub dispute_until: NaiveDate,
    pub void_reason: Option<String>,
    /// The delivery this one corrects (a dispute upheld in part).
    pub corrects: Option<DeliveryId>,
}

impl Delivery {
    pub fn from_model(model: &delivery::Model) -> AppResult<Self> {
        Ok(Delivery {
            id: model.id,
            commitment_id: model.commitment_id,
            allocation_id: model.allocation_id,
            provider_id: model.provider_id,
            client_id: model.client_id,
            date: model.date,
            quantity: model.quantity,
            unit_price: model.unit_price,
            total: model.total,
            purchaser_share: model.purchaser_share,
            client_share: model.client_share,
            reference: model.reference.clone(),
            status: model.status,
            created_at: model.created_at,
            dispute_until: crate::domain::dispute_window::last_day(model.date, model.created_at),
            void_reason: model.void_reason.clone(),
            corrects: model.corrects,
        })
    }
}

fn newest_first(select: sea_orm::Select<delivery::Entity>) -> sea_orm::Select<delivery::Entity> {
    select
        .order_by_desc(delivery::Column::Date)
        .order_by_desc(delivery::Column::CreatedAt)
        .order_by_desc(delivery::Column::Id)
}

fn of_commitment_query(id: CommitmentId) -> sea_orm::Select<delivery::Entity> {
    newest_first(
        delivery::Entity::find().filter(delivery::Column::CommitmentId.eq(uuid::Uuid::from(id))),
    )
}

fn to_reads(models: &[delivery::Model]) -> AppResult<Vec<Delivery>> {
    models.iter().map(Delivery::from_model).collect()
}

/// Every delivery of a commitment. The caller has checked who may see them and audits it.
pub async fn of_commitment(
    conn: &impl ConnectionTrait,
    id: CommitmentId,
) -> AppResult<Vec<Delivery>> {
    to_reads(&of_commitment_query(id).all(conn).await?)
}

/// One page of a commitment's deliveries.
pub async fn page_of_commitment(
    conn: &impl ConnectionTrait,
    id: CommitmentId,
    page: Page,
) -> AppResult<Paged<Delivery>> {
    paging::fetch(conn, of_commitment_query(id), page)
        .await?
        .try_map(|m| Delivery::from_model(&m))
}

fn of_provider_month_query(id: ProviderId, month: Month) -> sea_orm::Select<delivery::Entity> {
    newest_first(
        delivery::Entity::find()
            .filter(delivery::Column::ProviderId.eq(uuid::Uuid::from(id)))
            .filter(delivery::Column::Date.gte(month.first_day))
            .filter(delivery::Column::Date.lt(month.next_first_day)),
    )
}

/// One page of what a provider delivered in a month (by the delivery's date).
pub async fn page_of_provider_month(
    conn: &impl ConnectionTrait,
    id: ProviderId,
    month: Month,
    page: Page,
) -> AppResult<Paged<Delivery>> {
    paging::fetch(conn, of_provider_month_query(id, month), page)
        .await?
        .try_map(|m| Delivery::from_model(&m))
}

/// The month's total of a provider's recorded deliveries, over every row of the month
/// whatever page a list shows (voided and reversed ones count nothing).
pub async fn provider_month_total(
    conn: &impl ConnectionTrait,
    id: ProviderId,
    month: Month,
) -> AppResult<Money> {
    let totals: Vec<i64> = of_provider_month_query(id, month)
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .select_only()
        .column(delivery::Column::Total)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(Money::from_cents(totals.iter().sum()))
}

/// A page of a provider's month for its own staff (anyone else: 404), the read of the
/// clients' data audited.
pub async fn for_provider_month(
    db: &crate::db::Db,
    actor: &crate::auth::Actor,
    id: ProviderId,
    month: Month,
    page: Page,
) -> AppResult<Paged<Delivery>> {
    actor.require_provider(id, "provider")?;
    let listed = page_of_provider_month(&db.conn, id, month, page).await?;
    crate::audit::record_list(
        db,
        actor,
        "deliveries_listed",
        "delivery",
        listed.items.iter().map(|d| (d.id.into(), d.client_id)),
    )
    .await?;
    Ok(listed)
}

/// A commitment's deliveries for whoever may see them: its provider, or the client side and
/// the purchaser's case workers (anyone else: 404). Every read is audited. `page` None
/// reads them all.
pub async fn for_commitment(
    db: &crate::db::Db,
    actor: &crate::auth::Actor,
    id: CommitmentId,
    page: Option<Page>,
) -> AppResult<Paged<Delivery>> {
    let commitment = crate::commitments::read::find(&db.conn, id).await?;
    let by_provider = actor.provider_id == Some(commitment.provider_id);
    if !by_provider {
        crate::allocations::load_visible(
            &db.conn,
            actor,
            commitment.allocation_id,
            "deliveries_listed",
        )
        .await
        .map_err(|_| AppError::not_found("commitment"))?;
    }
    let listed = match page {
        Some(page) => page_of_commitment(&db.conn, id, page).await?,
        None => Paged::whole(of_commitment(&db.conn, id).await?),
    };
    if by_provider {
        // The provider's read of the client's deliveries (the client side's is above).
        crate::audit::record_list(
            db,
            actor,
            "deliveries_listed",
            "delivery",
            listed.items.iter().map(|d| (d.id.into(), d.client_id)),
        )
        .await?;
    }
    Ok(listed)
}

/// Every delivery of an allocation, newest first, grouped by commitment, for whoever may
/// see the allocation (anyone else: 404); the read is audited once for the allocation.
pub async fn for_allocation(
    conn: &impl ConnectionTrait,
    actor: &crate::auth::Actor,
    id: AllocationId,
) -> AppResult<std::collections::HashMap<CommitmentId, Vec<Delivery>>> {
    crate::allocations::load_visible(conn, actor, id, "deliveries_listed").await?;
    let select =
        delivery::Entity::find().filter(delivery::Column::AllocationId.eq(uuid::Uuid::from(id)));
    let mut grouped: std::collections::HashMap<CommitmentId, Vec<Delivery>> = Default::default();
    for d in to_reads(&newest_first(select).all(conn).await?)? {
        grouped.entry(d.commitment_id).or_default().push(d);
    }
    Ok(grouped)
}
