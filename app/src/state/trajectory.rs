//! What changed: an indicator's or a domain's values over the years against France, the span a
//! change is read on (never across a break of the source's series), and the words of the change
//! (direction, size, comparison with France, whether the gap to France narrowed; never a cause).

use crate::format;
use crate::graphics::lines::{LineSeries, LineSpec};
use crate::i18n::Lang;
use datafrag::index::indices;
use datafrag::model::{Dataset, IndicatorOut, Polarity};

/// Whether an indicator has a series a line can follow (two years or more).
pub fn has_series(i: &IndicatorOut) -> bool {
    i.trajectory.as_ref().is_some_and(|t| t.years.len() >= 2)
}

/// The year from which an indicator's series reads as one (its last break), if it has a break.
pub fn last_break(i: &IndicatorOut) -> Option<i32> {
    i.meta
        .series
        .as_ref()
        .and_then(|s| s.breaks.iter().max().copied())
}

/// The years a change is read on: from the last break of the series (or its first year) to
/// its last year, when both the region and France have values there.
pub fn span(i: &IndicatorOut, k: usize) -> Option<(usize, usize)> {
    let t = i.trajectory.as_ref()?;
    let last_break = last_break(i);
    let ok = |j: usize| t.values.get(k).and_then(|v| v[j]).is_some() && t.france[j].is_some();
    let first =
        (0..t.years.len()).find(|&j| last_break.is_none_or(|b| t.years[j] >= b) && ok(j))?;
    let last = (0..t.years.len()).rev().find(|&j| ok(j))?;
    (last > first).then_some((first, last))
}

/// An indicator's change for a region between two years, and France's.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub from: i32,
    pub to: i32,
    pub region: (f64, f64),
    pub france: (f64, f64),
    pub polarity: Polarity,
}

impl Change {
    pub fn of(i: &IndicatorOut, k: usize, lang: Lang) -> Option<Change> {
        let (a, b) = span(i, k)?;
        let t = i.trajectory.as_ref()?;
        Some(Change {
            id: i.meta.id.clone(),
            label: lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string(),
            unit: crate::format::unit(&i.meta.unit, lang),
            from: t.years[a],
            to: t.years[b],
            region: (t.values[k][a]?, t.values[k][b]?),
            france: (t.france[a]?, t.france[b]?),
            polarity: i.meta.polarity,
        })
    }

    fn decimals(&self) -> usize {
        format::decimals(self.region.1, &self.unit)
    }

    /// Changes smaller than half the last shown digit read as stable.
    fn threshold(&self) -> f64 {
        0.5 * 10f64.powi(-(self.decimals() as i32))
    }

    /// The gap to France, aligned so that a larger gap is always more fragile.
    fn gaps(&self) -> (f64, f64) {
        let s = self.polarity.sign();
        (
            s * (self.region.0 - self.france.0),
            s * (self.region.1 - self.france.1),
        )
    }

    /// The change in words, without the indicator's name: "en baisse de 2,1 points entre 2015
    /// et 2023, moins qu'en France (−2,6) ; l'écart à la France s'est creusé (…)."
    pub fn words(&self, lang: Lang) -> String {
        let dec = self.decimals();
        let dr = self.region.1 - self.region.0;
        let df = self.france.1 - self.france.0;
        let eps = self.threshold();
        // Percentages change by points; other units by their own unit.
        let size = |v: f64| {
            let n = format::number(v.abs(), dec, lang);
            match (self.unit.as_str(), lang) {
                // French: "1,5 point", "2 points" (singular below two).
                ("%", Lang::Fr) if v.abs() < 2.0 => format!("{n}{}point", '\u{a0}'),
                ("%", Lang::Fr) => format!("{n}{}points", '\u{a0}'),
                ("%", Lang::En) => format!("{n} points"),
                (u, _) => format!("{n}{}{u}", '\u{a0}'),
            }
        };
        let signed = |v: f64| {
            let n = format::number(v.abs(), dec, lang);
            if v.abs() < eps {
                n
            } else if v > 0.0 {
                format!("+{n}")
            } else {
                format!("−{n}")
            }
        };
        let (from, to) = (self.from, self.to);
        let direction = match (dr.abs() < eps, dr > 0.0, lang) {
            (true, _, Lang::Fr) => format!("stable entre {from} et {to}"),
            (true, _, Lang::En) => format!("stable from {from} to {to}"),
            (false, true, Lang::Fr) => format!("en hausse de {} entre {from} et {to}", size(dr)),
            (false, false, Lang::Fr) => format!("en baisse de {} entre {from} et {to}", size(dr)),
            (false, true, Lang::En) => format!("up {} from {from} to {to}", size(dr)),
            (false, false, Lang::En) => format!("down {} from {from} to {to}", size(dr)),
        };
        let fr = signed(df);
        let versus = if dr.abs() < eps && df.abs() < eps {
            lang.t("comme en France", "as in France").to_string()
        } else if dr.abs() < eps || df.abs() < eps || (dr > 0.0) != (df > 0.0) {
            match lang {
                Lang::Fr => format!("France : {fr}"),
                Lang::En => format!("France: {fr}"),
            }
        } else if (dr.abs() - df.abs()).abs() < eps {
            match lang {
                Lang::Fr => format!("comme en France ({fr})"),
                Lang::En => format!("as in France ({fr})"),
            }
        } else if dr.abs() > df.abs() {
            match lang {
                Lang::Fr => format!("plus qu'en France ({fr})"),
                Lang::En => format!("more than in France ({fr})"),
            }
        } else {
            match lang {
                Lang::Fr => format!("moins qu'en France ({fr})"),
                Lang::En => format!("less than in France ({fr})"),
            }
        };
        let (g0, g1) = self.gaps();
        let gap = if (g1.abs() - g0.abs()).abs() < eps {
            lang.t(
                "l'écart à la France n'a pas changé",
                "the gap to France did not change",
            )
        } else if g1.abs() < g0.abs() {
            lang.t(
                "l'écart à la France s'est réduit",
                "the gap to France narrowed",
            )
        } else {
            lang.t(
                "l'écart à la France s'est creusé",
                "the gap to France widened",
            )
        };
        // Whether the region stands on the more fragile side of France at the end.
        let side = if g1.abs() < eps {
            lang.t("au niveau de la France", "level with France")
        } else if g1 > 0.0 {
            lang.t("plus fragile que la France", "more fragile than France")
        } else {
            lang.t("moins fragile que la France", "less fragile than France")
        };
        match lang {
            Lang::Fr => format!("{direction}, {versus} ; {gap} ({side} en {to})."),
            Lang::En => format!("{direction}, {versus}; {gap} ({side} in {to})."),
        }
    }

    /// The change in words after the indicator's name: "Taux de chômage localisé : en baisse…".
    pub fn sentence(&self, lang: Lang) -> String {
        let colon = lang.t(" : ", ": ");
        format!("{}{colon}{}", self.label, self.words(lang))
    }
}

/// A domain's index over the years, from those of its indicators that carry a series (each
/// year's index computed as the pipeline computes it: ratio or standardised gap to France),
/// on the years all of them share after their last break.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainTrend {
    pub id: String,
    pub label: String,
    /// Which indicators it is read on (those with a series), out of how many.
    pub indicators: Vec<String>,
    pub of: usize,
    pub years: Vec<i32>,
    /// The region's domain index per year (France = 100).
    pub index: Vec<Option<f64>>,
}

/// How a domain moved against France over its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Worse,
    Better,
    Stable,
}

/// Index points below which a move reads as stable.
pub const STABLE: f64 = 2.0;

impl DomainTrend {
    pub fn first_last(&self) -> Option<((i32, f64), (i32, f64))> {
        let pts: Vec<(i32, f64)> = self
            .years
            .iter()
            .zip(&self.index)
            .filter_map(|(y, v)| v.map(|v| (*y, v)))
            .collect();
        Some((*pts.first()?, *pts.last()?)).filter(|(a, b)| a.0 < b.0)
    }

    pub fn trend(&self) -> Option<Trend> {
        let ((_, a), (_, b)) = self.first_last()?;
        Some(if b - a >= STABLE {
            Trend::Worse
        } else if a - b >= STABLE {
            Trend::Better
        } else {
            Trend::Stable
        })
    }
}

/// The domains of region `k` that can be followed over time.
pub fn domain_trends(ds: &Dataset, k: usize, lang: Lang) -> Vec<DomainTrend> {
    ds.domains
        .iter()
        .filter_map(|d| {
            let own: Vec<&IndicatorOut> = d
                .indicators
                .iter()
                .filter_map(|id| super::indicator(ds, id))
                .filter(|i| has_series(i))
                .collect();
            let start = own.iter().filter_map(|i| last_break(i)).max();
            let mut years: Vec<i32> = own
                .first()?
                .trajectory
                .as_ref()?
                .years
                .iter()
                .copied()
                .filter(|y| start.is_none_or(|b| *y >= b))
                .filter(|y| {
                    own.iter()
                        .all(|i| i.trajectory.as_ref().is_some_and(|t| t.years.contains(y)))
                })
                .collect();
            years.sort();
            if years.len() < 2 {
                return None;
            }
            let index = years
                .iter()
                .map(|y| {
                    let per: Vec<f64> = own
                        .iter()
                        .filter_map(|i| {
                            let t = i.trajectory.as_ref()?;
                            let j = t.years.iter().position(|x| x == y)?;
                            let vals: Vec<Option<f64>> = t.values.iter().map(|v| v[j]).collect();
                            indices(&vals, t.france[j], i.meta.polarity, i.meta.index_rule)[k]
                        })
                        .collect();
                    (per.len() == own.len()).then(|| per.iter().sum::<f64>() / per.len() as f64)
                })
                .collect();
            Some(DomainTrend {
                id: d.meta.id.clone(),
                label: lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string(),
                indicators: own.iter().map(|i| i.meta.id.clone()).collect(),
                of: d.indicators.len(),
                years,
                index,
            })
        })
        .collect()
}

/// The region's domains that worsened and improved against France, in a sentence:
/// "Par rapport à la France, se sont dégradés : sécurité (2016-2024, 95 → 101) ; se sont
/// améliorés : … ; stables : …".
pub fn trends_sentence(trends: &[DomainTrend], lang: Lang) -> Option<String> {
    let part = |want: Trend| {
        trends
            .iter()
            .filter(|t| t.trend() == Some(want))
            .filter_map(|t| {
                let ((a, va), (b, vb)) = t.first_last()?;
                Some(format!(
                    "{} ({a}-{b}, {} → {})",
                    t.label.to_lowercase(),
                    format::index(va, lang),
                    format::index(vb, lang)
                ))
            })
            .collect::<Vec<_>>()
    };
    let (worse, better, stable) = (part(Trend::Worse), part(Trend::Better), part(Trend::Stable));
    if worse.is_empty() && better.is_empty() && stable.is_empty() {
        return None;
    }
    let none = lang.t("aucun", "none");
    let list = |v: &Vec<String>| {
        if v.is_empty() {
            none.to_string()
        } else {
            v.join(", ")
        }
    };
    Some(match lang {
        Lang::Fr => format!(
            "Par rapport à la France (indice, plus haut = plus fragile), se sont dégradés : {} ; se sont améliorés : {} ; stables (moins de {} points) : {}.",
            list(&worse),
            list(&better),
            STABLE,
            list(&stable)
        ),
        Lang::En => format!(
            "Against France (index, higher = more fragile), worsened: {}; improved: {}; stable (under {} points): {}.",
            list(&worse),
            list(&better),
            STABLE,
            list(&stable)
        ),
    })
}

/// The line chart of the domains' indices over the years for a region (France = 100).
pub fn trends_chart(trends: &[DomainTrend], lang: Lang) -> LineSpec {
    let palette = crate::chart::SERIES;
    let extra = [("#a6761d", "✚"), ("#e7298a", "★")];
    LineSpec {
        unit: String::new(),
        reference: Some(100.0),
        series: trends
            .iter()
            .enumerate()
            .map(|(n, t)| {
                let (color, marker) = palette
                    .get(n)
                    .copied()
                    .unwrap_or_else(|| extra[(n - palette.len()) % extra.len()]);
                LineSeries {
                    key: t.id.clone(),
                    label: t.label.clone(),
                    color: color.into(),
                    marker: marker.into(),
                    dashed: false,
                    points: t
                        .years
                        .iter()
                        .copied()
                        .zip(t.index.iter().copied())
                        .collect(),
                }
            })
            .collect(),
        breaks: vec![],
        break_label: lang.t("rupture de série", "series break").into(),
    }
}

/// The indicator the comparison's lines follow: the chosen one if it has a series, else the
/// first indicator that has one.
pub fn followed<'a>(ds: &'a Dataset, chosen: Option<&str>) -> Option<&'a IndicatorOut> {
    chosen
        .and_then(|id| super::indicator(ds, id))
        .filter(|i| has_series(i))
        .or_else(|| ds.indicators.iter().find(|i| has_series(i)))
}

/// One indicator's values over the years for region `k` against France: the comparison's
/// chart with one region.
pub fn indicator_chart(ds: &Dataset, i: &IndicatorOut, k: usize, lang: Lang) -> Option<LineSpec> {
    compare_chart(ds, i, &[ds.regions.get(k)?.code.clone()], lang)
}

/// Several regions' lines on one indicator against France (the comparison's trajectories),
/// each region in its series colour and shape, as in the comparison's bars.
pub fn compare_chart(
    ds: &Dataset,
    i: &IndicatorOut,
    codes: &[String],
    lang: Lang,
) -> Option<LineSpec> {
    let t = i.trajectory.as_ref()?;
    let mut series: Vec<LineSeries> = codes
        .iter()
        .enumerate()
        .filter_map(|(n, code)| {
            let k = super::region_pos(ds, code)?;
            let (color, marker) = crate::chart::SERIES[n % crate::chart::SERIES.len()];
            Some(LineSeries {
                key: code.clone(),
                label: ds.regions[k].name.clone(),
                color: color.into(),
                marker: marker.into(),
                dashed: false,
                points: t.points(Some(k)),
            })
        })
        .collect();
    series.push(LineSeries {
        key: datafrag::model::FRANCE.into(),
        label: "France".into(),
        color: crate::graphics::INK.into(),
        marker: "- -".into(),
        dashed: true,
        points: t.points(None),
    });
    Some(LineSpec {
        unit: crate::format::unit(&i.meta.unit, lang),
        reference: None,
        series,
        breaks: i
            .meta
            .series
            .as_ref()
            .map(|s| s.breaks.clone())
            .unwrap_or_default(),
        break_label: lang.t("rupture de série", "series break").into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(region: (f64, f64), france: (f64, f64), polarity: Polarity) -> Change {
        Change {
            id: "chomage".into(),
            label: "Taux de chômage localisé".into(),
            unit: "%".into(),
            from: 2015,
            to: 2023,
            region,
            france,
            polarity,
        }
    }

    /// The issue's own example: down 2.1 points, less than France (−2.6): the gap widened.
    #[test]
    fn the_issue_example_reads_right() {
        let c = change((11.0, 8.9), (10.0, 7.4), Polarity::HigherIsFragile);
        assert_eq!(
            c.sentence(Lang::Fr),
            "Taux de chômage localisé : en baisse de 2,1\u{a0}points entre 2015 et 2023, moins qu'en France (−2,6) ; l'écart à la France s'est creusé (plus fragile que la France en 2023)."
        );
        assert_eq!(
            c.sentence(Lang::En),
            "Taux de chômage localisé: down 2.1 points from 2015 to 2023, less than in France (−2.6); the gap to France widened (more fragile than France in 2023)."
        );
    }

    /// Opposite directions, a stable region, and a lower-is-fragile indicator whose gap narrows.
    #[test]
    fn directions_and_polarity() {
        let c = change((10.0, 10.5), (10.0, 9.0), Polarity::HigherIsFragile);
        assert!(
            c.sentence(Lang::Fr)
                .contains("en hausse de 0,5\u{a0}point entre 2015 et 2023, France : −1,0 ;"),
            "{}",
            c.sentence(Lang::Fr)
        );
        let s = change((8.0, 8.02), (8.0, 8.0), Polarity::HigherIsFragile).sentence(Lang::Fr);
        assert!(
            s.contains("stable entre 2015 et 2023, comme en France ;"),
            "{s}"
        );
        assert!(s.contains("l'écart à la France n'a pas changé"), "{s}");
        // Income: lower is more fragile. The region gains more than France: the gap narrows.
        let mut inc = change(
            (20_000.0, 24_000.0),
            (25_000.0, 27_000.0),
            Polarity::LowerIsFragile,
        );
        inc.unit = "€ courants par habitant".into();
        let s = inc.sentence(Lang::Fr);
        assert!(
            s.contains("en hausse de 4\u{202f}000\u{a0}€ courants par habitant"),
            "{s}"
        );
        assert!(s.contains("plus qu'en France (+2\u{202f}000)"), "{s}");
        assert!(
            s.contains("s'est réduit (plus fragile que la France en 2023)"),
            "{s}"
        );
    }

    fn ds_with_series() -> Dataset {
        use datafrag::model::{SeriesMeta, Trajectory};
        let mut ds = crate::state::fixture::dataset();
        // Region A (index 0) moves from 90 % of France to 120 % on "chomage"; a break at 2018
        // on "seniors" leaves 2018-2020 only.
        for i in ds.indicators.iter_mut() {
            match i.meta.id.as_str() {
                "chomage" => {
                    i.meta.series = Some(SeriesMeta {
                        from: 2016,
                        to: 2020,
                        rule_fr: "r".into(),
                        rule_en: "r".into(),
                        breaks: vec![],
                    });
                    i.trajectory = Some(Trajectory {
                        years: vec![2016, 2018, 2020],
                        france: vec![Some(10.0), Some(10.0), Some(10.0)],
                        values: vec![
                            vec![Some(9.0), Some(10.0), Some(12.0)],
                            vec![Some(12.0), Some(12.0), Some(12.0)],
                            vec![Some(9.0), Some(9.0), None],
                        ],
                    });
                }
                "seniors" => {
                    i.meta.series = Some(SeriesMeta {
                        from: 2016,
                        to: 2020,
                        rule_fr: "r".into(),
                        rule_en: "r".into(),
                        breaks: vec![2018],
                    });
                    i.trajectory = Some(Trajectory {
                        years: vec![2016, 2018, 2020],
                        france: vec![Some(20.0), Some(20.0), Some(20.0)],
                        values: vec![
                            vec![Some(30.0), Some(22.0), Some(21.0)],
                            vec![Some(22.0), Some(22.0), Some(22.0)],
                            vec![Some(21.0), Some(21.0), Some(21.0)],
                        ],
                    });
                }
                _ => {}
            }
        }
        ds
    }

    /// A change is never read across a break, nor on a year the region lacks.
    #[test]
    fn spans_respect_breaks_and_gaps() {
        let ds = ds_with_series();
        let seniors = ds
            .indicators
            .iter()
            .find(|i| i.meta.id == "seniors")
            .unwrap();
        assert_eq!(span(seniors, 0), Some((1, 2)), "from the break year 2018");
        let chomage = ds
            .indicators
            .iter()
            .find(|i| i.meta.id == "chomage")
            .unwrap();
        assert_eq!(span(chomage, 2), Some((0, 1)), "region C lacks 2020");
        let aah = ds.indicators.iter().find(|i| i.meta.id == "aah").unwrap();
        assert_eq!(span(aah, 0), None, "no series");
    }

    /// Domain trends: index per year from the series indicators, on their years after the
    /// break; the words list what worsened, improved, stayed.
    #[test]
    fn domain_trends_and_their_sentence() {
        let ds = ds_with_series();
        let t = domain_trends(&ds, 0, Lang::Fr);
        let emploi = t.iter().find(|d| d.id == "emploi").unwrap();
        assert_eq!(emploi.years, vec![2016, 2018, 2020]);
        assert_eq!(emploi.index, vec![Some(90.0), Some(100.0), Some(120.0)]);
        assert_eq!(emploi.trend(), Some(Trend::Worse));
        let vieil = t.iter().find(|d| d.id == "vieillissement").unwrap();
        assert_eq!(vieil.years, vec![2018, 2020]);
        assert_eq!(vieil.trend(), Some(Trend::Better), "110 → 105");
        assert!(t.iter().all(|d| d.id != "handicap"), "no series, no trend");
        let s = trends_sentence(&t, Lang::Fr).unwrap();
        assert_eq!(
            s,
            "Par rapport à la France (indice, plus haut = plus fragile), se sont dégradés : emploi (2016-2020, 90 → 120) ; se sont améliorés : vieillissement (2018-2020, 110 → 105) ; stables (moins de 2 points) : aucun."
        );
        let chart = trends_chart(&t, Lang::En);
        assert_eq!(chart.series.len(), 2);
        assert_eq!(chart.reference, Some(100.0));
        assert!(trends_sentence(&[], Lang::Fr).is_none());
        // The comparison: one line per region in order, France last and dashed.
        let ch = ds
            .indicators
            .iter()
            .find(|i| i.meta.id == "chomage")
            .unwrap();
        let c = compare_chart(&ds, ch, &["76".into(), "75".into()], Lang::Fr).unwrap();
        let keys: Vec<&str> = c.series.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["76", "75", "FRM"]);
        assert!(c.series[2].dashed && !c.series[0].dashed);
        assert_eq!(c.series[1].points[2], (2020, Some(12.0)), "Alpha's 2020");
    }

    /// On the committed dataset (real series): Occitanie's unemployment 1982-2023 (7.7 → 8.7 %,
    /// France 6.88 → 7.1, read off the file by hand) and its ageing domain, better against
    /// France since 1975 (65+: 16.71/13.4, 75+: 6.453/5.05 → 23.75/21.48, 11.53/10.2).
    #[test]
    fn real_series_of_occitanie() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../assets/data/dataset.json"
        ))
        .unwrap();
        let ds: Dataset = serde_json::from_str(&text).unwrap();
        let k = ds.regions.iter().position(|r| r.code == "76").unwrap();
        let u = ds
            .indicators
            .iter()
            .find(|i| i.meta.id == "chomage_localise")
            .unwrap();
        assert_eq!(
            Change::of(u, k, Lang::Fr).unwrap().sentence(Lang::Fr),
            "Taux de chômage localisé : en hausse de 1,0\u{a0}point entre 1982 et 2023, plus qu'en France (+0,2) ; l'écart à la France s'est creusé (plus fragile que la France en 2023)."
        );
        let t = domain_trends(&ds, k, Lang::Fr);
        let s = trends_sentence(&t, Lang::Fr).unwrap();
        assert!(s.contains("vieillissement (1975-2023, 126 → 112)"), "{s}");
        let better = s.split("se sont améliorés").nth(1).unwrap();
        assert!(
            better.split(';').next().unwrap().contains("vieillissement"),
            "{s}"
        );
    }
}
