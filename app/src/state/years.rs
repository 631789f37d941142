//! A year on every view: which years the data holds, and the dataset as of one year, so that the
//! map, the ranking, the region page and the comparison all read that year through the same
//! state functions as the latest data.
//!
//! As of year Y, an indicator has its series' value for Y (or its headline value when its
//! headline year is Y), and Y as its year; otherwise it keeps its own year and is missing "pas
//! de valeur pour Y". Its index and ranks are
//! computed for Y as the pipeline computes them (`datafrag::index`), and a domain's index is the
//! mean of the indicators it has that year, its note saying how many.

use crate::i18n::Lang;
use datafrag::index::{indices, mean_index, ranks};
use datafrag::model::{Dataset, IndicatorOut};

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Region values and France's value of `i` for `year`, when it has them.
fn values_at(i: &IndicatorOut, year: i32) -> Option<(Vec<Option<f64>>, Option<f64>)> {
    if let Some(t) = &i.trajectory {
        if let Some(j) = t.years.iter().position(|y| *y == year) {
            return Some((t.values.iter().map(|v| v[j]).collect(), t.france[j]));
        }
    }
    (i.meta.year == year.to_string()).then(|| (i.values.clone(), i.france))
}

/// The years some indicator has a value for, latest first, with how many indicators have one
/// (those [`values_at`] gives a value for; counted without copying them: it runs at every start).
pub fn years(ds: &Dataset) -> Vec<(i32, usize)> {
    // Each indicator's years: its series' and its headline's (when it is a plain year).
    let per: Vec<Vec<i32>> = ds
        .indicators
        .iter()
        .map(|i| {
            let mut ys: Vec<i32> = i
                .trajectory
                .as_ref()
                .map(|t| t.years.clone())
                .unwrap_or_default();
            ys.extend(
                i.meta
                    .year
                    .parse::<i32>()
                    .ok()
                    .filter(|y| y.to_string() == i.meta.year),
            );
            ys
        })
        .collect();
    let mut all: Vec<i32> = per.iter().flatten().copied().collect();
    all.sort_unstable_by(|a, b| b.cmp(a));
    all.dedup();
    all.into_iter()
        .map(|y| (y, per.iter().filter(|ys| ys.contains(&y)).count()))
        .collect()
}

/// The dataset as of `year` (see the module's doc).
pub fn at_year(ds: &Dataset, year: i32, lang: Lang) -> Dataset {
    let n = ds.regions.len();
    let missing = match lang {
        Lang::Fr => format!("pas de valeur pour {year}"),
        Lang::En => format!("no value for {year}"),
    };
    let mut unrounded: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    let indicators: Vec<IndicatorOut> = ds
        .indicators
        .iter()
        .map(|i| {
            let mut out = i.clone();
            match values_at(i, year) {
                Some((values, france)) => {
                    out.meta.year = year.to_string();
                    let idx = indices(&values, france, i.meta.polarity, i.meta.index_rule);
                    out.index = idx.iter().map(|v| v.map(round1)).collect();
                    out.rank = ranks(&out.index);
                    out.missing = values
                        .iter()
                        .map(|v| v.is_none().then(|| missing.clone()))
                        .collect();
                    out.values = values;
                    out.france = france;
                    unrounded.push((i.meta.id.clone(), idx));
                }
                None => {
                    out.values = vec![None; n];
                    out.index = vec![None; n];
                    out.rank = vec![None; n];
                    out.missing = vec![Some(missing.clone()); n];
                    out.france = None;
                }
            }
            out
        })
        .collect();
    let domains = ds
        .domains
        .iter()
        .map(|d| {
            let mut out = d.clone();
            let rows: Vec<&[Option<f64>]> = d
                .indicators
                .iter()
                .filter_map(|id| unrounded.iter().find(|(u, _)| u == id))
                .map(|(_, v)| v.as_slice())
                .collect();
            out.index = if rows.is_empty() {
                vec![None; n]
            } else {
                mean_index(&rows, n)
            };
            out.rank = ranks(&out.index.iter().map(|v| v.map(round1)).collect::<Vec<_>>());
            out.correlations.clear();
            if !d.indicators.is_empty() && rows.len() < d.indicators.len() {
                let (fr, en) = (
                    format!(
                        "En {year}, {} indicateur{} sur {} de ce domaine {} une valeur : l'indice ne porte que sur {}.",
                        rows.len(),
                        if rows.len() > 1 { "s" } else { "" },
                        d.indicators.len(),
                        if rows.len() > 1 { "ont" } else { "a" },
                        if rows.len() > 1 { "eux" } else { "lui" }
                    ),
                    format!(
                        "In {year}, {} of this domain's {} indicators {} a value: the index rests on {} alone.",
                        rows.len(),
                        d.indicators.len(),
                        if rows.len() > 1 { "have" } else { "has" },
                        if rows.len() > 1 { "them" } else { "it" }
                    ),
                );
                let join = |note: &Option<String>, add: String| {
                    Some(match note {
                        Some(n) => format!("{add} {n}"),
                        None => add,
                    })
                };
                if rows.is_empty() {
                    let none_fr = format!("En {year}, aucun indicateur de ce domaine n'a de valeur.");
                    let none_en = format!("In {year}, none of this domain's indicators has a value.");
                    out.meta.note_fr = join(&d.meta.note_fr, none_fr);
                    out.meta.note_en = join(&d.meta.note_en, none_en);
                } else {
                    out.meta.note_fr = join(&d.meta.note_fr, fr);
                    out.meta.note_en = join(&d.meta.note_en, en);
                }
            }
            out
        })
        .collect();
    Dataset {
        indicators,
        domains,
        ..ds.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafrag::model::{SeriesMeta, Trajectory};

    /// The fixture with a series on "chomage" (2016, 2018) and "seniors" (2018) only.
    fn ds() -> Dataset {
        let mut ds = crate::state::fixture::dataset();
        for i in ds.indicators.iter_mut() {
            let (years, france, values) = match i.meta.id.as_str() {
                "chomage" => (
                    vec![2016, 2018],
                    vec![Some(10.0), Some(8.0)],
                    vec![
                        vec![Some(12.0), Some(8.0)],
                        vec![Some(9.0), Some(10.0)],
                        vec![Some(10.0), None],
                    ],
                ),
                "seniors" => (
                    vec![2018],
                    vec![Some(20.0)],
                    vec![vec![Some(22.0)], vec![Some(20.0)], vec![Some(18.0)]],
                ),
                _ => continue,
            };
            i.meta.series = Some(SeriesMeta {
                from: years[0],
                to: *years.last().unwrap(),
                rule_fr: "r".into(),
                rule_en: "r".into(),
                breaks: vec![],
            });
            i.trajectory = Some(Trajectory {
                years,
                france,
                values,
            });
        }
        ds
    }

    /// The years offered: every series year and the headline years (the fixture's 2020),
    /// latest first, with their indicator counts.
    #[test]
    fn years_offered() {
        assert_eq!(years(&ds()), vec![(2020, 3), (2018, 2), (2016, 1)]);
    }

    /// On the committed dataset, each year's count is the number of indicators the dataset as
    /// of that year has a value for (`values_at`, which the counting no longer calls).
    #[test]
    fn years_count_what_the_year_shows() {
        let ds: Dataset =
            serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap();
        let ys = years(&ds);
        assert!(ys.len() > 10, "{ys:?}");
        for (y, n) in ys {
            let with = ds
                .indicators
                .iter()
                .filter(|i| values_at(i, y).is_some())
                .count();
            assert_eq!(n, with, "{y}");
            assert!(n > 0);
        }
    }

    /// As of 2016: the series' values, France's, indices and ranks recomputed, the others
    /// missing with the year in the reason, the domain indices over what exists, saying so.
    #[test]
    fn dataset_as_of_a_year() {
        let y = at_year(&ds(), 2016, Lang::Fr);
        let ch = y
            .indicators
            .iter()
            .find(|i| i.meta.id == "chomage")
            .unwrap();
        assert_eq!(ch.values, vec![Some(12.0), Some(9.0), Some(10.0)]);
        assert_eq!(ch.france, Some(10.0));
        assert_eq!(ch.index, vec![Some(120.0), Some(90.0), Some(100.0)]);
        assert_eq!(ch.rank, vec![Some(1), Some(3), Some(2)]);
        assert_eq!(ch.meta.year, "2016");
        let aah = y.indicators.iter().find(|i| i.meta.id == "aah").unwrap();
        assert_eq!(aah.values, vec![None, None, None]);
        assert_eq!(aah.missing[0].as_deref(), Some("pas de valeur pour 2016"));
        assert_eq!(
            aah.meta.year, "2020",
            "its own year, not one it has no value for"
        );
        let emploi = y.domains.iter().find(|d| d.meta.id == "emploi").unwrap();
        assert_eq!(emploi.index, vec![Some(120.0), Some(90.0), Some(100.0)]);
        let handicap = y.domains.iter().find(|d| d.meta.id == "handicap").unwrap();
        assert_eq!(handicap.index, vec![None, None, None]);
        assert!(handicap
            .meta
            .note_fr
            .as_deref()
            .unwrap()
            .contains("En 2016, aucun indicateur"));
        // 2018: a region missing a value keeps its reason; a domain with one of one is complete.
        let y = at_year(&ds(), 2018, Lang::En);
        let ch = y
            .indicators
            .iter()
            .find(|i| i.meta.id == "chomage")
            .unwrap();
        assert_eq!(ch.missing[2].as_deref(), Some("no value for 2018"));
        assert_eq!(ch.rank, vec![Some(2), Some(1), None]);
        let emploi = y.domains.iter().find(|d| d.meta.id == "emploi").unwrap();
        assert_eq!(emploi.meta.note_en, None, "its only indicator has a value");
    }

    /// The headline year through `at_year` gives the headline dataset's values and ranks.
    #[test]
    fn the_headline_year_is_the_latest_data() {
        let base = ds();
        let y = at_year(&base, 2020, Lang::Fr);
        for (a, b) in base.indicators.iter().zip(&y.indicators) {
            if a.trajectory.is_none() {
                assert_eq!(
                    (&a.values, &a.index, &a.rank),
                    (&b.values, &b.index, &b.rank)
                );
            }
        }
    }
}
