//! End-to-end tests: every test spawns the real `valinta` binary with its own database
//! (SQLite file or a fresh PostgreSQL database) and talks to it over HTTP only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod harness;

mod accounts;
mod api_keys;
mod architecture;
mod audit;
mod auth;
mod bad_input;
mod billing_details;
mod catalogue;
mod compare;
mod concurrency;
mod delivery_upload;
mod demo;
mod emails;
mod finance;
mod finvoice;
mod hardening;
mod health;
mod hsds;
mod idempotency;
mod identity_codes;
mod languages;
mod lists;
mod long_lists;
mod mandates;
mod money_flow;
mod oidc;
mod openapi;
mod order_details;
mod orders;
mod plans;
mod portal;
mod provider_statement;
mod recording;
mod reviews;
mod rules_over_time;
mod search;
mod settlement;
mod sign_in_limits;
mod staff_http;
mod startup;
mod statements;
mod tenant_isolation;
