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
