//! Clients and their proxies, created by a case worker of the purchaser. The identity
//! code is stored encrypted and only ever shown masked; every read is audit-logged.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use crate::{
    audit::{self, AuditEvent},
    auth::{Actor, access, password},
    db::entities::{client, mandate},
    domain::{
        EmailAddress, Municipality, PersonalId,
        catalogue::Role,
        ids::{ClientId, MandateId, PurchaserId, UserId},
        text::parse_text,
    },
    error::{AppError, AppResult, field},
    routes::{
        common::{ListOut, fetch_page},
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
    pub email: Option<String>,
    pub password: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ClientOut {
    pub id: ClientId,
    pub purchaser_id: PurchaserId,
    pub name: String,
    /// Masked: birth date and check character only, like `010190-***A`.
    pub personal_id: String,
    pub municipality: String,
    pub email: Option<String>,
}

impl ClientOut {
    pub fn from_model(model: &client::Model) -> Self {
        ClientOut {
            id: model.id.into(),
            purchaser_id: model.purchaser_id.into(),
            name: model.name.clone(),
            personal_id: model.personal_id_masked.clone(),
            municipality: model.municipality.clone(),
            email: model.email.clone(),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/purchasers/{pid}/clients", tag = "clients", request_body = ClientIn,
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
    let login = match (&email, &input.password) {
        (Some(email), Some(password)) => {
            password::check_strength(password)?;
            Some((email.clone(), password::hash(password).await?))
        }
        (None, Some(_)) => {
            return Err(AppError::invalid(
                "email",
                "is needed for the client to sign in",
            ));
        }
        _ => None,
    };
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
        email: Set(email.map(|e| e.as_str().to_owned())),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await?;
    if let Some((email, password_hash)) = login {
        let new = NewUser {
            email: Some(email),
            password_hash: Some(password_hash),
            name,
            roles: vec![Role::Client],
            purchaser: None,
            provider: None,
            client: Some(id),
        };
        users::insert(&*tx, new).await?;
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

#[utoipa::path(get, path = "/api/v1/clients/{cid}", tag = "clients",
    responses((status = 200, body = ClientOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
) -> AppResult<Json<ClientOut>> {
    let (model, acting) = access::load_client(&state.db.conn, &actor, cid).await?;
    audit::record(
        &state.db.conn,
        Some(&actor),
        Some(acting),
        AuditEvent {
            action: "client_read",
            subject_type: "client",
            subject_id: cid.to_string(),
            client: Some(cid),
            detail: None,
        },
    )
    .await?;
    Ok(Json(ClientOut::from_model(&model)))
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/clients", tag = "clients", params(PageQuery),
    responses((status = 200, body = ListOut<ClientOut>)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ClientOut>>> {
    actor.require_staff(pid, Role::CaseWorker)?;
    let page = query.parse()?;
    let select = client::Entity::find()
        .filter(client::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .order_by_asc(client::Column::Name);
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    let tx = state.db.begin_write().await?;
    for model in &models {
        audit::record(
            &*tx,
            Some(&actor),
            None,
            AuditEvent {
                action: "client_listed",
                subject_type: "client",
                subject_id: model.id.to_string(),
                client: Some(model.id.into()),
                detail: None,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Json(ListOut {
        items: models.iter().map(ClientOut::from_model).collect(),
        total,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProxyIn {
    pub name: String,
    pub email: String,
    pub password: String,
    pub relation: String,
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
}

#[utoipa::path(post, path = "/api/v1/clients/{cid}/proxies", tag = "clients", request_body = ProxyIn,
    responses((status = 201, body = ProxyOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn add_proxy(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
    ApiJson(input): ApiJson<ProxyIn>,
) -> AppResult<(StatusCode, Json<ProxyOut>)> {
    let (client, acting) = access::load_client(&state.db.conn, &actor, cid).await?;
    if acting != access::ActingFor::CaseWorker {
        return Err(AppError::forbidden(
            "only a case worker may record a mandate",
        ));
    }
    let name = field("name", parse_text(&input.name, 200))?;
    let email = field("email", EmailAddress::parse(&input.email))?;
    let relation = field("relation", parse_text(&input.relation, 100))?;
    let tx = state.db.begin_write().await?;
    // A proxy may act for several clients: an existing proxy account gets one more mandate.
    let user = match users::find_by_email(&*tx, email.as_str()).await? {
        Some(existing) if Actor::from_user(&existing).has(Role::Proxy) => existing,
        Some(_) => {
            return Err(AppError::conflict(
                "duplicate",
                "email is in use by another kind of account",
            )
            .with_field("email", "is in use by another kind of account"));
        }
        None => {
            password::check_strength(&input.password)?;
            let hash = password::hash(&input.password).await?;
            let new = NewUser {
                email: Some(email),
                password_hash: Some(hash),
                name,
                roles: vec![Role::Proxy],
                purchaser: None,
                provider: None,
                client: None,
            };
            users::insert(&*tx, new).await?
        }
    };
    let mandate_id = MandateId::new();
    mandate::ActiveModel {
        id: Set(mandate_id.into()),
        proxy_user_id: Set(user.id),
        client_id: Set(client.id),
        relation: Set(relation.clone()),
        created_by: Set(actor.user_id.into()),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        valid_until: Set(None),
        revoked_by: Set(None),
        revoke_reason: Set(None),
    }
    .insert(&*tx)
    .await
    .map_err(|e| AppError::from_unique(e, "email", "already holds a mandate for this client"))?;
    audit::record(
        &*tx,
        Some(&actor),
        None,
        AuditEvent {
            action: "mandate_created",
            subject_type: "client",
            subject_id: cid.to_string(),
            client: Some(cid),
            detail: Some(serde_json::json!({"proxy_user_id": user.id, "relation": relation})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(ProxyOut {
            id: user.id.into(),
            name: user.name,
            email: user.email,
            relation,
            client_id: cid,
            mandate_id,
        }),
    ))
}
