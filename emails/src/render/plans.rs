//! The texts of the plan emails: the decision made, the deadline coming near, the goals to
//! evaluate. Plain language; the client is named by her first name only.
use super::{
    Body, Draft, RenderError,
    fluent::{Tr, n, s},
};
use crate::{Kind, kinds::*};

pub(super) fn plan_decided(m: &PlanDecided, tr: &Tr) -> Result<Body, RenderError> {
    Draft::new(
        tr,
        Kind::PlanDecided,
        ("subject", &[]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para("p1", &[s("granted", tr.money(m.granted))])?
    .facts(vec![
        ("decision-number", m.decision_number.clone()),
        ("granted", tr.money(m.granted)),
        (
            "valid",
            format!("{} – {}", tr.date(m.valid_from), tr.date(m.valid_to)),
        ),
    ])?
    .para("p2", &[])?
    .para("p3", &[])?
    .finish()
}

pub(super) fn plan_decision_due(m: &PlanDecisionDue, tr: &Tr) -> Result<Body, RenderError> {
    let due = tr.date(m.decision_due);
    Draft::new(
        tr,
        Kind::PlanDecisionDue,
        ("subject", &[s("client", &m.client)]),
        None,
        &m.link,
    )?
    .para(
        "p1",
        &[s("client", &m.client), s("date", due), n("days", m.days)],
    )?
    .para("p2", &[])?
    .finish()
}

pub(super) fn plan_evaluation_due(m: &PlanEvaluationDue, tr: &Tr) -> Result<Body, RenderError> {
    Draft::new(
        tr,
        Kind::PlanEvaluationDue,
        ("subject", &[]),
        m.on_behalf_of.as_ref(),
        &m.link,
    )?
    .para("p1", &[n("goals", m.goals)])?
    .para("p2", &[])?
    .finish()
}
