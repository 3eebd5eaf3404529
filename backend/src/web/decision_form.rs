//! The one form a staff member decides with — an application, a dispute, a reported review:
//! a choice among named options, the reason the other side will read, and (for a dispute
//! upheld in part) the quantity found delivered. Each page names its own choices.
use serde::Deserialize;

use crate::error::{AppError, AppResult};

#[derive(Deserialize, Default)]
pub struct DecisionForm {
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub reason: String,
    /// Only a partly upheld dispute has one: the quantity found delivered.
    #[serde(default)]
    pub quantity: String,
}

impl DecisionForm {
    /// The choice made, among `choices` (the form's values and what each means); anything
    /// else is refused naming the `decision` field and the values it takes.
    pub fn choice<T: Copy>(&self, choices: &[(&str, T)]) -> AppResult<T> {
        choices
            .iter()
            .find(|(value, _)| *value == self.decision)
            .map(|(_, choice)| *choice)
            .ok_or_else(|| {
                let values: Vec<&str> = choices.iter().map(|(value, _)| *value).collect();
                AppError::invalid(
                    "decision",
                    format_args!("must be one of {}", values.join(", ")),
                )
            })
    }

    /// The reason as written, None when left empty (the rules decide whether one is needed).
    pub fn reason(&self) -> Option<&str> {
        Some(self.reason.trim()).filter(|r| !r.is_empty())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn form(decision: &str, reason: &str) -> DecisionForm {
        DecisionForm {
            decision: decision.into(),
            reason: reason.into(),
            quantity: String::new(),
        }
    }

    #[test]
    fn a_listed_choice_is_taken_and_anything_else_names_the_field_and_values() {
        let choices = [("approve", true), ("reject", false)];
        assert!(form("approve", "").choice(&choices).unwrap());
        assert!(!form("reject", "").choice(&choices).unwrap());
        let refused = form("maybe", "").choice(&choices).unwrap_err();
        let body = format!("{refused:?}");
        assert!(body.contains("decision"), "{body}");
        assert!(body.contains("approve, reject"), "{body}");
    }

    #[test]
    fn a_blank_reason_is_no_reason() {
        assert_eq!(form("x", "  \n ").reason(), None);
        assert_eq!(form("x", " Not delivered ").reason(), Some("Not delivered"));
    }
}
