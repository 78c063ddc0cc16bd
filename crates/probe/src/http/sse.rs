//! Server-sent events for `/v1/probe` and `/v1/discover` with
//! `Accept: text/event-stream`: each step (or source, candidate) as it
//! happens, then the report; an `error` event carries the same body as the
//! JSON error (`ApiError::body`). Keep-alive comments hold proxies open.

use std::convert::Infallible;

use axum::http::{HeaderMap, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;

/// Whether the client asked for server-sent events.
pub(super) fn wanted(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/event-stream"))
}

/// The events a task sends, as a `text/event-stream` response.
pub(super) fn stream(rx: tokio::sync::mpsc::UnboundedReceiver<Event>) -> Response {
    let events = stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|e| (Ok::<_, Infallible>(e), rx))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}
