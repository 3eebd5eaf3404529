//! The versions of one service's money terms in the order they take effect, which of
//! them holds on a day, and the periods a history page shows.
use chrono::{NaiveDate, Utc};
use strum::VariantArray;

use crate::{
    db::entities::{service, service_term},
    error::AppResult,
};

use super::{ServiceTerms, Term, json};

/// One version: the whole terms from `valid_from` on, and which of them it changed.
#[derive(Clone, Debug)]
pub struct Version {
    pub valid_from: NaiveDate,
    pub seq: i32,
    pub terms: ServiceTerms,
    pub changed: Vec<Term>,
    pub created_at: chrono::DateTime<Utc>,
    /// Stored in `service_terms` (false for the row's own terms of a never-changed service).
    pub(super) stored: bool,
}

/// Every version of one service, in the order they take effect (never empty).
#[derive(Clone, Debug)]
pub struct History {
    first: Version,
    later: Vec<Version>,
}

/// The Finnish day a service was created: its first terms hold from then.
fn created_on(model: &service::Model) -> NaiveDate {
    model
        .created_at
        .with_timezone(&chrono_tz::Europe::Helsinki)
        .date_naive()
}

impl History {
    pub(super) fn build(
        service: &service::Model,
        rows: Vec<service_term::Model>,
    ) -> AppResult<History> {
        let mut versions = rows
            .iter()
            .map(|row| {
                Ok(Version {
                    valid_from: row.valid_from,
                    seq: row.seq,
                    terms: ServiceTerms::of_version(row)?,
                    changed: json(&row.changed)?,
                    created_at: row.created_at,
                    stored: true,
                })
            })
            .collect::<AppResult<Vec<_>>>()?;
        versions.sort_by_key(|v| (v.valid_from, v.seq));
        let mut versions = versions.into_iter();
        let first = match versions.next() {
            Some(first) => first,
            None => Version {
                valid_from: created_on(service),
                seq: 0,
                terms: ServiceTerms::of_service(service)?,
                changed: Term::VARIANTS.to_vec(),
                created_at: service.created_at,
                stored: false,
            },
        };
        Ok(History {
            first,
            later: versions.collect(),
        })
    }

    /// The version in force on `date`: the last one from that day or before; before the
    /// first version, the first (a decision may reach back before the entry existed).
    pub fn version_at(&self, date: NaiveDate) -> &Version {
        self.later
            .iter()
            .rev()
            .find(|v| v.valid_from <= date)
            .unwrap_or(&self.first)
    }

    pub fn at(&self, date: NaiveDate) -> &ServiceTerms {
        &self.version_at(date).terms
    }

    /// Versions that take effect after `today`, soonest first.
    pub fn upcoming(&self, today: NaiveDate) -> impl Iterator<Item = &Version> {
        self.versions().filter(move |v| v.valid_from > today)
    }

    /// Every version, oldest first.
    pub fn versions(&self) -> impl DoubleEndedIterator<Item = &Version> {
        std::iter::once(&self.first).chain(self.later.iter())
    }

    pub(super) fn is_stored(&self) -> bool {
        self.first.stored
    }

    /// The versions as periods, oldest first: changes of one day make one period (the
    /// last of them holds), which changed what any of them changed; each period ends the
    /// day before the next begins.
    pub fn periods(&self) -> Vec<Period<'_>> {
        let mut days: Vec<(&Version, Vec<Term>)> = Vec::new();
        for version in self.versions() {
            match days.last_mut() {
                Some((last, changed)) if last.valid_from == version.valid_from => {
                    *last = version;
                    changed.extend(version.changed.iter().copied());
                }
                _ => days.push((version, version.changed.clone())),
            }
        }
        let starts: Vec<NaiveDate> = days.iter().map(|(v, _)| v.valid_from).collect();
        days.into_iter()
            .enumerate()
            .map(|(i, (version, mut changed))| {
                changed.sort();
                changed.dedup();
                Period {
                    version,
                    valid_to: starts.get(i + 1).and_then(|next| next.pred_opt()),
                    changed,
                }
            })
            .collect()
    }
}

/// A span of days with one set of terms.
pub struct Period<'a> {
    pub version: &'a Version,
    /// The last day; none: until further notice.
    pub valid_to: Option<NaiveDate>,
    pub changed: Vec<Term>,
}
