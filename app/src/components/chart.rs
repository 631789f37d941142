//! The index chart on screen: the drawing of `graphics::bars`, painted on a canvas with plotters
//! at the screen's pixel density. The export writes the same drawing as SVG. The same numbers are
//! always in a table next to it.

use crate::chart::ChartSpec;
use crate::graphics::{bars, Scene};
use crate::i18n::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;

/// "key=fill" of the drawn bars, for the test that compares the screen with the export.
fn drawn_fills(scene: &Scene) -> String {
    scene
        .fills()
        .iter()
        .map(|(k, f)| format!("{k}={f}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// A canvas chart; `label` is its accessible name, the table beside it holds the numbers.
#[component]
pub fn IndexChart(
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(into)] label: Signal<String>,
    lang: Lang,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let fills = RwSignal::new(String::new());
    Effect::new(move |_| {
        let spec = spec.get();
        let _ = width.get();
        if let Some(c) = canvas.get() {
            let css_w = c
                .parent_element()
                .map_or(600.0, |p| p.client_width() as f64)
                .clamp(280.0, 1100.0);
            let scene = bars::bars(&spec, bars::Size::screen(css_w), lang);
            crate::browser::paint_canvas(&c, &scene);
            fills.set(drawn_fills(&scene));
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| width.update(|w| *w += 1.0));
    on_cleanup(move || handle.remove());
    view! {
        <div class="chart">
            <canvas node_ref=canvas role="img" aria-label=move || label.get() data-testid="index-chart" data-fills=move || fills.get()></canvas>
        </div>
    }
}
