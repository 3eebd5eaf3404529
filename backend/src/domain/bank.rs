//! A provider's bank details for payment: IBAN (checked by `iban_validate`: country format
//! and the mod-97 check digits) and BIC (SWIFT code: bank, country, location, branch).
use std::fmt;

use iban::IbanLike;

/// A valid IBAN, kept in its electronic form (`FI2112345600000785`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iban(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a valid IBAN, e.g. FI21 1234 5600 0007 85 (country, check digits, account)")]
pub struct IbanError;

impl Iban {
    pub fn parse(text: &str) -> Result<Self, IbanError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        compact
            .parse::<iban::Iban>()
            .map(|i| Iban(i.electronic_str().to_owned()))
            .map_err(|_| IbanError)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn country(&self) -> &str {
        &self.0[..2]
    }

    /// The account for logs and emails: country and the last four characters, the rest as
    /// `*`, in the paper form's groups of four (`FI** **** **** **07 85`). Enough to tell two accounts apart,
    /// not enough to pay into one.
    pub fn masked(&self) -> String {
        mask_iban(&self.0)
    }
}

/// [`Iban::masked`] for a stored account (which may predate today's parser).
pub fn mask_iban(stored: &str) -> String {
    let compact: Vec<char> = stored.chars().filter(|c| !c.is_whitespace()).collect();
    let keep_from = compact.len().saturating_sub(4);
    let masked: String = compact
        .iter()
        .enumerate()
        .map(|(i, c)| if i < 2 || i >= keep_from { *c } else { '*' })
        .collect();
    masked
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

impl fmt::Display for Iban {
    /// The paper form, in groups of four.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: Vec<&str> = self
            .0
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect();
        f.write_str(&groups.join(" "))
    }
}

/// A BIC: four letters of bank, two of country, two letters or digits of location, and
/// optionally three of branch (`NDEAFIHH`, `OKOYFIHHXXX`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bic(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a BIC of 8 or 11 characters, e.g. NDEAFIHH")]
pub struct BicError;

impl Bic {
    pub fn parse(text: &str) -> Result<Self, BicError> {
        let code = text.trim().to_uppercase();
        let bytes = code.as_bytes();
        let shape = matches!(bytes.len(), 8 | 11)
            && bytes[..6].iter().all(u8::is_ascii_uppercase)
            && bytes[6..].iter().all(u8::is_ascii_alphanumeric);
        if shape { Ok(Bic(code)) } else { Err(BicError) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn country(&self) -> &str {
        &self.0[4..6]
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_account_keeps_country_and_last_four() {
        let iban = Iban::parse("FI21 1234 5600 0007 85").unwrap();
        assert_eq!(iban.masked(), "FI** **** **** **07 85");
        assert_eq!(mask_iban("FI21"), "FI21");
        assert_eq!(mask_iban(""), "");
    }
    use proptest::prelude::*;

    #[test]
    fn ibans_are_checked_and_normalised() {
        let Ok(iban) = Iban::parse("fi21 1234 5600 0007 85") else {
            panic!("a valid IBAN was refused");
        };
        assert_eq!(iban.as_str(), "FI2112345600000785");
        assert_eq!(iban.to_string(), "FI21 1234 5600 0007 85");
        assert_eq!(iban.country(), "FI");
        assert_eq!(
            Iban::parse("FI2112345600000786"),
            Err(IbanError),
            "check digits"
        );
        assert_eq!(Iban::parse("FI211234560000078"), Err(IbanError), "length");
        assert_eq!(Iban::parse(""), Err(IbanError));
        assert!(Iban::parse("DE44 5001 0517 5407 3249 31").is_ok());
    }

    #[test]
    fn bics_have_their_shape() {
        assert_eq!(
            Bic::parse("ndeafihh").map(|b| b.country().to_owned()),
            Ok("FI".into())
        );
        assert!(Bic::parse("OKOYFIHHXXX").is_ok());
        assert_eq!(Bic::parse("NDEAFIH"), Err(BicError));
        assert_eq!(Bic::parse("NDE1FIHH"), Err(BicError));
        assert_eq!(Bic::parse("NDEAFIHHX"), Err(BicError));
    }

    proptest! {
        /// No input panics, and whatever parses prints back to the same IBAN.
        #[test]
        fn any_text_parses_or_is_refused(text in "\\PC{0,40}") {
            if let Ok(iban) = Iban::parse(&text) {
                prop_assert_eq!(Iban::parse(&iban.to_string()), Ok(iban));
            }
            let _ = Bic::parse(&text);
        }
    }
}
