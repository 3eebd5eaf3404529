//! Who is asking: passwords, bearer tokens, the signed-in actor, and what each actor may reach.
pub mod access;
pub mod actor;
pub mod address;
pub mod api_key;
pub mod oidc;
pub mod password;
pub mod token;

pub use access::ActingFor;
pub use actor::{Actor, MaybeActor};
