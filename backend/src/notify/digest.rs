//! The weekly digest of deliveries, for people who chose it instead of one email per
//! delivery: each Monday (or the first scan after it), last week's deliveries for the
//! client, or for each client a proxy acts for, in one message.
use chrono::{Datelike, Duration, NaiveDate};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use valinta_emails::{DeliveryDigest, DigestLine, Notification, Topic};

use crate::{
    db::{
        Db,
        entities::{
            allocation, client, delivery, mandate, notification_choice,
            notification_choice::StoredTopic, user,
        },
    },
    domain::{catalogue::DeliveryStatus, ids::ClientId, start_of_finnish_day},
    error::AppResult,
};

use super::{
    lookup::{self, euros, quantity, text_in},
    queue::{self, Choice},
    recipients::Addressee,
};

/// Sends last week's digest to everyone who chose weekly delivery emails; returns how many.
pub async fn weekly(db: &Db, today: NaiveDate) -> AppResult<usize> {
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let from = this_monday - Duration::days(7);
    let week = from.iso_week();
    let chosen = notification_choice::Entity::find()
        .filter(notification_choice::Column::Topic.eq(StoredTopic(Topic::Deliveries)))
        .filter(notification_choice::Column::Choice.eq(Choice::Weekly))
        .all(&db.conn)
        .await?;
    let mut sent = 0;
    for choice in chosen {
        let Some(person) = user::Entity::find_by_id(choice.user_id)
            .one(&db.conn)
            .await?
        else {
            continue;
        };
        // No address (strong identification only) or a shut account: nothing to send.
        if person.email.is_none() || person.deactivated_at.is_some() {
            continue;
        }
        for client_id in clients_of(db, &person).await? {
            let key = format!(
                "delivery_digest:{}:{client_id}:{}-W{:02}",
                person.id,
                week.year(),
                week.week()
            );
            if !queue::claimed_events(&db.conn, std::slice::from_ref(&key))
                .await?
                .is_empty()
            {
                continue;
            }
            let Some(message) = digest_for(db, &person, client_id, from, this_monday).await? else {
                continue;
            };
            let tx = db.begin_write().await?;
            if queue::claim_event(&*tx, &key).await? {
                let to = addressee(db, &person, client_id).await?;
                queue::send(&*tx, &to, message).await?;
                sent += 1;
            }
            tx.commit().await?;
        }
    }
    Ok(sent)
}

/// The clients whose deliveries this person follows: themselves, or those they hold a
/// mandate for.
async fn clients_of(db: &Db, person: &user::Model) -> AppResult<Vec<ClientId>> {
    let mut clients: Vec<ClientId> = person.client_id.into_iter().collect();
    let mandates = mandate::Entity::find()
        .filter(mandate::Column::ProxyUserId.eq(person.id))
        .filter(crate::db::entities::mandate::live())
        .all(&db.conn)
        .await?;
    clients.extend(mandates.into_iter().map(|m| m.client_id));
    Ok(clients)
}

async fn addressee(db: &Db, person: &user::Model, client_id: ClientId) -> AppResult<Addressee> {
    let on_behalf_of = if person.client_id == Some(client_id) {
        None
    } else {
        client::Entity::find_by_id(client_id)
            .one(&db.conn)
            .await?
            .map(|c| c.name)
    };
    Ok(Addressee {
        user_id: Some(person.id),
        address: person.email.clone().unwrap_or_default(),
        name: person.name.clone(),
        lang: valinta_emails::Lang::parse(&person.locale).unwrap_or_default(),
        on_behalf_of,
    })
}

async fn digest_for(
    db: &Db,
    person: &user::Model,
    client_id: ClientId,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Option<Notification>> {
    // The week as people in Finland count it, not as UTC does.
    let start = start_of_finnish_day(from);
    let end = start_of_finnish_day(to);
    let deliveries = delivery::Entity::find()
        .filter(delivery::Column::ClientId.eq(client_id))
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .filter(delivery::Column::CreatedAt.gte(start))
        .filter(delivery::Column::CreatedAt.lt(end))
        .order_by_asc(delivery::Column::Date)
        .all(&db.conn)
        .await?;
    if deliveries.is_empty() {
        return Ok(None);
    }
    let lang = valinta_emails::Lang::parse(&person.locale).unwrap_or_default();
    let mut lines = Vec::with_capacity(deliveries.len());
    for d in &deliveries {
        let (offering, unit) = lookup::bought(&db.conn, d.commitment_id).await?;
        lines.push(DigestLine {
            offering: text_in(&offering.title, lang),
            provider: lookup::provider_name(&db.conn, d.provider_id).await?,
            date: d.date,
            quantity: quantity(d.quantity),
            unit,
            total: euros(d.total),
            client_share: euros(d.client_share),
        });
    }
    // The balance of the allocation the latest delivery drew on.
    let available = match deliveries.last() {
        Some(last) => allocation::Entity::find_by_id(last.allocation_id)
            .one(&db.conn)
            .await?
            .map_or(rust_decimal::Decimal::ZERO, |a| euros(a.available)),
        None => rust_decimal::Decimal::ZERO,
    };
    let on_behalf_of = addressee(db, person, client_id).await?.on_behalf_of;
    Ok(Some(Notification::DeliveryDigest(DeliveryDigest {
        on_behalf_of,
        from,
        to: to - Duration::days(1),
        deliveries: lines,
        available,
        link: "/my".into(),
    })))
}
