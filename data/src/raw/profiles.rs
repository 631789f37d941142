//! Readers of the region profiles' raw files: land areas (INSEE comparateur), communes and
//! départements (COG), GDP (INSEE regional accounts), population (ELP) and R&D (Regioviz).

use super::{read_text, sheet, table::CsvTable};
use crate::areas::Areas;
use crate::model::FRANCE;
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub type PerArea = BTreeMap<String, f64>;

pub const COMPARATEUR: &str = "insee-comparateur-datasfun/communes.csv";
pub const COMMUNES_2019: &str = "decoupage-administratif/v0.7.0-communes-actuelles-subset.json";
pub const COMMUNES_2026: &str = "decoupage-administratif/v6.0.0-communes-actuelles-subset.json";
pub const DEPS_2019: &str = "decoupage-administratif/v0.7.0-departements.json";
pub const PIB: &str = "mspr-solo-insee-ssmsi/PIB_regionaux_1990-2022.xlsx";

/// Σ `superficie_km2` of communes (COM and ARM rows, each INSEE code once; COMD excluded) by region.
pub fn areas_km2(raw_dir: &Path, areas: &Areas) -> Result<PerArea> {
    let t = CsvTable::parse(&read_text(raw_dir, COMPARATEUR)?, COMPARATEUR, b',')?;
    let (cc, cr, ct, cs) = (
        t.col("insee_com")?,
        t.col("insee_reg")?,
        t.col("commune_type")?,
        t.col("superficie_km2")?,
    );
    let mut seen = std::collections::HashSet::new();
    let mut out = PerArea::new();
    for (line, rec) in &t.rows {
        if !matches!(rec.get(ct), Some("COM") | Some("ARM"))
            || !seen.insert(rec.get(cc).unwrap_or("").to_string())
        {
            continue; // communes déléguées, and the extra rows of communes with several postcodes
        }
        let region = rec.get(cr).unwrap_or("");
        if !areas.region_codes().any(|c| c == region) {
            continue;
        }
        let s = t
            .num(*line, rec, cs, "superficie_km2")?
            .ok_or_else(|| Error::invalid(COMPARATEUR, *line, "superficie_km2", "empty"))?;
        *out.entry(region.to_string()).or_default() += s;
    }
    Ok(out)
}

/// Number of communes by region in a decoupage-administratif communes subset.
pub fn communes(raw_dir: &Path, rel: &str, areas: &Areas) -> Result<PerArea> {
    #[derive(serde::Deserialize)]
    struct C {
        region: Option<String>,
    }
    let list: Vec<C> = serde_json::from_str(&read_text(raw_dir, rel)?)
        .map_err(|e| Error::invalid(rel, e.line(), "communes", e.to_string()))?;
    let mut out = PerArea::new();
    for c in list {
        if let Some(r) = c.region.filter(|r| areas.region_codes().any(|c| c == r)) {
            *out.entry(r).or_default() += 1.0;
        }
    }
    Ok(out)
}

/// Number of départements by region in a decoupage-administratif departements.json.
pub fn departements(raw_dir: &Path, rel: &str, areas: &Areas) -> Result<PerArea> {
    #[derive(serde::Deserialize)]
    struct D {
        region: String,
    }
    let list: Vec<D> = serde_json::from_str(&read_text(raw_dir, rel)?)
        .map_err(|e| Error::invalid(rel, e.line(), "departements", e.to_string()))?;
    let mut out = PerArea::new();
    for d in list
        .into_iter()
        .filter(|d| areas.region_codes().any(|c| c == d.region))
    {
        *out.entry(d.region).or_default() += 1.0;
    }
    Ok(out)
}

/// GDP in value (M€, current prices) by region and France métropolitaine for one year.
pub fn gdp(raw_dir: &Path, areas: &Areas, year: &str) -> Result<PerArea> {
    regional_accounts(raw_dir, areas, "PIB en valeur 1990-2022", year)
}

/// One year of a sheet of INSEE's regional accounts (`PIB en valeur 1990-2022`, `PIB par hab
/// 1990-2022`…): the 13 regions and the published France métropolitaine, all required.
pub fn regional_accounts(
    raw_dir: &Path,
    areas: &Areas,
    sheet_name: &str,
    year: &str,
) -> Result<PerArea> {
    let range = sheet::open(raw_dir, PIB, sheet_name)?;
    let rows: Vec<_> = range.rows().collect();
    let header = rows
        .iter()
        .position(|r| sheet::text(r.first()) == "Année")
        .ok_or_else(|| Error::invalid(PIB, 0, "Année", "no header row"))?;
    let col = rows[header]
        .iter()
        .position(|c| sheet::text(Some(c)) == year)
        .ok_or_else(|| Error::invalid(PIB, header + 1, year.to_string(), "no such year"))?;
    let mut out = PerArea::new();
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        let name = sheet::text(row.first());
        let code = if name == "France métropolitaine" {
            FRANCE.to_string()
        } else if let Some(r) = areas
            .regions
            .iter()
            .find(|r| super::chomage::same_name(&r.nom, &name))
        {
            r.code.clone()
        } else {
            continue;
        };
        let v = sheet::number(row.get(col), PIB, i + 1, year)?.ok_or_else(|| {
            Error::invalid(PIB, i + 1, year.to_string(), format!("{name}: empty"))
        })?;
        out.insert(code, v);
    }
    if out.len() != 14 {
        return Err(Error::invalid(
            PIB,
            0,
            year.to_string(),
            format!(
                "{} areas, expected 13 regions and France métropolitaine",
                out.len()
            ),
        ));
    }
    Ok(out)
}

/// ELP total population by region for a year.
pub fn population(raw_dir: &Path, areas: &Areas, year: &str) -> Result<PerArea> {
    let elp = super::elp::read(raw_dir, areas, year)?;
    let mut out = PerArea::new();
    for dep in elp.by_dep.keys() {
        *out.entry(areas.region_of_dep(dep).expect("metro").to_string())
            .or_default() += elp.ages(dep, 0, 999).unwrap_or(0.0);
    }
    Ok(out)
}

/// Regioviz R&D spending (RD_DEP, M€) by region.
pub fn rd_spending(raw_dir: &Path) -> Result<PerArea> {
    let t = CsvTable::parse(
        &read_text(raw_dir, super::regioviz::DATA)?,
        super::regioviz::DATA,
        b',',
    )?;
    let c = t.col("RD_DEP")?;
    let mut out = PerArea::new();
    for (line, rec) in &t.rows {
        if let Some((_, insee)) = super::regioviz::NUTS1
            .iter()
            .find(|(n, _)| Some(*n) == rec.get(0))
        {
            if let Some(v) = t.num(*line, rec, c, "RD_DEP")? {
                out.insert(insee.to_string(), v);
            }
        }
    }
    Ok(out)
}
