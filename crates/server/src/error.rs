//! Errors of the API: a status and a message, answered as `{"error": "…"}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use dossier_store::StoreError;

/// An API error: its HTTP status and a message for the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, for the caller.
    pub message: String,
}

impl Error {
    /// 400: the request is malformed.
    pub fn bad_request(m: impl Into<String>) -> Error {
        Error { status: StatusCode::BAD_REQUEST, message: m.into() }
    }

    /// 404: no such thing.
    pub fn not_found(m: impl Into<String>) -> Error {
        Error { status: StatusCode::NOT_FOUND, message: m.into() }
    }

    /// 500: our fault.
    pub fn internal(m: impl Into<String>) -> Error {
        Error { status: StatusCode::INTERNAL_SERVER_ERROR, message: m.into() }
    }

    /// Any status.
    pub fn new(status: StatusCode, m: impl Into<String>) -> Error {
        Error { status, message: m.into() }
    }

    pub(crate) fn store(e: StoreError) -> Error {
        Error::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the store failed: {e}"))
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        (self.status, Json(serde_json::json!({ "error": self.message }))).into_response()
    }
}
