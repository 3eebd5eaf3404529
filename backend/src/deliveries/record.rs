//! Recording a delivery as the API, the portal's form and API keys send it: the typed-in
//! values parsed (each error naming its field), the commitment's provider checked, then
//! the ledger records it.
use sea_orm::EntityTrait;

use crate::{
    auth::Actor,
    db::{Db, entities::commitment},
    domain::{Money, Quantity, day::parse_day, ids::CommitmentId, text::parse_text},
    error::{AppError, AppResult, field},
    ledger::deliveries::{self, NewDelivery, Recorded},
};

/// A delivery as typed or sent: text, not yet parsed.
pub struct DeliveryText<'a> {
    pub date: &'a str,
    pub quantity: &'a str,
    pub unit_price: &'a str,
    /// The provider's own reference: unique per provider, makes resending safe.
    pub reference: &'a str,
}

/// Parses a delivery for `commitment`; the first bad field is named.
pub fn parse(commitment: CommitmentId, text: &DeliveryText<'_>) -> AppResult<NewDelivery> {
    Ok(NewDelivery {
        commitment,
        date: field("date", parse_day(text.date))?,
        quantity: field("quantity", Quantity::parse(text.quantity))?,
        unit_price: field("unit_price", Money::parse_positive(text.unit_price))?,
        reference: field("reference", parse_text(text.reference, 100))?,
    })
}

/// Records a delivery on a commitment of the actor's own provider (anyone else: 404).
pub async fn record(
    db: &Db,
    actor: &Actor,
    commitment: CommitmentId,
    text: &DeliveryText<'_>,
) -> AppResult<Recorded> {
    let found = commitment::Entity::find_by_id(uuid::Uuid::from(commitment))
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    let provider = found.provider_id;
    actor.require_provider(provider, "commitment")?;
    let new = parse(commitment, text)?;
    deliveries::record_on(db, provider, &found, new, actor).await
}
