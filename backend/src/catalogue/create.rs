//! Adding a catalogue entry: its money terms must fit together (see `edit::check`).
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::{
    auth::Actor,
    catalogue::{
        edit::check,
        input::{IncomeRuleIn, ServiceIn, method_set, optional_money},
        terms::ServiceTerms,
    },
    db::{
        Db,
        entities::{purchaser, service},
        json::to_json,
    },
    domain::{
        LocalizedText,
        catalogue::Role,
        ids::{PurchaserId, ServiceId},
        income_rule::IncomeRule,
        text::parse_text,
        vat::VatRate,
    },
    error::{AppError, AppResult, field},
};

/// A new entry in the purchaser's catalogue, by its catalogue manager; the code is unique
/// within the catalogue.
pub async fn create(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    input: ServiceIn,
) -> AppResult<service::Model> {
    actor.require_staff(pid, Role::CatalogueManager)?;
    let code = field("code", parse_text(&input.code, 50))?;
    let name = field("name", LocalizedText::parse(input.name, 200))?;
    let terms = ServiceTerms {
        methods: method_set(&input.methods),
        voucher_value: optional_money("voucher_value", &input.voucher_value)?,
        price_cap: optional_money("price_cap", &input.price_cap)?,
        reference_price: optional_money("reference_price", &input.reference_price)?,
        vat: field(
            "vat_rate",
            VatRate::for_service(
                input.social_care,
                input.vat_rate.as_ref().map(|v| v.0.as_str()),
            ),
        )?,
        income_rule: input
            .income_rule
            .as_ref()
            .map(IncomeRuleIn::parse)
            .transpose()?,
    };
    let mut sent = Vec::new();
    if input.voucher_value.is_some() {
        sent.push(crate::catalogue::terms::Term::VoucherValue);
    }
    if input.income_rule.is_some() {
        sent.push(crate::catalogue::terms::Term::IncomeRule);
    }
    check(&terms, input.social_care, &sent).map_err(AppError::from)?;
    let rulebook: Result<Vec<String>, _> =
        input.rulebook.iter().map(|r| parse_text(r, 2000)).collect();
    let rulebook = field("rulebook", rulebook)?;
    let tx = db.begin_write().await?;
    purchaser::Entity::find_by_id(pid)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let exists = service::Entity::find()
        .filter(service::Column::PurchaserId.eq(pid))
        .filter(service::Column::Code.eq(code.as_str()))
        .count(&*tx)
        .await?;
    if exists > 0 {
        return Err(
            AppError::conflict("duplicate", "code is already in this catalogue")
                .with_field("code", "is already in this catalogue"),
        );
    }
    let model = service::ActiveModel {
        id: Set(ServiceId::new()),
        purchaser_id: Set(pid),
        code: Set(code),
        name: Set(to_json(&name)?),
        unit: Set(input.unit),
        social_care: Set(input.social_care),
        methods: Set(to_json(&terms.methods)?),
        voucher_value: Set(terms.voucher_value),
        price_cap: Set(terms.price_cap),
        rulebook: Set(to_json(&rulebook)?),
        vat_basis_points: Set(terms.vat.basis_points()),
        created_at: Set(Utc::now()),
        reference_price: Set(terms.reference_price),
        income_rule: Set(terms.income_rule.as_ref().map(IncomeRule::to_json)),
        archived_at: Set(None),
    }
    .insert(&*tx)
    .await?;
    tx.commit().await?;
    Ok(model)
}
