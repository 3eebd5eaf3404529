//! sea-orm entities: one module per table, used only by the persistence and ledger code.
pub mod allocation;
pub mod api_token;
pub mod application;
pub mod approval;
pub mod audit_entry;
pub mod client;
pub mod commitment;
pub mod delivery;
pub mod dispute;
pub mod ledger_entry;
pub mod mandate;
pub mod offering;
pub mod provider;
pub mod purchaser;
pub mod purchaser_municipality;
pub mod service;
pub mod user;
