//! Eurostat `isoc_r_iuse_i` (I_IDAY, % of individuals aged 16-74 using the internet daily) by
//! NUTS-1 region, via the R package "regions" (SOURCES.md §14).
//!
//! `source = "internet:<first>-<last>"`: each region's mean over those years, because the regional
//! samples are small (Corse 60, 51, 51, 56, 61, 76 in 2014-2019). The file has no metropolitan row
//! (`FR` includes the DOM) and no weights, so France métropolitaine is the mean of the 13 regions
//! weighted by their population aged 15-74 (ELP at 1 January of each year: 5-year bands, so 15
//! rather than Eurostat's 16).

use super::{elp, obs, obs_at, read_text, regioviz::NUTS1, source_key, table::CsvTable};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation, FRANCE};
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "eurostat-regions-internet/daily_internet_users_FR-subset.csv";

/// Region code → year → value, for the 13 NUTS-1 regions.
pub fn table(raw: &Path) -> Result<BTreeMap<String, BTreeMap<i32, f64>>> {
    let t = CsvTable::parse(&read_text(raw, FILE)?, FILE, b',')?;
    let (cg, ct, cv) = (t.col("geo")?, t.col("time")?, t.col("values")?);
    let mut out: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for (line, rec) in &t.rows {
        let Some((_, code)) = NUTS1.iter().find(|(n, _)| Some(*n) == rec.get(cg)) else {
            continue;
        };
        let year: i32 = rec
            .get(ct)
            .and_then(|y| y.trim().parse().ok())
            .ok_or_else(|| Error::invalid(FILE, *line, "time", "not a year"))?;
        let Some(v) = t.num(*line, rec, cv, "values")? else {
            continue;
        };
        if !(0.0..=100.0).contains(&v) {
            return Err(Error::invalid(
                FILE,
                *line,
                "values",
                format!("{v} is not a percentage"),
            ));
        }
        if out
            .entry(code.to_string())
            .or_default()
            .insert(year, v)
            .is_some()
        {
            return Err(Error::invalid(
                FILE,
                *line,
                "time",
                format!("{code} {year} twice"),
            ));
        }
    }
    Ok(out)
}

/// A region's population aged 15-74 (the weight of its value in France's).
fn aged_15_74(pop: &elp::Elp, areas: &Areas, code: &str) -> f64 {
    areas
        .dep_region
        .iter()
        .filter(|(_, r)| *r == code)
        .filter_map(|(dep, _)| pop.ages(dep, 15, 74))
        .sum()
}

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let t = table(raw)?;
    let mut out = Vec::new();
    for meta in metas {
        let span = source_key(meta, "internet").unwrap_or_default();
        let years: Option<(i32, i32)> = span
            .split_once('-')
            .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
        let Some((first, last)) = years.filter(|(a, b)| a <= b) else {
            return Err(Error::invalid(
                "data/indicators.toml",
                0,
                "source",
                format!("{}: internet:<first year>-<last year>", meta.id),
            ));
        };
        let mut means = BTreeMap::new();
        let (mut weighted, mut weights) = (0.0, 0.0);
        for year in first..=last {
            let pop = elp::read(raw, areas, &year.to_string())?;
            for code in areas.region_codes() {
                let v = t.get(code).and_then(|s| s.get(&year)).ok_or_else(|| {
                    Error::invalid(FILE, 0, "values", format!("no value for {code} in {year}"))
                })?;
                let people = aged_15_74(&pop, areas, code);
                *means.entry(code).or_insert(0.0) += v / f64::from(last - first + 1);
                weighted += v * people;
                weights += people;
            }
        }
        out.extend(
            areas
                .region_codes()
                .map(|code| obs(meta, code, means.get(code).copied(), "")),
        );
        out.push(obs(
            meta,
            FRANCE,
            (weights > 0.0).then(|| weighted / weights),
            "",
        ));
        // The series: each year's published value, France weighted as above for that year.
        let Some(s) = &meta.series else { continue };
        for year in s.from..=s.to {
            let pop = elp::read(raw, areas, &year.to_string())?;
            let (mut weighted, mut weights) = (0.0, 0.0);
            for code in areas.region_codes() {
                let v = t.get(code).and_then(|s| s.get(&year)).copied();
                let people = aged_15_74(&pop, areas, code);
                if let Some(v) = v {
                    weighted += v * people;
                    weights += people;
                }
                out.push(obs_at(
                    meta,
                    &year.to_string(),
                    code,
                    v,
                    "absent du fichier Eurostat",
                ));
            }
            let complete = areas
                .region_codes()
                .all(|c| t.get(c).is_some_and(|s| s.contains_key(&year)));
            out.push(obs_at(
                meta,
                &year.to_string(),
                FRANCE,
                (complete && weights > 0.0).then(|| weighted / weights),
                "une région manque cette année",
            ));
        }
    }
    Ok(out)
}
