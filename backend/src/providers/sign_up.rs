//! A provider signs up: the organisation and its first staff account in one transaction.
//! Anyone may do it; the adapters limit the rate per address.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set};

use crate::{
    auth::password,
    db::{Db, entities::provider},
    domain::{BusinessId, EmailAddress, catalogue::Role, ids::ProviderId, text::parse_text},
    error::{AppError, AppResult, field},
    users::{self, NewUser},
};

use super::{ProviderOut, profile::parse_phone};

/// A sign-up as typed.
pub struct SignUpText<'a> {
    pub name: &'a str,
    pub business_id: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub phone: Option<&'a str>,
}

/// A sign-up parsed, before anything costly (the password hash) is done.
pub struct SignUp {
    name: String,
    business_id: BusinessId,
    email: EmailAddress,
    phone: Option<String>,
    password: String,
}

impl SignUpText<'_> {
    pub fn parse(&self) -> AppResult<SignUp> {
        let name = field("name", parse_text(self.name, 200))?;
        let business_id = field("business_id", BusinessId::parse(self.business_id))?;
        let email = field("email", EmailAddress::parse(self.email))?;
        let phone = parse_phone(self.phone)?;
        password::check_strength(self.password)?;
        Ok(SignUp {
            name,
            business_id,
            email,
            phone,
            password: self.password.to_owned(),
        })
    }
}

/// Registers the provider and its first staff account; a business ID registered before
/// is a 422 naming it.
pub async fn sign_up(db: &Db, input: SignUp) -> AppResult<ProviderOut> {
    let hash = password::hash(&input.password).await?;
    let tx = db.begin_write().await?;
    let id = ProviderId::new();
    let model = provider::ActiveModel {
        id: Set(id),
        name: Set(input.name.clone()),
        business_id: Set(input.business_id.to_string()),
        email: Set(input.email.as_str().to_owned()),
        phone: Set(input.phone),
        iban: Set(None),
        bic: Set(None),
        bank_changed_at: Set(None),
        einvoice_address: Set(None),
        einvoice_operator: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await
    .map_err(|e| AppError::from_unique(e, "business_id", "is already registered"))?;
    let new = NewUser {
        email: Some(input.email),
        password_hash: Some(hash),
        name: input.name,
        roles: vec![Role::ProviderStaff],
        purchaser: None,
        provider: Some(id),
        client: None,
    };
    let user = users::insert(&*tx, new).await?;
    tx.commit().await?;
    let mut out = ProviderOut::own(model);
    out.user_id = Some(user.id);
    Ok(out)
}
