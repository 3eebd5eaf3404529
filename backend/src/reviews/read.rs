//! Reading reviews: public lists per offering and per provider, newest first, with the
//! rating summary; one review, as the reader may see it; and a client's own reviews
//! (audited, as client data). The API and the portal read through these.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    audit::{self, AuditEvent},
    auth::{Actor, access},
    db::{
        Db,
        entities::{offering, provider, review},
    },
    domain::{
        LocalizedText,
        ids::{ClientId, OfferingId, ProviderId, ReviewId},
    },
    error::{AppError, AppResult},
    paging::{self, Page, Paged},
    reviews::{self, moderation, ratings},
};

use super::view::{RatingOut, ReviewOut};

/// A page of reviews with the rating summary over all of them.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReviewsOut {
    pub items: Vec<ReviewRowOut>,
    pub total: u64,
    pub rating: RatingOut,
}

/// A review with the offering it is about, for lists that span offerings.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReviewRowOut {
    #[serde(flatten)]
    pub review: ReviewOut,
    pub offering_title: LocalizedText,
    pub provider_name: String,
}

/// Rows for these reviews with their offerings' titles and providers' names.
async fn rows(
    conn: &impl ConnectionTrait,
    models: &[review::Model],
    view: fn(&review::Model) -> ReviewOut,
) -> AppResult<Vec<ReviewRowOut>> {
    let offerings: HashMap<OfferingId, offering::Model> = offering::Entity::find()
        .filter(offering::Column::Id.is_in(models.iter().map(|r| r.offering_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let providers =
        crate::db::provider_names::names_by_id(conn, models.iter().map(|r| r.provider_id)).await?;
    models
        .iter()
        .map(|m| {
            let offering = offerings
                .get(&m.offering_id)
                .ok_or_else(|| AppError::internal("review without offering"))?;
            Ok(ReviewRowOut {
                review: view(m),
                offering_title: serde_json::from_value(offering.title.clone())
                    .map_err(AppError::internal)?,
                provider_name: providers.get(&m.provider_id).cloned().unwrap_or_default(),
            })
        })
        .collect()
}

/// Rows as a moderator sees them (with status and the reason for hiding).
pub async fn rows_for_moderator(
    conn: &impl ConnectionTrait,
    models: &[review::Model],
) -> AppResult<Vec<ReviewRowOut>> {
    rows(conn, models, ReviewOut::for_moderator).await
}

/// The public reviews of an offering. An archived offering's reviews are read only by its
/// own provider; for anyone else it does not exist.
pub async fn for_offering(
    db: &Db,
    actor: Option<&Actor>,
    id: OfferingId,
    page: Page,
) -> AppResult<ReviewsOut> {
    let conn = &db.conn;
    let model = offering::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    let own = actor.is_some_and(|a| a.provider_id == Some(model.provider_id));
    if model.archived && !own {
        return Err(AppError::not_found("offering"));
    }
    let select = review::Entity::find()
        .filter(review::Column::OfferingId.eq(model.id))
        .filter(review::Column::HiddenAt.is_null())
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    let listed = paging::fetch(conn, select, page).await?;
    Ok(ReviewsOut {
        items: rows(conn, &listed.items, ReviewOut::public).await?,
        total: listed.total,
        rating: RatingOut::of(&ratings::of_offering(conn, model.id).await?),
    })
}

/// The public reviews of a provider's offerings; with `unanswered` only those it has not
/// replied to yet.
pub async fn for_provider(
    db: &Db,
    id: ProviderId,
    unanswered: bool,
    page: Page,
) -> AppResult<ReviewsOut> {
    let conn = &db.conn;
    provider::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("provider"))?;
    let mut select = review::Entity::find()
        .filter(review::Column::ProviderId.eq(uuid::Uuid::from(id)))
        .filter(review::Column::HiddenAt.is_null())
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    if unanswered {
        select = select.filter(review::Column::ReplyText.is_null());
    }
    let listed = paging::fetch(conn, select, page).await?;
    Ok(ReviewsOut {
        items: rows(conn, &listed.items, ReviewOut::public).await?,
        total: listed.total,
        rating: RatingOut::of(&ratings::of_provider(conn, id).await?),
    })
}

/// One review as the reader may see it: a moderator with its status, the author's side
/// with the reason it was hidden, anyone else the public part of a public review.
pub async fn find(db: &Db, actor: Option<&Actor>, id: ReviewId) -> AppResult<ReviewOut> {
    let conn = &db.conn;
    let model = reviews::load(conn, id).await?;
    if let Some(actor) = actor {
        if moderation::require_moderator(actor, &model).is_ok() {
            return Ok(ReviewOut::for_moderator(&model));
        }
        if let Ok((_, acting)) = access::load_client(conn, actor, model.client_id).await
            && acting.is_client_side()
        {
            return Ok(ReviewOut::for_author(&model));
        }
    }
    if reviews::is_hidden(&model) {
        return Err(AppError::not_found("review"));
    }
    Ok(ReviewOut::public(&model))
}

/// The reviews a client has written, for the client side only (case workers see a
/// client's money, not which reviews they wrote); the read is audited.
pub async fn for_client(
    db: &Db,
    actor: &Actor,
    id: ClientId,
    page: Option<Page>,
) -> AppResult<Paged<ReviewRowOut>> {
    let conn = &db.conn;
    let (_, acting) = access::load_client(conn, actor, id).await?;
    if !acting.is_client_side() {
        return Err(AppError::not_found("client"));
    }
    let select = review::Entity::find()
        .filter(review::Column::ClientId.eq(uuid::Uuid::from(id)))
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    let listed = paging::fetch_or_all(conn, select, page).await?;
    audit::record(
        conn,
        Some(actor),
        Some(acting),
        AuditEvent {
            action: "reviews_listed",
            subject_type: "client",
            subject_id: id.to_string(),
            client: Some(id),
            detail: None,
        },
    )
    .await?;
    Ok(Paged {
        items: rows(conn, &listed.items, ReviewOut::for_author).await?,
        total: listed.total,
        page: listed.page,
    })
}
