//! JSON columns: what this program wrote it reads back; a mismatch is our bug, not the user's.
use serde::{Serialize, de::DeserializeOwned};

use crate::error::{AppError, AppResult};

/// Reads a JSON column written by this program.
pub fn from_json<T: DeserializeOwned>(value: &serde_json::Value) -> AppResult<T> {
    serde_json::from_value(value.clone())
        .map_err(|e| AppError::internal(format!("stored JSON: {e}")))
}

/// The JSON a column stores for this value.
pub fn to_json<T: Serialize>(value: &T) -> AppResult<serde_json::Value> {
    serde_json::to_value(value).map_err(AppError::internal)
}
