//! The HSDS list parameters parsed once (`search`, `organization_id`, `taxonomy_term_id`,
//! `modified_after`, `page`, `per_page`, combined with AND) and the HSDS page envelope.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::{
    domain::ids::{ProviderId, ServiceId},
    error::AppError,
    http::extract::PageQuery,
    paging::Page,
};

/// The query string as sent; every value is text so that the parser names the one at fault.
#[derive(Deserialize, Default, Debug)]
pub struct HsdsQuery {
    pub search: Option<String>,
    pub organization_id: Option<String>,
    pub taxonomy_term_id: Option<String>,
    pub modified_after: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// What a list is narrowed to; every condition given must hold.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Lower-cased words that must all occur in the object's public texts.
    pub words: Vec<String>,
    /// An HSDS organization is a provider.
    pub organization_id: Option<ProviderId>,
    /// An HSDS taxonomy term is a catalogue entry (a service).
    pub taxonomy_term_id: Option<ServiceId>,
    pub modified_after: Option<DateTime<Utc>>,
    pub page: Page,
}

fn uuid_param<Id: FromStr>(name: &str, value: &Option<String>) -> Result<Option<Id>, AppError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|_| AppError::bad_parameter(name, "must be a UUID")),
    }
}

impl HsdsQuery {
    pub fn parse(&self) -> Result<Filter, AppError> {
        let modified_after = match self.modified_after.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(
                DateTime::parse_from_rfc3339(text)
                    .map_err(|_| {
                        AppError::bad_parameter(
                            "modified_after",
                            "must be an RFC 3339 date and time, e.g. 2026-01-31T12:00:00Z",
                        )
                    })?
                    .with_timezone(&Utc),
            ),
        };
        let page = PageQuery {
            page: self.page.clone(),
            per_page: self.per_page.clone(),
        }
        .parse()?;
        Ok(Filter {
            words: self
                .search
                .as_deref()
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect(),
            organization_id: uuid_param("organization_id", &self.organization_id)?,
            taxonomy_term_id: uuid_param("taxonomy_term_id", &self.taxonomy_term_id)?,
            modified_after,
            page,
        })
    }
}

impl Filter {
    /// Whether every search word occurs in one of `texts` (lower-cased by the caller or not).
    pub fn matches_text<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = texts
            .into_iter()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join("\n");
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }

    pub fn modified(&self, at: DateTime<Utc>) -> bool {
        self.modified_after.is_none_or(|after| at > after)
    }
}

/// An HSDS list page: the counts are over every matching object, not just this page.
#[derive(Serialize, Debug)]
pub struct HsdsPage<T> {
    pub total_items: u64,
    pub total_pages: u64,
    pub page_number: u64,
    pub size: u64,
    pub first_page: bool,
    pub last_page: bool,
    pub empty: bool,
    pub contents: Vec<T>,
}

impl<T> HsdsPage<T> {
    /// Page `page` of all the matching objects.
    pub fn of(all: Vec<T>, page: Page) -> HsdsPage<T> {
        let total_items = all.len() as u64;
        let total_pages = total_items.div_ceil(page.per_page);
        let contents: Vec<T> = all
            .into_iter()
            .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
            .take(usize::try_from(page.per_page).unwrap_or(usize::MAX))
            .collect();
        HsdsPage {
            total_items,
            total_pages,
            page_number: page.page,
            size: page.per_page,
            first_page: page.page == 1,
            last_page: page.page >= total_pages,
            empty: contents.is_empty(),
            contents,
        }
    }
}
