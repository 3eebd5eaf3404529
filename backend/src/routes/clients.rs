//! Clients and their proxies, created by a case worker of the purchaser. The identity
//! code is stored encrypted and only ever shown masked; every read is audit-logged.
use axum::{
    Json,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};

pub use crate::clients::read::ClientOut;
use crate::{
    accounts::links,
    auth::Actor,
    domain::ids::{ClientId, MandateId, PurchaserId, UserId},
    error::AppResult,
    mandates::{
        self, MandateView,
        grant::{self, ExistingPerson, Granted, MandateRequest},
        revoke,
    },
    routes::{
        common::ListOut,
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
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
    // Who may add clients is asked first, as before anything else is read.
    actor.require_staff(pid, crate::domain::catalogue::Role::CaseWorker)?;
    if input.password.is_some() {
        return Err(links::not_set_by_staff());
    }
    let typed = crate::clients::create::ClientText {
        name: &input.name,
        personal_id: &input.personal_id,
        municipality: &input.municipality,
        email: input.email.as_deref(),
    };
    let model = crate::clients::create::create(&state, &actor, pid, &typed).await?;
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
                id: proxy.id,
                name: proxy.name,
                email: proxy.email,
                relation: mandate.relation,
                client_id: cid,
                mandate_id: mandate.id,
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
