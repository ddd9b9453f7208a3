//! HTTP: the one route table, handlers by area, middleware, error mapping.

pub mod actions;
pub mod api;
pub mod api_time;
pub mod api_types;
pub mod assets;
pub mod auth;
pub mod client_ip;
pub mod error;
pub mod health;
pub mod lang;
pub mod middleware;
pub mod openapi;
pub mod pages;
pub mod query;
pub mod scim;
pub mod staff;
pub mod state;
#[cfg(test)]
mod stylesheet_contrast;
pub mod survey;

use actix_web::http::Method;
use actix_web::web::{self, ServiceConfig};
use actix_web::{FromRequest, Handler, Responder, Route};

use crate::auth::roles::{
    ActionEditors, AdminOnly, AnyStaff, BoardOnly, CalendarKeepers, CtoOnly, ResultReaders,
};
use crate::auth::{Role, RoleSet};

/// Runs blocking work (database queries, drawing the report) on the blocking pool, off the
/// async executor. `E` is the calling area's error, which says how a lost blocking thread
/// reaches the user.
pub(crate) async fn blocking<E, T>(
    f: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, E>
where
    E: From<actix_web::error::BlockingError> + Send + 'static,
    T: Send + 'static,
{
    web::block(f).await?
}

/// Runs database work on one pooled connection — the one way handlers reach the database.
/// `E` is the calling area's error (`with_conn::<PageError, _>(…)` where the call site does
/// not already pin it), which says how checkout and blocking-pool failures reach the user.
pub(crate) async fn with_conn<E, T>(
    state: &crate::web::state::AppState,
    f: impl FnOnce(&mut crate::db::DbConnection) -> Result<T, E> + Send + 'static,
) -> Result<T, E>
where
    E: From<crate::db::DbError> + From<actix_web::error::BlockingError> + Send + 'static,
    T: Send + 'static,
{
    let pool = state.pool.clone();
    blocking(move || {
        let mut conn = crate::db::pool::checkout(&pool)?;
        f(&mut conn)
    })
    .await
}

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (probes, sign-in, static files).
    Public,
    /// Respondents holding a survey link or cookie; staff credentials grant nothing here.
    Respondent,
    /// Signed-in staff with one of these roles (handler takes `auth::Require<…>`).
    Staff(&'static [Role]),
    /// Identity providers holding an API token with the `scim` scope (handler takes
    /// `scim::ScimCaller`); sessions and other tokens are refused.
    Scim,
}

/// One row of the route table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: Method,
    /// The actix path pattern, e.g. `/survey/{round}`.
    pub path: &'static str,
    pub access: Access,
}

/// A route table row together with its handler.
struct Endpoint {
    spec: RouteSpec,
    route: Route,
}

fn endpoint<F, Args>(method: Method, path: &'static str, access: Access, handler: F) -> Endpoint
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    Endpoint {
        route: web::method(method.clone()).to(handler),
        spec: RouteSpec {
            method,
            path,
            access,
        },
    }
}

/// Every route of the service with who may call it — the one place routes are declared.
/// `routes` registers exactly these, and the access-matrix test walks them, so a route
/// cannot exist without a declared access rule.
fn endpoints() -> Vec<Endpoint> {
    use Access::*;
    use Method as M;
    vec![
        endpoint(M::GET, "/healthz", Public, health::healthz),
        endpoint(M::GET, "/readyz", Public, health::readyz),
        endpoint(M::GET, "/static/staff.css", Public, assets::staff_css),
        endpoint(M::GET, "/static/app.css", Public, assets::survey_css),
        endpoint(
            M::GET,
            "/static/error-focus.js",
            Public,
            assets::error_focus,
        ),
        endpoint(M::GET, "/s/{token}", Respondent, survey::open_link),
        endpoint(M::GET, "/survey/{round}", Respondent, survey::show_form),
        endpoint(M::POST, "/survey/{round}", Respondent, survey::submit),
        // Round ids are unguessable and a preview shows questions only, never answers.
        endpoint(M::GET, "/preview/{round}", Public, survey::preview),
        endpoint(M::GET, "/login", Public, auth::login::login_form),
        endpoint(M::POST, "/login", Public, auth::login::login_submit),
        // Single sign-on; 404 unless `[oidc]` is configured.
        endpoint(M::GET, "/login/oidc", Public, auth::oidc::start),
        endpoint(M::GET, "/login/oidc/callback", Public, auth::oidc::callback),
        // Only while no admin exists; 404 afterwards.
        endpoint(M::GET, "/setup", Public, auth::setup::setup_form),
        endpoint(M::POST, "/setup", Public, auth::setup::setup_submit),
        endpoint(
            M::POST,
            "/logout",
            Staff(AnyStaff::ROLES),
            auth::login::logout,
        ),
        endpoint(
            M::GET,
            "/admin",
            Staff(AdminOnly::ROLES),
            pages::admin::home,
        ),
        endpoint(
            M::POST,
            "/admin/rounds",
            Staff(AdminOnly::ROLES),
            pages::admin::create_round,
        ),
        endpoint(
            M::GET,
            "/admin/rounds/{id}",
            Staff(AdminOnly::ROLES),
            pages::admin::round::page,
        ),
        // Before `{action}`: resources match in registration order.
        endpoint(
            M::POST,
            "/admin/rounds/{id}/test-send",
            Staff(AdminOnly::ROLES),
            pages::admin::test_send,
        ),
        endpoint(
            M::POST,
            "/admin/rounds/{id}/{action}",
            Staff(AdminOnly::ROLES),
            pages::admin::round::round_action,
        ),
        endpoint(
            M::GET,
            "/admin/schedules",
            Staff(AdminOnly::ROLES),
            pages::admin::schedules::page,
        ),
        endpoint(
            M::POST,
            "/admin/schedules",
            Staff(AdminOnly::ROLES),
            pages::admin::schedules::save,
        ),
        endpoint(
            M::POST,
            "/admin/schedules/{survey}/remove",
            Staff(AdminOnly::ROLES),
            pages::admin::schedules::remove,
        ),
        endpoint(
            M::GET,
            "/admin/roster",
            Staff(AdminOnly::ROLES),
            pages::admin::roster::page,
        ),
        endpoint(
            M::POST,
            "/admin/roster",
            Staff(AdminOnly::ROLES),
            pages::admin::roster::paste,
        ),
        endpoint(
            M::POST,
            "/admin/roster/upload",
            Staff(AdminOnly::ROLES),
            pages::admin::roster::upload,
        ),
        endpoint(
            M::GET,
            "/admin/departments",
            Staff(AdminOnly::ROLES),
            pages::admin::departments::page,
        ),
        endpoint(
            M::POST,
            "/admin/departments",
            Staff(AdminOnly::ROLES),
            pages::admin::departments::save,
        ),
        endpoint(
            M::GET,
            "/admin/actions",
            Staff(AdminOnly::ROLES),
            pages::actions_form::admin_page,
        ),
        endpoint(
            M::POST,
            "/admin/actions",
            Staff(AdminOnly::ROLES),
            pages::actions_form::admin_add,
        ),
        endpoint(
            M::POST,
            "/admin/actions/{id}",
            Staff(AdminOnly::ROLES),
            pages::actions_form::admin_update,
        ),
        endpoint(
            M::GET,
            "/admin/users",
            Staff(AdminOnly::ROLES),
            pages::admin::users::page,
        ),
        endpoint(
            M::POST,
            "/admin/users",
            Staff(AdminOnly::ROLES),
            pages::admin::users::add,
        ),
        endpoint(
            M::POST,
            "/admin/users/{id}/{action}",
            Staff(AdminOnly::ROLES),
            pages::admin::users::action,
        ),
        endpoint(
            M::GET,
            "/admin/audit",
            Staff(AdminOnly::ROLES),
            staff::audit_log,
        ),
        endpoint(
            M::GET,
            "/dashboard",
            Staff(CtoOnly::ROLES),
            pages::dashboard,
        ),
        endpoint(
            M::POST,
            "/dashboard/commentary",
            Staff(CtoOnly::ROLES),
            pages::save_commentary,
        ),
        endpoint(
            M::POST,
            "/dashboard/inflections",
            Staff(CtoOnly::ROLES),
            pages::add_point,
        ),
        endpoint(
            M::POST,
            "/dashboard/inflections/{id}/assess",
            Staff(CtoOnly::ROLES),
            pages::assess_point,
        ),
        endpoint(
            M::GET,
            "/dashboard/time",
            Staff(CalendarKeepers::ROLES),
            pages::time_split::show,
        ),
        endpoint(
            M::POST,
            "/dashboard/time/import",
            Staff(CalendarKeepers::ROLES),
            pages::time_split::import,
        ),
        endpoint(
            M::POST,
            "/dashboard/time/hours",
            Staff(CalendarKeepers::ROLES),
            pages::time_split::add_hours,
        ),
        endpoint(
            M::POST,
            "/dashboard/time/events/{key}/override",
            Staff(CalendarKeepers::ROLES),
            pages::time_split::set_override,
        ),
        endpoint(
            M::POST,
            "/dashboard/time/rules",
            Staff(CalendarKeepers::ROLES),
            pages::time_split::add_rule,
        ),
        endpoint(
            M::POST,
            "/dashboard/time/rules/{id}/remove",
            Staff(CalendarKeepers::ROLES),
            pages::time_split::remove_rule,
        ),
        endpoint(
            M::POST,
            "/dashboard/actions",
            Staff(CtoOnly::ROLES),
            pages::actions_form::add,
        ),
        endpoint(
            M::POST,
            "/dashboard/actions/{id}",
            Staff(CtoOnly::ROLES),
            pages::actions_form::update,
        ),
        endpoint(M::GET, "/board", Staff(BoardOnly::ROLES), pages::board),
        endpoint(
            M::POST,
            "/board/inflections/{id}/confirm",
            Staff(BoardOnly::ROLES),
            pages::confirm_point,
        ),
        endpoint(M::GET, "/api/v1/me", Staff(AnyStaff::ROLES), api::me),
        endpoint(
            M::GET,
            "/api/v1/scorecard",
            Staff(ResultReaders::ROLES),
            api::get_scorecard,
        ),
        endpoint(
            M::GET,
            "/api/v1/trends",
            Staff(ResultReaders::ROLES),
            api::get_trends,
        ),
        endpoint(
            M::GET,
            "/api/v1/rounds/{id}/results",
            Staff(ResultReaders::ROLES),
            api::get_round_results,
        ),
        endpoint(
            M::GET,
            "/api/v1/inflections",
            Staff(ResultReaders::ROLES),
            api::get_inflections,
        ),
        endpoint(
            M::GET,
            "/api/v1/commentary",
            Staff(ResultReaders::ROLES),
            api::get_commentary,
        ),
        endpoint(
            M::GET,
            "/api/v1/progress",
            Staff(AnyStaff::ROLES),
            api::get_progress,
        ),
        endpoint(
            M::GET,
            "/api/v1/export",
            Staff(ResultReaders::ROLES),
            api::get_export,
        ),
        endpoint(
            M::GET,
            "/api/v1/report",
            Staff(ResultReaders::ROLES),
            api::get_report,
        ),
        endpoint(
            M::GET,
            "/api/v1/time-split",
            Staff(ResultReaders::ROLES),
            api_time::get_time_split,
        ),
        endpoint(
            M::GET,
            "/api/v1/time-split/events",
            Staff(CalendarKeepers::ROLES),
            api_time::get_time_events,
        ),
        endpoint(
            M::GET,
            "/api/v1/actions",
            Staff(ResultReaders::ROLES),
            actions::list,
        ),
        endpoint(
            M::POST,
            "/api/v1/actions",
            Staff(ActionEditors::ROLES),
            actions::create,
        ),
        // Before `{id}`: resources match in registration order.
        endpoint(
            M::GET,
            "/api/v1/actions/export",
            Staff(ResultReaders::ROLES),
            actions::export,
        ),
        endpoint(
            M::PUT,
            "/api/v1/actions/{id}",
            Staff(ActionEditors::ROLES),
            actions::replace,
        ),
        endpoint(M::GET, "/api/v1/openapi.json", Public, openapi::get_openapi),
        endpoint(
            M::GET,
            "/scim/v2/ServiceProviderConfig",
            Scim,
            scim::schema::service_provider_config,
        ),
        endpoint(
            M::GET,
            "/scim/v2/ResourceTypes",
            Scim,
            scim::schema::resource_types,
        ),
        endpoint(
            M::GET,
            "/scim/v2/ResourceTypes/{id}",
            Scim,
            scim::schema::resource_type,
        ),
        endpoint(M::GET, "/scim/v2/Schemas", Scim, scim::schema::schemas),
        endpoint(M::GET, "/scim/v2/Schemas/{id}", Scim, scim::schema::schema),
        endpoint(M::POST, "/scim/v2/.search", Scim, scim::users::search),
        endpoint(M::GET, "/scim/v2/Users", Scim, scim::users::list),
        endpoint(M::POST, "/scim/v2/Users", Scim, scim::users::create),
        // Before `{id}`: resources match in registration order.
        endpoint(M::POST, "/scim/v2/Users/.search", Scim, scim::users::search),
        endpoint(M::GET, "/scim/v2/Users/{id}", Scim, scim::users::get),
        endpoint(M::PUT, "/scim/v2/Users/{id}", Scim, scim::users::replace),
        endpoint(M::PATCH, "/scim/v2/Users/{id}", Scim, scim::users::patch),
        endpoint(M::DELETE, "/scim/v2/Users/{id}", Scim, scim::users::delete),
    ]
}

/// The route table (method, path pattern, access), in registration order.
pub fn route_table() -> Vec<RouteSpec> {
    endpoints().into_iter().map(|e| e.spec).collect()
}

/// Registers every route of the table (routes sharing a path share one resource, so a
/// wrong method gets 405), and the request body limits.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.app_data(middleware::form_config())
        .app_data(middleware::json_config());
    let mut by_path: Vec<(&'static str, Vec<Route>)> = Vec::new();
    for e in endpoints() {
        match by_path.iter_mut().find(|(p, _)| *p == e.spec.path) {
            Some((_, routes)) => routes.push(e.route),
            None => by_path.push((e.spec.path, vec![e.route])),
        }
    }
    for (path, routes) in by_path {
        let mut resource = web::resource(path);
        for r in routes {
            resource = resource.route(r);
        }
        cfg.service(resource);
    }
}
