//! Strong identification in the portal: off to the provider, back from it, and the choice
//! for a person who may sign in as more than one account (a client who is also a proxy).
use crate::i18n::Translate;
use askama::Template;
use axum::{
    extract::Query,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use axum_extra::extract::cookie::CookieJar;
use chrono::{Duration, Utc};
use sea_orm::EntityTrait;
use serde::Deserialize;
use serde_json::json;

use super::signin::welcome;
use crate::{
    accounts::sessions,
    audit::{self, AuditEvent},
    auth::{
        Actor,
        oidc::{
            OidcError,
            people::{self, Match},
        },
    },
    db::entities::user,
    domain::ids::UserId,
    error::{AppError, AppResult},
    web::{
        errors::message_page,
        i18n::Arg,
        page::{PageCtx, render, safe_next},
        session::{Web, WebForm},
    },
};

/// How long the choice between accounts stays open.
const CHOICE_MINUTES: i64 = 5;
const TICKET_PURPOSE: &str = "oidc-choice";

#[derive(Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
}

pub async fn login(web: Web, Query(query): Query<LoginQuery>) -> AppResult<Response> {
    let Some(oidc) = web.state.oidc.clone() else {
        return Err(AppError::not_found("strong identification"));
    };
    let next = safe_next(&query.next).unwrap_or_default();
    match oidc.start(&web.state.db.conn, next).await {
        Ok(url) => Ok(Redirect::to(&url).into_response()),
        Err(e) => refusal(&web, e),
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
}

pub async fn callback(
    web: Web,
    jar: CookieJar,
    Query(query): Query<CallbackQuery>,
) -> AppResult<Response> {
    let Some(oidc) = web.state.oidc.clone() else {
        return Err(AppError::not_found("strong identification"));
    };
    let conn = &web.state.db.conn;
    let (Some(state), Some(code), None) = (&query.state, &query.code, &query.error) else {
        // Cancelled or refused at the provider: the flow ends here too.
        if let Some(state) = &query.state {
            oidc.abandon(conn, state).await.map_err(internal)?;
        }
        return refusal(&web, OidcError::Rejected("the provider sent no code"));
    };
    let proven = match oidc.finish(conn, state, code).await {
        Ok(proven) => proven,
        Err(e) => return refusal(&web, e),
    };
    let accounts = people::accounts_of(conn, &web.state.vault, &proven.personal_id).await?;
    match accounts.as_slice() {
        [] => {
            tracing::info!("a strongly identified person is registered nowhere");
            Ok(message_page(
                &web,
                StatusCode::FORBIDDEN,
                "oidc-unknown-title",
                "oidc-unknown",
            ))
        }
        [only] => sign_in(&web, jar, only, &proven.next).await,
        many => choice_page(&web, many, &proven.next),
    }
}

#[derive(Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    ticket: String,
    #[serde(default)]
    user: String,
}

pub async fn choose(
    web: Web,
    jar: CookieJar,
    WebForm(form): WebForm<ChooseForm>,
) -> AppResult<Response> {
    let rejected = |why| refusal(&web, OidcError::Rejected(why));
    let Some(ticket) = Ticket::open(&web, &form.ticket) else {
        return rejected("the choice expired or was altered");
    };
    let Some(chosen) = ticket
        .accounts
        .iter()
        .find(|id| id.to_string() == form.user)
    else {
        return rejected("an account that was not offered");
    };
    let account = user::Entity::find_by_id(*chosen)
        .one(&web.state.db.conn)
        .await?
        .filter(|u| u.deactivated_at.is_none());
    let Some(account) = account else {
        return rejected("the account is gone");
    };
    let as_client = account.client_id.is_some();
    sign_in(
        &web,
        jar,
        &Match {
            user: account,
            as_client,
        },
        &ticket.next,
    )
    .await
}

/// The session, its audit entry (never the identity code), and on to `next` or home.
async fn sign_in(web: &Web, jar: CookieJar, account: &Match, next: &str) -> AppResult<Response> {
    let user = &account.user;
    audit::record(
        &web.state.db.conn,
        Some(&Actor::from_user(user)),
        None,
        AuditEvent {
            action: "signed_in_strong",
            subject_type: "user",
            subject_id: user.id.to_string(),
            client: user.client_id,
            detail: Some(json!({
                "method": "oidc",
                "as": if account.as_client { "client" } else { "proxy" },
            })),
        },
    )
    .await?;
    let opened = sessions::open(&web.state, user, None).await?;
    welcome(web, jar, user, opened.token, next).await
}

fn refusal(web: &Web, e: OidcError) -> AppResult<Response> {
    match e {
        OidcError::Unavailable(detail) => {
            tracing::warn!(%detail, "strong identification is unavailable");
            Ok(message_page(
                web,
                StatusCode::SERVICE_UNAVAILABLE,
                "oidc-unavailable-title",
                "oidc-unavailable",
            ))
        }
        OidcError::Rejected(why) => {
            tracing::info!(why, "a strong sign-in was refused");
            Ok(message_page(
                web,
                StatusCode::BAD_REQUEST,
                "oidc-failed-title",
                "oidc-failed",
            ))
        }
        OidcError::Db(e) => Err(e.into()),
    }
}

fn internal(e: OidcError) -> AppError {
    match e {
        OidcError::Db(e) => e.into(),
        other => AppError::internal(other),
    }
}

#[derive(Template)]
#[template(path = "public/oidc_choose.html")]
struct ChoosePage {
    page: PageCtx,
    ticket: String,
    accounts: Vec<Choice>,
}

struct Choice {
    id: String,
    label: String,
}

fn choice_page(web: &Web, accounts: &[Match], next: &str) -> AppResult<Response> {
    let ticket = Ticket {
        accounts: accounts.iter().map(|m| m.user.id).collect(),
        next: next.to_owned(),
    }
    .seal(web);
    let accounts = accounts
        .iter()
        .map(|m| Choice {
            id: m.user.id.to_string(),
            label: if m.as_client {
                web.lang.t_with(
                    "oidc-as-client",
                    &[("name", Arg::Text(m.user.name.clone()))],
                )
            } else {
                web.lang
                    .t_with("oidc-as-proxy", &[("name", Arg::Text(m.user.name.clone()))])
            },
        })
        .collect();
    render(&ChoosePage {
        page: PageCtx::new(web, "oidc-choose-title"),
        ticket,
        accounts,
    })
}

/// The accounts a person proved they may sign in as, kept by the browser for a few minutes
/// under the server's signature, bound to this browser (its form token): the choice form
/// cannot name any other account, and another browser cannot use it.
struct Ticket {
    accounts: Vec<UserId>,
    next: String,
}

impl Ticket {
    fn seal(&self, web: &Web) -> String {
        let expires = (Utc::now() + Duration::minutes(CHOICE_MINUTES)).timestamp();
        let ids = self
            .accounts
            .iter()
            .map(UserId::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let next: String = form_urlencoded::byte_serialize(self.next.as_bytes()).collect();
        let body = format!("{expires}~{ids}~{next}");
        let signature = web
            .state
            .vault
            .sign(TICKET_PURPOSE, &format!("{}~{body}", web.csrf));
        format!("{body}~{signature}")
    }

    fn open(web: &Web, sealed: &str) -> Option<Ticket> {
        let (body, signature) = sealed.rsplit_once('~')?;
        if !web
            .state
            .vault
            .verify(TICKET_PURPOSE, &format!("{}~{body}", web.csrf), signature)
        {
            return None;
        }
        let mut parts = body.splitn(3, '~');
        let expires: i64 = parts.next()?.parse().ok()?;
        let ids = parts.next()?;
        let next = parts.next()?;
        if expires < Utc::now().timestamp() {
            return None;
        }
        let accounts = ids
            .split(',')
            .map(|id| id.parse().ok())
            .collect::<Option<Vec<UserId>>>()?;
        let next = form_urlencoded::parse(format!("n={next}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
        Some(Ticket { accounts, next })
    }
}
