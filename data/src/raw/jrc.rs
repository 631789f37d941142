//! JRC NUTS converter (LUISA base map): artificial surfaces 2012 and 2018 by NUTS-3
//! (départements). `artif_surf*` behave as hectares (SOURCES.md §10); DOM rows are placeholders
//! and are left out (metropolitan NUTS-3 only).

use super::regioviz::NUTS1;
use super::{read_text, source_key, table::CsvTable, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str = "jrc-nutsconverter-artif/n3_cm_v2016_v2021.csv";

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let t = CsvTable::parse(&read_text(raw, FILE)?, FILE, b',')?;
    let (ccode, carea, c12, c18) = (
        t.col("code_v2016")?,
        t.col("areaKm")?,
        t.col("artif_surf12")?,
        t.col("artif_surf18")?,
    );
    let mut share = Sums::default();
    let mut growth = Sums::default();
    let mut seen = std::collections::BTreeSet::new();
    for (line, rec) in &t.rows {
        let code = rec.get(ccode).unwrap_or("");
        let Some((_, region)) = NUTS1
            .iter()
            .find(|(n, _)| code.len() == 5 && code.starts_with(n))
        else {
            continue;
        };
        if !seen.insert(code.to_string()) {
            return Err(Error::invalid(
                FILE,
                *line,
                "code_v2016",
                format!("duplicate NUTS-3 {code}"),
            ));
        }
        let num = |c: usize, f: &str| {
            t.num(*line, rec, c, f)?
                .ok_or_else(|| Error::invalid(FILE, *line, f, "missing value"))
        };
        let (area_km2, a12, a18) = (
            num(carea, "areaKm")?,
            num(c12, "artif_surf12")?,
            num(c18, "artif_surf18")?,
        );
        share.add(region, a18, area_km2 * 100.0);
        growth.add(region, a18 - a12, a12);
    }
    if seen.len() != 96 {
        return Err(Error::invalid(
            FILE,
            0,
            "code_v2016",
            format!("{} metropolitan NUTS-3, expected 96", seen.len()),
        ));
    }
    let mut out = Vec::new();
    for meta in metas {
        let sums = match source_key(meta, "jrc") {
            Some("artif_share_2018") => &share,
            Some("artif_growth_2012_2018") => &growth,
            other => {
                return Err(Error::invalid(
                    "data/indicators.toml",
                    0,
                    "source",
                    format!("{}: unknown jrc field {other:?}", meta.id),
                ))
            }
        };
        out.extend(sums.observations(meta, areas, 100.0, "non disponible (JRC)"));
    }
    Ok(out)
}
