//! Rows of `reviews`.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ClientId, OfferingId, ProviderId, PurchaserId, ReviewId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ReviewId,
    pub offering_id: OfferingId,
    pub provider_id: ProviderId,
    pub purchaser_id: PurchaserId,
    pub client_id: ClientId,
    pub author_user_id: UserId,
    pub stars: i16,
    pub text: String,
    pub created_at: DateTimeUtc,
    pub edited_at: Option<DateTimeUtc>,
    pub hidden_at: Option<DateTimeUtc>,
    pub hidden_reason: Option<String>,
    pub reply_text: Option<String>,
    pub replied_at: Option<DateTimeUtc>,
    pub reply_edited_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
