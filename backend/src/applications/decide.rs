//! The catalogue manager's decision on a provider's application: approving lets the
//! provider's offerings of those services be found (their search entries are refreshed),
//! rejecting needs a reason the provider reads. The provider is emailed either way.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{application, approval, offering},
    },
    domain::{
        catalogue::{ApplicationStatus, Role},
        ids::{ApplicationId, ServiceId},
        text::parse_optional_text,
    },
    error::{AppError, AppResult, field},
    outbox::{self, Topic},
};

/// Approves (`approve`) or rejects a pending application of the actor's purchaser.
pub async fn decide(
    db: &Db,
    actor: &Actor,
    id: ApplicationId,
    approve: bool,
    reason: Option<&str>,
) -> AppResult<application::Model> {
    let reason = field("reason", parse_optional_text(reason, 2000))?;
    if !approve && reason.is_none() {
        return Err(AppError::invalid(
            "reason",
            "is required when rejecting, so the provider knows why",
        ));
    }
    let tx = db.begin_write().await?;
    let current = application::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("application"))?;
    actor.require_staff_for(current.purchaser_id, Role::CatalogueManager, "application")?;
    if current.status != ApplicationStatus::Pending {
        return Err(AppError::conflict(
            "wrong_status",
            format!("the application is already {}", current.status),
        ));
    }
    let services: Vec<ServiceId> = super::read::service_ids(&current)?;
    let now = Utc::now();
    if approve {
        for service in services {
            let key = (current.provider_id, service);
            if approval::Entity::find_by_id(key).one(&*tx).await?.is_none() {
                approval::ActiveModel {
                    provider_id: Set(current.provider_id),
                    service_id: Set(service),
                    purchaser_id: Set(current.purchaser_id),
                    application_id: Set(current.id),
                    approved_at: Set(now),
                }
                .insert(&*tx)
                .await?;
            }
            let offerings = offering::Entity::find()
                .filter(offering::Column::ProviderId.eq(current.provider_id))
                .filter(offering::Column::ServiceId.eq(service))
                .all(&*tx)
                .await?;
            for offering in offerings {
                outbox::enqueue(&*tx, Topic::SearchOffering, offering.id).await?;
            }
        }
    }
    let mut active = current.into_active_model();
    let status = if approve {
        ApplicationStatus::Approved
    } else {
        ApplicationStatus::Rejected
    };
    active.status = Set(status);
    active.reason = Set(reason);
    active.decided_by = Set(Some(actor.user_id));
    active.decided_at = Set(Some(now));
    let updated = active.update(&*tx).await?;
    crate::notify::provider::application_decided(&*tx, &updated, approve).await?;
    tx.commit().await?;
    Ok(updated)
}
