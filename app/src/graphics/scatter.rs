//! Two measures at once: one dot per region, the reference's values as two dashed rules (so that
//! the four quarters read "more/less fragile on each", each quarter named in its corner), the
//! regions' names beside their dots, placed so that no two names overlap, the chosen region
//! drawn larger in the first series colour.

use super::scale::{nice_domain, Linear};
use super::{wrap, Anchor, Mark, Scene, GRID, INK, MUTED};
use crate::chart::SERIES;
use crate::format;
use crate::i18n::Lang;

/// One region.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterPoint {
    pub key: String,
    pub label: String,
    pub x: Option<f64>,
    pub y: Option<f64>,
    pub highlight: bool,
    /// The point in words (its tooltip and accessible name).
    pub title: String,
}

/// What a scatter plot shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterSpec {
    /// The axes' titles, with their units.
    pub x_label: String,
    pub y_label: String,
    /// The values' units (empty for an index); the ticks are plain numbers.
    pub x_unit: String,
    pub y_unit: String,
    /// The reference's (x, y): the dashed rules.
    pub reference: Option<(f64, f64)>,
    pub reference_label: String,
    /// More fragile to the right, and up (else to the left, down).
    pub x_fragile_right: bool,
    pub y_fragile_up: bool,
    /// The quarters' names: more fragile on both, on x only, on y only, on neither.
    pub corners: [String; 4],
    pub points: Vec<ScatterPoint>,
}

/// Size of the drawing (the export's; on a phone the width is the screen's), and its plot
/// area's margins.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 460.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 44.0;
/// Below this width the drawing is a phone's: smaller names, the titles and corners wrapped.
const NARROW: f64 = 500.0;
/// The titles' size and line height.
const TITLE: f64 = 12.0;
const LINE: f64 = 15.0;

/// A text's box: (x0, y0, x1, y1). The width is estimated from its length (0.6 em a character:
/// generous for the sans-serif the drawing names), so boxes that do not touch here do not on
/// screen either.
pub fn text_box(x: f64, y: f64, text: &str, size: f64, anchor: Anchor) -> (f64, f64, f64, f64) {
    let w = text.chars().count() as f64 * size * 0.6;
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - w / 2.0,
        Anchor::End => x - w,
    };
    (x0, y - size * 0.8, x0 + w, y + size * 0.25)
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> f64 {
    let w = (a.2.min(b.2) - a.0.max(b.0)).max(0.0);
    let h = (a.3.min(b.3) - a.1.max(b.1)).max(0.0);
    w * h
}

/// Decimals for ticks `step` apart: none for whole steps, enough to tell them apart otherwise.
fn tick_decimals(ticks: &[f64]) -> usize {
    match ticks {
        [a, b, ..] if (b - a) < 1.0 => (-(b - a).log10().floor()).max(0.0) as usize,
        _ => 0,
    }
}

/// The drawing of `spec` at `width` (WIDTH for the export). Dots are keyed by region; a region
/// missing either value has no dot (the table behind says why). A name that finds no free place
/// near its dot is left out (its dot keeps its tooltip, the table its value), never drawn over
/// another; the chosen region's name is placed first.
pub fn scatter(spec: &ScatterSpec, width: f64, lang: Lang) -> Scene {
    let narrow = width < NARROW;
    let chars = |room: f64, size: f64| ((room / (size * 0.6)).floor() as usize).max(12);
    let x_title = format!(
        "{}   {}",
        spec.x_label,
        if spec.x_fragile_right {
            lang.t("plus\u{a0}fragile\u{a0}→", "more\u{a0}fragile\u{a0}→")
        } else {
            lang.t("←\u{a0}plus\u{a0}fragile", "←\u{a0}more\u{a0}fragile")
        }
    );
    let y_title = format!(
        "{}   {}",
        spec.y_label,
        if spec.y_fragile_up {
            lang.t("↑\u{a0}plus\u{a0}fragile", "↑\u{a0}more\u{a0}fragile")
        } else {
            lang.t("↓\u{a0}plus\u{a0}fragile", "↓\u{a0}more\u{a0}fragile")
        }
    );
    let x_lines = wrap(&x_title, chars(width - 16.0, TITLE));
    let y_lines = wrap(&y_title, chars(width - 16.0, TITLE));
    let left = if narrow { 40.0 } else { LEFT };
    let top = TOP + LINE * (y_lines.len() as f64 - 1.0);
    let bottom = BOTTOM + LINE * (x_lines.len() as f64 - 1.0);
    let plot_h = if narrow {
        (width * 0.95).round()
    } else {
        HEIGHT - TOP - BOTTOM
    };
    let height = top + plot_h + bottom;
    let (x0, x1, y0, y1) = (left, width - RIGHT, top, top + plot_h);
    let label = if narrow { 10.0 } else { 11.0 };
    let corner_size = if narrow { 9.0 } else { 10.0 };
    let mut sc = Scene {
        width,
        height,
        marks: Vec::new(),
    };
    let xd = nice_domain(spec.points.iter().map(|p| p.x), spec.reference.map(|r| r.0));
    let yd = nice_domain(spec.points.iter().map(|p| p.y), spec.reference.map(|r| r.1));
    let x = Linear {
        domain: xd,
        range: (x0, x1),
    };
    let y = Linear {
        domain: yd,
        range: (y1, y0),
    };
    let xt = x.ticks(if narrow { 4 } else { 6 });
    let xdec = tick_decimals(&xt);
    for t in xt {
        sc.line((x.map(t), y0), (x.map(t), y1), GRID, 1.0);
        sc.text(
            x.map(t),
            y1 + 15.0,
            format::number(t, xdec, lang),
            11.0,
            Anchor::Middle,
        )
        .fill = MUTED.into();
    }
    let yt = y.ticks(6);
    let ydec = tick_decimals(&yt);
    for t in yt {
        sc.line((x0, y.map(t)), (x1, y.map(t)), GRID, 1.0);
        sc.text(
            x0 - 6.0,
            y.map(t) + 4.0,
            format::number(t, ydec, lang),
            11.0,
            Anchor::End,
        )
        .fill = MUTED.into();
    }
    let n = x_lines.len() as f64;
    for (i, l) in x_lines.into_iter().enumerate() {
        sc.text(
            (x0 + x1) / 2.0,
            height - 8.0 - LINE * (n - 1.0 - i as f64),
            l,
            TITLE,
            Anchor::Middle,
        )
        .bold = true;
    }
    for (i, l) in y_lines.into_iter().enumerate() {
        sc.text(8.0, 16.0 + LINE * i as f64, l, TITLE, Anchor::Start)
            .bold = true;
    }
    // Boxes the names must not cover: the quarters' names, then every dot.
    let mut taken: Vec<(f64, f64, f64, f64)> = Vec::new();
    if let Some((rx, ry)) = spec.reference {
        for (a, b) in [
            ((x.map(rx), y0), (x.map(rx), y1)),
            ((x0, y.map(ry)), (x1, y.map(ry))),
        ] {
            sc.marks.push(Mark::Line {
                x1: a.0,
                y1: a.1,
                x2: b.0,
                y2: b.1,
                stroke: INK.into(),
                width: 1.0,
                dash: true,
            });
        }
        let t = format!(
            "{} = {}",
            spec.reference_label,
            lang.t("référence", "reference")
        );
        // Beside the vertical rule, on the side with room for it (else the wider side, shrunk).
        let w = t.chars().count() as f64 * 10.0 * 0.6;
        let rxm = x.map(rx);
        let (tx, anchor) = if rxm + 4.0 + w <= width {
            (rxm + 4.0, Anchor::Start)
        } else if rxm - 4.0 - w >= 0.0 || rxm > width / 2.0 {
            (rxm - 4.0, Anchor::End)
        } else {
            (rxm + 4.0, Anchor::Start)
        };
        let t = if rxm + 4.0 + w <= width || rxm - 4.0 - w >= 0.0 {
            t
        } else {
            spec.reference_label.clone()
        };
        taken.push(text_box(tx, y0 - 4.0, &t, 10.0, anchor));
        sc.text(tx, y0 - 4.0, t, 10.0, anchor).fill = MUTED.into();
        // Each quarter's name in its corner: "more fragile on both" where both point.
        for (k, name) in spec.corners.iter().enumerate() {
            let fragile_x = k == 0 || k == 1;
            let fragile_y = k == 0 || k == 2;
            let at_right = fragile_x == spec.x_fragile_right;
            let at_top = fragile_y == spec.y_fragile_up;
            let (cx, anchor) = if at_right {
                (x1 - 4.0, Anchor::End)
            } else {
                (x0 + 4.0, Anchor::Start)
            };
            let lines = wrap(name, chars((x1 - x0) / 2.0 - 8.0, corner_size));
            let step = corner_size + 2.0;
            let first = if at_top {
                y0 + corner_size + 2.0
            } else {
                y1 - 6.0 - step * (lines.len() as f64 - 1.0)
            };
            for (j, l) in lines.into_iter().enumerate() {
                let cy = first + step * j as f64;
                taken.push(text_box(cx, cy, &l, corner_size, anchor));
                let t = sc.text(cx, cy, l, corner_size, anchor);
                t.fill = MUTED.into();
                t.bold = k == 0;
            }
        }
    }
    let (hi, _) = SERIES[0];
    let dots: Vec<(usize, f64, f64, f64)> = spec
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let r = if p.highlight { 6.5 } else { 4.5 };
            Some((i, x.map(p.x?), y.map(p.y?), r))
        })
        .collect();
    for &(_, cx, cy, r) in &dots {
        taken.push((cx - r, cy - r, cx + r, cy + r));
    }
    for &(i, cx, cy, r) in &dots {
        let p = &spec.points[i];
        sc.marks.push(Mark::Circle {
            cx,
            cy,
            r,
            fill: if p.highlight { hi.into() } else { MUTED.into() },
            stroke: Some("#ffffff".into()),
            key: Some(p.key.clone()),
            title: Some(p.title.clone()),
        });
    }
    // Names: the chosen region first, then left to right; each takes the first place around
    // its dot that covers no other name, dot or corner and stays in the plot, nearest first;
    // a name set further away gets a thin line to its dot.
    let mut order: Vec<&(usize, f64, f64, f64)> = dots.iter().collect();
    order.sort_by(|a, b| {
        spec.points[b.0]
            .highlight
            .cmp(&spec.points[a.0].highlight)
            .then(a.1.total_cmp(&b.1))
    });
    for &&(i, cx, cy, r) in &order {
        let p = &spec.points[i];
        let own = (cx - r, cy - r, cx + r, cy + r);
        let candidates = |d: f64| {
            [
                (cx + r + d, cy + 4.0, Anchor::Start),
                (cx - r - d, cy + 4.0, Anchor::End),
                (cx, cy - r - d, Anchor::Middle),
                (cx, cy + r + d + 9.0, Anchor::Middle),
                (cx + r + d * 0.7, cy - r - d * 0.7, Anchor::Start),
                (cx + r + d * 0.7, cy + r + d * 0.7 + 8.0, Anchor::Start),
                (cx - r - d * 0.7, cy - r - d * 0.7, Anchor::End),
                (cx - r - d * 0.7, cy + r + d * 0.7 + 8.0, Anchor::End),
            ]
        };
        let inside = |b: (f64, f64, f64, f64)| b.0 >= x0 && b.2 <= x1 && b.1 >= y0 && b.3 <= y1;
        let cost = |b: (f64, f64, f64, f64)| -> f64 {
            taken
                .iter()
                .filter(|t| **t != own)
                .map(|t| overlap(b, *t))
                .sum::<f64>()
                + if inside(b) { 0.0 } else { 1e6 }
        };
        let mut best: Option<((f64, f64, Anchor), f64, bool)> = None;
        'rings: for (ring, d) in [3.0, 14.0, 28.0, 44.0].into_iter().enumerate() {
            for c in candidates(d) {
                let b = text_box(c.0, c.1, &p.label, label, c.2);
                let k = cost(b);
                if best.is_none_or(|(_, bk, _)| k < bk) {
                    best = Some((c, k, ring > 0));
                }
                if k == 0.0 {
                    break 'rings;
                }
            }
        }
        let Some(((tx, ty, anchor), k, far)) = best else {
            continue;
        };
        if k > 0.0 && !p.highlight {
            continue;
        }
        if far {
            let b = text_box(tx, ty, &p.label, label, anchor);
            let (ex, ey) = (cx.clamp(b.0, b.2), cy.clamp(b.1, b.3));
            let len = (ex - cx).hypot(ey - cy).max(1e-9);
            let start = (cx + (ex - cx) / len * r, cy + (ey - cy) / len * r);
            sc.line(start, (ex, ey), MUTED, 0.6);
        }
        taken.push(text_box(tx, ty, &p.label, label, anchor));
        let t = sc.text(tx, ty, p.label.clone(), label, anchor);
        t.bold = p.highlight;
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graphics::svg::fragment;

    fn pt(key: &str, label: &str, x: Option<f64>, y: Option<f64>) -> ScatterPoint {
        ScatterPoint {
            key: key.into(),
            label: label.into(),
            x,
            y,
            highlight: key == "76",
            title: format!("{label} in words"),
        }
    }

    fn spec() -> ScatterSpec {
        ScatterSpec {
            x_label: "Chômage (%)".into(),
            y_label: "Pauvreté (%)".into(),
            x_unit: "%".into(),
            y_unit: "%".into(),
            reference: Some((7.4, 14.5)),
            reference_label: "France".into(),
            x_fragile_right: true,
            y_fragile_up: true,
            corners: [
                "plus fragile sur les deux".into(),
                "x seulement".into(),
                "y seulement".into(),
                "moins fragile sur les deux".into(),
            ],
            points: vec![
                pt("76", "Occitanie", Some(9.6), Some(17.2)),
                pt("53", "Bretagne", Some(6.3), Some(10.9)),
                pt("94", "Corse", None, Some(18.5)),
            ],
        }
    }

    fn boxes(sc: &Scene) -> Vec<(String, (f64, f64, f64, f64))> {
        sc.flat()
            .into_iter()
            .filter_map(|m| match m {
                Mark::Text(t) => Some((
                    t.text.clone(),
                    text_box(t.x, t.y, &t.text, t.size, t.anchor),
                )),
                _ => None,
            })
            .collect()
    }

    /// A dot per region with both values (keyed, with its words as tooltip), the reference's
    /// rules, the chosen region larger; more unemployment to the right, more poverty up.
    #[test]
    fn scatter_drawing() {
        let sc = scatter(&spec(), WIDTH, Lang::Fr);
        let svg = fragment(&sc);
        assert_eq!(
            svg.matches("<circle").count(),
            2,
            "Corse has no x value: no dot"
        );
        assert!(svg.contains("<title>Occitanie in words</title>"), "{svg}");
        assert_eq!(
            svg.matches(r#"stroke-dasharray="4 3""#).count(),
            2,
            "the reference's rules"
        );
        let r = |key: &str| {
            sc.flat().into_iter().find_map(|m| match m {
                Mark::Circle {
                    key: Some(k),
                    r,
                    cx,
                    cy,
                    ..
                } if k == key => Some((*r, *cx, *cy)),
                _ => None,
            })
        };
        let (occ, bre) = (r("76").unwrap(), r("53").unwrap());
        assert!(occ.0 > bre.0, "the chosen region is larger");
        assert!(
            occ.1 > bre.1 && occ.2 < bre.2,
            "more unemployment right, more poverty up"
        );
        assert!(sc.texts().contains(&"Bretagne"));
        assert!(sc
            .texts()
            .iter()
            .any(|t| t.contains("plus\u{a0}fragile\u{a0}→")));
    }

    /// "More fragile on both" sits in the corner both measures point to: top right for two
    /// rates, top left when the horizontal measure is more fragile lower (an employment rate).
    #[test]
    fn the_quarters_names_follow_the_polarity() {
        let at = |sp: &ScatterSpec| {
            let sc = scatter(sp, WIDTH, Lang::Fr);
            boxes(&sc)
                .into_iter()
                .find(|(t, _)| t == "plus fragile sur les deux")
                .map(|(_, b)| b)
                .unwrap()
        };
        let b = at(&spec());
        assert!(b.2 > WIDTH / 2.0 && b.1 < HEIGHT / 2.0, "top right: {b:?}");
        let b = at(&ScatterSpec {
            x_fragile_right: false,
            ..spec()
        });
        assert!(b.0 < WIDTH / 2.0 && b.1 < HEIGHT / 2.0, "top left: {b:?}");
        assert!(scatter(
            &ScatterSpec {
                x_fragile_right: false,
                ..spec()
            },
            WIDTH,
            Lang::Fr
        )
        .texts()
        .iter()
        .any(|t| t.contains("←\u{a0}plus\u{a0}fragile")));
    }

    /// Promise: no two names overlap, nor a name and a quarter's name, even with the 13 regions
    /// crowded in one corner; every name stays in the plot.
    #[test]
    fn names_never_overlap_even_when_crowded() {
        let names = [
            "Île-de-France",
            "Centre-Val de Loire",
            "Bourgogne-Franche-Comté",
            "Normandie",
            "Hauts-de-France",
            "Grand Est",
            "Pays de la Loire",
            "Bretagne",
            "Nouvelle-Aquitaine",
            "Occitanie",
            "Auvergne-Rhône-Alpes",
            "Provence-Alpes-Côte d'Azur",
            "Corse",
        ];
        for spread in [0.3, 1.0, 4.0] {
            let points = names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let v = i as f64;
                    let mut p = pt(
                        &format!("{i}"),
                        n,
                        Some(7.0 + spread * (v * 0.37).sin()),
                        Some(14.0 + spread * (v * 0.91).cos()),
                    );
                    p.highlight = i == 4;
                    p
                })
                .collect();
            let sp = ScatterSpec { points, ..spec() };
            for width in [WIDTH, 340.0] {
                let sc = scatter(&sp, width, Lang::Fr);
                let all = boxes(&sc);
                let labels: Vec<_> = all
                    .iter()
                    .filter(|(t, _)| names.contains(&t.as_str()))
                    .collect();
                if width == WIDTH {
                    assert_eq!(labels.len(), 13, "spread {spread}");
                } else {
                    // On a phone a name may be left out, never the chosen region's.
                    assert!(
                        labels.iter().any(|(t, _)| t == "Hauts-de-France"),
                        "spread {spread}"
                    );
                }
                let others: Vec<_> = all
                    .iter()
                    .filter(|(t, _)| !names.contains(&t.as_str()))
                    .collect();
                for (i, (a, ba)) in labels.iter().enumerate() {
                    assert!(
                        ba.0 >= 0.0 && ba.2 <= width - RIGHT + 0.01,
                        "{a} leaves the plot ({spread}, {width})"
                    );
                    for (b, bb) in labels[i + 1..]
                        .iter()
                        .copied()
                        .chain(others.iter().copied())
                    {
                        assert_eq!(
                            overlap(*ba, *bb),
                            0.0,
                            "{a} overlaps {b} (spread {spread}, {width})"
                        );
                    }
                }
                // Every text stays in the drawing, the titles and corners wrapped on a phone.
                for (t, b) in &all {
                    assert!(
                        b.0 >= -0.01 && b.2 <= width + 0.01 && b.1 >= 0.0 && b.3 <= sc.height,
                        "{t} leaves the drawing ({width}): {b:?}"
                    );
                }
            }
        }
    }

    /// Ticks a fraction apart keep the decimals that tell them apart.
    #[test]
    fn ticks_keep_their_decimals() {
        let sp = ScatterSpec {
            points: vec![
                pt("1", "a", Some(0.2), Some(1.0)),
                pt("2", "b", Some(0.9), Some(3.0)),
            ],
            reference: Some((0.5, 2.0)),
            ..spec()
        };
        let texts: Vec<String> = scatter(&sp, WIDTH, Lang::Fr)
            .texts()
            .iter()
            .map(|t| t.to_string())
            .collect();
        assert!(texts.iter().any(|t| t == "0,5" || t == "0,4"), "{texts:?}");
    }

    #[test]
    fn scatter_edge_cases() {
        let empty = ScatterSpec {
            points: vec![],
            reference: None,
            ..spec()
        };
        let sc = scatter(&empty, WIDTH, Lang::En);
        assert!(!fragment(&sc).contains("<circle"));
        let same = ScatterSpec {
            points: vec![spec().points[0].clone(), spec().points[0].clone()],
            reference: None,
            ..spec()
        };
        let sc = scatter(&same, WIDTH, Lang::Fr);
        for m in sc.flat() {
            if let Mark::Circle { cx, cy, .. } = m {
                assert!(cx.is_finite() && cy.is_finite() && *cx > 0.0 && *cy > 0.0);
            }
        }
    }
}
