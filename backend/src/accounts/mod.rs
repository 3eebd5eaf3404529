//! Accounts: sessions, sign-in with a password, and the life of an account (deactivate,
//! reactivate, change or reset a password). Handlers for the API and the portal both call
//! these; none of the rules live in a handler.
pub mod lifecycle;
pub mod links;
pub mod sessions;
pub mod sign_in;
pub mod throttle;
