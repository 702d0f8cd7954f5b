//! `seatctl serve`: the HTTP front end. JSON under `/v1` over the application layer (the same
//! result types as `--json`), errors as RFC 9457 problems, API keys with roles, the OpenAPI
//! document at `/openapi.json` and Swagger UI at `/api`, `/health` and `/ready`, request logs,
//! a request timeout, a body limit, and a graceful shutdown.

mod extract;
pub mod problem;
pub mod routes;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

use crate::app::changes::ChangeFeed;
use crate::app::seat_cache::SeatCache;
use crate::app::{Caller, Session};
use crate::config::ServerConfig;
use crate::error::{Error, Result};
use problem::ApiError;

/// What every request handler shares: the session (settings, pool, locks) and the key cache.
pub struct State {
    pub app: Session,
    keys: KeyCache,
    stopping: AtomicBool,
    /// Turns `true` when a shutdown begins: open change streams end then.
    stop: tokio::sync::watch::Receiver<bool>,
    /// The process's change feed, started by the first change stream.
    feed: tokio::sync::OnceCell<Arc<ChangeFeed>>,
    /// `server.keep_alive`.
    keep_alive: Duration,
    /// `server.seat_cache`: the seat cache, made by the first seat read.
    seat_cache: Option<tokio::sync::OnceCell<Arc<SeatCache>>>,
    /// What `/metrics` renders (`None` when another recorder was installed first).
    metrics: Option<metrics_exporter_prometheus::PrometheusHandle>,
}

impl State {
    /// Whether a shutdown has begun (`/ready` answers 503 from then on).
    pub fn stopping(&self) -> bool {
        self.stopping.load(Ordering::Relaxed)
    }

    /// The process's change feed (one listener for all its streams). Errors: 503 when the
    /// database is down.
    pub async fn feed(&self) -> Result<Arc<ChangeFeed>> {
        self.feed
            .get_or_try_init(|| self.app.change_feed(true))
            .await
            .cloned()
    }

    /// The process's seat cache, when `server.seat_cache` is on and the database could be
    /// reached to start it (else reads go to the database).
    pub async fn seat_cache(&self) -> Option<Arc<SeatCache>> {
        let cell = self.seat_cache.as_ref()?;
        cell.get_or_try_init(|| async {
            let feed = self.feed().await?;
            self.app.seat_cache(feed).await
        })
        .await
        .ok()
        .cloned()
    }
}

/// Callers by key, remembered for `server.api_key_cache` so that a request costs no extra
/// database round trip; a revoked key is refused within that time on every replica. Keys
/// that are not (or no longer) active are never remembered.
struct KeyCache {
    ttl: Duration,
    known: Mutex<HashMap<String, (Caller, Instant)>>,
}

impl KeyCache {
    async fn caller(&self, app: &Session, key: &str) -> Result<Option<Caller>> {
        if !self.ttl.is_zero()
            && let Some((caller, at)) = self.known.lock().expect("key cache").get(key)
            && at.elapsed() < self.ttl
        {
            return Ok(Some(caller.clone()));
        }
        let found = app.authenticate(key).await?;
        let mut known = self.known.lock().expect("key cache");
        match &found {
            Some(caller) if !self.ttl.is_zero() => {
                // Bounded: a flood of distinct valid keys cannot grow it without end.
                if known.len() > 10_000 {
                    known.clear();
                }
                known.insert(key.to_string(), (caller.clone(), Instant::now()));
            }
            _ => {
                known.remove(key);
            }
        }
        Ok(found)
    }
}

/// The OpenAPI 3.1 document, generated from the handlers and their types.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "seatctl",
        description = "Sell seats at events without ever selling one twice: events, layouts, \
            holds, reservations, refunds, reports and the audit, over the same core as the \
            `seatctl` command line. Every call but `/health` and `/ready` needs \
            `Authorization: Bearer KEY` (`seatctl apikey create`). Errors are RFC 9457 \
            problems (`application/problem+json`) carrying the CLI's `code`.",
        license(name = "MIT OR Apache-2.0"),
    ),
    paths(
        routes::create_event, routes::list_events, routes::show_event, routes::delete_event,
        routes::put_layout, routes::seats, routes::map, routes::hold, routes::list_holds,
        routes::list_reservations, routes::show_hold, routes::extend, routes::release_hold,
        routes::reserve, routes::show_reservation, routes::release_reservation, routes::refund,
        routes::block, routes::unblock, routes::report, routes::export, routes::history,
        routes::audit, routes::changes, routes::health, routes::ready, routes::metrics,
    ),
    modifiers(&BearerKeys, &CommonErrors),
    tags(
        (name = "events", description = "Events and their layouts"),
        (name = "seats", description = "Seats, the seat map, blocks"),
        (name = "holds", description = "Holding seats for a limited time"),
        (name = "reservations", description = "Sales and refunds"),
        (name = "reports", description = "Reports, export, history, audit"),
        (name = "operations", description = "Health and readiness"),
    )
)]
pub struct ApiDoc;

struct BearerKeys;

impl utoipa::Modify for BearerKeys {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API key from `seatctl apikey create`"))
                    .build(),
            ),
        );
    }
}

/// The errors every operation can answer, documented on each that does not say them itself:
/// 400, 401 and 503 on every `/v1` call, 404 on those naming an event, hold or reservation,
/// 403 on every change, and on those with a body 413 (larger than `server.max_body_bytes`),
/// 415 (not a documented media type) and 422 (JSON of the wrong shape).
struct CommonErrors;

impl utoipa::Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::HttpMethod;
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = |what: &str| {
            ResponseBuilder::new()
                .description(what)
                .content(
                    problem::PROBLEM_JSON,
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            if !path.starts_with("/v1") {
                continue;
            }
            let ops = [
                (HttpMethod::Get, item.get.as_mut()),
                (HttpMethod::Post, item.post.as_mut()),
                (HttpMethod::Put, item.put.as_mut()),
                (HttpMethod::Delete, item.delete.as_mut()),
            ];
            for (method, op) in ops {
                let Some(op) = op else { continue };
                let mut add = |status: &str, what: &str| {
                    op.responses
                        .responses
                        .entry(status.to_string())
                        .or_insert_with(|| problem(what).into());
                };
                add(
                    "400",
                    "Bad input: a malformed parameter or id, an event name prefix that matches \
                     several events",
                );
                if path.contains('{') {
                    add("404", "No such event, hold or reservation");
                }
                add("401", "No API key, or not an active one");
                add(
                    "503",
                    "The database or Redis is down or slow (`Retry-After`); for a change, \
                     `outcome: unknown` when it may have taken effect",
                );
                if method != HttpMethod::Get {
                    add("403", "The key's role may not do this");
                }
                if op.request_body.is_some() {
                    add("400", "Bad input, or a body that is not JSON");
                    add("413", "The body is larger than server.max_body_bytes");
                    add("415", "The body is not of a documented media type");
                    if method != HttpMethod::Put {
                        add("422", "JSON of the wrong shape");
                    }
                }
            }
        }
    }
}

/// The OpenAPI document as served at `/openapi.json` and committed as `docs/openapi.json`.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .expect("the OpenAPI document serialises")
}

/// The application: every route, with its layers (outermost first): request logs, problem
/// answers for bare error statuses, the request timeout, the body limit.
pub fn router(state: Arc<State>, cfg: &ServerConfig) -> Router {
    use routes as r;
    let spec = ApiDoc::openapi();
    let v1 = Router::new()
        .route("/v1/events", get(r::list_events).post(r::create_event))
        .route(
            "/v1/events/{event}",
            get(r::show_event).delete(r::delete_event),
        )
        .route(
            "/v1/events/{event}/layout",
            axum::routing::put(r::put_layout),
        )
        .route("/v1/events/{event}/seats", get(r::seats))
        .route("/v1/events/{event}/map", get(r::map))
        .route("/v1/events/{event}/holds", get(r::list_holds).post(r::hold))
        .route("/v1/events/{event}/reservations", get(r::list_reservations))
        .route("/v1/events/{event}/block", post(r::block))
        .route("/v1/events/{event}/unblock", post(r::unblock))
        .route("/v1/events/{event}/report", get(r::report))
        .route("/v1/events/{event}/export", get(r::export))
        .route("/v1/events/{event}/history", get(r::history))
        .route("/v1/events/{event}/audit", get(r::audit))
        .route("/v1/events/{event}/changes", get(r::changes))
        .route(
            "/v1/holds/{hold}",
            get(r::show_hold).delete(r::release_hold),
        )
        .route("/v1/holds/{hold}/extend", post(r::extend))
        .route("/v1/holds/{hold}/reservation", post(r::reserve))
        .route(
            "/v1/reservations/{reservation}",
            get(r::show_reservation).delete(r::release_reservation),
        )
        .route("/v1/reservations/{reservation}/refund", post(r::refund))
        .route("/health", get(r::health))
        .route("/ready", get(r::ready))
        .route("/metrics", get(r::metrics))
        .route_layer(axum::middleware::from_fn(mark_route))
        .with_state(state);
    let docs = utoipa_swagger_ui::SwaggerUi::new("/api").url("/openapi.json", spec);
    Router::new()
        .merge(v1)
        .merge(docs)
        .fallback(|| async { ApiError::from_status(StatusCode::NOT_FOUND) })
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            cfg.max_body_bytes as usize,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            cfg.request_timeout.0,
        ))
        .layer(axum::middleware::from_fn(problem_for_bare_errors))
        .layer(axum::middleware::from_fn(log_request))
}

/// The route a request matched (its path template), handed out to [`log_request`] with the
/// response: routing happens inside the layers that log.
#[derive(Clone)]
struct Route(axum::extract::MatchedPath);

async fn mark_route(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .cloned()
        .map(Route);
    let mut response = next.run(req).await;
    if let Some(route) = route {
        response.extensions_mut().insert(route);
    }
    response
}

/// Installs the Prometheus recorder for this process (histograms with fixed buckets, in
/// seconds, so replicas' series add up) and keeps it tidy every 5 s. `None` if a recorder is
/// already installed.
fn install_metrics() -> Option<metrics_exporter_prometheus::PrometheusHandle> {
    const BUCKETS: &[f64] = &[
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ];
    let handle = metrics_exporter_prometheus::PrometheusBuilder::new()
        .set_buckets(BUCKETS)
        .ok()?
        .install_recorder()
        .ok()?;
    use crate::metrics as m;
    use metrics::Unit;
    metrics::describe_counter!(m::HTTP_REQUESTS, "HTTP requests answered");
    metrics::describe_histogram!(m::HTTP_DURATION, Unit::Seconds, "Time to answer a request");
    metrics::describe_counter!(m::HOLDS, "Holds made or replayed");
    metrics::describe_counter!(m::RESERVATIONS, "Sales made or replayed");
    metrics::describe_counter!(m::RELEASES, "Holds and reservations released, refunds");
    metrics::describe_counter!(
        m::CONFLICTS,
        "Requests refused: seats taken, a lost race, a lapsed hold"
    );
    metrics::describe_counter!(m::LOCK_BUSY, "Tries that found a seat lock held elsewhere");
    metrics::describe_counter!(
        m::LOCK_LOST,
        "Seat leases lapsed or taken over before release"
    );
    metrics::describe_gauge!(m::DB_CONNECTIONS, "Database pool connections");
    metrics::describe_gauge!(m::SSE_CLIENTS, "Open change streams");
    metrics::describe_counter!(
        m::SSE_DROPPED,
        "Change streams dropped for reading too slowly"
    );
    metrics::describe_counter!(m::CHANGES, "Changes read by the change feed");
    metrics::describe_counter!(m::SEAT_READS, "Seat lists and maps served, by where from");
    for from in ["memory", "database"] {
        metrics::counter!(m::SEAT_READS, "from" => from).increment(0);
    }
    metrics::describe_histogram!(
        m::CHANGE_LAG,
        Unit::Seconds,
        "From a change's transaction to its reading here"
    );
    // Series without labels exist from the start (at 0), so a dashboard shows them before the
    // first event.
    for name in [m::LOCK_BUSY, m::LOCK_LOST, m::SSE_DROPPED, m::CHANGES] {
        metrics::counter!(name).increment(0);
    }
    metrics::gauge!(m::SSE_CLIENTS).set(0.0);
    let upkeep = handle.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
            upkeep.run_upkeep();
        }
    });
    Some(handle)
}

/// Counts a request in the metrics (see [`crate::metrics`]): every request by route and
/// status, its latency, and what the selling routes did.
fn measure(method: &axum::http::Method, route: &str, status: StatusCode, took: Duration) {
    use crate::metrics as m;
    let status_label = status.as_u16().to_string();
    // Labels from a fixed set: a client sending made-up methods or paths cannot grow the
    // series without bound.
    let method_label: &'static str = match method.as_str() {
        "GET" => "GET",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "HEAD" => "HEAD",
        "OPTIONS" => "OPTIONS",
        "PATCH" => "PATCH",
        _ => "other",
    };
    metrics::counter!(m::HTTP_REQUESTS, "method" => method_label, "route" => route.to_string(), "status" => status_label).increment(1);
    metrics::histogram!(m::HTTP_DURATION, "method" => method_label, "route" => route.to_string())
        .record(took.as_secs_f64());
    let outcome = match status {
        StatusCode::CREATED => "made",
        StatusCode::OK => "replayed",
        _ => "",
    };
    match (method.as_str(), route, status.as_u16()) {
        ("POST", "/v1/events/{event}/holds", 200 | 201) => {
            metrics::counter!(m::HOLDS, "outcome" => outcome).increment(1);
        }
        ("POST", "/v1/holds/{hold}/reservation", 200 | 201) => {
            metrics::counter!(m::RESERVATIONS, "outcome" => outcome).increment(1);
        }
        ("DELETE", "/v1/holds/{hold}", 200) => {
            metrics::counter!(m::RELEASES, "what" => "hold").increment(1);
        }
        ("DELETE", "/v1/reservations/{reservation}", 200) => {
            metrics::counter!(m::RELEASES, "what" => "reservation").increment(1);
        }
        ("POST", "/v1/reservations/{reservation}/refund", 200) => {
            metrics::counter!(m::RELEASES, "what" => "refund").increment(1);
        }
        (_, _, 409 | 410) => {
            metrics::counter!(m::CONFLICTS, "operation" => format!("{method} {route}"))
                .increment(1);
        }
        _ => {}
    }
}

/// One log line per request, at info: method, path (never the query, which may hold a
/// customer's name), status and latency in ms. One event and no span, so that logging costs
/// little beside the request. Also counts the request in the metrics.
async fn log_request(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let response = next.run(req).await;
    let route = response.extensions().get::<Route>().map(|r| r.0.as_str());
    measure(
        &method,
        route.unwrap_or("unmatched"),
        response.status(),
        started.elapsed(),
    );
    tracing::info!(
        target: "seatctl::http",
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        latency_ms = (started.elapsed().as_secs_f64() * 1e5).round() / 100.0,
        "request"
    );
    response
}

/// Error statuses answered without a problem body (a body too large, a method not allowed,
/// a timeout) get one, so every error a client sees is `application/problem+json`.
async fn problem_for_bare_errors(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(problem::PROBLEM_JSON.as_bytes()));
    if (status.is_client_error() || status.is_server_error()) && !is_problem {
        let allow = response.headers().get(header::ALLOW).cloned();
        let mut answer = ApiError::from_status(status).into_response();
        if let Some(allow) = allow {
            answer.headers_mut().insert(header::ALLOW, allow);
        }
        return answer;
    }
    response
}

/// How `seatctl serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub listen: SocketAddr,
    pub config: ServerConfig,
    /// How long an API key is remembered (0: every request looks it up).
    pub key_cache: Duration,
}

/// What a server did, told when it stops.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Served {
    pub listen: String,
    /// `true` when requests in flight finished within `server.shutdown_timeout`.
    pub drained: bool,
}

/// Serves until SIGTERM or Ctrl-C, then stops accepting connections, gives requests in flight
/// `server.shutdown_timeout` to finish, and closes the database pool. The address actually
/// bound (port 0 picks a free one) is printed on stderr as `listening on http://ADDR`.
/// Errors: exit 2 (the address cannot be bound), 6 (the database or Redis is down at start).
pub async fn serve(app: Session, opts: ServeOptions) -> Result<Served> {
    // Open the pool and the locks once: every request's session shares them.
    let store = app.store().await?;
    app.reserver().await?;
    let listener = tokio::net::TcpListener::bind(opts.listen)
        .await
        .map_err(|e| Error::invalid(format!("cannot listen on {}: {e}", opts.listen)))?;
    let bound = listener
        .local_addr()
        .map_err(|e| Error::Internal(e.into()))?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let state = Arc::new(State {
        // Requests name the same few events thousands of times a second: a hold naming its
        // event by id reads it from memory for up to 1 s (a failure as if it had changed
        // reads it afresh).
        app: app.with_event_cache(Duration::from_secs(1)),
        keys: KeyCache {
            ttl: opts.key_cache,
            known: Mutex::new(HashMap::new()),
        },
        stopping: AtomicBool::new(false),
        stop: stop_rx.clone(),
        feed: tokio::sync::OnceCell::new(),
        keep_alive: opts.config.keep_alive.0,
        seat_cache: opts.config.seat_cache.then(tokio::sync::OnceCell::new),
        metrics: install_metrics(),
    });
    let router = router(state.clone(), &opts.config);
    let signalled = {
        let state = state.clone();
        let stop = crate::stop_signal();
        async move {
            stop.await;
            state.stopping.store(true, Ordering::Relaxed);
            tracing::info!("shutting down: finishing requests in flight");
            let _ = stop_tx.send(true);
        }
    };
    eprintln!("listening on http://{bound}");
    tracing::info!(%bound, "listening");
    // Answers go out at once (no Nagle delay waiting for more to send).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let server = axum::serve(listener, router).with_graceful_shutdown(signalled);
    let bound_wait = async {
        let mut rx = stop_rx;
        let _ = rx.wait_for(|s| *s).await;
        tokio::time::sleep(opts.config.shutdown_timeout.0).await;
    };
    let drained = tokio::select! {
        done = server => {
            done.map_err(|e| Error::Internal(e.into()))?;
            true
        }
        _ = bound_wait => {
            tracing::warn!("requests still in flight after server.shutdown_timeout: stopping anyway");
            false
        }
    };
    // Connections still checked out by requests that were cut off are not waited for.
    let _ = tokio::time::timeout(Duration::from_secs(1), store.close()).await;
    Ok(Served {
        listen: bound.to_string(),
        drained,
    })
}
