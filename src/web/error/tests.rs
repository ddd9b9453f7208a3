//! The kind of a failure decides the status and the header; the words a user reads never
//! carry a cause; every area's error keeps its cause for the log.

use std::error::Error as _;

use actix_web::body::MessageBody;
use actix_web::http::header;
use actix_web::ResponseError;

use super::{respond, Kind, Told, WebError};
use crate::app::scorecard::ScorecardError;
use crate::db::DbError;
use crate::web::api::ApiError;
use crate::web::auth::AuthError;
use crate::web::error::RequestError;
use crate::web::health::NotReady;
use crate::web::pages::PageError;
use crate::web::survey::SurveyPageError;

/// A database that is down: passing, so 503.
fn db_down() -> DbError {
    DbError::Unavailable("no connection became free in 5 s".into())
}

/// A stored value that does not parse: a defect, so 500.
fn db_defect() -> DbError {
    DbError::Malformed {
        table: "rounds",
        column: "status".into(),
        value: "bogus".into(),
        reason: "unknown status".into(),
    }
}

fn header_of(kind: Kind) -> Option<(String, String)> {
    kind.header().map(|(name, value)| {
        (
            name.as_str().to_string(),
            value.to_str().unwrap().to_string(),
        )
    })
}

#[test]
fn each_kind_has_its_status_code_and_header() {
    let pair = |n: &str, v: &str| Some((n.to_string(), v.to_string()));
    let cases = [
        (Kind::BadRequest, 400, "bad_request", None),
        (Kind::NotFound, 404, "not_found", None),
        (
            Kind::SignInRequired { redirect: true },
            303,
            "unauthenticated",
            pair("location", "/login"),
        ),
        (
            Kind::SignInRequired { redirect: false },
            401,
            "unauthenticated",
            pair("www-authenticate", "Bearer realm=\"ctopulse\""),
        ),
        (Kind::Forbidden, 403, "forbidden", None),
        (
            Kind::TooMany { retry_after: 42 },
            429,
            "too_many_requests",
            pair("retry-after", "42"),
        ),
        (Kind::TooLarge, 413, "payload_too_large", None),
        (Kind::Conflict, 409, "conflict", None),
        (
            Kind::Unavailable,
            503,
            "unavailable",
            pair("retry-after", "5"),
        ),
        (Kind::Internal, 500, "internal", None),
    ];
    for (kind, status, code, header) in cases {
        assert_eq!(kind.status().as_u16(), status, "{kind:?}");
        assert_eq!(kind.code(), code, "{kind:?}");
        assert_eq!(header_of(kind), header, "{kind:?}");
    }
}

fn body_text(resp: actix_web::HttpResponse) -> String {
    let bytes = resp.into_body().try_into_bytes().unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_fault_of_ours_answers_without_its_cause() {
    let e = PageError::from(db_down());
    let resp = respond(&e);
    assert_eq!(resp.status().as_u16(), 503);
    assert_eq!(resp.headers().get(header::RETRY_AFTER).unwrap(), "5");
    let told = resp.extensions().get::<Told>().cloned().unwrap();
    assert_eq!(told.code, "unavailable");
    let body = body_text(resp);
    assert_eq!(
        body,
        "The service is temporarily unavailable. Please try again in a minute.\n"
    );
    assert!(!told.message.contains("connection"));

    let resp = respond(&ApiError::from(db_defect()));
    assert_eq!(resp.status().as_u16(), 500);
    assert!(resp.headers().get(header::RETRY_AFTER).is_none());
    let body = body_text(resp);
    assert_eq!(
        body,
        "Something went wrong on our side. Please try again later.\n"
    );
}

#[test]
fn a_refusal_tells_its_own_words_and_kind() {
    let e = ApiError::from(ScorecardError::NothingClosed);
    assert_eq!(e.kind(), Kind::NotFound);
    let resp = e.error_response();
    assert_eq!(resp.status().as_u16(), 404);
    let told = resp.extensions().get::<Told>().cloned().unwrap();
    assert_eq!(
        told,
        Told {
            code: "not_found",
            message: ScorecardError::NothingClosed.to_string(),
            localized: None,
        }
    );
    assert_eq!(
        resp.headers().get(header::CONTENT_TYPE).unwrap(),
        "text/plain; charset=utf-8"
    );
    assert_eq!(body_text(resp), format!("{}\n", told.message));

    let e = AuthError::Throttled { retry_after: 17 };
    let resp = e.error_response();
    assert_eq!(resp.status().as_u16(), 429);
    assert_eq!(resp.headers().get(header::RETRY_AFTER).unwrap(), "17");
    assert_eq!(
        body_text(resp),
        "too many failed attempts; try again in 17 seconds\n"
    );
}

/// The cause an area's error carries, as the log's chain reads it.
fn db_cause<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a DbError> {
    e.source().and_then(|s| s.downcast_ref::<DbError>())
}

#[test]
fn every_area_keeps_a_database_cause() {
    let areas: [(&str, Box<dyn std::error::Error>); 5] = [
        ("api", Box::new(ApiError::from(db_down()))),
        ("pages", Box::new(PageError::from(db_defect()))),
        ("auth", Box::new(AuthError::from(db_down()))),
        ("survey", Box::new(SurveyPageError::from(db_defect()))),
        ("health", Box::new(NotReady::from(db_defect()))),
    ];
    for (area, e) in &areas {
        assert!(db_cause(e.as_ref()).is_some(), "{area}: {e:?}");
        let chain = crate::telemetry::chain(e.as_ref());
        assert!(chain.contains("database"), "{area}: {chain}");
    }
    assert_eq!(ApiError::from(db_down()).kind(), Kind::Unavailable);
    assert_eq!(PageError::from(db_defect()).kind(), Kind::Internal);
    assert_eq!(AuthError::from(db_down()).kind(), Kind::Unavailable);
    // A respondent can only come back later, whatever failed.
    assert_eq!(SurveyPageError::from(db_defect()).kind(), Kind::Unavailable);
    assert_eq!(NotReady::from(db_defect()).kind(), Kind::Unavailable);
}

#[test]
fn a_use_case_error_keeps_its_database_cause_through_the_area() {
    // ScorecardError::Db is transparent, so the DbError is one step further down.
    let e = ApiError::from(ScorecardError::Db(db_down()));
    assert_eq!(e.kind(), Kind::Unavailable);
    let scorecard = e.source().unwrap();
    assert!(scorecard.downcast_ref::<ScorecardError>().is_some());
    assert!(crate::telemetry::chain(&e).contains("no connection became free"));
}

#[test]
fn an_unreadable_form_keeps_its_cause() {
    let e = RequestError::from(actix_web::error::UrlencodedError::Chunked);
    assert_eq!(e.kind(), Kind::BadRequest);
    assert!(e.source().is_some());
    assert_eq!(
        RequestError::from(actix_web::error::UrlencodedError::Overflow { size: 9, limit: 1 })
            .kind(),
        Kind::TooLarge
    );
}
