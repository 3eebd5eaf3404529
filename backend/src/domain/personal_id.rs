//! Finnish personal identity code (henkilötunnus): DDMMYYCZZZQ, with the century
//! signs of 2023 (`- Y X W V U` for the 1900s, `A B C D E F` for the 2000s, `+` for
//! the 1800s). Written here rather than taken from the `hetu` crate: that crate
//! panics on some inputs and pulls in an unmaintained random-number generator, and
//! the rule itself is a dozen lines that property tests pin down.
use chrono::NaiveDate;
use std::fmt;

/// A valid identity code. Deliberately neither `Display` nor `Serialize`: it leaves
/// the process only encrypted, or masked through [`PersonalId::masked`].
#[derive(Clone, PartialEq, Eq)]
pub struct PersonalId(String);

impl fmt::Debug for PersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonalId({})", self.masked())
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PersonalIdError {
    #[error("must look like 010190-123A (date, century sign, number, check character)")]
    Format,
    #[error("has an unknown century sign")]
    CenturySign,
    #[error("has a date that does not exist")]
    Date,
    #[error("has an individual number outside 002-999")]
    IndividualNumber,
    #[error("check character does not match")]
    CheckCharacter,
}

const CHECK_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

fn century(sign: char) -> Option<i32> {
    match sign {
        '+' => Some(1800),
        '-' | 'Y' | 'X' | 'W' | 'V' | 'U' => Some(1900),
        'A' | 'B' | 'C' | 'D' | 'E' | 'F' => Some(2000),
        _ => None,
    }
}

/// The check character for the nine digits DDMMYYZZZ.
pub fn check_character(nine_digits: u32) -> char {
    char::from(CHECK_CHARS[(nine_digits % 31) as usize])
}

impl PersonalId {
    pub fn parse(text: &str) -> Result<Self, PersonalIdError> {
        let code = text.trim().to_uppercase();
        let chars: Vec<char> = code.chars().collect();
        if chars.len() != 11 {
            return Err(PersonalIdError::Format);
        }
        let digits = |range: std::ops::Range<usize>| -> Result<u32, PersonalIdError> {
            chars[range].iter().try_fold(0u32, |acc, c| {
                c.to_digit(10)
                    .map(|d| acc * 10 + d)
                    .ok_or(PersonalIdError::Format)
            })
        };
        let (day, month, year2) = (digits(0..2)?, digits(2..4)?, digits(4..6)?);
        let individual = digits(7..10)?;
        let century = century(chars[6]).ok_or(PersonalIdError::CenturySign)?;
        let year = century + i32::try_from(year2).map_err(|_| PersonalIdError::Format)?;
        NaiveDate::from_ymd_opt(year, month, day).ok_or(PersonalIdError::Date)?;
        if individual < 2 {
            return Err(PersonalIdError::IndividualNumber);
        }
        let nine = day * 10_000_000 + month * 100_000 + year2 * 1_000 + individual;
        if check_character(nine) != chars[10] {
            return Err(PersonalIdError::CheckCharacter);
        }
        Ok(PersonalId(code))
    }

    /// The form staff and the client see: birth date and check character only,
    /// `010190-***A`.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        let head: String = chars[..7].iter().collect();
        format!("{head}***{}", chars[10])
    }

    /// The full code as written, for encryption only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// One form per person, for keyed hashing: the century signs of one century are the
    /// same (`010180Y1232` is `010180-1232`), so each century's first sign stands for all.
    pub fn canonical(&self) -> String {
        let mut chars: Vec<char> = self.0.chars().collect();
        chars[6] = match century(chars[6]) {
            Some(1800) => '+',
            Some(2000) => 'A',
            _ => '-',
        };
        chars.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_codes() {
        assert!(PersonalId::parse("131052-308T").is_ok());
        assert!(PersonalId::parse("131052+308T").is_ok());
        assert!(PersonalId::parse("010594Y9021").is_ok());
        assert!(PersonalId::parse("020502E902X").is_ok());
        assert_eq!(
            PersonalId::parse("131052-308U"),
            Err(PersonalIdError::CheckCharacter)
        );
        assert_eq!(
            PersonalId::parse("131052G308T"),
            Err(PersonalIdError::CenturySign)
        );
        assert_eq!(PersonalId::parse("310252-308T"), Err(PersonalIdError::Date));
        assert_eq!(PersonalId::parse("131052-30"), Err(PersonalIdError::Format));
        assert_eq!(
            PersonalId::parse("131052-000T"),
            Err(PersonalIdError::IndividualNumber)
        );
    }

    #[test]
    fn masks_the_individual_number() {
        let id = PersonalId::parse("131052-308T").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(id.masked(), "131052-***T");
        assert!(!format!("{id:?}").contains("308"));
    }

    #[test]
    fn every_century_sign_of_a_century_is_one_person() {
        let dash = PersonalId::parse("010180-1232").unwrap_or_else(|e| panic!("{e}"));
        for sign in ['Y', 'X', 'W', 'V', 'U'] {
            let other =
                PersonalId::parse(&format!("010180{sign}1232")).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(other.canonical(), dash.canonical());
        }
        let a = PersonalId::parse("010105A123P").unwrap_or_else(|e| panic!("{e}"));
        for sign in ['B', 'C', 'D', 'E', 'F'] {
            let other =
                PersonalId::parse(&format!("010105{sign}123P")).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(other.canonical(), a.canonical());
        }
        assert_ne!(a.canonical(), dash.canonical());
    }

    proptest! {
        #[test]
        fn generated_codes_parse_and_a_wrong_check_character_does_not(
            day in 1u32..=28, month in 1u32..=12, year2 in 0u32..100,
            sign in proptest::sample::select(vec!['-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F', '+']),
            individual in 2u32..1000,
        ) {
            let nine = day * 10_000_000 + month * 100_000 + year2 * 1_000 + individual;
            let check = check_character(nine);
            let code = format!("{day:02}{month:02}{year2:02}{sign}{individual:03}{check}");
            prop_assert!(PersonalId::parse(&code).is_ok(), "{}", code);
            let wrong = if check == '0' { '1' } else { '0' };
            let bad = format!("{day:02}{month:02}{year2:02}{sign}{individual:03}{wrong}");
            prop_assert_eq!(PersonalId::parse(&bad), Err(PersonalIdError::CheckCharacter));
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,15}") {
            let _ = PersonalId::parse(&text);
        }
    }
}
