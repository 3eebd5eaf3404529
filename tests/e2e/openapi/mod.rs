//! The OpenAPI document (issue #16 item 3): every operation declares its path parameters
//! `in: path` and its query parameters `in: query`, a real OpenAPI validator accepts the
//! document, and schemathesis, run with every role's token against the demo data, meets
//! no server error.
mod document;
mod schemathesis;
mod tools;
