//! The open directory (`/hsds/...`, Open Referral HSDS 3.0): every object valid against the
//! official schemas, no personal data, complete paging, filters combined with AND.
mod lists;
mod objects;
