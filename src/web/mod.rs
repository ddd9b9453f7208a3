//! HTTP: the one route table, handlers by area, middleware, error mapping.

pub mod client_ip;
pub mod error;
pub mod health;
pub mod middleware;
pub mod survey;

use actix_web::web::{get, post, ServiceConfig};

/// Every route of the service (method, path pattern), in one place: an access-matrix test
/// walks this table, and `routes` must register exactly these.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/static/app.css"),
    ("GET", "/s/{token}"),
    ("GET", "/survey/{round}"),
    ("POST", "/survey/{round}"),
    ("GET", "/preview/{round}"),
];

/// Registers every route.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.route("/healthz", get().to(health::healthz))
        .route("/readyz", get().to(health::readyz))
        .route("/static/app.css", get().to(survey::stylesheet))
        .route("/s/{token}", get().to(survey::open_link))
        .route("/survey/{round}", get().to(survey::show_form))
        .route("/survey/{round}", post().to(survey::submit))
        .route("/preview/{round}", get().to(survey::preview));
}
