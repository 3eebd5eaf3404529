//! Municipality code: three digits, as Statistics Finland numbers them ("091" is Helsinki).
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Municipality(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a three-digit municipality code, like \"091\"")]
pub struct MunicipalityError;

impl Municipality {
    pub fn parse(text: &str) -> Result<Self, MunicipalityError> {
        let text = text.trim();
        if text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Municipality(text.to_owned()))
        } else {
            Err(MunicipalityError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Municipality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_digits_only() {
        assert!(Municipality::parse("091").is_ok());
        assert!(Municipality::parse("91").is_err());
        assert!(Municipality::parse("09a").is_err());
        assert!(Municipality::parse("٠٩١").is_err());
    }
}
