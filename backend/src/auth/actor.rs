//! The signed-in actor: who a sign-in token belongs to, and what the actor may reach by
//! role. Reading it from a request (`Authorization: Bearer`, a sign-in token or a
//! provider's API key) is the HTTP edge's, in `crate::http::actor`.
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, JoinType, QueryFilter, QuerySelect, RelationDef};

use crate::{
    db::{
        Db,
        entities::{api_token, user},
    },
    domain::{
        catalogue::{PURCHASER_STAFF_ROLES, Role},
        ids::{ClientId, ProviderId, PurchaserId, UserId},
    },
    error::{AppError, AppResult},
};

use super::{api_key::ApiKeyRef, token};

#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: UserId,
    pub name: String,
    pub roles: Vec<Role>,
    pub purchaser_id: Option<PurchaserId>,
    pub provider_id: Option<ProviderId>,
    pub client_id: Option<ClientId>,
    /// The language the user chose for the portal and emails (fi, sv or en).
    pub locale: String,
    /// The user chose `locale`; until then the portal follows the browser's languages.
    pub locale_chosen: bool,
    /// Set when the request came with a provider's API key rather than a sign-in.
    pub api_key: Option<ApiKeyRef>,
    /// The client a proxy chose to act for in this session (the portal's choice).
    pub session_acting_for: Option<ClientId>,
}

impl Actor {
    pub fn from_user(user: &user::Model) -> Self {
        let roles = serde_json::from_value::<Vec<Role>>(user.roles.clone()).unwrap_or_default();
        Actor {
            user_id: user.id,
            name: user.name.clone(),
            roles,
            purchaser_id: user.purchaser_id,
            provider_id: user.provider_id,
            client_id: user.client_id,
            locale: user.locale.clone(),
            locale_chosen: user.locale_chosen,
            api_key: None,
            session_acting_for: None,
        }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn require_admin(&self) -> AppResult<()> {
        if self.has(Role::Admin) {
            Ok(())
        } else {
            Err(AppError::forbidden("only an administrator may do this"))
        }
    }

    /// Staff of this purchaser with this role. Staff of another purchaser get 404, as
    /// if the purchaser did not exist; anyone else 403.
    pub fn require_staff(&self, purchaser: PurchaserId, role: Role) -> AppResult<()> {
        self.require_staff_for(purchaser, role, "purchaser")
    }

    /// As [`Actor::require_staff`], naming `what` was asked for in the 404 (an
    /// application, say, that belongs to another purchaser).
    pub fn require_staff_for(
        &self,
        purchaser: PurchaserId,
        role: Role,
        what: &str,
    ) -> AppResult<()> {
        match self.purchaser_id {
            Some(own) if own == purchaser && self.has(role) => Ok(()),
            Some(own) if own == purchaser => {
                Err(AppError::forbidden(format!("this needs the {role} role")))
            }
            Some(_) => Err(AppError::not_found(what)),
            None => Err(AppError::forbidden(format!(
                "this needs the {role} role of the purchaser"
            ))),
        }
    }

    /// Staff of this purchaser in any staff role (reports); others as in `require_staff`.
    pub fn require_any_staff(&self, purchaser: PurchaserId) -> AppResult<()> {
        match self.purchaser_id {
            Some(own) if own == purchaser && PURCHASER_STAFF_ROLES.iter().any(|r| self.has(*r)) => {
                Ok(())
            }
            Some(own) if own == purchaser => Err(AppError::forbidden(
                "this needs a staff role of the purchaser",
            )),
            Some(_) => Err(AppError::not_found("purchaser")),
            None => Err(AppError::forbidden(
                "only the purchaser's staff may do this",
            )),
        }
    }

    /// Staff of this provider; another provider's staff get 404.
    pub fn require_provider(&self, provider: ProviderId, what: &str) -> AppResult<()> {
        match self.provider_id {
            Some(own) if own == provider && self.has(Role::ProviderStaff) => Ok(()),
            Some(_) => Err(AppError::not_found(what)),
            None => Err(AppError::forbidden("only the provider's staff may do this")),
        }
    }
}

impl Actor {
    /// The actor a token (bearer header or the portal's session cookie) belongs to,
    /// while the token is unexpired.
    pub async fn from_token(db: &Db, token: &str) -> AppResult<Actor> {
        if token.is_empty() || token.len() >= 200 {
            return Err(AppError::unauthorized());
        }
        // The token and its user in one statement: this runs on every request.
        let (stored, user) = api_token::Entity::find_by_id(token::hash(token))
            .filter(api_token::Column::ExpiresAt.gt(Utc::now()))
            .join(JoinType::InnerJoin, token_user())
            .select_also(user::Entity)
            .one(&db.conn)
            .await?
            .ok_or_else(AppError::unauthorized)?;
        let user = user
            // A deactivated account's sessions answer 401 from the next request on.
            .filter(|u| u.deactivated_at.is_none())
            .ok_or_else(AppError::unauthorized)?;
        let mut actor = Actor::from_user(&user);
        actor.session_acting_for = stored.acting_for;
        Ok(actor)
    }
}

/// A sign-in token's user.
fn token_user() -> RelationDef {
    api_token::Entity::belongs_to(user::Entity)
        .from(api_token::Column::UserId)
        .to(user::Column::Id)
        .into()
}

/// For endpoints anyone may call, where a signed-in actor sees more.
pub struct MaybeActor(pub Option<Actor>);
