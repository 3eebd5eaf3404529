//! Opening late recording on a commitment: a case worker or finance of its purchaser lets
//! the provider record deliveries older than the recording window, until a day.
use axum::{Json, extract::State};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    domain::ids::CommitmentId,
    error::AppResult,
    late_recording,
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LateRecordingIn {
    /// The last day (inclusive) the provider may record late deliveries on this commitment.
    pub until: String,
    /// Why: kept with the opening and in the audit log.
    pub reason: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct LateRecordingOut {
    pub commitment_id: CommitmentId,
    pub until: NaiveDate,
    pub reason: String,
    pub opened_at: chrono::DateTime<Utc>,
}

#[utoipa::path(post, path = "/api/v1/commitments/{id}/late-recording", tag = "commitments",
    params(("id" = uuid::Uuid, Path, description = "the commitment")),
    request_body = LateRecordingIn,
    responses((status = 200, body = LateRecordingOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn open(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
    ApiJson(input): ApiJson<LateRecordingIn>,
) -> AppResult<Json<LateRecordingOut>> {
    let row =
        late_recording::open_as_asked(&state.db, &actor, id, &input.until, &input.reason).await?;
    Ok(Json(LateRecordingOut {
        commitment_id: id,
        until: row.until,
        reason: row.reason,
        opened_at: row.created_at,
    }))
}
