//! Emails for Valinta: typed messages (`Notification`, one struct per kind), their texts in
//! Finnish, Swedish and English (Fluent, compiled in), one HTML and one text layout (askama),
//! MIME composition, and the transports: SMTP through lettre, or a local outbox folder.
//!
//! The backend stores a `Notification` as JSON in its outbox, and at send time calls
//! `render` (or `render_to`), `compose` and `Transport::send`.
mod compose;
mod error;
mod folder;
pub mod format;
mod kinds;
mod lang;
mod render;
mod transport;

pub use compose::{MESSAGE_ID_DOMAIN, Mailbox, Recipient, compose, parse_mailbox};
pub use error::{ComposeError, ConfigError, RenderError, SendError};
pub use folder::{FolderTransport, StoredEmail, list_folder, page_folder, read_stored};
pub use kinds::*;
pub use lang::Lang;
pub use render::{PortalUrl, Rendered};
pub use transport::{SMTP_TIMEOUT, SmtpTransport, Transport};

/// The lettre message type `compose` returns and `Transport::send` takes.
pub use lettre::Message;
