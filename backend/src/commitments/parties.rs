//! Whose matter a commitment is and what it is for: the client's name and the offering's
//! title with its provider, read together for a list so that every row names its client
//! (a provider records for many clients who may use the same service).
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    commitments::Commitment,
    db::entities::{client, offering, provider},
    domain::{
        LocalizedText,
        ids::{ClientId, OfferingId},
    },
    error::AppResult,
};

/// The offering a commitment is for, as lists name it.
#[derive(Clone, Debug, Default)]
pub struct OfferingName {
    pub title: LocalizedText,
    pub provider: String,
}

/// The clients and offerings of a set of commitments.
#[derive(Debug, Default)]
pub struct Parties {
    clients: HashMap<ClientId, String>,
    offerings: HashMap<OfferingId, OfferingName>,
}

impl Parties {
    /// The client's name, as the provider and the case worker know the client.
    pub fn client(&self, id: ClientId) -> &str {
        self.clients
            .get(&id)
            .map(String::as_str)
            .unwrap_or_default()
    }

    pub fn offering(&self, id: OfferingId) -> OfferingName {
        self.offerings.get(&id).cloned().unwrap_or_default()
    }
}

/// Reads the clients and offerings of `commitments`. Staff reading clients' names (a
/// provider needs them to deliver the service) is audited, one entry for the list.
pub async fn parties_of(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    commitments: &[Commitment],
) -> AppResult<Parties> {
    let client_ids = commitments.iter().map(|c| c.client_id);
    let mut offering_ids: Vec<uuid::Uuid> =
        commitments.iter().map(|c| c.offering_id.into()).collect();
    offering_ids.sort();
    offering_ids.dedup();
    let clients = client_names(conn, actor, client_ids).await?;
    let offerings = if offering_ids.is_empty() {
        HashMap::new()
    } else {
        offering::Entity::find()
            .filter(offering::Column::Id.is_in(offering_ids))
            .find_also_related(provider::Entity)
            .all(conn)
            .await?
            .into_iter()
            .map(|(o, p)| {
                let title: LocalizedText = serde_json::from_value(o.title).unwrap_or_default();
                (
                    o.id,
                    OfferingName {
                        title,
                        provider: p.map(|p| p.name).unwrap_or_default(),
                    },
                )
            })
            .collect()
    };
    Ok(Parties { clients, offerings })
}

/// The names of clients whom the actor serves or decides for, by id. A provider's staff
/// reading them (they need them to deliver the service) is audited, one entry for the list.
/// The caller has checked that each client is one of the actor's.
pub async fn client_names(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    ids: impl IntoIterator<Item = ClientId>,
) -> AppResult<HashMap<ClientId, String>> {
    let mut ids: Vec<uuid::Uuid> = ids.into_iter().map(Into::into).collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let clients: HashMap<ClientId, String> = client::Entity::find()
        .filter(client::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    if let Some(provider) = actor.provider_id
        && !clients.is_empty()
    {
        let mut read: Vec<String> = clients.keys().map(ToString::to_string).collect();
        read.sort();
        audit::record(
            conn,
            Some(actor),
            None,
            AuditEvent {
                action: "client_names_read_by_provider",
                subject_type: "provider",
                subject_id: provider.to_string(),
                client: None,
                detail: Some(serde_json::json!({ "clients": read })),
            },
        )
        .await?;
    }
    Ok(clients)
}
