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
    // The chart's width, as the browser laid it out (a ResizeObserver: reading it while the view
    // is built forced a layout; a kept view put back in the page is measured again). Zero until
    // the chart is laid out, and while its view is out of the page: the drawing then waits.
    let width = RwSignal::new(0.0f64);
    let fills = RwSignal::new(String::new());
    // Disconnected when the chart goes (the stored observer is dropped with it).
    let observer = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let Some(parent) = canvas.get().and_then(|c| c.parent_element()) {
            observer.set_value(crate::browser::on_width(&parent, move |w| {
                if w > 0.0 && w != width.get_untracked() {
                    width.set(w);
                }
            }));
        }
    });
    Effect::new(move |_| {
        let spec = spec.get();
        let w = width.get();
        if let (Some(c), true) = (canvas.get(), w > 0.0) {
            let scene = bars::bars(&spec, bars::Size::screen(w.clamp(280.0, 1100.0)), lang);
            crate::browser::paint_canvas(&c, &scene);
            fills.set(drawn_fills(&scene));
        }
    });
    view! {
        <div class="chart">
            <canvas node_ref=canvas role="img" aria-label=move || label.get() data-testid="index-chart" data-fills=move || fills.get()></canvas>
        </div>
    }
}
