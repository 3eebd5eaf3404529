//! Which deliveries a settlement run takes: the month's unsettled ones, and those reversed
//! after they were invoiced (to credit). Both are read per provider in pages ordered by id,
//! so a run's memory does not grow with the month.
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    sea_query::Query,
};

use crate::{
    db::entities::{allocation, delivery, dispute, invoice, invoice_line, provider},
    domain::{
        catalogue::{DeliveryStatus, DisputeStatus},
        ids::{CommitmentId, DeliveryId},
    },
    error::AppResult,
};

use super::{Month, run::InvoiceKind};

/// Which deliveries a document is made of.
#[derive(Clone, Copy)]
pub(super) enum Source {
    /// The month's recorded deliveries of the purchaser's clients not yet invoiced and not
    /// under an open dispute (those wait for the decision).
    Unsettled(Month),
    /// Deliveries voided or reversed (an upheld dispute) after this purchaser invoiced them,
    /// and not yet credited: each becomes a credit-note line, whatever its month.
    Reversed,
}

impl Source {
    fn select(self, pid: uuid::Uuid) -> Select<delivery::Entity> {
        match self {
            Source::Unsettled(month) => unsettled(pid, month),
            Source::Reversed => reversed_after_invoicing(pid),
        }
    }

    /// Each provider with deliveries to take, and how many, in provider order.
    pub(super) async fn per_provider(
        self,
        conn: &impl ConnectionTrait,
        pid: uuid::Uuid,
    ) -> AppResult<Vec<(uuid::Uuid, i64)>> {
        Ok(self
            .select(pid)
            .select_only()
            .column(delivery::Column::ProviderId)
            .column_as(delivery::Column::Id.count(), "n")
            .group_by(delivery::Column::ProviderId)
            .order_by_asc(delivery::Column::ProviderId)
            .into_tuple()
            .all(conn)
            .await?)
    }

    /// The deliveries to take grouped by provider, commitment and purchaser's share, with
    /// how many share each: enough to compute a run's exact totals (a line's VAT split
    /// depends only on its share and its service's rate) without reading every delivery.
    pub(super) async fn share_groups(
        self,
        conn: &impl ConnectionTrait,
        pid: uuid::Uuid,
    ) -> AppResult<Vec<(uuid::Uuid, CommitmentId, i64, i64)>> {
        Ok(self
            .select(pid)
            .select_only()
            .column(delivery::Column::ProviderId)
            .column(delivery::Column::CommitmentId)
            .column(delivery::Column::PurchaserShare)
            .column_as(delivery::Column::Id.count(), "n")
            .group_by(delivery::Column::ProviderId)
            .group_by(delivery::Column::CommitmentId)
            .group_by(delivery::Column::PurchaserShare)
            .into_tuple()
            .all(conn)
            .await?)
    }

    /// The next page of one provider's deliveries after the delivery id `after`.
    pub(super) async fn page(
        self,
        conn: &impl ConnectionTrait,
        pid: uuid::Uuid,
        provider: uuid::Uuid,
        after: Option<DeliveryId>,
        size: u64,
    ) -> AppResult<Vec<delivery::Model>> {
        let mut select = self
            .select(pid)
            .filter(delivery::Column::ProviderId.eq(provider))
            .order_by_asc(delivery::Column::Id)
            .limit(size);
        if let Some(after) = after {
            select = select.filter(delivery::Column::Id.gt(after));
        }
        Ok(select.all(conn).await?)
    }
}

/// PostgreSQL's one-statement run (`bulk.rs`) writes these conditions out in SQL: change
/// both together.
fn unsettled(pid: uuid::Uuid, month: Month) -> Select<delivery::Entity> {
    delivery::Entity::find()
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .filter(delivery::Column::InvoiceId.is_null())
        .filter(delivery::Column::Date.gte(month.first_day))
        .filter(delivery::Column::Date.lt(month.next_first_day))
        .filter(
            delivery::Column::AllocationId.in_subquery(
                Query::select()
                    .column(allocation::Column::Id)
                    .from(allocation::Entity)
                    .and_where(allocation::Column::PurchaserId.eq(pid))
                    .to_owned(),
            ),
        )
        .filter(
            delivery::Column::Id.not_in_subquery(
                Query::select()
                    .column(dispute::Column::DeliveryId)
                    .from(dispute::Entity)
                    .and_where(dispute::Column::Status.eq(DisputeStatus::Open))
                    .to_owned(),
            ),
        )
}

fn reversed_after_invoicing(pid: uuid::Uuid) -> Select<delivery::Entity> {
    delivery::Entity::find()
        .filter(delivery::Column::Status.is_in([DeliveryStatus::Voided, DeliveryStatus::Reversed]))
        .filter(
            delivery::Column::InvoiceId.in_subquery(
                Query::select()
                    .column(invoice::Column::Id)
                    .from(invoice::Entity)
                    .and_where(invoice::Column::PurchaserId.eq(pid))
                    .and_where(invoice::Column::Kind.eq(InvoiceKind::Invoice))
                    .to_owned(),
            ),
        )
        .filter(
            delivery::Column::Id.not_in_subquery(
                Query::select()
                    .column(invoice_line::Column::DeliveryId)
                    .from(invoice_line::Entity)
                    .and_where(invoice_line::Column::Kind.eq(InvoiceKind::CreditNote))
                    .to_owned(),
            ),
        )
}

pub(super) async fn last_number(conn: &impl ConnectionTrait, pid: uuid::Uuid) -> AppResult<i64> {
    Ok(invoice::Entity::find()
        .select_only()
        .column_as(invoice::Column::Number.max(), "n")
        .filter(invoice::Column::PurchaserId.eq(pid))
        .into_tuple::<Option<i64>>()
        .one(conn)
        .await?
        .flatten()
        .unwrap_or(0))
}

/// What the next run for `month` would take, per provider: deliveries to invoice (and
/// whether the provider can be invoiced yet: its bank details are given) and reversals to
/// credit. For the settlement page.
pub async fn waiting(
    conn: &impl ConnectionTrait,
    pid: uuid::Uuid,
    month: Month,
) -> AppResult<Vec<Waiting>> {
    let mut counts: Vec<(uuid::Uuid, i64, bool)> = Source::Unsettled(month)
        .per_provider(conn, pid)
        .await?
        .into_iter()
        .map(|(p, n)| (p, n, false))
        .collect();
    counts.extend(
        Source::Reversed
            .per_provider(conn, pid)
            .await?
            .into_iter()
            .map(|(p, n)| (p, n, true)),
    );
    let providers: std::collections::HashMap<uuid::Uuid, provider::Model> =
        provider::Entity::find()
            .filter(provider::Column::Id.is_in(counts.iter().map(|(p, _, _)| *p)))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id.into(), p))
            .collect();
    let models: Vec<provider::Model> = providers.values().cloned().collect();
    let bank_changes = super::bank_change::since_last_invoice(conn, &models, &[]).await?;
    Ok(counts
        .into_iter()
        .filter_map(|(id, deliveries, to_credit)| {
            let p = providers.get(&id)?;
            Some(Waiting {
                provider_name: p.name.clone(),
                deliveries,
                to_credit,
                has_bank_details: p.iban.is_some() && p.bic.is_some(),
                bank_changed_at: bank_changes.get(&id).copied(),
            })
        })
        .collect())
}

pub struct Waiting {
    pub provider_name: String,
    pub deliveries: i64,
    /// Reversed after invoicing: goes on a credit note (to the account already invoiced).
    pub to_credit: bool,
    pub has_bank_details: bool,
    /// Set when the bank details changed after the provider's last invoice: finance checks
    /// them before paying.
    pub bank_changed_at: Option<chrono::DateTime<chrono::Utc>>,
}
