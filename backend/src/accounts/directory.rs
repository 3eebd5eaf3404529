//! Finding accounts by part of a name or an email address, the same on both databases
//! (PostgreSQL's LIKE minds case, SQLite's does not, so both sides are lower-cased).
use sea_orm::{
    Condition,
    sea_query::{Expr, ExprTrait, Func, LikeExpr},
};

use crate::db::entities::user;

/// The accounts whose name or email contains `q`, in any case; `%` and `_` are literal.
pub fn matching(q: &str) -> Condition {
    let needle: String = q
        .trim()
        .chars()
        .take(100)
        .collect::<String>()
        .to_lowercase();
    let escaped = needle
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let pattern = || LikeExpr::new(format!("%{escaped}%")).escape('\\');
    Condition::any()
        .add(Expr::expr(Func::lower(Expr::col(user::Column::Name))).like(pattern()))
        .add(Expr::expr(Func::lower(Expr::col(user::Column::Email))).like(pattern()))
}
