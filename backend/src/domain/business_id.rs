//! Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct BusinessId(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum BusinessIdError {
    #[error("must look like 1234567-8 (seven digits, hyphen, check digit)")]
    Format,
    #[error("check digit does not match")]
    CheckDigit,
}

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// The check digit for seven digits, or `None` where the remainder is 1 (no valid ID).
pub fn check_digit(digits: &[u32; 7]) -> Option<u32> {
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        remainder => Some(11 - remainder),
    }
}

impl BusinessId {
    pub fn parse(text: &str) -> Result<Self, BusinessIdError> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() != 9 || bytes[7] != b'-' {
            return Err(BusinessIdError::Format);
        }
        let mut digits = [0u32; 7];
        for (slot, byte) in digits.iter_mut().zip(&bytes[..7]) {
            *slot = char::from(*byte)
                .to_digit(10)
                .ok_or(BusinessIdError::Format)?;
        }
        let given = char::from(bytes[8])
            .to_digit(10)
            .ok_or(BusinessIdError::Format)?;
        match check_digit(&digits) {
            Some(expected) if expected == given => Ok(BusinessId(text.to_owned())),
            _ => Err(BusinessIdError::CheckDigit),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_ids() {
        assert!(BusinessId::parse("0737546-2").is_ok());
        assert!(BusinessId::parse("1572860-0").is_ok());
        assert_eq!(
            BusinessId::parse("0737546-1"),
            Err(BusinessIdError::CheckDigit)
        );
        assert_eq!(BusinessId::parse("073754-62"), Err(BusinessIdError::Format));
        assert_eq!(BusinessId::parse("07375462"), Err(BusinessIdError::Format));
    }

    proptest! {
        #[test]
        fn every_valid_check_digit_parses_and_others_do_not(digits in proptest::array::uniform7(0u32..10)) {
            let body: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
            let expected = check_digit(&digits);
            for candidate in 0..10u32 {
                let id = format!("{body}-{candidate}");
                prop_assert_eq!(BusinessId::parse(&id).is_ok(), expected == Some(candidate));
            }
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,20}") {
            let _ = BusinessId::parse(&text);
        }
    }
}
