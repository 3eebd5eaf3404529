//! Small helpers shared by the handlers: list envelopes and reading JSON columns.
use crate::error::AppResult;

// The list envelope lives with paging, JSON columns with the database; the handlers
// reach both from here.
pub use crate::{
    db::json::{from_json, to_json},
    paging::ListOut,
};

/// One page of a query and the total count of all its rows, for the list envelope.
pub async fn fetch_page<E>(
    conn: &sea_orm::DatabaseConnection,
    select: sea_orm::Select<E>,
    page: crate::routes::extract::Page,
) -> AppResult<(Vec<E::Model>, u64)>
where
    E: sea_orm::EntityTrait,
    E::Model: sea_orm::FromQueryResult + Send + Sync,
{
    let paged = crate::paging::fetch(conn, select, page).await?;
    Ok((paged.items, paged.total))
}

// The routing fields of a PATCH are parsed where routing lives.
pub use crate::settlement::routing::patch as routing_patch;
