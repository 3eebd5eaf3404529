//! Editing a catalogue entry: its name and rulebook change at once; its money terms change
//! from a date (today or later) as a new version, so deliveries before that date keep the
//! terms of their day. Every change is audited with its old and new values.
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
use serde_json::{Map, Value, json};
use strum::VariantArray;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{Db, entities::service},
    domain::{
        LocalizedText, Money, catalogue::Method, ids::ServiceId, income_rule::IncomeRule,
        today_in_finland, vat::VatRate,
    },
    error::AppError,
};

use super::{
    CatalogueError, CatalogueResult, invalid, lock_service, require_manager,
    terms::{self, ServiceTerms, Term},
};

/// The money terms a change sets; `None` leaves a term as it is, `Some(None)` removes it.
#[derive(Clone, Debug, Default)]
pub struct TermChanges {
    pub price_cap: Option<Option<Money>>,
    pub voucher_value: Option<Option<Money>>,
    pub reference_price: Option<Option<Money>>,
    pub vat: Option<VatRate>,
    pub methods: Option<Vec<Method>>,
    pub income_rule: Option<Option<IncomeRule>>,
}

impl TermChanges {
    /// The terms that were sent, whether or not they differ from what is in force.
    pub fn sent(&self) -> Vec<Term> {
        let mut sent = Vec::new();
        let mut add = |on: bool, term| {
            if on {
                sent.push(term);
            }
        };
        add(self.price_cap.is_some(), Term::PriceCap);
        add(self.voucher_value.is_some(), Term::VoucherValue);
        add(self.reference_price.is_some(), Term::ReferencePrice);
        add(self.vat.is_some(), Term::VatRate);
        add(self.methods.is_some(), Term::Methods);
        add(self.income_rule.is_some(), Term::IncomeRule);
        sent
    }

    pub fn is_empty(&self) -> bool {
        self.sent().is_empty()
    }

    /// `base` with these changes.
    pub fn apply(&self, base: &ServiceTerms) -> ServiceTerms {
        let mut next = base.clone();
        if let Some(v) = self.price_cap {
            next.price_cap = v;
        }
        if let Some(v) = self.voucher_value {
            next.voucher_value = v;
        }
        if let Some(v) = self.reference_price {
            next.reference_price = v;
        }
        if let Some(v) = self.vat {
            next.vat = v;
        }
        if let Some(v) = &self.methods {
            next.methods = v.clone();
        }
        if let Some(v) = &self.income_rule {
            next.income_rule = v.clone();
        }
        next
    }
}

/// A change to a catalogue entry.
#[derive(Clone, Debug, Default)]
pub struct ServiceEdit {
    pub name: Option<LocalizedText>,
    pub rulebook: Option<Vec<String>>,
    pub terms: TermChanges,
    /// From when the money terms change; today when not given.
    pub valid_from: Option<NaiveDate>,
}

/// Whether a set of terms can stand: at least one method; a voucher value and an income
/// rule only with vouchers; social care VAT-exempt. A refusal names the term that was sent
/// (`sent`) when there is one, so the form shows the error where the user typed.
pub fn check(terms: &ServiceTerms, social_care: bool, sent: &[Term]) -> CatalogueResult<()> {
    let blame = |own: Term| {
        if sent.contains(&own) || !sent.contains(&Term::Methods) {
            own.to_string()
        } else {
            Term::Methods.to_string()
        }
    };
    if terms.methods.is_empty() {
        return Err(invalid(
            "methods",
            format!("must list at least one of {}", Method::allowed()),
        ));
    }
    let voucher = terms.methods.contains(&Method::Voucher);
    if terms.voucher_value.is_some() && !voucher {
        return Err(invalid(
            blame(Term::VoucherValue),
            "a voucher value is only for services settled by voucher",
        ));
    }
    if terms.income_rule.is_some() && !voucher {
        return Err(invalid(
            blame(Term::IncomeRule),
            "an income-related voucher value is only for services settled by voucher",
        ));
    }
    if social_care && terms.vat != VatRate::EXEMPT {
        return Err(invalid(
            "vat_rate",
            "must be 0 or left out: social-care services are VAT-exempt",
        ));
    }
    Ok(())
}

/// Applies a change; returns the service row (its money columns: the terms of today).
pub async fn edit(
    db: &Db,
    actor: &Actor,
    id: ServiceId,
    change: ServiceEdit,
) -> CatalogueResult<service::Model> {
    let today = today_in_finland();
    let tx = db.begin_write().await?;
    let model = lock_service(db, &tx, id)
        .await?
        .ok_or(CatalogueError::NotFound)?;
    require_manager(actor, &model)?;
    if model.archived_at.is_some() {
        return Err(CatalogueError::Archived);
    }
    let money = !change.terms.is_empty();
    if change.name.is_none() && change.rulebook.is_none() && !money {
        return Err(invalid("body", "send at least one field to change"));
    }
    let valid_from = match change.valid_from {
        Some(_) if !money => {
            return Err(invalid(
                "valid_from",
                "dates a change of money terms; the name and rulebook change at once",
            ));
        }
        Some(date) if date < today => {
            return Err(invalid(
                "valid_from",
                format!("must be today ({today}) or later: the past is not changed"),
            ));
        }
        Some(date) => date,
        None => today,
    };
    let mut changes = Map::new();
    let mut model = model;
    if change.name.is_some() || change.rulebook.is_some() {
        let mut active = model.clone().into_active_model();
        if let Some(name) = &change.name {
            let new = serde_json::to_value(name).map_err(AppError::internal)?;
            if new != model.name {
                changes.insert("name".into(), json!({"old": model.name, "new": new}));
                active.name = Set(new);
            }
        }
        if let Some(rulebook) = &change.rulebook {
            let new = serde_json::to_value(rulebook).map_err(AppError::internal)?;
            if new != model.rulebook {
                changes.insert(
                    "rulebook".into(),
                    json!({"old": model.rulebook, "new": new}),
                );
                active.rulebook = Set(new);
            }
        }
        model = active.update(&*tx).await?;
    }
    if money {
        let before = terms::history(&*tx, &model).await?;
        let base = before.at(valid_from).clone();
        let next = change.terms.apply(&base);
        let sent = change.terms.sent();
        check(&next, model.social_care, &sent)?;
        let changed: Vec<Term> = Term::VARIANTS
            .iter()
            .copied()
            .filter(|t| base.differs(&next, *t))
            .collect();
        if !changed.is_empty() {
            let after =
                terms::add_version(&*tx, &model, valid_from, &next, &changed, actor.user_id)
                    .await?;
            // A change may leave a later version unable to stand (a voucher value there,
            // no voucher method from here on): refuse it, changing nothing.
            for later in after.versions().filter(|v| v.valid_from >= valid_from) {
                check(&later.terms, model.social_care, &sent)?;
            }
            for term in &changed {
                changes.insert(
                    term.to_string(),
                    json!({"old": base.value_of(*term), "new": next.value_of(*term)}),
                );
            }
            changes.insert("valid_from".into(), json!(valid_from));
            model = terms::refresh_row(&*tx, model, after.at(today)).await?;
        }
    }
    if !changes.is_empty() {
        audit::record(
            &*tx,
            Some(actor),
            None,
            AuditEvent {
                action: "service_changed",
                subject_type: "service",
                subject_id: model.id.to_string(),
                client: None,
                detail: Some(Value::Object(changes)),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(model)
}
