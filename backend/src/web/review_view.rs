//! How a review and a rating distribution are drawn on every page that shows them: stars as
//! text ("4 / 5") with the star glyphs hidden from screen readers, dates in Finnish form,
//! and never anything about who wrote the review.
use crate::i18n::Translate;
use crate::reviews::{
    read::ReviewRowOut,
    view::{RatingOut, ReviewOut, ReviewStatus},
};

use super::{
    format,
    i18n::{Arg, Lang},
};

pub struct ReviewView {
    pub id: String,
    pub offering_id: String,
    pub offering_title: String,
    pub provider_name: String,
    /// "4 / 5", read out as it stands.
    pub stars_text: String,
    /// "★★★★☆", for the eye only.
    pub stars_glyphs: String,
    pub published: String,
    pub edited: Option<String>,
    pub text: String,
    pub reply: Option<ReplyView>,
    pub hidden: bool,
    pub hidden_reason: Option<String>,
    pub editable: bool,
}

pub struct ReplyView {
    pub text: String,
    pub date: String,
    pub edited: bool,
}

pub fn glyphs(stars: u8) -> String {
    let full = usize::from(stars.min(5));
    format!("{}{}", "★".repeat(full), "☆".repeat(5 - full))
}

impl ReviewView {
    pub fn of(lang: Lang, review: &ReviewOut) -> Self {
        ReviewView {
            id: review.id.to_string(),
            offering_id: review.offering_id.to_string(),
            offering_title: String::new(),
            provider_name: String::new(),
            stars_text: lang.t_with(
                "review-stars",
                &[("stars", Arg::from(u64::from(review.stars)))],
            ),
            stars_glyphs: glyphs(review.stars),
            published: format::date(review.published_on),
            edited: review
                .edited_on
                .map(|d| lang.t_with("review-edited-on", &[("date", format::date(d).into())])),
            text: review.text.clone(),
            reply: review.reply.as_ref().map(|r| ReplyView {
                text: r.text.clone(),
                date: format::date(r.replied_on),
                edited: r.edited,
            }),
            hidden: review.status == Some(ReviewStatus::Hidden),
            hidden_reason: review.hidden_reason.clone(),
            editable: review
                .editable_until
                .is_some_and(|until| chrono::Utc::now() <= until),
        }
    }

    /// A review in a list that spans offerings, with the offering's title and provider.
    pub fn of_row(lang: Lang, row: &ReviewRowOut) -> Self {
        ReviewView {
            offering_title: super::views::pick(lang, &row.offering_title),
            provider_name: row.provider_name.clone(),
            ..Self::of(lang, &row.review)
        }
    }
}

/// One row of the star distribution: "5 stars", how many, and the bar's share.
pub struct DistributionRow {
    pub label: String,
    pub count: u64,
    pub percent: u64,
}

pub fn distribution(lang: Lang, rating: &RatingOut) -> Vec<DistributionRow> {
    (1..=5u64)
        .rev()
        .map(|stars| {
            let count = rating
                .distribution
                .get(&stars.to_string())
                .copied()
                .unwrap_or(0);
            DistributionRow {
                label: lang.t_with("review-stars-count", &[("stars", Arg::from(stars))]),
                count,
                percent: (count * 100)
                    .checked_div(rating.count)
                    .unwrap_or(0)
                    .min(100),
            }
        })
        .collect()
}
