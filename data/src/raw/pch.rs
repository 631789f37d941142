//! DREES, enquête Aide sociale 2020 (Tab2-ph): PCH beneficiaries at 31 December 2020 by
//! département, per 1 000 inhabitants (ELP at 1 January 2021). The sheet has a département block
//! and a region block. Pitfalls (SOURCES.md §9): Rhône is given three times — `69` (the whole
//! département) = `69D` (Nouveau Rhône) + `69M` (Métropole de Lyon) — so 69D and 69M are dropped;
//! Corse is one row `20` (Collectivité de Corse), matched with 2A + 2B of the population.

use super::{elp::Elp, sheet, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str = "drees-asdep-handicap/beneficiaires-aide-sociale-departementale-2020.xlsx";
const SHEET: &str = "Tab2-ph";

/// The sheet's two blocks for one column.
#[derive(Debug, Clone)]
pub struct Blocks {
    /// (département as in the file, region, value), 69D/69M left out.
    pub by_dep: Vec<(String, String, f64)>,
    /// (region, value) of the region block.
    pub by_region: Vec<(String, f64)>,
    pub metro_total: Option<f64>,
}

/// Reads the column `column` (e.g. `PCH`) of both blocks.
pub fn blocks(raw: &Path, areas: &Areas, column: &str) -> Result<Blocks> {
    let range = sheet::open(raw, FILE, SHEET)?;
    let rows: Vec<_> = range.rows().collect();
    let mut b = Blocks {
        by_dep: vec![],
        by_region: vec![],
        metro_total: None,
    };
    let mut block = "";
    let mut col = None;
    for (i, row) in rows.iter().enumerate() {
        let line = i + 1;
        let first = sheet::text(row.first());
        let second = sheet::text(row.get(1));
        if first == "Code région" {
            block = if second == "Code département" {
                "dep"
            } else {
                "region"
            };
            col = Some(
                row.iter()
                    .position(|c| sheet::text(Some(c)) == column)
                    .ok_or_else(|| {
                        Error::invalid(FILE, line, column.to_string(), "no such column")
                    })?,
            );
            continue;
        }
        let Some(c) = col else { continue };
        if first.starts_with("TOTAL estimé France métropolitaine") {
            b.metro_total = sheet::number(row.get(c), FILE, line, column)?;
            continue;
        }
        if !areas.region_codes().any(|r| r == first) {
            continue; // DROM, totals, notes
        }
        let value = sheet::number(row.get(c), FILE, line, column)?
            .ok_or_else(|| Error::invalid(FILE, line, column.to_string(), "empty"))?;
        match block {
            "dep" => {
                if second == "69D" || second == "69M" {
                    continue;
                }
                let dep = Areas::normalise_dep(&second);
                let cog_region = if dep == "20" {
                    Some("94")
                } else {
                    areas.region_of_dep(&dep)
                };
                if cog_region != Some(first.as_str()) {
                    return Err(Error::invalid(FILE, line, "Code région", format!("département {dep} is in region {cog_region:?} (COG), the file says {first}")));
                }
                if b.by_dep.iter().any(|(d, _, _)| *d == dep) {
                    return Err(Error::invalid(
                        FILE,
                        line,
                        "Code département",
                        format!("département {dep} twice"),
                    ));
                }
                b.by_dep.push((dep, first, value));
            }
            "region" => b.by_region.push((first, value)),
            _ => {}
        }
    }
    if b.by_dep.len() != 95 || b.by_region.len() != 13 {
        return Err(Error::invalid(
            FILE,
            0,
            SHEET,
            format!(
                "{} départements (95 with Corse as one) and {} regions (13) found",
                b.by_dep.len(),
                b.by_region.len()
            ),
        ));
    }
    Ok(b)
}

pub fn read(
    raw: &Path,
    areas: &Areas,
    metas: &[&IndicatorMeta],
    elp_next_year: &Elp,
) -> Result<Vec<Observation>> {
    let mut out = Vec::new();
    for meta in metas {
        let column = super::source_key(meta, "pch").unwrap_or("PCH");
        let b = blocks(raw, areas, column)?;
        let mut sums = Sums::default();
        for (dep, region, n) in &b.by_dep {
            let deps: Vec<&str> = if dep == "20" {
                vec!["2A", "2B"]
            } else {
                vec![dep.as_str()]
            };
            let pop: f64 = deps
                .iter()
                .map(|d| elp_next_year.ages(d, 0, 999).unwrap_or(0.0))
                .sum();
            if dep == "20" {
                // Corse in one block: its region only; Corse-du-Sud and Haute-Corse have no
                // value of their own.
                sums.add(region, *n, pop);
                for d in deps {
                    sums.exclude_dep(d, crate::reasons::CORSE_ONE_BLOCK);
                }
            } else {
                sums.add_dep(areas, dep, *n, pop);
            }
        }
        out.extend(sums.observations(meta, areas, 1000.0, "non disponible (DREES)"));
    }
    Ok(out)
}
