//! Control characters are refused at the edge, once for every JSON body and every form:
//! a NUL or other control character in any text is a 422 naming the field, before any
//! handler runs (a NUL stored on SQLite is a 500 on PostgreSQL). Line breaks and tabs stay
//! allowed, because multi-line text (descriptions, reviews, reasons) has them; the domain's
//! text parsers decide where a line break is out of place.
use serde_json::Value;

use crate::error::AppError;

pub const MESSAGE: &str = "must not contain control characters";

/// Whether `c` is a control character no text field takes: the C0 range except tab, line
/// feed and carriage return, DEL, and the C1 range.
pub fn forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

pub fn has_forbidden(text: &str) -> bool {
    text.chars().any(forbidden)
}

/// The path of the first string (or object key) in `value` holding a forbidden character,
/// written as serde's field paths are (`title.fi`, `lines[2].reference`).
pub fn first_in_json(value: &Value) -> Option<String> {
    fn walk(value: &Value, path: &mut String) -> Option<String> {
        match value {
            Value::String(text) if has_forbidden(text) => Some(name(path)),
            Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(item, path);
                path.truncate(len);
                found
            }),
            Value::Object(fields) => fields.iter().find_map(|(key, item)| {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key.chars().filter(|c| !forbidden(*c)).collect::<String>());
                let found = if has_forbidden(key) {
                    Some(name(path))
                } else {
                    walk(item, path)
                };
                path.truncate(len);
                found
            }),
            _ => None,
        }
    }
    fn name(path: &str) -> String {
        if path.is_empty() {
            "body".to_owned()
        } else {
            path.to_owned()
        }
    }
    walk(value, &mut String::new())
}

/// Checks a parsed JSON body; the 422 names the field.
pub fn check_json(value: &Value) -> Result<(), AppError> {
    match first_in_json(value) {
        Some(path) => Err(AppError::invalid(&path, MESSAGE)),
        None => Ok(()),
    }
}

/// Checks a form's decoded fields; the 422 names the field.
pub fn check_form<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), AppError> {
    for (name, value) in fields {
        if has_forbidden(name) || has_forbidden(value) {
            let name: String = name.chars().filter(|c| !forbidden(*c)).collect();
            return Err(AppError::invalid(&name, MESSAGE));
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    #[test]
    fn names_the_nested_field() {
        let body = json!({"title": {"fi": "Kotihoito", "sv": "Hem\u{0}vård"}, "price": "1"});
        assert_eq!(first_in_json(&body).as_deref(), Some("title.sv"));
        let body = json!({"lines": [{"reference": "ok"}, {"reference": "a\u{7}b"}]});
        assert_eq!(first_in_json(&body).as_deref(), Some("lines[1].reference"));
        assert_eq!(first_in_json(&json!("\u{1b}[31m")).as_deref(), Some("body"));
        assert_eq!(first_in_json(&json!({"a\u{0}": 1})).as_deref(), Some("a"));
    }

    #[test]
    fn line_breaks_tabs_and_letters_pass() {
        let body = json!({"description": "Rivi 1\r\nRivi 2\tsarake", "name": "Åsa Ölund €"});
        assert_eq!(first_in_json(&body), None);
        assert!(check_form([("text", "a\nb"), ("name", "Äiti")]).is_ok());
    }

    #[test]
    fn forms_name_the_field() {
        let err = check_form([("csrf", "x"), ("title_fi", "a\u{0}")]).unwrap_err();
        assert_eq!(err.status.as_u16(), 422);
        assert!(err.fields.contains_key("title_fi"));
    }

    proptest! {
        #[test]
        fn any_text_with_a_control_character_is_caught(
            before in "[^\\p{Cc}]{0,20}",
            after in "[^\\p{Cc}]{0,20}",
            c in prop::sample::select(
                (0u32..0x20).chain(0x7f..0xa0)
                    .filter_map(char::from_u32)
                    .filter(|c| !matches!(c, '\n' | '\r' | '\t'))
                    .collect::<Vec<_>>()
            ),
        ) {
            let text = format!("{before}{c}{after}");
            prop_assert_eq!(first_in_json(&json!({"f": text})), Some("f".to_owned()));
        }

        #[test]
        fn text_without_control_characters_passes(text in "[^\\p{Cc}]{0,40}|[a-z\n\r\t ]{0,40}") {
            prop_assert_eq!(first_in_json(&json!({"f": text})), None);
        }
    }
}
