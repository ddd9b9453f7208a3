//! The access matrix: every route of the one route table × every kind of caller → the
//! expected status. Routes are declared only in `web::route_table` (registration reads the
//! same list), so a new route is walked here the moment it exists.

use std::collections::HashSet;

use actix_web::http::Method;
use ctopulse::auth::Role;
use ctopulse::tokens;
use ctopulse::web::{route_table, Access, RouteSpec};

use crate::helpers::TestApp;
use crate::staff_support::{
    add_token, add_user, age_session, flag_disabled, plain_client, sign_in,
};

/// One kind of caller.
#[derive(Debug, Clone)]
struct Caller {
    name: &'static str,
    cookie: Option<String>,
    bearer: Option<String>,
    csrf: Option<String>,
    /// The role a valid credential gives (None: not signed in).
    role: Option<Role>,
    /// Whether the credential only counts on /api paths (bearer tokens).
    api_only: bool,
}

async fn callers(app: &TestApp, tag: &str) -> Vec<Caller> {
    let mut out = vec![
        Caller {
            name: "anonymous",
            cookie: None,
            bearer: None,
            csrf: None,
            role: None,
            api_only: false,
        },
        Caller {
            name: "respondent cookie",
            cookie: Some(format!("s-round1={}", tokens::new_token())),
            bearer: None,
            csrf: None,
            role: None,
            api_only: false,
        },
    ];
    for (name, role) in [
        ("board", Role::Board),
        ("cto", Role::Cto),
        ("admin", Role::Admin),
    ] {
        let email = format!("{name}-{tag}@example.com");
        add_user(app, &email, role);
        let s = sign_in(app, &email).await;
        out.push(Caller {
            name,
            cookie: Some(s.cookie),
            bearer: None,
            csrf: Some(s.csrf),
            role: Some(role),
            api_only: false,
        });
    }
    let disabled = format!("disabled-{tag}@example.com");
    add_user(app, &disabled, Role::Admin);
    let s = sign_in(app, &disabled).await;
    flag_disabled(app, &disabled);
    out.push(Caller {
        name: "disabled user",
        cookie: Some(s.cookie),
        bearer: None,
        csrf: Some(s.csrf),
        role: None,
        api_only: false,
    });
    let expired = format!("expired-{tag}@example.com");
    add_user(app, &expired, Role::Admin);
    let s = sign_in(app, &expired).await;
    age_session(app, &s.token, 121);
    out.push(Caller {
        name: "expired session",
        cookie: Some(s.cookie),
        bearer: None,
        csrf: Some(s.csrf),
        role: None,
        api_only: false,
    });
    let (_, token) = add_token(app, &format!("ci-{tag}"), Role::Board);
    out.push(Caller {
        name: "board API token",
        cookie: None,
        bearer: Some(token),
        csrf: None,
        role: Some(Role::Board),
        api_only: true,
    });
    out
}

fn concrete(path: &str) -> String {
    // `{param}` → a sample value: the matrix checks access, not the object.
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => in_param = true,
            '}' => {
                in_param = false;
                out.push_str("sample");
            }
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_safe(m: &Method) -> bool {
    matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

async fn call(
    app: &TestApp,
    spec: &RouteSpec,
    caller: &Caller,
    with_csrf: bool,
) -> reqwest::Response {
    let method = reqwest::Method::from_bytes(spec.method.as_str().as_bytes()).expect("method");
    let mut req = plain_client().request(method, format!("{}{}", app.address, concrete(spec.path)));
    if let Some(c) = &caller.cookie {
        req = req.header(reqwest::header::COOKIE, c);
    }
    if let Some(b) = &caller.bearer {
        req = req.bearer_auth(b);
    }
    if !is_safe(&spec.method) {
        let csrf = if with_csrf {
            caller.csrf.clone().unwrap_or_default()
        } else {
            String::new()
        };
        req = req.form(&[("csrf_token", csrf)]);
    }
    req.send().await.expect("request")
}

/// What a caller must get from a route.
fn check(
    spec: &RouteSpec,
    caller: &Caller,
    status: u16,
    location: Option<&str>,
) -> Result<(), String> {
    let what = format!(
        "{} {} as {}: got {status}",
        spec.method, spec.path, caller.name
    );
    if status >= 500 {
        return Err(format!("{what}, a server error"));
    }
    match spec.access {
        Access::Public | Access::Respondent => {
            if status == 401 {
                return Err(format!("{what}, but the route needs no staff sign-in"));
            }
        }
        // No caller here holds a scim token: a live API token is refused (403), the rest are
        // not SCIM credentials at all (401). tests/api/scim.rs covers the scim token itself.
        Access::Scim => {
            let expected = if caller.bearer.is_some() && caller.role.is_some() {
                403
            } else {
                401
            };
            if status != expected {
                return Err(format!("{what}, expected {expected}"));
            }
        }
        Access::Staff(roles) => {
            let is_api = spec.path.starts_with("/api/");
            let role = caller.role.filter(|_| is_api || !caller.api_only);
            match role {
                None => {
                    let page_get = spec.method == Method::GET && !is_api;
                    if page_get {
                        if status != 303 || location != Some("/login") {
                            return Err(format!("{what} → {location:?}, expected 303 to /login"));
                        }
                    } else if status != 401 {
                        return Err(format!("{what}, expected 401"));
                    }
                }
                Some(r) if !roles.contains(&r) => {
                    if status != 403 {
                        return Err(format!("{what}, expected 403 for role {r}"));
                    }
                }
                Some(_) => {
                    if status == 401 || status == 403 {
                        return Err(format!("{what}, expected access"));
                    }
                    if spec.method == Method::GET && !spec.path.contains('{') && status != 200 {
                        return Err(format!("{what}, expected 200"));
                    }
                }
            }
        }
    }
    Ok(())
}

#[tokio::test]
async fn every_route_answers_every_caller_as_the_table_says() {
    let app = TestApp::spawn().await;
    // A sealed round, so result routes have something to serve to those allowed.
    app.import_roster(crate::helpers::ROSTER);
    let round = app.launch("internal-csat", "2026Q3");
    app.seal_now(&round);
    let table = route_table();
    let mut failures = Vec::new();
    for (i, spec) in table.iter().enumerate() {
        // Fresh callers per route: a write such as /logout ends the caller's session.
        let everyone = callers(&app, &i.to_string()).await;
        for caller in &everyone {
            let resp = call(&app, spec, caller, true).await;
            let status = resp.status().as_u16();
            let location = resp
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            if let Err(e) = check(spec, caller, status, location.as_deref()) {
                failures.push(e);
            }
        }
        // Cookie-authenticated writes without the CSRF token are refused, even for allowed roles.
        if let (Access::Staff(roles), false) = (spec.access, is_safe(&spec.method)) {
            let allowed = callers(&app, &format!("{i}-nocsrf")).await;
            for caller in allowed
                .iter()
                .filter(|c| c.cookie.is_some() && c.role.is_some_and(|r| roles.contains(&r)))
            {
                let status = call(&app, spec, caller, false).await.status().as_u16();
                if status != 403 {
                    failures.push(format!(
                        "{} {} as {} without CSRF token: got {status}, expected 403",
                        spec.method, spec.path, caller.name
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "access matrix:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_route_table_has_no_duplicates_and_covers_the_staff_areas() {
    let table = route_table();
    let mut seen = HashSet::new();
    for r in &table {
        assert!(
            seen.insert((r.method.clone(), r.path)),
            "{} {} is declared twice",
            r.method,
            r.path
        );
        if let Access::Staff(roles) = r.access {
            assert!(!roles.is_empty(), "{} {} admits nobody", r.method, r.path);
        }
    }
    for (method, path) in [
        (Method::GET, "/login"),
        (Method::POST, "/login"),
        (Method::POST, "/logout"),
        (Method::GET, "/admin"),
        (Method::GET, "/dashboard"),
        (Method::GET, "/board"),
    ] {
        assert!(
            table.iter().any(|r| r.method == method && r.path == path),
            "{method} {path} missing from the route table"
        );
    }
}

#[tokio::test]
async fn paths_outside_the_table_are_not_served() {
    let app = TestApp::spawn().await;
    for path in [
        "/admin/users/../../etc/passwd",
        "/nothing-here",
        "/api/v1/unknown",
    ] {
        let status = app.get(path).await.status().as_u16();
        assert!(status == 404, "{path}: {status}");
    }
    let resp = plain_client()
        .delete(format!("{}/admin", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405, "a known path with an undeclared method");
}
