//! What both HTTP adapters (`routes/` for the API, `web/` for the portal) share below them:
//! the request extractors with the API's precise errors, the control-character check at
//! the edge, bodies streamed while the database is read, and file downloads. Neither
//! adapter imports the other; both import this.
pub mod actor;
pub mod control_chars;
pub mod download;
pub mod extract;
pub mod stream;
