//! The catalogue's operations over time: adding an entry ([`create`], from [`input`]),
//! editing it (names and rulebook at once, money terms from a date, [`edit`]), archiving it
//! ([`archive`]), the terms in force on any date ([`terms`], what the ledger asks), the
//! income-related voucher value with its plain-language explanation ([`income`],
//! [`explain`]), what a new decision must give ([`decision`]), and an entry as readers see
//! it ([`view`]). `routes/` and `web/` are thin adapters over these.
pub mod archive;
pub mod create;
pub mod decision;
pub mod edit;
pub mod explain;
pub mod income;
pub mod input;
pub mod listing;
pub mod terms;
pub mod view;

use sea_orm::{DbErr, EntityTrait, QuerySelect};

use crate::{
    auth::Actor,
    db::{Db, WriteTx, entities::service},
    domain::{catalogue::Role, ids::ServiceId},
    error::AppError,
};

/// Why a catalogue operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("service not found")]
    NotFound,
    #[error("the service is archived: no new offerings or commitments")]
    Archived,
    #[error("{field} {message}")]
    Invalid { field: String, message: String },
    /// Fields that are wrong together (both or neither of two alternatives).
    #[error("{message}")]
    InvalidTogether {
        fields: Vec<&'static str>,
        message: String,
    },
    #[error("this service has no income-related voucher value")]
    NoIncomeRule,
    /// Access refused, or a failure on our side.
    #[error(transparent)]
    App(#[from] AppError),
}

pub type CatalogueResult<T> = Result<T, CatalogueError>;

pub(crate) fn invalid(field: impl Into<String>, message: impl ToString) -> CatalogueError {
    CatalogueError::Invalid {
        field: field.into(),
        message: message.to_string(),
    }
}

impl From<DbErr> for CatalogueError {
    fn from(err: DbErr) -> Self {
        CatalogueError::App(err.into())
    }
}

impl From<CatalogueError> for AppError {
    fn from(err: CatalogueError) -> Self {
        match err {
            CatalogueError::NotFound => AppError::not_found("service"),
            CatalogueError::Archived => AppError::conflict("service_archived", err.to_string())
                .with_field("service_id", "is archived"),
            CatalogueError::Invalid { field, message } => AppError::invalid(&field, message),
            CatalogueError::InvalidTogether { fields, message } => {
                let mut error =
                    AppError::invalid(fields.first().copied().unwrap_or("body"), &message);
                for field in fields.iter().skip(1) {
                    error = error.with_field(field, &message);
                }
                error.message = message;
                error
            }
            CatalogueError::NoIncomeRule => AppError::conflict("no_income_rule", err.to_string()),
            CatalogueError::App(e) => e,
        }
    }
}

/// The service row, held until the transaction ends (a row lock on PostgreSQL; SQLite
/// serializes writes), so changes to one entry happen one at a time.
pub(crate) async fn lock_service(
    db: &Db,
    tx: &WriteTx,
    id: ServiceId,
) -> Result<Option<service::Model>, DbErr> {
    let mut query = service::Entity::find_by_id(id);
    if db.is_postgres() {
        query = query.lock_exclusive();
    }
    query.one(&**tx).await
}

/// The catalogue manager of the service's purchaser may change it; another purchaser's
/// staff get 404 (as if it did not exist), anyone else 403.
pub(crate) fn require_manager(actor: &Actor, model: &service::Model) -> CatalogueResult<()> {
    actor.require_staff_for(model.purchaser_id, Role::CatalogueManager, "service")?;
    Ok(())
}
