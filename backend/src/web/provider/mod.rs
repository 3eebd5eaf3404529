//! Pages for a provider's staff: the profile, applications to purchasers, offerings (and
//! their prices over time), incoming commitments, recording and voiding deliveries,
//! uploading a file of them, disputes about them, the API keys of the provider's sites, and
//! the monthly statement.
pub mod api_keys;
pub mod applications;
pub mod commitments;
pub mod deliveries;
pub mod disputes;
pub mod offerings;
pub mod prices;
pub mod profile;
pub mod reviews;
pub mod statement;
pub mod upload;
pub mod void;

use crate::{
    auth::Actor,
    domain::{catalogue::Role, ids::ProviderId},
    error::{AppError, AppResult},
    web::session::Web,
};

/// The signed-in provider staff member and their provider.
pub fn staff(web: &Web) -> AppResult<(Actor, ProviderId)> {
    let actor = web.signed_in()?;
    match actor.provider_id {
        Some(id) if actor.has(Role::ProviderStaff) => Ok((actor.clone(), id)),
        _ => Err(AppError::forbidden(
            "these pages are for a provider's staff",
        )),
    }
}
