//! The directory's reads: each list applies the whole filter to every live object, then
//! pages, so that the counts are complete; one object by id is 404 unless it is live.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{
    live::{self, Scope},
    objects::*,
    query::{Filter, HsdsPage},
};
use crate::{
    db::entities::{provider, purchaser, service},
    domain::ids::{OfferingId, ProviderId},
    error::{AppError, AppResult},
};

/// The API profile's root object.
pub fn about(public_url: Option<&str>) -> About {
    let base = public_url.unwrap_or("").trim_end_matches('/');
    About {
        version: "3.0",
        profile: format!("{base}/hsds/"),
        openapi_url: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
    }
}

fn scope(filter: &Filter) -> Scope {
    Scope {
        offering: None,
        provider: filter.organization_id,
        service: filter.taxonomy_term_id,
    }
}

pub async fn services(
    conn: &impl ConnectionTrait,
    filter: &Filter,
) -> AppResult<HsdsPage<Service>> {
    let live = live::load(conn, scope(filter)).await?;
    let mut all = Vec::new();
    for o in &live.offerings {
        let texts = live.texts(o);
        if filter.modified(o.updated_at) && filter.matches_text(texts.iter().map(String::as_str)) {
            all.push(o);
        }
    }
    let page = HsdsPage::of(all, filter.page);
    let mut contents = Vec::with_capacity(page.contents.len());
    for o in &page.contents {
        contents.push(live.service(o, false)?);
    }
    Ok(HsdsPage {
        contents,
        ..page_shape(&page)
    })
}

/// The counts of a page with other contents.
fn page_shape<T, U>(page: &HsdsPage<T>) -> HsdsPage<U> {
    HsdsPage {
        total_items: page.total_items,
        total_pages: page.total_pages,
        page_number: page.page_number,
        size: page.size,
        first_page: page.first_page,
        last_page: page.last_page,
        empty: page.empty,
        contents: Vec::new(),
    }
}

pub async fn service(conn: &impl ConnectionTrait, id: OfferingId) -> AppResult<Service> {
    let live = live::load(
        conn,
        Scope {
            offering: Some(id),
            ..Scope::default()
        },
    )
    .await?;
    let o = live
        .offerings
        .first()
        .ok_or_else(|| AppError::not_found("service"))?;
    live.service(o, true)
}

pub async fn service_at_locations(
    conn: &impl ConnectionTrait,
    filter: &Filter,
) -> AppResult<HsdsPage<ServiceAtLocation>> {
    let live = live::load(conn, scope(filter)).await?;
    let mut all = Vec::new();
    for o in &live.offerings {
        let texts = live.texts(o);
        if !(filter.modified(o.updated_at) && filter.matches_text(texts.iter().map(String::as_str)))
        {
            continue;
        }
        let features: Vec<crate::domain::catalogue::Accessibility> =
            crate::db::json::from_json(&o.accessibility)?;
        all.extend(live.service_at_location(o, &features));
    }
    Ok(HsdsPage::of(all, filter.page))
}

/// Providers with at least one live service; `taxonomy_term_id`: one of that entry.
pub async fn organizations(
    conn: &impl ConnectionTrait,
    filter: &Filter,
) -> AppResult<HsdsPage<Organization>> {
    let live = live::load(conn, scope(filter)).await?;
    let mut providers: Vec<&provider::Model> = live.providers.values().collect();
    providers.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let all = providers
        .into_iter()
        .filter(|p| filter.modified(live.organization_modified(p)))
        .filter(|p| filter.matches_text([p.name.as_str(), p.business_id.as_str()]))
        .map(|p| live.organization(p))
        .collect();
    Ok(HsdsPage::of(all, filter.page))
}

pub async fn organization(conn: &impl ConnectionTrait, id: ProviderId) -> AppResult<Organization> {
    let live = live::load(
        conn,
        Scope {
            provider: Some(id),
            ..Scope::default()
        },
    )
    .await?;
    let p = live
        .providers
        .get(&id)
        .ok_or_else(|| AppError::not_found("organization"))?;
    let mut organization = live.organization(p);
    let mut services = Vec::new();
    for o in &live.offerings {
        services.push(live.service(o, false)?);
    }
    organization.services = Some(services);
    Ok(organization)
}

/// One taxonomy per purchaser: its catalogue.
pub async fn taxonomies(
    conn: &impl ConnectionTrait,
    filter: &Filter,
) -> AppResult<HsdsPage<Taxonomy>> {
    let live = live::load(conn, Scope::catalogue_only()).await?;
    let all = purchaser::Entity::find()
        .order_by_asc(purchaser::Column::Name)
        .order_by_asc(purchaser::Column::Id)
        .all(conn)
        .await?
        .iter()
        .map(|p| live.taxonomy(p))
        .filter(|t| filter.matches_text([t.name.as_str(), t.description.as_str()]))
        .collect();
    Ok(HsdsPage::of(all, filter.page))
}

/// Every catalogue entry that is not archived.
pub async fn taxonomy_terms(
    conn: &impl ConnectionTrait,
    filter: &Filter,
) -> AppResult<HsdsPage<TaxonomyTerm>> {
    let live = live::load(conn, Scope::catalogue_only()).await?;
    let rows = service::Entity::find()
        .filter(service::Column::ArchivedAt.is_null())
        .order_by_asc(service::Column::Code)
        .order_by_asc(service::Column::Id)
        .all(conn)
        .await?;
    let mut all = Vec::new();
    for s in &rows {
        if filter.taxonomy_term_id.is_some_and(|id| id != s.id) {
            continue;
        }
        let term = live.term(s)?;
        if filter.matches_text([
            term.name.as_str(),
            term.code.as_str(),
            term.description.as_str(),
        ]) {
            all.push(term);
        }
    }
    Ok(HsdsPage::of(all, filter.page))
}
