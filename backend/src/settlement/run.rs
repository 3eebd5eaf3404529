//! One settlement run: in one write transaction that holds the purchaser's row, so two runs
//! at once make one set of invoices, and a failure half way leaves nothing invoiced.
use std::{
    collections::{HashMap, HashSet},
    time::{Duration, Instant},
};

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    sea_query::{Expr, LockType, Query},
};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{
        Db, WriteTx,
        entities::{delivery, invoice, invoice_line, provider, purchaser},
        unique,
    },
    domain::{
        Money,
        ids::{InvoiceId, PurchaserId},
    },
    error::{AppError, AppResult},
    vault::Vault,
};

use super::{
    Month,
    bulk::{self, Filled},
    lines::{LineContext, line, reference_for, unnest_insert},
    select::{Source, last_number},
};

pub use crate::domain::catalogue::InvoiceKind;

/// A provider whose deliveries could not be invoiced, and why; they stay unsettled.
pub struct NotInvoiced {
    pub provider_id: uuid::Uuid,
    pub provider_name: String,
    pub deliveries: u64,
    pub reason: &'static str,
}

pub struct Outcome {
    /// The invoices and credit notes this run issued; their lines are in the database.
    pub invoices: Vec<invoice::Model>,
    /// How many lines each of them has, by invoice id.
    pub line_counts: HashMap<InvoiceId, u64>,
    pub not_invoiced: Vec<NotInvoiced>,
}

/// Deliveries are read, turned into lines and written this many at a time: a page's lines
/// fit one multi-row insert on both databases (PostgreSQL allows 65,535 parameters).
const PAGE: u64 = 2_000;

/// Settles `month`. With `confirmed` (a preview's digest), only if the figures are still
/// those of that preview: else 409 `preview_changed` and nothing is written.
pub async fn settle(
    db: &Db,
    vault: &Vault,
    (purchaser_id, month): (PurchaserId, Month),
    today: NaiveDate,
    actor: &Actor,
    confirmed: Option<&str>,
) -> AppResult<Outcome> {
    let tx = db.begin_write().await?;
    let pid = uuid::Uuid::from(purchaser_id);
    let mut query = purchaser::Entity::find_by_id(pid);
    if db.is_postgres() {
        // NO KEY UPDATE: serializes settlement runs without blocking inserts that merely
        // reference the purchaser (new clients, allocations).
        query = query.lock(LockType::NoKeyUpdate);
    }
    let purchaser = query
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    if let Some(digest) = confirmed {
        // Read in the run's transaction, after its lock: what the run is about to take.
        let now = super::preview::preview(&*tx, pid, month).await?;
        if now.digest != digest {
            return Err(AppError::conflict(
                "preview_changed",
                "deliveries changed after the preview; check the new figures and confirm again",
            ));
        }
    }
    let mut run = Run {
        tx: &tx,
        vault,
        context: LineContext::default(),
        purchaser: &purchaser,
        month,
        today,
        due_date: today + chrono::Duration::days(i64::from(purchaser.payment_terms_days)),
        actor,
        number: last_number(&*tx, pid).await?,
        timings: Timings::default(),
        postgres: db.is_postgres(),
    };
    let mut outcome = Outcome {
        invoices: Vec::new(),
        line_counts: HashMap::new(),
        not_invoiced: Vec::new(),
    };
    run.invoice(&mut outcome).await?;
    run.credit(&mut outcome).await?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "settlement_run",
            subject_type: "purchaser",
            subject_id: pid.to_string(),
            client: None,
            detail: Some(json!({
                "month": month.label(),
                "invoices": outcome.invoices.iter().map(|i| i.id).collect::<Vec<_>>(),
                "not_invoiced": outcome.not_invoiced.iter().map(|n| n.provider_id).collect::<Vec<_>>(),
            })),
        },
    )
    .await?;
    let t = std::mem::take(&mut run.timings);
    let started = Instant::now();
    tx.commit().await?;
    tracing::info!(
        month = %month.label(),
        documents = outcome.invoices.len(),
        read_ms = t.read.as_millis(),
        lines_ms = t.lines.as_millis(),
        write_ms = t.write.as_millis(),
        mark_ms = t.mark.as_millis(),
        commit_ms = started.elapsed().as_millis(),
        "settlement run"
    );
    Ok(outcome)
}

impl Outcome {
    fn add(&mut self, invoice: invoice::Model, lines: u64) {
        self.line_counts.insert(invoice.id, lines);
        self.invoices.push(invoice);
    }
}

/// One run's shared state: the transaction, the next number, the dates.
struct Run<'a> {
    tx: &'a WriteTx,
    vault: &'a Vault,
    context: LineContext,
    purchaser: &'a purchaser::Model,
    month: Month,
    today: NaiveDate,
    due_date: NaiveDate,
    actor: &'a Actor,
    number: i64,
    timings: Timings,
    postgres: bool,
}

/// What kind of document, whose deliveries, and where the bank details come from.
struct Document {
    provider_id: uuid::Uuid,
    kind: InvoiceKind,
    source: Source,
    supplementary: bool,
    iban: String,
    bic: String,
}

/// Sums of the lines written so far.
#[derive(Default)]
struct Totals {
    lines: u64,
    net: Money,
    vat: Money,
    gross: Money,
}

impl Totals {
    fn add(&mut self, line: &invoice_line::ActiveModel) {
        self.lines += 1;
        self.net = self.net + *line.net.as_ref();
        self.vat = self.vat + *line.vat.as_ref();
        self.gross = self.gross + *line.gross.as_ref();
    }
}

impl Run<'_> {
    fn pid(&self) -> uuid::Uuid {
        self.purchaser.id.into()
    }

    /// One invoice per provider with bank details; the others are reported.
    async fn invoice(&mut self, outcome: &mut Outcome) -> AppResult<()> {
        let source = Source::Unsettled(self.month);
        let counts = source.per_provider(&**self.tx, self.pid()).await?;
        let providers: HashMap<uuid::Uuid, provider::Model> = provider::Entity::find()
            .filter(provider::Column::Id.is_in(counts.iter().map(|(p, _)| *p)))
            .all(&**self.tx)
            .await?
            .into_iter()
            .map(|p| (p.id.into(), p))
            .collect();
        let already: HashSet<uuid::Uuid> = invoice::Entity::find()
            .select_only()
            .column(invoice::Column::ProviderId)
            .filter(invoice::Column::PurchaserId.eq(self.pid()))
            .filter(invoice::Column::Month.eq(self.month.label()))
            .filter(invoice::Column::Kind.eq(InvoiceKind::Invoice))
            .into_tuple::<uuid::Uuid>()
            .all(&**self.tx)
            .await?
            .into_iter()
            .collect();
        let mut documents = Vec::with_capacity(counts.len());
        for (provider_id, count) in counts {
            let provider = providers
                .get(&provider_id)
                .ok_or_else(|| AppError::internal("delivery without provider"))?;
            let (Some(iban), Some(bic)) = (provider.iban.clone(), provider.bic.clone()) else {
                outcome.not_invoiced.push(NotInvoiced {
                    provider_id,
                    provider_name: provider.name.clone(),
                    deliveries: u64::try_from(count).unwrap_or_default(),
                    reason: "missing_bank_details",
                });
                continue;
            };
            documents.push(Document {
                provider_id,
                kind: InvoiceKind::Invoice,
                source,
                supplementary: already.contains(&provider_id),
                iban,
                bic,
            });
        }
        if self.postgres {
            return self.issue_together(documents, outcome).await;
        }
        for document in documents {
            if let Some((invoice, lines)) = self.issue(document).await? {
                outcome.add(invoice, lines);
            }
        }
        Ok(())
    }

    /// One credit note per provider, paid back to the account its latest invoice named.
    async fn credit(&mut self, outcome: &mut Outcome) -> AppResult<()> {
        let source = Source::Reversed;
        for (provider_id, _) in source.per_provider(&**self.tx, self.pid()).await? {
            let Some(first) = source
                .page(&**self.tx, self.pid(), provider_id, None, 1)
                .await?
                .into_iter()
                .next()
            else {
                continue;
            };
            let original = invoice::Entity::find_by_id(first.invoice_id.unwrap_or_default())
                .one(&**self.tx)
                .await?
                .ok_or_else(|| AppError::internal("credit without its invoice"))?;
            let document = Document {
                provider_id,
                kind: InvoiceKind::CreditNote,
                source,
                supplementary: false,
                iban: original.iban,
                bic: original.bic,
            };
            if let Some((credit_note, lines)) = self.issue(document).await? {
                outcome.add(credit_note, lines);
            }
        }
        Ok(())
    }

    /// A document's header numbered `number`, its totals zero until its lines are written.
    fn header(&self, document: &Document, number: i64) -> AppResult<invoice::ActiveModel> {
        Ok(invoice::ActiveModel {
            id: Set(InvoiceId::new()),
            purchaser_id: Set(self.pid().into()),
            provider_id: Set(document.provider_id.into()),
            number: Set(number),
            month: Set(self.month.label()),
            kind: Set(document.kind),
            supplementary: Set(document.supplementary),
            reference: Set(reference_for(&self.purchaser.business_id, number)?),
            issue_date: Set(self.today),
            due_date: Set(self.due_date),
            net: Set(Money::ZERO),
            vat: Set(Money::ZERO),
            gross: Set(Money::ZERO),
            iban: Set(document.iban.clone()),
            bic: Set(document.bic.clone()),
            created_by: Set(self.actor.user_id),
            created_at: Set(Utc::now()),
        })
    }

    /// PostgreSQL: the month's invoices, one per provider, in one statement (`bulk`): the
    /// headers first, numbered in provider order, then every delivery marked, its line
    /// written and the totals set by the database.
    async fn issue_together(
        &mut self,
        documents: Vec<Document>,
        outcome: &mut Outcome,
    ) -> AppResult<()> {
        if documents.is_empty() {
            return Ok(());
        }
        let headers = documents
            .iter()
            .zip(1..)
            .map(|(document, n)| self.header(document, self.number + n))
            .collect::<AppResult<Vec<_>>>()?;
        let pairs: Vec<(uuid::Uuid, uuid::Uuid)> = documents
            .iter()
            .zip(&headers)
            .map(|(document, header)| (document.provider_id, header.id.as_ref().0))
            .collect();
        // Within PostgreSQL's 65,535 parameters whatever the number of providers.
        for chunk in headers.chunks(1_000) {
            invoice::Entity::insert_many(chunk.to_vec())
                .exec(&**self.tx)
                .await?;
        }
        let started = Instant::now();
        let filled =
            bulk::invoice_month(&**self.tx, self.vault, (self.pid(), self.month), &pairs).await?;
        self.timings.write += started.elapsed();
        if filled.len() < pairs.len() {
            // A provider's deliveries all went (voided) between counting and marking: its
            // empty invoice goes, and the later ones close ranks so numbers have no gap.
            let kept: HashSet<uuid::Uuid> = filled.iter().map(|f| f.invoice.id.0).collect();
            invoice::Entity::delete_many()
                .filter(
                    invoice::Column::Id.is_in(
                        pairs
                            .iter()
                            .map(|(_, id)| *id)
                            .filter(|id| !kept.contains(id)),
                    ),
                )
                .exec(&**self.tx)
                .await?;
        }
        // In number order: each moves down only to a number already freed.
        for Filled { invoice, lines } in filled {
            let number = self.number + 1;
            let invoice = if invoice.number == number {
                invoice
            } else {
                let mut renumbered: invoice::ActiveModel = invoice.into();
                renumbered.number = Set(number);
                renumbered.reference = Set(reference_for(&self.purchaser.business_id, number)?);
                renumbered.update(&**self.tx).await?
            };
            self.number = number;
            crate::notify::provider::invoice_ready(&**self.tx, &invoice).await?;
            outcome.add(invoice, lines);
        }
        Ok(())
    }

    /// Writes the document's header, then its lines page by page, then its totals, with
    /// how many lines it got. `None` when its deliveries went meanwhile (voided before this
    /// run reached them).
    async fn issue(&mut self, document: Document) -> AppResult<Option<(invoice::Model, u64)>> {
        let number = self.number + 1;
        let header = self.header(&document, number)?.insert(&**self.tx).await?;
        let invoice_id = header.id;
        let totals = self.write_lines(&document, invoice_id).await?;
        if totals.lines == 0 {
            invoice::Entity::delete_by_id(invoice_id)
                .exec(&**self.tx)
                .await?;
            return Ok(None);
        }
        self.number = number;
        let started = Instant::now();
        if document.kind == InvoiceKind::Invoice {
            // (SQLite.) Marked after the lines, from the lines: exactly the deliveries
            // invoiced.
            delivery::Entity::update_many()
                .col_expr(delivery::Column::InvoiceId, Expr::value(invoice_id))
                .filter(
                    delivery::Column::Id.in_subquery(
                        Query::select()
                            .column(invoice_line::Column::DeliveryId)
                            .from(invoice_line::Entity)
                            .and_where(invoice_line::Column::InvoiceId.eq(invoice_id))
                            .to_owned(),
                    ),
                )
                .exec(&**self.tx)
                .await?;
        }
        self.timings.mark += started.elapsed();
        let mut header: invoice::ActiveModel = header.into();
        header.net = Set(totals.net);
        header.vat = Set(totals.vat);
        header.gross = Set(totals.gross);
        let issued = header.update(&**self.tx).await?;
        crate::notify::provider::invoice_ready(&**self.tx, &issued).await?;
        Ok(Some((issued, totals.lines)))
    }

    async fn write_lines(
        &mut self,
        document: &Document,
        invoice_id: InvoiceId,
    ) -> AppResult<Totals> {
        let mut totals = Totals::default();
        let mut after = None;
        loop {
            let started = Instant::now();
            let page = document
                .source
                .page(&**self.tx, self.pid(), document.provider_id, after, PAGE)
                .await?;
            self.timings.read += started.elapsed();
            let Some(last) = page.last() else {
                return Ok(totals);
            };
            after = Some(last.id);
            let started = Instant::now();
            self.context.extend(&**self.tx, &page).await?;
            let mut lines = Vec::with_capacity(page.len());
            for d in &page {
                let line = line(self.vault, &mut self.context, invoice_id, document.kind, d)?;
                totals.add(&line);
                lines.push(line);
            }
            self.timings.lines += started.elapsed();
            let started = Instant::now();
            // The unique line per delivery and kind refuses a second invoice (or credit) of
            // a delivery, whatever happened meanwhile.
            let written = if self.postgres {
                self.tx.execute_raw(unnest_insert(&lines)).await.map(|_| ())
            } else {
                invoice_line::Entity::insert_many(lines)
                    .exec(&**self.tx)
                    .await
                    .map(|_| ())
            };
            written.map_err(|e| {
                unique::or_else(e, || {
                    AppError::conflict(
                        "settlement_conflict",
                        "deliveries changed during settlement; nothing was invoiced, try again",
                    )
                })
            })?;
            self.timings.write += started.elapsed();
        }
    }
}

/// Where a run's time went, logged with its outcome: for operators sizing a month.
#[derive(Default)]
struct Timings {
    read: Duration,
    lines: Duration,
    write: Duration,
    mark: Duration,
}
