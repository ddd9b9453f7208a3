//! `/scim/v2/Users`: create, read, list (filter and pages), replace, patch, delete.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::error::ScimHttpError;
use super::{base_url, scim_json, ScimCaller};
use crate::app::scim::filter::{self, Filter};
use crate::app::scim::resource::{self, invalid, ScimType, LIST_RESPONSE};
use crate::app::scim::{self, ScimError};
use crate::clock;
use crate::db::employees::Employee;
use crate::web::state::AppState;
use crate::web::with_conn;

/// The request body as JSON (read here, after the caller is known, so a stranger gets 401
/// and not a parse error).
fn json_body(body: &[u8]) -> Result<Value, ScimHttpError> {
    Ok(serde_json::from_slice(body)?)
}

fn user_response(
    status: StatusCode,
    e: &Employee,
    req: &HttpRequest,
    state: &AppState,
) -> HttpResponse {
    let users = format!("{}/Users", base_url(req, state));
    let mut resp = scim_json(status, &resource::to_resource(e, &users));
    if let Ok(v) = header::HeaderValue::from_str(&format!("{users}/{}", e.id)) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

/// `POST /scim/v2/Users`: adds a person to the roster.
pub async fn create(
    caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ScimHttpError> {
    let body = json_body(&body)?;
    let now = clock::now();
    let actor = caller.actor;
    let e = with_conn::<ScimHttpError, _>(&state, move |conn| {
        Ok(scim::create(conn, &body, &actor, now)?)
    })
    .await?;
    Ok(user_response(StatusCode::CREATED, &e, &req, &state))
}

/// `GET /scim/v2/Users/{id}`.
pub async fn get(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ScimHttpError> {
    let id = id.into_inner();
    let e = with_conn::<ScimHttpError, _>(&state, move |conn| Ok(scim::get(conn, &id)?)).await?;
    Ok(user_response(StatusCode::OK, &e, &req, &state))
}

/// `GET /scim/v2/Users?filter=…&startIndex=…&count=…`.
pub async fn list(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ScimHttpError> {
    let params = web::Query::<HashMap<String, String>>::from_query(req.query_string())
        .map_err(|e| ScimError::from(invalid(ScimType::InvalidValue, e.to_string())))?
        .into_inner();
    // Parameter names are case-insensitive (RFC 7644 §3.4.2).
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let filter: Option<Filter> = param("filter")
        .map(filter::parse)
        .transpose()
        .map_err(ScimError::from)?;
    let page = filter::page(param("startIndex"), param("count")).map_err(ScimError::from)?;
    let listing = with_conn::<ScimHttpError, _>(&state, move |conn| {
        Ok(scim::list(conn, filter.as_ref(), page)?)
    })
    .await?;
    let users = format!("{}/Users", base_url(&req, &state));
    let resources: Vec<Value> = listing
        .people
        .iter()
        .map(|e| resource::to_resource(e, &users))
        .collect();
    let body = json!({
        "schemas": [LIST_RESPONSE],
        "totalResults": listing.total,
        "startIndex": page.start_index,
        "itemsPerPage": resources.len(),
        "Resources": resources,
    });
    Ok(scim_json(StatusCode::OK, &body))
}

/// `PUT /scim/v2/Users/{id}`: replaces a person's attributes.
pub async fn replace(
    caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ScimHttpError> {
    change(caller, state, req, id, body, scim::replace).await
}

/// `PATCH /scim/v2/Users/{id}`: changes some attributes (`active=false` deactivates).
pub async fn patch(
    caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ScimHttpError> {
    change(caller, state, req, id, body, scim::patch).await
}

/// `DELETE /scim/v2/Users/{id}`: deactivates the person (the roster never forgets people
/// who leave; see `app::scim::deactivate`).
pub async fn delete(
    caller: ScimCaller,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ScimHttpError> {
    let (id, now, actor) = (id.into_inner(), clock::now(), caller.actor);
    with_conn::<ScimHttpError, _>(&state, move |conn| {
        Ok(scim::deactivate(conn, &id, &actor, now)?)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// PUT and PATCH: read the body, apply `op` to the person, answer with the result.
async fn change(
    caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    body: web::Bytes,
    op: fn(
        &mut crate::db::DbConnection,
        &str,
        &Value,
        &str,
        time::PrimitiveDateTime,
    ) -> Result<Employee, ScimError>,
) -> Result<HttpResponse, ScimHttpError> {
    let body = json_body(&body)?;
    let (id, now, actor) = (id.into_inner(), clock::now(), caller.actor);
    let e =
        with_conn::<ScimHttpError, _>(&state, move |conn| Ok(op(conn, &id, &body, &actor, now)?))
            .await?;
    Ok(user_response(StatusCode::OK, &e, &req, &state))
}
