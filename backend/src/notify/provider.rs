//! What a provider's staff are told: their applications, commitments, disputes, invoices.
use sea_orm::ConnectionTrait;
use valinta_emails::{
    ApplicationApproved, ApplicationReceived, ApplicationRejected, BankDetailsChanged,
    CommitmentClosed, CommitmentRequested, DisputeOpened, InvoiceReady, Notification,
};

use crate::{
    db::entities::{application, commitment, delivery, dispute, invoice, provider},
    domain::{
        Money,
        ids::{ProviderId, ServiceId},
    },
    error::AppResult,
};

use super::{
    lookup::{self, euros, text_in},
    queue,
    recipients::{self, Addressee},
};

fn service_ids(application: &application::Model) -> Vec<ServiceId> {
    serde_json::from_value(application.service_ids.clone()).unwrap_or_default()
}

/// Provider emails name the client by pseudonym only (as invoices do): `client` is
/// [`crate::db::Db::client_pseudonym`].
///
/// The provider hears that the application arrived; the purchaser's catalogue managers that
/// one waits for their decision.
pub async fn application_submitted(
    conn: &impl ConnectionTrait,
    application: &application::Model,
) -> AppResult<()> {
    let purchaser = lookup::purchaser(conn, application.purchaser_id).await?;
    let ids = service_ids(application);
    for to in recipients::provider_staff(conn, application.provider_id).await? {
        let services = lookup::service_names(conn, &ids, to.lang).await?;
        let message = Notification::ApplicationReceived(ApplicationReceived {
            purchaser: purchaser.name.clone(),
            services,
            link: "/provider/applications".into(),
        });
        queue::send(conn, &to, message).await?;
    }
    super::staff::provider_applied(conn, application, &ids).await
}

pub async fn application_decided(
    conn: &impl ConnectionTrait,
    application: &application::Model,
    approved: bool,
) -> AppResult<()> {
    let purchaser = lookup::purchaser(conn, application.purchaser_id).await?;
    let ids = service_ids(application);
    for to in recipients::provider_staff(conn, application.provider_id).await? {
        let services = lookup::service_names(conn, &ids, to.lang).await?;
        let link = "/provider/applications".to_owned();
        let message = if approved {
            Notification::ApplicationApproved(ApplicationApproved {
                purchaser: purchaser.name.clone(),
                services,
                link,
            })
        } else {
            Notification::ApplicationRejected(ApplicationRejected {
                purchaser: purchaser.name.clone(),
                services,
                reason: application.reason.clone().unwrap_or_default(),
                link,
            })
        };
        queue::send(conn, &to, message).await?;
    }
    Ok(())
}

/// Tells every staff member of the provider.
async fn each_staff<F>(conn: &impl ConnectionTrait, provider: ProviderId, build: F) -> AppResult<()>
where
    F: FnMut(&Addressee) -> Notification,
{
    let to = recipients::provider_staff(conn, provider).await?;
    queue::send_each(conn, &to, build).await
}

pub async fn commitment_requested(
    conn: &impl ConnectionTrait,
    client: &str,
    commitment: &commitment::Model,
) -> AppResult<()> {
    let offering = lookup::offering(conn, commitment.offering_id).await?;
    let method = lookup::word(commitment.method.as_ref())?;
    let reserve = (commitment.reserved > Money::ZERO).then(|| euros(commitment.reserved));
    each_staff(conn, commitment.provider_id, |to| {
        Notification::CommitmentRequested(CommitmentRequested {
            offering: text_in(&offering.title, to.lang),
            client: client.to_owned(),
            method,
            reserve,
            link: "/provider/commitments".into(),
        })
    })
    .await
}

pub async fn commitment_closed(
    conn: &impl ConnectionTrait,
    client: &str,
    commitment: &commitment::Model,
) -> AppResult<()> {
    let offering = lookup::offering(conn, commitment.offering_id).await?;
    each_staff(conn, commitment.provider_id, |to| {
        Notification::CommitmentClosed(CommitmentClosed {
            offering: text_in(&offering.title, to.lang),
            client: client.to_owned(),
            link: "/provider/commitments".into(),
        })
    })
    .await
}

pub async fn dispute_opened(
    conn: &impl ConnectionTrait,
    client: &str,
    dispute: &dispute::Model,
    delivery: &delivery::Model,
) -> AppResult<()> {
    let offering = lookup::offering_of_commitment(conn, delivery.commitment_id).await?;
    each_staff(conn, delivery.provider_id, |to| {
        Notification::DisputeOpened(DisputeOpened {
            offering: text_in(&offering.title, to.lang),
            client: client.to_owned(),
            delivery_date: delivery.date,
            amount: euros(delivery.total),
            reason: dispute.reason.clone(),
            link: "/provider/deliveries".into(),
        })
    })
    .await?;
    super::staff::dispute_to_handle(conn, delivery, &offering).await
}

/// Every staff member hears that the provider's bank details changed, with both accounts
/// masked; `before` is the masked IBAN and the BIC as they were.
pub async fn bank_details_changed(
    conn: &impl ConnectionTrait,
    provider: &provider::Model,
    by: &str,
    (iban_before, bic_before): (Option<String>, Option<String>),
) -> AppResult<()> {
    let iban_after = provider
        .iban
        .as_deref()
        .map(crate::domain::bank::mask_iban)
        .unwrap_or_default();
    let on = crate::domain::today_in_finland();
    each_staff(conn, provider.id, |_| {
        Notification::BankDetailsChanged(BankDetailsChanged {
            provider: provider.name.clone(),
            by: by.to_owned(),
            on,
            iban_before: iban_before.clone(),
            iban_after: iban_after.clone(),
            bic_before: bic_before.clone(),
            bic_after: provider.bic.clone(),
            link: "/provider".into(),
        })
    })
    .await
}

pub async fn invoice_ready(conn: &impl ConnectionTrait, invoice: &invoice::Model) -> AppResult<()> {
    let purchaser = lookup::purchaser(conn, invoice.purchaser_id).await?;
    each_staff(conn, invoice.provider_id, |_| {
        Notification::InvoiceReady(InvoiceReady {
            purchaser: purchaser.name.clone(),
            number: invoice.number.to_string(),
            month: invoice.month.clone(),
            total: euros(invoice.gross),
            credit_note: invoice.kind == crate::domain::catalogue::InvoiceKind::CreditNote,
            due: invoice.due_date,
            link: format!("/provider/statement?month={}", invoice.month),
        })
    })
    .await
}
