//! The personal budget plans area: from a need to a decision within three months, and goals
//! that are followed. A case worker opens a plan ([`open`]); the client, her proxy or the
//! case worker write the support plan in her words ([`answers`], the questions in
//! [`questions`]) and her goals ([`goals`], [`evaluations`]); the case worker prices it
//! ([`budget`]) and decides ([`decision`], granting through `allocations::grant`); the
//! spending pace follows ([`pace`]), and the case worker's caseload lists the plans
//! ([`caseload`]); a plan ends with a reason ([`close`]); the purchaser's figures are in
//! [`report`]. Who may read and write is decided in [`access`]; the read model is in
//! [`read`]; commitments name the goals they serve through [`links`]. The emails a plan
//! causes are written by `notify::plans`. `routes/` and `web/` are thin adapters over these.
pub mod access;
pub mod answers;
pub mod budget;
pub mod caseload;
pub mod close;
pub mod decision;
pub mod decision_text;
pub mod evaluations;
pub mod goals;
pub mod links;
pub mod open;
pub mod pace;
pub mod pages;
pub mod questions;
pub mod read;
pub mod report;

use sea_orm::DbErr;

use crate::{
    domain::{catalogue::PlanStatus, ids::PlanId},
    error::AppError,
};

pub use read::PlanView;

/// Why a plan operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("plan not found")]
    NotFound,
    #[error("goal not found")]
    GoalNotFound,
    #[error("{field} {message}")]
    Invalid { field: String, message: String },
    #[error("only a case worker of the client's purchaser may {0}")]
    CaseWorkerOnly(&'static str),
    #[error("the plan is already decided")]
    AlreadyDecided,
    #[error("the plan is {status}: it cannot be changed so")]
    WrongStatus { status: PlanStatus },
    /// Another decision of the same purchaser took the number at the same moment; nothing
    /// was written, and sending the decision again gives it the next number.
    #[error("another decision took this decision number just now; send the decision again")]
    NumberTaken,
    /// A client has one draft at a time: a second "open" (a repeated submit, a second case
    /// worker at the same moment) points to the draft there is instead of starting another.
    #[error("the client already has a draft plan ({0}); continue that one")]
    DraftExists(PlanId),
    /// Access refused by another area, or a failure on our side.
    #[error(transparent)]
    App(#[from] AppError),
}

pub type PlanResult<T> = Result<T, PlanError>;

/// A 422 naming `field`.
pub(crate) fn invalid(field: impl Into<String>, message: impl ToString) -> PlanError {
    PlanError::Invalid {
        field: field.into(),
        message: message.to_string(),
    }
}

impl From<DbErr> for PlanError {
    fn from(err: DbErr) -> Self {
        PlanError::App(err.into())
    }
}

impl From<PlanError> for AppError {
    fn from(err: PlanError) -> Self {
        match err {
            PlanError::NotFound => AppError::not_found("plan"),
            PlanError::GoalNotFound => AppError::not_found("goal"),
            PlanError::Invalid { field, message } => AppError::invalid(&field, message),
            PlanError::CaseWorkerOnly(_) => AppError::forbidden(err.to_string()),
            PlanError::AlreadyDecided => AppError::conflict("already_decided", err.to_string()),
            PlanError::WrongStatus { .. } => AppError::conflict("wrong_status", err.to_string()),
            PlanError::NumberTaken => AppError::conflict("decision_number_taken", err.to_string()),
            PlanError::DraftExists(_) => AppError::conflict("plan_draft_exists", err.to_string()),
            PlanError::App(e) => e,
        }
    }
}
