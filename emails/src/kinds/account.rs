//! Emails about a person's own access: a link to set or reset a password, and a mandate to
//! act for someone that began or ended.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    /// A new account: the person chooses their first password.
    SetPassword,
    /// The person asked for a new password.
    ResetPassword,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::SetPassword => "set_password",
            LinkPurpose::ResetPassword => "reset_password",
        }
    }

    pub fn parse(raw: &str) -> Option<LinkPurpose> {
        [LinkPurpose::SetPassword, LinkPurpose::ResetPassword]
            .into_iter()
            .find(|purpose| purpose.as_str() == raw)
    }
}

/// A single-use link; `link` carries the token and is valid for `valid_minutes`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountLink {
    pub purpose: LinkPurpose,
    pub valid_minutes: u32,
    pub link: String,
}

/// The link is a key to the account: never in a log.
impl std::fmt::Debug for AccountLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountLink")
            .field("purpose", &self.purpose)
            .field("valid_minutes", &self.valid_minutes)
            .finish_non_exhaustive()
    }
}

/// The reader may now act for `client`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MandateGranted {
    pub client: String,
    pub relation: String,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    pub link: String,
}

/// The reader may no longer act for `client`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MandateEnded {
    pub client: String,
    pub link: String,
}
