//! The export as one SVG document: title, subtitle, the view's graphic, the source line, the date,
//! the permalink printed and as a QR code (the `qrcode` crate). Text is real `<text>`; the PNG
//! exports are this SVG drawn on a canvas at 2× or 4×.

use super::{fill_of, Export, Graphic};
use crate::chart::{ChartSpec, SERIES};
use crate::format;
use crate::i18n::Lang;
use crate::palette::{needs_dark_text, MISSING};
use crate::url_state::Layout;
use datafrag::geometry::MapGeometry;
use std::fmt::Write;

/// The page shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// 16:9 slide, 1 600 × 900 units.
    Wide,
    /// A4 landscape, 297 × 210 mm at 96 dpi.
    A4,
}

impl Frame {
    pub fn size(self) -> (f64, f64) {
        match self {
            Frame::Wide => (1600.0, 900.0),
            Frame::A4 => (1123.0, 794.0),
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Frame::Wide => "16x9",
            Frame::A4 => "a4",
        }
    }
}

/// Escapes text for XML content and attributes.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Splits `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in text.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The QR code of `text` as one path of unit squares, with its size in modules (quiet zone
/// included). `None` if the text is too long for a QR code.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let _ = write!(d, "M{} {}h1v1h-1z", i % n + 4, i / n + 4);
        }
    }
    Some((d, n + 8))
}

/// A graphic drawn at its natural size: (SVG fragment, width, height).
fn graphic(e: &Export, geo: &MapGeometry, lang: Lang) -> (String, f64, f64) {
    match &e.graphic {
        Graphic::Map {
            fills,
            legend,
            layout,
        } => {
            let mut s = String::new();
            let (w, h) = match layout {
                Layout::Geo => {
                    s.push_str(
                        // The screen map's grey borders: white ones vanished between the
                        // near-white class (97–103) and the page.
                        r##"<g stroke="#6b7280" stroke-width="0.9" stroke-linejoin="round">"##,
                    );
                    for r in &geo.regions {
                        let _ = write!(
                            s,
                            r#"<path d="{}" fill="{}"><title>{}</title></path>"#,
                            r.path,
                            fill_of(fills, &r.code),
                            esc(&r.name)
                        );
                    }
                    s.push_str("</g>");
                    if let Some(i) = &geo.inset {
                        let _ = write!(
                            s,
                            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" stroke="#8a8a8a"/><path d="{}" fill="{}" stroke="#6b7280" stroke-width="0.9"/><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#8a8a8a" stroke-dasharray="4 3"/><text x="{}" y="{}" font-size="20" fill="#444">Île-de-France ×{}</text>"##,
                            i.frame[0],
                            i.frame[1],
                            i.frame[2],
                            i.frame[3],
                            i.path,
                            fill_of(fills, &i.code),
                            i.leader[0],
                            i.leader[1],
                            i.leader[2],
                            i.leader[3],
                            i.frame[0] + 6.0,
                            i.frame[1] + i.frame[3] + 22.0,
                            format::number(i.scale, 1, lang)
                        );
                    }
                    (geo.width, geo.height)
                }
                Layout::Grid => {
                    let t = 120.0;
                    for tile in &geo.tiles {
                        let fill = fill_of(fills, &tile.code);
                        let ink = if crate::palette::COLORS
                            .iter()
                            .position(|c| *c == fill)
                            .is_none_or(needs_dark_text)
                        {
                            "#111"
                        } else {
                            "#fff"
                        };
                        let (x, y) = (tile.col as f64 * t, tile.row as f64 * t);
                        let _ = write!(
                            s,
                            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="{fill}"/><text x="{}" y="{}" text-anchor="middle" font-size="28" font-weight="bold" fill="{ink}">{}</text>"#,
                            x + 4.0,
                            y + 4.0,
                            t - 8.0,
                            t - 8.0,
                            x + t / 2.0,
                            y + t / 2.0 + 10.0,
                            esc(&tile.short)
                        );
                    }
                    (geo.grid[0] as f64 * t, geo.grid[1] as f64 * t)
                }
            };
            // The legend to the right of the map, in type sized to the map's height, so that it
            // reads as well as the title once the whole graphic is fitted into the frame.
            let k = h / 500.0;
            let lx = w + 40.0 * k;
            let _ = write!(
                s,
                r##"<text x="{lx:.1}" y="{:.1}" font-size="{:.1}" font-weight="bold">{}</text><text x="{lx:.1}" y="{:.1}" font-size="{:.1}" fill="#444">{}</text>"##,
                28.0 * k,
                20.0 * k,
                lang.t("Indice, France = 100", "Index, France = 100"),
                50.0 * k,
                15.0 * k,
                lang.t("plus haut = plus fragile", "higher = more fragile")
            );
            let items = legend
                .iter()
                .map(|l| (l.color, l.label.clone(), l.is_france))
                .chain(std::iter::once((
                    MISSING,
                    lang.t("non disponible", "not available").to_string(),
                    false,
                )));
            let step = 30.0 * k;
            let mut n = 0.0;
            for (j, (color, label, france)) in items.enumerate() {
                let y = 72.0 * k + j as f64 * step;
                n = j as f64 + 1.0;
                let _ = write!(
                    s,
                    r##"<rect x="{lx:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{color}" stroke="#6b7280"/><text x="{:.1}" y="{:.1}" font-size="{:.1}"{}>{}{}</text>"##,
                    26.0 * k,
                    21.0 * k,
                    lx + 34.0 * k,
                    y + 17.0 * k,
                    17.0 * k,
                    if france { r#" font-weight="bold""# } else { "" },
                    esc(&label),
                    if france { " ← France = 100" } else { "" }
                );
            }
            (s, lx + 250.0 * k, h.max(72.0 * k + n * step))
        }
        Graphic::Bars(spec) => bars(spec, lang),
        Graphic::Table => table(e),
    }
}

/// Horizontal bars from 100 to each index, one row per label, one bar per series.
fn bars(spec: &ChartSpec, lang: Lang) -> (String, f64, f64) {
    let (label_w, plot_w, row_h) = (330.0, 720.0, 34.0);
    let n = spec.series.len().max(1);
    let top = if n > 1 { 44.0 } else { 10.0 };
    let (lo, hi) = spec.x_range();
    let x = |v: f64| label_w + (v - lo) / (hi - lo) * plot_w;
    let h = top + row_h * spec.rows.len() as f64 + 40.0;
    let mut s = String::new();
    if n > 1 {
        for (k, name) in spec.series.iter().enumerate() {
            let (color, mark) = SERIES[k % SERIES.len()];
            let _ = write!(
                s,
                r#"<text x="{}" y="24" font-size="19" fill="{color}">{mark} {}</text>"#,
                label_w + k as f64 * 240.0,
                esc(name)
            );
        }
    }
    for t in spec.ticks() {
        let _ = write!(
            s,
            r##"<line x1="{0}" x2="{0}" y1="{top}" y2="{1}" stroke="#e2e2e2"/><text x="{0}" y="{2}" font-size="16" text-anchor="middle" fill="#555">{3}</text>"##,
            x(t),
            h - 32.0,
            h - 10.0,
            format::number(t, 0, lang)
        );
    }
    let bar_h = (row_h - 10.0) / n as f64;
    for (i, r) in spec.rows.iter().enumerate() {
        let y = top + i as f64 * row_h;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="18" text-anchor="end">{}</text>"#,
            label_w - 12.0,
            y + row_h / 2.0 + 6.0,
            esc(&r.label)
        );
        for (k, v) in r.values.iter().enumerate() {
            let by = y + 5.0 + k as f64 * bar_h;
            let (color, _) = SERIES[k % SERIES.len()];
            match v {
                Some(v) => {
                    let (a, b) = (x(100.0).min(x(*v)), x(100.0).max(x(*v)));
                    let _ = write!(
                        s,
                        r##"<rect x="{a:.1}" y="{by:.1}" width="{:.1}" height="{:.1}" fill="{color}"/><text x="{:.1}" y="{:.1}" font-size="{:.0}" text-anchor="{}" fill="#222">{}</text>"##,
                        (b - a).max(1.0),
                        bar_h - 2.0,
                        if *v >= 100.0 { b + 5.0 } else { a - 5.0 },
                        by + bar_h - 5.0,
                        (bar_h + 2.0).min(16.0),
                        if *v >= 100.0 { "start" } else { "end" },
                        format::index(*v, lang)
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        r##"<text x="{:.1}" y="{:.1}" font-size="14" fill="#666">n.d.</text>"##,
                        x(100.0) + 5.0,
                        by + bar_h - 4.0
                    );
                }
            }
        }
    }
    let _ = write!(
        s,
        r##"<line x1="{0:.1}" x2="{0:.1}" y1="{1}" y2="{2}" stroke="#111" stroke-width="2"/><text x="{0:.1}" y="{3}" font-size="15" text-anchor="middle" font-weight="bold">{4}</text>"##,
        x(100.0),
        top - 6.0,
        h - 32.0,
        top - 10.0,
        esc(&spec.france_label)
    );
    (s, label_w + plot_w + 60.0, h)
}

/// The table as text rows.
fn table(e: &Export) -> (String, f64, f64) {
    let t = &e.table;
    let cols = t.headers.len().max(1);
    let first = 360.0;
    let other = 150.0;
    let row_h = 34.0;
    let mut s = String::new();
    let col_x = |c: usize| {
        if c == 0 {
            0.0
        } else {
            first + (c - 1) as f64 * other
        }
    };
    for (c, h) in t.headers.iter().enumerate() {
        let _ = write!(
            s,
            r#"<text x="{}" y="24" font-size="18" font-weight="bold"{}>{}</text>"#,
            if c == 0 { 0.0 } else { col_x(c) + other - 10.0 },
            if c == 0 { "" } else { r#" text-anchor="end""# },
            esc(h)
        );
    }
    for (i, row) in t.rows.iter().enumerate() {
        let y = 24.0 + (i + 1) as f64 * row_h;
        for (c, cell) in row.iter().enumerate() {
            let _ = write!(
                s,
                r#"<text x="{}" y="{y}" font-size="18"{}>{}</text>"#,
                if c == 0 { 0.0 } else { col_x(c) + other - 10.0 },
                if c == 0 { "" } else { r#" text-anchor="end""# },
                esc(&cell.text)
            );
        }
    }
    (
        s,
        first + (cols - 1) as f64 * other,
        24.0 + (t.rows.len() + 1) as f64 * row_h,
    )
}

/// The whole document. `date` is written out ("23 novembre 2026"); `permalink` is the view's URL.
pub fn document(
    e: &Export,
    geo: &MapGeometry,
    frame: Frame,
    date: &str,
    permalink: &str,
    lang: Lang,
) -> String {
    let (w, h) = frame.size();
    let u = h / 900.0; // type scale
    let m = 44.0 * u;
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-family="DejaVu Sans, Verdana, Arial, sans-serif" fill="#1a1a1a"><rect width="{w}" height="{h}" fill="#ffffff"/>"##
    );
    let _ = write!(
        s,
        r##"<text x="{m}" y="{:.1}" font-size="{:.1}" font-weight="bold">{}</text><text x="{m}" y="{:.1}" font-size="{:.1}" fill="#444">{}</text>"##,
        m + 30.0 * u,
        38.0 * u,
        esc(&e.title),
        m + 66.0 * u,
        22.0 * u,
        esc(&e.subtitle)
    );
    // Footer: source line (wrapped), date and link; QR code bottom right.
    let qr = qr_path(permalink);
    let qr_size = 120.0 * u;
    let chars = ((w - 2.0 * m - qr_size - 20.0 * u) / (8.6 * u)) as usize;
    let source_line = format!("{} : {}", lang.t("Sources", "Sources"), e.sources);
    let mut lines = wrap(&source_line, chars.max(40));
    lines.truncate(3);
    lines.push(format!(
        "{} {} — {}",
        lang.t("Exporté le", "Exported on"),
        date,
        lang.t(
            "Fragilités régionales, Observatoire des partenariats",
            "Regional fragility, Observatoire des partenariats"
        )
    ));
    lines.push(permalink.to_string());
    let line_h = 21.0 * u;
    let foot_top = h - m - line_h * lines.len() as f64;
    for (k, l) in lines.iter().enumerate() {
        let last = k + 1 == lines.len();
        let _ = write!(
            s,
            r##"<text x="{m}" y="{:.1}" font-size="{:.1}" fill="{}">{}</text>"##,
            foot_top + line_h * (k as f64 + 0.8),
            15.0 * u,
            if last { "#1b4f8a" } else { "#333" },
            esc(l)
        );
    }
    if let Some((d, n)) = qr {
        let scale = qr_size / n as f64;
        let _ = write!(
            s,
            r##"<g transform="translate({:.1} {:.1}) scale({scale:.4})"><rect width="{n}" height="{n}" fill="#ffffff"/><path d="{d}" fill="#000000"/></g>"##,
            w - m - qr_size,
            h - m - qr_size
        );
    }
    // The graphic, scaled to the space between the titles and the footer.
    let (g, gw, gh) = graphic(e, geo, lang);
    let top = m + 96.0 * u;
    let bottom = foot_top.min(h - m - qr_size) - 16.0 * u;
    let (aw, ah) = (w - 2.0 * m, (bottom - top).max(10.0));
    let k = (aw / gw).min(ah / gh);
    let _ = write!(
        s,
        r#"<g transform="translate({:.1} {:.1}) scale({k:.4})">{g}</g></svg>"#,
        m + (aw - gw * k) / 2.0,
        top
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::content;
    use crate::state::{catalog, fixture::dataset};
    use crate::url_state::{View, ViewState};

    fn geo() -> MapGeometry {
        serde_json::from_str(include_str!("../../../assets/data/regions.json")).unwrap()
    }

    /// Promise: the document carries the title, the source line and the link as real text, the
    /// frame's size, and a QR code; special characters are escaped.
    #[test]
    fn document_has_title_sources_link_and_qr() {
        let ds = dataset();
        let mut s = ViewState::default_for(&catalog(&ds));
        for view in [
            View::Map,
            View::Region,
            View::Compare,
            View::Ranking,
            View::Acteurs,
        ] {
            s.view = view;
            s.region = Some(ds.regions[0].code.clone());
            let e = content(&ds, &s).unwrap();
            for frame in [Frame::Wide, Frame::A4] {
                let doc = document(
                    &e,
                    &geo(),
                    frame,
                    "23 novembre 2026",
                    "https://x.test/?a=1&b=2",
                    Lang::Fr,
                );
                let (w, h) = frame.size();
                assert!(doc.starts_with(&format!(
                    r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}""#
                )));
                assert!(doc.contains(&esc(&e.title)), "{view:?}");
                assert!(doc.contains("Sources : "), "{view:?}");
                assert!(doc.contains("https://x.test/?a=1&amp;b=2"), "{view:?}");
                assert!(doc.contains("h1v1h-1z"), "QR code");
                assert!(doc.ends_with("</svg>"));
            }
        }
    }

    #[test]
    fn wrap_and_escape() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        let (_, n) = qr_path("https://example.org/?view=map").unwrap();
        assert!(n >= 21 + 8);
    }
}
