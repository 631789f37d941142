//! The index chart, drawn with plotters on a canvas at the screen's pixel density. The same
//! numbers are always in a table next to it.

use crate::chart::{ChartSpec, SERIES};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

const ROW: f64 = 30.0;
const LABEL_W: f64 = 190.0;

fn hex(c: &str) -> RGBColor {
    let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Draws `spec` on `canvas`, `css_w` CSS pixels wide.
fn draw(canvas: &web_sys::HtmlCanvasElement, spec: &ChartSpec, css_w: f64) -> Option<()> {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let css_h = spec.height(ROW);
    canvas.set_width((css_w * dpr) as u32);
    canvas.set_height((css_h * dpr) as u32);
    let s = |v: f64| (v * dpr) as i32;
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let font = |px: f64| ("system-ui, sans-serif", px * dpr).into_font();
    let (lo, hi) = spec.x_range();
    let left = LABEL_W.min(css_w * 0.42);
    let right = css_w - 16.0;
    let x = |v: f64| left + (v - lo) / (hi - lo) * (right - left);
    let top = 40.0;
    let bottom = top + ROW * spec.rows.len() as f64;
    let grey = RGBColor(120, 120, 120);
    root.draw(&Text::new(
        spec.title.clone(),
        (s(8.0), s(8.0)),
        font(15.0).style(FontStyle::Bold).color(&BLACK),
    ))
    .ok()?;
    for t in spec.ticks() {
        let xt = x(t);
        root.draw(&PathElement::new(
            vec![(s(xt), s(top)), (s(xt), s(bottom))],
            RGBColor(225, 225, 225),
        ))
        .ok()?;
        let label = format!("{t:.0}");
        root.draw(&Text::new(
            label,
            (s(xt - 10.0), s(bottom + 6.0)),
            font(11.0).color(&grey),
        ))
        .ok()?;
    }
    for (i, row) in spec.rows.iter().enumerate() {
        let y = top + ROW * i as f64;
        let mut label = row.label.clone();
        while label.chars().count() > 4 && (label.chars().count() as f64) * 7.2 > left - 12.0 {
            label = label
                .chars()
                .take(label.chars().count() - 2)
                .collect::<String>()
                + "…";
        }
        root.draw(&Text::new(
            label,
            (s(8.0), s(y + ROW / 2.0 - 7.0)),
            font(13.0).color(&BLACK),
        ))
        .ok()?;
        let n = row.values.len().max(1) as f64;
        let band = (ROW - 8.0) / n;
        for (k, v) in row.values.iter().enumerate() {
            let (color, _) = SERIES[k % SERIES.len()];
            let y0 = y + 4.0 + band * k as f64;
            match v {
                Some(v) => {
                    let (a, b) = if *v >= 100.0 {
                        (x(100.0), x(*v))
                    } else {
                        (x(*v), x(100.0))
                    };
                    let fill = if spec.series.len() > 1 {
                        hex(color)
                    } else if *v >= 100.0 {
                        hex("#b35806")
                    } else {
                        hex("#542788")
                    };
                    root.draw(&Rectangle::new(
                        [(s(a), s(y0)), (s(b.max(a + 1.0)), s(y0 + band - 2.0))],
                        fill.filled(),
                    ))
                    .ok()?;
                    if spec.series.len() == 1 {
                        let txt = format!("{v:.0}");
                        let tx = if *v >= 100.0 { b + 4.0 } else { a - 28.0 };
                        root.draw(&Text::new(
                            txt,
                            (s(tx), s(y0 + band / 2.0 - 7.0)),
                            font(11.0).color(&BLACK),
                        ))
                        .ok()?;
                    }
                }
                None => {
                    root.draw(&Text::new(
                        "n.d.",
                        (s(x(100.0) + 4.0), s(y0 + band / 2.0 - 6.0)),
                        font(10.0).color(&grey),
                    ))
                    .ok()?;
                }
            }
        }
    }
    let x100 = x(100.0);
    root.draw(&PathElement::new(
        vec![(s(x100), s(top - 6.0)), (s(x100), s(bottom))],
        ShapeStyle::from(&BLACK).stroke_width((2.0 * dpr) as u32),
    ))
    .ok()?;
    root.draw(&Text::new(
        spec.france_label.clone(),
        (s(x100 + 4.0), s(top - 16.0)),
        font(11.0).color(&BLACK),
    ))
    .ok()?;
    if spec.series.len() > 1 {
        let mut lx = 8.0;
        let ly = bottom + 26.0;
        for (k, name) in spec.series.iter().enumerate() {
            let (color, mark) = SERIES[k % SERIES.len()];
            root.draw(&Rectangle::new(
                [(s(lx), s(ly)), (s(lx + 12.0), s(ly + 12.0))],
                hex(color).filled(),
            ))
            .ok()?;
            let txt = format!("{mark} {name}");
            root.draw(&Text::new(
                txt.clone(),
                (s(lx + 16.0), s(ly - 1.0)),
                font(12.0).color(&BLACK),
            ))
            .ok()?;
            lx += 30.0 + 7.5 * txt.chars().count() as f64;
        }
    }
    root.present().ok()
}

/// A canvas chart; `label` is its accessible name, the table beside it holds the numbers.
#[component]
pub fn IndexChart(
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0f64);
    Effect::new(move |_| {
        let spec = spec.get();
        let _ = width.get();
        if let Some(c) = canvas.get() {
            let css_w = c
                .parent_element()
                .map_or(600.0, |p| p.client_width() as f64)
                .clamp(280.0, 1100.0);
            // Through the CSSOM, which a strict Content-Security-Policy allows.
            let style = web_sys::HtmlElement::style(&c);
            let _ = style.set_property("width", &format!("{css_w}px"));
            let _ = style.set_property("height", &format!("{}px", spec.height(ROW)));
            draw(&c, &spec, css_w);
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| width.update(|w| *w += 1.0));
    on_cleanup(move || handle.remove());
    view! {
        <div class="chart">
            <canvas node_ref=canvas role="img" aria-label=move || label.get() data-testid="index-chart"></canvas>
        </div>
    }
}
