//! The index chart on screen: the drawing of `graphics::bars`, painted on a canvas with plotters
//! at the screen's pixel density. The export writes the same drawing as SVG. The same numbers are
//! always in a table next to it.

use crate::chart::ChartSpec;
use crate::graphics::{bars, Anchor, Mark, Scene};
use crate::i18n::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;

fn hex(c: &str) -> Option<RGBColor> {
    let h = c.strip_prefix('#')?;
    let v = u32::from_str_radix(h, 16).ok()?;
    Some(RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

/// Paints `scene` (in CSS pixels) on `canvas` at `dpr` device pixels per CSS pixel.
fn paint(canvas: &web_sys::HtmlCanvasElement, scene: &Scene, dpr: f64) -> Option<()> {
    canvas.set_width((scene.width * dpr) as u32);
    canvas.set_height((scene.height * dpr) as u32);
    let p = |v: f64| (v * dpr).round() as i32;
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    for m in scene.flat() {
        match m {
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                ..
            } => {
                if let Some(c) = hex(fill) {
                    root.draw(&Rectangle::new(
                        [(p(*x), p(*y)), (p(x + w), p(y + h))],
                        c.filled(),
                    ))
                    .ok()?;
                }
                if let Some(c) = stroke.as_deref().and_then(hex) {
                    root.draw(&Rectangle::new([(p(*x), p(*y)), (p(x + w), p(y + h))], c))
                        .ok()?;
                }
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                ..
            } => {
                let c = hex(stroke)?;
                root.draw(&PathElement::new(
                    vec![(p(*x1), p(*y1)), (p(*x2), p(*y2))],
                    ShapeStyle::from(&c).stroke_width((width * dpr).round().max(1.0) as u32),
                ))
                .ok()?;
            }
            Mark::Text(t) => {
                let h = match t.anchor {
                    Anchor::Start => HPos::Left,
                    Anchor::Middle => HPos::Center,
                    Anchor::End => HPos::Right,
                };
                let style = if t.bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let font = ("system-ui, sans-serif", t.size * dpr)
                    .into_font()
                    .style(style)
                    .color(&hex(&t.fill).unwrap_or(BLACK))
                    .pos(Pos::new(h, VPos::Bottom));
                // SVG places a text by its baseline, the canvas by the bottom of its box.
                root.draw(&Text::new(
                    t.text.clone(),
                    (p(t.x), p(t.y + 0.22 * t.size)),
                    font,
                ))
                .ok()?;
            }
            // Outlines are drawn as SVG (the map), never on this canvas; groups are opened.
            Mark::Path { .. } | Mark::Group(_) => {}
        }
    }
    root.present().ok()
}

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
            let dpr = crate::browser::device_pixel_ratio();
            crate::browser::set_css_size(&c, scene.width, scene.height);
            paint(&c, &scene, dpr);
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
