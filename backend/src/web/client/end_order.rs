//! Ending an order on a confirmation page: one still waiting for the provider is
//! cancelled, an accepted one closed; what was reserved for it returns to the balance. The
//! page names whose order it is, what it was for and what comes back.
use askama::Template;
use axum::response::Response;

use crate::{
    commitments::{self, Commitment, act},
    domain::{catalogue::CommitmentStatus, ids::CommitmentId},
    error::{AppError, AppResult},
    http::extract::PathId,
    web::{
        client::{self, ClientCtx},
        format,
        page::{PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

#[derive(Template)]
#[template(path = "client/end_order.html")]
struct EndOrderPage {
    page: PageCtx,
    id: String,
    /// Still waiting for the provider: cancelled rather than closed.
    pending: bool,
    title: String,
    provider: String,
    reserved: String,
}

/// The order, if it is one of the current client's and can still be ended.
async fn order_of(web: &Web, ctx: &ClientCtx, id: CommitmentId) -> AppResult<Commitment> {
    let actor = web.signed_in()?;
    let (model, acting) = act::visible(&web.state.db.conn, actor, id).await?;
    // The proxy's chosen client only: an order of another client they act for is ended
    // from that client's page, so that it is always clear whose order it is.
    if acting.is_none() || model.client_id != ctx.id {
        return Err(AppError::not_found("commitment"));
    }
    let order = Commitment::from_model(&model)?;
    if !matches!(
        order.status,
        CommitmentStatus::Requested | CommitmentStatus::Accepted
    ) {
        return Err(AppError::conflict(
            "wrong_status",
            "the order has already ended",
        ));
    }
    Ok(order)
}

pub async fn show(web: Web, PathId(id): PathId<CommitmentId>) -> AppResult<Response> {
    let ctx = client::current(&web).await?;
    let order = order_of(&web, &ctx, id).await?;
    let actor = web.signed_in()?;
    let parties =
        commitments::parties_of(&web.state.db.conn, actor, std::slice::from_ref(&order)).await?;
    let offering = parties.offering(order.offering_id);
    let pending = order.status == CommitmentStatus::Requested;
    render(&EndOrderPage {
        page: PageCtx::new(
            &web,
            if pending {
                "cancel-order-title"
            } else {
                "close-order-title"
            },
        )
        .whose(&ctx.name),
        id: id.to_string(),
        pending,
        title: views::pick(web.lang, &offering.title),
        provider: offering.provider,
        reserved: format::euros(order.reserved),
    })
}

pub async fn submit(
    web: Web,
    PathId(id): PathId<CommitmentId>,
    WebForm(_): WebForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = client::current(&web).await?;
    let order = order_of(&web, &ctx, id).await?;
    let actor = web.signed_in()?;
    let ended = act::end(&web.state.db, actor, id).await?;
    let message = if ended.status == CommitmentStatus::Cancelled {
        "order-cancelled"
    } else {
        "order-closed"
    };
    let _ = order;
    Ok(done("/my", message))
}
