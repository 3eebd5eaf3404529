//! Small helpers shared by the handlers: list envelopes and reading JSON columns.
use serde::{Serialize, de::DeserializeOwned};

use crate::error::{AppError, AppResult};

/// The list envelope of the contract: `{"items": [...], "total": N}`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ListOut<T> {
    pub items: Vec<T>,
    pub total: u64,
}

/// Reads a JSON column written by this program; a mismatch is our bug, not the user's.
pub fn from_json<T: DeserializeOwned>(value: &serde_json::Value) -> AppResult<T> {
    serde_json::from_value(value.clone())
        .map_err(|e| AppError::internal(format!("stored JSON: {e}")))
}

pub fn to_json<T: Serialize>(value: &T) -> AppResult<serde_json::Value> {
    serde_json::to_value(value).map_err(AppError::internal)
}

/// One page of a query and the total count of all its rows, for the list envelope.
pub async fn fetch_page<E>(
    conn: &sea_orm::DatabaseConnection,
    select: sea_orm::Select<E>,
    page: crate::routes::extract::Page,
) -> AppResult<(Vec<E::Model>, u64)>
where
    E: sea_orm::EntityTrait,
    E::Model: sea_orm::FromQueryResult + Send + Sync,
{
    let paged = crate::paging::fetch(conn, select, page).await?;
    Ok((paged.items, paged.total))
}

// The routing fields of a PATCH are parsed where routing lives.
pub use crate::settlement::routing::patch as routing_patch;
