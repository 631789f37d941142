//! INSEE "Taux de chômage localisé" (BDM), quarterly, seasonally adjusted, by region and
//! France métropolitaine (published series, not recomputed).

use super::{obs, sheet};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation, FRANCE};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str = "mspr-solo-insee-ssmsi/famille_TAUX-CHOMAGE_19122024.xlsx";
const PREFIX: &str = "Taux de chômage localisé par région - ";

/// Compares names whatever the apostrophe, dashes and case.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .map(|c| match c {
                '’' => '\'',
                '-' | '–' => ' ',
                c => c,
            })
            .collect::<String>()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let range = sheet::open(raw, FILE, "valeurs_trimestrielles")?;
    let header: Vec<String> = range
        .rows()
        .next()
        .map(|r| r.iter().map(|c| sheet::text(Some(c))).collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for meta in metas {
        let col = header.iter().position(|h| h == &meta.year).ok_or_else(|| {
            Error::invalid(FILE, 1, "Période", format!("no column {}", meta.year))
        })?;
        let mut found: Vec<(String, f64)> = Vec::new();
        for (i, row) in range.rows().enumerate().skip(1) {
            let label = sheet::text(row.first());
            let Some(zone) = label.strip_prefix(PREFIX) else {
                continue;
            };
            let code = if zone == "France métropolitaine" {
                FRANCE.to_string()
            } else if let Some(r) = areas.regions.iter().find(|r| same_name(&r.nom, zone)) {
                r.code.clone()
            } else {
                continue; // DOM and France entière rows
            };
            let v = sheet::number(row.get(col), FILE, i + 1, &meta.year)?.ok_or_else(|| {
                Error::invalid(FILE, i + 1, meta.year.clone(), format!("{zone}: empty"))
            })?;
            if found.iter().any(|(c, _)| c == &code) {
                return Err(Error::invalid(
                    FILE,
                    i + 1,
                    "Libellé",
                    format!("{zone} appears twice"),
                ));
            }
            found.push((code, v));
        }
        for code in areas.region_codes().chain([FRANCE]) {
            let v = found.iter().find(|(c, _)| c == code).map(|(_, v)| *v);
            out.push(obs(meta, code, v, "absent de la série INSEE"));
        }
    }
    Ok(out)
}
