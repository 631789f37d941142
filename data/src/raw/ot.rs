//! Observatoire des territoires (CGET/ANCT), Grand Débat kits: indicators ID_1…ID_9 by EPCI 2018
//! (rates only). Regional values are means weighted by the EPCI's 2016 population from the
//! portrait workbook; an EPCI's region comes from its `dep` through the COG, never from the
//! workbook's `reg` column, which codes the 14 Marne EPCIs as Hauts-de-France (SOURCES.md §5).

use super::{read_text, sheet, source_key, table::CsvTable, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

pub const DATA: &str = "ot-kitscarto-granddebat/dataepci.csv";
pub const PORTRAIT: &str = "ot-kitscarto-granddebat/tableau_portrait_201913.xlsx";

/// An EPCI of the portrait workbook: its region (from its département) and 2016 population.
#[derive(Debug, Clone, PartialEq)]
pub struct Epci {
    pub region: String,
    /// The workbook's own `reg` column, kept to show the defect it has.
    pub reg_in_file: String,
    pub dep: String,
    pub population: f64,
    /// Its seat département's population (2016): an EPCI more populous than that spans
    /// several départements (the Métropole du Grand Paris).
    pub dep_population: f64,
}

/// Metropolitan EPCIs of the portrait workbook, by code.
pub fn epcis(raw: &Path, areas: &Areas) -> Result<HashMap<String, Epci>> {
    let range = sheet::open(raw, PORTRAIT, "tableau_portrait_201913")?;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(|c| sheet::text(Some(c))).collect())
        .unwrap_or_default();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Error::invalid(PORTRAIT, 1, name.to_string(), "missing column"))
    };
    let (ce, cd, cr, cp, cpd) = (
        col("epci")?,
        col("dep")?,
        col("reg")?,
        col("nombredhab_epci")?,
        col("nombredhab_dep")?,
    );
    let mut out = HashMap::new();
    for (i, row) in rows.enumerate() {
        let line = i + 2;
        let dep = Areas::normalise_dep(&sheet::text(row.get(cd)));
        let Some(region) = areas.region_of_dep(&dep) else {
            continue;
        };
        let population = sheet::number(row.get(cp), PORTRAIT, line, "nombredhab_epci")?
            .ok_or_else(|| Error::invalid(PORTRAIT, line, "nombredhab_epci", "empty"))?;
        let dep_population = sheet::number(row.get(cpd), PORTRAIT, line, "nombredhab_dep")?
            .ok_or_else(|| Error::invalid(PORTRAIT, line, "nombredhab_dep", "empty"))?;
        let code = sheet::text(row.get(ce));
        let epci = Epci {
            region: region.to_string(),
            reg_in_file: sheet::text(row.get(cr)),
            dep,
            population,
            dep_population,
        };
        if out.insert(code.clone(), epci).is_some() {
            return Err(Error::invalid(
                PORTRAIT,
                line,
                "epci",
                format!("duplicate EPCI {code}"),
            ));
        }
    }
    Ok(out)
}

/// Why a département has no value at this level when one of its EPCIs spans several.
const SPANS: &str = crate::reasons::EPCI_SPANS;
/// Why a département without any EPCI seated in it has no value.
const NO_SEAT: &str = crate::reasons::EPCI_NO_SEAT;

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let epcis = epcis(raw, areas)?;
    let t = CsvTable::parse(&read_text(raw, DATA)?, DATA, b';')?;
    let ce = t.col("epci2018")?;
    let mut out = Vec::new();
    for meta in metas {
        let field = source_key(meta, "ot").unwrap_or_default();
        let cv = t.col(field)?;
        let mut sums = Sums::default();
        for (line, rec) in &t.rows {
            let Some(epci) = epcis.get(rec.get(ce).unwrap_or("").trim()) else {
                continue;
            };
            if let Some(v) = t.num(*line, rec, cv, field)? {
                // An EPCI counts in the département of its seat (the workbook's `dep`), as it
                // counts in that département's region; one that spans several départements
                // counts in its region only, and its seat's département has no value.
                if epci.population > epci.dep_population {
                    sums.add(&epci.region, v * epci.population, epci.population);
                    sums.exclude_dep(&epci.dep, SPANS);
                } else {
                    sums.add_dep(areas, &epci.dep, v * epci.population, epci.population);
                }
            }
        }
        let unseated: Vec<String> = areas
            .dep_codes()
            .filter(|d| !sums.has_dep(d))
            .map(str::to_string)
            .collect();
        for d in unseated {
            sums.exclude_dep(&d, NO_SEAT);
        }
        out.extend(sums.observations(
            meta,
            areas,
            1.0,
            "non disponible (Observatoire des territoires)",
        ));
    }
    Ok(out)
}
