//! Downloading the data files: each checked against its SHA-256 before it is parsed, both in
//! flight at once.

use crate::integrity;
use datafrag::model::Dataset;
use serde::de::DeserializeOwned;

/// Downloads a data file within the time limit, checks its SHA-256, then parses it. A stalled
/// download (no answer, or a body that stops coming) is aborted: the page says so and offers a
/// retry instead of loading forever.
pub async fn fetch<T: DeserializeOwned>(file: integrity::DataFile) -> Result<T, String> {
    file.parse(&download(file).await?)
}

/// The dataset, downloaded and checked as [`fetch`] does, then parsed a few parts per task
/// (crate::parts): the page stays responsive while it is read.
pub async fn fetch_dataset(file: integrity::DataFile) -> Result<Dataset, String> {
    let bytes = download(file).await?;
    let failed = |e: serde_json::Error| format!("{} : {e}", file.path);
    crate::browser::next_task().await;
    let mut parts = crate::parts::InParts::new(&bytes).map_err(failed)?;
    loop {
        crate::browser::next_task().await;
        if let Some(ds) = parts.step().map_err(failed)? {
            return Ok(ds);
        }
    }
}

/// Downloads a data file within the time limit and checks its SHA-256.
async fn download(file: integrity::DataFile) -> Result<Vec<u8>, String> {
    let controller = web_sys::AbortController::new().ok();
    let limit = crate::browser::data_timeout_ms();
    let _timer = controller
        .clone()
        .map(|c| crate::browser::after_ms(limit, move || c.abort()));
    let timed_out = |e: String| {
        if controller.as_ref().is_some_and(|c| c.signal().aborted()) {
            format!("{} : délai de {} s dépassé", file.path, limit / 1000)
        } else {
            e
        }
    };
    let resp = gloo_net::http::Request::get(&file.url())
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
        .send()
        .await
        .map_err(|e| timed_out(e.to_string()))?;
    if !resp.ok() {
        return Err(format!("{} : HTTP {}", file.path, resp.status()));
    }
    let bytes = resp.binary().await.map_err(|e| timed_out(e.to_string()))?;
    file.verify(&bytes)?;
    Ok(bytes)
}

/// A data file the page carries in a JSON data block (`id`), checked against its SHA-256 like a
/// download; downloaded when the page has no such block (a development build).
pub async fn embedded_or_fetch<T: DeserializeOwned>(
    file: integrity::DataFile,
    id: &str,
) -> Result<T, String> {
    match crate::browser::embedded_text(id) {
        Some(text) => {
            // Checked and parsed in a task of its own, not in the wasm's start.
            crate::browser::next_task().await;
            file.read(text.as_bytes())
        }
        None => fetch(file).await,
    }
}

/// Awaits two futures concurrently (both downloads in flight at once).
pub async fn futures_join<A, B>(
    a: impl std::future::Future<Output = A>,
    b: impl std::future::Future<Output = B>,
) -> (A, B) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready((ra.take().expect("set"), rb.take().expect("set")))
        } else {
            Poll::Pending
        }
    })
    .await
}
