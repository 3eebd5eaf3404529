//! Emails about personal budget plans: the decision made (to the client and her proxies),
//! a decision deadline coming near (to the purchaser's case workers), and the time to
//! evaluate the goals (to the client and her proxies). Only a first name, never more.
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The plan was decided: what was granted and where to read the decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDecided {
    /// For a proxy: the client's first name.
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub decision_number: String,
    pub granted: Decimal,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// The printable decision, `/plans/{id}/decision`.
    pub link: String,
}

/// A draft plan's decision is due in `days` days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDecisionDue {
    /// The client's first name only: enough for the case worker to know the plan.
    pub client: String,
    pub decision_due: NaiveDate,
    pub days: u32,
    pub link: String,
}

/// Three months have passed again since the decision: time to say how the goals go.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanEvaluationDue {
    /// For a proxy: the client's first name.
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// How many goals the plan has.
    pub goals: u32,
    pub link: String,
}
