//! A purchaser's clients as its case workers list and search them; every row read audited.
use sea_orm::{
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
    sea_query::{Expr, ExprTrait, Func},
};

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{Db, entities::client},
    domain::{PersonalId, catalogue::Role, ids::PurchaserId},
    error::AppResult,
    paging::{self, Page, Paged},
    vault::Vault,
};

/// What a case worker typed to find a client.
#[derive(Debug)]
pub enum ClientQuery {
    Everyone,
    /// A full identity code (either century-sign form): the one person it names.
    IdentityCode(PersonalId),
    /// Part of the name, case not minding.
    Name(String),
}

impl ClientQuery {
    /// Blank is everyone; a valid identity code looks the person up; anything else is a
    /// part of a name.
    pub fn parse(text: &str) -> ClientQuery {
        let text = text.trim();
        if text.is_empty() {
            ClientQuery::Everyone
        } else if let Ok(code) = PersonalId::parse(text) {
            ClientQuery::IdentityCode(code)
        } else {
            ClientQuery::Name(text.chars().take(200).collect())
        }
    }
}

/// `LIKE` pattern for a part of a name: its own `%`, `_` and `\` are matched literally.
fn contains_pattern(part: &str) -> String {
    let mut escaped = String::with_capacity(part.len() + 2);
    escaped.push('%');
    for c in part.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped.push('%');
    escaped
}

/// A page of the purchaser's clients for its case workers (anyone else: 404), by name.
/// Each client shown is audited, and so is a search (whether it was by identity code, never
/// the code).
pub async fn for_purchaser(
    db: &Db,
    vault: &Vault,
    actor: &Actor,
    id: PurchaserId,
    query: &ClientQuery,
    page: Page,
) -> AppResult<Paged<client::Model>> {
    actor.require_staff(id, Role::CaseWorker)?;
    let mut select = client::Entity::find().filter(client::Column::PurchaserId.eq(id));
    select = match query {
        ClientQuery::Everyone => select,
        ClientQuery::IdentityCode(code) => {
            select.filter(client::Column::PersonalIdHash.eq(vault.lookup_hash(code)))
        }
        ClientQuery::Name(part) => select.filter(
            Expr::expr(Func::lower(Expr::col(client::Column::Name)))
                .like(sea_orm::sea_query::LikeExpr::new(contains_pattern(part)).escape('\\')),
        ),
    };
    let select = select
        .order_by_asc(client::Column::Name)
        .order_by_asc(client::Column::Id);
    let listed = paging::fetch(&db.conn, select, page).await?;
    let tx = db.begin_write().await?;
    if !matches!(query, ClientQuery::Everyone) {
        audit::record(
            &*tx,
            Some(actor),
            None,
            AuditEvent {
                action: "clients_searched",
                subject_type: "purchaser",
                subject_id: id.to_string(),
                client: None,
                detail: Some(serde_json::json!({
                    "by": if matches!(query, ClientQuery::IdentityCode(_)) { "identity_code" } else { "name" },
                    "found": listed.total,
                })),
            },
        )
        .await?;
    }
    for model in &listed.items {
        audit::record(
            &*tx,
            Some(actor),
            None,
            AuditEvent {
                action: "client_listed",
                subject_type: "client",
                subject_id: model.id.to_string(),
                client: Some(model.id),
                detail: None,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_an_identity_code_only_when_it_is_a_valid_one() {
        assert!(matches!(ClientQuery::parse("  "), ClientQuery::Everyone));
        assert!(matches!(
            ClientQuery::parse("010180-1232"),
            ClientQuery::IdentityCode(_)
        ));
        assert!(matches!(
            ClientQuery::parse("010180-1233"),
            ClientQuery::Name(_)
        ));
        assert!(matches!(ClientQuery::parse("Virta"), ClientQuery::Name(n) if n == "Virta"));
    }

    #[test]
    fn wildcards_typed_in_a_name_match_only_themselves() {
        assert_eq!(contains_pattern("Ai_no%"), "%ai\\_no\\%%");
    }
}

/// A client as the case worker sees them: the identity code masked.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ClientOut {
    pub id: crate::domain::ids::ClientId,
    pub purchaser_id: crate::domain::ids::PurchaserId,
    pub name: String,
    /// Masked: birth date and check character only, like `010190-***A`.
    pub personal_id: String,
    pub municipality: String,
    pub email: Option<String>,
}

impl ClientOut {
    pub fn from_model(model: &crate::db::entities::client::Model) -> Self {
        ClientOut {
            id: model.id,
            purchaser_id: model.purchaser_id,
            name: model.name.clone(),
            personal_id: model.personal_id_masked.clone(),
            municipality: model.municipality.clone(),
            email: model.email.clone(),
        }
    }
}

/// One client, for whoever may see them (their case workers, the client, a proxy with a
/// live mandate); the read is audited.
pub async fn one(
    conn: &impl sea_orm::ConnectionTrait,
    actor: &crate::auth::Actor,
    id: crate::domain::ids::ClientId,
) -> crate::error::AppResult<crate::db::entities::client::Model> {
    let (model, acting) = crate::auth::access::load_client(conn, actor, id).await?;
    crate::audit::record(
        conn,
        Some(actor),
        Some(acting),
        crate::audit::AuditEvent {
            action: "client_read",
            subject_type: "client",
            subject_id: id.to_string(),
            client: Some(id),
            detail: None,
        },
    )
    .await?;
    Ok(model)
}
