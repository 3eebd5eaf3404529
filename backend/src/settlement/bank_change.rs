//! Bank details changed since a provider was last invoiced (or before its first invoice):
//! finance is told on the next settlement, so a redirected account is checked before it is
//! paid. `providers.bank_changed_at` is set by the profile update (`routes::providers`).
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    db::entities::{invoice, provider},
    error::AppResult,
};

/// For each of `providers` whose bank details changed after its latest invoice (leaving out
/// `excluding`, the invoices a run just made), when they changed.
pub async fn since_last_invoice(
    conn: &impl ConnectionTrait,
    providers: &[provider::Model],
    excluding: &[crate::domain::ids::InvoiceId],
) -> AppResult<HashMap<uuid::Uuid, DateTime<Utc>>> {
    let mut changed = HashMap::new();
    // Only providers that ever changed them are looked at: a handful, one query each.
    for p in providers {
        let Some(at) = p.bank_changed_at else {
            continue;
        };
        let last = invoice::Entity::find()
            .filter(invoice::Column::ProviderId.eq(p.id))
            .filter(invoice::Column::Id.is_not_in(excluding.iter().copied()))
            .order_by_desc(invoice::Column::CreatedAt)
            .one(conn)
            .await?;
        if last.is_none_or(|inv| inv.created_at < at) {
            changed.insert(p.id.into(), at);
        }
    }
    Ok(changed)
}
