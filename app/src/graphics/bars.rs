//! Bars around France = 100: one row per domain or region, one bar per series (the compared
//! regions), from the France line to the index. Used by the region page, the comparison and the
//! ranking, on screen and in the exports.

use super::scale::{index_domain, index_ticks, Linear};
use super::{Anchor, Mark, Scene, GRID, INK, MUTED};
use crate::chart::{ChartSpec, SERIES};
use crate::format;
use crate::i18n::Lang;

/// A single series' bar: orange above France (more fragile), purple below (PuOr's ends, the
/// map's palette).
pub const MORE_FILL: &str = "#b35806";
pub const LESS_FILL: &str = "#542788";

/// Sizes of one rendering: the screen gives its width, the export its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    /// Label type size; the others follow.
    pub font: f64,
    pub row: f64,
}

impl Size {
    /// The screen, `width` CSS pixels wide.
    pub fn screen(width: f64) -> Size {
        Size {
            width,
            font: 13.0,
            row: 30.0,
        }
    }
    /// The exports (then fitted into the frame).
    pub const EXPORT: Size = Size {
        width: 1110.0,
        font: 18.0,
        row: 34.0,
    };
}

/// Estimated width of a text in this type size (the renderers have no font metrics natively).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

/// `label` shortened with "…" to fit `width` (estimated wide, 0.62 em a glyph: a label must
/// never run off the drawing's left edge).
fn fit(label: &str, size: f64, width: f64) -> String {
    if label.chars().count() as f64 * size * 0.62 <= width {
        return label.to_string();
    }
    let keep = ((width / (size * 0.62)) as usize).saturating_sub(1).max(3);
    label.chars().take(keep).collect::<String>() + "…"
}

/// The fill of series `k` for value `v`.
pub fn fill(spec: &ChartSpec, k: usize, v: f64) -> &'static str {
    if spec.series.len() > 1 {
        SERIES[k % SERIES.len()].0
    } else if v >= 100.0 {
        MORE_FILL
    } else {
        LESS_FILL
    }
}

/// The drawing of `spec` at `size`. Bars are keyed `row key` (one series) or `row key/k`.
pub fn bars(spec: &ChartSpec, size: Size, lang: Lang) -> Scene {
    let f = size.font;
    let n = spec.series.len().max(1);
    let label_w = (f * 18.0).min(size.width * 0.42);
    let right = size.width - f * 2.5;
    // The legend's entries, on as many lines as the width needs (four long names on a phone).
    let mut legend: Vec<(f64, usize)> = Vec::new();
    if n > 1 {
        let (mut lx, mut line) = (label_w.min(f * 2.0).max(0.0), 0usize);
        lx = if size.width > 600.0 { label_w } else { lx };
        let start = lx;
        for name in &spec.series {
            let w = f * 2.6 + text_width(&format!("● {name}"), f);
            if lx > start && lx + w - f * 1.3 > size.width {
                lx = start;
                line += 1;
            }
            legend.push((lx, line));
            lx += w;
        }
    }
    let lines = legend.iter().map(|l| l.1 + 1).max().unwrap_or(0);
    let legend_h = f * 2.2 * lines as f64;
    let top = legend_h + f * 1.8;
    let bottom = top + size.row * spec.rows.len() as f64;
    let domain = index_domain(spec.rows.iter().flat_map(|r| r.values.iter().copied()));
    let x = Linear {
        domain,
        range: (label_w, right),
    };
    let mut s = Scene {
        width: size.width,
        height: bottom + f * 2.0,
        marks: Vec::new(),
    };
    for (k, (name, (lx, line))) in spec.series.iter().zip(&legend).enumerate() {
        let (color, mark) = SERIES[k % SERIES.len()];
        let ly = *line as f64 * f * 2.2;
        s.rect(*lx, ly + f * 0.4, f, f, color, None);
        s.text(
            *lx + f * 1.3,
            ly + f * 1.25,
            format!("{mark} {name}"),
            f,
            Anchor::Start,
        )
        .fill = color.into();
    }
    for t in index_ticks(domain) {
        s.line((x.map(t), top), (x.map(t), bottom), GRID, 1.0);
        s.text(
            x.map(t),
            bottom + f * 1.3,
            format::number(t, 0, lang),
            f * 0.85,
            Anchor::Middle,
        )
        .fill = MUTED.into();
    }
    let band = (size.row - 8.0) / n as f64;
    // A value's text no taller than its bar's band: the values of two series never overlap.
    let value_size = band.min(f * 0.85);
    for (i, r) in spec.rows.iter().enumerate() {
        let y = top + i as f64 * size.row;
        s.text(
            label_w - f * 0.6,
            y + size.row / 2.0 + f * 0.35,
            fit(&r.label, f, label_w - f),
            f,
            Anchor::End,
        );
        for (k, v) in r.values.iter().enumerate() {
            let by = y + 4.0 + band * k as f64;
            let key = if n > 1 {
                format!("{}/{k}", r.key)
            } else {
                r.key.clone()
            };
            match v {
                Some(v) => {
                    let (a, b) = (x.map(100.0).min(x.map(*v)), x.map(100.0).max(x.map(*v)));
                    s.rect(
                        a,
                        by,
                        (b - a).max(1.0),
                        band - 2.0,
                        fill(spec, k, *v),
                        Some(key),
                    );
                    if value_size >= 9.0 {
                        let (tx, anchor) = if *v >= 100.0 {
                            (b + 4.0, Anchor::Start)
                        } else {
                            (a - 4.0, Anchor::End)
                        };
                        s.text(
                            tx,
                            by + band / 2.0 + value_size * 0.35,
                            format::index(*v, lang),
                            value_size,
                            anchor,
                        );
                    }
                }
                None => {
                    s.text(
                        x.map(100.0) + 4.0,
                        by + band / 2.0 + f * 0.3,
                        "n.d.",
                        f * 0.75,
                        Anchor::Start,
                    )
                    .fill = MUTED.into();
                }
            }
        }
    }
    let x100 = x.map(100.0);
    s.marks.push(Mark::Line {
        x1: x100,
        y1: top - f * 0.4,
        x2: x100,
        y2: bottom,
        stroke: INK.into(),
        width: 2.0,
        dash: false,
    });
    let france = s.text(
        x100,
        top - f * 0.6,
        spec.france_label.clone(),
        f * 0.85,
        Anchor::Middle,
    );
    france.bold = true;
    // The direction key on either side of "France = 100": a slide read alone says which side is
    // the more fragile one (drawn only where it fits, between the left edge and the right).
    let half = text_width(&spec.france_label, f * 0.85) / 2.0 + f * 0.8;
    let (less, more) = (
        lang.t("← moins fragile", "← less fragile"),
        lang.t("plus fragile →", "more fragile →"),
    );
    let ks = f * 0.8;
    if x100 - half - text_width(less, ks) >= 0.0 && x100 + half + text_width(more, ks) <= size.width
    {
        s.text(x100 - half, top - f * 0.6, less, ks, Anchor::End)
            .fill = LESS_FILL.into();
        s.text(x100 + half, top - f * 0.6, more, ks, Anchor::Start)
            .fill = MORE_FILL.into();
    } else {
        // Too narrow beside the label (a phone): under the axis, from France's line outwards.
        let y = bottom + f * 2.9;
        s.text(x100 - f * 0.4, y, less, ks, Anchor::End).fill = LESS_FILL.into();
        s.text(x100 + f * 0.4, y, more, ks, Anchor::Start).fill = MORE_FILL.into();
        s.height += f * 1.6;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartRow;

    fn spec(series: usize, values: &[Option<f64>]) -> ChartSpec {
        ChartSpec {
            title: "t".into(),
            rows: values
                .chunks(series)
                .enumerate()
                .map(|(i, v)| ChartRow {
                    key: format!("r{i}"),
                    label: format!("Ligne {i}"),
                    values: v.to_vec(),
                })
                .collect(),
            series: (0..series).map(|k| format!("S{k}")).collect(),
            france_label: "France = 100".into(),
        }
    }

    /// Snapshot of a small chart: the marks' kinds, keys, fills and texts, numbers rounded.
    #[test]
    fn snapshot_single_series() {
        let s = bars(
            &spec(1, &[Some(120.0), Some(80.0), None]),
            Size::EXPORT,
            Lang::Fr,
        );
        assert_eq!(s.fills(), vec![("r0", MORE_FILL), ("r1", LESS_FILL)]);
        assert_eq!(
            s.texts(),
            vec![
                "70",
                "80",
                "90",
                "100",
                "110",
                "120",
                "130",
                "Ligne 0",
                "120",
                "Ligne 1",
                "80",
                "Ligne 2",
                "n.d.",
                "France = 100",
                "← moins fragile",
                "plus fragile →"
            ]
        );
        // 100 and the bars' ends on the scale: 120 is as far right of 100 as 80 is left.
        let rects: Vec<(f64, f64)> = s
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Rect {
                    x, w, key: Some(_), ..
                } => Some(((x * 10.0).round() / 10.0, (w * 10.0).round() / 10.0)),
                _ => None,
            })
            .collect();
        assert_eq!(rects[0].1, rects[1].1, "symmetric around France");
        assert_eq!(
            rects[1].0 + rects[1].1,
            rects[0].0,
            "both start or end at the France line"
        );
    }

    /// Several series: one colour per series, keyed row/series, a legend, no value text when
    /// the bars are too thin to carry it.
    #[test]
    fn several_series_have_their_colours_and_a_legend() {
        let s = bars(
            &spec(4, &[Some(121.0), Some(79.0), Some(101.0), Some(99.0)]),
            Size::screen(600.0),
            Lang::Fr,
        );
        let fills = s.fills();
        assert_eq!(fills.len(), 4);
        for (k, (key, fill)) in fills.iter().enumerate() {
            assert_eq!(*key, format!("r0/{k}"));
            assert_eq!(
                *fill, SERIES[k].0,
                "a series keeps its colour whatever the value"
            );
        }
        assert!(s.texts().iter().any(|t| t.ends_with("S3")), "legend");
        assert!(
            !s.texts().contains(&"121"),
            "bars 5.5 px thick carry no value"
        );
    }

    /// On a phone (#14 item 5): four long region names in the legend wrap onto lines inside
    /// the width (it read "▲ Prove" cut at the edge), no row label starts left of the drawing,
    /// and the direction key is drawn under the axis.
    #[test]
    fn a_phone_keeps_every_text_inside() {
        let mut sp = spec(4, &[Some(120.0), Some(80.0), Some(101.0), Some(99.0)]);
        sp.series = vec![
            "Île-de-France".into(),
            "Bretagne".into(),
            "Provence-Alpes-Côte d'Azur".into(),
            "Auvergne-Rhône-Alpes".into(),
        ];
        sp.rows[0].label = "Développement économique".into();
        let size = Size::screen(340.0);
        let s = bars(&sp, size, Lang::Fr);
        for m in &s.marks {
            if let Mark::Text(t) = m {
                let w = t.text.chars().count() as f64 * t.size * 0.6;
                let (a, b) = match t.anchor {
                    Anchor::Start => (t.x, t.x + w),
                    Anchor::End => (t.x - w, t.x),
                    Anchor::Middle => (t.x - w / 2.0, t.x + w / 2.0),
                };
                assert!(
                    a >= -1.0 && b <= s.width + 1.0,
                    "{:?} runs off: {a:.0}–{b:.0} of {}",
                    t.text,
                    s.width
                );
            }
        }
        let texts = s.texts();
        assert!(
            texts
                .iter()
                .any(|t| t.ends_with("Provence-Alpes-Côte d'Azur")),
            "{texts:?}"
        );
        assert!(texts.contains(&"plus fragile →"));
    }

    /// A long label is shortened to its column, never drawn over the bars.
    #[test]
    fn long_labels_fit_their_column() {
        let mut sp = spec(1, &[Some(100.0)]);
        sp.rows[0].label = "Pauvreté / précarité / niveau de vie, un libellé très long".into();
        let s = bars(&sp, Size::screen(320.0), Lang::Fr);
        let label = s
            .texts()
            .into_iter()
            .find(|t| t.starts_with("Pauvr"))
            .unwrap();
        assert!(label.ends_with('…'), "{label}");
        assert!(text_width(label, 13.0) <= 320.0 * 0.42, "{label}");
        // Nothing at all: a frame with the France line and the ticks, no panic.
        let empty = bars(&spec(1, &[]), Size::screen(320.0), Lang::Fr);
        assert!(empty.fills().is_empty() && empty.texts().contains(&"France = 100"));
        // The direction key beside France's line (#14: a slide read alone says which side is
        // more fragile).
        let s = bars(
            &spec(1, &[Some(120.0), Some(80.0)]),
            Size::screen(900.0),
            Lang::Fr,
        );
        let key = s.texts();
        assert!(
            key.contains(&"plus fragile →") && key.contains(&"← moins fragile"),
            "{key:?}"
        );
    }
}
