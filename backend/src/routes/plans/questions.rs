//! The support plan's questions, for anyone.
use axum::Json;
use serde::Serialize;

use crate::plans::questions::{QUESTIONS, Question};

#[derive(Serialize, utoipa::ToSchema)]
pub struct QuestionsOut {
    pub items: Vec<Question>,
}

#[utoipa::path(get, path = "/api/v1/plan-questions", tag = "plans",
    responses((status = 200, body = QuestionsOut)))]
pub async fn list() -> Json<QuestionsOut> {
    Json(QuestionsOut {
        items: QUESTIONS.to_vec(),
    })
}
