//! HTTP: the one route table, handlers by area, middleware, error mapping.

pub mod error;
pub mod health;
pub mod middleware;

use actix_web::web::{get, ServiceConfig};

/// Every route of the service, in one place (an access-matrix test walks this table).
pub const ROUTES: &[(&str, &str)] = &[("GET", "/healthz"), ("GET", "/readyz")];

/// Registers every route.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.route("/healthz", get().to(health::healthz))
        .route("/readyz", get().to(health::readyz));
}
