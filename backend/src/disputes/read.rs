//! Disputes as their readers see them: one for whoever may (the client side, the provider of
//! the delivery through the ledger's reads, the purchaser's case workers), and a
//! purchaser's list with the client's and provider's names. Every read is audited.
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor, access},
    db::{
        Db,
        entities::{client, dispute},
    },
    domain::{
        Money, Quantity,
        catalogue::{DisputeStatus, Role},
        ids::{ClientId, DeliveryId, DisputeId, PurchaserId},
    },
    error::{AppError, AppResult},
    paging::{self, Page, Paged},
};

/// A dispute and where it stands.
pub struct Dispute {
    pub id: DisputeId,
    pub delivery_id: DeliveryId,
    pub status: DisputeStatus,
    pub reason: String,
    pub decision_reason: Option<String>,
    pub provider_account: Option<String>,
    pub provider_account_at: Option<DateTime<Utc>>,
    /// For a partial uphold: the quantity the case worker found delivered.
    pub corrected_quantity: Option<Quantity>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl Dispute {
    pub fn from_model(model: &dispute::Model) -> AppResult<Self> {
        Ok(Dispute {
            id: model.id,
            delivery_id: model.delivery_id,
            status: model.status,
            reason: model.reason.clone(),
            decision_reason: model.decision_reason.clone(),
            provider_account: model.provider_account.clone(),
            provider_account_at: model.provider_account_at,
            corrected_quantity: model.corrected_quantity,
            created_at: model.created_at,
            decided_at: model.decided_at,
        })
    }
}

/// A dispute on a purchaser's list: whose, about which delivery, against which provider.
pub struct DisputeRow {
    pub dispute: Dispute,
    pub client_id: ClientId,
    pub client_name: String,
    pub delivery_date: NaiveDate,
    pub delivery_total: Money,
    pub provider_name: String,
}

/// The dispute, if the actor may reach its client; anyone else is told it does not exist.
pub(super) async fn visible(
    db: &Db,
    actor: &Actor,
    id: DisputeId,
) -> AppResult<(dispute::Model, ActingFor)> {
    let model = dispute::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("dispute"))?;
    let (_, acting) = access::load_client(&db.conn, actor, model.client_id)
        .await
        .map_err(|_| AppError::not_found("dispute"))?;
    Ok((model, acting))
}

/// One dispute for the client side or the purchaser's case workers; the read is audited.
pub async fn find(db: &Db, actor: &Actor, id: DisputeId) -> AppResult<Dispute> {
    let (model, acting) = visible(db, actor, id).await?;
    audit::record_read(
        &db.conn,
        actor,
        Some(acting),
        "dispute_read",
        "dispute",
        model.id.0,
        model.client_id,
    )
    .await?;
    Dispute::from_model(&model)
}

/// The purchaser's disputes, newest first, for its case workers: a page, or all with
/// `page` None. The list and the names read are audited.
pub async fn for_purchaser(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    status: Option<DisputeStatus>,
    page: Option<Page>,
) -> AppResult<Paged<DisputeRow>> {
    actor.require_staff(pid, Role::CaseWorker)?;
    let mut select = dispute::Entity::find()
        .filter(
            dispute::Column::ClientId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(client::Column::Id)
                    .from(client::Entity)
                    .and_where(client::Column::PurchaserId.eq(pid))
                    .to_owned(),
            ),
        )
        .order_by_desc(dispute::Column::CreatedAt)
        .order_by_asc(dispute::Column::Id);
    if let Some(status) = status {
        select = select.filter(dispute::Column::Status.eq(status));
    }
    let conn = &db.conn;
    let listed = paging::fetch_or_all(conn, select, page).await?;
    audit::record_list(
        db,
        actor,
        "disputes_listed",
        "dispute",
        listed.items.iter().map(|d| (d.id.0, d.client_id)),
    )
    .await?;
    let rows = with_parties(conn, &listed.items).await?;
    audit::record(
        conn,
        Some(actor),
        Some(ActingFor::CaseWorker),
        AuditEvent {
            action: "disputes_listed",
            subject_type: "purchaser",
            subject_id: pid.to_string(),
            client: None,
            detail: Some(serde_json::json!({
                "clients": rows.iter().map(|r| r.client_id.to_string()).collect::<Vec<_>>()
            })),
        },
    )
    .await?;
    Ok(Paged {
        items: rows,
        total: listed.total,
        page: listed.page,
    })
}

/// Each dispute with its client, delivery and provider, in three queries for the page.
async fn with_parties(
    conn: &sea_orm::DatabaseConnection,
    models: &[dispute::Model],
) -> AppResult<Vec<DisputeRow>> {
    let clients: HashMap<ClientId, client::Model> = client::Entity::find()
        .filter(client::Column::Id.is_in(models.iter().map(|d| d.client_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let delivery_ids: Vec<DeliveryId> = models.iter().map(|d| d.delivery_id).collect();
    let deliveries = super::lists::deliveries_by_id(conn, &delivery_ids).await?;
    let providers =
        crate::db::provider_names::names_by_id(conn, deliveries.values().map(|d| d.provider_id))
            .await?;
    models
        .iter()
        .map(|m| {
            let (Some(c), Some(d)) = (clients.get(&m.client_id), deliveries.get(&m.delivery_id))
            else {
                return Err(AppError::internal("dispute without client or delivery"));
            };
            Ok(DisputeRow {
                dispute: Dispute::from_model(m)?,
                client_id: c.id,
                client_name: c.name.clone(),
                delivery_date: d.date,
                delivery_total: d.total,
                provider_name: providers.get(&d.provider_id).cloned().unwrap_or_default(),
            })
        })
        .collect()
}
