//! The filters and paging a User list takes (RFC 7644 §3.4.2). Pure.
//!
//! Two filters are supported, the ones identity providers use to find a person before
//! creating them: `userName eq "…"` and `emails.value eq "…"`, both compared
//! case-insensitively.

use super::resource::{invalid, Invalid, ScimType};

/// Most Users one list response holds (advertised in ServiceProviderConfig).
pub const MAX_RESULTS: i64 = 1000;

/// A supported filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// The person with this userName (case-folded).
    UserName(String),
    /// The person with this address (case-folded).
    Email(String),
}

/// Parses a filter; anything but the two supported forms is an `invalidFilter`.
pub fn parse(text: &str) -> Result<Filter, Invalid> {
    let unsupported = || {
        invalid(
            ScimType::InvalidFilter,
            format!("unsupported filter {text:?}: use userName eq \"…\" or emails.value eq \"…\""),
        )
    };
    let text = text.trim();
    let (attr, rest) = text
        .split_once(char::is_whitespace)
        .ok_or_else(unsupported)?;
    let (op, value) = rest
        .trim_start()
        .split_once(char::is_whitespace)
        .ok_or_else(unsupported)?;
    let attr = attr.to_ascii_lowercase();
    let attr = attr
        .strip_prefix("urn:ietf:params:scim:schemas:core:2.0:user:")
        .unwrap_or(&attr);
    let by_user_name = match attr {
        "username" => true,
        "emails.value" | "emails" => false,
        _ => return Err(unsupported()),
    };
    if !op.eq_ignore_ascii_case("eq") {
        return Err(unsupported());
    }
    let value = value.trim();
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .filter(|v| !v.is_empty())
        .ok_or_else(unsupported)?;
    // A JSON string literal, so escapes read as in the body; an unescaped quote inside means
    // the filter goes on (`and …`), which is not supported.
    let parsed: String = serde_json::from_str(value).map_err(|_| unsupported())?;
    let folded = parsed.trim().to_lowercase();
    Ok(if by_user_name {
        Filter::UserName(folded)
    } else {
        Filter::Email(folded)
    })
}

/// Which slice of a list to return: 1-based `start_index` and at most `count` Users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub start_index: i64,
    pub count: i64,
}

/// The page asked for: `startIndex` below 1 counts as 1, a negative `count` as 0 (RFC 7644
/// §3.4.2.4), and `count` is capped at [`MAX_RESULTS`]; text that is not a number is an
/// `invalidValue`.
pub fn page(start_index: Option<&str>, count: Option<&str>) -> Result<Page, Invalid> {
    let number = |s: Option<&str>, what: &str, default: i64| -> Result<i64, Invalid> {
        match s {
            None => Ok(default),
            Some(s) => s
                .trim()
                .parse::<i64>()
                .map_err(|_| invalid(ScimType::InvalidValue, format!("{what} must be an integer"))),
        }
    };
    Ok(page_of(
        number(start_index, "startIndex", 1)?,
        number(count, "count", 100)?,
    ))
}

/// The page of a `startIndex` and `count` already read as numbers.
pub fn page_of(start_index: i64, count: i64) -> Page {
    Page {
        start_index: start_index.max(1),
        count: count.clamp(0, MAX_RESULTS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_supported_filters_are_case_folded() {
        assert_eq!(
            parse(r#"userName eq "Ann@X.test""#).unwrap(),
            Filter::UserName("ann@x.test".into())
        );
        assert_eq!(
            parse(r#"emails.value EQ "ann@x.test""#).unwrap(),
            Filter::Email("ann@x.test".into())
        );
    }

    #[test]
    fn every_other_filter_is_an_invalid_filter() {
        for f in [
            r#"userName co "ann""#,
            r#"displayName eq "Ann""#,
            r#"userName eq "a@x.test" and active eq true"#,
            r#"userName eq a@x.test"#,
            "userName pr",
            "",
            r#"userName eq """#,
        ] {
            let e = parse(f).unwrap_err();
            assert_eq!(e.scim_type, ScimType::InvalidFilter, "{f}");
        }
    }

    #[test]
    fn paging_follows_the_rfc_for_out_of_range_values() {
        assert_eq!(
            page(None, None).unwrap(),
            Page {
                start_index: 1,
                count: 100
            }
        );
        assert_eq!(
            page(Some("0"), Some("-3")).unwrap(),
            Page {
                start_index: 1,
                count: 0
            }
        );
        assert_eq!(page(Some("5"), Some("999999")).unwrap().count, MAX_RESULTS);
        assert!(page(Some("x"), None).is_err());
    }
}
