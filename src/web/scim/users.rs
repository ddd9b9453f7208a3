//! `/scim/v2/Users`: create, read, list (filter, pages, projection), search, replace, patch,
//! delete.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::error::ScimHttpError;
use super::{base_url, scim_json, ScimCaller};
use crate::app::scim::filter::{self, Filter, Page};
use crate::app::scim::projection::Projection;
use crate::app::scim::resource::{self, invalid, ScimType, LIST_RESPONSE};
use crate::app::scim::search;
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

/// The query parameters, looked up case-insensitively (RFC 7644 §3.4.2).
struct Params(HashMap<String, String>);

impl Params {
    fn of(req: &HttpRequest) -> Result<Params, ScimHttpError> {
        let map = web::Query::<HashMap<String, String>>::from_query(req.query_string())
            .map_err(|e| ScimError::from(invalid(ScimType::InvalidValue, e.to_string())))?
            .into_inner();
        Ok(Params(map))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn projection(&self) -> Projection {
        Projection::from_query(self.get("attributes"), self.get("excludedAttributes"))
    }
}

fn user_response(
    status: StatusCode,
    e: &Employee,
    req: &HttpRequest,
    state: &AppState,
    projection: &Projection,
) -> HttpResponse {
    let users = format!("{}/Users", base_url(req, state));
    let mut resp = scim_json(status, &projection.apply(resource::to_resource(e, &users)));
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
    let projection = Params::of(&req)?.projection();
    Ok(user_response(
        StatusCode::CREATED,
        &e,
        &req,
        &state,
        &projection,
    ))
}

/// `GET /scim/v2/Users/{id}`.
pub async fn get(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ScimHttpError> {
    let projection = Params::of(&req)?.projection();
    let id = id.into_inner();
    let e = with_conn::<ScimHttpError, _>(&state, move |conn| Ok(scim::get(conn, &id)?)).await?;
    Ok(user_response(StatusCode::OK, &e, &req, &state, &projection))
}

/// `GET /scim/v2/Users?filter=…&startIndex=…&count=…&attributes=…&excludedAttributes=…`.
pub async fn list(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ScimHttpError> {
    let params = Params::of(&req)?;
    let filter: Option<Filter> = params
        .get("filter")
        .map(filter::parse)
        .transpose()
        .map_err(ScimError::from)?;
    let page =
        filter::page(params.get("startIndex"), params.get("count")).map_err(ScimError::from)?;
    listing(state, req, filter, page, params.projection()).await
}

/// `POST /scim/v2/.search` and `POST /scim/v2/Users/.search`: a list asked for by a
/// SearchRequest body (Users are the only resource type, so both search the same people).
pub async fn search(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ScimHttpError> {
    let body = json_body(&body)?;
    let s = search::parse(&body).map_err(ScimError::from)?;
    listing(state, req, s.filter, s.page, s.projection).await
}

async fn listing(
    state: web::Data<AppState>,
    req: HttpRequest,
    filter: Option<Filter>,
    page: Page,
    projection: Projection,
) -> Result<HttpResponse, ScimHttpError> {
    let listing = with_conn::<ScimHttpError, _>(&state, move |conn| {
        Ok(scim::list(conn, filter.as_ref(), page)?)
    })
    .await?;
    let users = format!("{}/Users", base_url(&req, &state));
    let resources: Vec<Value> = listing
        .people
        .iter()
        .map(|e| projection.apply(resource::to_resource(e, &users)))
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

/// `DELETE /scim/v2/Users/{id}`: deletes the person for SCIM and deactivates them (the
/// roster never forgets people who leave; see `app::scim::delete`).
pub async fn delete(
    caller: ScimCaller,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ScimHttpError> {
    let (id, now, actor) = (id.into_inner(), clock::now(), caller.actor);
    with_conn::<ScimHttpError, _>(&state, move |conn| {
        Ok(scim::delete(conn, &id, &actor, now)?)
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
    let projection = Params::of(&req)?.projection();
    let (id, now, actor) = (id.into_inner(), clock::now(), caller.actor);
    let e =
        with_conn::<ScimHttpError, _>(&state, move |conn| Ok(op(conn, &id, &body, &actor, now)?))
            .await?;
    Ok(user_response(StatusCode::OK, &e, &req, &state, &projection))
}
