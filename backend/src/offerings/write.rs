//! Creating, changing and archiving offerings (the provider's staff only): the rules that
//! an offering needs an approval, stays under the price cap and inside the purchaser's area.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

use crate::{
    auth::Actor,
    clients::area::municipalities_of,
    db::entities::{approval, offering, service},
    db::{Db, json::to_json},
    domain::{
        ids::{OfferingId, ProviderId},
        today_in_finland,
    },
    error::{AppError, AppResult},
    outbox::{self, Topic},
    prices::{
        self,
        change::{self, PriceChange},
    },
};

use super::{OfferingIn, OfferingPatch, input};

/// A new offering of the actor's own provider, for a catalogue service it is approved for.
pub async fn create(
    db: &Db,
    actor: &Actor,
    provider: ProviderId,
    raw: OfferingIn,
) -> AppResult<offering::Model> {
    actor.require_provider(provider, "provider")?;
    let conn = &db.conn;
    let service = service::Entity::find_by_id(raw.service_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("service_id", "is not a known catalogue service"))?;
    // An archived catalogue entry takes no new offerings (409 `service_archived`).
    crate::catalogue::archive::check_open(&service).map_err(AppError::from)?;
    let title = input::title(raw.title)?;
    let description = input::description(raw.description)?;
    let unit_price = input::unit_price(&raw.unit_price, &service)?;
    let area = municipalities_of(conn, service.purchaser_id).await?;
    let municipalities = input::municipalities(&raw.municipalities, &area)?;
    let languages = input::languages(&raw.languages)?;
    let accessibility = input::accessibility(&raw.accessibility);
    let address = input::address(raw.address.as_deref())?;
    let location = input::location(raw.location)?;
    let approved = approval::Entity::find_by_id((provider, service.id))
        .one(conn)
        .await?;
    if approved.is_none() {
        return Err(AppError::conflict(
            "not_approved",
            "the provider is not approved for this service; apply to the purchaser first",
        ));
    }
    let now = Utc::now();
    let tx = db.begin_write().await?;
    let model = offering::ActiveModel {
        id: Set(OfferingId::new()),
        provider_id: Set(provider),
        service_id: Set(service.id),
        purchaser_id: Set(service.purchaser_id),
        title: Set(to_json(&title)?),
        description: Set(to_json(&description)?),
        unit_price: Set(unit_price),
        municipalities: Set(to_json(&municipalities)?),
        languages: Set(to_json(&languages)?),
        accessibility: Set(to_json(&accessibility)?),
        address: Set(address),
        lat: Set(location.map(|l| l.lat)),
        lon: Set(location.map(|l| l.lon)),
        archived: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&*tx)
    .await?;
    prices::change::first_version(
        model.id,
        unit_price,
        today_in_finland(),
        Some(actor.user_id),
    )
    .insert(&*tx)
    .await?;
    outbox::enqueue(&*tx, Topic::SearchOffering, model.id).await?;
    tx.commit().await?;
    Ok(model)
}

async fn own_offering(db: &Db, actor: &Actor, id: OfferingId) -> AppResult<offering::Model> {
    let model = offering::Entity::find_by_id(id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    actor.require_provider(model.provider_id, "offering")?;
    Ok(model)
}

/// What the patch sends changes, the rest stays; a new price may take effect later.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: OfferingId,
    patch: OfferingPatch,
) -> AppResult<offering::Model> {
    let current = own_offering(db, actor, id).await?;
    if current.archived {
        return Err(AppError::conflict(
            "wrong_status",
            "the offering is archived",
        ));
    }
    let conn = &db.conn;
    let service = service::Entity::find_by_id(current.service_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("offering without service"))?;
    let today = today_in_finland();
    let price_change = patch
        .unit_price
        .as_ref()
        .map(|raw| -> AppResult<PriceChange> {
            Ok(PriceChange {
                unit_price: input::unit_price(raw, &service)?,
                valid_from: change::parse_valid_from(patch.valid_from.as_deref(), today)?,
            })
        })
        .transpose()?;
    if price_change.is_none() && patch.valid_from.is_some() {
        return Err(AppError::invalid(
            "valid_from",
            "goes with a new unit_price: the day the price changes",
        ));
    }
    let mut active = current.clone().into_active_model();
    if let Some(raw) = patch.title {
        active.title = Set(to_json(&input::title(raw)?)?);
    }
    if let Some(raw) = patch.description {
        active.description = Set(to_json(&input::description(raw)?)?);
    }
    if let Some(raw) = &patch.municipalities {
        let area = municipalities_of(conn, service.purchaser_id).await?;
        active.municipalities = Set(to_json(&input::municipalities(raw, &area)?)?);
    }
    if let Some(raw) = &patch.languages {
        active.languages = Set(to_json(&input::languages(raw)?)?);
    }
    if let Some(raw) = &patch.accessibility {
        active.accessibility = Set(to_json(&input::accessibility(raw))?);
    }
    if patch.address.is_some() {
        active.address = Set(input::address(patch.address.as_deref())?);
    }
    if let Some(location) = input::location(patch.location)? {
        active.lat = Set(Some(location.lat));
        active.lon = Set(Some(location.lon));
    }
    active.updated_at = Set(Utc::now());
    let tx = db.begin_write().await?;
    let mut updated = active.update(&*tx).await?;
    if let Some(change) = price_change {
        updated = change::apply(&*tx, updated, change, today, actor).await?;
    }
    outbox::enqueue(&*tx, Topic::SearchOffering, updated.id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Archived: gone from search and pages, kept for the deliveries that name it.
pub async fn archive(db: &Db, actor: &Actor, id: OfferingId) -> AppResult<offering::Model> {
    let current = own_offering(db, actor, id).await?;
    let mut active = current.into_active_model();
    active.archived = Set(true);
    active.updated_at = Set(Utc::now());
    let tx = db.begin_write().await?;
    let updated = active.update(&*tx).await?;
    outbox::enqueue(&*tx, Topic::SearchOffering, updated.id).await?;
    tx.commit().await?;
    Ok(updated)
}
