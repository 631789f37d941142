//! Two measures at once: one dot per region, France's values as two dashed rules (so that the
//! four quarters read "more/less fragile on each"), the regions' names beside their dots, the
//! chosen regions drawn larger in the first series colour.

use super::lines::with_unit;
use super::scale::{nice_domain, Linear};
use super::{Anchor, Mark, Scene, GRID, INK, MUTED};
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
}

/// What a scatter plot shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterSpec {
    pub x_label: String,
    pub y_label: String,
    pub x_unit: String,
    pub y_unit: String,
    /// France's (x, y): the dashed rules.
    pub reference: Option<(f64, f64)>,
    pub points: Vec<ScatterPoint>,
}

/// The drawing of `spec`. Dots are keyed by region; a region missing either value has no dot
/// (the table behind says why).
pub fn scatter(spec: &ScatterSpec, lang: Lang) -> Scene {
    let (width, height) = (600.0, 440.0);
    let (left, right, top, bottom) = (58.0, 24.0, 30.0, 46.0);
    let mut sc = Scene {
        width,
        height,
        marks: Vec::new(),
    };
    let xd = nice_domain(spec.points.iter().map(|p| p.x), spec.reference.map(|r| r.0));
    let yd = nice_domain(spec.points.iter().map(|p| p.y), spec.reference.map(|r| r.1));
    let x = Linear {
        domain: xd,
        range: (left, width - right),
    };
    let y = Linear {
        domain: yd,
        range: (height - bottom, top),
    };
    for t in x.ticks(6) {
        sc.line((x.map(t), top), (x.map(t), height - bottom), GRID, 1.0);
        sc.text(
            x.map(t),
            height - bottom + 16.0,
            with_unit(t, &spec.x_unit, 0, lang),
            11.0,
            Anchor::Middle,
        )
        .fill = MUTED.into();
    }
    for t in y.ticks(6) {
        sc.line((left, y.map(t)), (width - right, y.map(t)), GRID, 1.0);
        sc.text(
            left - 6.0,
            y.map(t) + 4.0,
            with_unit(t, &spec.y_unit, 0, lang),
            11.0,
            Anchor::End,
        )
        .fill = MUTED.into();
    }
    sc.text(
        (left + width - right) / 2.0,
        height - 8.0,
        spec.x_label.clone(),
        12.0,
        Anchor::Middle,
    );
    sc.text(
        left,
        16.0,
        format!("↑ {}", spec.y_label),
        12.0,
        Anchor::Start,
    );
    if let Some((rx, ry)) = spec.reference {
        for (a, b) in [
            ((x.map(rx), top), (x.map(rx), height - bottom)),
            ((left, y.map(ry)), (width - right, y.map(ry))),
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
        sc.text(x.map(rx) + 4.0, top + 10.0, "France", 10.0, Anchor::Start)
            .fill = MUTED.into();
    }
    let (hi, _) = SERIES[0];
    for p in &spec.points {
        let (Some(vx), Some(vy)) = (p.x, p.y) else {
            continue;
        };
        let (cx, cy) = (x.map(vx), y.map(vy));
        let r = if p.highlight { 6.0 } else { 4.5 };
        sc.marks.push(Mark::Circle {
            cx,
            cy,
            r,
            fill: if p.highlight { hi.into() } else { MUTED.into() },
            stroke: Some("#ffffff".into()),
            key: Some(p.key.clone()),
            title: Some(format!(
                "{} : {} {}, {} {}",
                p.label,
                spec.x_label,
                with_unit(vx, &spec.x_unit, format::decimals(vx, &spec.x_unit), lang),
                spec.y_label,
                with_unit(vy, &spec.y_unit, format::decimals(vy, &spec.y_unit), lang)
            )),
        });
        // The name to the right of its dot, or to its left near the right edge.
        let near_edge = cx > width - right - 110.0;
        let t = sc.text(
            if near_edge {
                cx - r - 3.0
            } else {
                cx + r + 3.0
            },
            cy + 4.0,
            p.label.clone(),
            11.0,
            if near_edge {
                Anchor::End
            } else {
                Anchor::Start
            },
        );
        t.bold = p.highlight;
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graphics::svg::fragment;

    fn spec() -> ScatterSpec {
        let pt = |key: &str, label: &str, x: Option<f64>, y: Option<f64>| ScatterPoint {
            key: key.into(),
            label: label.into(),
            x,
            y,
            highlight: key == "76",
        };
        ScatterSpec {
            x_label: "Chômage".into(),
            y_label: "Pauvreté".into(),
            x_unit: "%".into(),
            y_unit: "%".into(),
            reference: Some((7.4, 14.5)),
            points: vec![
                pt("76", "Occitanie", Some(9.6), Some(17.2)),
                pt("53", "Bretagne", Some(6.3), Some(10.9)),
                pt("94", "Corse", None, Some(18.5)),
            ],
        }
    }

    /// A dot per region with both values (keyed, with its values in words), France's rules, the
    /// chosen region larger; the axes hold every value and France.
    #[test]
    fn scatter_drawing() {
        let sc = scatter(&spec(), Lang::Fr);
        let svg = fragment(&sc);
        assert_eq!(
            svg.matches("<circle").count(),
            2,
            "Corse has no x value: no dot"
        );
        assert!(
            svg.contains("<title>Occitanie : Chômage 9,6\u{a0}%, Pauvreté 17,2\u{a0}%</title>"),
            "{svg}"
        );
        assert_eq!(
            svg.matches(r#"stroke-dasharray="4 3""#).count(),
            2,
            "France's two rules"
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
    }

    #[test]
    fn scatter_edge_cases() {
        let empty = ScatterSpec {
            points: vec![],
            reference: None,
            ..spec()
        };
        let sc = scatter(&empty, Lang::En);
        assert!(!fragment(&sc).contains("<circle"));
        let same = ScatterSpec {
            points: vec![spec().points[0].clone(), spec().points[0].clone()],
            reference: None,
            ..spec()
        };
        let sc = scatter(&same, Lang::Fr);
        for m in sc.flat() {
            if let Mark::Circle { cx, cy, .. } = m {
                assert!(cx.is_finite() && cy.is_finite() && *cx > 0.0 && *cy > 0.0);
            }
        }
    }
}
