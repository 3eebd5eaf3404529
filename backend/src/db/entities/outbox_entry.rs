//! Rows of `outbox`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub topic: Topic,
    /// Stays a bare UUID: the topic says which kind of row it names (offering, provider, …).
    pub subject_id: Uuid,
    pub attempts: i32,
    pub available_at: DateTimeUtc,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// What an outbox row asks the worker to do. Stored as its dotted name.
#[derive(Clone, Debug, PartialEq, Eq, strum::Display, strum::EnumString, DeriveValueType)]
#[sea_orm(value_type = "String")]
pub enum Topic {
    /// Bring one offering's search document up to date (or remove it).
    #[strum(serialize = "search.offering")]
    SearchOffering,
    /// A topic this version does not know (written by a newer one during a rolling
    /// deploy): kept as it was stored, so reading the outbox never fails on it.
    #[strum(default)]
    Unknown(String),
}

#[cfg(test)]
mod tests {
    use super::Topic;

    #[test]
    fn topics_are_stored_as_the_text_they_always_were() {
        assert_eq!(Topic::SearchOffering.to_string(), "search.offering");
        assert_eq!(
            "search.offering".parse::<Topic>().ok(),
            Some(Topic::SearchOffering)
        );
        // A newer version's topic reads back as it was written, not as an error.
        let newer = Topic::Unknown("email.send".into());
        assert_eq!("email.send".parse::<Topic>().ok(), Some(newer.clone()));
        assert_eq!(newer.to_string(), "email.send");
    }
}
