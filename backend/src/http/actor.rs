//! Who is asking, read from the request: the actor behind `Authorization: Bearer <token>`
//! (a sign-in token or a provider's API key, see `auth::api_key`), the optional actor of
//! public endpoints, and the client's network address for limits on anonymous requests.
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts, MatchedPath},
    http::{header, request::Parts},
};

use crate::{
    auth::{Actor, MaybeActor, address::ClientAddress, api_key},
    error::AppError,
    state::AppState,
};

impl FromRequestParts<AppState> for Actor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let header = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(AppError::unauthorized)?;
        let token = header
            .strip_prefix("Bearer ")
            .map(str::trim)
            .ok_or_else(AppError::unauthorized)?;
        if api_key::is_key(token) {
            let route = parts
                .extensions
                .get::<MatchedPath>()
                .map(MatchedPath::as_str);
            return api_key::actor_for(&state.db, token, &parts.method, route).await;
        }
        Actor::from_token(&state.db, token).await
    }
}

impl FromRequestParts<AppState> for MaybeActor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if parts.headers.get(header::AUTHORIZATION).is_none() {
            return Ok(MaybeActor(None));
        }
        Actor::from_request_parts(parts, state)
            .await
            .map(|a| MaybeActor(Some(a)))
    }
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if state.config.access.trust_forwarded_for
            && let Some(forwarded) = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<IpAddr>().ok())
                .collect::<Vec<_>>()
                .pop()
        {
            return Ok(ClientAddress(forwarded));
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            // Served without connection info (an in-process test): one shared bucket.
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        Ok(ClientAddress(peer))
    }
}
