//! Downloading the data files: each checked against its SHA-256 before it is parsed, both in
//! flight at once.

use crate::integrity;
use serde::de::DeserializeOwned;

/// Downloads a data file, checks its SHA-256, then parses it.
pub async fn fetch<T: DeserializeOwned>(file: integrity::DataFile) -> Result<T, String> {
    let resp = gloo_net::http::Request::get(&file.url())
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !resp.ok() {
        return Err(format!("{} : HTTP {}", file.path, resp.status()));
    }
    let bytes = resp.binary().await.map_err(|e| e.to_string())?;
    file.verify(&bytes)?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{} : {e}", file.path))
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
