//! One type per id, so that a provider id can never be passed where a client id belongs;
//! each is also a database column type, so entities hold them instead of bare UUIDs.
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};
use uuid::Uuid;

macro_rules! typed_id {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
                 utoipa::ToSchema, sea_orm::DeriveValueType)]
        #[serde(transparent)]
        #[schema(value_type = String, format = Uuid)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        // A primary key's type must say how it would come from an auto-increment number;
        // ours never do (ids are random UUIDs made by the application).
        impl sea_orm::TryFromU64 for $name {
            fn try_from_u64(_: u64) -> Result<Self, sea_orm::DbErr> {
                Err(sea_orm::DbErr::ConvertFromU64(stringify!($name)))
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

typed_id!(
    PurchaserId,
    ProviderId,
    ServiceId,
    ApplicationId,
    OfferingId,
    ClientId,
    UserId,
    MandateId,
    AllocationId,
    CommitmentId,
    DeliveryId,
    DisputeId,
    ApiKeyId,
    ReviewId,
    InvoiceId,
    InvoiceLineId,
    PlanId,
    PlanAnswerId,
    GoalId,
    GoalEvaluationId,
    BudgetLineId,
    GoalCommitmentId,
    UploadReportId,
    ReviewReportId,
    LateRecordingId,
    OfferingPriceId,
    ServiceTermId,
    EmailId,
    SignInFailureId,
);

impl DeliveryId {
    /// A new delivery's id: a UUIDv7, time first, so that deliveries recorded later sort
    /// later. A month's settlement writes a line per delivery into the unique index on
    /// `invoice_lines (delivery_id, kind)`; with random ids each line landed on a random page
    /// of that index (half of the run's write time), with these they append to its end as
    /// a serial key would. The id tells its recording time to the millisecond, which its
    /// readers (the provider who recorded it, the purchaser's staff, the client) already see
    /// as the delivery's `created_at`.
    pub fn new_time_ordered() -> Self {
        Self(Uuid::now_v7())
    }
}
