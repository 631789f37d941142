//! INSEE Filosofi 2013 by region (Khartis example file): poverty rate at 60 %.
//! Only rates are given: France métropolitaine is the mean weighted by persons in fiscal households.

use super::{parse_num, read_text, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str = "khartis-filosofi/fr-reg2016-pauvrete-2013.csv";
const PERSONS: &str = "Nombre de personnes dans les ménages fiscaux";

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let text = read_text(raw, FILE)?;
    let mut out = Vec::new();
    for meta in metas {
        let column = super::source_key(meta, "filosofi").unwrap_or_default();
        let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
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
        let (cp, cv) = (col(PERSONS)?, col(column)?);
        let mut sums = Sums::default();
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
            let code = rec.get(0).unwrap_or("").trim();
            if !areas.region_codes().any(|c| c == code) {
                return Err(Error::invalid(
                    FILE,
                    line,
                    "Code géographique",
                    format!("unknown region code {code:?}"),
                ));
            }
            let persons = parse_num(rec.get(cp).unwrap_or(""), FILE, line, PERSONS)?;
            let value = parse_num(rec.get(cv).unwrap_or(""), FILE, line, column)?;
            if let (Some(p), Some(v)) = (persons, value) {
                sums.add(code, v * p, p);
            }
        }
        out.extend(sums.observations(meta, areas, 1.0, "non disponible dans Filosofi 2013"));
    }
    Ok(out)
}
