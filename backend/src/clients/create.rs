//! Adding a client: the name, identity code (encrypted, looked up by its keyed hash, never
//! twice for one purchaser), home municipality within the purchaser's area, and with an
//! email address an account and a single-use link to choose a password, all in one
//! transaction with its audit entry.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use valinta_emails::LinkPurpose;

use crate::{
    accounts::links,
    audit::{self, AuditEvent},
    auth::Actor,
    db::entities::client,
    domain::{
        EmailAddress, Municipality, PersonalId,
        catalogue::Role,
        ids::{ClientId, PurchaserId},
        text::parse_text,
    },
    error::{AppError, AppResult, field},
    state::AppState,
    users::{self, NewUser},
};

use super::area::municipalities_of;

/// A client as typed or sent: text, not yet parsed.
pub struct ClientText<'a> {
    pub name: &'a str,
    pub personal_id: &'a str,
    pub municipality: &'a str,
    /// With an address the client gets an email to choose a password.
    pub email: Option<&'a str>,
}

/// Adds a client of purchaser `pid` (its case workers only); the first bad field is named.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    pid: PurchaserId,
    input: &ClientText<'_>,
) -> AppResult<client::Model> {
    actor.require_staff(pid, Role::CaseWorker)?;
    let name = field("name", parse_text(input.name, 200))?;
    let personal_id = field("personal_id", PersonalId::parse(input.personal_id))?;
    let municipality = field("municipality", Municipality::parse(input.municipality))?;
    let area = municipalities_of(&state.db.conn, pid).await?;
    if !area.iter().any(|m| m == municipality.as_str()) {
        return Err(AppError::invalid(
            "municipality",
            "is not in this purchaser's area",
        ));
    }
    let email = input
        .email
        .map(|e| field("email", EmailAddress::parse(e)))
        .transpose()?;
    let hash = state.vault.lookup_hash(&personal_id);
    let tx = state.db.begin_write().await?;
    let duplicate = client::Entity::find()
        .filter(client::Column::PurchaserId.eq(pid))
        .filter(client::Column::PersonalIdHash.eq(hash.as_str()))
        .count(&*tx)
        .await?;
    if duplicate > 0 {
        return Err(
            AppError::conflict("duplicate", "personal_id belongs to a client already")
                .with_field("personal_id", "belongs to a client already"),
        );
    }
    let id = ClientId::new();
    let model = client::ActiveModel {
        id: Set(id),
        purchaser_id: Set(pid),
        name: Set(name.clone()),
        personal_id_cipher: Set(state.vault.encrypt(&personal_id)?),
        personal_id_hash: Set(hash),
        personal_id_masked: Set(personal_id.masked()),
        municipality: Set(municipality.to_string()),
        email: Set(email.as_ref().map(|e| e.as_str().to_owned())),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await
    // Two case workers adding one person at the same moment: the second is told so.
    .map_err(|e| AppError::from_unique(e, "personal_id", "belongs to a client already"))?;
    if let Some(email) = email {
        let new = NewUser {
            email: Some(email),
            password_hash: None,
            name,
            roles: vec![Role::Client],
            purchaser: None,
            provider: None,
            client: Some(id),
        };
        let account = users::insert(&*tx, new).await?;
        links::send(&*tx, &account, LinkPurpose::SetPassword).await?;
    }
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "client_created",
            subject_type: "client",
            subject_id: id.to_string(),
            client: Some(id),
            detail: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(model)
}
