//! Writing the terms over time: a new version (and what it does to later ones), the
//! service row that holds today's terms, and moving services on when a version's day comes.
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};

use crate::{
    db::{
        Db,
        entities::{offering, service, service_term},
    },
    domain::{
        ids::{ServiceId, UserId},
        today_in_finland,
    },
    error::{AppError, AppResult},
    outbox::{self, Topic},
};

use super::{History, ServiceTerms, Term, history};

/// Stores a change: the whole terms in force from `valid_from` with `changed` set, after
/// any other change of that day. Later versions keep what they changed and take the rest
/// from this one, so a change holds from its date until a later change of the same term.
/// A never-changed service first gets its row's terms stored as its first version.
/// Returns the history after the change. The caller holds the service row.
pub(in crate::catalogue) async fn add_version(
    conn: &impl ConnectionTrait,
    service: &service::Model,
    valid_from: NaiveDate,
    terms: &ServiceTerms,
    changed: &[Term],
    actor: UserId,
) -> AppResult<History> {
    let before = history(conn, service).await?;
    let now = Utc::now();
    let today = today_in_finland();
    if !before.is_stored() {
        for v in before.versions() {
            let mut row = v.terms.row(service.id, v.valid_from, 0);
            row.changed = Set(serde_json::json!(v.changed));
            row.applied = Set(true);
            row.created_by = Set(None);
            row.created_at = Set(v.created_at);
            row.insert(conn).await?;
        }
    }
    let seq = before.versions().map(|v| v.seq).max().unwrap_or(0) + 1;
    let mut row = terms.row(service.id, valid_from, seq);
    row.changed = Set(serde_json::json!(changed));
    row.applied = Set(valid_from <= today);
    row.created_by = Set(Some(actor));
    row.created_at = Set(now);
    row.insert(conn).await?;
    // Later versions: their own changes stay, the rest follows this change.
    let mut previous = terms.clone();
    for later in before.versions().filter(|v| v.valid_from > valid_from) {
        let mut next = previous.clone();
        for term in &later.changed {
            next.take(&later.terms, *term);
        }
        if next != later.terms {
            let stored = service_term::Entity::find()
                .filter(service_term::Column::ServiceId.eq(service.id))
                .filter(service_term::Column::Seq.eq(later.seq))
                .one(conn)
                .await?
                .ok_or_else(|| AppError::internal("a version vanished"))?;
            let mut active = next.row(service.id, later.valid_from, later.seq);
            active.id = Set(stored.id);
            active.changed = Set(stored.changed.clone());
            active.applied = Set(stored.applied);
            active.created_by = Set(stored.created_by);
            active.created_at = Set(stored.created_at);
            active.update(conn).await?;
        }
        previous = next;
    }
    history(conn, service).await
}

/// Writes today's terms to the service row when they differ from what it holds, and
/// re-indexes its offerings when what search shows (the methods) changed.
pub(in crate::catalogue) async fn refresh_row(
    conn: &impl ConnectionTrait,
    service: service::Model,
    today_terms: &ServiceTerms,
) -> AppResult<service::Model> {
    let current = ServiceTerms::of_service(&service)?;
    if &current == today_terms {
        return Ok(service);
    }
    let methods_changed = current.methods != today_terms.methods;
    let updated = today_terms.overlay(service.clone());
    let mut active = service.into_active_model();
    active.price_cap = Set(updated.price_cap);
    active.voucher_value = Set(updated.voucher_value);
    active.reference_price = Set(updated.reference_price);
    active.vat_basis_points = Set(updated.vat_basis_points);
    active.methods = Set(updated.methods.clone());
    active.income_rule = Set(updated.income_rule.clone());
    let model = active.update(conn).await?;
    if methods_changed {
        reindex_offerings(conn, model.id).await?;
    }
    Ok(model)
}

/// Queues every offering of a service for re-indexing (through the outbox).
pub(in crate::catalogue) async fn reindex_offerings(
    conn: &impl ConnectionTrait,
    service: ServiceId,
) -> AppResult<()> {
    let offerings = offering::Entity::find()
        .filter(offering::Column::ServiceId.eq(service))
        .all(conn)
        .await?;
    for o in offerings {
        outbox::enqueue(conn, Topic::SearchOffering, o.id).await?;
    }
    Ok(())
}

/// Moves every service whose next version's day has come on to it: the row takes the
/// terms in force `today` and the versions are marked applied. Run by the worker within a
/// minute of midnight and at start; running it again changes nothing.
pub async fn promote_due(db: &Db, today: NaiveDate) -> AppResult<usize> {
    let due = service_term::Entity::find()
        .filter(service_term::Column::Applied.eq(false))
        .filter(service_term::Column::ValidFrom.lte(today))
        .all(&db.conn)
        .await?;
    let mut services: Vec<ServiceId> = due.iter().map(|v| v.service_id).collect();
    services.sort_unstable();
    services.dedup();
    for id in &services {
        let tx = db.begin_write().await?;
        let Some(model) = crate::catalogue::lock_service(db, &tx, *id).await? else {
            continue;
        };
        let terms = history(&*tx, &model).await?.at(today).clone();
        refresh_row(&*tx, model, &terms).await?;
        service_term::Entity::update_many()
            .col_expr(
                service_term::Column::Applied,
                sea_orm::sea_query::Expr::value(true),
            )
            .filter(service_term::Column::ServiceId.eq(*id))
            .filter(service_term::Column::ValidFrom.lte(today))
            .exec(&*tx)
            .await?;
        tx.commit().await?;
    }
    Ok(services.len())
}
