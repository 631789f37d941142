//! Eurostat regional indicators compiled by Regioviz (CGET / UMS RIATE), NUTS-1 2016.
//! Every indicator is `id1 / id2 (× 100)` of two stocks (REGIOVIZ_META.csv), so France
//! métropolitaine is Σ id1 / Σ id2 over the 13 regions.

use super::{read_text, source_key, table::CsvTable, Sums};
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
    let t = CsvTable::parse(text, META, b',')?;
    let (ci, c1, c2, cf) = (
        t.col("id")?,
        t.col("id1")?,
        t.col("id2")?,
        t.col("Formula")?,
    );
    let mut out = HashMap::new();
    for (_, rec) in &t.rows {
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
    let t = CsvTable::parse(&read_text(raw, DATA)?, DATA, b',')?;
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
        let (c1, c2) = (t.col(&f.id1)?, t.col(&f.id2)?);
        let mut sums = Sums::default();
        for (line, rec) in &t.rows {
            let Some((_, insee)) = NUTS1.iter().find(|(n, _)| Some(*n) == rec.get(0)) else {
                continue;
            };
            if let (Some(n), Some(d)) = (
                t.num(*line, rec, c1, &f.id1)?,
                t.num(*line, rec, c2, &f.id2)?,
            ) {
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
