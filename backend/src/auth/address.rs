//! The client's network address, for limits on anonymous requests: the connection's
//! peer, or behind a trusted load balancer the last `X-Forwarded-For` entry (the one the
//! balancer itself added; earlier entries are whatever the client claimed).
//! (Read from the request in `crate::http::actor`.)
use std::net::IpAddr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);
