//! `dossier serve`: the HTTP API (`/api/v1/…`, JSON) and the server-rendered
//! web page over the corpus store.
//!
//! **API boundary:** every answer comes from `dossier-store`'s typed questions
//! ([`dossier_store::query`]) and every fresh analysis from
//! `dossier-analysis`; this crate only parses requests, runs those calls on
//! blocking threads and writes JSON or HTML. The JSON shapes are the store's
//! serde forms (the same as `dossier … --json`) inside a small pagination
//! envelope, described by the OpenAPI document `openapi.json`.
//!
//! **Architecture invariant:** the store is a blocking connection, so it is
//! only ever used inside `tokio::task::spawn_blocking`, from a small pool of
//! connections bounded by a semaphore; all article text reaches HTML through
//! [`html::esc`].

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{header, HeaderValue};
use axum::Router;
use tokio::sync::Semaphore;

use dossier_store::{Store, StoreError};

mod analyze;
mod api;
mod error;
pub mod html;
mod pages;
mod params;
mod view;

pub use error::Error;

/// The OpenAPI 3.1 document of `/api/v1/`, served at `/api/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Arguments of `dossier serve`.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// The store: a file path or sqlite://PATH (SQLite), or postgres://… (default: $DOSSIER_DB, else ~/.local/share/dossier/dossier.db).
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,
    /// Address to listen on. Loopback by default; give e.g. 0.0.0.0:8080 to serve other machines.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Largest article accepted by the paste box and POST /api/v1/analyze (e.g. 5M, 512K).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "5M")]
    pub max_analyze: usize,
    /// Longest time one analysis may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub analyze_timeout: u64,
}

fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: usize = num.parse().map_err(|_| format!("not a size: {s:?} (use e.g. 5M)"))?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        _ => return Err(format!("unknown size unit in {s:?} (use K or M)")),
    };
    Ok(n * mult)
}

/// Settings of a running server.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest body accepted by the analysis endpoints, in bytes.
    pub max_analyze: usize,
    /// Longest time one analysis may take.
    pub analyze_timeout: Duration,
    /// Store connections used at once (and kept open).
    pub connections: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_analyze: 5 << 20, analyze_timeout: Duration::from_secs(30), connections: 8 }
    }
}

/// The server's shared state: where the store is, a pool of open
/// connections, and the settings.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    location: String,
    idle: Mutex<Vec<Store>>,
    store_permits: Semaphore,
    analyze_permits: Arc<Semaphore>,
    config: Config,
}

impl App {
    /// Open the store at `location` once (so a bad location fails now, not at
    /// the first request) and keep that connection for the pool.
    pub fn open(location: &str, config: Config) -> Result<App, StoreError> {
        let store = Store::open(location)?;
        let connections = config.connections.max(1);
        Ok(App {
            inner: Arc::new(Inner {
                location: location.to_string(),
                idle: Mutex::new(vec![store]),
                store_permits: Semaphore::new(connections),
                analyze_permits: Arc::new(Semaphore::new(2)),
                config,
            }),
        })
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    fn take(&self) -> Result<Store, StoreError> {
        let idle = self.inner.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match idle {
            Some(s) => Ok(s),
            None => Store::open(&self.inner.location),
        }
    }

    fn give(&self, store: Store) {
        let mut idle = self.inner.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < self.inner.config.connections {
            idle.push(store);
        }
    }

    /// Run `f` with a store connection on a blocking thread. A connection
    /// whose call failed is dropped rather than reused.
    pub(crate) async fn with_store<T, F>(&self, f: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let _permit = self.inner.store_permits.acquire().await.map_err(|_| Error::internal("the server is shutting down"))?;
        let app = self.clone();
        let r = tokio::task::spawn_blocking(move || {
            let mut store = app.take()?;
            let r = f(&mut store);
            if r.is_ok() {
                app.give(store);
            }
            r
        })
        .await
        .map_err(|_| Error::internal("a store query failed unexpectedly"))?;
        r.map_err(Error::store)
    }
}

/// Every route: the API under `/api/v1/` and the pages. The list of API
/// routes is [`api_routes`].
pub fn router(app: App) -> Router {
    let (api, _) = api::routes();
    Router::new()
        .merge(pages::routes())
        .nest("/api/v1", api)
        .fallback(pages::not_found)
        .layer(tower_http::set_header::SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(tower_http::set_header::SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        ))
        .layer(tower_http::set_header::SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .with_state(app)
}

/// The API's routes as `(method, path)`, paths relative to `/api/v1`, in the
/// router's own syntax (`/articles/{id}`): the list the OpenAPI test holds
/// the document to.
pub fn api_routes() -> Vec<(&'static str, &'static str)> {
    api::routes().1
}

/// Serve `app` on an already bound listener until `shutdown` resolves.
pub async fn serve(listener: tokio::net::TcpListener, app: App, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
    axum::serve(listener, router(app)).with_graceful_shutdown(shutdown).await
}

/// Run `dossier serve`: open the store, bind, serve until Ctrl-C.
pub fn run(args: ServeArgs) -> ExitCode {
    let url = args.db.clone().unwrap_or_else(Store::default_location);
    let shown = dossier_store::Store::redact(&url);
    let is_pg = url.starts_with("postgres://") || url.starts_with("postgresql://");
    let path = url.strip_prefix("sqlite://").unwrap_or(&url);
    if !is_pg && !std::path::Path::new(path).exists() {
        eprintln!("dossier: no store at {path}: run `dossier ingest` first (or give --db)");
        return ExitCode::from(2);
    }
    let config = Config { max_analyze: args.max_analyze, analyze_timeout: Duration::from_secs(args.analyze_timeout.max(1)), ..Config::default() };
    let app = match App::open(&url, config) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dossier: cannot open the store {shown}: {e}");
            return ExitCode::from(2);
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("dossier: cannot start the server: {e}");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(args.addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("dossier: cannot listen on {}: {e}", args.addr);
                return ExitCode::from(2);
            }
        };
        let local = listener.local_addr().unwrap_or(args.addr);
        if !local.ip().is_loopback() {
            eprintln!("dossier: warning: listening on {local}, reachable from other machines; the API has no authentication");
        }
        eprintln!("dossier: serving {shown} at http://{local}/ (API at http://{local}/api/v1/, Ctrl-C to stop)");
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        match serve(listener, app, shutdown).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dossier: the server stopped: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_redaction() {
        assert_eq!(parse_size("5M"), Ok(5 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert!(parse_size("big").is_err());
        assert_eq!(dossier_store::Store::redact("postgres://u:pw@h/db"), "postgres://u:***@h/db");
        assert_eq!(dossier_store::Store::redact("/tmp/x.db"), "/tmp/x.db");
    }

    #[test]
    fn serve_binds_loopback_by_default() {
        use clap::Parser;
        #[derive(Parser)]
        struct T {
            #[command(flatten)]
            a: ServeArgs,
        }
        let t = T::parse_from(["t"]);
        assert!(t.a.addr.ip().is_loopback());
        assert_eq!(t.a.addr.port(), 8080);
        assert_eq!(t.a.max_analyze, 5 << 20);
    }
}
