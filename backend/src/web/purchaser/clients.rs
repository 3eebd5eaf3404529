//! The case worker's clients: the list, adding a client, and one client's decisions with
//! their commitments and ledger. Identity codes are shown masked; every read is audited
//! by the API handlers these pages call.
use crate::i18n::Translate;
use askama::Template;
use axum::{
    http::Uri,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    clients::read::{ClientOut, ClientQuery},
    domain::{
        catalogue::{CommitmentStatus, Role},
        ids::{AllocationId, ClientId},
    },
    error::AppResult,
    http::extract::PathId,
    identity_codes,
    mandates::{
        self,
        grant::{self, Granted, MandateRequest},
    },
    web::{
        client::money::BalanceView,
        format,
        item_forms::{Failed, ItemForm},
        page::{Field, FormErrors, PageCtx, Pairs, done, render},
        pager::{self, Pager},
        session::{Web, WebForm},
        views,
    },
};

use super::late_recording;

pub struct ClientRow {
    pub id: String,
    pub name: String,
    pub personal_id: String,
    pub municipality: String,
}

#[derive(Template)]
#[template(path = "purchaser/clients.html")]
struct ClientsPage {
    page: PageCtx,
    /// What was searched for (a name is echoed back; an identity code is not).
    query: String,
    searched: bool,
    found: String,
    rows: Vec<ClientRow>,
    pager: Pager,
    fields: Vec<Field>,
    errors: FormErrors,
}

/// The search words in `?q=` (a name; an identity code never travels in a URL).
fn typed_in(uri: &Uri) -> String {
    form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

async fn draw_list(
    web: &Web,
    uri: &Uri,
    typed: &str,
    form: &Pairs,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    actor.require_staff(pid, Role::CaseWorker)?;
    let lang = web.lang;
    let query = ClientQuery::parse(typed);
    let listed = crate::clients::read::for_purchaser(
        &web.state.db,
        &web.state.vault,
        &actor,
        pid,
        &query,
        pager::requested(uri),
    )
    .await?;
    let rows = listed
        .items
        .iter()
        .map(ClientOut::from_model)
        .map(|c| ClientRow {
            id: c.id.to_string(),
            name: c.name,
            personal_id: c.personal_id,
            municipality: views::municipality(lang, &c.municipality),
        })
        .collect();
    let pager = Pager::of(lang, uri, &listed);
    let mut fields = vec![
        Field::new("name", "text", lang.t("field-client-name"))
            .value(form.one("name"))
            .required(),
        Field::new("personal_id", "text", lang.t("field-personal-id"))
            .value(form.one("personal_id"))
            .hint(lang.t("field-personal-id-hint"))
            .required(),
        Field::new("municipality", "text", lang.t("field-municipality"))
            .value(form.one("municipality"))
            .hint(lang.t("field-municipality-hint"))
            .suggestions(area_names(web, pid).await?)
            .required(),
        Field::new("email", "email", lang.t("field-email"))
            .value(form.one("email"))
            .hint(lang.t("field-client-email-hint")),
    ];
    errors.apply(&mut fields);
    render(&ClientsPage {
        page: PageCtx::new(web, "clients-title"),
        query: match query {
            ClientQuery::Name(name) => name,
            _ => String::new(),
        },
        searched: !typed.trim().is_empty(),
        found: lang.t_with("clients-found", &[("count", listed.total.into())]),
        rows,
        pager,
        fields,
        errors,
    })
}

/// The names of the purchaser's municipalities in the page's language, offered as the
/// home municipality is typed (a name in either language or the code is accepted).
async fn area_names(web: &Web, pid: crate::domain::ids::PurchaserId) -> AppResult<Vec<String>> {
    let area = crate::clients::area::municipalities_of(&web.state.db.conn, pid).await?;
    let mut names: Vec<String> = area
        .iter()
        .map(|code| views::municipality(web.lang, code))
        .collect();
    names.sort();
    Ok(names)
}

pub async fn list(web: Web, uri: Uri) -> AppResult<Response> {
    let typed = typed_in(&uri);
    draw_list(
        &web,
        &uri,
        &typed,
        &Pairs(Vec::new()),
        FormErrors::default(),
    )
    .await
}

/// The search form is posted, so that an identity code is never in an address (browser
/// history, server logs): a code is answered on the spot; a name is redirected to a
/// `?q=` address that can be paged and bookmarked.
pub async fn search(
    web: Web,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let typed = Pairs(pairs).one("q");
    match ClientQuery::parse(&typed) {
        ClientQuery::IdentityCode(_) => {
            let here = Uri::from_static("/purchaser/clients");
            draw_list(
                &web,
                &here,
                &typed,
                &Pairs(Vec::new()),
                FormErrors::default(),
            )
            .await
        }
        ClientQuery::Everyone => Ok(Redirect::to("/purchaser/clients").into_response()),
        ClientQuery::Name(name) => {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("q", &name)
                .finish();
            Ok(Redirect::to(&format!("/purchaser/clients?{query}")).into_response())
        }
    }
}

pub async fn create(
    web: Web,
    WebForm(pairs): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let form = Pairs(pairs);
    let opt = |name: &str| Some(form.one(name)).filter(|v| !v.trim().is_empty());
    let (name, personal_id, municipality, email) = (
        form.one("name"),
        form.one("personal_id"),
        form.one("municipality"),
        opt("email"),
    );
    let typed = crate::clients::create::ClientText {
        name: &name,
        personal_id: &personal_id,
        municipality: &municipality,
        email: email.as_deref(),
    };
    match crate::clients::create::create(&web.state, &actor, pid, &typed).await {
        Ok(created) => Ok(done(
            &format!("/purchaser/clients/{}", created.id),
            "client-added",
        )),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            // The identity code is never sent back to the browser, not even to correct it.
            let kept = Pairs(
                form.0
                    .into_iter()
                    .filter(|(k, _)| k != "password" && k != "personal_id")
                    .collect(),
            );
            draw_list(
                &web,
                &Uri::from_static("/purchaser/clients"),
                "",
                &kept,
                errors,
            )
            .await
        }
    }
}

pub struct EntryRow {
    pub date: String,
    pub kind: String,
    pub available: String,
    pub reserved: String,
    pub spent: String,
}

pub struct CommitmentRow {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub status: String,
    pub reserved: String,
    /// Late recording may be opened on accepted commitments.
    pub accepted: bool,
    /// An opening in force: "Myöhäinen kirjaus sallittu 20.12.2026 asti: syy".
    pub late: Option<String>,
    pub late_form: ItemForm,
}

pub struct AllocationView {
    pub id: String,
    pub kind: String,
    pub period: String,
    pub balance: BalanceView,
    /// With grace days: the last day deliveries of the period can still be recorded.
    pub open_until: Option<String>,
    pub commitments: Vec<CommitmentRow>,
    pub entries: Vec<EntryRow>,
    /// How the voucher value was set from income, in the page's language.
    pub voucher_basis: Option<String>,
}

#[derive(Template)]
#[template(path = "purchaser/client.html")]
struct ClientPage {
    page: PageCtx,
    id: String,
    personal_id: String,
    municipality: String,
    email: Option<String>,
    allocations: Vec<AllocationView>,
    /// The client's personal budget plans (issue #17).
    plans: Vec<super::plans::caseload::Row>,
    /// The client's draft plan, the one to continue (she has one at a time).
    draft_plan: Option<String>,
    /// Other clients recorded as the same person (see `identity_codes`): to be merged.
    same_person: Vec<(String, String)>,
    mandates: Vec<MandateRow>,
    fields: Vec<Field>,
    errors: FormErrors,
    /// Set when the email or identity code typed belongs to someone already: the case
    /// worker sees who, and confirms or corrects.
    confirm: Option<ConfirmView>,
    /// A refused late-recording form: its summary at the top of the page.
    late_errors: FormErrors,
}

pub struct MandateRow {
    pub id: String,
    pub name: String,
    pub relation: String,
    pub until: String,
    pub status: String,
    pub live: bool,
}

pub struct ConfirmView {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub personal_id: String,
    /// The form as typed, carried to the confirming post.
    pub carried: Vec<(String, String)>,
}

pub(super) async fn draw_client(
    web: &Web,
    id: ClientId,
    form: &Pairs,
    errors: FormErrors,
    confirm: Option<ConfirmView>,
    late: Option<(FormErrors, Failed)>,
) -> AppResult<Response> {
    let (late_errors, mut late_failed) = match late {
        Some((summary, failed)) => (summary, Some(failed)),
        None => (FormErrors::default(), None),
    };
    let (actor, _) = super::staff(web)?;
    let lang = web.lang;
    let client =
        ClientOut::from_model(&crate::clients::read::one(&web.state.db.conn, &actor, id).await?);
    let mut views_out = Vec::new();
    let conn = &web.state.db.conn;
    let listed_allocations = crate::allocations::read::for_client(conn, &actor, id, None)
        .await?
        .items
        .iter()
        .map(crate::allocations::view::AllocationOut::from_model)
        .collect::<AppResult<Vec<_>>>()?;
    let keys: Vec<(AllocationId, ClientId)> =
        listed_allocations.iter().map(|a| (a.id, id)).collect();
    let mut bases = crate::catalogue::income::read(
        &web.state.db.conn,
        &actor,
        Some(crate::auth::ActingFor::CaseWorker),
        &keys,
    )
    .await?;
    for a in listed_allocations {
        let voucher_basis = bases
            .remove(&a.id)
            .map(|b| b.explanation().in_lang(lang.code()).to_owned());
        let listed = crate::commitments::read::for_allocation(conn, &actor, a.id, None)
            .await?
            .items;
        let parties = crate::commitments::parties_of(conn, &actor, &listed).await?;
        let ids: Vec<uuid::Uuid> = listed.iter().map(|c| c.id.into()).collect();
        let mut late = late_recording::in_force(web, lang, &ids).await?;
        let entries = crate::allocations::read::ledger_of(conn, &actor, a.id, None)
            .await?
            .items;
        views_out.push(AllocationView {
            id: a.id.to_string(),
            kind: views::word(lang, "funding", a.kind.as_ref()),
            period: lang.t_with(
                "allocation-period",
                &[
                    ("from", format::date(a.valid_from).into()),
                    ("to", format::date(a.valid_to).into()),
                ],
            ),
            balance: BalanceView::of(&a.balance),
            open_until: (a.grace_days > 0).then(|| {
                lang.t_with(
                    "grace-open-until",
                    &[("date", format::date(a.open_until).into())],
                )
            }),
            commitments: listed
                .iter()
                .map(|c| {
                    let offering = parties.offering(c.offering_id);
                    let (title, provider) = (views::pick(lang, &offering.title), offering.provider);
                    let id = c.id.to_string();
                    CommitmentRow {
                        late_form: Failed::take_for(&mut late_failed, &id),
                        late: late.remove(&uuid::Uuid::from(c.id)),
                        id,
                        title,
                        provider,
                        status: views::word(lang, "commitment", c.status.as_ref()),
                        reserved: format::euros(c.reserved),
                        accepted: c.status == CommitmentStatus::Accepted,
                    }
                })
                .collect(),
            entries: entries
                .iter()
                .map(|e| EntryRow {
                    date: format::date(e.created_at.date_naive()),
                    kind: views::word(lang, "entry", e.kind.as_ref()),
                    available: format::euros(e.available_delta),
                    reserved: format::euros(e.reserved_delta),
                    spent: format::euros(e.spent_delta),
                })
                .collect(),
            voucher_basis,
        });
    }
    let mandates = mandates::for_client(&web.state, &actor, id)
        .await?
        .into_iter()
        .map(|m| MandateRow {
            id: m.mandate_id.to_string(),
            name: m.name,
            relation: m.relation,
            until: m
                .valid_until
                .map(format::date)
                .unwrap_or_else(|| lang.t("mandate-until-revoked")),
            status: if m.live {
                lang.t("mandate-live")
            } else {
                lang.t_with(
                    "mandate-ended",
                    &[(
                        "date",
                        m.revoked_at
                            .map(|at| format::date(at.date_naive()))
                            .or(m.valid_until.map(format::date))
                            .unwrap_or_default()
                            .into(),
                    )],
                )
            },
            live: m.live,
        })
        .collect();
    let mut fields = vec![
        Field::new("name", "text", lang.t("field-proxy-name"))
            .value(form.one("name"))
            .required(),
        Field::new("relation", "text", lang.t("field-relation"))
            .value(form.one("relation"))
            .hint(lang.t("field-relation-hint"))
            .required(),
        Field::new("email", "email", lang.t("field-email"))
            .value(form.one("email"))
            .hint(lang.t("field-proxy-email-hint")),
        Field::new("personal_id", "text", lang.t("field-personal-id"))
            .hint(lang.t("field-proxy-personal-id-hint")),
        Field::new("valid_until", "date", lang.t("field-valid-until"))
            .value(form.one("valid_until"))
            .hint(lang.t("field-valid-until-hint")),
    ];
    errors.apply(&mut fields);
    let plans = super::plans::caseload::rows_of_client(web, &actor, id).await?;
    render(&ClientPage {
        page: PageCtx::new(web, "client-title")
            .titled(client.name.clone())
            .whose(&client.name),
        id: id.to_string(),
        personal_id: client.personal_id,
        municipality: views::municipality(lang, &client.municipality),
        email: client.email,
        allocations: views_out,
        draft_plan: plans.iter().find(|p| p.draft).map(|p| p.id.clone()),
        plans,
        same_person: identity_codes::same_person_as(&web.state.db.conn, id)
            .await?
            .into_iter()
            .map(|(other, name)| (other.to_string(), name))
            .collect(),
        mandates,
        fields,
        errors,
        confirm,
        late_errors,
    })
}

pub async fn show(web: Web, PathId(id): PathId<ClientId>) -> AppResult<Response> {
    draw_client(
        &web,
        id,
        &Pairs(Vec::new()),
        FormErrors::default(),
        None,
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct ProxyForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    relation: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    personal_id: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    confirm_existing: String,
}

pub async fn add_proxy(
    web: Web,
    PathId(id): PathId<ClientId>,
    WebForm(form): WebForm<ProxyForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let request = MandateRequest {
        name: form.name.clone(),
        relation: form.relation.clone(),
        email: Some(form.email.clone()),
        personal_id: Some(form.personal_id.clone()),
        valid_until: Some(form.valid_until.clone()),
        confirm_existing: Some(form.confirm_existing.clone()),
        password: None,
    };
    // The identity code is never sent back to the browser, except inside the confirming
    // form, to the case worker who just typed it.
    let kept = Pairs(vec![
        ("name".into(), form.name.clone()),
        ("relation".into(), form.relation.clone()),
        ("email".into(), form.email.clone()),
        ("valid_until".into(), form.valid_until.clone()),
    ]);
    match grant::grant(&web.state, &actor, id, &request).await {
        Ok(Granted::Done { .. }) => Ok(done(&format!("/purchaser/clients/{id}"), "proxy-added")),
        Ok(Granted::Confirm(existing)) => {
            let mut carried = kept.0.clone();
            carried.push(("personal_id".into(), form.personal_id));
            carried.push(("confirm_existing".into(), existing.user_id.to_string()));
            let confirm = ConfirmView {
                user_id: existing.user_id.to_string(),
                name: existing.name,
                email: existing.email.unwrap_or_default(),
                personal_id: existing.personal_id.unwrap_or_default(),
                carried,
            };
            draw_client(&web, id, &kept, FormErrors::default(), Some(confirm), None).await
        }
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw_client(&web, id, &kept, errors, None, None).await
        }
    }
}
