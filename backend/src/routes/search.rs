//! `GET /api/v1/search`: the offerings searched (see `offerings::search`, which the portal
//! uses too).
use axum::{Json, extract::State};

use crate::{
    auth::address::ClientAddress, error::AppResult, routes::extract::ApiQuery, state::AppState,
};

pub use crate::offerings::search::{
    Location, SearchFacets, SearchHit, SearchOut, SearchParams, SearchRating, parse,
};

#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchParams),
    responses((status = 200, body = SearchOut), (status = 400, body = crate::error::ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> AppResult<Json<SearchOut>> {
    Ok(Json(
        crate::offerings::search::run(&state, address, &params).await?,
    ))
}
