//! Localised text: Finnish required, Swedish and English optional.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LocalizedText {
    pub fi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum LocalizedTextError {
    #[error("Finnish text (fi) is required")]
    FinnishMissing,
    #[error("is longer than {0} characters")]
    TooLong(usize),
}

impl LocalizedText {
    /// Trims every language, drops empty optional ones and enforces a length limit.
    pub fn parse(raw: LocalizedText, max_chars: usize) -> Result<Self, LocalizedTextError> {
        let clean = |text: Option<String>| -> Result<Option<String>, LocalizedTextError> {
            match text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) {
                Some(t) if t.chars().count() > max_chars => {
                    Err(LocalizedTextError::TooLong(max_chars))
                }
                other => Ok(other),
            }
        };
        let fi = clean(Some(raw.fi))?.ok_or(LocalizedTextError::FinnishMissing)?;
        Ok(LocalizedText {
            fi,
            sv: clean(raw.sv)?,
            en: clean(raw.en)?,
        })
    }

    /// The text in the asked language, falling back to Finnish.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "sv" => self.sv.as_deref().unwrap_or(&self.fi),
            "en" => self.en.as_deref().unwrap_or(&self.fi),
            _ => &self.fi,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_is_required_and_text_is_trimmed() {
        let raw = |fi: &str| LocalizedText {
            fi: fi.into(),
            sv: Some("  ".into()),
            en: None,
        };
        assert_eq!(
            LocalizedText::parse(raw("  "), 10),
            Err(LocalizedTextError::FinnishMissing)
        );
        let parsed = LocalizedText::parse(raw(" Kotihoito "), 10);
        assert_eq!(parsed.map(|t| (t.fi, t.sv)), Ok(("Kotihoito".into(), None)));
        assert_eq!(
            LocalizedText::parse(raw("x".repeat(11).as_str()), 10),
            Err(LocalizedTextError::TooLong(10))
        );
    }
}
