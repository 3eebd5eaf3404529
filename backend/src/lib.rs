//! Valinta: the marketplace and portal for service vouchers and personal budgets.
//! `routes/` speaks HTTP, `domain/` parses values, `ledger/` moves money, `db/` persists.
pub mod app;
pub mod audit;
pub mod auth;
pub mod config;
pub mod db;
pub mod demand;
pub mod demo;
pub mod domain;
pub mod error;
pub mod finance;
pub mod indexing;
pub mod jobs;
pub mod ledger;
pub mod notify;
pub mod outbox;
pub mod recording;
pub mod reviews;
pub mod routes;
pub mod settlement;
pub mod state;
pub mod statements;
pub mod synth;
pub mod upload;
pub mod users;
pub mod vault;
pub mod web;
