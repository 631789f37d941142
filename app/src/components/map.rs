//! The map: one focusable SVG shape per region.

use datafrag::geometry::MapGeometry;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn MapView(
    geometry: Arc<MapGeometry>,
    selected: Memo<Option<String>>,
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let shapes = geometry
        .regions
        .iter()
        .map(|r| {
            let code = r.code.clone();
            let is_selected = {
                let code = code.clone();
                move || selected.with(|s| s.as_deref() == Some(code.as_str()))
            };
            let on_key = {
                let code = code.clone();
                move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                    "Enter" | " " => {
                        ev.prevent_default();
                        on_select.run(Some(code.clone()));
                    }
                    "Escape" => on_select.run(None),
                    _ => {}
                }
            };
            let on_click = {
                let code = code.clone();
                move |_| on_select.run(Some(code.clone()))
            };
            let pressed = is_selected.clone();
            view! {
                <path
                    class="region"
                    class:selected=is_selected
                    d=r.path.clone()
                    data-code=code
                    role="button"
                    tabindex="0"
                    aria-label=r.name.clone()
                    aria-pressed=move || if pressed() { "true" } else { "false" }
                    on:click=on_click
                    on:keydown=on_key
                ></path>
            }
        })
        .collect_view();
    view! {
        <figure class="map-figure">
            <svg
                class="map"
                viewBox=format!("0 0 {} {}", geometry.width, geometry.height)
                role="group"
                aria-label="Carte des 13 régions de France métropolitaine : choisissez une région"
            >
                {shapes}
            </svg>
            <figcaption class="source">"Contours : " {geometry.source.clone()}</figcaption>
        </figure>
    }
}
