//! Request extractors whose refusals are problem answers: the caller's API key, a JSON body,
//! query parameters, an id in the path.

use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::State;
use super::problem::ApiError;
use crate::app::{ApiRole, Caller, Session};

/// The caller, from `Authorization: Bearer KEY`, and the session acting as them (the history
/// records the key's name). Refusals: 401 (no key, or no active key), 503 (the database is
/// down).
pub struct Auth {
    pub app: Session,
    pub caller: Caller,
}

impl Auth {
    /// Refuses (403 `permission_denied`) a caller whose role is below `role`.
    pub fn need(&self, role: ApiRole) -> Result<(), ApiError> {
        if self.caller.role >= role {
            return Ok(());
        }
        Err(ApiError::forbidden(format!(
            "API key `{}` has the role {}; this needs {}",
            self.caller.name,
            self.caller.role.name(),
            role.name()
        )))
    }
}

impl FromRequestParts<Arc<State>> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<State>) -> Result<Self, ApiError> {
        let Some(value) = parts.headers.get(AUTHORIZATION) else {
            return Err(ApiError::unauthorized(
                "no API key: send `Authorization: Bearer KEY` (`seatctl apikey create` makes one)",
            ));
        };
        let key = value
            .to_str()
            .ok()
            .and_then(|v| {
                let (scheme, key) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
            })
            .ok_or_else(|| {
                ApiError::unauthorized("the Authorization header must be `Bearer KEY`")
            })?;
        let caller = state
            .keys
            .caller(&state.app, key)
            .await?
            .ok_or_else(|| ApiError::unauthorized("not an active API key"))?;
        Ok(Auth {
            app: state.app.acting_as(&caller.name),
            caller,
        })
    }
}

/// A JSON body; refusals are problems: 400 (not JSON), 422 (JSON of the wrong shape), 415
/// (not `application/json`), 413 (too large).
pub struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Body(v)),
            Err(r) => {
                let status = r.status();
                let code = if status.is_server_error() {
                    "internal"
                } else {
                    "invalid_input"
                };
                Err(ApiError::new(status, code, r.body_text()))
            }
        }
    }
}

/// Query parameters; a refusal is a 400 problem naming the parameter.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Query(v)),
            Err(r) => Err(ApiError::invalid(r.body_text())),
        }
    }
}

/// A hold's or reservation's id in the path: a whole UUID (400 otherwise).
pub fn id(text: &str, what: &str) -> Result<Uuid, ApiError> {
    Uuid::parse_str(text.trim())
        .map_err(|_| ApiError::invalid(format!("`{text}` is not a {what} id (a UUID)")))
}
