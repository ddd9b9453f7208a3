//! The OpenAPI 3.1 document of `/api/v1`, generated from the API's own wire types
//! (`api_types`), the handlers' `#[utoipa::path]` attributes and the route table: who may
//! call an operation, and so its security and its 401/403 answers, come from the table.

use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, RefOr, Response, ResponseBuilder, SecurityRequirement};
use utoipa::{Modify, OpenApi};

use super::api_types::ErrorBody;
use super::{api, route_table, Access};
use crate::auth::roles::{AnyStaff, RoleSet};
use crate::auth::session::cookie_name;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ctopulse API",
        description = "Quarterly measures of how well the CTO serves the company: results of closed survey rounds only, with every anonymity guard applied."
    ),
    paths(
        api::me,
        api::get_scorecard,
        api::get_trends,
        api::get_round_results,
        api::get_inflections,
        api::get_commentary,
        api::get_progress,
        api::get_export,
        api::get_report,
        super::api_time::get_time_split,
        super::api_time::get_time_events,
        super::actions::list,
        super::actions::create,
        super::actions::replace,
        super::actions::export,
        get_openapi,
    ),
    components(schemas(ErrorBody)),
    modifiers(&FromRouteTable)
)]
struct ApiDoc;

/// Names the https cookie (`session::cookie_name(true)`; a test keeps them equal).
const SESSION_DESCRIPTION: &str = "A signed-in browser session. Over https the cookie is \
    `__Host-ctopulse-session`.";

/// Security, 401/403/503 and the allowed roles of each operation, from the route table.
struct FromRouteTable;

impl Modify for FromRouteTable {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `ctopulse token create`."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                cookie_name(false),
                SESSION_DESCRIPTION,
            ))),
        );
        for spec in route_table() {
            let Access::Staff(roles) = spec.access else {
                continue;
            };
            let Some(item) = doc.paths.paths.get_mut(spec.path) else {
                continue;
            };
            let op = match spec.method.as_str() {
                "GET" => item.get.as_mut(),
                "POST" => item.post.as_mut(),
                "PUT" => item.put.as_mut(),
                _ => None,
            };
            if let Some(op) = op {
                staff_only(op, roles);
            }
        }
    }
}

fn error(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            utoipa::openapi::ContentBuilder::new()
                .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                    "ErrorBody",
                ))))
                .build(),
        )
        .into()
}

fn staff_only(op: &mut Operation, roles: &[crate::auth::Role]) {
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let allowed = format!("Allowed roles: {}.", names.join(", "));
    op.description = Some(match op.description.take() {
        Some(d) if !d.is_empty() => format!("{d}\n\n{allowed}"),
        _ => allowed,
    });
    op.security = Some(vec![
        SecurityRequirement::new("bearer", Vec::<String>::new()),
        SecurityRequirement::new("session", Vec::<String>::new()),
    ]);
    let responses = &mut op.responses.responses;
    responses.insert(
        "401".into(),
        error("No credentials, or an unknown, revoked or expired token or session."),
    );
    if roles.len() < AnyStaff::ROLES.len() {
        responses.insert(
            "403".into(),
            error("Signed in, but the account's role may not call this."),
        );
    }
    responses.insert(
        "503".into(),
        error("The database is unavailable; retry after the Retry-After header's seconds."),
    );
}

/// The document.
pub fn document() -> Document {
    ApiDoc::openapi()
}

/// `GET /api/v1/openapi.json`.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "This document (OpenAPI 3.1).", content_type = "application/json", body = Object)))]
pub async fn get_openapi() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().json(document())
}

#[cfg(test)]
mod tests;
