//! A provider's profile: the name, business ID and rating for anyone; contact, bank and
//! e-invoice details for its own staff only, who also change them. A change of bank
//! details or e-invoice routing is audited, and a new name re-indexes every offering.
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde::Serialize;

use crate::{
    auth::Actor,
    bank_details,
    db::{
        Db,
        entities::{offering, provider},
    },
    domain::{
        EmailAddress,
        bank::{Bic, Iban},
        einvoice::{EinvoiceAddress, OperatorId},
        ids::{ProviderId, UserId},
        text::{parse_optional_text, parse_text},
    },
    error::{AppError, AppResult, field},
    outbox::{self, Topic},
    reviews::{ratings, view::RatingOut},
    settlement::routing,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProviderOut {
    pub id: ProviderId,
    pub name: String,
    pub business_id: String,
    /// Contact details are shown to the provider's own staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// Bank details for payment, shown to the provider's own staff only; settlement needs
    /// both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bic: Option<String>,
    /// E-invoice address (verkkolaskuosoite) and operator ID (välittäjätunnus), shown to
    /// the provider's own staff only. With the purchaser's, they route its Finvoices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub einvoice_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub einvoice_operator: Option<String>,
    /// The provider's rating over all its offerings (on reads).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<RatingOut>,
}

impl ProviderOut {
    /// Everything, for the provider's own staff.
    pub fn own(model: provider::Model) -> Self {
        ProviderOut {
            id: model.id,
            name: model.name,
            business_id: model.business_id,
            email: Some(model.email),
            phone: model.phone,
            user_id: None,
            iban: model.iban,
            bic: model.bic,
            einvoice_address: model.einvoice_address,
            einvoice_operator: model.einvoice_operator,
            rating: None,
        }
    }

    /// The name and business ID, for anyone.
    pub fn public(model: provider::Model) -> Self {
        ProviderOut {
            id: model.id,
            name: model.name,
            business_id: model.business_id,
            email: None,
            phone: None,
            user_id: None,
            iban: None,
            bic: None,
            einvoice_address: None,
            einvoice_operator: None,
            rating: None,
        }
    }
}

/// A phone number as typed: optional, digits and `+ - ( )` and spaces.
pub fn parse_phone(raw: Option<&str>) -> AppResult<Option<String>> {
    let phone = field("phone", parse_optional_text(raw, 30))?;
    if let Some(p) = &phone
        && !p
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'))
    {
        return Err(AppError::invalid(
            "phone",
            "may contain only digits, spaces and + - ( )",
        ));
    }
    Ok(phone)
}

/// The provider with its rating; its own staff also see the details only they may.
pub async fn find(db: &Db, actor: Option<&Actor>, id: ProviderId) -> AppResult<ProviderOut> {
    let model = provider::Entity::find_by_id(id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("provider"))?;
    let own = actor.is_some_and(|a| a.provider_id == Some(id));
    let mut out = if own {
        ProviderOut::own(model)
    } else {
        ProviderOut::public(model)
    };
    out.rating = Some(RatingOut::of(&ratings::of_provider(&db.conn, id).await?));
    Ok(out)
}

/// A change to the profile as typed: what is given is changed, the rest stays. An empty
/// e-invoice field removes it.
#[derive(Default)]
pub struct ProfileText<'a> {
    pub name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub iban: Option<&'a str>,
    pub bic: Option<&'a str>,
    pub einvoice_address: Option<&'a str>,
    pub einvoice_operator: Option<&'a str>,
}

/// The change parsed, every field checked before anything is written.
struct ProfileChange {
    name: Option<String>,
    email: Option<EmailAddress>,
    phone: Option<Option<String>>,
    iban: Option<Iban>,
    bic: Option<Bic>,
    einvoice_address: Option<Option<String>>,
    einvoice_operator: Option<Option<String>>,
}

impl ProfileText<'_> {
    fn parse(&self) -> AppResult<ProfileChange> {
        Ok(ProfileChange {
            name: self
                .name
                .map(|n| field("name", parse_text(n, 200)))
                .transpose()?,
            email: self
                .email
                .map(|e| field("email", EmailAddress::parse(e)))
                .transpose()?,
            phone: self.phone.map(|raw| parse_phone(Some(raw))).transpose()?,
            iban: self
                .iban
                .map(|i| field("iban", Iban::parse(i)))
                .transpose()?,
            bic: self.bic.map(|b| field("bic", Bic::parse(b))).transpose()?,
            einvoice_address: routing::patch(
                "einvoice_address",
                self.einvoice_address,
                EinvoiceAddress::parse,
            )?,
            einvoice_operator: routing::patch(
                "einvoice_operator",
                self.einvoice_operator,
                OperatorId::parse,
            )?,
        })
    }
}

/// The provider's own staff change its profile.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: ProviderId,
    text: ProfileText<'_>,
) -> AppResult<ProviderOut> {
    actor.require_provider(id, "provider")?;
    let change = text.parse()?;
    let tx = db.begin_write().await?;
    let model = provider::Entity::find_by_id(id)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("provider"))?;
    let renamed = change.name.as_ref().is_some_and(|n| *n != model.name);
    let before = model.clone();
    let mut active = model.into_active_model();
    if let Some(name) = change.name {
        active.name = Set(name);
    }
    if let Some(email) = change.email {
        active.email = Set(email.as_str().to_owned());
    }
    if let Some(phone) = change.phone {
        active.phone = Set(phone);
    }
    if let Some(iban) = change.iban {
        active.iban = Set(Some(iban.as_str().to_owned()));
    }
    if let Some(bic) = change.bic {
        active.bic = Set(Some(bic.as_str().to_owned()));
    }
    if let Some(address) = change.einvoice_address {
        active.einvoice_address = Set(address);
    }
    if let Some(operator) = change.einvoice_operator {
        active.einvoice_operator = Set(operator);
    }
    let mut updated = active.update(&*tx).await?;
    routing::record_change(
        &*tx,
        actor,
        ("provider", updated.id.into()),
        (&before.einvoice_address, &before.einvoice_operator),
        (&updated.einvoice_address, &updated.einvoice_operator),
    )
    .await?;
    if bank_details::changed(&before, &updated) {
        updated = bank_details::record(&*tx, actor, &before, updated).await?;
    }
    if renamed {
        // Search shows the provider's name on every offering: re-index them all.
        let offerings = offering::Entity::find()
            .filter(offering::Column::ProviderId.eq(updated.id))
            .all(&*tx)
            .await?;
        for o in offerings {
            outbox::enqueue(&*tx, Topic::SearchOffering, o.id).await?;
        }
    }
    tx.commit().await?;
    Ok(ProviderOut::own(updated))
}
