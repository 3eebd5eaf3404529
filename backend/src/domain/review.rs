//! What a review may say: 1–5 stars, and a text of up to 2,000 characters that carries no
//! links and no contact details. Reviews are public and anonymous, so a phone number, an
//! email address or an identity code in one would expose someone, and a link invites spam.
use std::sync::LazyLock;

use linkify::{LinkFinder, LinkKind};
use regex::Regex;

use super::{
    personal_id::PersonalId,
    text::{TextError, parse_text},
};

pub const MAX_REVIEW_CHARS: usize = 2000;

/// What a moderator decided about a reported review; stored on its reports as the same
/// snake_case text.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    strum::AsRefStr,
    strum::Display,
    strum::EnumString,
    sea_orm::DeriveValueType,
)]
#[strum(serialize_all = "snake_case")]
#[sea_orm(value_type = "String")]
pub enum ModerationDecision {
    /// Out of the public view and the rating.
    Hidden,
    /// Back in the public view and the rating.
    Restored,
    /// The reports were looked at; the review stays public.
    Kept,
}

/// Stars given, 1 to 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stars(u8);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("must be a whole number from 1 to 5")]
pub struct StarsError;

impl Stars {
    pub fn parse(value: i64) -> Result<Stars, StarsError> {
        u8::try_from(value)
            .ok()
            .filter(|s| (1..=5).contains(s))
            .map(Stars)
            .ok_or(StarsError)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReviewTextError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("must not contain links or web addresses")]
    Link,
    #[error("must not contain email addresses")]
    Email,
    #[error("must not contain phone numbers")]
    Phone,
    #[error("must not contain personal identity codes")]
    PersonalId,
}

impl ReviewTextError {
    /// A stable code for each refusal, so the portal can explain it in plain language.
    pub fn code(&self) -> &'static str {
        match self {
            ReviewTextError::Text(_) => "invalid_field",
            ReviewTextError::Link => "review_has_link",
            ReviewTextError::Email => "review_has_email",
            ReviewTextError::Phone => "review_has_phone",
            ReviewTextError::PersonalId => "review_has_personal_id",
        }
    }
}

/// Top-level domains counted as a link when written without `http://`: the ones people
/// in Finland meet. A full list would also catch a missing space after a full stop
/// ("kiva.Hoitaja"), which is a typo, not a link.
const BARE_DOMAIN_TLDS: &[&str] = &[
    "fi", "ax", "se", "no", "dk", "ee", "eu", "com", "net", "org", "info", "io", "me", "biz", "nu",
    "de", "uk", "ru", "app", "site", "online", "shop",
];

/// Seven or more digits in one run, allowing single spaces, hyphens or brackets between
/// them and an optional `+` in front: `040 123 4567`, `+358-40-1234567`, `(09) 123 456`.
/// Dots and slashes break a run, so dates (`12.3.2026`) and sums are never numbers.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\+?\(?\d(?:[ \-()]{0,2}\d){6,}").unwrap_or_else(|_| unreachable!())
});

/// Anything shaped like an identity code; the checksum decides.
static PERSONAL_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y]\b").unwrap_or_else(|_| unreachable!())
});

pub fn parse_review_text(text: &str) -> Result<String, ReviewTextError> {
    let text = parse_text(text, MAX_REVIEW_CHARS)?;
    let mut finder = LinkFinder::new();
    finder.url_must_have_scheme(false);
    for link in finder.links(&text) {
        match link.kind() {
            LinkKind::Email => return Err(ReviewTextError::Email),
            LinkKind::Url if is_obvious_link(link.as_str()) => return Err(ReviewTextError::Link),
            _ => {}
        }
    }
    if PERSONAL_ID
        .find_iter(&text)
        .any(|m| PersonalId::parse(&m.as_str().to_uppercase()).is_ok())
    {
        return Err(ReviewTextError::PersonalId);
    }
    if PHONE.is_match(&text) {
        return Err(ReviewTextError::Phone);
    }
    Ok(text)
}

fn is_obvious_link(found: &str) -> bool {
    let lower = found.to_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    let host = lower.split(['/', '?', '#', ':']).next().unwrap_or_default();
    host.rsplit('.')
        .next()
        .is_some_and(|tld| BARE_DOMAIN_TLDS.contains(&tld))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stars_are_one_to_five() {
        assert!(Stars::parse(0).is_err());
        assert!(Stars::parse(6).is_err());
        assert!(Stars::parse(-1).is_err());
        assert_eq!(Stars::parse(5).map(Stars::get), Ok(5));
        assert_eq!(Stars::parse(1).map(Stars::get), Ok(1));
    }

    #[test]
    fn ordinary_feedback_passes() {
        for ok in [
            "Hoitaja tuli ajallaan klo 9.30 ja siivosi hyvin. Hinta 45,50 € tunnilta.",
            "Käynti 12.3.2026 meni hyvin, 2 h. Kiitos!",
            "Bra service, 5/5. Personalen talade svenska.",
            "kiva.Hoitaja oli ystävällinen",
            "Asiakasnumero 12345 ei ole puhelinnumero",
        ] {
            assert_eq!(parse_review_text(ok).as_deref(), Ok(ok), "{ok}");
        }
    }

    #[test]
    fn links_and_contact_details_are_refused() {
        for (text, error) in [
            ("Katso https://example.com/tarjous", ReviewTextError::Link),
            ("Parempi: www.halpasiivous.fi", ReviewTextError::Link),
            (
                "Tilaa osoitteesta halpasiivous.fi nyt",
                ReviewTextError::Link,
            ),
            ("Soita minulle: matti@example.com", ReviewTextError::Email),
            ("Soita 040 123 4567", ReviewTextError::Phone),
            ("Numero +358-40-1234567", ReviewTextError::Phone),
            ("Puh. (09) 123 4567", ReviewTextError::Phone),
            ("Hetu 131052-308T", ReviewTextError::PersonalId),
        ] {
            assert_eq!(parse_review_text(text), Err(error), "{text}");
        }
    }

    #[test]
    fn empty_and_oversized_texts_are_refused() {
        assert_eq!(
            parse_review_text("   "),
            Err(ReviewTextError::Text(TextError::Empty))
        );
        let long = "a".repeat(MAX_REVIEW_CHARS + 1);
        assert_eq!(
            parse_review_text(&long),
            Err(ReviewTextError::Text(TextError::TooLong(MAX_REVIEW_CHARS)))
        );
        assert!(parse_review_text(&"ä".repeat(MAX_REVIEW_CHARS)).is_ok());
    }

    proptest! {
        /// Words, each maybe followed by a short number, never trip the contact-detail checks.
        #[test]
        fn plain_words_and_short_numbers_pass(words in proptest::collection::vec("[a-zA-ZåäöÅÄÖ]{1,12}( [0-9]{1,4})?[,.!?]?", 1..40)) {
            let text = words.join(" ");
            prop_assert_eq!(parse_review_text(&text), Ok(text.clone()));
        }

        /// Any Finnish mobile number, however it is spaced, is caught.
        #[test]
        fn mobile_numbers_are_caught(digits in "[0-9]{7}", sep in "[ -]?") {
            let text = format!("soita 04{sep}{}{sep}{}", &digits[..3], &digits[3..]);
            prop_assert_eq!(parse_review_text(&text), Err(ReviewTextError::Phone));
        }
    }
}
