//! Errors as RFC 9457 problem details (`application/problem+json`), carrying the CLI's `code`
//! (the README's exit-code table) and the error's fields (`seats`, `hold_id`...).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::{Error, ExitCode};

/// The media type of every error answer (RFC 9457, section 3).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error answer (RFC 9457): `type` is `about:blank` (the status says what kind), `title`
/// the status's phrase, `detail` the CLI's message, `code` the CLI's JSON `code`, then the
/// error's own fields.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(example = json!({
    "type": "about:blank",
    "title": "Conflict",
    "status": 409,
    "detail": "seat not available: A-1",
    "code": "conflict",
    "seats": ["A-1"]
}))]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    /// The HTTP status, repeated.
    pub status: u16,
    /// What went wrong, as the CLI says it.
    pub detail: String,
    /// The CLI's error code: `invalid_input`, `conflict`, `not_found`, `hold_expired`,
    /// `backend_unavailable`, `permission_denied`, `unauthorized`, `internal`...
    pub code: String,
    /// The error's own fields (`seats`, `hold_id`, `lapsed_at`...), as in the CLI's JSON.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// An error on its way to becoming a problem answer.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl ApiError {
    /// A problem with no fields beyond `code` and `detail`.
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            detail: detail.into(),
            extra: serde_json::Map::new(),
        }
    }

    /// 400 `invalid_input`.
    pub fn invalid(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_input", detail)
    }

    /// 401 `unauthorized`: no key, or not an active one.
    pub fn unauthorized(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", detail)
    }

    /// 403 `permission_denied`: the key's role may not do this.
    pub fn forbidden(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "permission_denied", detail)
    }

    /// The answer for a bare error status (a body too large, a method not allowed, a
    /// timeout) that no handler described.
    pub fn from_status(status: StatusCode) -> ApiError {
        let (code, detail) = match status {
            StatusCode::PAYLOAD_TOO_LARGE => (
                "invalid_input",
                "the request body is larger than server.max_body_bytes",
            ),
            StatusCode::METHOD_NOT_ALLOWED => {
                ("invalid_input", "this method is not allowed on this path")
            }
            StatusCode::NOT_FOUND => ("not_found", "no such path (see /openapi.json)"),
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => (
                "backend_unavailable",
                "the request ran past server.request_timeout; whether a change it asked for \
                 took effect is unknown: look it up or retry with the same Idempotency-Key",
            ),
            s if s.is_server_error() => ("internal", "internal error"),
            _ => ("invalid_input", "the request was refused"),
        };
        let mut e = ApiError::new(status, code, detail);
        if status == StatusCode::REQUEST_TIMEOUT {
            e.status = StatusCode::SERVICE_UNAVAILABLE;
            e.extra.insert("outcome".into(), "unknown".into());
        }
        e
    }
}

/// The HTTP status of each kind of error: 400 bad input, 409 conflicts (seats taken, a hold
/// no longer open), 410 a lapsed hold, 404 unknown things, 403 the database refused the
/// login, 503 a backend down or slow (with `Retry-After`), 500 a bug.
pub fn status_of(e: &Error) -> StatusCode {
    match e.exit_code() {
        ExitCode::Usage if matches!(e, Error::Schema(_)) => StatusCode::SERVICE_UNAVAILABLE,
        ExitCode::Usage => StatusCode::BAD_REQUEST,
        ExitCode::Conflict => StatusCode::CONFLICT,
        ExitCode::NotFound => StatusCode::NOT_FOUND,
        ExitCode::HoldExpired => StatusCode::GONE,
        ExitCode::Unavailable | ExitCode::Interrupted => StatusCode::SERVICE_UNAVAILABLE,
        ExitCode::PermissionDenied => StatusCode::FORBIDDEN,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The command line's words in a message, as the HTTP API says them: flags as the request's
/// fields (`--best` is `best`), the CLI's ways as the API's. In this order.
const CLI_TO_HTTP: [(&str, &str); 21] = [
    (
        "give its id or pass --reservation",
        "DELETE /v1/reservations/{reservation_id}",
    ),
    (
        "retry with the same --idempotency-key",
        "retry with the same Idempotency-Key",
    ),
    ("--idempotency-key", "Idempotency-Key"),
    ("--holder", "`holder`"),
    ("--best", "`best`"),
    ("--ttl", "`ttl`"),
    ("--name", "`name`"),
    ("--quantity", "`quantity`"),
    ("--accessible", "`accessible`"),
    ("--area", "`area`"),
    ("--section", "`section`"),
    ("--category", "`category`"),
    ("--customer", "`customer`"),
    ("--reference", "`reference`"),
    ("--seats", "`seats`"),
    ("--reason", "`reason`"),
    ("--replace", "`replace=true`"),
    ("--force", "`force=true`"),
    ("--within", "`within`"),
    ("--starts-at", "`starts_at`"),
    ("--status", "`status`"),
];

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = status_of(&e);
        if status == StatusCode::INTERNAL_SERVER_ERROR {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let mut detail = format!("{e:#}");
        for (cli, http) in CLI_TO_HTTP {
            if detail.contains(cli) {
                detail = detail.replace(&format!("`{cli}`"), http).replace(cli, http);
            }
        }
        let mut extra = e.details();
        // The problem's own members are RFC 9457's: a field of the same name (a hold's
        // `status`) is given under another.
        for member in ["type", "title", "status", "detail", "instance", "code"] {
            if let Some(v) = extra.remove(member) {
                extra.insert(format!("hold_{member}"), v);
            }
        }
        ApiError {
            status,
            code: e.exit_code().name(),
            detail,
            extra,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = Problem {
            kind: "about:blank".into(),
            title: self
                .status
                .canonical_reason()
                .unwrap_or("Error")
                .to_string(),
            status: self.status.as_u16(),
            detail: self.detail,
            code: self.code.to_string(),
            extra: self.extra,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"seatctl\""),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_error_has_its_status() {
        let cases = [
            (Error::invalid("x"), 400),
            (Error::seats_taken(["A-1"]), 409),
            (Error::not_found("x"), 404),
            (
                Error::HoldLapsed {
                    hold_id: uuid::Uuid::nil(),
                    at: chrono::Utc::now(),
                    taken_since: vec![],
                },
                410,
            ),
            (Error::Unavailable("x".into()), 503),
            (Error::Indeterminate("x".into()), 503),
            (Error::PermissionDenied("x".into()), 403),
            (Error::Schema("x".into()), 503),
            (Error::Internal(anyhow::anyhow!("x")), 500),
        ];
        for (e, want) in cases {
            assert_eq!(status_of(&e).as_u16(), want, "{e:?}");
        }
    }

    #[test]
    fn a_problem_keeps_its_own_status_and_speaks_of_fields() {
        let e = ApiError::from(Error::HoldClosed {
            hold_id: uuid::Uuid::nil(),
            status: "reserved".into(),
        });
        assert!(!e.extra.contains_key("status"));
        assert_eq!(e.extra["hold_status"], "reserved");
        let body = serde_json::to_value(Problem {
            kind: "about:blank".into(),
            title: "Conflict".into(),
            status: 409,
            detail: e.detail,
            code: e.code.into(),
            extra: e.extra,
        })
        .unwrap();
        assert_eq!(body["status"], 409);
        let e = ApiError::from(Error::invalid("--best must be at least 1"));
        assert_eq!(e.detail, "`best` must be at least 1");
    }

    #[test]
    fn a_conflict_names_its_seats() {
        let e = ApiError::from(Error::seats_taken(["A-1", "A-2"]));
        assert_eq!(e.code, "conflict");
        assert_eq!(e.extra["seats"], serde_json::json!(["A-1", "A-2"]));
    }
}
