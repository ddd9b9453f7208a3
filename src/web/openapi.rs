//! The OpenAPI 3 document of `/api/v1`, generated from the one route table: every API route
//! must have an entry in `DOCS` (a test fails otherwise), and access rules come from the
//! table itself, so the document cannot drift from what the server does.

use serde_json::{json, Map, Value};

use super::{route_table, Access};

/// What each API path does, its query parameters, and its success response.
struct Doc {
    path: &'static str,
    summary: &'static str,
    query: &'static [(&'static str, &'static str)],
    response: &'static str,
    content_type: &'static str,
}

const QUARTER: (&str, &str) = (
    "quarter",
    "Quarter such as 2026Q3; default: the latest quarter with a closed round.",
);

const DOCS: &[Doc] = &[
    Doc { path: "/api/v1/me", summary: "Who the credential belongs to and its role.", query: &[], response: "{ actor, role, via: session|token }", content_type: "application/json" },
    Doc {
        path: "/api/v1/scorecard",
        summary: "The quarter's scorecard: measures A, B, C with intervals, statuses and reasons; per round, group and item figures; trends and big surprises. Suppressed figures are marked, never zero. Comments only for the CTO (and the board if the setting allows).",
        query: &[QUARTER],
        response: "{ scorecard, as_of, commentary }",
        content_type: "application/json",
    },
    Doc { path: "/api/v1/trends", summary: "Eight quarters of headline figures and the quarter-over-quarter big surprises.", query: &[QUARTER], response: "{ quarter, trends, surprises }", content_type: "application/json" },
    Doc {
        path: "/api/v1/rounds/{id}/results",
        summary: "One closed round's figures (409 while it is open).",
        query: &[],
        response: "{ round_id, quarter, results }",
        content_type: "application/json",
    },
    Doc { path: "/api/v1/inflections", summary: "The inflection-point register with every quarter's assessment and the board's verdict.", query: &[], response: "[ RegisterEntry ]", content_type: "application/json" },
    Doc { path: "/api/v1/commentary", summary: "The CTO's commentary on a quarter.", query: &[QUARTER], response: "{ quarter, commentary }", content_type: "application/json" },
    Doc { path: "/api/v1/progress", summary: "Response progress of open rounds: counts per reporting group, never answers.", query: &[], response: "[ { round_id, template, quarter, closes_on, progress } ]", content_type: "application/json" },
    Doc {
        path: "/api/v1/export",
        summary: "The scorecard as a download (CSV with formula-safe cells, or JSON).",
        query: &[QUARTER, ("format", "csv (default) or json")],
        response: "the file",
        content_type: "text/csv",
    },
    Doc {
        path: "/api/v1/report",
        summary: "The board report image (1600 × 1000).",
        query: &[QUARTER, ("format", "png (default) or svg"), ("lang", "en (default), ko or nl")],
        response: "the image",
        content_type: "image/png",
    },
    Doc { path: "/api/v1/openapi.json", summary: "This document.", query: &[], response: "OpenAPI 3.0", content_type: "application/json" },
];

/// Whether an API path has documentation (the access-matrix test checks every route).
pub fn is_documented(path: &str) -> bool {
    DOCS.iter().any(|d| d.path == path)
}

/// The document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for spec in route_table()
        .into_iter()
        .filter(|s| s.path.starts_with("/api/"))
    {
        let Some(doc) = DOCS.iter().find(|d| d.path == spec.path) else {
            continue;
        };
        let mut params: Vec<Value> = spec
            .path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect();
        params.extend(doc.query.iter().map(|(name, desc)| json!({ "name": name, "in": "query", "required": false, "description": desc, "schema": { "type": "string" } })));
        let (security, roles) = match spec.access {
            Access::Staff(roles) => (
                json!([{ "bearer": [] }, { "session": [] }]),
                roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => (json!([]), "anyone".to_string()),
        };
        let error = json!({ "description": "Error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
        let op = json!({
            "summary": doc.summary,
            "description": format!("Allowed: {roles}."),
            "parameters": params,
            "security": security,
            "responses": {
                "200": { "description": doc.response, "content": { doc.content_type: { "schema": { "type": if doc.content_type == "application/json" { "object" } else { "string" } } } } },
                "400": error, "401": error, "403": error, "404": error, "409": error, "503": error,
            },
        });
        let entry = paths
            .entry(spec.path.to_string())
            .or_insert_with(|| json!({}));
        if let Some(obj) = entry.as_object_mut() {
            obj.insert(spec.method.as_str().to_ascii_lowercase(), op);
        }
    }
    json!({
        "openapi": "3.0.3",
        "info": { "title": "ctopulse API", "version": env!("CARGO_PKG_VERSION"), "description": "Quarterly measures of how well the CTO serves the company: results of closed survey rounds only, with every anonymity guard applied." },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "description": "An API token from `ctopulse token create`." },
                "session": { "type": "apiKey", "in": "cookie", "name": "ctopulse_session", "description": "A signed-in browser session; writes also need the X-CSRF-Token header." },
            },
            "schemas": { "Error": { "type": "object", "required": ["error", "message"], "properties": { "error": { "type": "string" }, "message": { "type": "string" } } } },
        },
    })
}
