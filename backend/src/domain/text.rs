//! Free text people type: trimmed, not empty, bounded, without control characters.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("must not be empty")]
    Empty,
    #[error("must be at most {0} characters")]
    TooLong(usize),
    #[error("must not contain control characters")]
    Control,
}

pub fn parse_text(text: &str, max_chars: usize) -> Result<String, TextError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    if trimmed.chars().count() > max_chars {
        return Err(TextError::TooLong(max_chars));
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(TextError::Control);
    }
    Ok(trimmed.to_owned())
}

/// Optional text: absent or blank is `None`.
pub fn parse_optional_text(
    text: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, TextError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => parse_text(t, max_chars).map(Some),
    }
}
