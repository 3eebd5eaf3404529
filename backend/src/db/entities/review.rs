//! Rows of `reviews`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub offering_id: Uuid,
    pub provider_id: Uuid,
    pub purchaser_id: Uuid,
    pub client_id: Uuid,
    pub author_user_id: Uuid,
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
