//! The texts of the emails to a provider's staff.
use super::{
    Body, Draft, RenderError,
    fluent::{Tr, n, s},
};
use crate::{Kind, kinds::*};

pub(super) fn application_received(m: &ApplicationReceived, tr: &Tr) -> Result<Body, RenderError> {
    application(
        tr,
        Kind::ApplicationReceived,
        &m.purchaser,
        &m.services,
        None,
        &m.link,
    )
}

pub(super) fn application_approved(m: &ApplicationApproved, tr: &Tr) -> Result<Body, RenderError> {
    application(
        tr,
        Kind::ApplicationApproved,
        &m.purchaser,
        &m.services,
        None,
        &m.link,
    )
}

pub(super) fn application_rejected(m: &ApplicationRejected, tr: &Tr) -> Result<Body, RenderError> {
    application(
        tr,
        Kind::ApplicationRejected,
        &m.purchaser,
        &m.services,
        Some(&m.reason),
        &m.link,
    )
}

/// The three application emails share one shape: who decides, the services applied for,
/// and for a rejection its reason.
fn application(
    tr: &Tr,
    kind: Kind,
    purchaser: &str,
    services: &[String],
    reason: Option<&str>,
    link: &str,
) -> Result<Body, RenderError> {
    let purchaser = [s("purchaser", purchaser)];
    let mut draft = Draft::new(tr, kind, ("subject", &[]), None, link)?
        .para("p1", &purchaser)?
        .list(services.to_vec());
    if let Some(reason) = reason {
        draft = draft.facts(vec![("reason", reason.to_owned())])?;
    }
    draft.para("p2", &[])?.finish()
}

pub(super) fn commitment_requested(m: &CommitmentRequested, tr: &Tr) -> Result<Body, RenderError> {
    let mut facts = vec![
        ("offering", m.offering.clone()),
        ("client", m.client.clone()),
        ("method", tr.t(&format!("method-{}", m.method.as_str()))?),
    ];
    if let Some(reserve) = m.reserve {
        facts.push(("reserve", tr.money(reserve)));
    }
    let who = [s("client", &m.client), s("offering", &m.offering)];
    Draft::new(
        tr,
        Kind::CommitmentRequested,
        ("subject", &[]),
        None,
        &m.link,
    )?
    .para("p1", &who)?
    .facts(facts)?
    .para("p2", &[])?
    .finish()
}

pub(super) fn commitment_closed(m: &CommitmentClosed, tr: &Tr) -> Result<Body, RenderError> {
    let who = [s("client", &m.client), s("offering", &m.offering)];
    Draft::new(tr, Kind::CommitmentClosed, ("subject", &[]), None, &m.link)?
        .para("p1", &who)?
        .para("p2", &[])?
        .finish()
}

pub(super) fn dispute_opened(m: &DisputeOpened, tr: &Tr) -> Result<Body, RenderError> {
    let who = [s("client", &m.client), s("offering", &m.offering)];
    Draft::new(tr, Kind::DisputeOpened, ("subject", &[]), None, &m.link)?
        .para("p1", &who)?
        .facts(vec![
            ("offering", m.offering.clone()),
            ("client", m.client.clone()),
            ("date", tr.date(m.delivery_date)),
            ("amount", tr.money(m.amount)),
            ("reason", m.reason.clone()),
        ])?
        .para("p2", &[])?
        .finish()
}

pub(super) fn review_reply_reminder(m: &ReviewReplyReminder, tr: &Tr) -> Result<Body, RenderError> {
    Draft::new(
        tr,
        Kind::ReviewReplyReminder,
        ("subject", &[]),
        None,
        &m.link,
    )?
    .para("p1", &[s("offering", &m.offering)])?
    .facts(vec![
        ("offering", m.offering.clone()),
        ("stars", format!("{} / 5", m.stars.min(5))),
        ("written", tr.date(m.written)),
    ])?
    .para("p2", &[])?
    .finish()
}

pub(super) fn deliveries_overdue(m: &DeliveriesOverdue, tr: &Tr) -> Result<Body, RenderError> {
    let counts = [n("commitments", m.commitments), n("days", m.recording_days)];
    Draft::new(tr, Kind::DeliveriesOverdue, ("subject", &[]), None, &m.link)?
        .para("p1", &counts)?
        .facts(vec![("purchaser", m.purchaser.clone())])?
        .para("p2", &[])?
        .finish()
}

pub(super) fn invoice_ready(m: &InvoiceReady, tr: &Tr) -> Result<Body, RenderError> {
    let number = [s("number", &m.number)];
    let purchaser = [s("purchaser", &m.purchaser)];
    let mut facts = vec![
        ("number", m.number.clone()),
        ("purchaser", m.purchaser.clone()),
        ("month", crate::format::month(tr.lang, &m.month)),
        (
            if m.credit_note { "amount" } else { "total" },
            tr.money(m.total),
        ),
    ];
    // A credit note is not paid by a due date: it lowers what the purchaser pays.
    if !m.credit_note {
        facts.push(("due", tr.date(m.due)));
    }
    let variant = if m.credit_note { "-credit" } else { "" };
    Draft::new(
        tr,
        Kind::InvoiceReady,
        (&format!("subject{variant}"), &number),
        None,
        &m.link,
    )?
    .para(&format!("p1{variant}"), &purchaser)?
    .facts(facts)?
    .para(&format!("p2{variant}"), &[])?
    .finish()
}

pub(super) fn bank_details_changed(m: &BankDetailsChanged, tr: &Tr) -> Result<Body, RenderError> {
    let none = || tr.t("bank_details_changed-none");
    let facts = vec![
        ("provider", m.provider.clone()),
        ("changed-by", m.by.clone()),
        ("date", tr.date(m.on)),
        ("iban-before", m.iban_before.clone().map_or_else(none, Ok)?),
        ("iban-after", m.iban_after.clone()),
        ("bic-before", m.bic_before.clone().map_or_else(none, Ok)?),
        ("bic-after", m.bic_after.clone().map_or_else(none, Ok)?),
    ];
    Draft::new(
        tr,
        Kind::BankDetailsChanged,
        ("subject", &[s("provider", &m.provider)]),
        None,
        &m.link,
    )?
    .para("p1", &[s("provider", &m.provider)])?
    .facts(facts)?
    .para("p2", &[])?
    .finish()
}
