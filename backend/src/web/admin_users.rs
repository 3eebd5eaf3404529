//! `/admin/users`: the administrator finds an account by name or email and deactivates
//! (after a confirmation page that says what ends) or reactivates it. A deactivated
//! person's sessions end at once.
use crate::i18n::Translate;
use askama::Template;
use axum::{
    extract::{Path, Query},
    response::Response,
};
use sea_orm::{EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Deserialize;

use crate::{
    accounts::{directory, lifecycle},
    auth::Actor,
    db::entities::user,
    domain::ids::UserId,
    error::{AppError, AppResult},
    web::{
        page::{PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

/// A page shows this many accounts; a search narrows it.
const SHOWN: u64 = 200;

pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub roles: String,
    pub active: bool,
}

impl AccountRow {
    fn of(lang: crate::i18n::Lang, model: &user::Model) -> Self {
        // The roles as the sign-in reads them, so the page shows what the person may do.
        let roles = Actor::from_user(model).roles;
        AccountRow {
            id: model.id.to_string(),
            name: model.name.clone(),
            email: model.email.clone().unwrap_or_default(),
            roles: roles
                .iter()
                .map(|r| views::word(lang, "role", r.as_ref()))
                .collect::<Vec<_>>()
                .join(", "),
            active: model.deactivated_at.is_none(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    page: PageCtx,
    q: String,
    rows: Vec<AccountRow>,
    total: u64,
}

#[derive(Deserialize, Default)]
pub struct UsersQuery {
    #[serde(default)]
    q: String,
}

pub async fn list(web: Web, Query(query): Query<UsersQuery>) -> AppResult<Response> {
    web.signed_in()?.require_admin()?;
    let lang = web.lang;
    let q: String = query.q.trim().chars().take(100).collect();
    let mut select = user::Entity::find().order_by_asc(user::Column::Name);
    if !q.is_empty() {
        select = select.filter(directory::matching(&q));
    }
    let total = sea_orm::PaginatorTrait::count(select.clone(), &web.state.db.conn).await?;
    let rows = select
        .limit(SHOWN)
        .all(&web.state.db.conn)
        .await?
        .iter()
        .map(|u| AccountRow::of(lang, u))
        .collect();
    render(&UsersPage {
        page: PageCtx::new(&web, "users-title"),
        q,
        rows,
        total,
    })
}

#[derive(Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    active: String,
}

pub async fn set_active(
    web: Web,
    Path(id): Path<String>,
    WebForm(form): WebForm<ActiveForm>,
) -> AppResult<Response> {
    let actor = web.signed_in()?;
    let id: UserId = id.parse().map_err(|_| AppError::not_found("user"))?;
    let active = form.active == "true";
    lifecycle::set_active(&web.state, actor, id, active).await?;
    Ok(done(
        "/admin/users",
        if active {
            "user-reactivated"
        } else {
            "user-deactivated"
        },
    ))
}

#[derive(Template)]
#[template(path = "admin/user_deactivate.html")]
struct DeactivatePage {
    page: PageCtx,
    account: AccountRow,
    what: String,
}

/// "Deactivate this account?": whose, what ends (signing in, every session at once), and
/// a way back without changes.
pub async fn confirm(web: Web, Path(id): Path<String>) -> AppResult<Response> {
    web.signed_in()?.require_admin()?;
    let id: UserId = id.parse().map_err(|_| AppError::not_found("user"))?;
    let model = user::Entity::find_by_id(id)
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    let account = AccountRow::of(web.lang, &model);
    render(&DeactivatePage {
        page: PageCtx::new(&web, "user-deactivate-title"),
        what: web.lang.t_with(
            "user-deactivate-what",
            &[("name", account.name.as_str().into())],
        ),
        account,
    })
}
