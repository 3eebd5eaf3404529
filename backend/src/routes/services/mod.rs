//! The purchaser's service catalogue over HTTP: what may be bought, in which unit, how it
//! is settled, and its money terms (voucher value, price cap, reference price, VAT, income
//! rule) over time. The rules are in `catalogue/`; these handlers parse and answer.
pub mod archive;
pub mod create;
pub mod edit;
pub mod read;
pub mod voucher_value;

pub use crate::catalogue::{
    input::{IncomeRuleIn, ServiceIn, method_set, optional_money},
    view::{ServiceOut, TermsOut, periods},
};
pub use create::create;
pub use read::list;
