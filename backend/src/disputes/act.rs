//! Acting on a dispute: a case worker of the client's purchaser decides (uphold, uphold in
//! part with the quantity found delivered, or reject) and the provider of the delivery
//! gives its account. The money returns in `ledger::disputes`.
use crate::{
    auth::{ActingFor, Actor},
    db::Db,
    domain::{
        Quantity,
        ids::DisputeId,
        text::{parse_optional_text, parse_text},
    },
    error::{AppError, AppResult, field},
    ledger::{self, disputes::Outcome},
};

use super::{Dispute, read::visible};

/// The longest decision reason; the provider's account may be longer.
const REASON_LIMIT: usize = 2000;
const ACCOUNT_LIMIT: usize = 4000;

/// What the case worker's answer means: reject, uphold, or (with the quantity found
/// delivered, less than the recorded one) uphold in part; a found quantity of 0 upholds
/// in whole.
pub fn outcome_of(uphold: bool, found_quantity: Option<&str>) -> AppResult<Outcome> {
    match (uphold, found_quantity) {
        (false, Some(_)) => Err(AppError::invalid(
            "quantity",
            "goes only with uphold: the quantity found delivered",
        )),
        (false, None) => Ok(Outcome::Rejected),
        (true, None) => Ok(Outcome::Upheld),
        (true, Some(raw)) => {
            let found = field("quantity", Quantity::parse_non_negative(raw))?;
            Ok(if found.milli() == 0 {
                Outcome::Upheld
            } else {
                Outcome::UpheldInPart(found)
            })
        }
    }
}

/// A case worker of the client's purchaser decides; the client reads the reason.
pub async fn decide(
    db: &Db,
    actor: &Actor,
    id: DisputeId,
    outcome: AppResult<Outcome>,
    reason: Option<&str>,
) -> AppResult<Dispute> {
    let (_, acting) = visible(db, actor, id).await?;
    if acting != ActingFor::CaseWorker {
        return Err(AppError::forbidden(
            "a case worker of the purchaser decides disputes",
        ));
    }
    let reason = field("reason", parse_optional_text(reason, REASON_LIMIT))?;
    let decided = ledger::disputes::decide(db, id, outcome?, reason, actor).await?;
    Dispute::from_model(&decided)
}

/// The provider of the disputed delivery tells what was delivered; the case worker and the
/// client see it before the decision.
pub async fn provider_account(
    db: &Db,
    actor: &Actor,
    id: DisputeId,
    text: &str,
) -> AppResult<Dispute> {
    let Some(provider) = actor.provider_id else {
        return Err(AppError::forbidden(
            "the provider of the disputed delivery gives its account",
        ));
    };
    let text = field("text", parse_text(text, ACCOUNT_LIMIT))?;
    let updated = ledger::disputes::add_provider_account(db, id, provider, text, actor).await?;
    Dispute::from_model(&updated)
}
