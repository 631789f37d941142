//! SSMSI recorded crime by département: counts summed by region, per 1 000 inhabitants
//! (per 1 000 dwellings for burglaries, whose denominator in the file is `insee_log`).

use super::{parse_num, read_text, source_key, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str =
    "mspr-solo-insee-ssmsi/donnee-dep-data.gouv-2024-geographie2024-produit-le2025-01-26.csv";

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let text = read_text(raw, FILE)?;
    if !text.lines().next().unwrap_or("").contains(';') {
        return Err(Error::invalid(
            FILE,
            1,
            "separator",
            "expected `;`-separated columns",
        ));
    }
    let mut out = Vec::new();
    for meta in metas {
        // source = "ssmsi:<indicateur>|<insee_pop or insee_log>"
        let key = source_key(meta, "ssmsi").unwrap_or_default();
        let (indicateur, denominator) = key.split_once('|').unwrap_or((key, "insee_pop"));
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| Error::invalid(FILE, 1, "header", e.to_string()))?
            .clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| Error::invalid(FILE, 1, name.to_string(), "missing column"))
        };
        let (cdep, creg, cyear, cind, cnum, cden) = (
            col("Code_departement")?,
            col("Code_region")?,
            col("annee")?,
            col("indicateur")?,
            col("nombre")?,
            col(denominator)?,
        );
        let mut sums = Sums::default();
        let mut rows = 0;
        for rec in rdr.records() {
            let rec = rec.map_err(|e| {
                Error::invalid(
                    FILE,
                    e.position().map_or(0, |p| p.line() as usize),
                    "record",
                    e.to_string(),
                )
            })?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            if rec.get(cind) != Some(indicateur) || rec.get(cyear) != Some(meta.year.as_str()) {
                continue;
            }
            let dep = Areas::normalise_dep(rec.get(cdep).unwrap_or(""));
            let Some(region) = areas.region_of_dep(&dep) else {
                continue;
            };
            if rec.get(creg).map(str::trim) != Some(region) {
                return Err(Error::invalid(
                    FILE,
                    line,
                    "Code_region",
                    format!(
                        "département {dep} is in region {region} (COG), the file says {:?}",
                        rec.get(creg)
                    ),
                ));
            }
            let n = parse_num(rec.get(cnum).unwrap_or(""), FILE, line, "nombre")?;
            let d = parse_num(rec.get(cden).unwrap_or(""), FILE, line, denominator)?;
            if let (Some(n), Some(d)) = (n, d) {
                sums.add(region, n, d);
                rows += 1;
            }
        }
        if rows != 96 {
            return Err(Error::invalid(
                FILE,
                0,
                "indicateur",
                format!(
                    "{indicateur:?} {}: {rows} metropolitan départements, expected 96",
                    meta.year
                ),
            ));
        }
        out.extend(sums.observations(meta, areas, 1000.0, "non disponible (SSMSI)"));
    }
    Ok(out)
}
