//! Shared application state handed to every handler.
use std::sync::Arc;

use metrics_exporter_prometheus::PrometheusHandle;

use crate::{config::Config, db::Db, vault::Vault};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub vault: Arc<Vault>,
    pub metrics: Option<PrometheusHandle>,
}
