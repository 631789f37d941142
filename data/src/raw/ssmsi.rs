//! SSMSI recorded crime by département: counts summed by region, per 1 000 inhabitants
//! (per 1 000 dwellings for burglaries, whose denominator in the file is `insee_log`).

use super::{read_text, source_key, table::CsvTable, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str =
    "mspr-solo-insee-ssmsi/donnee-dep-data.gouv-2024-geographie2024-produit-le2025-01-26.csv";

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let t = CsvTable::parse(&read_text(raw, FILE)?, FILE, b';')?;
    let (cdep, creg, cyear, cind, cnum) = (
        t.col("Code_departement")?,
        t.col("Code_region")?,
        t.col("annee")?,
        t.col("indicateur")?,
        t.col("nombre")?,
    );
    let mut out = Vec::new();
    for meta in metas {
        // source = "ssmsi:<indicateur>|<insee_pop or insee_log>"
        let key = source_key(meta, "ssmsi").unwrap_or_default();
        let (indicateur, denominator) = key.split_once('|').unwrap_or((key, "insee_pop"));
        let cden = t.col(denominator)?;
        for year in super::years_of(meta) {
            let mut sums = Sums::default();
            let mut rows = 0;
            for (line, rec) in &t.rows {
                if rec.get(cind) != Some(indicateur) || rec.get(cyear) != Some(year.as_str()) {
                    continue;
                }
                let dep = Areas::normalise_dep(rec.get(cdep).unwrap_or(""));
                let Some(region) = areas.region_of_dep(&dep) else {
                    continue;
                };
                if rec.get(creg).map(str::trim) != Some(region) {
                    return Err(Error::invalid(
                        FILE,
                        *line,
                        "Code_region",
                        format!(
                            "département {dep} is in region {region} (COG), the file says {:?}",
                            rec.get(creg)
                        ),
                    ));
                }
                if let (Some(n), Some(d)) = (
                    t.num(*line, rec, cnum, "nombre")?,
                    t.num(*line, rec, cden, denominator)?,
                ) {
                    sums.add_dep(areas, &dep, n, d);
                    rows += 1;
                }
            }
            if rows != 96 {
                return Err(Error::invalid(
                    FILE,
                    0,
                    "indicateur",
                    format!("{indicateur:?} {year}: {rows} metropolitan départements, expected 96"),
                ));
            }
            out.extend(sums.observations_at(meta, &year, areas, 1000.0, "non disponible (SSMSI)"));
        }
    }
    Ok(out)
}
