//! Emails to a client, or to a proxy acting for them (`on_behalf_of` = the client's name; the
//! proxy gets the same text with "for <name>" added).
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AllocationKind {
    Voucher,
    PersonalBudget,
}

impl AllocationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AllocationKind::Voucher => "voucher",
            AllocationKind::PersonalBudget => "personal_budget",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AllocationGranted {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub purchaser: String,
    /// Stored as `allocation_kind`: the JSON's `kind` is the notification's own tag.
    #[serde(rename = "allocation_kind")]
    pub kind: AllocationKind,
    pub granted: Decimal,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitmentAccepted {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub offering: String,
    pub provider: String,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitmentDeclined {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub offering: String,
    pub provider: String,
    pub link: String,
}

/// One delivery: what, when, how much, the new balance and until when it can be disputed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryRecorded {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub offering: String,
    pub provider: String,
    pub date: NaiveDate,
    pub quantity: Decimal,
    /// The unit code ("hour", "day", "visit", "trip", "month", "session", "piece"); the crate
    /// writes it in the reader's language.
    pub unit: String,
    pub total: Decimal,
    pub purchaser_share: Decimal,
    pub client_share: Decimal,
    pub available: Decimal,
    pub dispute_until: NaiveDate,
    pub link: String,
}

/// One line of the weekly digest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DigestLine {
    pub offering: String,
    pub provider: String,
    pub date: NaiveDate,
    pub quantity: Decimal,
    /// A unit code, as in [`DeliveryRecorded::unit`].
    pub unit: String,
    pub total: Decimal,
    pub client_share: Decimal,
}

/// The week's deliveries in one message, for those who chose a digest over one per delivery.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryDigest {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub deliveries: Vec<DigestLine>,
    pub available: Decimal,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BalanceLow {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub available: Decimal,
    pub granted: Decimal,
    /// How much of the granted money is left, in percent.
    pub percent: u32,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AllocationEnding {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub valid_to: NaiveDate,
    /// Days left: the reminders go out at 30 and at 7.
    pub days: u32,
    pub available: Decimal,
    pub link: String,
}

/// `upheld` = the client was right and the money came back to the balance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisputeDecided {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub offering: String,
    pub delivery_date: NaiveDate,
    pub amount: Decimal,
    pub upheld: bool,
    #[serde(default)]
    pub note: Option<String>,
    /// Set when the dispute was upheld in part: a smaller quantity was found delivered.
    #[serde(default)]
    pub partly: Option<PartlyUpheld>,
    pub link: String,
}

/// A partial uphold: what was recorded, what the case worker found delivered, and the
/// money that came back to the balance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartlyUpheld {
    pub recorded: String,
    pub found: String,
    pub returned: Decimal,
}

/// A provider changes the price of an offering the client has an open commitment on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceChanged {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub offering: String,
    pub provider: String,
    /// The price in force before the change, per unit (as the unit's text, e.g. "1 tunti").
    #[serde(default)]
    pub old_price: Option<Decimal>,
    pub new_price: Decimal,
    pub valid_from: NaiveDate,
    pub link: String,
}

/// The decision's period and grace days are over: what was not used has expired.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AllocationExpired {
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    pub valid_to: NaiveDate,
    pub expired: Decimal,
    pub link: String,
}
