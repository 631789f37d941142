//! The départements' choropleth: all 96 with the regions' borders over them, or one region's
//! départements cropped to fill the drawing, named and valued. Same palette, classes and
//! borders as the regions' map ([`super::map`]).

use super::map::{fill_of, label_lines, label_value, tile_ink, BORDER_WIDTH};
use super::{Anchor, Mark, Scene, BORDER, INK};
use crate::i18n::Lang;
use crate::palette::MISSING;
use crate::state::map::MapState;
use datafrag::geometry::{DepartementsGeometry, MapGeometry};

/// Margin around a region's départements when the drawing is cropped to them.
const MARGIN: f64 = 8.0;

/// Moves a path drawn with absolute `M` moves and relative steps (the pipeline's compact paths)
/// by (dx, dy): only the moves change.
///
/// ```
/// use app::graphics::depmap::translate_path;
/// assert_eq!(translate_path("M10 20l1-2 .5 0zM30.5 40l1 1z", -10.0, -5.0), "M0 15l1-2 .5 0zM20.5 35l1 1z");
/// ```
pub fn translate_path(d: &str, dx: f64, dy: f64) -> String {
    let mut out = String::with_capacity(d.len());
    let mut rest = d;
    while let Some(at) = rest.find('M') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let end = rest
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let mut xy = rest[..end]
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<f64>());
        match (xy.next(), xy.next()) {
            (Some(Ok(x)), Some(Ok(y))) => {
                out.push_str(&format!(
                    "{} {}",
                    super::svg::num(x + dx),
                    super::svg::num(y + dy)
                ));
            }
            // Not a move this function knows: left as it is.
            _ => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The numbers of a compact path, in order (`1.7-5.8 .1` → 1.7, −5.8, 0.1).
fn numbers(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<f64>| {
        if let Ok(v) = cur.parse() {
            out.push(v);
        }
        cur.clear();
    };
    for c in s.chars() {
        match c {
            '-' => {
                flush(&mut cur, &mut out);
                cur.push('-');
            }
            '.' if cur.contains('.') => {
                flush(&mut cur, &mut out);
                cur.push('.');
            }
            '0'..='9' | '.' => cur.push(c),
            _ => flush(&mut cur, &mut out),
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// A compact path (absolute `M`, relative `l`, `z`) scaled by `k` about the origin, then moved
/// by (dx, dy): how the inset enlarges what it shows.
///
/// ```
/// use app::graphics::depmap::transform_path;
/// assert_eq!(transform_path("M10 20l1-2 .5 0zM1 1l1 1z", 2.0, 5.0, -5.0), "M25 35l2-4 1 0zM7 -3l2 2z");
/// ```
pub fn transform_path(d: &str, k: f64, dx: f64, dy: f64) -> String {
    let num = super::svg::num;
    let mut out = String::with_capacity(d.len() + d.len() / 4);
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        let end = rest[1..]
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(rest.len(), |e| e + 1);
        let v = numbers(&rest[1..end]);
        out.push(c);
        match c {
            'M' if v.len() == 2 => {
                out.push_str(&format!("{} {}", num(v[0] * k + dx), num(v[1] * k + dy)))
            }
            'l' => {
                for (j, p) in v.chunks(2).enumerate() {
                    let (x, y) = (num(p[0] * k), num(p.get(1).copied().unwrap_or(0.0) * k));
                    let sep = if j == 0 || x.starts_with('-') {
                        ""
                    } else {
                        " "
                    };
                    out.push_str(&format!(
                        "{sep}{x}{}{y}",
                        if y.starts_with('-') { "" } else { " " }
                    ));
                }
            }
            _ => out.push_str(&rest[1..end]),
        }
        rest = &rest[end..];
    }
    out
}

/// The first move of a path.
fn first_move(d: &str) -> Option<(f64, f64)> {
    let body = d.strip_prefix('M')?;
    let end = body
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(body.len());
    match numbers(&body[..end])[..] {
        [x, y] => Some((x, y)),
        _ => None,
    }
}

/// The départements' outlines, before any measure: their keyed shapes (filled grey), the
/// inset and the regions' borders, in the crop of `region` (its départements) or of the whole
/// map. A measure's change keeps them and only [`paint`]s them again.
#[derive(Debug, Clone, PartialEq)]
pub struct DepOutlines {
    pub scene: Scene,
    region: Option<String>,
    /// The crop's origin in the map's units.
    x0: f64,
    y0: f64,
}

/// The départements drawn: those of `region`, or all of them.
fn shown<'a>(
    geo: &'a DepartementsGeometry,
    region: Option<&'a str>,
) -> impl Iterator<Item = &'a datafrag::geometry::DepartementShape> + 'a {
    geo.departements
        .iter()
        .filter(move |d| region.is_none_or(|r| d.region == r))
}

/// The outlines of `region`'s départements cropped to fill the drawing, or of the 96 whole
/// with the regions' borders over them and Île-de-France's enlarged in the inset.
pub fn dep_outlines(
    geo: &DepartementsGeometry,
    regions: &MapGeometry,
    region: Option<&str>,
    lang: Lang,
) -> DepOutlines {
    let mut s = Scene::default();
    let shown: Vec<_> = shown(geo, region).collect();
    let (x0, y0, w, h) = match region {
        Some(_) if !shown.is_empty() => {
            let x0 = shown.iter().map(|d| d.bbox[0]).fold(f64::MAX, f64::min);
            let y0 = shown.iter().map(|d| d.bbox[1]).fold(f64::MAX, f64::min);
            let x1 = shown
                .iter()
                .map(|d| d.bbox[0] + d.bbox[2])
                .fold(f64::MIN, f64::max);
            let y1 = shown
                .iter()
                .map(|d| d.bbox[1] + d.bbox[3])
                .fold(f64::MIN, f64::max);
            (
                x0 - MARGIN,
                y0 - MARGIN,
                x1 - x0 + 2.0 * MARGIN,
                y1 - y0 + 2.0 * MARGIN,
            )
        }
        _ => (0.0, 0.0, geo.width, geo.height),
    };
    (s.width, s.height) = ((w * 10.0).round() / 10.0, (h * 10.0).round() / 10.0);
    let moved = |d: &str| {
        if x0 == 0.0 && y0 == 0.0 {
            d.to_string()
        } else {
            translate_path(d, -x0, -y0)
        }
    };
    // Borders scale with the drawing: a region's crop is drawn larger than the whole map.
    let k = w / geo.width;
    for d in &shown {
        s.marks.push(Mark::Path {
            d: moved(&d.path),
            fill: MISSING.into(),
            stroke: BORDER.into(),
            width: BORDER_WIDTH * k.max(0.4),
            key: Some(d.code.clone()),
            title: Some(d.name.clone()),
        });
    }
    if region.is_none() {
        // Île-de-France's départements enlarged in the regions' inset: the same frame and
        // scale; its offset is where the inset puts the region's first point.
        let inset = regions.inset.as_ref().and_then(|i| {
            let r = regions.regions.iter().find(|r| r.code == i.code)?;
            let ((ix, iy), (rx, ry)) = (first_move(&i.path)?, first_move(&r.path)?);
            Some((i, r, ix - i.scale * rx, iy - i.scale * ry))
        });
        if let Some((i, r, dx, dy)) = inset {
            super::map::inset_frame(
                &mut s,
                i,
                format!("{} ×{}", r.name, crate::format::number(i.scale, 1, lang)),
            );
            for d in shown.iter().filter(|d| d.region == i.code) {
                s.marks.push(Mark::Path {
                    d: transform_path(&d.path, i.scale, dx, dy),
                    fill: MISSING.into(),
                    stroke: BORDER.into(),
                    width: BORDER_WIDTH,
                    key: Some(format!("{}/inset", d.code)),
                    title: None,
                });
            }
            s.marks.push(Mark::Path {
                d: i.path.clone(),
                fill: "none".into(),
                stroke: INK.into(),
                width: 1.4,
                key: None,
                title: None,
            });
        }
        for r in &regions.regions {
            s.marks.push(Mark::Path {
                d: r.path.clone(),
                fill: "none".into(),
                stroke: INK.into(),
                width: 1.4,
                key: None,
                title: None,
            });
        }
    }
    DepOutlines {
        scene: s,
        region: region.map(str::to_string),
        x0,
        y0,
    }
}

/// The outlines filled from `st` (its rows, by code; the inset's copies too) and, in a
/// region's crop, each département named with its value.
pub fn paint(o: &DepOutlines, geo: &DepartementsGeometry, st: &MapState, lang: Lang) -> Scene {
    let mut s = o.scene.clone();
    for m in &mut s.marks {
        if let Mark::Path {
            fill, key: Some(k), ..
        } = m
        {
            *fill = fill_of(st, k.split('/').next().unwrap_or(k)).into();
        }
    }
    if o.region.is_some() {
        // Names and values at each département's label anchor, sized to the crop.
        let (x0, y0, w) = (o.x0, o.y0, s.width);
        let size = (w / 34.0).max(6.0);
        for d in shown(geo, o.region.as_deref()) {
            let ink = tile_ink(fill_of(st, &d.code));
            let lines = label_lines(&d.name);
            // Kept inside the drawing: a name at a coastal or border département's anchor
            // would run off the crop (about 0.6 em a letter).
            let half =
                lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * size * 0.3;
            let x = (d.label[0] - x0).clamp(half + 2.0, (w - half - 2.0).max(half + 2.0));
            let y = d.label[1] - y0;
            let n = lines.len() as f64;
            let top = y - n * size * 0.55;
            for (j, l) in lines.into_iter().enumerate() {
                let t = s.text(x, top + j as f64 * size * 1.1, l, size, Anchor::Middle);
                t.fill = ink.into();
                t.role = "label-name";
            }
            let v = s.text(
                x,
                top + size * 1.1 * n + size * 0.1,
                label_value(st, &d.code, lang),
                size * 1.1,
                Anchor::Middle,
            );
            v.bold = true;
            v.fill = ink.into();
            v.role = "label-value";
        }
    }
    s
}

/// The départements of `region` (all 96 without one) filled from `st`: [`dep_outlines`]
/// then [`paint`].
pub fn dep_shapes(
    geo: &DepartementsGeometry,
    regions: &MapGeometry,
    st: &MapState,
    region: Option<&str>,
    lang: Lang,
) -> Scene {
    paint(&dep_outlines(geo, regions, region, lang), geo, st, lang)
}

/// The départements' map with the chosen one outlined and the legend beside it: what the
/// exports draw, the screen's drawing framed.
pub fn dep_choropleth(
    geo: &DepartementsGeometry,
    regions: &MapGeometry,
    st: &MapState,
    region: Option<&str>,
    selected: Option<&str>,
    lang: Lang,
) -> Scene {
    let mut s = dep_shapes(geo, regions, st, region, lang);
    if let Some(code) = selected {
        let outline = s.marks.iter().find_map(|m| match m {
            Mark::Path {
                d, key: Some(k), ..
            } if k == code => Some(d.clone()),
            _ => None,
        });
        if let Some(d) = outline {
            s.marks.push(Mark::Path {
                d,
                fill: "none".into(),
                stroke: INK.into(),
                width: 3.0 * (s.width / geo.width).max(0.4),
                key: Some(format!("{code}/selected")),
                title: None,
            });
        }
    }
    super::map::with_legend(&mut s, st, lang);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only the moves shift; a path whose move cannot be read is left whole.
    #[test]
    fn translation_moves_each_polygon_start() {
        assert_eq!(translate_path("M1.5 2l1 1z", 1.0, 1.0), "M2.5 3l1 1z");
        assert_eq!(translate_path("l1 1", 5.0, 5.0), "l1 1");
        assert_eq!(translate_path("Mx yl1 1z", 5.0, 5.0), "Mx yl1 1z");
        assert_eq!(translate_path("", 1.0, 1.0), "");
    }

    /// Numbers as the compact paths write them: signs and second dots start a new number.
    #[test]
    fn compact_numbers() {
        assert_eq!(numbers("1.7-5.8 .1-2.2"), vec![1.7, -5.8, 0.1, -2.2]);
        assert_eq!(numbers("1.5.3"), vec![1.5, 0.3]);
        assert_eq!(numbers(""), Vec::<f64>::new());
        assert_eq!(first_move("M642 478l1 1z"), Some((642.0, 478.0)));
    }

    /// The inset's offset recovered from the first points puts the enlarged Île-de-France
    /// where the regions' inset draws it (within the paths' 0.1-unit grid × the scale).
    #[test]
    fn the_inset_offset_puts_the_region_back_in_its_frame() {
        let g: MapGeometry =
            serde_json::from_str(include_str!("../../../assets/data/regions.json")).unwrap();
        let i = g.inset.as_ref().unwrap();
        let r = g.regions.iter().find(|r| r.code == i.code).unwrap();
        let ((ix, iy), (rx, ry)) = (first_move(&i.path).unwrap(), first_move(&r.path).unwrap());
        let (dx, dy) = (ix - i.scale * rx, iy - i.scale * ry);
        let moved = transform_path(&r.path, i.scale, dx, dy);
        // Every vertex of the transformed outline lies in the frame.
        let mut at = first_move(&moved).unwrap();
        let [fx, fy, fw, fh] = i.frame;
        let body = &moved[moved.find('l').unwrap() + 1..moved.find('z').unwrap()];
        for p in numbers(body).chunks(2) {
            at = (at.0 + p[0], at.1 + p[1]);
            assert!(
                at.0 >= fx - 1.0
                    && at.0 <= fx + fw + 1.0
                    && at.1 >= fy - 1.0
                    && at.1 <= fy + fh + 1.0,
                "{at:?}"
            );
        }
    }
}
