//! The side panel: what is selected, announced to screen readers.

use datafrag::geometry::MapGeometry;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Panel(
    geometry: Arc<MapGeometry>,
    selected: Memo<Option<String>>,
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let region = move || {
        selected.with(|s| {
            s.as_ref()
                .and_then(|code| geometry.regions.iter().find(|r| &r.code == code))
                .map(|r| (r.name.clone(), r.code.clone()))
        })
    };
    view! {
        <aside class="panel" aria-live="polite">
            {move || match region() {
                Some((name, code)) => view! {
                    <h2 id="panel-title">{name}</h2>
                    <p class="code">"Code INSEE de la région : " <strong data-testid="region-code">{code}</strong></p>
                    <button class="back" on:click=move |_| on_select.run(None)>"← Vue nationale"</button>
                }.into_any(),
                None => view! {
                    <h2 id="panel-title">"France métropolitaine"</h2>
                    <p>"Choisissez une région sur la carte (clic, ou Tab puis Entrée) pour la comparer à la moyenne nationale."</p>
                }.into_any(),
            }}
        </aside>
    }
}
