//! Recording a mandate: a case worker names the person who may act for the client. A
//! person the system already knows (by email or identity code) is never linked silently:
//! the case worker is shown who it is and confirms, and the person is told by email. A new
//! person gets an account without a password: they sign in with strong identification, or
//! set a password through the single-use link emailed to them.
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde::Serialize;
use valinta_emails::LinkPurpose;

use crate::{
    accounts::links,
    audit::{self, AuditEvent},
    auth::{Actor, access},
    db::entities::{mandate, user},
    domain::{
        EmailAddress, PersonalId,
        catalogue::Role,
        ids::{ClientId, MandateId, UserId},
        text::parse_text,
        today_in_finland,
    },
    error::{AppError, AppResult, field},
    notify,
    state::AppState,
    users::{self, NewUser},
};

/// What the case worker typed, as text; parsed here so the API and the page share it.
#[derive(Default)]
pub struct MandateRequest {
    pub name: String,
    pub relation: String,
    pub email: Option<String>,
    pub personal_id: Option<String>,
    pub valid_until: Option<String>,
    /// The id of the existing person the case worker confirmed, after being shown them.
    pub confirm_existing: Option<String>,
    /// Refused when given: a case worker never sets anyone's password.
    pub password: Option<String>,
}

struct Parsed {
    name: String,
    relation: String,
    email: Option<EmailAddress>,
    personal_id: Option<PersonalId>,
    valid_until: Option<NaiveDate>,
    confirm_existing: Option<UserId>,
}

fn blank_to_none(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

fn parse(input: &MandateRequest) -> AppResult<Parsed> {
    if input.password.is_some() {
        return Err(links::not_set_by_staff());
    }
    let name = field("name", parse_text(&input.name, 200))?;
    let relation = field("relation", parse_text(&input.relation, 100))?;
    let email = blank_to_none(input.email.as_deref())
        .map(|e| field("email", EmailAddress::parse(e)))
        .transpose()?;
    let personal_id = blank_to_none(input.personal_id.as_deref())
        .map(|p| field("personal_id", PersonalId::parse(p)))
        .transpose()?;
    if email.is_none() && personal_id.is_none() {
        return Err(AppError::invalid(
            "email",
            "an email address or an identity code is needed, so that the person can sign in",
        ));
    }
    let valid_until = blank_to_none(input.valid_until.as_deref())
        .map(|d| field("valid_until", NaiveDate::parse_from_str(d, "%Y-%m-%d")))
        .transpose()?;
    if valid_until.is_some_and(|d| d < today_in_finland()) {
        return Err(AppError::invalid("valid_until", "is in the past"));
    }
    let confirm_existing = blank_to_none(input.confirm_existing.as_deref())
        .map(|id| field("confirm_existing", id.parse::<UserId>()))
        .transpose()?;
    Ok(Parsed {
        name,
        relation,
        email,
        personal_id,
        valid_until,
        confirm_existing,
    })
}

/// A person already known, shown to the case worker to confirm: name and masked codes only.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ExistingPerson {
    pub user_id: UserId,
    pub name: String,
    pub email: Option<String>,
    /// Masked, like `010190-***A`.
    pub personal_id: Option<String>,
}

pub enum Granted {
    Done {
        mandate: Box<mandate::Model>,
        proxy: Box<user::Model>,
    },
    /// Nothing was recorded: the person exists; ask the case worker to confirm them.
    Confirm(ExistingPerson),
}

fn known_as(person: &user::Model) -> ExistingPerson {
    ExistingPerson {
        user_id: person.id,
        name: person.name.clone(),
        email: person.email.clone(),
        personal_id: person.personal_id_masked.clone(),
    }
}

/// The one person the email and the identity code point to, if any.
async fn existing(
    conn: &impl ConnectionTrait,
    state: &AppState,
    parsed: &Parsed,
) -> AppResult<Option<user::Model>> {
    let by_email = match &parsed.email {
        Some(email) => users::find_by_email(conn, email.as_str()).await?,
        None => None,
    };
    let by_code = match &parsed.personal_id {
        Some(code) => {
            user::Entity::find()
                .filter(user::Column::PersonalIdHash.eq(state.vault.lookup_hash(code)))
                .one(conn)
                .await?
        }
        None => None,
    };
    match (by_email, by_code) {
        (Some(a), Some(b)) if a.id != b.id => Err(AppError::conflict(
            "two_people",
            "the email address and the identity code belong to two different people",
        )
        .with_field("email", "belongs to another person than the identity code")),
        (Some(a), _) => Ok(Some(a)),
        (None, b) => Ok(b),
    }
}

pub async fn grant(
    state: &AppState,
    actor: &Actor,
    client_id: ClientId,
    input: &MandateRequest,
) -> AppResult<Granted> {
    let (client, acting) = access::load_client(&state.db.conn, actor, client_id).await?;
    if acting != access::ActingFor::CaseWorker {
        return Err(AppError::forbidden(
            "only a case worker may record a mandate",
        ));
    }
    let parsed = parse(input)?;
    let tx = state.db.begin_write().await?;
    let (proxy, linked_existing) = match existing(&*tx, state, &parsed).await? {
        Some(person) => {
            if person.purchaser_id.is_some() || person.provider_id.is_some() {
                return Err(AppError::conflict(
                    "duplicate",
                    "this person has a staff account; a staff account cannot act for a client",
                )
                .with_field("email", "is in use by a staff account"));
            }
            if parsed.confirm_existing != Some(person.id) {
                return Ok(Granted::Confirm(known_as(&person)));
            }
            (with_proxy_role(&*tx, person).await?, true)
        }
        None => (new_proxy(&*tx, state, &parsed).await?, false),
    };
    end_lapsed(&*tx, proxy.id, client.id).await?;
    let mandate_id = MandateId::new();
    let mandate = mandate::ActiveModel {
        id: Set(mandate_id),
        proxy_user_id: Set(proxy.id),
        client_id: Set(client.id),
        relation: Set(parsed.relation.clone()),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        valid_until: Set(parsed.valid_until),
        revoked_by: Set(None),
        revoke_reason: Set(None),
    }
    .insert(&*tx)
    .await
    .map_err(|e| AppError::from_unique(e, "email", "already holds a mandate for this client"))?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "mandate_created",
            subject_type: "mandate",
            subject_id: mandate_id.to_string(),
            client: Some(client_id),
            detail: Some(serde_json::json!({
                "proxy_user_id": proxy.id,
                "relation": parsed.relation,
                "valid_until": parsed.valid_until,
                "existing_person": linked_existing,
            })),
        },
    )
    .await?;
    notify::account::mandate_granted(
        &*tx,
        &proxy,
        &client.name,
        &parsed.relation,
        parsed.valid_until,
    )
    .await?;
    tx.commit().await?;
    Ok(Granted::Done {
        mandate: Box::new(mandate),
        proxy: Box::new(proxy),
    })
}

/// A person confirmed as the proxy may so far have been only a client: they gain the role.
async fn with_proxy_role(
    conn: &impl ConnectionTrait,
    person: user::Model,
) -> AppResult<user::Model> {
    let mut roles = crate::auth::Actor::from_user(&person).roles;
    if roles.contains(&Role::Proxy) {
        return Ok(person);
    }
    roles.push(Role::Proxy);
    let mut active = person.into_active_model();
    active.roles = Set(serde_json::to_value(&roles).map_err(AppError::internal)?);
    Ok(active.update(conn).await?)
}

async fn new_proxy(
    conn: &impl ConnectionTrait,
    state: &AppState,
    parsed: &Parsed,
) -> AppResult<user::Model> {
    let new = NewUser {
        email: parsed.email.clone(),
        password_hash: None,
        name: parsed.name.clone(),
        roles: vec![Role::Proxy],
        purchaser: None,
        provider: None,
        client: None,
    };
    let person = users::insert(conn, new).await?;
    let person = match &parsed.personal_id {
        Some(code) => {
            let mut active = person.into_active_model();
            active.personal_id_cipher = Set(Some(state.vault.encrypt(code)?));
            active.personal_id_hash = Set(Some(state.vault.lookup_hash(code)));
            active.personal_id_masked = Set(Some(code.masked()));
            active
                .update(conn)
                .await
                .map_err(|e| AppError::from_unique(e, "personal_id", "belongs to another person"))?
        }
        None => person,
    };
    links::send(conn, &person, LinkPurpose::SetPassword).await?;
    Ok(person)
}

/// A mandate that ran past its last day stays in the history as ended, so that a new one
/// for the same two people may be recorded.
async fn end_lapsed(conn: &impl ConnectionTrait, proxy: UserId, client: ClientId) -> AppResult<()> {
    mandate::Entity::update_many()
        .col_expr(
            mandate::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .col_expr(
            mandate::Column::RevokeReason,
            sea_orm::sea_query::Expr::value("ended on its last day"),
        )
        .filter(mandate::Column::ProxyUserId.eq(proxy))
        .filter(mandate::Column::ClientId.eq(client))
        .filter(mandate::Column::RevokedAt.is_null())
        .filter(mandate::Column::ValidUntil.lt(today_in_finland()))
        .exec(conn)
        .await?;
    Ok(())
}
