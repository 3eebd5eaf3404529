//! Who is told of what. Each business event becomes email rows in the outbox, written in
//! the same transaction as the change (so an email is never sent for a change that rolled
//! back, nor lost for one that committed); the worker in `jobs/` sends them. Scheduled
//! reminders live in `reminders`; which optional emails a person wants, in `choices`.
pub mod account;
pub mod choices;
pub mod client;
pub mod digest;
pub mod lookup;
pub mod outbox_reads;
pub mod plans;
pub mod provider;
pub mod queue;
pub mod recipients;
pub mod reminders;
pub mod staff;
