//! The texts of the emails to a purchaser's staff.
use super::{
    Body, Draft, RenderError,
    fluent::{Tr, s},
};
use crate::{Kind, kinds::*};

pub(super) fn provider_application(m: &ProviderApplication, tr: &Tr) -> Result<Body, RenderError> {
    let provider = [s("provider", &m.provider)];
    Draft::new(
        tr,
        Kind::ProviderApplication,
        ("subject", &provider),
        None,
        &m.link,
    )?
    .para("p1", &provider)?
    .list(m.services.clone())
    .para("p2", &[])?
    .finish()
}

pub(super) fn dispute_to_handle(m: &DisputeToHandle, tr: &Tr) -> Result<Body, RenderError> {
    Draft::new(tr, Kind::DisputeToHandle, ("subject", &[]), None, &m.link)?
        .para("p1", &[s("provider", &m.provider)])?
        .facts(vec![
            ("provider", m.provider.clone()),
            ("offering", m.offering.clone()),
            ("date", tr.date(m.delivery_date)),
            ("amount", tr.money(m.amount)),
        ])?
        .para("p2", &[])?
        .finish()
}

pub(super) fn review_reported(m: &ReviewReported, tr: &Tr) -> Result<Body, RenderError> {
    Draft::new(tr, Kind::ReviewReported, ("subject", &[]), None, &m.link)?
        .para("p1", &[s("offering", &m.offering)])?
        .facts(vec![
            ("offering", m.offering.clone()),
            ("report-reason", m.reason.clone()),
        ])?
        .para("p2", &[])?
        .finish()
}
