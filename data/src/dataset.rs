//! From validated observations to the compact runtime dataset the app loads.

use crate::index::{indices, mean_index, pearson, ranks};
use crate::model::{
    Area, Correlation, Dataset, DomainMeta, DomainOut, IndicatorMeta, IndicatorOut, Observation,
    ProfileOut, Trajectory, FRANCE,
};
use crate::{Error, Result, GENERATED_BY};

fn round(v: f64, digits: i32) -> f64 {
    let p = 10f64.powi(digits);
    (v * p).round() / p
}

/// Assembles the dataset; `regions` in the order the arrays follow.
/// `v` to `digits` significant digits.
pub(crate) fn significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32 + 1;
    round(v, (digits - magnitude).max(0))
}

pub fn assemble(
    regions: &[Area],
    domains: &[DomainMeta],
    metas: &[IndicatorMeta],
    obs: &[Observation],
    profiles: Vec<ProfileOut>,
    acteurs: crate::seeds::Seeds,
) -> Dataset {
    let at = |m: &IndicatorMeta, year: &str, area: &str| {
        obs.iter()
            .find(|o| o.indicator == m.id && o.year == year && o.area == area)
    };
    let find = |m: &IndicatorMeta, area: &str| at(m, &m.year, area);
    // Unrounded indices, so that a domain's mean and the correlations do not inherit the
    // rounding of its indicators (rounded means made false ties).
    let mut exact: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    let indicators: Vec<IndicatorOut> = metas
        .iter()
        .filter(|m| obs.iter().any(|o| o.indicator == m.id))
        .map(|m| {
            let values: Vec<Option<f64>> = regions
                .iter()
                .map(|r| find(m, &r.code).and_then(|o| o.value))
                .collect();
            let missing = regions
                .iter()
                .map(|r| find(m, &r.code).and_then(|o| o.missing_reason.clone()))
                .collect();
            let france = find(m, FRANCE).and_then(|o| o.value);
            // The series: every year of it the readers gave (the headline year among them
            // when it is one), values to 4 significant digits (what a line and a change in
            // tenths need, a third lighter than the headline's 4 decimals).
            let trajectory = m.series.as_ref().map(|s| {
                let years: Vec<i32> = (s.from..=s.to)
                    .filter(|y| {
                        obs.iter()
                            .any(|o| o.indicator == m.id && o.year == y.to_string())
                    })
                    .collect();
                let value = |area: &str, y: &i32| {
                    at(m, &y.to_string(), area)
                        .and_then(|o| o.value)
                        .map(|v| significant(v, 4))
                };
                Trajectory {
                    france: years.iter().map(|y| value(FRANCE, y)).collect(),
                    values: regions
                        .iter()
                        .map(|r| years.iter().map(|y| value(&r.code, y)).collect())
                        .collect(),
                    years,
                }
            });
            let unrounded = indices(&values, france, m.polarity, m.index_rule);
            let index: Vec<Option<f64>> =
                unrounded.iter().map(|i| i.map(|i| round(i, 1))).collect();
            exact.push((m.id.clone(), unrounded));
            IndicatorOut {
                meta: m.clone(),
                france: france.map(|v| round(v, 4)),
                values: values.into_iter().map(|v| v.map(|v| round(v, 4))).collect(),
                missing,
                rank: ranks(&index),
                index,
                trajectory,
            }
        })
        .collect();
    let domains: Vec<DomainOut> = domains
        .iter()
        .map(|d| {
            let own: Vec<&IndicatorOut> = indicators
                .iter()
                .filter(|i| i.meta.domain == d.id)
                .collect();
            let rows: Vec<&[Option<f64>]> = own
                .iter()
                .filter_map(|i| exact.iter().find(|(id, _)| *id == i.meta.id))
                .map(|(_, v)| v.as_slice())
                .collect();
            let mut correlations = Vec::new();
            for (x, a) in own.iter().enumerate() {
                for b in &own[x + 1..] {
                    let get = |id: &str| &exact.iter().find(|(e, _)| e == id).expect("indexed").1;
                    if let Some((r, n)) = pearson(get(&a.meta.id), get(&b.meta.id)) {
                        correlations.push(Correlation {
                            a: a.meta.id.clone(),
                            b: b.meta.id.clone(),
                            r: round(r, 2),
                            n,
                        });
                    }
                }
            }
            let index: Vec<Option<f64>> = mean_index(&rows, regions.len())
                .into_iter()
                .map(|i| i.map(|i| round(i, 1)))
                .collect();
            DomainOut {
                meta: d.clone(),
                indicators: own.iter().map(|i| i.meta.id.clone()).collect(),
                rank: ranks(&index),
                index,
                correlations,
                robust: Vec::new(),
            }
        })
        .collect();
    let profiles = profiles
        .into_iter()
        .map(|mut p| {
            p.values = p
                .values
                .into_iter()
                .map(|v| v.map(|v| round(v, 2)))
                .collect();
            p.france = p.france.map(|v| round(v, 2));
            p
        })
        .collect();
    let mut ds = Dataset {
        generated_by: GENERATED_BY.into(),
        regions: regions.to_vec(),
        domains,
        indicators,
        profiles,
        acteurs,
        overall: Default::default(),
        reference: Default::default(),
        weights: Vec::new(),
    };
    let equal = vec![1.0; ds.domains.len()];
    crate::robust::refresh(&mut ds, &equal, crate::robust::DRAWS);
    ds
}

/// The explanation names the correlated pair, in either order.
fn same_pair(e: &crate::model::ExplainedPair, c: &Correlation) -> bool {
    (e.a == c.a && e.b == c.b) || (e.a == c.b && e.b == c.a)
}

/// The coherence check of composite-index practice (OECD/JRC Handbook, step 4): inside a domain,
/// two indicators whose indices correlate negatively across the regions pull the domain in
/// opposite directions. That stops the pipeline unless `domains.toml` explains the pair; a
/// domain without indicators must say why (`gap_fr`), one with a single indicator what it
/// cannot say (`note_fr`).
pub fn check_coherence(ds: &Dataset, file: &str) -> Result<()> {
    for d in &ds.domains {
        let m = &d.meta;
        match d.indicators.len() {
            0 if m.gap_fr.is_none() || m.gap_en.is_none() => {
                return Err(Error::invalid(
                    file,
                    0,
                    "gap_fr",
                    format!("domain {} has no indicator and does not say why", m.id),
                ));
            }
            1 if m.note_fr.is_none() || m.note_en.is_none() => {
                return Err(Error::invalid(
                    file,
                    0,
                    "note_fr",
                    format!(
                        "domain {} has a single indicator and does not say what it cannot measure",
                        m.id
                    ),
                ));
            }
            n if n > 0 && m.gap_fr.is_some() => {
                return Err(Error::invalid(
                    file,
                    0,
                    "gap_fr",
                    format!("domain {} has indicators but a gap", m.id),
                ));
            }
            _ => {}
        }
        for c in d.correlations.iter().filter(|c| c.r < 0.0) {
            let explained = m.explained.iter().any(|e| same_pair(e, c));
            if !explained {
                return Err(Error::invalid(
                    file,
                    0,
                    "explained",
                    format!(
                        "domain {}: {} and {} correlate negatively (r = {:.2} over {} regions); explain the pair in [[domain.explained]] or change the domain",
                        m.id, c.a, c.b, c.r, c.n
                    ),
                ));
            }
        }
        if let Some(e) = m
            .explained
            .iter()
            .find(|e| !d.correlations.iter().any(|c| c.r < 0.0 && same_pair(e, c)))
        {
            return Err(Error::invalid(
                file,
                0,
                "explained",
                format!(
                    "domain {}: {} and {} are explained but do not correlate negatively",
                    m.id, e.a, e.b
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IndexRule, Polarity};
    use crate::seeds::{Base, Margins, Seeds};

    fn meta(id: &str, domain: &str) -> IndicatorMeta {
        IndicatorMeta {
            id: id.into(),
            domain: domain.into(),
            label_fr: id.into(),
            label_en: id.into(),
            definition_fr: "d".into(),
            definition_en: "d".into(),
            unit: "%".into(),
            year: "2020".into(),
            producer: "p".into(),
            producer_en: String::new(),
            licence: "l".into(),
            licence_en: String::new(),
            origin: "o".into(),
            source: "custom".into(),
            method: "m".into(),
            method_en: "m".into(),
            polarity: Polarity::HigherIsFragile,
            index_rule: IndexRule::Ratio,
            caveats: String::new(),
            caveats_en: String::new(),
            series: None,
            weight: Default::default(),
        }
    }

    fn domain(id: &str) -> DomainMeta {
        DomainMeta {
            id: id.into(),
            label_fr: id.into(),
            label_en: id.into(),
            in_sentence_fr: id.into(),
            in_sentence_en: id.into(),
            description_fr: "d".into(),
            description_en: "d".into(),
            origin: "product".into(),
            gap_fr: None,
            gap_en: None,
            note_fr: None,
            note_en: None,
            explained: vec![],
        }
    }

    fn seeds() -> Seeds {
        Seeds {
            fact: vec![],
            practice: vec![],
            practice_base: Base {
                n: 1,
                population: "p".into(),
                seed: "s.txt".into(),
                quote: "q".into(),
            },
            survey: vec![],
            margins: Margins {
                national_min: 0.0,
                national_max: 0.0,
                regional: 0.0,
                unit: "points".into(),
                sample: "s".into(),
                seed: "s.txt".into(),
                quote: "q".into(),
            },
            sentence: vec![],
        }
    }

    /// Values (France = 100, so value = index) per indicator for regions A, B, C.
    fn build(values: &[(&str, [f64; 3])], domains: &[DomainMeta]) -> Dataset {
        let regions: Vec<Area> = ["A", "B", "C"]
            .iter()
            .map(|c| Area {
                code: c.to_string(),
                name: c.to_string(),
                neighbours: vec![],
            })
            .collect();
        let metas: Vec<IndicatorMeta> = values.iter().map(|(id, _)| meta(id, "d")).collect();
        let mut obs = Vec::new();
        for (id, v) in values {
            for (r, x) in regions.iter().zip(v) {
                obs.push(Observation {
                    indicator: id.to_string(),
                    area: r.code.clone(),
                    year: "2020".into(),
                    unit: "%".into(),
                    value: Some(*x),
                    missing_reason: None,
                });
            }
            obs.push(Observation {
                indicator: id.to_string(),
                area: FRANCE.into(),
                year: "2020".into(),
                unit: "%".into(),
                value: Some(100.0),
                missing_reason: None,
            });
        }
        assemble(&regions, domains, &metas, &obs, vec![], seeds())
    }

    /// Bug guarded: the domain mean was taken over indices already rounded to 0.1, which moved
    /// 30 of 208 domain values by 0.1 and made false ties. Indices 100.04 ×3 and 100.14: the
    /// rounded ones (100.0 ×3, 100.1) average 100.025 → 100.0; the exact mean is 100.065 → 100.1.
    #[test]
    fn significant_digits() {
        assert_eq!(significant(21.478, 4), 21.48);
        assert_eq!(significant(3.24513, 4), 3.245);
        assert_eq!(significant(0.0, 4), 0.0);
        assert_eq!(significant(-7.05449, 3), -7.05);
        assert_eq!(
            significant(23080.0, 4),
            23080.0,
            "never rounds the integer part"
        );
    }

    #[test]
    fn domain_index_is_the_mean_of_unrounded_indices() {
        let ds = build(
            &[
                ("a", [100.04, 100.0, 90.0]),
                ("b", [100.04, 110.0, 95.0]),
                ("c", [100.04, 120.0, 80.0]),
                ("e", [100.14, 130.0, 85.0]),
            ],
            &[domain("d")],
        );
        assert_eq!(ds.domains[0].index[0], Some(100.1));
        assert_eq!(
            ds.indicators[0].index[0],
            Some(100.0),
            "indicators still shown to 0.1"
        );
    }

    /// The coherence check: a negative pair stops the build unless it is explained; an
    /// explanation that no longer applies stops it too; a domain without indicators must say why.
    #[test]
    fn negative_correlations_need_an_explanation() {
        let values = [("a", [90.0, 100.0, 110.0]), ("b", [110.0, 100.0, 90.0])];
        let ds = build(&values, &[domain("d")]);
        let c = &ds.domains[0].correlations[0];
        assert_eq!((c.a.as_str(), c.b.as_str(), c.r, c.n), ("a", "b", -1.0, 3));
        let e = check_coherence(&ds, "domains.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("domains.toml:0: explained: domain d: a and b correlate negatively"),
            "{e}"
        );
        let mut explained = domain("d");
        explained.explained.push(crate::model::ExplainedPair {
            a: "b".into(),
            b: "a".into(),
            why_fr: "w".into(),
            why_en: "w".into(),
        });
        assert!(check_coherence(&build(&values, &[explained.clone()]), "f").is_ok());
        let positive = [("a", [90.0, 100.0, 110.0]), ("b", [91.0, 100.0, 111.0])];
        let e = check_coherence(&build(&positive, &[explained.clone()]), "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("do not correlate negatively"), "{e}");
        let empty = build(&values, &[explained, domain("sport")]);
        let e = check_coherence(&empty, "f").unwrap_err().to_string();
        assert!(
            e.contains("domain sport has no indicator and does not say why"),
            "{e}"
        );
    }
}
