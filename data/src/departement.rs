//! The département level: the 96 metropolitan départements' values of every indicator whose
//! source publishes them (DREES Panorama, AAH and PCH; INSEE ELP; SSMSI; the Observatoire des
//! territoires' EPCIs by the département of their seat), computed the way the regions are (the
//! same sums one level down, so that a region is the sum of its départements for every count),
//! indexed to France métropolitaine, ranked among the 96 and within their region.
//!
//! A domain has a composite at this level only where enough of its indicators exist there
//! ([`enough`]); otherwise the file says how many it has.

#[cfg(feature = "pipeline")]
pub use pipeline::{assemble, validate};

use crate::index::ranks;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A département: its code, name and region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepArea {
    pub code: String,
    pub name: String,
    pub region: String,
}

/// An indicator at the département level (its metadata are the region dataset's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepIndicator {
    pub id: String,
    /// The year of `values` (the indicator's headline year).
    pub year: String,
    /// Value per département, in [`DepDataset::departements`]' order.
    pub values: Vec<Option<f64>>,
    /// Why a value is missing (`None` where present).
    pub missing: Vec<Option<String>>,
    /// Index to France métropolitaine (France = 100, above = more fragile).
    pub index: Vec<Option<f64>>,
    /// Rank among the 96 (1 = most fragile).
    pub rank: Vec<Option<u8>>,
    /// Rank among the départements of its region.
    pub rank_in_region: Vec<Option<u8>>,
    /// Its values over the years, when the source holds several (4 significant digits, like
    /// the regions' trajectories).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<DepSeries>,
}

/// An indicator's départements over the years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepSeries {
    /// Ascending.
    pub years: Vec<i32>,
    /// `values[year][département]`.
    pub values: Vec<Vec<Option<f64>>>,
}

impl DepIndicator {
    /// The départements' values in `year`, if the series holds that year.
    pub fn values_in(&self, year: i32) -> Option<&[Option<f64>]> {
        let s = self.series.as_ref()?;
        let j = s.years.iter().position(|y| *y == year)?;
        s.values.get(j).map(Vec::as_slice)
    }
}

/// A domain at the département level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepDomain {
    pub id: String,
    /// Its indicators that exist at this level.
    pub indicators: Vec<String>,
    /// How many indicators it has at the regional level.
    pub of: usize,
    /// The composite (mean of the indicators' unrounded indices), empty when too few of its
    /// indicators exist at this level ([`enough`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub index: Vec<Option<f64>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rank: Vec<Option<u8>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rank_in_region: Vec<Option<u8>>,
}

/// What the app loads when the user goes down to the départements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepDataset {
    pub generated_by: String,
    pub departements: Vec<DepArea>,
    pub indicators: Vec<DepIndicator>,
    pub domains: Vec<DepDomain>,
}

/// Whether a domain with `here` of its `of` regional indicators at the département level gets
/// a composite there: at least two, and at least half of them (one indicator alone is that
/// indicator, not the domain).
///
/// ```
/// use datafrag::departement::enough;
/// assert!(enough(2, 3));
/// assert!(enough(2, 4));
/// assert!(!enough(1, 2));
/// assert!(!enough(2, 5));
/// ```
pub fn enough(here: usize, of: usize) -> bool {
    here >= 2 && 2 * here >= of
}

/// Ranks within each region: `ranks` of the départements of the same region.
pub fn ranks_in_region(index: &[Option<f64>], deps: &[DepArea]) -> Vec<Option<u8>> {
    let mut out = vec![None; deps.len()];
    let regions: BTreeSet<&str> = deps.iter().map(|d| d.region.as_str()).collect();
    for region in regions {
        let members: Vec<usize> = (0..deps.len())
            .filter(|k| deps[*k].region == region)
            .collect();
        let sub: Vec<Option<f64>> = members.iter().map(|k| index[*k]).collect();
        for (k, r) in members.iter().zip(ranks(&sub)) {
            out[*k] = r;
        }
    }
    out
}

/// An indicator's départements indexed: unrounded (for the composites), to a tenth (shown),
/// ranked among all and within their region.
#[derive(Debug, Clone, PartialEq)]
pub struct Indexed {
    pub unrounded: Vec<Option<f64>>,
    pub index: Vec<Option<f64>>,
    pub rank: Vec<Option<u8>>,
    pub rank_in_region: Vec<Option<u8>>,
}

fn tenth(v: &[Option<f64>]) -> Vec<Option<f64>> {
    v.iter()
        .map(|x| x.map(|x| (x * 10.0).round() / 10.0))
        .collect()
}

/// Indexes `values` to `france` by the indicator's rule, as the pipeline publishes it and as the
/// app recomputes it for another year.
pub fn indexed(
    values: &[Option<f64>],
    france: Option<f64>,
    polarity: crate::model::Polarity,
    rule: crate::model::IndexRule,
    deps: &[DepArea],
) -> Indexed {
    let unrounded = crate::index::indices(values, france, polarity, rule);
    Indexed {
        index: tenth(&unrounded),
        rank: ranks(&unrounded),
        rank_in_region: ranks_in_region(&unrounded, deps),
        unrounded,
    }
}

/// A domain's composite from its indicators' unrounded indices (`rows`, those that exist) out of
/// `of`: their mean, with its ranks, where there are [`enough`]; `None` otherwise.
pub fn composite(rows: &[&[Option<f64>]], of: usize, deps: &[DepArea]) -> Option<Indexed> {
    enough(rows.len(), of).then(|| {
        let unrounded = crate::index::mean_index(rows, deps.len());
        Indexed {
            index: tenth(&unrounded),
            rank: ranks(&unrounded),
            rank_in_region: ranks_in_region(&unrounded, deps),
            unrounded,
        }
    })
}

impl DepDomain {
    /// Sets its composite ([`composite`]), or none.
    pub fn set_composite(&mut self, rows: &[&[Option<f64>]], deps: &[DepArea]) {
        (self.index, self.rank, self.rank_in_region) = composite(rows, self.of, deps)
            .map_or_else(Default::default, |c| (c.index, c.rank, c.rank_in_region));
    }
}

#[cfg(feature = "pipeline")]
mod pipeline {
    use super::*;
    use crate::areas::{dep_of_area, Areas};
    use crate::model::{Dataset, IndicatorMeta, Observation};
    use crate::{Error, Result};
    use std::collections::BTreeMap;

    fn round(v: f64, digits: i32) -> f64 {
        let p = 10f64.powi(digits);
        (v * p).round() / p
    }

    /// Checks the département observations (areas written `DEP-xx`): a known département, the
    /// indicator's unit, a year of the indicator, a value its unit allows, once per indicator,
    /// year and département, every year complete (96 rows, a missing value being a row with a
    /// reason), and at the headline year values for at least 90 of the 96 (fewer means a cut or
    /// damaged raw file).
    pub fn validate(
        obs: &[Observation],
        metas: &[IndicatorMeta],
        areas: &Areas,
        file: &str,
    ) -> Result<()> {
        let mut seen = BTreeSet::new();
        let bad = |field: &str, what: String| Err(Error::invalid(file, 0, field, what));
        for o in obs {
            let Some(meta) = metas.iter().find(|m| m.id == o.indicator) else {
                return bad("indicator", format!("{:?} has no metadata", o.indicator));
            };
            match dep_of_area(&o.area) {
                Some(d) if areas.region_of_dep(d).is_some() => {}
                _ => {
                    return bad(
                        "area",
                        format!("{}: unknown département {:?}", o.indicator, o.area),
                    )
                }
            }
            if o.unit != meta.unit {
                return bad("unit", format!("{} {}: {:?}", o.indicator, o.area, o.unit));
            }
            let in_series = meta.series.as_ref().is_some_and(|s| {
                o.year
                    .parse::<i32>()
                    .is_ok_and(|y| (s.from..=s.to).contains(&y))
            });
            if o.year != meta.year && !in_series {
                return bad(
                    "year",
                    format!("{} {}: year {:?}", o.indicator, o.area, o.year),
                );
            }
            if let (Some(v), Some((lo, hi))) =
                (o.value, crate::tidy::plausible(&meta.unit, meta.index_rule))
            {
                if !(lo..=hi).contains(&v) {
                    return bad(
                        "value",
                        format!(
                            "{v}: outside {lo}–{hi}, impossible for a value in {:?} ({} {})",
                            meta.unit, o.indicator, o.area
                        ),
                    );
                }
            }
            if o.value.is_none() && o.missing_reason.as_deref().unwrap_or("").is_empty() {
                return bad(
                    "missing_reason",
                    format!("{} {}: no value and no reason", o.indicator, o.area),
                );
            }
            if !seen.insert((o.indicator.as_str(), o.year.as_str(), o.area.as_str())) {
                return bad(
                    "area",
                    format!(
                        "duplicate row for {} × {} × {}",
                        o.indicator, o.area, o.year
                    ),
                );
            }
        }
        let years: BTreeSet<(&str, &str)> = seen.iter().map(|(i, y, _)| (*i, *y)).collect();
        for (id, year) in years {
            let n = seen
                .iter()
                .filter(|(i, y, _)| *i == id && *y == year)
                .count();
            if n != areas.dep_region.len() {
                return bad(
                    "area",
                    format!(
                        "indicator {id}, {year}: {n} départements, expected {}",
                        areas.dep_region.len()
                    ),
                );
            }
            let meta = metas.iter().find(|m| m.id == id).expect("checked above");
            if year == meta.year {
                let with = obs
                    .iter()
                    .filter(|o| o.indicator == id && o.year == year && o.value.is_some())
                    .count();
                if with < 90 {
                    return bad(
                    "value",
                    format!("indicator {id}: values for {with} of the 96 départements only (a raw file cut or damaged?)"),
                );
                }
            }
        }
        Ok(())
    }

    /// The département dataset from the validated observations and the region dataset (whose
    /// France values are the reference, and whose domains list the indicators).
    pub fn assemble(obs: &[Observation], areas: &Areas, ds: &Dataset) -> DepDataset {
        let departements: Vec<DepArea> = areas
            .dep_codes()
            .map(|code| DepArea {
                code: code.to_string(),
                name: areas.dep_name.get(code).cloned().unwrap_or_default(),
                region: areas.region_of_dep(code).unwrap_or_default().to_string(),
            })
            .collect();
        let position: BTreeMap<&str, usize> = departements
            .iter()
            .enumerate()
            .map(|(k, d)| (d.code.as_str(), k))
            .collect();
        let mut indicators = Vec::new();
        let mut exact: BTreeMap<&str, Vec<Option<f64>>> = BTreeMap::new();
        for i in &ds.indicators {
            let mine: Vec<&Observation> = obs
                .iter()
                .filter(|o| o.indicator == i.meta.id && o.year == i.meta.year)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let mut values = vec![None; departements.len()];
            let mut missing = vec![None; departements.len()];
            for o in mine {
                let Some(k) = dep_of_area(&o.area).and_then(|d| position.get(d)) else {
                    continue;
                };
                values[*k] = o.value;
                missing[*k] = o.missing_reason.clone();
            }
            let series = i.meta.series.as_ref().map(|_| {
                let mut years: Vec<i32> = obs
                    .iter()
                    .filter(|o| o.indicator == i.meta.id && dep_of_area(&o.area).is_some())
                    .filter_map(|o| o.year.parse().ok())
                    .collect();
                years.sort_unstable();
                years.dedup();
                let values = years
                    .iter()
                    .map(|y| {
                        let y = y.to_string();
                        let mut row = vec![None; departements.len()];
                        for o in obs
                            .iter()
                            .filter(|o| o.indicator == i.meta.id && o.year == y)
                        {
                            if let Some(k) = dep_of_area(&o.area).and_then(|d| position.get(d)) {
                                row[*k] = o.value.map(|v| crate::dataset::significant(v, 4));
                            }
                        }
                        row
                    })
                    .collect();
                DepSeries { years, values }
            });
            let x = indexed(
                &values,
                i.france,
                i.meta.polarity,
                i.meta.index_rule,
                &departements,
            );
            indicators.push(DepIndicator {
                id: i.meta.id.clone(),
                year: i.meta.year.clone(),
                values: values.iter().map(|v| v.map(|v| round(v, 4))).collect(),
                missing,
                rank: x.rank,
                rank_in_region: x.rank_in_region,
                index: x.index,
                series: series.filter(|s| s.years.len() > 1),
            });
            exact.insert(i.meta.id.as_str(), x.unrounded);
        }
        let domains = ds
            .domains
            .iter()
            .filter(|d| !d.indicators.is_empty())
            .map(|d| {
                let here: Vec<String> = d
                    .indicators
                    .iter()
                    .filter(|id| exact.contains_key(id.as_str()))
                    .cloned()
                    .collect();
                let rows: Vec<&[Option<f64>]> = here
                    .iter()
                    .map(|id| exact[id.as_str()].as_slice())
                    .collect();
                let mut out = DepDomain {
                    id: d.meta.id.clone(),
                    of: d.indicators.len(),
                    indicators: here,
                    index: Vec::new(),
                    rank: Vec::new(),
                    rank_in_region: Vec::new(),
                };
                out.set_composite(&rows, &departements);
                out
            })
            .collect();
        DepDataset {
            generated_by: crate::GENERATED_BY.into(),
            departements,
            indicators,
            domains,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dep(code: &str, region: &str) -> DepArea {
        DepArea {
            code: code.into(),
            name: code.into(),
            region: region.into(),
        }
    }

    /// A département's rank within its region counts only its region's départements.
    #[test]
    fn ranks_within_the_region() {
        let deps = [
            dep("a", "1"),
            dep("b", "2"),
            dep("c", "1"),
            dep("d", "2"),
            dep("e", "1"),
        ];
        let index = [Some(120.0), Some(90.0), Some(130.0), Some(95.0), None];
        assert_eq!(
            ranks(&index),
            vec![Some(2), Some(4), Some(1), Some(3), None]
        );
        assert_eq!(
            ranks_in_region(&index, &deps),
            vec![Some(2), Some(2), Some(1), Some(1), None]
        );
    }
}
