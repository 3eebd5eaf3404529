//! Clients and their proxies, created by a case worker of the purchaser. The identity
//! code is stored encrypted and only ever shown masked; every read is audit-logged.
use axum::{
    Json,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use valinta_emails::LinkPurpose;

pub use crate::clients::read::ClientOut;
use crate::{
    accounts::links,
    audit::{self, AuditEvent},
    auth::Actor,
    db::entities::client,
    domain::{
        EmailAddress, Municipality, PersonalId,
        catalogue::Role,
        ids::{ClientId, MandateId, PurchaserId, UserId},
        text::parse_text,
    },
    error::{AppError, AppResult, field},
    mandates::{
        self, MandateView,
        grant::{self, ExistingPerson, Granted, MandateRequest},
        revoke,
    },
    routes::{
        common::ListOut,
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
        purchasers::municipalities_of,
    },
    state::AppState,
    users::{self, NewUser},
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ClientIn {
    pub name: String,
    pub personal_id: String,
    pub municipality: String,
    /// With an address the client gets an email with a single-use link to choose a
    /// password; without one they sign in with strong identification only.
    pub email: Option<String>,
    /// Refused: a case worker never sets anyone's password.
    pub password: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/purchasers/{pid}/clients", operation_id = "clients_create", tag = "clients", params(("pid" = uuid::Uuid, Path, description = "the purchaser")), request_body = ClientIn,
    responses((status = 201, body = ClientOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiJson(input): ApiJson<ClientIn>,
) -> AppResult<(StatusCode, Json<ClientOut>)> {
    actor.require_staff(pid, Role::CaseWorker)?;
    let name = field("name", parse_text(&input.name, 200))?;
    let personal_id = field("personal_id", PersonalId::parse(&input.personal_id))?;
    let municipality = field("municipality", Municipality::parse(&input.municipality))?;
    let area = municipalities_of(&state.db.conn, pid.into()).await?;
    if !area.iter().any(|m| m == municipality.as_str()) {
        return Err(AppError::invalid(
            "municipality",
            "is not in this purchaser's area",
        ));
    }
    let email = input
        .email
        .as_deref()
        .map(|e| field("email", EmailAddress::parse(e)))
        .transpose()?;
    if input.password.is_some() {
        return Err(links::not_set_by_staff());
    }
    let hash = state.vault.lookup_hash(&personal_id);
    let tx = state.db.begin_write().await?;
    let duplicate = client::Entity::find()
        .filter(client::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
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
        id: Set(id.into()),
        purchaser_id: Set(pid.into()),
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
        Some(&actor),
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
    Ok((StatusCode::CREATED, Json(ClientOut::from_model(&model))))
}

#[utoipa::path(get, path = "/api/v1/clients/{cid}", operation_id = "clients_get", tag = "clients", params(("cid" = uuid::Uuid, Path, description = "the client")),
    responses((status = 200, body = ClientOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
) -> AppResult<Json<ClientOut>> {
    let model = crate::clients::read::one(&state.db.conn, &actor, cid).await?;
    Ok(Json(ClientOut::from_model(&model)))
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/clients", operation_id = "clients_list", tag = "clients", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), PageQuery),
    responses((status = 200, body = ListOut<ClientOut>)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ClientOut>>> {
    let page = query.parse()?;
    let listed = crate::clients::read::for_purchaser(
        &state.db,
        &state.vault,
        &actor,
        pid,
        &crate::clients::read::ClientQuery::Everyone,
        page,
    )
    .await?;
    Ok(Json(ListOut {
        items: listed.items.iter().map(ClientOut::from_model).collect(),
        total: listed.total,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProxyIn {
    pub name: String,
    pub relation: String,
    /// An address for emails and for choosing a password through a single-use link.
    pub email: Option<String>,
    /// For strong identification; stored encrypted, never echoed.
    pub personal_id: Option<String>,
    /// The last day the mandate holds (`YYYY-MM-DD`); none: until revoked.
    pub valid_until: Option<String>,
    /// The user id of an existing person, after the case worker was shown who they are
    /// (a 409 `existing_person` names them).
    pub confirm_existing: Option<String>,
    /// Refused: a case worker never sets anyone's password.
    pub password: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProxyOut {
    /// The proxy's user id.
    pub id: UserId,
    pub name: String,
    pub email: Option<String>,
    pub relation: String,
    pub client_id: ClientId,
    pub mandate_id: MandateId,
    pub valid_until: Option<chrono::NaiveDate>,
}

/// The 409 that shows the case worker whom the email or identity code already belongs to.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExistingPersonOut {
    pub error: crate::error::ErrorDetail,
    pub existing: ExistingPerson,
}

impl ProxyIn {
    pub fn request(&self) -> MandateRequest {
        MandateRequest {
            name: self.name.clone(),
            relation: self.relation.clone(),
            email: self.email.clone(),
            personal_id: self.personal_id.clone(),
            valid_until: self.valid_until.clone(),
            confirm_existing: self.confirm_existing.clone(),
            password: self.password.clone(),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/clients/{cid}/proxies", tag = "clients", params(("cid" = uuid::Uuid, Path, description = "the client")), request_body = ProxyIn,
    responses((status = 201, body = ProxyOut),
        (status = 409, description = "the person exists: confirm with `confirm_existing`", body = ExistingPersonOut),
        (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn add_proxy(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
    ApiJson(input): ApiJson<ProxyIn>,
) -> AppResult<Response> {
    match grant::grant(&state, &actor, cid, &input.request()).await? {
        Granted::Done { mandate, proxy } => Ok((
            StatusCode::CREATED,
            Json(ProxyOut {
                id: proxy.id.into(),
                name: proxy.name,
                email: proxy.email,
                relation: mandate.relation,
                client_id: cid,
                mandate_id: mandate.id.into(),
                valid_until: mandate.valid_until,
            }),
        )
            .into_response()),
        Granted::Confirm(existing) => Ok((
            StatusCode::CONFLICT,
            Json(ExistingPersonOut {
                error: crate::error::ErrorDetail {
                    code: "existing_person".into(),
                    message: "this email or identity code belongs to a person already; \
                              check who it is and confirm with confirm_existing"
                        .into(),
                    fields: [("confirm_existing".to_owned(), existing.user_id.to_string())].into(),
                },
                existing,
            }),
        )
            .into_response()),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MandateListOut {
    pub items: Vec<MandateView>,
}

#[utoipa::path(get, path = "/api/v1/clients/{cid}/proxies", tag = "clients", params(("cid" = uuid::Uuid, Path, description = "the client")),
    responses((status = 200, body = MandateListOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list_proxies(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
) -> AppResult<Json<MandateListOut>> {
    let items = mandates::for_client(&state, &actor, cid).await?;
    Ok(Json(MandateListOut { items }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct RevokeIn {
    pub reason: String,
}

#[utoipa::path(post, path = "/api/v1/mandates/{id}/revoke", tag = "clients", params(("id" = uuid::Uuid, Path, description = "the mandate")), request_body = RevokeIn,
    responses((status = 200, body = MandateView), (status = 404, body = crate::error::ErrorBody),
        (status = 409, body = crate::error::ErrorBody)))]
pub async fn revoke_mandate(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<MandateId>,
    ApiJson(input): ApiJson<RevokeIn>,
) -> AppResult<Json<MandateView>> {
    Ok(Json(
        revoke::revoke(&state, &actor, id, &input.reason).await?,
    ))
}
