//! Emails to a purchaser's staff: things waiting for their decision.
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A new provider application to decide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProviderApplication {
    pub provider: String,
    pub services: Vec<String>,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisputeToHandle {
    pub provider: String,
    pub offering: String,
    pub delivery_date: NaiveDate,
    pub amount: Decimal,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewReported {
    pub offering: String,
    pub reason: String,
    pub link: String,
}
