//! Mandates: who may act for a client. A mandate holds until it is revoked or until the
//! end of its last day (`valid_until`, Finnish time); from the next request on, an ended
//! mandate reaches nothing.
use sea_orm::{ColumnTrait, Condition};

use crate::{db::entities::mandate, domain::today_in_finland};

/// The filter for mandates in force today.
pub fn live() -> Condition {
    Condition::all()
        .add(mandate::Column::RevokedAt.is_null())
        .add(
            Condition::any()
                .add(mandate::Column::ValidUntil.is_null())
                .add(mandate::Column::ValidUntil.gte(today_in_finland())),
        )
}
