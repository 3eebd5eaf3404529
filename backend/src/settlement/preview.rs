//! What a settlement run for a month would make, computed as the run computes it but
//! written nowhere: per provider the deliveries to invoice with their VAT-excluded, VAT and
//! VAT-included totals, the reversals to credit, and whether the provider can be invoiced
//! yet. Its `digest` sums the figures up; a run confirmed with a digest refuses to go on
//! when the figures changed since (so a confirmed run makes exactly what was previewed).
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use sha2::{Digest, Sha256};

use crate::{
    db::entities::{invoice, provider},
    domain::{Money, ids::CommitmentId, vat::VatRate},
    error::AppResult,
};

use super::{
    Month, bank_change, lines::LineContext, run::InvoiceKind, select::Source, vat::split_gross,
};

/// Sums of lines: how many, without VAT, VAT, with VAT (negative for credits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    pub lines: u64,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

impl Sums {
    fn add(&mut self, count: u64, gross_cents: i64, rate: VatRate) {
        let (net, vat) = split_gross(gross_cents, rate);
        let n = i64::try_from(count).unwrap_or(i64::MAX);
        self.lines += count;
        self.net = self.net + Money::from_cents(net * n);
        self.vat = self.vat + Money::from_cents(vat * n);
        self.gross = self.gross + Money::from_cents(gross_cents * n);
    }

    fn plus(self, other: Sums) -> Sums {
        Sums {
            lines: self.lines + other.lines,
            net: self.net + other.net,
            vat: self.vat + other.vat,
            gross: self.gross + other.gross,
        }
    }
}

pub struct ProviderPreview {
    pub provider_id: uuid::Uuid,
    pub provider_name: String,
    /// The month's deliveries to invoice (purchaser's shares).
    pub invoice: Sums,
    /// The invoice would be a supplementary one: the month was invoiced before.
    pub supplementary: bool,
    /// Without IBAN and BIC the provider is not invoiced; its deliveries wait.
    pub has_bank_details: bool,
    /// Deliveries reversed after invoicing, to credit (negative amounts).
    pub credit: Sums,
    /// When the bank details changed after the provider's last invoice.
    pub bank_changed_at: Option<DateTime<Utc>>,
}

impl ProviderPreview {
    /// Whether the run makes an invoice for this provider.
    pub fn invoiced(&self) -> bool {
        self.has_bank_details && self.invoice.lines > 0
    }
}

pub struct Preview {
    pub month: Month,
    pub providers: Vec<ProviderPreview>,
    /// What the run makes: invoices, credit notes, and their sums.
    pub invoices: u64,
    pub credit_notes: u64,
    pub invoiced: Sums,
    pub credited: Sums,
    /// Deliveries of providers without bank details: not invoiced by the run.
    pub waiting: u64,
    pub digest: String,
}

pub async fn preview(
    conn: &impl ConnectionTrait,
    pid: uuid::Uuid,
    month: Month,
) -> AppResult<Preview> {
    let to_invoice = Source::Unsettled(month).share_groups(conn, pid).await?;
    let to_credit = Source::Reversed.share_groups(conn, pid).await?;
    let mut context = LineContext::default();
    let commitments: Vec<CommitmentId> = to_invoice
        .iter()
        .chain(&to_credit)
        .map(|(_, c, _, _)| *c)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    for chunk in commitments.chunks(1_000) {
        context
            .extend_commitments(conn, chunk.iter().copied())
            .await?;
    }
    let mut sums: BTreeMap<uuid::Uuid, (Sums, Sums)> = BTreeMap::new();
    for (provider, commitment, share, count) in &to_invoice {
        let rate = VatRate::from_basis_points(context.vat_of(*commitment)?);
        let count = u64::try_from(*count).unwrap_or_default();
        sums.entry(*provider)
            .or_default()
            .0
            .add(count, *share, rate);
    }
    for (provider, commitment, share, count) in &to_credit {
        let rate = VatRate::from_basis_points(context.vat_of(*commitment)?);
        let count = u64::try_from(*count).unwrap_or_default();
        // A credit note gives back what the invoice asked.
        sums.entry(*provider)
            .or_default()
            .1
            .add(count, -share, rate);
    }
    let models: Vec<provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(sums.keys().copied()))
        .all(conn)
        .await?;
    let bank_changes = bank_change::since_last_invoice(conn, &models, &[]).await?;
    let names: HashMap<uuid::Uuid, provider::Model> =
        models.into_iter().map(|p| (p.id.into(), p)).collect();
    let invoiced_before: HashSet<uuid::Uuid> = invoice::Entity::find()
        .select_only()
        .column(invoice::Column::ProviderId)
        .filter(invoice::Column::PurchaserId.eq(pid))
        .filter(invoice::Column::Month.eq(month.label()))
        .filter(invoice::Column::Kind.eq(InvoiceKind::Invoice))
        .into_tuple::<uuid::Uuid>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut providers: Vec<ProviderPreview> = sums
        .into_iter()
        .map(|(id, (invoice, credit))| {
            let model = names.get(&id);
            ProviderPreview {
                provider_id: id,
                provider_name: model.map(|p| p.name.clone()).unwrap_or_default(),
                invoice,
                supplementary: invoiced_before.contains(&id),
                has_bank_details: model.is_some_and(|p| p.iban.is_some() && p.bic.is_some()),
                credit,
                bank_changed_at: bank_changes.get(&id).copied(),
            }
        })
        .collect();
    providers.sort_by(|a, b| {
        a.provider_name
            .cmp(&b.provider_name)
            .then(a.provider_id.cmp(&b.provider_id))
    });
    Ok(summarise(month, providers))
}

fn summarise(month: Month, providers: Vec<ProviderPreview>) -> Preview {
    let mut preview = Preview {
        month,
        invoices: 0,
        credit_notes: 0,
        invoiced: Sums::default(),
        credited: Sums::default(),
        waiting: 0,
        digest: String::new(),
        providers: Vec::new(),
    };
    let mut hash = Sha256::new();
    hash.update(month.label());
    for p in &providers {
        if p.invoiced() {
            preview.invoices += 1;
            preview.invoiced = preview.invoiced.plus(p.invoice);
        } else {
            preview.waiting += p.invoice.lines;
        }
        if p.credit.lines > 0 {
            preview.credit_notes += 1;
            preview.credited = preview.credited.plus(p.credit);
        }
        // The figures a run would write, and nothing that may change without changing them.
        hash.update(format!(
            "|{}:{}:{}:{}:{}:{}:{}:{}",
            p.provider_id,
            p.invoiced(),
            p.invoice.lines,
            p.invoice.gross.cents(),
            p.invoice.net.cents(),
            p.credit.lines,
            p.credit.gross.cents(),
            p.credit.net.cents(),
        ));
    }
    let digest = hash.finalize();
    preview.digest = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    preview.providers = providers;
    preview
}
