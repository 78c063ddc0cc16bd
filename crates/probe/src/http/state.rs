//! What every handler shares: the settings, the engine that probes, the
//! limits and the metrics. Cheap to clone (one `Arc`).

use std::sync::Arc;

use super::limits::Limits;
use super::metrics::Metrics;
use super::settings::Settings;
use crate::engine::Engine;

/// What the handlers share.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    settings: Settings,
    engine: Engine,
    limits: Limits,
    metrics: Metrics,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inner")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(settings: Settings, engine: Engine) -> Self {
        let limits = Limits::new(&settings, engine.options().longest_probe());
        Self {
            inner: Arc::new(Inner {
                settings,
                engine,
                limits,
                metrics: Metrics::default(),
            }),
        }
    }

    pub(crate) fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    pub(crate) fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }
}
