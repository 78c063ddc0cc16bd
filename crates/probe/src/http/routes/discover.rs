//! `POST /v1/discover`: `{ "email" }` or `{ "host" }` → ranked, verified
//! candidates with their evidence. With `Accept: text/event-stream`, one
//! `source` event per source, one `candidate` event per verification, then
//! a `result` event (or an `error` event with the JSON error's body).

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::Event;
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use super::in_language;
use crate::discover::{DiscoverOptions, DiscoverRequest, Progress};
use crate::http::api::ErrorBody;
use crate::http::body::SecretJson;
use crate::http::caller::Caller;
use crate::http::limits::Kind;
use crate::http::{ApiError, AppState, sse};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/v1/discover", post(discover))
}

#[utoipa::path(post, path = "/v1/discover", request_body = crate::http::openapi::DiscoverRequestBody,
    security((), ("apiKey" = [])),
    responses(
        (status = 200, description = "The discovery report (JSON), or `source`/`candidate` events then a `result` event (text/event-stream)",
            body = crate::discover::DiscoverReport),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 429, body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, body = ErrorBody),
    ))]
pub(crate) async fn discover(
    State(state): State<AppState>,
    Caller { key, locale }: Caller,
    headers: HeaderMap,
    body: SecretJson,
) -> Result<Response, ApiError> {
    // DiscoverRequest wipes its password when dropped, the body its strings.
    let mut request: DiscoverRequest = body.parse("discover request")?;
    drop(body);
    request.locale = locale;
    let domain = crate::discover::check_request(&request)
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let limits = state.limits();
    limits.rate(&key, Kind::Discover).await?;
    let slot = limits.probe_slot(Kind::Discover).await?;
    let target = limits
        .target_slot(vec![format!("discover:{domain}")])
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
        return Ok(in_language(Json(report), locale));
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
            result = run => Some(result),
            () = tx.closed() => None,
        };
        drop((request, slot, target));
        let event = match result {
            None => return,
            Some(Ok(report)) => Event::default().event("result").json_data(&report),
            // The same body as the JSON answer's error.
            Some(Err(e)) => Event::default()
                .event("error")
                .json_data(ApiError::BadRequest(e.to_string()).body()),
        };
        if let Ok(event) = event {
            let _ = tx.send(event);
        }
    });
    Ok(in_language(sse::stream(rx).into_response(), locale))
}
