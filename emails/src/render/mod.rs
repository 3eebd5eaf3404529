//! Turns a `Notification` into a subject, a plain-text part and an HTML part in one language:
//! each kind builds a `Body` from Fluent texts, and one pair of askama layouts lays it out.
mod account;
mod body;
mod client;
pub(crate) mod fluent;
mod layout;
mod plans;
mod provider;
mod purchaser;
#[cfg(test)]
mod tests;

pub use crate::error::RenderError;
use crate::{ConfigError, Lang, Notification};
pub(crate) use body::{Block, Body, Draft};
use fluent::Tr;

/// The public address of the portal, which every link in an email points into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortalUrl(url::Url);

impl PortalUrl {
    pub fn parse(raw: &str) -> Result<PortalUrl, ConfigError> {
        let error = |reason: String| ConfigError::PortalUrl {
            url: raw.to_owned(),
            reason,
        };
        let url = url::Url::parse(raw.trim()).map_err(|e| error(e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(error("it needs http:// or https:// and a host".to_owned()));
        }
        Ok(PortalUrl(url))
    }

    /// The portal address of `path` (e.g. "/money/deliveries/9?x=1"), kept under the portal's
    /// own path prefix when it has one (`https://example.fi/valinta/` + `/money`).
    pub fn join(&self, path: &str) -> url::Url {
        let (rest, fragment) = match path.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (path, None),
        };
        let (rel, query) = match rest.split_once('?') {
            Some((rel, query)) => (rel, Some(query)),
            None => (rest, None),
        };
        let mut url = self.0.clone();
        let base = self.0.path().trim_end_matches('/');
        url.set_path(&format!("{base}/{}", rel.trim_start_matches('/')));
        url.set_query(query);
        url.set_fragment(fragment);
        url
    }

    pub fn as_url(&self) -> &url::Url {
        &self.0
    }
}

impl std::fmt::Display for PortalUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// One email in one language, ready for `compose`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Notification {
    /// The email in `lang`, greeting the reader without a name. See `render_to`.
    pub fn render(&self, lang: Lang, portal: &PortalUrl) -> Rendered {
        self.render_or_fallback(lang, None, portal)
    }

    /// The email in the recipient's language, greeting them by name ("Hei Maija,").
    pub fn render_to(&self, to: &crate::Recipient, portal: &PortalUrl) -> Rendered {
        self.render_or_fallback(to.lang, Some(&to.name), portal)
    }

    /// Like `render`, but a failed translation is an error instead of a fallback. The tests
    /// use it to prove every kind renders in every language.
    pub fn try_render(
        &self,
        lang: Lang,
        name: Option<&str>,
        portal: &PortalUrl,
    ) -> Result<Rendered, RenderError> {
        let tr = Tr::new(lang);
        let body = self.body(&tr)?;
        layout::lay_out(&tr, self.kind(), body, name, portal)
    }

    /// The portal path this email's action button opens.
    pub fn link(&self) -> &str {
        match self {
            Notification::ApplicationReceived(n) => &n.link,
            Notification::ApplicationApproved(n) => &n.link,
            Notification::ApplicationRejected(n) => &n.link,
            Notification::CommitmentRequested(n) => &n.link,
            Notification::CommitmentClosed(n) => &n.link,
            Notification::DisputeOpened(n) => &n.link,
            Notification::ReviewReplyReminder(n) => &n.link,
            Notification::DeliveriesOverdue(n) => &n.link,
            Notification::InvoiceReady(n) => &n.link,
            Notification::BankDetailsChanged(n) => &n.link,
            Notification::AllocationGranted(n) => &n.link,
            Notification::CommitmentAccepted(n) => &n.link,
            Notification::CommitmentDeclined(n) => &n.link,
            Notification::DeliveryRecorded(n) => &n.link,
            Notification::DeliveryDigest(n) => &n.link,
            Notification::BalanceLow(n) => &n.link,
            Notification::AllocationEnding(n) => &n.link,
            Notification::DisputeDecided(n) => &n.link,
            Notification::PriceChanged(n) => &n.link,
            Notification::AllocationExpired(n) => &n.link,
            Notification::ProviderApplication(n) => &n.link,
            Notification::DisputeToHandle(n) => &n.link,
            Notification::ReviewReported(n) => &n.link,
            Notification::AccountLink(n) => &n.link,
            Notification::MandateGranted(n) => &n.link,
            Notification::MandateEnded(n) => &n.link,
            Notification::PlanDecided(n) => &n.link,
            Notification::PlanDecisionDue(n) => &n.link,
            Notification::PlanEvaluationDue(n) => &n.link,
        }
    }

    fn body(&self, tr: &Tr) -> Result<Body, RenderError> {
        match self {
            Notification::ApplicationReceived(n) => provider::application_received(n, tr),
            Notification::ApplicationApproved(n) => provider::application_approved(n, tr),
            Notification::ApplicationRejected(n) => provider::application_rejected(n, tr),
            Notification::CommitmentRequested(n) => provider::commitment_requested(n, tr),
            Notification::CommitmentClosed(n) => provider::commitment_closed(n, tr),
            Notification::DisputeOpened(n) => provider::dispute_opened(n, tr),
            Notification::ReviewReplyReminder(n) => provider::review_reply_reminder(n, tr),
            Notification::DeliveriesOverdue(n) => provider::deliveries_overdue(n, tr),
            Notification::InvoiceReady(n) => provider::invoice_ready(n, tr),
            Notification::BankDetailsChanged(n) => provider::bank_details_changed(n, tr),
            Notification::AllocationGranted(n) => client::allocation_granted(n, tr),
            Notification::CommitmentAccepted(n) => client::commitment_accepted(n, tr),
            Notification::CommitmentDeclined(n) => client::commitment_declined(n, tr),
            Notification::DeliveryRecorded(n) => client::delivery_recorded(n, tr),
            Notification::DeliveryDigest(n) => client::delivery_digest(n, tr),
            Notification::BalanceLow(n) => client::balance_low(n, tr),
            Notification::AllocationEnding(n) => client::allocation_ending(n, tr),
            Notification::DisputeDecided(n) => client::dispute_decided(n, tr),
            Notification::PriceChanged(n) => client::price_changed(n, tr),
            Notification::AllocationExpired(n) => client::allocation_expired(n, tr),
            Notification::ProviderApplication(n) => purchaser::provider_application(n, tr),
            Notification::DisputeToHandle(n) => purchaser::dispute_to_handle(n, tr),
            Notification::ReviewReported(n) => purchaser::review_reported(n, tr),
            Notification::AccountLink(n) => account::account_link(n, tr),
            Notification::MandateGranted(n) => account::mandate_granted(n, tr),
            Notification::MandateEnded(n) => account::mandate_ended(n, tr),
            Notification::PlanDecided(n) => plans::plan_decided(n, tr),
            Notification::PlanDecisionDue(n) => plans::plan_decision_due(n, tr),
            Notification::PlanEvaluationDue(n) => plans::plan_evaluation_due(n, tr),
        }
    }

    /// The tests make a failure here impossible for the shipped texts; should one slip through
    /// anyway (say, a hand-edited deployment), the reader still gets a readable email (Finnish,
    /// then a fixed trilingual note with the link) and the operator gets a loud log line.
    fn render_or_fallback(&self, lang: Lang, name: Option<&str>, portal: &PortalUrl) -> Rendered {
        match self.try_render(lang, name, portal) {
            Ok(rendered) => rendered,
            Err(error) => {
                tracing::error!(kind = self.kind().as_str(), %error, "email text failed; falling back");
                if lang != Lang::Fi
                    && let Ok(rendered) = self.try_render(Lang::Fi, name, portal)
                {
                    return rendered;
                }
                layout::emergency(portal.join(self.link()).as_str())
            }
        }
    }
}
