//! Reviews over HTTP: writing and editing (client side), reading (anyone; the author also
//! sees their own hidden reviews and why), the provider's reply, reports and moderation.
//! No answer ever names or identifies who wrote a review. The rules and reads are in
//! `crate::reviews`; these handlers parse the request and answer.
pub mod moderate;
pub mod read;
pub mod reply;
pub mod write;

pub use crate::reviews::view::{RatingOut, ReplyOut, ReviewOut, ReviewStatus};
