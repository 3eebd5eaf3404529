//! E-invoice routing in Finland: an organisation's e-invoice address (verkkolaskuosoite),
//! either an OVT code (`0037`, the eight digits of its business ID with a valid check digit,
//! and an optional suffix of up to five letters or digits) or an IBAN-form address; and the
//! operator's ID (välittäjätunnus) that carries its invoices, an OVT code (`003721291126`)
//! or a bank's or operator's code (`NDEAFIHH`, `E204503`). Kept uppercase without spaces.
use std::fmt;

use super::{bank::Iban, business_id::check_digit};

/// An e-invoice address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EinvoiceAddress(String);

/// An e-invoice operator's ID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorId(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EinvoiceError {
    #[error(
        "must be an e-invoice address: an OVT code like 003712345678 (0037, the business ID's digits, optional suffix) or an IBAN"
    )]
    Address,
    #[error(
        "must be an e-invoice operator ID like 003721291126 or NDEAFIHH (2–35 letters and digits)"
    )]
    Operator,
    #[error("the business ID inside this OVT code has a wrong check digit")]
    OvtCheckDigit,
}

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase()
}

/// `0037` + eight digits whose last is the business ID's check digit + 0–5 letters or
/// digits: `Ok(true)`; not OVT-shaped at all: `Ok(false)`.
fn ovt(code: &str) -> Result<bool, EinvoiceError> {
    let Some(rest) = code.strip_prefix("0037") else {
        return Ok(false);
    };
    let bytes = rest.as_bytes();
    if bytes.len() < 8 || bytes.len() > 13 || !bytes[..8].iter().all(u8::is_ascii_digit) {
        return Ok(false);
    }
    if !bytes[8..].iter().all(u8::is_ascii_alphanumeric) {
        return Ok(false);
    }
    let mut digits = [0u32; 7];
    for (slot, byte) in digits.iter_mut().zip(&bytes[..7]) {
        *slot = u32::from(*byte - b'0');
    }
    match check_digit(&digits) {
        Some(check) if check == u32::from(bytes[7] - b'0') => Ok(true),
        _ => Err(EinvoiceError::OvtCheckDigit),
    }
}

impl EinvoiceAddress {
    pub fn parse(text: &str) -> Result<Self, EinvoiceError> {
        let code = compact(text);
        if ovt(&code)? {
            return Ok(EinvoiceAddress(code));
        }
        Iban::parse(&code)
            .map(|iban| EinvoiceAddress(iban.as_str().to_owned()))
            .map_err(|_| EinvoiceError::Address)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl OperatorId {
    pub fn parse(text: &str) -> Result<Self, EinvoiceError> {
        let code = compact(text);
        if ovt(&code)? {
            return Ok(OperatorId(code));
        }
        let shape =
            (2..=35).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
        if shape {
            Ok(OperatorId(code))
        } else {
            Err(EinvoiceError::Operator)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EinvoiceAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for OperatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where one party's e-invoices go, as far as it has said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Routing {
    pub address: Option<String>,
    pub operator: Option<String>,
}

impl Routing {
    /// Both the address and the operator, or `None`.
    pub fn complete(&self) -> Option<(&str, &str)> {
        Some((self.address.as_deref()?, self.operator.as_deref()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_are_ovt_codes_or_ibans() {
        let ok = |t: &str| EinvoiceAddress::parse(t).map(|a| a.as_str().to_owned());
        // 2345671-? : the demo's Kielo; 1234567-1 is a valid business ID.
        assert_eq!(ok("003712345671"), Ok("003712345671".into()));
        assert_eq!(ok(" 0037 1234567-1 "), Ok("003712345671".into()));
        assert_eq!(ok("003712345671001"), Ok("003712345671001".into()));
        assert_eq!(
            ok("fi21 1234 5600 0007 85"),
            Ok("FI2112345600000785".into())
        );
        assert_eq!(ok("003712345678"), Err(EinvoiceError::OvtCheckDigit));
        assert_eq!(ok("0037123"), Err(EinvoiceError::Address));
        assert_eq!(ok("FI2112345600000786"), Err(EinvoiceError::Address));
        assert_eq!(ok("=cmd|x"), Err(EinvoiceError::Address));
        assert_eq!(ok(""), Err(EinvoiceError::Address));
    }

    #[test]
    fn operators_are_ovt_codes_or_short_codes() {
        let ok = |t: &str| OperatorId::parse(t).map(|a| a.as_str().to_owned());
        assert_eq!(ok("003721291126"), Ok("003721291126".into()));
        assert_eq!(ok("ndeafihh"), Ok("NDEAFIHH".into()));
        assert_eq!(ok("E204503"), Ok("E204503".into()));
        assert_eq!(ok("003721291127"), Err(EinvoiceError::OvtCheckDigit));
        assert_eq!(ok("X"), Err(EinvoiceError::Operator));
        assert_eq!(ok("<Maventa>"), Err(EinvoiceError::Operator));
        assert_eq!(ok(&"A".repeat(36)), Err(EinvoiceError::Operator));
    }

    #[test]
    fn routing_is_complete_with_both() {
        let mut r = Routing {
            address: Some("003712345671".into()),
            operator: None,
        };
        assert_eq!(r.complete(), None);
        r.operator = Some("NDEAFIHH".into());
        assert_eq!(r.complete(), Some(("003712345671", "NDEAFIHH")));
    }

    proptest! {
        #[test]
        fn parsed_codes_fit_finvoice(text in "[ -~]{0,40}") {
            if let Ok(a) = EinvoiceAddress::parse(&text) {
                prop_assert!((2..=35).contains(&a.as_str().len()));
                prop_assert!(a.as_str().bytes().all(|b| b.is_ascii_alphanumeric()));
            }
            if let Ok(o) = OperatorId::parse(&text) {
                prop_assert!((2..=35).contains(&o.as_str().len()));
                prop_assert!(o.as_str().bytes().all(|b| b.is_ascii_alphanumeric()));
            }
        }
    }
}
