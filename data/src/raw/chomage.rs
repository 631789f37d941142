//! INSEE "Taux de chômage localisé" (BDM), quarterly, seasonally adjusted, by region and
//! France métropolitaine (published series, not recomputed).

use super::{obs, obs_at, sheet};
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

/// One area's value in one column: its row's number, required.
type Rows = Vec<(String, usize)>;

/// The rows of the 13 regions and France (code, row index), each once.
fn area_rows(range: &calamine::Range<calamine::Data>, areas: &Areas) -> Result<Rows> {
    let mut found: Rows = Vec::new();
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
        if found.iter().any(|(c, _)| c == &code) {
            return Err(Error::invalid(
                FILE,
                i + 1,
                "Libellé",
                format!("{zone} appears twice"),
            ));
        }
        found.push((code, i));
    }
    Ok(found)
}

/// The headline quarter of each indicator (`year = "2024-T3"`), and for each year of its series
/// the mean of its four quarters (a year lacking a quarter is left out of the series).
pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let range = sheet::open(raw, FILE, "valeurs_trimestrielles")?;
    let header: Vec<String> = range
        .rows()
        .next()
        .map(|r| r.iter().map(|c| sheet::text(Some(c))).collect())
        .unwrap_or_default();
    let rows = area_rows(&range, areas)?;
    let column = |period: &str| header.iter().position(|h| h == period);
    let cell = |code: &str, col: usize, period: &str| -> Result<Option<f64>> {
        let Some((_, i)) = rows.iter().find(|(c, _)| c == code) else {
            return Ok(None);
        };
        let v = sheet::number(
            range.rows().nth(*i).and_then(|r| r.get(col)),
            FILE,
            i + 1,
            period,
        )?;
        v.map(Some).ok_or_else(|| {
            Error::invalid(FILE, i + 1, period.to_string(), format!("{code}: empty"))
        })
    };
    let mut out = Vec::new();
    for meta in metas {
        let col = column(&meta.year).ok_or_else(|| {
            Error::invalid(FILE, 1, "Période", format!("no column {}", meta.year))
        })?;
        for code in areas.region_codes().chain([FRANCE]) {
            out.push(obs(
                meta,
                code,
                cell(code, col, &meta.year)?,
                "absent de la série INSEE",
            ));
        }
        let Some(s) = &meta.series else { continue };
        for year in s.from..=s.to {
            let quarters: Option<Vec<(usize, String)>> = (1..=4)
                .map(|q| {
                    let p = format!("{year}-T{q}");
                    column(&p).map(|c| (c, p))
                })
                .collect();
            let Some(quarters) = quarters else { continue };
            for code in areas.region_codes().chain([FRANCE]) {
                let mut sum = 0.0;
                let mut all = true;
                for (c, p) in &quarters {
                    match cell(code, *c, p)? {
                        Some(v) => sum += v,
                        None => all = false,
                    }
                }
                let mean = all.then(|| ((sum / 4.0) * 100.0).round() / 100.0);
                out.push(obs_at(
                    meta,
                    &year.to_string(),
                    code,
                    mean,
                    "absent de la série INSEE",
                ));
            }
        }
    }
    Ok(out)
}
