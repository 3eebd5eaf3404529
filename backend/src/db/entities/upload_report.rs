//! Rows of `upload_reports`: a delivery file's report kept a day for the portal's page.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{ProviderId, UploadReportId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "upload_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: UploadReportId,
    pub provider_id: ProviderId,
    pub user_id: UserId,
    pub report: Json,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
