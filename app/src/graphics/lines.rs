//! Series over the years: one line per area (France dashed, so that it reads without colour),
//! a dot per year with its value as a tooltip, the name and last value at the end of each line,
//! and a dashed vertical rule where the source breaks its series (never joined across).
//! `sparkline` is the same drawing shrunk to a table cell.

use super::scale::{nice_domain, year_ticks, Linear};
use super::{Anchor, Mark, Scene, GRID, INK, MUTED};
use crate::format;
use crate::i18n::Lang;

/// One area's values by year, in year order.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// What the series stands for (a region code, `FR`): its marks' key.
    pub key: String,
    pub label: String,
    pub color: String,
    /// A shape written at the end of the line (●■▲◆), so that series differ without colour.
    pub marker: String,
    /// Drawn dashed (France, the reference).
    pub dashed: bool,
    pub points: Vec<(i32, Option<f64>)>,
}

/// What a line chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSpec {
    /// Unit of the values, for the axis and the tooltips (`%`, or empty for an index).
    pub unit: String,
    /// A value the axis always holds (100 on an index).
    pub reference: Option<f64>,
    pub series: Vec<LineSeries>,
    /// Years from which the source's series is not comparable with the years before.
    pub breaks: Vec<i32>,
    /// Text of a break's rule ("rupture de série").
    pub break_label: String,
}

/// The runs of a series that may be joined: split at missing values and at breaks.
pub fn runs(points: &[(i32, Option<f64>)], breaks: &[i32]) -> Vec<Vec<(i32, f64)>> {
    let mut out: Vec<Vec<(i32, f64)>> = Vec::new();
    let mut current: Vec<(i32, f64)> = Vec::new();
    for &(year, v) in points {
        let broken = breaks.contains(&year);
        match v {
            Some(v) if v.is_finite() => {
                if broken && !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                current.push((year, v));
            }
            _ => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn years(spec: &LineSpec) -> Option<(i32, i32)> {
    let mut it = spec
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0));
    let first = it.next()?;
    Some(it.fold((first, first), |(a, b), y| (a.min(y), b.max(y))))
}

/// The decimals of a series' labels: those of its unit's values, one more on a narrow axis.
fn decimals(spec: &LineSpec, domain: (f64, f64)) -> usize {
    if spec.unit.is_empty() {
        return 0; // an index: whole numbers, as everywhere else
    }
    let base = spec
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.1))
        .map(|v| format::decimals(v, &spec.unit))
        .max()
        .unwrap_or(0);
    if domain.1 - domain.0 < 5.0 {
        base.max(1)
    } else {
        base
    }
}

/// Below this width (a phone) the lines' names go under the plot instead of beside its end.
pub const NARROW: f64 = 500.0;

/// The drawing of `spec`, `width` wide. Keys: `area` for a line, `area/year` for a dot. Narrower
/// than [`NARROW`], the plot takes the whole width and the names are listed under it, so that
/// the type is drawn at its size instead of being scaled down to a phone's width.
pub fn lines(spec: &LineSpec, width: f64, lang: Lang) -> Scene {
    let narrow = width < NARROW;
    let (left, right_pad, top, bottom) = (52.0, if narrow { 14.0 } else { 210.0 }, 26.0, 30.0);
    let plot_h = 280.0;
    let height = if narrow {
        plot_h + 8.0 + 16.0 * spec.series.len() as f64
    } else {
        plot_h
    };
    let mut sc = Scene {
        width,
        height,
        marks: Vec::new(),
    };
    let Some((y0, y1)) = years(spec) else {
        return sc;
    };
    let domain = nice_domain(
        spec.series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1)),
        spec.reference,
    );
    let x = Linear {
        domain: (y0 as f64, y1 as f64),
        range: (left, width - right_pad),
    };
    let y = Linear {
        domain,
        range: (plot_h - bottom, top),
    };
    let dec = decimals(spec, domain);
    // A long unit ("pour 100 personnes de 20-64 ans") is said once above the axis; ticks and
    // labels then carry the number alone (a percentage keeps its sign).
    let short = |v: f64, d: usize| {
        if spec.unit == "%" {
            with_unit(v, "%", d, lang)
        } else {
            format::number(v, d, lang)
        }
    };
    if !spec.unit.is_empty() && spec.unit != "%" {
        sc.text(left - 40.0, 12.0, spec.unit.clone(), 11.0, Anchor::Start)
            .fill = MUTED.into();
    }
    for t in y.ticks(5) {
        sc.line((left, y.map(t)), (width - right_pad, y.map(t)), GRID, 1.0);
        sc.text(
            left - 6.0,
            y.map(t) + 4.0,
            short(t, dec.min(1)),
            11.0,
            Anchor::End,
        )
        .fill = MUTED.into();
    }
    if let Some(r) = spec.reference {
        sc.marks.push(Mark::Line {
            x1: left,
            y1: y.map(r),
            x2: width - right_pad,
            y2: y.map(r),
            stroke: MUTED.into(),
            width: 1.0,
            dash: false,
        });
    }
    let ticks = year_ticks(y0, y1);
    let step = if narrow && ticks.len() > 6 { 2 } else { 1 };
    for t in ticks.into_iter().step_by(step) {
        sc.text(
            x.map(t as f64),
            plot_h - 10.0,
            t.to_string(),
            11.0,
            Anchor::Middle,
        )
        .fill = MUTED.into();
    }
    for &b in spec.breaks.iter().filter(|b| **b > y0 && **b <= y1) {
        let bx = x.map(b as f64 - 0.5);
        sc.marks.push(Mark::Line {
            x1: bx,
            y1: top,
            x2: bx,
            y2: plot_h - bottom,
            stroke: INK.into(),
            width: 1.0,
            dash: true,
        });
        sc.text(
            bx + 3.0,
            top + 9.0,
            spec.break_label.clone(),
            10.0,
            Anchor::Start,
        )
        .fill = MUTED.into();
    }
    let mut ends: Vec<(f64, String, String)> = Vec::new();
    for s in &spec.series {
        let width = if s.dashed { 2.0 } else { 2.5 };
        for run in runs(&s.points, &spec.breaks) {
            sc.marks.push(Mark::Polyline {
                points: run
                    .iter()
                    .map(|&(yr, v)| (x.map(yr as f64), y.map(v)))
                    .collect(),
                stroke: s.color.clone(),
                width,
                dash: s.dashed,
                key: Some(s.key.clone()),
            });
        }
        for (yr, v) in s.points.iter().filter_map(|&(yr, v)| v.map(|v| (yr, v))) {
            sc.marks.push(Mark::Circle {
                cx: x.map(yr as f64),
                cy: y.map(v),
                r: 3.0,
                fill: s.color.clone(),
                stroke: Some("#ffffff".into()),
                key: Some(format!("{}/{yr}", s.key)),
                title: Some(format!(
                    "{}, {yr} : {}",
                    s.label,
                    with_unit(v, &spec.unit, dec, lang)
                )),
            });
        }
        if let Some(v) = s.points.iter().rev().find_map(|p| p.1) {
            ends.push((
                y.map(v),
                // A long name is shortened so that its value stays inside the drawing (the
                // table and the tooltips carry it whole).
                format!("{} {} {}", s.marker, clip(&s.label, 20), short(v, dec)),
                s.color.clone(),
            ));
        }
    }
    // End labels, moved apart so that none overlaps another (14 units at least); on a phone,
    // listed under the plot in the same order (highest first).
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut last = f64::NEG_INFINITY;
    for (k, (ly, text, color)) in ends.into_iter().enumerate() {
        let (lx, ly) = if narrow {
            (left - 40.0, plot_h + 8.0 + 16.0 * (k as f64 + 0.8))
        } else {
            let ly = (ly + 4.0).max(last + 14.0);
            last = ly;
            (width - right_pad + 8.0, ly)
        };
        sc.text(lx, ly, text, 12.0, Anchor::Start).fill = color;
    }
    sc
}

/// `text` cut to `n` characters with an ellipsis.
fn clip(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_string()
    } else {
        format!(
            "{}…",
            text.chars().take(n - 1).collect::<String>().trim_end()
        )
    }
}

/// A series and France's in a table cell: no text, the last value a dot.
pub fn sparkline(
    area: &[(i32, Option<f64>)],
    france: &[(i32, Option<f64>)],
    breaks: &[i32],
    (width, height): (f64, f64),
) -> Scene {
    let mut sc = Scene {
        width,
        height,
        marks: Vec::new(),
    };
    let all = area.iter().chain(france);
    let (Some(y0), Some(y1)) = (
        all.clone().map(|p| p.0).min(),
        all.clone().map(|p| p.0).max(),
    ) else {
        return sc;
    };
    let domain = nice_domain(all.map(|p| p.1), None);
    let x = Linear {
        domain: (y0 as f64, y1 as f64),
        range: (3.0, width - 3.0),
    };
    let y = Linear {
        domain,
        range: (height - 3.0, 3.0),
    };
    for (points, color, dash, key) in [(france, MUTED, true, "FR"), (area, INK, false, "area")] {
        for run in runs(points, breaks) {
            sc.marks.push(Mark::Polyline {
                points: run
                    .iter()
                    .map(|&(yr, v)| (x.map(yr as f64), y.map(v)))
                    .collect(),
                stroke: color.into(),
                width: if dash { 1.0 } else { 1.5 },
                dash,
                key: Some(key.into()),
            });
        }
    }
    if let Some((yr, v)) = area.iter().rev().find_map(|p| p.1.map(|v| (p.0, v))) {
        sc.circle(x.map(yr as f64), y.map(v), 2.0, INK, None);
    }
    sc
}

/// A value with its unit, or the bare number when it has none (an index).
pub(super) fn with_unit(v: f64, unit: &str, decimals: usize, lang: Lang) -> String {
    if unit.is_empty() {
        format::number(v, decimals, lang)
    } else {
        format::value_with(v, unit, decimals, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graphics::svg::fragment;

    fn spec() -> LineSpec {
        LineSpec {
            unit: "%".into(),
            reference: None,
            breaks: vec![2016],
            break_label: "rupture de série".into(),
            series: vec![
                LineSeries {
                    key: "76".into(),
                    label: "Occitanie".into(),
                    color: "#1b6ca8".into(),
                    marker: "●".into(),
                    dashed: false,
                    points: vec![
                        (2014, Some(12.0)),
                        (2015, Some(11.6)),
                        (2016, Some(11.0)),
                        (2017, None),
                        (2018, Some(10.2)),
                    ],
                },
                LineSeries {
                    key: "FR".into(),
                    label: "France".into(),
                    color: INK.into(),
                    marker: "—".into(),
                    dashed: true,
                    points: vec![
                        (2014, Some(11.9)),
                        (2015, Some(11.5)),
                        (2016, Some(10.9)),
                        (2017, Some(10.0)),
                        (2018, Some(10.1)),
                    ],
                },
            ],
        }
    }

    /// A series is never joined across a missing year or a break of the source's series.
    #[test]
    fn runs_split_at_gaps_and_breaks() {
        let s = spec();
        let r = runs(&s.series[0].points, &s.breaks);
        assert_eq!(
            r,
            vec![
                vec![(2014, 12.0), (2015, 11.6)],
                vec![(2016, 11.0)],
                vec![(2018, 10.2)]
            ]
        );
        assert_eq!(runs(&[], &[]), Vec::<Vec<(i32, f64)>>::new());
        assert_eq!(runs(&[(2020, None)], &[]).len(), 0);
        assert_eq!(
            runs(&[(2020, Some(f64::NAN)), (2021, Some(1.0))], &[]).len(),
            1
        );
    }

    /// Snapshot of the drawing's content: one polyline per run, a dot per known year with its
    /// value in words, end labels apart, the break's rule and words.
    #[test]
    fn lines_drawing() {
        let sc = lines(&spec(), 640.0, Lang::Fr);
        let polylines = sc
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Polyline { .. }))
            .count();
        assert_eq!(
            polylines,
            3 + 2,
            "Occitanie in 3 runs, France in 2 (the break)"
        );
        let svg = fragment(&sc);
        assert!(
            svg.contains("data-key=\"76/2018\"><title>Occitanie, 2018 : 10,2\u{a0}%</title>"),
            "{svg}"
        );
        assert!(
            !svg.contains(r#"data-key="76/2017""#),
            "no dot for a missing year"
        );
        assert!(svg.contains("rupture de série"));
        let texts = sc.texts();
        assert!(
            texts.contains(&"● Occitanie 10,2\u{a0}%") && texts.contains(&"— France 10,1\u{a0}%"),
            "{texts:?}"
        );
        assert!(texts.contains(&"2014") && texts.contains(&"2018"));
        // The two end labels are 10.1 and 10.2: close values, labels kept 14 units apart.
        let ys: Vec<f64> = sc
            .flat()
            .into_iter()
            .filter_map(|m| match m {
                Mark::Text(t) if t.text.contains("Occitanie") || t.text.contains("France") => {
                    Some(t.y)
                }
                _ => None,
            })
            .collect();
        assert!((ys[0] - ys[1]).abs() >= 14.0, "{ys:?}");
        // Every mark is inside the drawing.
        for m in sc.flat() {
            if let Mark::Circle { cx, cy, .. } = m {
                assert!((0.0..=640.0).contains(cx) && (0.0..=280.0).contains(cy));
            }
        }
    }

    /// Edge cases: no series, one year, every value missing.
    /// On a phone (#14 item 5) the names go under the plot, inside the drawing's width, and the
    /// type keeps its size (the drawing is not scaled down from 640 units).
    #[test]
    fn a_phone_lists_the_names_under_the_plot() {
        let sc = lines(&spec(), 360.0, Lang::Fr);
        assert_eq!(sc.width, 360.0);
        let names: Vec<(f64, f64)> = sc
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text(t) if t.text.contains("France") || t.text.contains('●') => {
                    Some((t.x, t.y))
                }
                _ => None,
            })
            .collect();
        assert_eq!(names.len(), 2, "{:?}", sc.texts());
        assert!(
            names.iter().all(|(x, y)| *x < 40.0 && *y > 280.0),
            "{names:?}"
        );
        assert!(sc.height > 280.0 + 2.0 * 16.0);
    }

    #[test]
    fn lines_edge_cases() {
        let mut s = spec();
        s.series.clear();
        assert!(lines(&s, 640.0, Lang::Fr).marks.is_empty());
        let one = LineSpec {
            series: vec![LineSeries {
                points: vec![(2019, Some(4.0))],
                ..spec().series[0].clone()
            }],
            ..spec()
        };
        let sc = lines(&one, 640.0, Lang::En);
        assert_eq!(sc.texts().iter().filter(|t| **t == "2019").count(), 1);
        let none = LineSpec {
            series: vec![LineSeries {
                points: vec![(2019, None), (2020, None)],
                ..spec().series[0].clone()
            }],
            ..spec()
        };
        assert!(!fragment(&lines(&none, 640.0, Lang::Fr)).contains("<polyline"));
        // A long unit is said once, above the axis; ticks and end labels carry numbers only.
        let long = LineSpec {
            unit: "pour 100 personnes de 20-64 ans".into(),
            ..spec()
        };
        let sc = lines(&long, 640.0, Lang::Fr);
        let texts = sc.texts();
        assert_eq!(
            texts.iter().filter(|t| t.contains("pour 100")).count(),
            1,
            "{texts:?}"
        );
        assert!(texts.contains(&"● Occitanie 10,2"), "{texts:?}");
        let mut named = spec();
        named.series[0].label = "Développement économique".into();
        let texts = lines(&named, 640.0, Lang::Fr).texts().join("|");
        assert!(texts.contains("● Développement écono… 10,2"), "{texts}");
    }

    #[test]
    fn sparkline_drawing() {
        let s = spec();
        let sc = sparkline(
            &s.series[0].points,
            &s.series[1].points,
            &s.breaks,
            (80.0, 22.0),
        );
        assert!(sc.texts().is_empty(), "no text in a cell");
        let svg = fragment(&sc);
        assert_eq!(svg.matches("<polyline").count(), 5);
        assert_eq!(svg.matches("<circle").count(), 1, "the last value");
        assert!(sparkline(&[], &[], &[], (80.0, 22.0)).marks.is_empty());
    }
}
