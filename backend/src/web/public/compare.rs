//! 2–4 offerings side by side; for a signed-in client also their own share per unit and
//! how many units their balance buys, under the allocation they pick.
use askama::Template;
use axum::{extract::State, http::Uri, response::Response};

use crate::{
    auth::MaybeActor,
    error::AppResult,
    routes::{compare as api, extract::ApiQuery},
    web::{
        client, format,
        i18n::Lang,
        page::{Choice, Field, PageCtx, render},
        session::Web,
        views,
    },
};

pub struct Column {
    pub id: String,
    pub title: String,
    pub provider_id: String,
    pub provider: String,
    pub service: String,
    pub price: String,
    pub methods: String,
    pub municipalities: String,
    pub languages: String,
    pub accessibility: String,
    pub rating: String,
    pub own_share: Option<String>,
    pub affordable: Option<String>,
}

#[derive(Template)]
#[template(path = "public/compare.html")]
struct ComparePage {
    page: PageCtx,
    columns: Vec<Column>,
    error: Option<String>,
    ids: Vec<String>,
    fields: Vec<Field>,
    /// Whether the client's own figures are shown (a client side user picked a decision).
    has_own: bool,
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let lang = web.lang;
    let mut ids = Vec::new();
    let mut allocation_id = None;
    for (k, v) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "ids" => ids.extend(
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            ),
            "allocation_id" if !v.is_empty() => allocation_id = Some(v.into_owned()),
            _ => {}
        }
    }
    // A signed-in client (or proxy) picks which decision to compare against.
    let mut fields = Vec::new();
    let mut page = PageCtx::new(&web, "compare-title");
    let client_side = match &web.actor {
        Some(_) => client::current(&web).await.ok(),
        None => None,
    };
    if let (Some(actor), Some(ctx)) = (web.actor.as_ref(), client_side) {
        page = page.whose(&ctx.name);
        let allocations = client::allocations_of(&web, actor, ctx.id).await?;
        if allocation_id.is_none() {
            allocation_id = allocations.first().map(|a| a.id.to_string());
        }
        let options = allocations
            .iter()
            .map(|a| {
                let id = a.id.to_string();
                let label = allocation_label(lang, a);
                let selected = allocation_id.as_deref() == Some(id.as_str());
                Choice::new(id, label, selected)
            })
            .collect::<Vec<_>>();
        if !options.is_empty() {
            fields.push(
                Field::new("allocation_id", "select", lang.t("compare-allocation"))
                    .options(options),
            );
        }
    }
    let query = api::CompareQuery {
        ids: Some(ids.join(",")),
        allocation_id: allocation_id.clone(),
    };
    let outcome = api::compare(
        State(web.state.clone()),
        MaybeActor(web.actor.clone()),
        ApiQuery(query),
    )
    .await;
    let (columns, error) = match outcome {
        Ok(out) => (
            out.0
                .offerings
                .into_iter()
                .map(|o| column(lang, o))
                .collect(),
            None,
        ),
        Err(e) if e.status.is_client_error() && e.fields.contains_key("ids") => {
            (Vec::new(), Some(lang.t("compare-pick-2-4")))
        }
        Err(e) => return Err(e),
    };
    let has_own = columns.iter().any(|c: &Column| c.own_share.is_some());
    render(&ComparePage {
        page,
        columns,
        error,
        ids,
        fields,
        has_own,
    })
}

pub fn allocation_label(lang: Lang, a: &crate::routes::allocations::AllocationOut) -> String {
    lang.t_with(
        "allocation-label",
        &[
            ("kind", views::word(lang, "funding", a.kind.as_ref()).into()),
            ("available", format::euros(a.balance.available).into()),
            ("until", format::date(a.valid_to).into()),
        ],
    )
}

fn column(lang: Lang, o: api::ComparedOffering) -> Column {
    let unit = o.unit.to_string();
    let methods: Vec<String> = o.methods.iter().map(ToString::to_string).collect();
    let access: Vec<String> = o
        .offering
        .accessibility
        .iter()
        .map(ToString::to_string)
        .collect();
    Column {
        id: o.offering_id.to_string(),
        title: views::pick(lang, &o.offering.title),
        provider_id: o.offering.provider.id.to_string(),
        provider: o.offering.provider.name.clone(),
        service: views::pick(lang, &o.service_name),
        price: views::price_per_unit(lang, o.offering.unit_price, &unit),
        methods: views::words(lang, "method", &methods),
        municipalities: views::municipalities(lang, &o.offering.municipalities),
        languages: views::words(lang, "language", &o.offering.languages),
        accessibility: views::words(lang, "access", &access),
        rating: views::rating(
            lang,
            o.offering.rating.average.as_deref(),
            o.offering.rating.count,
        ),
        own_share: match o.covered {
            Some(false) => Some(lang.t("compare-not-covered")),
            _ => o
                .client_share_per_unit
                .map(|s| views::price_per_unit(lang, s, &unit)),
        },
        affordable: match o.covered {
            Some(false) => None,
            _ => o.units_affordable.map(|n| {
                lang.t_with(
                    "units-affordable",
                    &[(
                        "amount",
                        crate::web::amounts::whole_units(lang, n.max(0), &unit).into(),
                    )],
                )
            }),
        },
    }
}
