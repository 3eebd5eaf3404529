//! Payment references: the Finnish reference number (viitenumero: 3–19 digits and a check
//! digit computed with the weights 7, 3, 1 from the right) and its international form, the
//! ISO 11649 creditor reference (`RF` + two check digits + the reference).
use std::fmt;

/// A valid Finnish reference number, digits only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinnishReference(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    #[error("must be 4 to 20 digits")]
    Format,
    #[error("check digit does not match")]
    CheckDigit,
}

fn check_digit(base: &str) -> u32 {
    let sum: u32 = base
        .bytes()
        .rev()
        .zip([7, 3, 1].iter().cycle())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    (10 - sum % 10) % 10
}

impl FinnishReference {
    /// The reference for a base number (say an invoice number), with its check digit.
    /// The base is padded to three digits, the shortest a reference may have before it.
    pub fn from_base(base: u64) -> Self {
        let base = format!("{base:03}");
        let check = check_digit(&base);
        FinnishReference(format!("{base}{check}"))
    }

    /// The reference for a base of 3 to 19 digits, with its check digit.
    pub fn from_base_digits(base: &str) -> Result<Self, ReferenceError> {
        if !(3..=19).contains(&base.len()) || !base.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ReferenceError::Format);
        }
        Ok(FinnishReference(format!("{base}{}", check_digit(base))))
    }

    pub fn parse(text: &str) -> Result<Self, ReferenceError> {
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if !(4..=20).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ReferenceError::Format);
        }
        let (base, check) = digits.split_at(digits.len() - 1);
        if check_digit(base).to_string() != check {
            return Err(ReferenceError::CheckDigit);
        }
        Ok(FinnishReference(digits))
    }

    /// The digits without spaces, as machines read them.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISO 11649 form: `RF` + check digits + the reference, e.g. `RF8512345672`.
    pub fn rf(&self) -> String {
        let check = 98 - mod97(&format!("{}RF00", self.0));
        format!("RF{check:02}{}", self.0)
    }
}

/// The number a string stands for under ISO 7064 (letters as 10–35), modulo 97.
fn mod97(text: &str) -> u32 {
    text.chars().fold(0, |acc, c| {
        let value = c.to_digit(36).unwrap_or(0);
        if value < 10 {
            (acc * 10 + value) % 97
        } else {
            (acc * 100 + value) % 97
        }
    })
}

/// Whether an `RF` creditor reference is valid.
pub fn is_valid_rf(text: &str) -> bool {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let valid_shape = compact.len() >= 5
        && compact.len() <= 25
        && compact.starts_with("RF")
        && compact.chars().all(|c| c.is_ascii_alphanumeric());
    valid_shape && {
        let (head, reference) = compact.split_at(4);
        mod97(&format!("{reference}{head}")) == 1
    }
}

impl fmt::Display for FinnishReference {
    /// Printed in groups of five from the right, as Finnish invoices show it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.as_bytes();
        let first = digits.len() % 5;
        let mut groups = Vec::new();
        if first > 0 {
            groups.push(&self.0[..first]);
        }
        groups.extend(
            self.0.as_bytes()[first..]
                .chunks(5)
                .map(|c| std::str::from_utf8(c).unwrap_or_default()),
        );
        f.write_str(&groups.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_references() {
        assert_eq!(FinnishReference::from_base(123).as_str(), "1232");
        assert_eq!(FinnishReference::from_base(1_234_567).as_str(), "12345672");
        assert_eq!(FinnishReference::from_base(1).as_str(), "0013");
        assert_eq!(
            FinnishReference::from_base(1_234_567).to_string(),
            "123 45672"
        );
        assert!(FinnishReference::parse("1232").is_ok());
        assert_eq!(
            FinnishReference::parse("1233"),
            Err(ReferenceError::CheckDigit)
        );
        assert_eq!(FinnishReference::parse("12"), Err(ReferenceError::Format));
        assert_eq!(FinnishReference::parse("12a2"), Err(ReferenceError::Format));
    }

    #[test]
    fn references_from_a_digit_base() {
        assert_eq!(
            FinnishReference::from_base_digits("3221000000001").map(|r| r.to_string()),
            Ok("3221 00000 00017".to_owned())
        );
        assert_eq!(
            FinnishReference::from_base_digits("12"),
            Err(ReferenceError::Format)
        );
        assert_eq!(
            FinnishReference::from_base_digits("12a"),
            Err(ReferenceError::Format)
        );
    }

    #[test]
    fn rf_form_matches_iso_11649() {
        // The standard's own example.
        assert!(is_valid_rf("RF18 5390 0754 7034"));
        assert!(!is_valid_rf("RF19 5390 0754 7034"));
        assert_eq!(FinnishReference::from_base(1_234_567).rf(), "RF8512345672");
        assert_eq!(FinnishReference::from_base(123).rf(), "RF111232");
    }

    proptest! {
        #[test]
        fn every_generated_reference_parses_and_its_rf_form_is_valid(base in 0u64..10_000_000_000_000_000) {
            let reference = FinnishReference::from_base(base);
            prop_assert_eq!(FinnishReference::parse(&reference.to_string()), Ok(reference.clone()));
            prop_assert!(is_valid_rf(&reference.rf()));
        }

        #[test]
        fn a_changed_digit_is_caught(base in 100u64..1_000_000_000, pos in 0usize..9, bump in 1u8..10) {
            let reference = FinnishReference::from_base(base);
            let mut digits = reference.as_str().as_bytes().to_vec();
            let pos = pos % digits.len();
            digits[pos] = b'0' + (digits[pos] - b'0' + bump) % 10;
            let changed = String::from_utf8(digits).unwrap_or_default();
            prop_assert!(FinnishReference::parse(&changed).is_err());
        }
    }
}
