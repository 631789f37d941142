//! The export as one SVG document: title, subtitle, the view's graphic, the source line, the date,
//! the permalink printed and as a QR code (the `qrcode` crate). Text is real `<text>`; the PNG
//! exports are this SVG drawn on a canvas at 2× or 4×.

use super::{Export, Graphic};
use crate::graphics;
use crate::i18n::Lang;
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

pub use crate::graphics::svg::esc;

use crate::graphics::wrap;

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

/// A graphic drawn at its natural size: (SVG fragment, width, height). The drawing is the one
/// the screen shows (`crate::graphics`); this only writes it out.
fn graphic(e: &Export, geo: &MapGeometry, lang: Lang) -> (String, f64, f64) {
    let scene = match &e.graphic {
        Graphic::Map {
            state,
            layout,
            selected,
        } => graphics::map::choropleth(geo, state, *layout, selected.as_deref(), lang),
        Graphic::Bars(spec) => graphics::bars::bars(spec, graphics::bars::Size::EXPORT, lang),
        Graphic::Dots(st) => graphics::dots::practices(st, lang, 640.0),
        Graphic::Scatter(spec) => graphics::scatter::scatter(spec, graphics::scatter::WIDTH, lang),
        // The screen's drawing at its shape for a slide (its height is fixed: 280).
        Graphic::Lines(spec) => graphics::lines::lines(spec, 720.0, lang),
        Graphic::DepMap {
            state,
            region,
            selected,
            level,
        } => graphics::depmap::dep_choropleth(
            &level.geo,
            geo,
            state,
            region.as_deref(),
            selected.as_deref(),
            lang,
        ),
        Graphic::Table => return table(e),
    };
    (graphics::svg::fragment(&scene), scene.width, scene.height)
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
    // The title is never cut: a long one (a region's long name in the A4 frame) is set smaller,
    // down to 60 %, to hold on the slide's width (bold glyphs ≈ 0.62 em wide).
    let title_fs = 38.0
        * u
        * ((w - 2.0 * m) / (e.title.chars().count().max(1) as f64 * 0.62 * 38.0 * u))
            .clamp(0.6, 1.0);
    let _ = write!(
        s,
        r##"<text x="{m}" y="{:.1}" font-size="{:.1}" font-weight="bold">{}</text>"##,
        m + 30.0 * u,
        title_fs,
        esc(&e.title),
    );
    // The subtitle is never cut either: it wraps on two lines, its type shrinking if needed.
    let (sub, sub_fs) = [1.0, 0.85, 0.72]
        .iter()
        .map(|f| {
            let chars = ((w - 2.0 * m) / (13.2 * u * f)) as usize;
            (wrap(&e.subtitle, chars.max(40)), *f)
        })
        .find(|(l, _)| l.len() <= 2)
        .unwrap_or_else(|| {
            let chars = ((w - 2.0 * m) / (13.2 * u * 0.72)) as usize;
            (wrap(&e.subtitle, chars.max(40)), 0.72)
        });
    for (k, l) in sub.iter().enumerate() {
        let _ = write!(
            s,
            r##"<text x="{m}" y="{:.1}" font-size="{:.1}" fill="#444">{}</text>"##,
            m + 66.0 * u + k as f64 * 27.0 * u * sub_fs,
            22.0 * u * sub_fs,
            esc(l)
        );
    }
    let sub_extra = (sub.len().max(1) - 1) as f64 * 27.0 * u * sub_fs;
    // Footer: source line (wrapped), date and link; QR code bottom right.
    let qr = qr_path(permalink);
    let qr_size = 120.0 * u;
    let source_line = format!("{}{}", lang.t("Sources : ", "Sources: "), e.sources);
    // The source line is never cut: it wraps, and its type shrinks (to 60 %) until it holds in
    // three lines; a longer one keeps all its lines, the graphic above makes room.
    let (mut lines, fs) = [1.0, 0.85, 0.72, 0.6]
        .iter()
        .map(|f| {
            let chars = ((w - 2.0 * m - qr_size - 20.0 * u) / (8.6 * u * f)) as usize;
            (wrap(&source_line, chars.max(40)), *f)
        })
        .find(|(l, _)| l.len() <= 3)
        .unwrap_or_else(|| {
            let chars = ((w - 2.0 * m - qr_size - 20.0 * u) / (8.6 * u * 0.6)) as usize;
            (wrap(&source_line, chars.max(40)), 0.6)
        });
    let n_source = lines.len();
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
    let source_h = 21.0 * u * fs;
    let foot_top = h - m - source_h * n_source as f64 - line_h * (lines.len() - n_source) as f64;
    let mut y = foot_top;
    for (k, l) in lines.iter().enumerate() {
        let last = k + 1 == lines.len();
        let (lh, size) = if k < n_source {
            (source_h, 15.0 * u * fs)
        } else {
            (line_h, 15.0 * u)
        };
        let _ = write!(
            s,
            r##"<text x="{m}" y="{:.1}" font-size="{:.1}" fill="{}">{}</text>"##,
            y + lh * 0.8,
            size,
            if last { "#1b4f8a" } else { "#333" },
            esc(l)
        );
        y += lh;
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
    let top = m + 96.0 * u + sub_extra;
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
    use crate::model::{View, ViewState};
    use crate::state::{catalog, fixture::dataset};

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

    /// The longest source line (every producer of the region page) is written whole, never cut,
    /// in the 16:9 and the A4 frames.
    #[test]
    fn the_source_line_is_never_cut() {
        let ds: datafrag::model::Dataset =
            serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap();
        let mut s = ViewState::default_for(&catalog(&ds));
        s.view = View::Region;
        s.region = Some("75".into());
        let e = content(&ds, &s).unwrap();
        assert!(e.sources.len() > 400, "a long line: {}", e.sources.len());
        for frame in [Frame::Wide, Frame::A4] {
            let doc = document(
                &e,
                &geo(),
                frame,
                "2 décembre 2026",
                "https://x.test/",
                Lang::Fr,
            );
            let texts: String = doc
                .split("<text")
                .skip(1)
                .filter_map(|t| {
                    t.split_once('>')
                        .map(|(_, r)| r.split("</text>").next().unwrap_or(""))
                })
                .collect::<Vec<_>>()
                .join(" ");
            // Wrapped lines are joined by one space, as the line was split.
            assert!(
                texts.contains(&esc(&e.sources)),
                "{frame:?}: source line cut"
            );
            assert!(texts.contains("SSMSI"), "{frame:?}");
        }
    }

    /// A long subtitle (an indicator's change in words) wraps inside the frame, whole.
    #[test]
    fn a_long_subtitle_wraps_whole() {
        let ds = dataset();
        let mut s = ViewState::default_for(&catalog(&ds));
        s.view = View::Region;
        s.region = Some(ds.regions[0].code.clone());
        let mut e = content(&ds, &s).unwrap();
        let words = "en hausse de 1,0 point entre 1982 et 2023, plus qu'en France (+0,2) ; l'écart à la France s'est creusé (plus fragile que la France en 2023).";
        e.subtitle = format!("Occitanie : {words}");
        for frame in [Frame::Wide, Frame::A4] {
            let doc = document(&e, &geo(), frame, "d", "https://x.test/", Lang::Fr);
            let subs: Vec<&str> = doc
                .split(r##"fill="#444">"##)
                .skip(1)
                .map(|t| t.split("</text>").next().unwrap())
                .collect();
            assert!((1..=2).contains(&subs.len()), "{frame:?}: {subs:?}");
            assert_eq!(subs.join(" "), esc(&e.subtitle), "{frame:?}");
            // At most as many characters a line as the frame holds at that size.
            let (w, _) = frame.size();
            assert!(subs
                .iter()
                .all(|l| l.chars().count() as f64 * 11.0 * (w / 1600.0) < w - 88.0 * (w / 1600.0)));
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
