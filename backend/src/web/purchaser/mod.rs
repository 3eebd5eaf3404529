//! Pages for a purchaser's staff: the catalogue, each entry's terms over time, and
//! provider applications (catalogue managers); clients, decisions, their commitments (with
//! late recording) and ledger, and disputes (case workers);
//! settlement and money reports (finance); closing a plan (case workers) and the plans
//! report (case workers and finance); late recording of deliveries (all staff;
//! finance and catalogue managers set the days).
pub mod allocations;
pub mod applications;
pub mod catalogue;
pub mod catalogue_entry;
pub mod catalogue_form;
pub mod clients;
pub mod decision_form;
pub mod demand_gaps;
pub mod disputes;
pub mod finance;
pub mod late_recording;
pub mod mandate_end;
pub mod plan_close;
pub mod plan_report;
pub mod plans;
pub mod recording;
pub mod reviews;
pub mod settlement;
pub mod settlement_preview;
pub mod terms_view;

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::{AppError, AppResult},
    web::session::Web,
};

/// The signed-in staff member and their purchaser; the role each action needs is
/// checked by the API handler it calls.
pub fn staff(web: &Web) -> AppResult<(Actor, PurchaserId)> {
    let actor = web.signed_in()?;
    actor
        .purchaser_id
        .map(|p| (actor.clone(), p))
        .ok_or_else(|| AppError::forbidden("these pages are for a purchaser's staff"))
}
