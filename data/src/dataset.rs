//! From validated observations to the compact runtime dataset the app loads.

use crate::index::{indices, mean_index, ranks};
use crate::model::{
    Area, Dataset, DomainMeta, DomainOut, IndicatorMeta, IndicatorOut, Observation, ProfileOut,
    FRANCE,
};
use crate::GENERATED_BY;

fn round(v: f64, digits: i32) -> f64 {
    let p = 10f64.powi(digits);
    (v * p).round() / p
}

/// Assembles the dataset; `regions` in the order the arrays follow.
pub fn assemble(
    regions: &[Area],
    domains: &[DomainMeta],
    metas: &[IndicatorMeta],
    obs: &[Observation],
    profiles: Vec<ProfileOut>,
    acteurs: crate::seeds::Seeds,
) -> Dataset {
    let find = |id: &str, area: &str| obs.iter().find(|o| o.indicator == id && o.area == area);
    let indicators: Vec<IndicatorOut> = metas
        .iter()
        .filter(|m| obs.iter().any(|o| o.indicator == m.id))
        .map(|m| {
            let values: Vec<Option<f64>> = regions
                .iter()
                .map(|r| find(&m.id, &r.code).and_then(|o| o.value))
                .collect();
            let missing = regions
                .iter()
                .map(|r| find(&m.id, &r.code).and_then(|o| o.missing_reason.clone()))
                .collect();
            let france = find(&m.id, FRANCE).and_then(|o| o.value);
            let index: Vec<Option<f64>> = indices(&values, france, m.polarity, m.index_rule)
                .into_iter()
                .map(|i| i.map(|i| round(i, 1)))
                .collect();
            IndicatorOut {
                meta: m.clone(),
                france: france.map(|v| round(v, 4)),
                values: values.into_iter().map(|v| v.map(|v| round(v, 4))).collect(),
                missing,
                rank: ranks(&index),
                index,
            }
        })
        .collect();
    let domains = domains
        .iter()
        .map(|d| {
            let own: Vec<&IndicatorOut> = indicators
                .iter()
                .filter(|i| i.meta.domain == d.id)
                .collect();
            let rows: Vec<&[Option<f64>]> = own.iter().map(|i| i.index.as_slice()).collect();
            let index: Vec<Option<f64>> = mean_index(&rows, regions.len())
                .into_iter()
                .map(|i| i.map(|i| round(i, 1)))
                .collect();
            DomainOut {
                meta: d.clone(),
                indicators: own.iter().map(|i| i.meta.id.clone()).collect(),
                rank: ranks(&index),
                index,
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
    Dataset {
        generated_by: GENERATED_BY.into(),
        regions: regions.to_vec(),
        domains,
        indicators,
        profiles,
        acteurs,
    }
}
