//! An email address, trimmed and lower-cased so that sign-in does not depend on case.
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be an email address like name@example.fi")]
pub struct EmailError;

impl EmailAddress {
    pub fn parse(text: &str) -> Result<Self, EmailError> {
        let email = text.trim().to_lowercase();
        let (local, domain) = email.split_once('@').ok_or(EmailError)?;
        let valid = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if valid {
            Ok(EmailAddress(email))
        } else {
            Err(EmailError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_refuses() {
        assert_eq!(
            EmailAddress::parse(" Anna@Example.FI ").map(|e| e.0),
            Ok("anna@example.fi".into())
        );
        for bad in [
            "", "anna", "@x.fi", "anna@x", "a b@x.fi", "a@@x.fi", "a@x.fi.",
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailError), "{bad}");
        }
    }
}
