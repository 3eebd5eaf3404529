//! Shared application state handed to every handler.
use std::sync::Arc;

use metrics_exporter_prometheus::PrometheusHandle;
use valinta_search::Engine;

use crate::{auth::oidc::Oidc, config::Config, db::Db, throttle::PerAddress, vault::Vault};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub vault: Arc<Vault>,
    pub search: Arc<Engine>,
    pub metrics: Option<PrometheusHandle>,
    /// Rates of anonymous requests per client address.
    pub limits: Arc<PerAddress>,
    /// Strong identification, when configured.
    pub oidc: Option<Arc<Oidc>>,
}
