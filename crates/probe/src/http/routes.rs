//! Route handlers: each reads its input, calls core or the engine, and
//! answers JSON (or an event stream for `/v1/probe` with
//! `Accept: text/event-stream`).

use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::sse::Event;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use smtp_doctor_core::Config;
use smtp_doctor_core::report::{Report, Step};
use smtp_doctor_core::wire::SmtpAddress;

use super::body::SecretJson;
use super::caller::Caller;
use super::sse;
use super::{ApiError, AppState};
use crate::engine::{Check, ProbeRequest};

/// `ok`, or `degraded` while the shared limits' Redis is away (this
/// replica then enforces its own limits).
fn status(state: &AppState) -> &'static str {
    match &state.settings().shared {
        Some(shared) if !shared.is_up() => "degraded",
        _ => "ok",
    }
}

/// `GET /healthz`: liveness, 200 even when degraded.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = super::openapi::Health)))]
pub(super) async fn healthz(State(state): State<AppState>) -> Json<Value> {
    Json(json!({ "status": status(&state), "version": smtp_doctor_core::VERSION }))
}

/// `GET /readyz`: for a load balancer. Ready whenever this replica can
/// take probes, degraded included: taking every replica out when Redis is
/// away would turn a weaker limit into an outage.
#[utoipa::path(get, path = "/readyz", responses((status = 200, body = super::openapi::Health)))]
pub(super) async fn readyz(State(state): State<AppState>) -> Json<Value> {
    Json(json!({
        "status": status(&state),
        "version": smtp_doctor_core::VERSION,
        "sharedLimits": state.settings().shared.as_ref().map(super::shared::Shared::is_up),
    }))
}

/// `GET /metrics`: Prometheus text.
#[utoipa::path(get, path = "/metrics", responses((status = 200, description = "Prometheus text exposition", content_type = "text/plain")))]
pub(super) async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let mut text = state.metrics().render();
    if let Some(shared) = &state.settings().shared {
        use std::fmt::Write as _;
        let _ = write!(
            text,
            "# HELP smtp_doctor_redis_up Whether the shared limits' Redis answers (0: this replica's own limits apply).\n\
             # TYPE smtp_doctor_redis_up gauge\nsmtp_doctor_redis_up {}\n\
             # HELP smtp_doctor_redis_errors_total Redis commands that failed or timed out.\n\
             # TYPE smtp_doctor_redis_errors_total counter\nsmtp_doctor_redis_errors_total {}\n",
            u8::from(shared.is_up()),
            shared.errors()
        );
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}

/// `POST /v1/validate`: config → `{ "diagnostics": [...] }`.
#[utoipa::path(post, path = "/v1/validate", request_body = super::openapi::ConfigInput,
    security((), ("apiKey" = [])),
    responses(
        (status = 200, body = super::openapi::ValidateResponse),
        (status = 400, body = super::openapi::ErrorBody), (status = 401, body = super::openapi::ErrorBody),
        (status = 413, body = super::openapi::ErrorBody), (status = 415, body = super::openapi::ErrorBody),
    ))]
pub(super) async fn validate(
    Caller { locale, .. }: Caller,
    SecretJson(config): SecretJson,
) -> Result<Response, ApiError> {
    let mut diagnostics = smtp_doctor_core::validate_json(&config.settings());
    smtp_doctor_core::i18n::localize(&mut diagnostics, locale);
    Ok(in_language(
        Json(json!({ "diagnostics": diagnostics })).into_response(),
        locale,
    ))
}

/// Says which language the texts are in, and that caches must key on it.
fn in_language(mut response: Response, locale: &'static str) -> Response {
    use axum::http::{HeaderValue, header};
    let h = response.headers_mut();
    h.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(locale));
    h.append(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

/// `GET /v1/info`: what a page needs to explain the probe to a customer.
#[utoipa::path(get, path = "/v1/info", security((), ("apiKey" = [])),
    responses((status = 200, body = super::openapi::InfoResponse), (status = 401, body = super::openapi::ErrorBody)))]
pub(super) async fn info(State(state): State<AppState>) -> Json<Value> {
    let opts = state.engine().options();
    let s = state.settings();
    Json(json!({
        "version": smtp_doctor_core::VERSION,
        "egressIps": opts.egress_ips,
        "allowedPorts": opts.policy.ports.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "limits": {
            "probesPerMinute": s.probes_per_minute,
            "sendsPerHour": s.sends_per_hour,
            "concurrentProbes": s.max_probes,
            "perTarget": s.per_target,
            "stepTimeoutSeconds": opts.timeout.as_secs_f64(),
            "deadlineSeconds": opts.deadline.as_secs_f64(),
            "maxBodyBytes": super::MAX_BODY_BYTES,
        },
        "apiKeyRequired": !s.api_keys.is_empty(),
        // The checks this service runs (`arrival` needs its inbox).
        "checks": Check::ALL
            .iter()
            .filter(|c| **c != Check::Arrival || state.engine().inbox().is_some())
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        "arrivalWaitSeconds": opts.arrival_wait.as_secs_f64(),
    }))
}

/// `POST /v1/probe`: validate, then probe; 200 with the report whenever
/// the probe ran, whatever it found. With `Accept: text/event-stream`, one
/// `step` event per finished step, then a `report` event.
#[utoipa::path(post, path = "/v1/probe", request_body = super::openapi::ProbeRequestBody,
    security((), ("apiKey" = [])),
    responses(
        (status = 200, description = "The report (JSON), or `step` events then a `report` event (text/event-stream)",
            content((Report = "application/json"), (Step = "text/event-stream"))),
        (status = 400, body = super::openapi::ErrorBody), (status = 401, body = super::openapi::ErrorBody),
        (status = 403, body = super::openapi::ErrorBody), (status = 413, body = super::openapi::ErrorBody),
        (status = 415, body = super::openapi::ErrorBody),
        (status = 429, body = super::openapi::ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, body = super::openapi::ErrorBody),
    ))]
pub(super) async fn probe(
    State(state): State<AppState>,
    Caller {
        key: client,
        locale,
    }: Caller,
    headers: HeaderMap,
    body: SecretJson,
) -> Result<Response, ApiError> {
    // Both the body and the request wipe their strings when dropped.
    let mut request: ProbeRequest = body.parse("probe request")?;
    drop(body);
    request.locale = locale;
    state.check_probe_rate(&client).await?;
    if Check::wanted(&request.checks, Check::Sender) {
        check_recipient(&state, &request)?;
    }
    if request.checks.contains(&Check::Arrival) && state.engine().inbox().is_none() {
        return Err(ApiError::BadRequest(
            "this service has no inbox for the arrival check (serve --inbox-domain)".into(),
        ));
    }
    // Both put a message on the relay's queue: one budget.
    if request.checks.contains(&Check::Send) || request.checks.contains(&Check::Arrival) {
        state.check_send_rate(&client).await?;
    }
    let slot = state.admit_probe().await?;
    let engine = state.engine().clone();
    if !sse::wanted(&headers) {
        // Runs in the handler: a client that hangs up drops this future,
        // and with it the probe and its slots.
        let admission = Admission::new(state.clone(), None);
        let mut report = engine
            .probe_admitted(&request, &mut |_: &Step| {}, &mut |ips| {
                admission.admit(ips)
            })
            .await;
        attest(&state, &request, &mut report);
        drop((request, slot));
        if let Some(refused) = admission.refused() {
            return Err(refused);
        }
        state.metrics().probe_finished(&report);
        return Ok(in_language(Json(report).into_response(), locale));
    }
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let (admitted_tx, admitted_rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let steps = tx.clone();
        let mut on_step = move |step: &Step| {
            if let Ok(event) = Event::default().event("step").json_data(step) {
                let _ = steps.send(event);
            }
        };
        let admission = Admission::new(state.clone(), Some(admitted_tx));
        let mut admit = |ips: Vec<IpAddr>| admission.admit(ips);
        let run = engine.probe_admitted(&request, &mut on_step, &mut admit);
        // The client hanging up closes the stream: the probe is dropped
        // (its sockets closed, its slots freed) at once, not at its deadline.
        let mut report = tokio::select! {
            report = run => Some(report),
            () = tx.closed() => None,
        };
        if let Some(report) = report.as_mut() {
            attest(&state, &request, report);
        }
        drop((request, admission, slot));
        let Some(report) = report else {
            state.metrics().probe_abandoned();
            return;
        };
        state.metrics().probe_finished(&report);
        if let Ok(event) = Event::default().event("report").json_data(&report) {
            let _ = tx.send(event);
        }
    });
    // Answer once admission is decided (or the probe ended before it had
    // to ask, e.g. on a DNS failure): a refused target is a 429, not a stream.
    if let Ok(Err(refused)) = admitted_rx.await {
        return Err(refused);
    }
    Ok(in_language(sse::stream(rx).into_response(), locale))
}

/// The per-target admission of one probe, asked by the engine once it
/// knows the checked addresses. Shared with the future the engine awaits
/// (the slots may live in Redis); the slot is held until this is dropped.
#[derive(Clone)]
struct Admission(Arc<Mutex<Admitted>>);

struct Admitted {
    state: AppState,
    slot: Option<super::TargetSlot>,
    refused: Option<ApiError>,
    notify: Option<tokio::sync::oneshot::Sender<Result<(), ApiError>>>,
}

impl Admission {
    fn new(
        state: AppState,
        notify: Option<tokio::sync::oneshot::Sender<Result<(), ApiError>>>,
    ) -> Self {
        Self(Arc::new(Mutex::new(Admitted {
            state,
            slot: None,
            refused: None,
            notify,
        })))
    }

    /// The engine's `Admit`: the target's slot for `addresses`, or, with
    /// none, the slot given back (the session is over, the arrival wait
    /// goes on without a connection).
    fn admit(&self, addresses: Vec<IpAddr>) -> futures_util::future::BoxFuture<'static, bool> {
        let this = self.clone();
        if addresses.is_empty() {
            let slot = this.lock().slot.take();
            drop(slot);
            return Box::pin(std::future::ready(true));
        }
        Box::pin(async move {
            let state = this.lock().state.clone();
            let result = state.admit_addresses(&addresses).await;
            let mut admitted = this.lock();
            let result = result.map(|slot| {
                admitted.slot = Some(slot);
            });
            let ok = result.is_ok();
            match (admitted.notify.take(), result) {
                (Some(tx), result) => {
                    let _ = tx.send(result);
                }
                (None, Err(e)) => admitted.refused = Some(e),
                (None, Ok(())) => {}
            }
            ok
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Admitted> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Why the target was refused, if it was (without a stream to tell).
    fn refused(&self) -> Option<ApiError> {
        self.lock().refused.take()
    }
}

/// `POST /v1/discover`: `{ "email" }` or `{ "host" }` → ranked, verified
/// candidates with their evidence. With `Accept: text/event-stream`, one
/// `source` event per source, one `candidate` event per verification, then
/// a `result` event.
#[utoipa::path(post, path = "/v1/discover", request_body = super::openapi::DiscoverRequestBody,
    security((), ("apiKey" = [])),
    responses(
        (status = 200, description = "The discovery report (JSON), or `source`/`candidate` events then a `result` event (text/event-stream)",
            body = super::openapi::DiscoverReportBody),
        (status = 400, body = super::openapi::ErrorBody), (status = 401, body = super::openapi::ErrorBody),
        (status = 413, body = super::openapi::ErrorBody), (status = 415, body = super::openapi::ErrorBody),
        (status = 429, body = super::openapi::ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, body = super::openapi::ErrorBody),
    ))]
pub(super) async fn discover(
    State(state): State<AppState>,
    Caller {
        key: client,
        locale,
    }: Caller,
    headers: HeaderMap,
    body: SecretJson,
) -> Result<Response, ApiError> {
    use crate::discover::{DiscoverOptions, DiscoverRequest, Progress};
    // DiscoverRequest wipes its password when dropped, the body its strings.
    let mut request: DiscoverRequest = body.parse("discover request")?;
    drop(body);
    request.locale = locale;
    let domain = crate::discover::check_request(&request)
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    state.check_discover_rate(&client).await?;
    let slot = state.admit_weighted(super::DISCOVER_WEIGHT).await?;
    let target = state
        .admit_targets(vec![format!("discover:{domain}")])
        .await?;
    let engine = state.engine().clone();
    let opts = DiscoverOptions {
        deadline: engine
            .options()
            .deadline
            .min(DiscoverOptions::default().deadline),
        ..DiscoverOptions::default()
    };
    if !sse::wanted(&headers) {
        // A client that hangs up drops this future and the discovery with it.
        let result = crate::discover::discover(&engine, &request, &opts, &mut |_| {}).await;
        drop((request, slot, target));
        let report = result.map_err(|e| ApiError::BadRequest(e.to_string()))?;
        return Ok(in_language(Json(report).into_response(), locale));
    }
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    tokio::spawn(async move {
        let events = tx.clone();
        let mut on_progress = move |p: Progress<'_>| {
            let event = match p {
                Progress::Source(s) => Event::default().event("source").json_data(s),
                Progress::Candidate(c) => Event::default().event("candidate").json_data(c),
            };
            if let Ok(event) = event {
                let _ = events.send(event);
            }
        };
        let run = crate::discover::discover(&engine, &request, &opts, &mut on_progress);
        let result = tokio::select! {
            result = run => result,
            () = tx.closed() => {
                drop((request, slot, target));
                return;
            }
        };
        drop((request, slot, target));
        let event = match result {
            Ok(report) => Event::default().event("result").json_data(&report),
            // The same body as the JSON answer's error.
            Err(e) => Event::default()
                .event("error")
                .json_data(ApiError::BadRequest(e.to_string()).body()),
        };
        if let Ok(event) = event {
            let _ = tx.send(event);
        }
    });
    Ok(in_language(sse::stream(rx), locale))
}

/// With `--attestation-key`, the report carries a signed statement of its
/// outcome for these settings (SPEC §7.6).
fn attest(state: &AppState, request: &ProbeRequest, report: &mut Report) {
    if let Some(key) = &state.settings().attestation_key {
        report.attestation = crate::attestation::sign(
            key.as_bytes(),
            &request.config,
            report,
            &request.checks,
            super::token::now(),
        )
        .inspect_err(|e| tracing::warn!(error = %e, "cannot sign the attestation"))
        .ok();
    }
}

/// `sender` and `send` put RCPT TO only to the sender's own address
/// unless the operator allowed the recipient's domain (SPEC §7.3). The
/// engine applies the same policy again; this answers 400/403 before any
/// work is done.
fn check_recipient(state: &AppState, request: &ProbeRequest) -> Result<(), ApiError> {
    let Some(recipient) = request.recipient.as_deref() else {
        return Ok(());
    };
    let rcpt = SmtpAddress::parse(recipient)
        .map_err(|e| ApiError::BadRequest(format!("the recipient cannot be used: {e}")))?;
    let from = Config::from_json(&request.config.settings())
        .from_field()
        .and_then(|f| SmtpAddress::parse(f).ok());
    if state
        .engine()
        .options()
        .recipients
        .allows(from.as_ref(), &rcpt)
    {
        return Ok(());
    }
    Err(ApiError::Forbidden(
        "the probe may only send to the sender's own address on this service".into(),
    ))
}

/// `GET /v1/openapi.json`: this document.
#[utoipa::path(get, path = "/v1/openapi.json", responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub(super) async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    use utoipa::OpenApi as _;
    Json(super::openapi::ApiDoc::openapi())
}

pub(super) async fn not_found() -> ApiError {
    ApiError::NotFound
}
