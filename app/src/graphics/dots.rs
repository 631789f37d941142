//! Dots with their margins of error: one row per practice, one dot per area (France, then each
//! covered region), a line for the 95 % interval. The acteurs view on screen and in print.

use super::scale::Linear;
use super::{Anchor, Mark, Scene, GRID, MUTED};
use crate::chart::SERIES;
use crate::format;
use crate::i18n::Lang;
use crate::state::acteurs::ActeursState;

/// The colour and glyph of area `k` (0 is France, then each covered region): France in ink, the
/// regions in the comparison's colours in the same order, so that a region keeps its colour from
/// the comparison to the acteurs (Nouvelle-Aquitaine blue, Occitanie orange, as the decks' pair).
pub fn area_style(k: usize) -> (&'static str, &'static str) {
    match k {
        0 => (super::INK, "◆"),
        _ => SERIES[(k - 1) % SERIES.len()],
    }
}

/// The drawing of the practices, `width` wide (640 for the export). Dots are keyed `practice
/// row/area index`. Narrower than 500 (a phone), each practice's name goes above its dots and
/// the plot takes the whole width, so that the type keeps its size.
pub fn practices(s: &ActeursState, lang: Lang, width: f64) -> Scene {
    let narrow = width < 500.0;
    let (w, left, right) = if narrow {
        (width, 12.0, width - 14.0)
    } else {
        (640.0, 190.0, 620.0)
    };
    // Each area's dot on its own line within the row, 17 px apart (the glyph is 16 px): two
    // areas at the same value never hide one another.
    let head = if narrow { 18.0 } else { 0.0 };
    let row_h = (20.0 + 17.0 * s.areas.len() as f64).max(54.0) + head;
    let x = Linear {
        domain: (0.0, s.axis_max),
        range: (left, right),
    };
    let plot_h = 40.0 + row_h * s.practices.len() as f64;
    // The legend under the plot: a slide exported alone still says which mark is which area.
    let h = plot_h + 28.0;
    let mut sc = Scene {
        width: w,
        height: h,
        marks: Vec::new(),
    };
    for t in x.ticks((s.axis_max / 10.0) as usize) {
        sc.line((x.map(t), 20.0), (x.map(t), plot_h - 10.0), GRID, 1.0);
        sc.text(
            x.map(t),
            14.0,
            format::value_with(t, "%", 0, lang),
            11.0,
            Anchor::Middle,
        )
        .fill = MUTED.into();
    }
    let n_areas = s.areas.len().max(1) as f64;
    for (i, p) in s.practices.iter().enumerate() {
        let y = 30.0 + i as f64 * row_h;
        let label_y = if narrow { y + 12.0 } else { y + row_h / 2.0 };
        sc.text(4.0, label_y, p.practice.clone(), 13.0, Anchor::Start);
        for (k, (area, v, margin)) in p.values.iter().enumerate() {
            let yy = y + head + 10.0 + k as f64 * (row_h - head - 20.0) / n_areas;
            let (color, mark) = area_style(k);
            sc.marks.push(Mark::Line {
                x1: x.map((v - margin).max(0.0)),
                y1: yy,
                x2: x.map(v + margin),
                y2: yy,
                stroke: color.into(),
                width: 2.5,
                dash: false,
            });
            sc.text(x.map(*v), yy + 5.0, mark, 16.0, Anchor::Middle)
                .fill = color.into();
            // Over the glyph, the dot's transparent hit area, which carries its tooltip.
            sc.marks.push(Mark::Rect {
                x: x.map(*v) - 8.0,
                y: yy - 8.0,
                w: 16.0,
                h: 16.0,
                fill: "transparent".into(),
                stroke: None,
                rx: 0.0,
                key: Some(format!("{i}/{k}")),
                title: Some(format!(
                    "{area} : {} (± {} pts)",
                    format::value_with(*v, "%", 0, lang),
                    format::number(*margin, 1, lang)
                )),
            });
        }
    }
    // The legend, on as many lines as the width needs.
    let (mut lx, mut ly) = (left, plot_h + 14.0);
    for (k, area) in s.areas.iter().enumerate() {
        let (color, mark) = area_style(k);
        let step = 40.0 + area.chars().count() as f64 * 7.3;
        if lx > left && lx + step - 20.0 > w {
            lx = left;
            ly += 20.0;
        }
        sc.text(lx, ly, mark, 14.0, Anchor::Start).fill = color.into();
        sc.text(lx + 18.0, ly, area.clone(), 13.0, Anchor::Start);
        lx += step;
    }
    sc.height = sc.height.max(ly + 14.0);
    sc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::acteurs::PracticeRow;

    /// Each dot's interval is its own margin, on an axis that holds the widest interval.
    #[test]
    fn intervals_are_each_dots_own() {
        let s = ActeursState {
            coverage: String::new(),
            covered: vec![],
            areas: vec!["France".into(), "Alpha".into()],
            practices: vec![PracticeRow {
                practice: "P".into(),
                values: vec![("France".into(), 45.0, 8.0), ("Alpha".into(), 61.0, 4.0)],
            }],
            practice_year: "2015".into(),
            practice_base: "N = 107".into(),
            practice_n: 107,
            axis_max: 80.0,
            surveys: vec![],
            regional_margin: 5.0,
            national_margin: (2.0, 3.0),
            margin_note: String::new(),
            margin_sample: String::new(),
            source: String::new(),
        };
        let sc = practices(&s, Lang::Fr, 640.0);
        let widths: Vec<f64> = sc
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Line { x1, x2, stroke, .. } if stroke != GRID => {
                    Some(((x2 - x1) * 10.0).round() / 10.0)
                }
                _ => None,
            })
            .collect();
        // 430 units for 80 points: ±8 → 86 units, ±4 → 43.
        assert_eq!(widths, vec![86.0, 43.0]);
        let glyphs: Vec<(&str, &str)> = sc
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text(t) if t.size == 16.0 => Some((t.text.as_str(), t.fill.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            glyphs,
            vec![("◆", crate::graphics::INK), (SERIES[0].1, SERIES[0].0)]
        );
        assert_eq!(
            sc.fills().iter().map(|f| f.0).collect::<Vec<_>>(),
            ["0/0", "0/1"]
        );
        assert_eq!(sc.texts().first(), Some(&"0\u{a0}%"));
        assert!(sc.texts().contains(&"80\u{a0}%"));
        // The legend names every area beside its mark, so an exported slide reads alone.
        let texts = sc.texts();
        assert!(
            texts.windows(2).any(|w| w == [SERIES[0].1, "Alpha"]),
            "{texts:?}"
        );
    }
}
