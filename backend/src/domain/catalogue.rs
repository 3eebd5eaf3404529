//! The closed vocabularies of the domain: units, settlement methods, funding kinds,
//! roles and lifecycle states. Stored and sent as snake_case strings.
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, Display, EnumString, VariantArray};

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
                 AsRefStr, Display, EnumString, VariantArray, utoipa::ToSchema,
                 sea_orm::DeriveValueType)]
        // Stored as the same snake_case text it is sent as.
        #[sea_orm(value_type = "String")]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            /// Every allowed value, for error messages that say what would be accepted.
            pub fn allowed() -> String {
                Self::VARIANTS.iter().map(|v| v.as_ref()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

vocabulary!(
    /// The unit a catalogue service is bought and delivered in.
    Unit { Hour, Day, Visit, Trip, Month, Session, Piece }
);
vocabulary!(
    /// How a provider is paid for a commitment.
    Method { Voucher, PaymentCommitment, DirectInvoice }
);
vocabulary!(
    /// What a decision grants: a service voucher or a personal budget.
    FundingKind { Voucher, PersonalBudget }
);
vocabulary!(
    /// Accessibility features an offering can have.
    Accessibility { Wheelchair, SignLanguage, PlainLanguage, HearingLoop, HomeVisits, Braille, Parking }
);
vocabulary!(Role {
    Admin,
    CatalogueManager,
    CaseWorker,
    Finance,
    Moderator,
    ProviderStaff,
    Client,
    Proxy
});
vocabulary!(ApplicationStatus {
    Pending,
    Approved,
    Rejected
});
vocabulary!(CommitmentStatus {
    Requested,
    Accepted,
    Declined,
    Closed,
    Cancelled
});
vocabulary!(
    /// `voided` by the provider before settlement; `reversed` by an upheld dispute.
    DeliveryStatus { Recorded, Voided, Reversed }
);
vocabulary!(
    /// `partly_upheld`: a case worker found a smaller quantity delivered.
    DisputeStatus {
        Open,
        Upheld,
        PartlyUpheld,
        Rejected
    }
);

vocabulary!(
    /// An invoice, or a credit note that reverses lines of one; its lines have the same kind.
    InvoiceKind { Invoice, CreditNote }
);

vocabulary!(
    /// A personal budget plan: `draft` from the need until the decision, then `decided`;
    /// `closed` or `cancelled` with a reason.
    PlanStatus { Draft, Decided, Closed, Cancelled }
);
vocabulary!(
    /// The life area a plan's goal belongs to.
    GoalArea { Home, Work, Learning, Leisure, Health, Relationships }
);
vocabulary!(
    /// In what capacity someone wrote into a plan: the client, her proxy or a case worker.
    WrittenBy { Client, Proxy, CaseWorker }
);

/// The kinds of ledger entries.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, AsRefStr, Display, EnumString, sea_orm::DeriveValueType,
)]
#[strum(serialize_all = "snake_case")]
#[sea_orm(value_type = "String")]
pub enum EntryKind {
    /// A decision grants money: → available.
    Grant,
    /// A commitment reserves: available → reserved.
    Reserve,
    /// A reservation is given back (decline, close, cancel): reserved → available.
    Release,
    /// A delivery is paid: reserved / available → spent.
    Spend,
    /// A delivery is voided or a dispute upheld: spent → reserved / available.
    Reverse,
    /// The period and its grace days are over: available and reserved → expired.
    Expiry,
}

/// Staff roles a purchaser's administrator may give.
pub const PURCHASER_STAFF_ROLES: [Role; 4] = [
    Role::CatalogueManager,
    Role::CaseWorker,
    Role::Finance,
    Role::Moderator,
];

/// Service languages: ISO 639-1 two-letter codes ("fi", "sv", "en", "se", ...).
pub fn parse_language(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_lowercase();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

/// A unit price above the catalogue's price cap is refused wherever a price is set.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("is above the price cap {0}")]
pub struct AbovePriceCap(pub crate::domain::Money);

pub fn check_price_cap(
    price: crate::domain::Money,
    cap: Option<crate::domain::Money>,
) -> Result<(), AbovePriceCap> {
    match cap {
        Some(cap) if price > cap => Err(AbovePriceCap(cap)),
        _ => Ok(()),
    }
}
