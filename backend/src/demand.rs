//! Demand gaps: searches that found nothing, counted by normalised query and municipality,
//! so a purchaser sees which services clients look for and cannot find.
use chrono::Utc;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, ExprTrait, Set, sea_query::OnConflict};

use crate::db::entities::search_miss;

/// Lower-case words of letters and digits, single-spaced, at most 100 characters: "Siivous,
/// KERAVA!" and "siivous kerava" count as one.
pub fn normalise(query: &str) -> String {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join(" ").chars().take(100).collect()
}

/// Whether the text holds something shaped like a personal identity code (`010180-123A`,
/// any century sign, with or without a valid check character): a person searching for a
/// client by code must not leave the code in a report that staff read.
pub fn looks_like_identity_code(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(11).any(|w| {
        w[..6].iter().all(char::is_ascii_digit)
            && matches!(w[6].to_ascii_uppercase(), '+' | '-' | 'A'..='F' | 'U'..='Y')
            && w[7..10].iter().all(char::is_ascii_digit)
            && w[10].is_ascii_alphanumeric()
    }) || chars
        // Ten digits in a row (a code typed without its sign) are no search for a service.
        .split(|c| !c.is_ascii_digit())
        .any(|run| run.len() >= 10)
}

/// Counts one search that found nothing. Blank queries are not demand, and a query that
/// carries an identity code is never kept.
pub async fn record_miss(
    conn: &impl ConnectionTrait,
    query: &str,
    municipality: Option<&str>,
) -> Result<(), DbErr> {
    if looks_like_identity_code(query) {
        return Ok(());
    }
    let query = normalise(query);
    if query.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let row = search_miss::ActiveModel {
        query: Set(query),
        municipality: Set(municipality.unwrap_or_default().to_owned()),
        count: Set(1),
        first_seen: Set(now),
        last_seen: Set(now),
    };
    search_miss::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                search_miss::Column::Query,
                search_miss::Column::Municipality,
            ])
            .value(
                search_miss::Column::Count,
                sea_orm::sea_query::Expr::col((search_miss::Entity, search_miss::Column::Count))
                    .add(1),
            )
            .update_column(search_miss::Column::LastSeen)
            .to_owned(),
        )
        .exec(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{looks_like_identity_code, normalise};

    #[test]
    fn identity_codes_are_recognised_in_any_form() {
        for text in [
            "010180-1232",
            "etsin 010180Y1232 asiakasta",
            "010105a123p",
            "131052+308T",
            "0101801232",
        ] {
            assert!(looks_like_identity_code(text), "{text}");
        }
        for text in [
            "siivous 2024",
            "kotihoito helsinki",
            "puh 040 123 4567",
            "00100",
        ] {
            assert!(!looks_like_identity_code(text), "{text}");
        }
    }

    #[test]
    fn normalises_case_punctuation_and_space() {
        assert_eq!(normalise("  Siivous,   KERAVA! "), "siivous kerava");
        assert_eq!(normalise("städning"), "städning");
        assert_eq!(normalise("!!!"), "");
        assert_eq!(normalise(&"a".repeat(500)).len(), 100);
    }
}
