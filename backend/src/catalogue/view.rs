//! A catalogue entry as the API and the pages show it: the terms in force today, the
//! upcoming changes, and the history of its money terms as periods.
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::{
    catalogue::{
        listing::Listed,
        terms::{History, ServiceTerms, Term},
    },
    db::{entities::service, json::from_json},
    domain::{
        LocalizedText, Money,
        catalogue::{Method, Unit},
        ids::{PurchaserId, ServiceId},
        income_rule::{IncomeRule, IncomeRuleText},
        today_in_finland,
    },
    error::{AppError, AppResult},
};

/// One version of the money terms, as answered.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TermsOut {
    pub valid_from: NaiveDate,
    /// The last day these terms are in force; none: until further notice.
    pub valid_to: Option<NaiveDate>,
    pub methods: Vec<Method>,
    pub voucher_value: Option<Money>,
    pub price_cap: Option<Money>,
    pub reference_price: Option<Money>,
    pub vat_rate: String,
    pub income_rule: Option<IncomeRuleText>,
    /// The terms this version changed (all of them for the first).
    pub changed: Vec<Term>,
    /// When the change was made.
    pub recorded_at: DateTime<Utc>,
}

fn terms_out(
    terms: &ServiceTerms,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
    changed: Vec<Term>,
    recorded_at: DateTime<Utc>,
) -> TermsOut {
    TermsOut {
        valid_from,
        valid_to,
        methods: terms.methods.clone(),
        voucher_value: terms.voucher_value,
        price_cap: terms.price_cap,
        reference_price: terms.reference_price,
        vat_rate: terms.vat.percent().to_string(),
        income_rule: terms.income_rule.as_ref().map(IncomeRule::to_text),
        changed,
        recorded_at,
    }
}

/// The versions as periods, oldest first (see `History::periods`).
pub fn periods(history: &History) -> Vec<TermsOut> {
    history
        .periods()
        .into_iter()
        .map(|p| {
            terms_out(
                &p.version.terms,
                p.version.valid_from,
                p.valid_to,
                p.changed,
                p.version.created_at,
            )
        })
        .collect()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ServiceOut {
    pub id: ServiceId,
    pub purchaser_id: PurchaserId,
    pub code: String,
    pub name: LocalizedText,
    pub unit: Unit,
    pub social_care: bool,
    /// The money terms in force today: methods, voucher value, price cap, reference price,
    /// VAT and income rule.
    pub methods: Vec<Method>,
    pub voucher_value: Option<Money>,
    pub price_cap: Option<Money>,
    pub reference_price: Option<Money>,
    /// VAT in percent ("0" for exempt social care).
    pub vat_rate: String,
    pub income_rule: Option<IncomeRuleText>,
    pub rulebook: Vec<String>,
    /// Archived: no new offerings, commitments or decisions; running commitments go on.
    pub archived: bool,
    pub archived_at: Option<DateTime<Utc>>,
    /// Changes of the money terms that take effect later, soonest first.
    pub upcoming: Vec<TermsOut>,
}

impl ServiceOut {
    pub fn build(model: &service::Model, history: &History, today: NaiveDate) -> AppResult<Self> {
        let now = history.at(today);
        Ok(ServiceOut {
            id: model.id,
            purchaser_id: model.purchaser_id,
            code: model.code.clone(),
            name: from_json(&model.name)?,
            unit: model.unit,
            social_care: model.social_care,
            methods: now.methods.clone(),
            voucher_value: now.voucher_value,
            price_cap: now.price_cap,
            reference_price: now.reference_price,
            vat_rate: now.vat.percent().to_string(),
            income_rule: now.income_rule.as_ref().map(IncomeRule::to_text),
            rulebook: from_json(&model.rulebook)?,
            archived: model.archived_at.is_some(),
            archived_at: model.archived_at,
            upcoming: periods(history)
                .into_iter()
                .filter(|p| p.valid_from > today)
                .collect(),
        })
    }

    /// The answer for one service, reading its history.
    pub async fn load(
        conn: &impl sea_orm::ConnectionTrait,
        model: &service::Model,
    ) -> AppResult<Self> {
        let history = crate::catalogue::terms::history(conn, model).await?;
        Self::build(model, &history, crate::domain::today_in_finland())
    }
}

/// The entries of `listed` as the API shows them, with today's terms.
pub fn service_outs(listed: &Listed) -> AppResult<Vec<ServiceOut>> {
    let today = today_in_finland();
    listed
        .services
        .items
        .iter()
        .map(|m| {
            let history = listed
                .histories
                .get(&m.id)
                .ok_or_else(|| AppError::internal("service without history"))?;
            ServiceOut::build(m, history, today)
        })
        .collect()
}
