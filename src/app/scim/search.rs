//! `POST /.search` (RFC 7644 §3.4.3): a SearchRequest body read into the filter, page and
//! projection a User list takes. Pure.

use serde_json::Value;

use super::filter::{self, Filter, Page};
use super::projection::Projection;
use super::resource::{invalid, Invalid, ScimType};

/// The SearchRequest message schema.
pub const SEARCH_REQUEST: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

/// What a SearchRequest asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub filter: Option<Filter>,
    pub page: Page,
    pub projection: Projection,
}

/// Reads a SearchRequest; sorting is not supported (ServiceProviderConfig says so) and is
/// refused rather than ignored, so a caller never takes an unsorted list for a sorted one.
pub fn parse(body: &Value) -> Result<Search, Invalid> {
    let obj = body.as_object().ok_or_else(|| {
        invalid(
            ScimType::InvalidSyntax,
            "the body must be a JSON object (a SearchRequest)",
        )
    })?;
    let mut filter = None;
    let (mut start, mut count) = (1, 100);
    let (mut attributes, mut excluded) = (Vec::new(), Vec::new());
    let mut schema_ok = false;
    for (key, value) in obj {
        match key.to_ascii_lowercase().as_str() {
            "schemas" => {
                schema_ok = value.as_array().is_some_and(|l| {
                    l.iter().any(|s| {
                        s.as_str()
                            .is_some_and(|s| s.eq_ignore_ascii_case(SEARCH_REQUEST))
                    })
                })
            }
            "filter" => match value {
                Value::Null => {}
                Value::String(f) => filter = Some(filter::parse(f)?),
                _ => return Err(invalid(ScimType::InvalidFilter, "filter must be a string")),
            },
            "startindex" => start = integer(value, "startIndex")?.unwrap_or(1),
            "count" => count = integer(value, "count")?.unwrap_or(100),
            "attributes" => attributes = names(value, "attributes")?,
            "excludedattributes" => excluded = names(value, "excludedAttributes")?,
            "sortby" | "sortorder" if !value.is_null() => {
                return Err(invalid(
                    ScimType::InvalidValue,
                    "sorting is not supported (see ServiceProviderConfig)",
                ))
            }
            "sortby" | "sortorder" => {}
            _ => {
                return Err(invalid(
                    ScimType::InvalidSyntax,
                    format!("unknown attribute {key:?} of a SearchRequest"),
                ))
            }
        }
    }
    if !schema_ok {
        return Err(invalid(
            ScimType::InvalidSyntax,
            format!("schemas must be [\"{SEARCH_REQUEST}\"]"),
        ));
    }
    Ok(Search {
        filter,
        page: filter::page_of(start, count),
        projection: Projection::new(attributes, excluded),
    })
}

fn integer(value: &Value, attr: &str) -> Result<Option<i64>, Invalid> {
    match value {
        Value::Null => Ok(None),
        v => v
            .as_i64()
            .map(Some)
            .ok_or_else(|| invalid(ScimType::InvalidValue, format!("{attr} must be an integer"))),
    }
}

/// A list of attribute names (a comma-separated string is taken too).
fn names(value: &Value, attr: &str) -> Result<Vec<String>, Invalid> {
    let bad = || {
        invalid(
            ScimType::InvalidValue,
            format!("{attr} must be a list of attribute names"),
        )
    };
    match value {
        Value::Null => Ok(Vec::new()),
        Value::String(s) => Ok(s.split(',').map(str::to_string).collect()),
        Value::Array(list) => list
            .iter()
            .map(|v| v.as_str().map(str::to_string).ok_or_else(bad))
            .collect(),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_search_request_gives_filter_page_and_projection() {
        let s = parse(&json!({
            "schemas": [SEARCH_REQUEST],
            "filter": "userName eq \"Ann\"",
            "startIndex": 0,
            "count": 5000,
            "attributes": ["userName"],
        }))
        .unwrap();
        assert_eq!(s.filter, Some(Filter::UserName("ann".into())));
        assert_eq!(s.page, filter::page_of(1, filter::MAX_RESULTS));
        assert_eq!(
            s.projection,
            Projection::new(vec!["userName".into()], vec![])
        );
        let empty = parse(&json!({ "schemas": [SEARCH_REQUEST] })).unwrap();
        assert_eq!(empty.filter, None);
        assert_eq!(empty.page, filter::page_of(1, 100));
    }

    #[test]
    fn bad_search_requests_say_what_is_wrong() {
        for (body, kind) in [
            (json!([]), ScimType::InvalidSyntax),
            (
                json!({ "filter": "userName eq \"a\"" }),
                ScimType::InvalidSyntax,
            ),
            (
                json!({ "schemas": [SEARCH_REQUEST], "filter": "title eq \"x\"" }),
                ScimType::InvalidFilter,
            ),
            (
                json!({ "schemas": [SEARCH_REQUEST], "count": "ten" }),
                ScimType::InvalidValue,
            ),
            (
                json!({ "schemas": [SEARCH_REQUEST], "sortBy": "userName" }),
                ScimType::InvalidValue,
            ),
            (
                json!({ "schemas": [SEARCH_REQUEST], "attributes": [1] }),
                ScimType::InvalidValue,
            ),
            (
                json!({ "schemas": [SEARCH_REQUEST], "nope": 1 }),
                ScimType::InvalidSyntax,
            ),
        ] {
            assert_eq!(parse(&body).unwrap_err().scim_type, kind, "{body}");
        }
    }
}
