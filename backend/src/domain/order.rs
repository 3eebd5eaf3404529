//! What a client tells the provider with an order, beyond which offering and how it is paid:
//! the day she would like it to start, how much she wishes, and a message. Each is optional;
//! each one given is checked here, naming its field when wrong.
use chrono::NaiveDate;

use super::{
    Quantity,
    day::parse_day,
    text::{TextError, parse_optional_text},
};

/// Longest message to the provider: room for a few sentences about access, times and needs.
pub const MESSAGE_MAX_CHARS: usize = 1000;

/// The details as typed (the API's strings, the portal's form fields).
#[derive(Clone, Copy, Debug, Default)]
pub struct OrderDetailsText<'a> {
    pub start_date: Option<&'a str>,
    pub quantity: Option<&'a str>,
    pub message: Option<&'a str>,
}

/// The details, parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderDetails {
    pub start_date: Option<NaiveDate>,
    pub quantity: Option<Quantity>,
    pub message: Option<String>,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum OrderDetailsError {
    #[error("must be a date like 2026-11-22")]
    NotADate,
    #[error("must not be in the past (today is {0})")]
    StartInThePast(NaiveDate),
    #[error("must be on or before {0}, the last day of the decision")]
    StartAfterAllocation(NaiveDate),
    #[error("{0}")]
    Quantity(super::quantity::QuantityError),
    #[error("{0}")]
    Message(TextError),
}

impl OrderDetailsError {
    /// The field the error is about, as the API and the form name it.
    pub fn field(&self) -> &'static str {
        match self {
            Self::NotADate | Self::StartInThePast(_) | Self::StartAfterAllocation(_) => {
                "start_date"
            }
            Self::Quantity(_) => "quantity",
            Self::Message(_) => "message",
        }
    }
}

impl OrderDetails {
    /// Parses the details of an order paid from a decision that ends on `allocation_ends`:
    /// the start may be today at the earliest and the decision's last day at the latest.
    pub fn parse(
        text: OrderDetailsText<'_>,
        today: NaiveDate,
        allocation_ends: NaiveDate,
    ) -> Result<Self, OrderDetailsError> {
        let start_date = match text.start_date.map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(raw) => {
                let day = parse_day(raw).map_err(|_| OrderDetailsError::NotADate)?;
                if day < today {
                    return Err(OrderDetailsError::StartInThePast(today));
                }
                if day > allocation_ends {
                    return Err(OrderDetailsError::StartAfterAllocation(allocation_ends));
                }
                Some(day)
            }
        };
        let quantity = text
            .quantity
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(Quantity::parse)
            .transpose()
            .map_err(OrderDetailsError::Quantity)?;
        let message = parse_optional_text(text.message, MESSAGE_MAX_CHARS)
            .map_err(OrderDetailsError::Message)?;
        Ok(OrderDetails {
            start_date,
            quantity,
            message,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn parse(
        start: &str,
        quantity: &str,
        message: &str,
    ) -> Result<OrderDetails, OrderDetailsError> {
        let text = OrderDetailsText {
            start_date: Some(start),
            quantity: Some(quantity),
            message: Some(message),
        };
        OrderDetails::parse(text, day(2026, 12, 7), day(2026, 12, 31))
    }

    #[test]
    fn blank_details_are_none_and_good_ones_are_kept() {
        assert_eq!(parse(" ", "", "  "), Ok(OrderDetails::default()));
        let parsed = parse("2026-12-07", "1.5", " Ovikoodi 1234\nSoita ensin. ");
        assert_eq!(
            parsed,
            Ok(OrderDetails {
                start_date: Some(day(2026, 12, 7)),
                quantity: Quantity::parse("1.5").ok(),
                message: Some("Ovikoodi 1234\nSoita ensin.".into()),
            })
        );
        assert!(
            parse("2026-12-31", "", "").is_ok(),
            "the decision's last day"
        );
    }

    #[test]
    fn each_bad_detail_names_its_field() {
        let field = |r: Result<OrderDetails, OrderDetailsError>| r.err().map(|e| e.field());
        assert_eq!(field(parse("2026-12-06", "", "")), Some("start_date"));
        assert_eq!(field(parse("2027-01-01", "", "")), Some("start_date"));
        assert_eq!(field(parse("7.12.2026", "", "")), Some("start_date"));
        assert_eq!(field(parse("", "0", "")), Some("quantity"));
        assert_eq!(field(parse("", "-2", "")), Some("quantity"));
        let long = "a".repeat(MESSAGE_MAX_CHARS + 1);
        assert_eq!(field(parse("", "", &long)), Some("message"));
        assert_eq!(field(parse("", "", "bell\u{7}")), Some("message"));
        assert!(parse("", "", &"ä".repeat(MESSAGE_MAX_CHARS)).is_ok());
    }
}
