//! `/scim/v2/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` (RFC 7643 §5–7,
//! RFC 7644 §4): what this server supports, described as the RFC asks.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::error::ScimHttpError;
use super::{base_url, scim_json, ScimCaller};
use crate::app::scim::filter::MAX_RESULTS;
use crate::app::scim::resource::{CORE_USER, EXTENSION, LIST_RESPONSE};
use crate::domain::locale::Locale;
use crate::web::state::AppState;

const SPC_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";

/// `GET /scim/v2/ServiceProviderConfig`.
pub async fn service_provider_config(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
) -> HttpResponse {
    let base = base_url(&req, &state);
    let body = json!({
        "schemas": [SPC_SCHEMA],
        "documentationUri": "https://github.com/ctopulse/ctopulse/blob/main/docs/scim.md",
        "patch": { "supported": true },
        "bulk": { "supported": false, "maxOperations": 0, "maxPayloadSize": 0 },
        "filter": { "supported": true, "maxResults": MAX_RESULTS },
        "changePassword": { "supported": false },
        "sort": { "supported": false },
        "etag": { "supported": false },
        "authenticationSchemes": [{
            "type": "oauthbearertoken",
            "name": "API token",
            "description": "An API token with the scim scope (`ctopulse token create --role admin --scope scim`) sent as Authorization: Bearer.",
            "primary": true,
        }],
        "meta": {
            "resourceType": "ServiceProviderConfig",
            "location": format!("{base}/ServiceProviderConfig"),
        },
    });
    scim_json(StatusCode::OK, &body)
}

fn user_resource_type(base: &str) -> Value {
    json!({
        "schemas": [RESOURCE_TYPE_SCHEMA],
        "id": "User",
        "name": "User",
        "endpoint": "/Users",
        "description": "A person on the roster",
        "schema": CORE_USER,
        "schemaExtensions": [{ "schema": EXTENSION, "required": true }],
        "meta": { "resourceType": "ResourceType", "location": format!("{base}/ResourceTypes/User") },
    })
}

/// `GET /scim/v2/ResourceTypes`.
pub async fn resource_types(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
) -> HttpResponse {
    let base = base_url(&req, &state);
    scim_json(StatusCode::OK, &list(vec![user_resource_type(&base)]))
}

/// `GET /scim/v2/ResourceTypes/{id}`.
pub async fn resource_type(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ScimHttpError> {
    if id.as_str() != "User" {
        return Err(ScimHttpError::NoSuchResource(id.into_inner()));
    }
    let base = base_url(&req, &state);
    Ok(scim_json(StatusCode::OK, &user_resource_type(&base)))
}

/// `GET /scim/v2/Schemas`.
pub async fn schemas(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
) -> HttpResponse {
    let base = base_url(&req, &state);
    scim_json(
        StatusCode::OK,
        &list(vec![user_schema(&base), extension_schema(&base)]),
    )
}

/// `GET /scim/v2/Schemas/{id}`.
pub async fn schema(
    _caller: ScimCaller,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ScimHttpError> {
    let base = base_url(&req, &state);
    let body = match id.as_str() {
        CORE_USER => user_schema(&base),
        EXTENSION => extension_schema(&base),
        _ => return Err(ScimHttpError::NoSuchResource(id.into_inner())),
    };
    Ok(scim_json(StatusCode::OK, &body))
}

fn list(resources: Vec<Value>) -> Value {
    json!({
        "schemas": [LIST_RESPONSE],
        "totalResults": resources.len(),
        "startIndex": 1,
        "itemsPerPage": resources.len(),
        "Resources": resources,
    })
}

/// One attribute definition (RFC 7643 §7).
fn attribute(name: &str, kind: &str, required: bool, uniqueness: &str, description: &str) -> Value {
    json!({
        "name": name,
        "type": kind,
        "multiValued": false,
        "description": description,
        "required": required,
        "caseExact": false,
        "mutability": "readWrite",
        "returned": "default",
        "uniqueness": uniqueness,
    })
}

/// The core User schema, limited to the attributes ctopulse keeps (`externalId` is a common
/// attribute of every resource, RFC 7643 §3.1, so it is not listed).
fn user_schema(base: &str) -> Value {
    let mut name = attribute(
        "name",
        "complex",
        false,
        "none",
        "The person's name as the identity provider formats it; may be removed.",
    );
    name["subAttributes"] = json!([attribute(
        "formatted",
        "string",
        false,
        "none",
        "The full name as sent (givenName and familyName are joined into it)."
    ),]);
    let mut emails = attribute(
        "emails",
        "complex",
        true,
        "none",
        "The work address. ctopulse keeps one: the primary one sent, else the first of type work, else the first.",
    );
    emails["multiValued"] = json!(true);
    emails["subAttributes"] = json!([attribute("value", "string", true, "none", "The address.")]);
    let mut user_name = attribute(
        "userName",
        "string",
        true,
        "server",
        "The identity provider's login name for the person; unique, compared case-insensitively. People from a CSV import go by their address.",
    );
    user_name["caseExact"] = json!(false);
    json!({
        "schemas": [SCHEMA_SCHEMA],
        "id": CORE_USER,
        "name": "User",
        "description": "A person on the roster",
        "attributes": [
            user_name,
            name,
            attribute("displayName", "string", true, "none", "The full name shown in ctopulse and in survey emails."),
            emails,
            attribute("active", "boolean", true, "none", "Whether the person is invited to new rounds (true when left out)."),
        ],
        "meta": { "resourceType": "Schema", "location": format!("{base}/Schemas/{CORE_USER}") },
    })
}

/// ctopulse's extension schema.
fn extension_schema(base: &str) -> Value {
    let mut department = attribute(
        "department",
        "string",
        true,
        "none",
        "sales, bd, marketing, engineering, ceo, or board (an audience group, not a department).",
    );
    department["canonicalValues"] =
        json!(["sales", "bd", "marketing", "engineering", "ceo", "board"]);
    // Derived from the registered languages, so a new one is announced the day it is added.
    let mut locale = attribute(
        "locale",
        "string",
        true,
        "none",
        &format!(
            "The survey language: one of {} ({} when left out).",
            Locale::codes(),
            Locale::En.code()
        ),
    );
    locale["canonicalValues"] = json!(Locale::ALL.iter().map(|l| l.code()).collect::<Vec<_>>());
    json!({
        "schemas": [SCHEMA_SCHEMA],
        "id": EXTENSION,
        "name": "CtopulseUser",
        "description": "What ctopulse needs to know to choose a person's surveys",
        "attributes": [
            department,
            locale,
            attribute("engineer", "boolean", true, "none", "Asked the engineering-culture survey (false when left out)."),
            attribute("executive", "boolean", true, "none", "Asked the tech-strategy-alignment survey (false when left out)."),
        ],
        "meta": { "resourceType": "Schema", "location": format!("{base}/Schemas/{EXTENSION}") },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SCIM locale attribute lists every registered language, German included.
    #[test]
    fn the_locale_attribute_names_every_registered_language() {
        let schema = extension_schema("https://pulse.example.com/scim/v2");
        let locale = schema["attributes"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["name"] == "locale"))
            .cloned()
            .unwrap_or_default();
        for l in Locale::ALL {
            assert!(
                locale["canonicalValues"]
                    .as_array()
                    .is_some_and(|v| v.iter().any(|c| c == l.code())),
                "{l}: {locale}"
            );
            let description = locale["description"].as_str().unwrap_or_default();
            assert!(description.contains(l.code()), "{l}: {description}");
        }
    }
}
