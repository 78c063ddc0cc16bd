//! `POST /v1/probe`: validate, then probe; 200 with the report whenever
//! the probe ran, whatever it found. With `Accept: text/event-stream`, one
//! `step` event per finished step, then a `report` event.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::Event;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use smtp_doctor_core::Config;
use smtp_doctor_core::report::{Report, Step};
use smtp_doctor_core::wire::SmtpAddress;

use super::in_language;
use crate::engine::{Check, ProbeRequest};
use crate::http::api::ErrorBody;
use crate::http::body::SecretJson;
use crate::http::caller::Caller;
use crate::http::limits::Kind;
use crate::http::{ApiError, AppState, sse};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/v1/probe", post(probe))
}

#[utoipa::path(post, path = "/v1/probe", request_body = crate::http::openapi::ProbeRequestBody,
    security((), ("apiKey" = [])),
    responses(
        (status = 200, description = "The report (JSON), or `step` events then a `report` event (text/event-stream)",
            content((Report = "application/json"), (Step = "text/event-stream"))),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody),
        (status = 429, body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, body = ErrorBody),
    ))]
pub(crate) async fn probe(
    State(state): State<AppState>,
    Caller { key, locale }: Caller,
    headers: HeaderMap,
    body: SecretJson,
) -> Result<Response, ApiError> {
    // Both the body and the request wipe their strings when dropped.
    let mut request: ProbeRequest = body.parse("probe request")?;
    drop(body);
    request.locale = locale;
    let limits = state.limits();
    limits.rate(&key, Kind::Probe).await?;
    // Read once: the recipient check, the rules and the session share it.
    let read = request.read();
    if Check::wanted(&request.checks, Check::Sender) {
        check_recipient(&state, &request, &read.config)?;
    }
    if request.checks.contains(&Check::Arrival) && state.engine().inbox().is_none() {
        return Err(ApiError::BadRequest(
            "this service has no inbox for the arrival check (serve --inbox-domain)".into(),
        ));
    }
    // Both put a message on the relay's queue: one budget.
    if request.checks.contains(&Check::Send) || request.checks.contains(&Check::Arrival) {
        limits.rate(&key, Kind::Send).await?;
    }
    let slot = limits.probe_slot(Kind::Probe).await?;
    let engine = state.engine().clone();
    if !sse::wanted(&headers) {
        // Runs in the handler: a client that hangs up drops this future,
        // and with it the probe and its slots.
        let admission = limits.admission(None);
        let mut report = engine
            .probe_admitted(&request, &read, &mut |_: &Step| {}, &mut |ips| {
                admission.admit(ips)
            })
            .await;
        attest(&state, &request, &mut report);
        drop((request, read, slot));
        if let Some(refused) = admission.refused() {
            return Err(refused.into());
        }
        state.metrics().probe_finished(&report);
        return Ok(in_language(Json(report), locale));
    }
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let (admitted_tx, admitted_rx) = tokio::sync::oneshot::channel();
    let admission = limits.admission(Some(admitted_tx));
    tokio::spawn(async move {
        let steps = tx.clone();
        let mut on_step = move |step: &Step| {
            if let Ok(event) = Event::default().event("step").json_data(step) {
                let _ = steps.send(event);
            }
        };
        let mut admit = |ips| admission.admit(ips);
        let run = engine.probe_admitted(&request, &read, &mut on_step, &mut admit);
        // The client hanging up closes the stream: the probe is dropped
        // (its sockets closed, its slots freed) at once, not at its deadline.
        let mut report = tokio::select! {
            report = run => Some(report),
            () = tx.closed() => None,
        };
        if let Some(report) = report.as_mut() {
            attest(&state, &request, report);
        }
        drop((request, read, admission, slot));
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
        return Err(refused.into());
    }
    Ok(in_language(sse::stream(rx).into_response(), locale))
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
            crate::http::token::now(),
        )
        .inspect_err(|e| tracing::warn!(error = %e, "cannot sign the attestation"))
        .ok();
    }
}

/// `sender` and `send` put RCPT TO only to the sender's own address
/// unless the operator allowed the recipient's domain (SPEC §7.3). The
/// engine applies the same policy again; this answers 400/403 before any
/// work is done.
fn check_recipient(
    state: &AppState,
    request: &ProbeRequest,
    config: &Config,
) -> Result<(), ApiError> {
    let Some(recipient) = request.recipient.as_deref() else {
        return Ok(());
    };
    let rcpt = SmtpAddress::parse(recipient)
        .map_err(|e| ApiError::BadRequest(format!("the recipient cannot be used: {e}")))?;
    let from = config.from_field().and_then(|f| SmtpAddress::parse(f).ok());
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
