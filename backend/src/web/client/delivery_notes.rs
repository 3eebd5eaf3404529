//! What the client reads about one delivery, in plain words: a voided row and its reason,
//! a dispute's progress and outcome (with the case worker's reason and the provider's
//! account), a row corrected after a dispute, and until when a dispute can still be made.
//! The rules (the window, the outcome) are the ledger's; this only puts them into words.
use crate::i18n::Translate;
use chrono::NaiveDate;

use crate::{
    db::entities::dispute,
    deliveries::Delivery,
    domain::catalogue::{DeliveryStatus, DisputeStatus},
    web::{amounts, format, i18n::Lang, views},
};

/// One row of the deliveries table, and the notes listed under the table.
pub struct DeliveryRow {
    pub id: String,
    pub date: String,
    pub quantity: String,
    /// The quantity with its unit ("2 tuntia"), for the notes under the table.
    pub amount: String,
    pub total: String,
    pub purchaser_share: String,
    pub client_share: String,
    /// The delivery's state; a corrected row says so.
    pub status: String,
    /// Where its dispute stands, in a few words ("Reklamaatio käsittelyssä").
    pub dispute: Option<String>,
    pub can_dispute: bool,
    /// "Reklamaation voi tehdä 20.12.2026 asti", beside the link.
    pub dispute_until: String,
    /// Longer texts (reasons, the provider's account): a list under the table, so that a
    /// long note never squeezes the table on a phone.
    pub notes: Vec<String>,
}

/// What a row needs besides the delivery itself.
pub struct Context<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The unit of the service ("hour"), for quantities in words.
    pub unit: &'a str,
    /// The latest dispute of this delivery, if any.
    pub dispute: Option<&'a dispute::Model>,
}

pub fn row(d: &Delivery, cx: &Context<'_>) -> DeliveryRow {
    let lang = cx.lang;
    let mut notes = Vec::new();
    let mut status = views::word(lang, "delivery", d.status.as_ref());
    if d.status == DeliveryStatus::Voided {
        let reason = d.void_reason.clone().unwrap_or_default();
        notes.push(if reason.is_empty() {
            lang.t("row-voided")
        } else {
            lang.t_with("row-voided-reason", &[("text", reason.into())])
        });
    }
    if d.corrects.is_some() && d.status == DeliveryStatus::Recorded {
        status = lang.t("row-corrected");
        notes.push(lang.t("row-corrected-note"));
    }
    let open = cx.dispute.is_some_and(|x| x.status == DisputeStatus::Open);
    if let Some(x) = cx.dispute {
        notes.extend(dispute_notes(x, cx));
    }
    let can_dispute = d.status == DeliveryStatus::Recorded && cx.today <= d.dispute_until && !open;
    DeliveryRow {
        id: d.id.to_string(),
        date: format::date(d.date),
        quantity: format::quantity(d.quantity),
        amount: amounts::with_unit(lang, d.quantity, cx.unit),
        total: format::euros(d.total),
        purchaser_share: format::euros(d.purchaser_share),
        client_share: format::euros(d.client_share),
        status,
        dispute: cx
            .dispute
            .map(|x| views::word(lang, "dispute-state", x.status.as_ref())),
        can_dispute,
        dispute_until: lang.t_with(
            "dispute-until",
            &[("date", format::date(d.dispute_until).into())],
        ),
        notes,
    }
}

/// The dispute's story: when it was made and why, the provider's account, the outcome and
/// the case worker's reason.
fn dispute_notes(x: &dispute::Model, cx: &Context<'_>) -> Vec<String> {
    let lang = cx.lang;
    let mut notes = vec![lang.t_with(
        "row-dispute-made",
        &[
            ("date", format::date(x.created_at.date_naive()).into()),
            ("text", x.reason.clone().into()),
        ],
    )];
    if let Some(account) = &x.provider_account {
        notes.push(lang.t_with("row-provider-account", &[("text", account.clone().into())]));
    }
    let outcome = match x.status {
        DisputeStatus::Open => lang.t("row-dispute-open"),
        DisputeStatus::Upheld => lang.t("row-dispute-upheld"),
        DisputeStatus::PartlyUpheld => {
            let found = x
                .corrected_quantity
                .map(|m| amounts::with_unit(lang, m, cx.unit))
                .unwrap_or_default();
            lang.t_with("row-dispute-partly", &[("value", found.into())])
        }
        DisputeStatus::Rejected => lang.t("row-dispute-rejected"),
    };
    notes.push(outcome);
    if let Some(reason) = x.decision_reason.as_ref().filter(|r| !r.is_empty()) {
        notes.push(lang.t_with("row-decision-reason", &[("text", reason.clone().into())]));
    }
    notes
}
