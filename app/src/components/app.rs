//! The root: loads the geometry, keeps the URL and the view in step.

use super::map::MapView;
use super::panel::Panel;
use crate::browser;
use crate::url_state::{parse, to_query, ViewState};
use datafrag::geometry::MapGeometry;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

type Loaded = Option<Result<Arc<MapGeometry>, String>>;

async fn fetch_geometry() -> Result<Arc<MapGeometry>, String> {
    let resp = gloo_net::http::Request::get("data/regions.json")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    resp.json::<MapGeometry>()
        .await
        .map(Arc::new)
        .map_err(|e| e.to_string())
}

#[component]
pub fn App() -> impl IntoView {
    let geometry: RwSignal<Loaded> = RwSignal::new(None);
    let load = move || {
        geometry.set(None);
        spawn_local(async move { geometry.set(Some(fetch_geometry().await)) });
    };
    load();

    let query = RwSignal::new(browser::current_query());
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        query.set(browser::current_query())
    });
    on_cleanup(move || handle.remove());

    view! {
        <header class="top">
            <h1>"Fragilités régionales"</h1>
            <p class="tagline">"Les 13 régions de France métropolitaine comparées à la moyenne nationale"</p>
        </header>
        <main id="main">
            {move || match geometry.get() {
                None => view! { <p class="status" role="status">"Chargement de la carte…"</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="error" role="alert">
                        <p>"La carte n'a pas pu être chargée (" {e} ")."</p>
                        <button on:click=move |_| load()>"Réessayer"</button>
                    </div>
                }.into_any(),
                Some(Ok(g)) => view! { <Dashboard geometry=g query=query /> }.into_any(),
            }}
        </main>
    }
}

/// The map and the side panel for a loaded geometry.
#[component]
fn Dashboard(geometry: Arc<MapGeometry>, query: RwSignal<String>) -> impl IntoView {
    let codes: Vec<String> = geometry.regions.iter().map(|r| r.code.clone()).collect();
    let parsed = Memo::new(move |_| {
        let known: Vec<&str> = codes.iter().map(String::as_str).collect();
        query.with(|q| parse(q, &known))
    });
    let selected = Memo::new(move |_| parsed.with(|(s, _)| s.region.clone()));
    let select = Callback::new(move |region: Option<String>| {
        if region == selected.get_untracked() {
            return;
        }
        let q = to_query(&ViewState { region });
        browser::push_query(&q);
        query.set(q);
    });
    let notices = move || {
        parsed.with(|(_, n)| {
            n.iter()
                .map(|n| view! { <p class="notice" role="status">{n.message_fr()}</p> })
                .collect_view()
        })
    };
    let g = geometry.clone();
    view! {
        {notices}
        <div class="layout">
            <MapView geometry=geometry selected=selected on_select=select />
            <Panel geometry=g selected=selected on_select=select />
        </div>
    }
}
