//! The texts of the emails about a person's own access.
use super::{
    Body, Draft, RenderError,
    fluent::{Tr, n, s},
};
use crate::{Kind, kinds::*};

pub(super) fn account_link(m: &AccountLink, tr: &Tr) -> Result<Body, RenderError> {
    let purpose = m.purpose.as_str();
    Draft::new(
        tr,
        Kind::AccountLink,
        (&format!("subject-{purpose}"), &[]),
        None,
        &m.link,
    )?
    .para(&format!("p1-{purpose}"), &[])?
    .para("p2", &[n("minutes", m.valid_minutes)])?
    .para("p3", &[])?
    .finish()
}

pub(super) fn mandate_granted(m: &MandateGranted, tr: &Tr) -> Result<Body, RenderError> {
    let who = [s("client", &m.client)];
    let mut facts = vec![("relation", m.relation.clone())];
    if let Some(until) = m.valid_until {
        facts.push(("valid-until", tr.date(until)));
    }
    Draft::new(tr, Kind::MandateGranted, ("subject", &who), None, &m.link)?
        .para("p1", &who)?
        .facts(facts)?
        .para("p2", &[])?
        .finish()
}

pub(super) fn mandate_ended(m: &MandateEnded, tr: &Tr) -> Result<Body, RenderError> {
    let who = [s("client", &m.client)];
    Draft::new(tr, Kind::MandateEnded, ("subject", &who), None, &m.link)?
        .para("p1", &who)?
        .para("p2", &[])?
        .finish()
}
