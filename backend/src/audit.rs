//! The audit log: every read of a client's personal data and every money movement, with
//! who acted, for whom when a proxy acts, what and when. Written in the same transaction
//! as the change it records. Acts done with a provider's API key name the key.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};
use serde_json::Value;

use crate::{
    auth::{ActingFor, Actor},
    db::entities::audit_entry,
    domain::ids::ClientId,
};

pub struct AuditEvent<'a> {
    pub action: &'a str,
    pub subject_type: &'a str,
    pub subject_id: String,
    pub client: Option<ClientId>,
    pub detail: Option<Value>,
}

pub async fn record(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    acting: Option<ActingFor>,
    event: AuditEvent<'_>,
) -> Result<(), DbErr> {
    row(actor, acting, event).insert(conn).await?;
    Ok(())
}

/// The row `record` writes; bulk work inserts many at once.
pub fn row(
    actor: Option<&Actor>,
    acting: Option<ActingFor>,
    event: AuditEvent<'_>,
) -> audit_entry::ActiveModel {
    let acting_for = match acting {
        Some(ActingFor::Proxy) => event.client,
        _ => None,
    };
    audit_entry::ActiveModel {
        at: Set(Utc::now()),
        actor_user_id: Set(actor.map(|a| a.user_id)),
        acting_for_client_id: Set(acting_for),
        client_id: Set(event.client),
        action: Set(event.action.to_owned()),
        subject_type: Set(event.subject_type.to_owned()),
        subject_id: Set(event.subject_id),
        detail: Set(event.detail),
        api_key_id: Set(actor.and_then(|a| a.api_key.as_ref()).map(|k| k.id)),
        ..Default::default()
    }
}

/// One object holding a client's data was read (a delivery, a commitment, a dispute).
pub async fn record_read(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    acting: Option<ActingFor>,
    action: &str,
    subject_type: &str,
    subject_id: uuid::Uuid,
    client: ClientId,
) -> Result<(), DbErr> {
    record(
        conn,
        Some(actor),
        acting,
        AuditEvent {
            action,
            subject_type,
            subject_id: subject_id.to_string(),
            client: Some(client),
            detail: None,
        },
    )
    .await
}

/// A list of client data was read: one row per client in it (so the log filtered by client
/// still shows every read), naming the items in `detail.ids`, written in one statement
/// however long the page (at most 100 items).
pub async fn record_list(
    db: &crate::db::Db,
    actor: &Actor,
    action: &str,
    subject_type: &str,
    items: impl IntoIterator<Item = (uuid::Uuid, ClientId)>,
) -> Result<(), DbErr> {
    let mut by_client: std::collections::BTreeMap<ClientId, Vec<String>> = Default::default();
    for (id, client) in items {
        by_client.entry(client).or_default().push(id.to_string());
    }
    if by_client.is_empty() {
        return Ok(());
    }
    let rows = by_client.into_iter().map(|(client, ids)| {
        row(
            Some(actor),
            None,
            AuditEvent {
                action,
                subject_type,
                subject_id: client.to_string(),
                client: Some(client),
                detail: Some(serde_json::json!({ "ids": ids })),
            },
        )
    });
    let tx = db.begin_write().await?;
    audit_entry::Entity::insert_many(rows).exec(&*tx).await?;
    tx.commit().await
}
