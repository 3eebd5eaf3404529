//! Small reads the notifications share: names in the addressee's language, money and
//! quantities as the emails crate wants them.
use crate::domain::ids::CommitmentId;
use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::de::DeserializeOwned;
use valinta_emails::Lang;

use crate::{
    db::entities::{commitment, offering, provider, purchaser, service},
    domain::{
        Money, Quantity,
        ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
};

pub fn euros(money: Money) -> Decimal {
    Decimal::new(money.cents(), 2)
}

pub fn quantity(quantity: Quantity) -> Decimal {
    Decimal::new(quantity.milli(), 3).normalize()
}

/// A localised text object (`{"fi": …, "sv": …, "en": …}`) in `lang`, else Finnish.
pub fn text_in(json: &serde_json::Value, lang: Lang) -> String {
    json.get(lang.code())
        .and_then(|v| v.as_str())
        .filter(|s| !s.trim().is_empty())
        .or_else(|| json.get("fi").and_then(|v| v.as_str()))
        .unwrap_or_default()
        .to_owned()
}

/// A vocabulary word stored as text ("voucher") as the emails crate's enum.
pub fn word<T: DeserializeOwned>(raw: &str) -> AppResult<T> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).map_err(AppError::internal)
}

pub async fn offering(conn: &impl ConnectionTrait, id: OfferingId) -> AppResult<offering::Model> {
    offering::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("notification: offering missing"))
}

/// The offering a commitment is for.
pub async fn offering_of_commitment(
    conn: &impl ConnectionTrait,
    commitment: CommitmentId,
) -> AppResult<offering::Model> {
    let offering_id = commitment::Entity::find_by_id(commitment)
        .one(conn)
        .await?
        .map(|c| c.offering_id)
        .ok_or_else(|| AppError::internal("notification: commitment missing"))?;
    offering(conn, offering_id).await
}

/// What a commitment buys: its offering, and the catalogue unit ("hour") it is sold in.
pub async fn bought(
    conn: &impl ConnectionTrait,
    commitment: CommitmentId,
) -> AppResult<(offering::Model, String)> {
    let offering = offering_of_commitment(conn, commitment).await?;
    let unit = service::Entity::find_by_id(offering.service_id)
        .one(conn)
        .await?
        .map(|s| s.unit.to_string())
        .unwrap_or_default();
    Ok((offering, unit))
}

pub async fn provider_name(conn: &impl ConnectionTrait, id: ProviderId) -> AppResult<String> {
    Ok(provider::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(|p| p.name)
        .unwrap_or_default())
}

pub async fn purchaser(
    conn: &impl ConnectionTrait,
    id: PurchaserId,
) -> AppResult<purchaser::Model> {
    purchaser::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("notification: purchaser missing"))
}

/// The names of catalogue services, in `lang`, in the order given.
pub async fn service_names(
    conn: &impl ConnectionTrait,
    ids: &[ServiceId],
    lang: Lang,
) -> AppResult<Vec<String>> {
    let mut names = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(s) = service::Entity::find_by_id(*id).one(conn).await? {
            names.push(text_in(&s.name, lang));
        }
    }
    Ok(names)
}
