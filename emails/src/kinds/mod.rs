//! Every kind of email as a typed value: one struct per kind, the `Notification` enum the outbox
//! stores as JSON, the `Kind` tag, and which kinds a user may turn off (`Topic`).
mod account;
mod client;
mod plans;
mod provider;
mod purchaser;
mod samples;

pub use account::{AccountLink, LinkPurpose, MandateEnded, MandateGranted};
pub use client::{
    AllocationEnding, AllocationExpired, AllocationGranted, AllocationKind, BalanceLow,
    CommitmentAccepted, CommitmentDeclined, DeliveryDigest, DeliveryRecorded, DigestLine,
    DisputeDecided, PartlyUpheld, PriceChanged,
};
pub use plans::{PlanDecided, PlanDecisionDue, PlanEvaluationDue};
pub use provider::{
    ApplicationApproved, ApplicationReceived, ApplicationRejected, BankDetailsChanged,
    CommitmentClosed, CommitmentRequested, DeliveriesOverdue, DisputeOpened, InvoiceReady, Method,
    ReviewReplyReminder,
};
pub use purchaser::{DisputeToHandle, ProviderApplication, ReviewReported};

use serde::{Deserialize, Serialize};

/// Declares `Notification` (one variant per struct) and `Kind` (its tag) from one list, so the
/// two can never disagree and `Kind::as_str` is always the serde tag.
macro_rules! kinds {
    ($($variant:ident => $tag:literal),+ $(,)?) => {
        /// One email to send. The outbox stores it as JSON (`{"kind": "...", ...}`) and renders
        /// it at send time, in the recipient's language of that moment.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        pub enum Notification {
            $($variant($variant),)+
        }

        /// The kind of a notification, without its content.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Kind {
            $($variant,)+
        }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)+];

            /// The snake_case tag: the JSON `kind` and the prefix of the kind's Fluent keys.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => $tag,)+
                }
            }

            pub fn parse(raw: &str) -> Option<Kind> {
                match raw {
                    $($tag => Some(Kind::$variant),)+
                    _ => None,
                }
            }
        }

        impl Notification {
            pub fn kind(&self) -> Kind {
                match self {
                    $(Notification::$variant(_) => Kind::$variant,)+
                }
            }
        }

        $(
            impl From<$variant> for Notification {
                fn from(value: $variant) -> Self {
                    Notification::$variant(value)
                }
            }
        )+
    };
}

kinds! {
    ApplicationReceived => "application_received",
    ApplicationApproved => "application_approved",
    ApplicationRejected => "application_rejected",
    CommitmentRequested => "commitment_requested",
    CommitmentClosed => "commitment_closed",
    DisputeOpened => "dispute_opened",
    ReviewReplyReminder => "review_reply_reminder",
    DeliveriesOverdue => "deliveries_overdue",
    InvoiceReady => "invoice_ready",
    BankDetailsChanged => "bank_details_changed",
    AllocationGranted => "allocation_granted",
    CommitmentAccepted => "commitment_accepted",
    CommitmentDeclined => "commitment_declined",
    DeliveryRecorded => "delivery_recorded",
    DeliveryDigest => "delivery_digest",
    BalanceLow => "balance_low",
    AllocationEnding => "allocation_ending",
    DisputeDecided => "dispute_decided",
    PriceChanged => "price_changed",
    AllocationExpired => "allocation_expired",
    ProviderApplication => "provider_application",
    DisputeToHandle => "dispute_to_handle",
    ReviewReported => "review_reported",
    AccountLink => "account_link",
    MandateGranted => "mandate_granted",
    MandateEnded => "mandate_ended",
    PlanDecided => "plan_decided",
    PlanDecisionDue => "plan_decision_due",
    PlanEvaluationDue => "plan_evaluation_due",
}

/// A group of optional emails that a user may turn off in their settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Deliveries,
    Commitments,
    Reminders,
    Reviews,
}

impl Topic {
    pub const ALL: [Topic; 4] = [
        Topic::Deliveries,
        Topic::Commitments,
        Topic::Reminders,
        Topic::Reviews,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Deliveries => "deliveries",
            Topic::Commitments => "commitments",
            Topic::Reminders => "reminders",
            Topic::Reviews => "reviews",
        }
    }

    pub fn parse(raw: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|topic| topic.as_str() == raw)
    }
}

impl Kind {
    /// None = mandatory: it concerns a decision or money, so it cannot be turned off.
    /// Some(topic) = optional: the user may turn the topic off.
    pub fn optional_topic(self) -> Option<Topic> {
        match self {
            Kind::DeliveryRecorded | Kind::DeliveryDigest => Some(Topic::Deliveries),
            Kind::CommitmentClosed | Kind::CommitmentAccepted | Kind::CommitmentDeclined => {
                Some(Topic::Commitments)
            }
            Kind::ReviewReplyReminder
            | Kind::DeliveriesOverdue
            | Kind::BalanceLow
            | Kind::AllocationEnding
            | Kind::PlanDecisionDue
            | Kind::PlanEvaluationDue => Some(Topic::Reminders),
            Kind::ReviewReported => Some(Topic::Reviews),
            Kind::ApplicationReceived
            | Kind::ApplicationApproved
            | Kind::ApplicationRejected
            | Kind::CommitmentRequested
            | Kind::DisputeOpened
            | Kind::InvoiceReady
            | Kind::BankDetailsChanged
            | Kind::AllocationGranted
            | Kind::DisputeDecided
            | Kind::PriceChanged
            | Kind::AllocationExpired
            | Kind::ProviderApplication
            | Kind::DisputeToHandle
            | Kind::AccountLink
            | Kind::MandateGranted
            | Kind::MandateEnded
            | Kind::PlanDecided => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_survives_the_outbox_json_round_trip() {
        for sample in Notification::samples() {
            let json = serde_json::to_string(&sample).unwrap();
            let back: Notification = serde_json::from_str(&json).unwrap();
            assert_eq!(back, sample, "{json}");
        }
    }

    #[test]
    fn the_json_kind_tag_is_the_kind_name() {
        for sample in Notification::samples() {
            let json = serde_json::to_value(&sample).unwrap();
            assert_eq!(json["kind"], sample.kind().as_str());
            assert_eq!(Kind::parse(sample.kind().as_str()), Some(sample.kind()));
            let tag = serde_json::to_value(sample.kind()).unwrap();
            assert_eq!(tag, sample.kind().as_str());
        }
    }

    #[test]
    fn samples_cover_every_kind() {
        let samples = Notification::samples();
        for kind in Kind::ALL {
            assert!(
                samples.iter().any(|s| s.kind() == *kind),
                "no sample of {kind:?}"
            );
        }
        assert_eq!(Kind::ALL.len(), 29);
    }

    #[test]
    fn optional_topics_follow_the_brief() {
        let optional: Vec<_> = Kind::ALL
            .iter()
            .filter(|k| k.optional_topic().is_some())
            .collect();
        assert_eq!(optional.len(), 12);
        assert_eq!(Kind::InvoiceReady.optional_topic(), None);
        // A warning about where the money goes cannot be turned off.
        assert_eq!(Kind::BankDetailsChanged.optional_topic(), None);
        assert_eq!(
            Kind::DeliveryDigest.optional_topic(),
            Some(Topic::Deliveries)
        );
        for topic in Topic::ALL {
            assert_eq!(Topic::parse(topic.as_str()), Some(topic));
        }
    }
}
