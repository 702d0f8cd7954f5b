//! The `/v1` handlers: each parses, checks the caller's role, calls the application layer and
//! answers with the type `--json` prints. Errors are problem answers (see `problem.rs`).

use std::sync::Arc;

use axum::extract::{Path, State as AxState};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, body::Bytes};
use serde::Deserialize;
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use super::State;
use super::extract::{Auth, Body, Query, id};
use super::problem::{ApiError, Problem};
use crate::app::seat_cache::View;
use crate::app::{
    ApiRole, BestOrder, EventOrder, HoldFilter, HoldOrder, LayoutSource, ReservationFilter,
};
use crate::contract::{
    Audited, BlockChange, Created, EventDetail, EventListItem, EventReport, ExportSeat, Held,
    HistoryEntry, HoldInfo, HoldRow, Imported, Released, ReservationInfo, ReservationRow,
    SeatChange, SeatMap,
};
use crate::domain::layout::{Format, Layout};
use crate::domain::{Seat, SeatStatus, names};
use crate::duration::HumanDuration;

type Answer<T> = Result<T, ApiError>;

/// The layout of a new event, as a file's text.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"format": "csv", "content": "section,row,seat\nStalls,A,1\nStalls,A,2\n"}))]
pub struct LayoutBody {
    /// `csv`, `toml`, `json` (seatctl's, or a pretix plan) or `pretix`.
    pub format: String,
    /// The file's text.
    pub content: String,
}

/// `POST /v1/events`: an event of `seats` general-admission seats, or of a `layout`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Hamlet 2027-03-01", "seats": 100, "venue": "Globe", "starts_at": "2027-03-01T19:30:00+01:00"}))]
pub struct CreateEvent {
    /// 1-200 characters, not a UUID.
    pub name: String,
    /// One section of this many seats, labelled 1..N (not with `layout`).
    #[schema(minimum = 1, maximum = 1_000_000)]
    pub seats: Option<u32>,
    pub layout: Option<LayoutBody>,
    pub venue: Option<String>,
    /// RFC 3339, with the venue's offset.
    pub starts_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// An event of that name already there is answered 200 (`created: false`), not 409.
    #[serde(default)]
    pub if_not_exists: bool,
}

/// `POST /v1/events/{event}/holds`: seats by label (ranges such as `A-12..A-15` allowed), or
/// the best N.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"seats": ["A-1", "A-2"], "ttl": "90s", "holder": "web shop order 1234"}))]
pub struct HoldBody {
    pub seats: Option<Vec<String>>,
    /// The best N seats available, side by side where possible.
    pub best: Option<u32>,
    /// With `best`: within this section.
    pub section: Option<String>,
    /// With `best`: within this category.
    pub category: Option<String>,
    /// With `best`: this many of them wheelchair spaces.
    pub accessible: Option<u32>,
    /// A general-admission area, with `quantity` places.
    pub area: Option<String>,
    pub quantity: Option<u32>,
    /// How long the hold lasts ("90s", "10m"); default `reservation.hold_ttl`.
    pub ttl: Option<String>,
    /// Who the hold is for (shown in listings).
    pub holder: Option<String>,
}

/// `POST /v1/holds/{hold}/extend`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"ttl": "5m"}))]
pub struct ExtendBody {
    /// The new time left from now; default `reservation.hold_ttl`.
    pub ttl: Option<String>,
}

/// `POST /v1/holds/{hold}/reservation`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"customer": "Ann Smith", "reference": "ORDER-1234"}))]
pub struct ReserveBody {
    pub customer: Option<String>,
    pub reference: Option<String>,
}

/// `POST /v1/reservations/{reservation}/refund`: a partial refund.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"seats": ["A-2"]}))]
pub struct RefundBody {
    /// The seats to return to sale (labels or ranges); the rest stay sold.
    pub seats: Vec<String>,
}

/// `POST /v1/events/{event}/block`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"seats": ["A-1..A-4"], "reason": "camera position"}))]
pub struct BlockBody {
    pub seats: Vec<String>,
    pub reason: String,
}

/// `POST /v1/events/{event}/unblock`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"seats": ["A-1..A-4"]}))]
pub struct UnblockBody {
    pub seats: Vec<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeleteParams {
    /// Delete even with seats held or reserved.
    #[serde(default)]
    pub force: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LayoutParams {
    /// Replace the event's layout (keeping seats by external id).
    #[serde(default)]
    pub replace: bool,
    /// `csv`, `toml`, `json` or `pretix`; default from the Content-Type.
    pub format: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeatsParams {
    /// `available`, `held`, `reserved` or `blocked`.
    pub status: Option<String>,
    pub section: Option<String>,
    /// Read-your-writes: a change id (a write's `Seatctl-Change-Id`, or a change stream id)
    /// that the answer must include.
    pub after: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapParams {
    pub section: Option<String>,
    /// Read-your-writes: a change id (a write's `Seatctl-Change-Id`, or a change stream id)
    /// that the answer must include.
    pub after: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HoldsParams {
    /// Only holds whose holder contains this (any case).
    pub holder: Option<String>,
    /// `active`, `expired`, `reserved`, `refunded`, `released` or `all` (the default).
    pub status: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReservationsParams {
    /// Only reservations whose customer contains this (any case).
    pub customer: Option<String>,
    /// Only the reservation(s) with this reference (any case).
    pub reference: Option<String>,
    /// `active`, `released` or `all` (the default).
    pub status: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// Holds lapsing within this are listed ("10m", the default).
    pub within: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryParams {
    /// Only this seat's changes.
    pub seat: Option<String>,
}

fn duration(text: Option<&str>, what: &str) -> Answer<Option<HumanDuration>> {
    text.map(|t| {
        t.parse::<HumanDuration>()
            .map_err(|e| ApiError::invalid(format!("{what} `{t}`: {e}")))
    })
    .transpose()
}

fn format_of(name: &str) -> Answer<Format> {
    match name.to_ascii_lowercase().as_str() {
        "csv" => Ok(Format::Csv),
        "toml" => Ok(Format::Toml),
        "json" => Ok(Format::Json),
        "pretix" => Ok(Format::Pretix),
        other => Err(ApiError::invalid(format!(
            "layout format `{other}`: use csv, toml, json or pretix"
        ))),
    }
}

/// Answers `body` with `status`.
fn with_status<T: serde::Serialize>(status: StatusCode, body: T) -> Response {
    (status, Json(body)).into_response()
}

/// Create an event, from N general-admission seats or a layout.
#[utoipa::path(post, path = "/v1/events", tag = "events", request_body = CreateEvent,
    responses(
        (status = 201, description = "Created", body = Created),
        (status = 200, description = "Already there (`if_not_exists`)", body = Created),
        (status = 400, description = "Bad name, layout or start", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The name is taken", body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Body of the wrong shape", body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn create_event(auth: Auth, Body(body): Body<CreateEvent>) -> Answer<Response> {
    auth.need(ApiRole::Operator)?;
    let layout = match (body.seats, body.layout) {
        (Some(n), None) => LayoutSource::GeneralAdmission(n),
        (None, Some(l)) => {
            let layout = Layout::parse_bytes(l.content.as_bytes(), format_of(&l.format)?, "layout")
                .map_err(|e| ApiError::invalid(e.to_string()))?;
            LayoutSource::Parsed(layout)
        }
        _ => return Err(ApiError::invalid("give `seats` or `layout`, one of them")),
    };
    let order = EventOrder {
        name: body.name,
        venue: body.venue,
        starts_at: body.starts_at,
        layout,
        if_not_exists: body.if_not_exists,
    };
    let created = auth.app.create_event(&order).await?;
    let status = if created.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(with_status(status, created))
}

/// List events with their seat counts.
#[utoipa::path(get, path = "/v1/events", tag = "events",
    responses(
        (status = 200, body = Vec<EventListItem>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn list_events(auth: Auth) -> Answer<Json<Vec<EventListItem>>> {
    Ok(Json(auth.app.list_events().await?))
}

/// One event with its counts per section.
#[utoipa::path(get, path = "/v1/events/{event}", tag = "events",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet")),
    responses(
        (status = 200, body = EventDetail),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn show_event(auth: Auth, Path(event): Path<String>) -> Answer<Json<EventDetail>> {
    Ok(Json(auth.app.show_event(&event).await?))
}

/// Delete an event with its seats, holds, reservations and history.
#[utoipa::path(delete, path = "/v1/events/{event}", tag = "events",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), DeleteParams),
    responses(
        (status = 204, description = "Deleted"),
        (status = 409, description = "Seats are held or reserved (use `force`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn delete_event(
    auth: Auth,
    Path(event): Path<String>,
    Query(q): Query<DeleteParams>,
) -> Answer<StatusCode> {
    auth.need(ApiRole::Operator)?;
    let found = auth.app.find_event(&event).await?;
    auth.app.delete_event(found, q.force).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Import (or with `replace`, replace) the event's layout: the file as the body.
#[utoipa::path(put, path = "/v1/events/{event}/layout", tag = "events",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), LayoutParams),
    request_body(description = "The layout file", content(
        (String = "text/csv"), (String = "application/toml"), (String = "application/json"),
    )),
    responses(
        (status = 200, body = Imported),
        (status = 400, description = "A malformed file (naming the line)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The event has a layout (use `replace`) or sales on removed seats", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn put_layout(
    auth: Auth,
    Path(event): Path<String>,
    Query(q): Query<LayoutParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer<Json<Imported>> {
    auth.need(ApiRole::Operator)?;
    let format = match &q.format {
        Some(f) => format_of(f)?,
        None => {
            let ct = headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            match ct.as_str() {
                "text/csv" => Format::Csv,
                "application/toml" | "text/toml" => Format::Toml,
                "application/json" => Format::Json,
                other => {
                    return Err(ApiError::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        "invalid_input",
                        format!(
                            "Content-Type `{other}`: send text/csv, application/toml or \
                             application/json (or give ?format=)"
                        ),
                    ));
                }
            }
        }
    };
    let layout = Layout::parse_bytes(&body, format, "request body")
        .map_err(|e| ApiError::invalid(e.to_string()))?;
    Ok(Json(
        auth.app
            .import_parsed_layout(&event, &layout, "request body", q.replace)
            .await?,
    ))
}

/// The event's seats in layout order, optionally of one state or section.
#[utoipa::path(get, path = "/v1/events/{event}/seats", tag = "seats",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), SeatsParams),
    responses(
        (status = 200, body = Vec<Seat>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn seats(
    auth: Auth,
    AxState(state): AxState<Arc<State>>,
    Path(event): Path<String>,
    Query(q): Query<SeatsParams>,
) -> Answer<Response> {
    let status = q
        .status
        .as_deref()
        .map(|s| s.parse::<SeatStatus>().map_err(ApiError::invalid))
        .transpose()?;
    let view = View::Seats {
        status,
        section: q.section.map(|s| names::nfc(&s)),
    };
    seats_view(&auth, &state, &event, view, q.after).await
}

/// The JSON of a seat list or map: from the seat cache when it can answer (and is on), else
/// from the database.
async fn seats_view(
    auth: &Auth,
    state: &State,
    event: &str,
    view: View,
    after: Option<i64>,
) -> Answer<Response> {
    let cache = state.seat_cache().await;
    let body = auth
        .app
        .seats_json(cache.as_ref(), event, view, after)
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The seat map as data: sections, rows, seats and the event's counts.
#[utoipa::path(get, path = "/v1/events/{event}/map", tag = "seats",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), MapParams),
    responses(
        (status = 200, body = SeatMap),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn map(
    auth: Auth,
    AxState(state): AxState<Arc<State>>,
    Path(event): Path<String>,
    Query(q): Query<MapParams>,
) -> Answer<Response> {
    let view = View::Map {
        section: q.section.map(|s| names::nfc(&s)),
    };
    seats_view(&auth, &state, &event, view, q.after).await
}

/// Hold seats (by label, or the best N, or places of an area), all or nothing. With an
/// `Idempotency-Key` (this API key's own), a retry answers the hold made first (200).
#[utoipa::path(post, path = "/v1/events/{event}/holds", tag = "holds",
    params(
        ("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key and request answer the same hold"),
    ),
    request_body = HoldBody,
    responses(
        (status = 201, description = "Held", body = Held, headers(("Seatctl-Change-Id" = i64, description = "The id of the last change this made: `?after=` on a seat read makes the answer include it"))),
        (status = 200, description = "A replay of an Idempotency-Key", body = Held),
        (status = 409, description = "Seats taken (listed in `seats`), not enough seats, or the hold an Idempotency-Key made was released since", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown event or seats (with suggestions)", body = Problem, content_type = "application/problem+json"),
        (status = 400, description = "Bad input, or an Idempotency-Key this API key used for another request", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "A backend is down, or the outcome is unknown (`outcome`)", body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn hold(
    auth: Auth,
    Path(event): Path<String>,
    headers: HeaderMap,
    Body(body): Body<HoldBody>,
) -> Answer<Response> {
    auth.need(ApiRole::BoxOffice)?;
    // Keys are the caller's own: another API key's same key is another request, and never
    // answers (or describes) this caller's hold.
    let key = idempotency_key(&headers)?;
    let scoped = key.as_ref().map(|k| format!("{}:{k}", auth.caller.id));
    let best = body.best.map(|n| BestOrder {
        n,
        section: body.section.clone(),
        category: body.category.clone(),
        accessible: body.accessible.unwrap_or(0),
    });
    if best.is_none()
        && (body.section.is_some() || body.category.is_some() || body.accessible.is_some())
    {
        return Err(ApiError::invalid(
            "`section`, `category` and `accessible` go with `best`",
        ));
    }
    if body.seats.as_ref().is_none_or(Vec::is_empty) && body.best.is_none() && body.area.is_none() {
        return Err(ApiError::invalid(
            "say what to hold: `seats` (labels or ranges), `best` (a number of seats) or \
             `area` with `quantity`",
        ));
    }
    let area = match (body.area, body.quantity) {
        (Some(area), Some(quantity)) => Some(crate::app::AreaOrder { area, quantity }),
        (None, None) => None,
        _ => return Err(ApiError::invalid("`area` and `quantity` go together")),
    };
    let order = HoldOrder {
        event,
        seats: body.seats.unwrap_or_default(),
        best,
        area,
        ttl: duration(body.ttl.as_deref(), "ttl")?,
        holder: body.holder,
        idempotency_key: scoped.clone(),
        fault: None,
    };
    let held = match auth.app.hold(&order).await {
        Ok(held) => held,
        // Every try lost a race for these seats: a lost race names its seats (the ones asked
        // for), as a taken seat does.
        Err(e @ crate::error::Error::Contended(_)) if !order.seats.is_empty() => {
            let mut problem = ApiError::from(e);
            problem.extra.insert("seats".into(), json!(order.seats));
            return Err(problem);
        }
        Err(crate::error::Error::Invalid(msg)) if scoped.is_some() => {
            let (scoped, key) = (scoped.unwrap_or_default(), key.unwrap_or_default());
            return Err(crate::error::Error::Invalid(msg.replace(&scoped, &key)).into());
        }
        Err(e) => return Err(e.into()),
    };
    let status = if held.hold.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let (event_id, hold_id, change) = (held.hold.event_id, held.hold.hold_id, held.hold.change_id);
    Ok(with_change(&auth, event_id, hold_id, change, with_status(status, held)).await)
}

/// The header a write answers with: the id of the last change it made (its hold's, or its
/// reservation's), for a read that must include it (`?after=`).
pub const CHANGE_ID: &str = "seatctl-change-id";

/// `response` with [`CHANGE_ID`]: `known`, the change the write's own statement made, else
/// (a replay, or a write that changed nothing) the last change hold (or reservation) `id`
/// made, looked up. Left out when it made none or the lookup fails: the write is done either
/// way.
async fn with_change(
    auth: &Auth,
    event_id: uuid::Uuid,
    id: uuid::Uuid,
    known: Option<i64>,
    mut response: Response,
) -> Response {
    let change = match known {
        Some(change) => Some(change),
        None => auth.app.last_change_of(event_id, id).await.ok().flatten(),
    };
    if let Some(change) = change {
        response
            .headers_mut()
            .insert(CHANGE_ID, header::HeaderValue::from(change));
    }
    response
}

fn idempotency_key(headers: &HeaderMap) -> Answer<Option<String>> {
    match headers.get("idempotency-key") {
        None => Ok(None),
        Some(v) => {
            let key = v
                .to_str()
                .map_err(|_| ApiError::invalid("Idempotency-Key must be visible ASCII"))?
                .trim();
            if key.is_empty() || key.len() > 200 {
                return Err(ApiError::invalid(
                    "Idempotency-Key must be 1 to 200 characters",
                ));
            }
            Ok(Some(key.to_string()))
        }
    }
}

/// The event's holds, oldest first.
#[utoipa::path(get, path = "/v1/events/{event}/holds", tag = "holds",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), HoldsParams),
    responses(
        (status = 200, body = Vec<HoldRow>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn list_holds(
    auth: Auth,
    Path(event): Path<String>,
    Query(q): Query<HoldsParams>,
) -> Answer<Json<Vec<HoldRow>>> {
    const STATUSES: [&str; 5] = ["active", "expired", "reserved", "refunded", "released"];
    let filter = HoldFilter {
        holder: q.holder,
        status: status_filter(q.status.as_deref(), &STATUSES)?,
    };
    Ok(Json(auth.app.holds(&event, &filter).await?))
}

fn status_filter(given: Option<&str>, known: &[&'static str]) -> Answer<Option<&'static str>> {
    match given {
        None | Some("all") => Ok(None),
        Some(s) => known
            .iter()
            .find(|k| **k == s)
            .map(|k| Some(*k))
            .ok_or_else(|| {
                ApiError::invalid(format!("status `{s}`: use {} or all", known.join(", ")))
            }),
    }
}

/// The event's reservations, oldest first; by customer or reference.
#[utoipa::path(get, path = "/v1/events/{event}/reservations", tag = "reservations",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), ReservationsParams),
    responses(
        (status = 200, body = Vec<ReservationRow>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn list_reservations(
    auth: Auth,
    Path(event): Path<String>,
    Query(q): Query<ReservationsParams>,
) -> Answer<Json<Vec<ReservationRow>>> {
    let filter = ReservationFilter {
        customer: q.customer,
        reference: q.reference,
        status: status_filter(q.status.as_deref(), &["active", "released"])?,
    };
    Ok(Json(auth.app.reservations(&event, &filter).await?))
}

/// One hold: its state as the database's clock has it now, and its seats.
#[utoipa::path(get, path = "/v1/holds/{hold}", tag = "holds",
    params(("hold" = uuid::Uuid, Path, description = "The hold's id")),
    responses(
        (status = 200, body = HoldRow),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn show_hold(auth: Auth, Path(hold): Path<String>) -> Answer<Json<HoldRow>> {
    let hold = id(&hold, "hold")?;
    Ok(Json(auth.app.hold_by_id(hold).await?.1))
}

/// Extend an active hold to `ttl` from now (within `reservation.max_hold_lifetime`).
#[utoipa::path(post, path = "/v1/holds/{hold}/extend", tag = "holds",
    params(("hold" = uuid::Uuid, Path, description = "The hold's id")),
    request_body = ExtendBody,
    responses(
        (status = 200, body = HoldInfo),
        (status = 409, description = "Released, reserved, or at its lifetime", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The hold lapsed", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn extend(
    auth: Auth,
    Path(hold): Path<String>,
    Body(body): Body<ExtendBody>,
) -> Answer<Json<HoldInfo>> {
    auth.need(ApiRole::BoxOffice)?;
    let hold = id(&hold, "hold")?;
    let ttl = duration(body.ttl.as_deref(), "ttl")?;
    Ok(Json(auth.app.extend(hold, ttl).await?))
}

/// Release a hold, returning its seats to sale (a hold that became a reservation: 409; release
/// the reservation).
#[utoipa::path(delete, path = "/v1/holds/{hold}", tag = "holds",
    params(("hold" = uuid::Uuid, Path, description = "The hold's id")),
    responses(
        (status = 200, body = Released, headers(("Seatctl-Change-Id" = i64, description = "The id of the last change this made: `?after=` on a seat read makes the answer include it"))),
        (status = 409, description = "The hold has become a reservation", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn release_hold(auth: Auth, Path(hold): Path<String>) -> Answer<Response> {
    auth.need(ApiRole::BoxOffice)?;
    let hold = id(&hold, "hold")?;
    if auth.app.event_of_reservation(hold).await.is_ok() {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no hold {hold}: it is a reservation (DELETE /v1/reservations/{hold})"),
        ));
    }
    let by = auth.app.actor();
    let released = auth.app.release(hold, &by, false).await?;
    let (event_id, id, change) = (released.event_id, released.id, released.change_id);
    Ok(with_change(&auth, event_id, id, change, Json(released).into_response()).await)
}

/// Turn an active hold into a reservation; again, the same reservation (200).
#[utoipa::path(post, path = "/v1/holds/{hold}/reservation", tag = "reservations",
    params(("hold" = uuid::Uuid, Path, description = "The hold's id")),
    request_body = ReserveBody,
    responses(
        (status = 201, description = "Reserved", body = ReservationInfo, headers(("Seatctl-Change-Id" = i64, description = "The id of the last change this made: `?after=` on a seat read makes the answer include it"))),
        (status = 200, description = "Already reserved (the same sale)", body = ReservationInfo),
        (status = 409, description = "Released, or sold to another customer or reference", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The hold lapsed", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn reserve(
    auth: Auth,
    Path(hold): Path<String>,
    Body(body): Body<ReserveBody>,
) -> Answer<Response> {
    auth.need(ApiRole::BoxOffice)?;
    let hold = id(&hold, "hold")?;
    let by = auth.app.actor();
    let info = auth
        .app
        .reserve(
            hold,
            body.customer.as_deref(),
            body.reference.as_deref(),
            &by,
        )
        .await?;
    let status = if info.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let (event_id, hold_id, change) = (info.event_id, info.hold_id, info.change_id);
    Ok(with_change(&auth, event_id, hold_id, change, with_status(status, info)).await)
}

/// One reservation and its seats.
#[utoipa::path(get, path = "/v1/reservations/{reservation}", tag = "reservations",
    params(("reservation" = uuid::Uuid, Path, description = "The reservation's id")),
    responses(
        (status = 200, body = ReservationRow),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn show_reservation(
    auth: Auth,
    Path(reservation): Path<String>,
) -> Answer<Json<ReservationRow>> {
    let reservation = id(&reservation, "reservation")?;
    Ok(Json(auth.app.reservation_by_id(reservation).await?.1))
}

/// Release (refund) a whole reservation; again, nothing more (`already_released`).
#[utoipa::path(delete, path = "/v1/reservations/{reservation}", tag = "reservations",
    params(("reservation" = uuid::Uuid, Path, description = "The reservation's id")),
    responses(
        (status = 200, body = Released, headers(("Seatctl-Change-Id" = i64, description = "The id of the last change this made: `?after=` on a seat read makes the answer include it"))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn release_reservation(auth: Auth, Path(reservation): Path<String>) -> Answer<Response> {
    auth.need(ApiRole::BoxOffice)?;
    let res = id(&reservation, "reservation")?;
    auth.app.event_of_reservation(res).await?;
    let by = auth.app.actor();
    let released = auth.app.release(res, &by, false).await?;
    let (event_id, change) = (released.event_id, released.change_id);
    Ok(with_change(&auth, event_id, res, change, Json(released).into_response()).await)
}

/// A partial refund: return some seats of a reservation to sale, keep the rest sold.
#[utoipa::path(post, path = "/v1/reservations/{reservation}/refund", tag = "reservations",
    params(("reservation" = uuid::Uuid, Path, description = "The reservation's id")),
    request_body = RefundBody,
    responses(
        (status = 200, body = Released, headers(("Seatctl-Change-Id" = i64, description = "The id of the last change this made: `?after=` on a seat read makes the answer include it"))),
        (status = 400, description = "A seat not sold under this reservation, or listed twice", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn refund(
    auth: Auth,
    Path(reservation): Path<String>,
    Body(body): Body<RefundBody>,
) -> Answer<Response> {
    auth.need(ApiRole::BoxOffice)?;
    let res = id(&reservation, "reservation")?;
    auth.app.event_of_reservation(res).await?;
    if body.seats.is_empty() {
        return Err(ApiError::invalid("`seats` lists no seat to refund"));
    }
    let by = auth.app.actor();
    let released = auth.app.release_seats(res, &body.seats, &by, false).await?;
    let (event_id, change) = (released.event_id, released.change_id);
    Ok(with_change(&auth, event_id, res, change, Json(released).into_response()).await)
}

/// Take seats out of sale (house seats, broken seats, camera positions).
#[utoipa::path(post, path = "/v1/events/{event}/block", tag = "seats",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet")),
    request_body = BlockBody,
    responses(
        (status = 200, body = BlockChange),
        (status = 409, description = "Seats held or reserved", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn block(
    auth: Auth,
    Path(event): Path<String>,
    Body(body): Body<BlockBody>,
) -> Answer<Json<BlockChange>> {
    auth.need(ApiRole::Operator)?;
    if body.seats.is_empty() {
        return Err(ApiError::invalid("`seats` lists no seat"));
    }
    Ok(Json(
        auth.app.block(&event, &body.seats, &body.reason).await?,
    ))
}

/// Put blocked seats back on sale.
#[utoipa::path(post, path = "/v1/events/{event}/unblock", tag = "seats",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet")),
    request_body = UnblockBody,
    responses(
        (status = 200, body = BlockChange),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn unblock(
    auth: Auth,
    Path(event): Path<String>,
    Body(body): Body<UnblockBody>,
) -> Answer<Json<BlockChange>> {
    auth.need(ApiRole::Operator)?;
    if body.seats.is_empty() {
        return Err(ApiError::invalid("`seats` lists no seat"));
    }
    Ok(Json(auth.app.unblock(&event, &body.seats).await?))
}

/// Sales by section and category, holds lapsing soon, sales by the hour.
#[utoipa::path(get, path = "/v1/events/{event}/report", tag = "reports",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), ReportParams),
    responses(
        (status = 200, body = EventReport),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn report(
    auth: Auth,
    Path(event): Path<String>,
    Query(q): Query<ReportParams>,
) -> Answer<Json<EventReport>> {
    let within = duration(q.within.as_deref(), "within")?.unwrap_or(HumanDuration::secs(600));
    Ok(Json(auth.app.report(&event, within).await?))
}

/// Every seat with its status, holder, customer and reference.
#[utoipa::path(get, path = "/v1/events/{event}/export", tag = "reports",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet")),
    responses(
        (status = 200, body = Vec<ExportSeat>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn export(auth: Auth, Path(event): Path<String>) -> Answer<Json<Vec<ExportSeat>>> {
    Ok(Json(auth.app.export(&event).await?))
}

/// The event's seat changes, oldest first (of one seat with `seat`).
#[utoipa::path(get, path = "/v1/events/{event}/history", tag = "reports",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"), HistoryParams),
    responses(
        (status = 200, body = Vec<HistoryEntry>),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn history(
    auth: Auth,
    Path(event): Path<String>,
    Query(q): Query<HistoryParams>,
) -> Answer<Json<Vec<HistoryEntry>>> {
    Ok(Json(auth.app.history(&event, q.seat.as_deref()).await?))
}

/// Check the event for double bookings and records that disagree (`ok: false` if any).
#[utoipa::path(get, path = "/v1/events/{event}/audit", tag = "reports",
    params(("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet")),
    responses(
        (status = 200, body = Audited),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn audit(auth: Auth, Path(event): Path<String>) -> Answer<Json<Audited>> {
    Ok(Json(auth.app.audit(&event).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesParams {
    /// Only this section's changes (in any case).
    pub section: Option<String>,
    /// Start after the change with this id (as `Last-Event-ID` does; the header wins).
    pub after: Option<i64>,
}

/// Follow the event's seat changes as they are committed, by any process (Server-Sent Events).
///
/// `text/event-stream`: `event: change`, `id:` the change's history id, `data:` a
/// [`SeatChange`]; `event: layout` (data `{"layout_version": N}`) when the event's layout was
/// imported again (within a second): read its seats again. From now, or after the change `Last-Event-ID` (or `?after=`) names: a
/// client that reconnects with the last id the stream gave misses nothing and gets nothing
/// twice. A comment every `server.keep_alive` (15 s) keeps idle streams open. The stream ends
/// with a last event of its own kind: `shutdown` (the server is stopping: reconnect, to another
/// replica), `dropped` (the client read too slowly to keep up: reconnect with the last id), or
/// `error` (the event was deleted, or the database is down: reconnect with the last id later);
/// its data is a [`StreamEnd`].
#[utoipa::path(get, path = "/v1/events/{event}/changes", tag = "seats",
    params(
        ("event" = String, Path, description = "Event id, name, or unique name prefix", example = "Hamlet"),
        ChangesParams,
        ("Last-Event-ID" = Option<i64>, Header, description = "Resume after this change id"),
    ),
    responses(
        (status = 200, description = "A stream of `change` events, each a SeatChange (and `layout` events when the layout is imported again), ended by `shutdown`, `dropped` or `error` (a StreamEnd)", content_type = "text/event-stream", body = SeatChange),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn changes(
    auth: Auth,
    AxState(state): AxState<Arc<State>>,
    Path(event): Path<String>,
    Query(q): Query<ChangesParams>,
    headers: HeaderMap,
) -> Answer<Response> {
    use futures_util::StreamExt;

    use crate::app::changes::Next;

    let after = match headers.get("last-event-id") {
        Some(v) => Some(
            v.to_str()
                .ok()
                .and_then(|v| v.trim().parse::<i64>().ok())
                .filter(|id| *id > 0)
                .ok_or_else(|| {
                    ApiError::invalid("Last-Event-ID must be the id of a change (a number)")
                })?,
        ),
        None => q.after,
    };
    let feed = state.feed().await?;
    let (_, _, follower) = auth
        .app
        .follow_changes(&feed, &event, q.section.as_deref(), after)
        .await?;
    let end = |kind: &str, reason: &str, last: Option<i64>| {
        let body = StreamEnd {
            reason: reason.to_string(),
            last_id: last,
        };
        let data = serde_json::to_string(&body).expect("a StreamEnd serialises");
        let mut frame = Vec::new();
        sse_frame(&mut frame, kind, None, &data);
        Bytes::from(frame)
    };
    let stop = state.stop.clone();
    let keep_alive = state.keep_alive;
    let open = StreamOpen::new();
    // Each batch of changes goes out as one chunk (one write for however many changes), each
    // change's JSON serialised once for every stream of this process.
    let stream = futures_util::stream::unfold(Some((follower, stop)), move |going| async move {
        let (mut follower, mut stop) = going?;
        // `None`: nothing to tell for a while.
        let next = tokio::select! {
            _ = stop.wait_for(|s| *s) => {
                let last = follower.last_id();
                return Some((end("shutdown", "the server is stopping: reconnect", last), None));
            }
            () = tokio::time::sleep(keep_alive) => None,
            next = follower.next() => Some(next),
        };
        let Some(next) = next else {
            // A comment keeps proxies from closing an idle stream.
            return Some((Bytes::from_static(b":\n\n"), Some((follower, stop))));
        };
        match next {
            Ok(Next::Changes(changes) | Next::Missed(changes)) => {
                // Rendered once for every stream of this process given the same page.
                let frame = changes.rendered(|told| {
                    let mut frame =
                        Vec::with_capacity(told.iter().map(|c| c.json.len() + 40).sum());
                    for c in told {
                        sse_frame(&mut frame, "change", Some(c.change.id), &c.json);
                    }
                    Bytes::from(frame)
                });
                Some((frame, Some((follower, stop))))
            }
            Ok(Next::Relayout(version)) => {
                let mut frame = Vec::new();
                let data = json!({ "layout_version": version }).to_string();
                sse_frame(&mut frame, "layout", None, &data);
                Some((Bytes::from(frame), Some((follower, stop))))
            }
            Ok(Next::Lagged) => {
                metrics::counter!(crate::metrics::SSE_DROPPED).increment(1);
                let last = follower.last_id();
                let why = "too slow to keep up: reconnect with Last-Event-ID";
                Some((end("dropped", why, last), None))
            }
            Err(e) => {
                let last = follower.last_id();
                Some((end("error", &e.to_string(), last), None))
            }
        }
    })
    .map(move |chunk| {
        // The stream owns the count of open streams: dropped (ended, or its client gone), it
        // counts one less.
        let _open = &open;
        Ok::<_, std::convert::Infallible>(chunk)
    });
    Ok((
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        axum::body::Body::from_stream(stream),
    )
        .into_response())
}

/// Appends one Server-Sent Event: `event: KIND`, `id: ID` (if any), `data: DATA` (one line:
/// JSON never holds a raw line break), and the blank line that ends it.
fn sse_frame(out: &mut Vec<u8>, kind: &str, id: Option<i64>, data: &str) {
    use std::io::Write;
    let _ = writeln!(out, "event: {kind}");
    if let Some(id) = id {
        let _ = writeln!(out, "id: {id}");
    }
    let _ = write!(out, "data: {data}\n\n");
}

/// One open change stream, counted in [`crate::metrics::SSE_CLIENTS`] while it lives.
struct StreamOpen;

impl StreamOpen {
    fn new() -> StreamOpen {
        metrics::gauge!(crate::metrics::SSE_CLIENTS).increment(1.0);
        StreamOpen
    }
}

impl Drop for StreamOpen {
    fn drop(&mut self) {
        metrics::gauge!(crate::metrics::SSE_CLIENTS).decrement(1.0);
    }
}

/// The data of a change stream's last event (`shutdown`, `dropped` or `error`).
#[derive(Debug, serde::Serialize, serde::Deserialize, ToSchema)]
#[schema(example = json!({"reason": "the server is stopping: reconnect", "last_id": 1042}))]
pub struct StreamEnd {
    pub reason: String,
    /// The last change id sent: reconnect with it as `Last-Event-ID`.
    pub last_id: Option<i64>,
}

/// This process's metrics in Prometheus' text format (any key's role may read them); the
/// names are in the README's "Metrics" section.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses(
        (status = 200, description = "Prometheus text exposition format 0.0.4", content_type = "text/plain", body = String),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ), security(("api_key" = [])))]
pub async fn metrics(_auth: Auth, AxState(state): AxState<Arc<State>>) -> Answer<Response> {
    use crate::metrics as m;
    if let Ok(store) = state.app.store().await {
        let (size, idle) = store.pool_stats();
        metrics::gauge!(m::DB_CONNECTIONS, "state" => "idle").set(idle as f64);
        metrics::gauge!(m::DB_CONNECTIONS, "state" => "in_use")
            .set(size.saturating_sub(idle as u32) as f64);
    }
    let text = state
        .metrics
        .as_ref()
        .map(|h| h.render())
        .unwrap_or_default();
    Ok((
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response())
}

/// What `/health` and `/ready` answer.
#[derive(Debug, serde::Serialize, ToSchema)]
#[schema(example = json!({"status": "ok", "database": "ok", "redis": null}))]
pub struct Health {
    /// `ok`.
    pub status: String,
    /// `/ready`: `ok` when the database answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    pub database: Option<String>,
    /// `/ready` under the redis strategy: `ok` when Redis answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    pub redis: Option<String>,
}

/// The process is up (no key needed).
#[utoipa::path(get, path = "/health", tag = "operations",
    responses((status = 200, body = Health)))]
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        database: None,
        redis: None,
    })
}

/// The database (and, under the redis strategy, Redis) answer, and the server is not shutting
/// down (no key needed).
#[utoipa::path(get, path = "/ready", tag = "operations",
    responses(
        (status = 200, body = Health),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn ready(AxState(state): AxState<Arc<State>>) -> Answer<Json<Health>> {
    if state.stopping() {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "backend_unavailable",
            "shutting down",
        ));
    }
    state.app.store().await?.ping().await?;
    let redis = if state.app.settings.strategy == crate::config::Strategy::Redis {
        state.app.check_redis().await?;
        Some("ok".to_string())
    } else {
        None
    };
    Ok(Json(Health {
        status: "ok".into(),
        database: Some("ok".into()),
        redis,
    }))
}
