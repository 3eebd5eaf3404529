//! `PATCH /api/v1/services/{id}`: the name and rulebook change at once; money terms from
//! `valid_from` (today or later, default today).
use axum::{Json, extract::State};
use serde::{Deserialize, Deserializer};

use crate::{
    auth::Actor,
    catalogue::{
        self,
        edit::{ServiceEdit, TermChanges},
    },
    domain::{LocalizedText, catalogue::Method, ids::ServiceId, text::parse_text, vat::VatRate},
    error::{AppError, AppResult, field},
    routes::{
        allocations::parse_date,
        extract::{ApiJson, DecimalText, PathId},
    },
    state::AppState,
};

use super::{IncomeRuleIn, ServiceOut, method_set, optional_money};

/// A field that may be sent as `null` to remove the term: absent is `None`, `null` is
/// `Some(None)`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Every field optional: what is sent changes, the rest stays. `null` removes a voucher
/// value, price cap, reference price or income rule.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct ServicePatch {
    pub name: Option<LocalizedText>,
    pub rulebook: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, nullable)]
    pub price_cap: Option<Option<DecimalText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, nullable)]
    pub voucher_value: Option<Option<DecimalText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, nullable)]
    pub reference_price: Option<Option<DecimalText>>,
    pub methods: Option<Vec<Method>>,
    /// VAT in percent; 0 for social care.
    pub vat_rate: Option<DecimalText>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<IncomeRuleIn>, nullable)]
    pub income_rule: Option<Option<IncomeRuleIn>>,
    /// From when the money terms change: today or later (YYYY-MM-DD); default today.
    pub valid_from: Option<String>,
}

impl ServicePatch {
    pub fn parse(self) -> AppResult<ServiceEdit> {
        let name = self
            .name
            .map(|n| field("name", LocalizedText::parse(n, 200)))
            .transpose()?;
        let rulebook = self
            .rulebook
            .map(|lines| {
                let parsed: Result<Vec<String>, _> =
                    lines.iter().map(|r| parse_text(r, 2000)).collect();
                field("rulebook", parsed)
            })
            .transpose()?;
        let money = |name: &str, value: Option<Option<DecimalText>>| {
            value.map(|inner| optional_money(name, &inner)).transpose()
        };
        let terms = TermChanges {
            price_cap: money("price_cap", self.price_cap)?,
            voucher_value: money("voucher_value", self.voucher_value)?,
            reference_price: money("reference_price", self.reference_price)?,
            vat: self
                .vat_rate
                .map(|v| field("vat_rate", VatRate::parse(&v.0)))
                .transpose()?,
            methods: self.methods.as_deref().map(method_set),
            income_rule: self
                .income_rule
                .map(|rule| rule.as_ref().map(IncomeRuleIn::parse).transpose())
                .transpose()?,
        };
        let valid_from = self
            .valid_from
            .map(|d| parse_date("valid_from", &d))
            .transpose()?;
        Ok(ServiceEdit {
            name,
            rulebook,
            terms,
            valid_from,
        })
    }
}

#[utoipa::path(patch, path = "/api/v1/services/{id}", operation_id = "services_edit_update", tag = "catalogue", request_body = ServicePatch,
    params(("id" = ServiceId, Path, description = "the catalogue entry")),
    responses((status = 200, body = ServiceOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ServiceId>,
    ApiJson(patch): ApiJson<ServicePatch>,
) -> AppResult<Json<ServiceOut>> {
    let change = patch.parse()?;
    let model = catalogue::edit::edit(&state.db, &actor, id, change)
        .await
        .map_err(AppError::from)?;
    Ok(Json(ServiceOut::load(&state.db.conn, &model).await?))
}
