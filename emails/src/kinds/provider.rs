//! Emails to a provider's staff. Clients appear only as pseudonyms ("A-7F3K"), never by name.
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a commitment is settled; the same three methods as the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Voucher,
    PaymentCommitment,
    DirectInvoice,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Voucher => "voucher",
            Method::PaymentCommitment => "payment_commitment",
            Method::DirectInvoice => "direct_invoice",
        }
    }
}

/// "We got your application."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationReceived {
    pub purchaser: String,
    pub services: Vec<String>,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationApproved {
    pub purchaser: String,
    pub services: Vec<String>,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationRejected {
    pub purchaser: String,
    pub services: Vec<String>,
    pub reason: String,
    pub link: String,
}

/// A new commitment waits for the provider to accept or decline it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitmentRequested {
    pub offering: String,
    /// The client's pseudonym.
    pub client: String,
    pub method: Method,
    #[serde(default)]
    pub reserve: Option<Decimal>,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitmentClosed {
    pub offering: String,
    /// The client's pseudonym.
    pub client: String,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisputeOpened {
    pub offering: String,
    /// The client's pseudonym.
    pub client: String,
    pub delivery_date: NaiveDate,
    pub amount: Decimal,
    pub reason: String,
    pub link: String,
}

/// A review has waited for the provider's reply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewReplyReminder {
    pub offering: String,
    pub stars: u8,
    pub written: NaiveDate,
    pub link: String,
}

/// `commitments` commitments have had no delivery recorded for over `recording_days` days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveriesOverdue {
    pub purchaser: String,
    pub commitments: u32,
    pub recording_days: u32,
    pub link: String,
}

/// The provider's bank details changed: every staff member hears it, so a change nobody at
/// the provider made (a hijacked account redirecting payments) is noticed before payday.
/// Accounts are masked (`FI** **** **** **07 85`): an email is not the place for them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BankDetailsChanged {
    pub provider: String,
    /// Who changed them (a staff member's name).
    pub by: String,
    pub on: NaiveDate,
    /// The masked account before, if there was one.
    #[serde(default)]
    pub iban_before: Option<String>,
    pub iban_after: String,
    #[serde(default)]
    pub bic_before: Option<String>,
    #[serde(default)]
    pub bic_after: Option<String>,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvoiceReady {
    pub purchaser: String,
    pub number: String,
    /// The billing month, `YYYY-MM`.
    pub month: String,
    pub total: Decimal,
    pub credit_note: bool,
    pub due: NaiveDate,
    pub link: String,
}
