//! INSEE Filosofi 2013 by region (Khartis example file): poverty rate at 60 %.
//! Only rates are given: France métropolitaine is the mean weighted by persons in fiscal households.

use super::{read_text, table::CsvTable, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str = "khartis-filosofi/fr-reg2016-pauvrete-2013.csv";
const PERSONS: &str = "Nombre de personnes dans les ménages fiscaux";

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let t = CsvTable::parse(&read_text(raw, FILE)?, FILE, b',')?;
    let mut out = Vec::new();
    for meta in metas {
        let column = super::source_key(meta, "filosofi").unwrap_or_default();
        let (cp, cv) = (t.col(PERSONS)?, t.col(column)?);
        let mut sums = Sums::default();
        for (line, rec) in &t.rows {
            let code = rec.get(0).unwrap_or("").trim();
            if !areas.region_codes().any(|c| c == code) {
                return Err(Error::invalid(
                    FILE,
                    *line,
                    "Code géographique",
                    format!("unknown region code {code:?}"),
                ));
            }
            if let (Some(p), Some(v)) = (
                t.num(*line, rec, cp, PERSONS)?,
                t.num(*line, rec, cv, column)?,
            ) {
                sums.add(code, v * p, p);
            }
        }
        out.extend(sums.observations(meta, areas, 1.0, "non disponible dans Filosofi 2013"));
    }
    Ok(out)
}
