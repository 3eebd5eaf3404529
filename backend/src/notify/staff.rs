//! What a purchaser's staff are told: work waiting for them (an application to decide, a
//! dispute to handle, a reported review to moderate).
use sea_orm::{ConnectionTrait, EntityTrait};
use valinta_emails::{DisputeToHandle, Notification, ProviderApplication, ReviewReported};

use crate::{
    db::entities::{allocation, application, delivery, offering, review},
    domain::{catalogue::Role, ids::ServiceId},
    error::AppResult,
};

use super::{
    lookup::{self, euros, text_in},
    queue, recipients,
};

pub(super) async fn provider_applied(
    conn: &impl ConnectionTrait,
    application: &application::Model,
    service_ids: &[ServiceId],
) -> AppResult<()> {
    let provider = lookup::provider_name(conn, application.provider_id).await?;
    let staff =
        recipients::purchaser_staff(conn, application.purchaser_id, Role::CatalogueManager).await?;
    for to in staff {
        let services = lookup::service_names(conn, service_ids, to.lang).await?;
        let message = Notification::ProviderApplication(ProviderApplication {
            provider: provider.clone(),
            services,
            link: "/purchaser/applications".into(),
        });
        queue::send(conn, &to, message).await?;
    }
    Ok(())
}

/// The case workers of the purchaser that granted the money.
pub(super) async fn dispute_to_handle(
    conn: &impl ConnectionTrait,
    delivery: &delivery::Model,
    offering: &offering::Model,
) -> AppResult<()> {
    let Some(allocation) = allocation::Entity::find_by_id(delivery.allocation_id)
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let provider = lookup::provider_name(conn, delivery.provider_id).await?;
    for to in recipients::purchaser_staff(conn, allocation.purchaser_id, Role::CaseWorker).await? {
        let message = Notification::DisputeToHandle(DisputeToHandle {
            provider: provider.clone(),
            offering: text_in(&offering.title, to.lang),
            delivery_date: delivery.date,
            amount: euros(delivery.total),
            link: "/purchaser/disputes".into(),
        });
        queue::send(conn, &to, message).await?;
    }
    Ok(())
}

pub async fn review_reported(
    conn: &impl ConnectionTrait,
    review: &review::Model,
    reason: &str,
) -> AppResult<()> {
    let offering = lookup::offering(conn, review.offering_id).await?;
    for to in recipients::purchaser_staff(conn, review.purchaser_id, Role::Moderator).await? {
        let message = Notification::ReviewReported(ReviewReported {
            offering: text_in(&offering.title, to.lang),
            reason: reason.to_owned(),
            link: "/purchaser/reviews".into(),
        });
        queue::send(conn, &to, message).await?;
    }
    Ok(())
}
