//! The texts of the emails to a client or their proxy: plain language, what happened, what it
//! means for the money, and what to do next.
use rust_decimal::Decimal;

use super::{
    Body, Draft, RenderError,
    fluent::{Tr, n, s},
};
use crate::{Kind, kinds::*};

pub(super) fn allocation_granted(m: &AllocationGranted, tr: &Tr) -> Result<Body, RenderError> {
    let kind = [s("kind", m.kind.as_str())];
    Draft::new(
        tr,
        Kind::AllocationGranted,
        ("subject", &kind),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para(
        "p1",
        &[
            s("purchaser", &m.purchaser),
            s("granted", tr.money(m.granted)),
        ],
    )?
    .facts(vec![
        ("kind", tr.t(&format!("funding-{}", m.kind.as_str()))?),
        ("granted", tr.money(m.granted)),
        (
            "valid",
            format!("{} – {}", tr.date(m.valid_from), tr.date(m.valid_to)),
        ),
    ])?
    .para("p2", &[s("to", tr.date(m.valid_to))])?
    .finish()
}

pub(super) fn commitment_accepted(m: &CommitmentAccepted, tr: &Tr) -> Result<Body, RenderError> {
    commitment_answer(
        tr,
        Kind::CommitmentAccepted,
        &m.provider,
        &m.offering,
        m.on_behalf_of.as_ref(),
        &m.link,
    )
}

pub(super) fn commitment_declined(m: &CommitmentDeclined, tr: &Tr) -> Result<Body, RenderError> {
    commitment_answer(
        tr,
        Kind::CommitmentDeclined,
        &m.provider,
        &m.offering,
        m.on_behalf_of.as_ref(),
        &m.link,
    )
}

/// The provider's answer to a request, accepted or declined: the same shape, other words.
fn commitment_answer(
    tr: &Tr,
    kind: Kind,
    provider: &str,
    offering: &str,
    on_behalf_of: Option<&String>,
    link: &str,
) -> Result<Body, RenderError> {
    let what = [s("provider", provider), s("offering", offering)];
    Draft::new(tr, kind, ("subject", &[]), on_behalf_of, link)?
        .para("p1", &what)?
        .para("p2", &[])?
        .finish()
}

pub(super) fn delivery_recorded(m: &DeliveryRecorded, tr: &Tr) -> Result<Body, RenderError> {
    Draft::new(
        tr,
        Kind::DeliveryRecorded,
        ("subject", &[s("offering", &m.offering)]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para("p1", &[s("provider", &m.provider)])?
    .facts(vec![
        ("offering", m.offering.clone()),
        ("provider", m.provider.clone()),
        ("date", tr.date(m.date)),
        ("quantity", tr.quantity(m.quantity, &m.unit)?),
        ("total", tr.money(m.total)),
        ("purchaser-share", tr.money(m.purchaser_share)),
        ("client-share", tr.money(m.client_share)),
    ])?
    .para_if(m.client_share > Decimal::ZERO, "p2", &[])?
    .para("p3", &[s("available", tr.money(m.available))])?
    .para("p4", &[s("until", tr.date(m.dispute_until))])?
    .finish()
}

pub(super) fn delivery_digest(m: &DeliveryDigest, tr: &Tr) -> Result<Body, RenderError> {
    let period = [s("from", tr.date(m.from)), s("to", tr.date(m.to))];
    let lines = m
        .deliveries
        .iter()
        .map(|line| digest_line(line, tr))
        .collect::<Result<Vec<_>, _>>()?;
    let count = u32::try_from(m.deliveries.len()).unwrap_or(u32::MAX);
    Draft::new(
        tr,
        Kind::DeliveryDigest,
        ("subject", &period),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para(
        "p1",
        &[
            n("count", count),
            s("from", tr.date(m.from)),
            s("to", tr.date(m.to)),
        ],
    )?
    .list(lines)
    .para("p2", &[s("available", tr.money(m.available))])?
    .para_if(count > 0, "p3", &[])?
    .finish()
}

/// "5.10.2026: Kotisiivous, Siivouspalvelu Kirkas Oy, 1,5 tuntia, 67,50 € (omavastuu 7,50 €)".
fn digest_line(line: &DigestLine, tr: &Tr) -> Result<String, RenderError> {
    let mut args = vec![
        s("date", tr.date(line.date)),
        s("offering", &line.offering),
        s("provider", &line.provider),
        s("quantity", tr.quantity(line.quantity, &line.unit)?),
        s("total", tr.money(line.total)),
    ];
    let key = if line.client_share > Decimal::ZERO {
        args.push(s("share", tr.money(line.client_share)));
        "delivery_digest-line-share"
    } else {
        "delivery_digest-line"
    };
    tr.t_with(key, &args)
}

pub(super) fn balance_low(m: &BalanceLow, tr: &Tr) -> Result<Body, RenderError> {
    Draft::new(
        tr,
        Kind::BalanceLow,
        ("subject", &[]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para(
        "p1",
        &[
            s("available", tr.money(m.available)),
            s("granted", tr.money(m.granted)),
            n("percent", m.percent),
        ],
    )?
    .para("p2", &[])?
    .finish()
}

pub(super) fn allocation_ending(m: &AllocationEnding, tr: &Tr) -> Result<Body, RenderError> {
    let end = tr.date(m.valid_to);
    Draft::new(
        tr,
        Kind::AllocationEnding,
        ("subject", &[s("date", end.clone())]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para("p1", &[s("date", end), n("days", m.days)])?
    .para("p2", &[s("available", tr.money(m.available))])?
    .para("p3", &[])?
    .finish()
}

pub(super) fn dispute_decided(m: &DisputeDecided, tr: &Tr) -> Result<Body, RenderError> {
    let variant = match (&m.partly, m.upheld) {
        (Some(_), true) => "partly",
        (None, true) => "upheld",
        (_, false) => "rejected",
    };
    let mut facts = vec![
        ("offering", m.offering.clone()),
        ("date", tr.date(m.delivery_date)),
        ("amount", tr.money(m.amount)),
    ];
    if let Some(note) = m.note.as_ref().filter(|note| !note.trim().is_empty()) {
        facts.push(("note", note.clone()));
    }
    let mut args = vec![s("offering", &m.offering), s("amount", tr.money(m.amount))];
    if let Some(partly) = &m.partly {
        args.push(s("recorded", &partly.recorded));
        args.push(s("found", &partly.found));
        args.push(s("returned", tr.money(partly.returned)));
    }
    Draft::new(
        tr,
        Kind::DisputeDecided,
        (&format!("subject-{variant}"), &[]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para(&format!("p1-{variant}"), &args)?
    .facts(facts)?
    .para(&format!("p2-{variant}"), &[])?
    .finish()
}

pub(super) fn price_changed(m: &PriceChanged, tr: &Tr) -> Result<Body, RenderError> {
    let from = tr.date(m.valid_from);
    let mut facts = vec![
        ("offering", m.offering.clone()),
        ("provider", m.provider.clone()),
    ];
    if let Some(old) = m.old_price {
        facts.push(("price-before", tr.money(old)));
    }
    facts.push(("price-after", tr.money(m.new_price)));
    facts.push(("valid-from", from.clone()));
    Draft::new(
        tr,
        Kind::PriceChanged,
        ("subject", &[s("offering", &m.offering)]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para(
        "p1",
        &[
            s("provider", &m.provider),
            s("offering", &m.offering),
            s("date", from),
            s("price", tr.money(m.new_price)),
        ],
    )?
    .facts(facts)?
    .para("p2", &[])?
    .finish()
}

pub(super) fn allocation_expired(m: &AllocationExpired, tr: &Tr) -> Result<Body, RenderError> {
    let end = tr.date(m.valid_to);
    Draft::new(
        tr,
        Kind::AllocationExpired,
        ("subject", &[]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para("p1", &[s("date", end), s("expired", tr.money(m.expired))])?
    .para("p2", &[])?
    .finish()
}
