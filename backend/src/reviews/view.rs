//! Reviews as their readers see them: the public part for anyone, the status and the reason
//! for hiding for the author's side and moderators, the rating summary. These are also the
//! API's answers; nothing here names or identifies who wrote a review.
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::{
    db::entities::review,
    domain::ids::{OfferingId, ReviewId},
    reviews::{self, ratings::Aggregate},
};

/// A review as shown. Everyone sees the public part; the `status`, `hidden_reason` and
/// `editable_until` fields appear only for the client side of the review and moderators.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReviewOut {
    pub id: ReviewId,
    pub offering_id: OfferingId,
    /// Always true: only clients with a recorded delivery can review.
    pub verified_client: bool,
    pub stars: u8,
    pub text: String,
    /// The day it was first written (Finnish time); no time of day, which could help
    /// someone match a review with a visit.
    pub published_on: NaiveDate,
    pub edited: bool,
    pub edited_on: Option<NaiveDate>,
    pub reply: Option<ReplyOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ReviewStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editable_until: Option<DateTime<Utc>>,
}

#[derive(Serialize, utoipa::ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Public,
    Hidden,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReplyOut {
    pub text: String,
    pub replied_on: NaiveDate,
    pub edited: bool,
}

pub fn finnish_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Helsinki).date_naive()
}

impl ReviewOut {
    /// What anyone may see.
    pub fn public(model: &review::Model) -> Self {
        ReviewOut {
            id: model.id,
            offering_id: model.offering_id,
            verified_client: true,
            stars: u8::try_from(model.stars).unwrap_or(0),
            text: model.text.clone(),
            published_on: finnish_day(model.created_at),
            edited: model.edited_at.is_some(),
            edited_on: model.edited_at.map(finnish_day),
            reply: match (&model.reply_text, model.replied_at) {
                (Some(text), Some(at)) => Some(ReplyOut {
                    text: text.clone(),
                    replied_on: finnish_day(at),
                    edited: model.reply_edited_at.is_some(),
                }),
                _ => None,
            },
            status: None,
            hidden_reason: None,
            editable_until: None,
        }
    }

    /// For the client side: whether it is public, why it was hidden, until when it can
    /// be edited.
    pub fn for_author(model: &review::Model) -> Self {
        ReviewOut {
            editable_until: Some(reviews::editable_until(model.created_at)),
            ..Self::for_moderator(model)
        }
    }

    pub fn for_moderator(model: &review::Model) -> Self {
        ReviewOut {
            status: Some(if reviews::is_hidden(model) {
                ReviewStatus::Hidden
            } else {
                ReviewStatus::Public
            }),
            hidden_reason: model.hidden_reason.clone(),
            ..Self::public(model)
        }
    }
}

/// A rating summary: average (one decimal), count, the count of each star value, and the
/// Bayesian score that sorting by rating uses.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct RatingOut {
    pub average: Option<String>,
    pub count: u64,
    /// Keys "1" to "5": how many reviews gave that many stars.
    pub distribution: BTreeMap<String, u64>,
    /// The Bayesian score (three decimals), as search shows it.
    pub score: String,
}

impl RatingOut {
    pub fn of_row(row: Option<&crate::db::entities::offering_rating::Model>) -> Self {
        Self::of(&row.map(Aggregate::of_row).unwrap_or_default())
    }

    pub fn of(aggregate: &Aggregate) -> Self {
        RatingOut {
            average: aggregate.average().map(|mut a| {
                a.rescale(1);
                a.to_string()
            }),
            count: aggregate.count(),
            distribution: aggregate
                .counts
                .iter()
                .zip(1..)
                .map(|(n, stars)| (format!("{stars}"), *n))
                .collect(),
            score: format!("{:.3}", aggregate.score()),
        }
    }
}
