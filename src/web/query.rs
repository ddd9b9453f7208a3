//! Query strings read into typed parameters, with errors that name the parameter: "unknown
//! variant `some`" alone leaves a caller guessing which of several parameters was meant.

use serde::de::DeserializeOwned;

/// A query string that does not fit the endpoint: which parameter, and why.
#[derive(Debug, thiserror::Error)]
#[error("{}", describe(.parameter, .reason))]
pub struct QueryError {
    parameter: String,
    reason: String,
}

fn describe(parameter: &str, reason: &str) -> String {
    if parameter.is_empty() || parameter == "." {
        format!("query string: {reason}")
    } else {
        format!("query parameter `{parameter}`: {reason}")
    }
}

/// Reads `query` (without the `?`) into `Q`.
pub fn parse<Q: DeserializeOwned>(query: &str) -> Result<Q, QueryError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| QueryError {
        parameter: e.path().to_string(),
        reason: e.inner().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        All,
        None,
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Q {
        quarter: Option<String>,
        comments: Option<Kind>,
    }

    #[test]
    fn a_good_query_reads_and_a_bad_one_names_its_parameter() {
        let q: Q = parse("quarter=2026Q3&comments=none").unwrap();
        assert_eq!(q.comments, Some(Kind::None));
        assert_eq!(q.quarter.as_deref(), Some("2026Q3"));
        let e = parse::<Q>("quarter=2026Q3&comments=some").unwrap_err();
        assert_eq!(
            e.to_string(),
            "query parameter `comments`: unknown variant `some`, expected `all` or `none`"
        );
        let q: Q = parse("").unwrap();
        assert_eq!(q.quarter, None);
    }
}
