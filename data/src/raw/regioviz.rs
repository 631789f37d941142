//! Eurostat regional indicators compiled by Regioviz (CGET / UMS RIATE), NUTS-1 2016.
//! Every indicator is `id1 / id2 (× 100)` of two stocks (REGIOVIZ_META.csv), so France
//! métropolitaine is Σ id1 / Σ id2 over the 13 regions.

use super::{parse_num, read_text, source_key, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

pub const DATA: &str = "regioviz-eurostat/REGIOVIZ_DATA.csv";
pub const META: &str = "regioviz-eurostat/REGIOVIZ_META.csv";

/// NUTS-1 2016 code → INSEE region code (SOURCES.md, "Region codes").
pub const NUTS1: [(&str, &str); 13] = [
    ("FR1", "11"),
    ("FRB", "24"),
    ("FRC", "27"),
    ("FRD", "28"),
    ("FRE", "32"),
    ("FRF", "44"),
    ("FRG", "52"),
    ("FRH", "53"),
    ("FRI", "75"),
    ("FRJ", "76"),
    ("FRK", "84"),
    ("FRL", "93"),
    ("FRM", "94"),
];

struct Formula {
    id1: String,
    id2: String,
    factor: f64,
}

fn formulas(text: &str) -> Result<HashMap<String, Formula>> {
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| Error::invalid(META, 1, "header", e.to_string()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Error::invalid(META, 1, name, "missing column"))
    };
    let (ci, c1, c2, cf) = (col("id")?, col("id1")?, col("id2")?, col("Formula")?);
    let mut out = HashMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            Error::invalid(
                META,
                e.position().map_or(0, |p| p.line() as usize),
                "record",
                e.to_string(),
            )
        })?;
        let factor = match rec.get(cf).unwrap_or("").trim() {
            "id1/id2" => 1.0,
            "id1/id2*100" => 100.0,
            _ => continue,
        };
        out.insert(
            rec.get(ci).unwrap_or("").to_string(),
            Formula {
                id1: rec.get(c1).unwrap_or("").to_string(),
                id2: rec.get(c2).unwrap_or("").to_string(),
                factor,
            },
        );
    }
    Ok(out)
}

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let formulas = formulas(&read_text(raw, META)?)?;
    let text = read_text(raw, DATA)?;
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| Error::invalid(DATA, 1, "header", e.to_string()))?
        .clone();
    let records: Vec<(usize, csv::StringRecord)> = rdr
        .records()
        .map(|r| {
            r.map(|rec| (rec.position().map_or(0, |p| p.line() as usize), rec))
                .map_err(|e| {
                    Error::invalid(
                        DATA,
                        e.position().map_or(0, |p| p.line() as usize),
                        "record",
                        e.to_string(),
                    )
                })
        })
        .collect::<Result<_>>()?;
    let mut out = Vec::new();
    for meta in metas {
        let key = source_key(meta, "regioviz").ok_or_else(|| {
            Error::invalid(
                "data/indicators.toml",
                0,
                "source",
                format!("{}: not a regioviz source", meta.id),
            )
        })?;
        let f = formulas.get(key).ok_or_else(|| {
            Error::invalid(
                META,
                0,
                "id",
                format!("no formula for {key} (indicator {})", meta.id),
            )
        })?;
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| Error::invalid(DATA, 1, name.to_string(), "missing column"))
        };
        let (c1, c2) = (col(&f.id1)?, col(&f.id2)?);
        let mut sums = Sums::default();
        for (line, rec) in &records {
            let Some((_, insee)) = NUTS1.iter().find(|(n, _)| Some(*n) == rec.get(0)) else {
                continue;
            };
            let n = parse_num(rec.get(c1).unwrap_or(""), DATA, *line, &f.id1)?;
            let d = parse_num(rec.get(c2).unwrap_or(""), DATA, *line, &f.id2)?;
            if let (Some(n), Some(d)) = (n, d) {
                sums.add(insee, n, d);
            }
        }
        out.extend(sums.observations(
            meta,
            areas,
            f.factor,
            "non disponible dans la source (Eurostat, via Regioviz)",
        ));
    }
    Ok(out)
}
