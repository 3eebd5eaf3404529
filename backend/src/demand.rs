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

/// Counts one search that found nothing. Blank queries are not demand.
pub async fn record_miss(
    conn: &impl ConnectionTrait,
    query: &str,
    municipality: Option<&str>,
) -> Result<(), DbErr> {
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
    use super::normalise;

    #[test]
    fn normalises_case_punctuation_and_space() {
        assert_eq!(normalise("  Siivous,   KERAVA! "), "siivous kerava");
        assert_eq!(normalise("städning"), "städning");
        assert_eq!(normalise("!!!"), "");
        assert_eq!(normalise(&"a".repeat(500)).len(), 100);
    }
}
