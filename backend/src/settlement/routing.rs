//! Where a Finvoice goes: the seller's and the buyer's e-invoice routing as they recorded
//! it, and the audit row when either changes (a redirected address sends invoices astray,
//! so a change is as traceable as one of bank details).
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::entities::{provider, purchaser},
    domain::einvoice::Routing,
    error::{AppError, AppResult},
};

pub fn of_provider(p: &provider::Model) -> Routing {
    Routing {
        address: p.einvoice_address.clone(),
        operator: p.einvoice_operator.clone(),
    }
}

pub fn of_purchaser(p: &purchaser::Model) -> Routing {
    Routing {
        address: p.einvoice_address.clone(),
        operator: p.einvoice_operator.clone(),
    }
}

type Pair<'a> = (&'a Option<String>, &'a Option<String>);

/// Writes `einvoice_routing_changed` when the address or the operator differs.
pub async fn record_change(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    (subject_type, id): (&'static str, uuid::Uuid),
    before: Pair<'_>,
    after: Pair<'_>,
) -> AppResult<()> {
    if before == after {
        return Ok(());
    }
    audit::record(
        conn,
        Some(actor),
        None,
        AuditEvent {
            action: "einvoice_routing_changed",
            subject_type,
            subject_id: id.to_string(),
            client: None,
            detail: Some(json!({
                "address_before": before.0, "operator_before": before.1,
                "address_after": after.0, "operator_after": after.1,
            })),
        },
    )
    .await?;
    Ok(())
}

/// An e-invoice routing field of a change: left out keeps it, `""` clears it, anything
/// else must parse (422 naming the field).
pub fn patch<T: std::fmt::Display, E: std::fmt::Display>(
    name: &str,
    raw: Option<&str>,
    parse: impl Fn(&str) -> Result<T, E>,
) -> AppResult<Option<Option<String>>> {
    match raw {
        None => Ok(None),
        Some(text) if text.trim().is_empty() => Ok(Some(None)),
        Some(text) => parse(text)
            .map(|v| Some(Some(v.to_string())))
            .map_err(|e| AppError::invalid(name, e)),
    }
}
