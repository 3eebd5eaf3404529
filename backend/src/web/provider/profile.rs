//! The provider's own page: contact details (editable) and what needs attention.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    domain::bank::Iban,
    error::AppResult,
    providers::profile::{self, ProfileText},
    web::{
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "provider/profile.html")]
struct ProfilePage {
    page: PageCtx,
    business_id: String,
    waiting: u64,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ProfileForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    iban: String,
    #[serde(default)]
    bic: String,
    #[serde(default)]
    einvoice_address: String,
    #[serde(default)]
    einvoice_operator: String,
}

async fn draw(web: &Web, form: Option<&ProfileForm>, errors: FormErrors) -> AppResult<Response> {
    let (actor, id) = super::staff(web)?;
    let lang = web.lang;
    let profile = profile::find(&web.state.db, Some(&actor), id).await?;
    let waiting = crate::commitments::read::count_of_provider(
        &web.state.db.conn,
        id,
        crate::commitments::read::ProviderFilter::Requested,
    )
    .await?;
    let (address, operator) = match form {
        Some(f) => (f.einvoice_address.clone(), f.einvoice_operator.clone()),
        None => (
            profile.einvoice_address.clone().unwrap_or_default(),
            profile.einvoice_operator.clone().unwrap_or_default(),
        ),
    };
    let (name, email, phone, iban, bic) = match form {
        Some(f) => (
            f.name.clone(),
            f.email.clone(),
            f.phone.clone(),
            f.iban.clone(),
            f.bic.clone(),
        ),
        None => (
            profile.name.clone(),
            profile.email.clone().unwrap_or_default(),
            profile.phone.clone().unwrap_or_default(),
            profile
                .iban
                .as_deref()
                .and_then(|i| Iban::parse(i).ok())
                .map(|i| i.to_string())
                .unwrap_or_default(),
            profile.bic.clone().unwrap_or_default(),
        ),
    };
    let mut fields = vec![
        Field::new("name", "text", lang.t("field-provider-name"))
            .value(name)
            .required()
            .autocomplete("organization"),
        Field::new("email", "email", lang.t("field-email"))
            .value(email)
            .required()
            .autocomplete("email"),
        Field::new("phone", "tel", lang.t("field-phone"))
            .value(phone)
            .autocomplete("tel"),
        Field::new("iban", "text", lang.t("field-iban"))
            .value(iban)
            .hint(lang.t("field-iban-hint")),
        Field::new("bic", "text", lang.t("field-bic"))
            .value(bic)
            .hint(lang.t("field-bic-hint")),
        Field::new("einvoice_address", "text", lang.t("field-einvoice-address"))
            .value(address)
            .hint(lang.t("field-einvoice-address-hint")),
        Field::new(
            "einvoice_operator",
            "text",
            lang.t("field-einvoice-operator"),
        )
        .value(operator)
        .hint(lang.t("field-einvoice-operator-hint")),
    ];
    errors.apply(&mut fields);
    render(&ProfilePage {
        page: PageCtx::new(web, "provider-home-title").titled(profile.name),
        business_id: profile.business_id,
        waiting,
        fields,
        errors,
    })
}

pub async fn show(web: Web) -> AppResult<Response> {
    draw(&web, None, FormErrors::default()).await
}

pub async fn submit(web: Web, WebForm(form): WebForm<ProfileForm>) -> AppResult<Response> {
    let (actor, id) = super::staff(&web)?;
    let text = ProfileText {
        name: Some(&form.name),
        email: Some(&form.email),
        phone: Some(&form.phone),
        // Blank bank fields leave the stored details as they are.
        iban: Some(form.iban.as_str()).filter(|t| !t.trim().is_empty()),
        bic: Some(form.bic.as_str()).filter(|t| !t.trim().is_empty()),
        // A blank e-invoice field removes it: invoices then go without routing.
        einvoice_address: Some(&form.einvoice_address),
        einvoice_operator: Some(&form.einvoice_operator),
    };
    match profile::update(&web.state.db, &actor, id, text).await {
        Ok(_) => Ok(done("/provider", "saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, Some(&form), errors).await
        }
    }
}
