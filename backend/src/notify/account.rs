//! Emails about a person's own access: a single-use link to set or reset a password, and a
//! mandate that began or ended. Queued in the transaction of the change, like every email.
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use valinta_emails::{AccountLink, LinkPurpose, MandateEnded, MandateGranted};

use crate::{db::entities::user, error::AppResult};

use super::{queue, recipients::Addressee};

/// The link with its token; nothing is queued for someone without an address.
pub async fn link(
    conn: &impl ConnectionTrait,
    to: &user::Model,
    purpose: LinkPurpose,
    token: &str,
    valid_minutes: u32,
) -> AppResult<()> {
    let Some(addressee) = Addressee::of(to.clone(), None) else {
        return Ok(());
    };
    let message = AccountLink {
        purpose,
        valid_minutes,
        link: format!("/password/set?token={token}"),
    };
    queue::send(conn, &addressee, message.into()).await
}

pub async fn mandate_granted(
    conn: &impl ConnectionTrait,
    proxy: &user::Model,
    client: &str,
    relation: &str,
    valid_until: Option<NaiveDate>,
) -> AppResult<()> {
    let Some(addressee) = Addressee::of(proxy.clone(), None) else {
        return Ok(());
    };
    let message = MandateGranted {
        client: client.to_owned(),
        relation: relation.to_owned(),
        valid_until,
        link: "/my".to_owned(),
    };
    queue::send(conn, &addressee, message.into()).await
}

pub async fn mandate_ended(
    conn: &impl ConnectionTrait,
    proxy: &user::Model,
    client: &str,
) -> AppResult<()> {
    let Some(addressee) = Addressee::of(proxy.clone(), None) else {
        return Ok(());
    };
    let message = MandateEnded {
        client: client.to_owned(),
        link: "/".to_owned(),
    };
    queue::send(conn, &addressee, message.into()).await
}
