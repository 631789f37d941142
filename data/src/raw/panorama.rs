//! DREES, Panorama statistique « Cohésion sociale, Travail, Emploi », édition 2024 (SOURCES.md
//! §13): one workbook, 24 thematic sheets, indicators in rows, the 13 regions (in capitals, each
//! followed by its départements) and France métropolitaine in columns.
//!
//! `source = "panorama:<sheet>|<label prefix>"` takes a published rate as it is, France
//! métropolitaine included. `source = "panorama:<sheet>|<label prefix>|per:<factor>:elp:<year>"`
//! takes a count and divides it by the ELP population at 1 January of `<year>` (× factor); the
//! count's 13 regions must then add up to the file's France métropolitaine column, so a rate or a
//! per-household figure read as a count cannot pass.

use super::{elp, obs, sheet, source_key, Sums};
use crate::areas::{dep_area, dep_of_area, Areas};
use crate::model::{IndicatorMeta, Observation, FRANCE};
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "drees-panorama-2024/Panorama_statistique_2024.xlsx";
const MISSING: &str = "non disponible dans la source (DREES, Panorama statistique 2024)";
/// How far Σ 13 regions may be from the published France métropolitaine count (rounding).
pub const COUNT_TOLERANCE: f64 = 0.002;

/// Lower-case ASCII letters only: "CENTRE -  VAL DE LOIRE" and "Centre-Val de Loire" agree.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'à' | 'â' | 'ä' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'î' | 'ï' => Some('i'),
            'ô' | 'ö' => Some('o'),
            'ù' | 'û' | 'ü' => Some('u'),
            'ç' => Some('c'),
            'a'..='z' => Some(c),
            _ => None,
        })
        .collect()
}

/// A label as a sentence: line breaks and runs of spaces made one space.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One indicator row of a sheet.
#[derive(Debug, Clone)]
pub struct Row {
    /// Line in the sheet (1-based), for error messages.
    pub line: usize,
    /// The full label as the file writes it.
    pub label: String,
    /// Region code → value (absent when the cell is empty or "n.d.").
    pub regions: BTreeMap<String, f64>,
    /// The France métropolitaine column.
    pub metro: Option<f64>,
    /// Département code → value (absent when the cell is empty or "n.d.").
    pub deps: BTreeMap<String, f64>,
}

/// The columns of a sheet: region code by column, département code by column, France
/// métropolitaine's column.
type Columns<'a> = (BTreeMap<usize, &'a str>, BTreeMap<usize, &'a str>, usize);

/// The row of `sheet` whose label starts with `label` (exactly one must).
pub fn row(raw: &Path, areas: &Areas, sheet_name: &str, label: &str) -> Result<Row> {
    let range = sheet::open(raw, FILE, sheet_name)?;
    let names: Vec<(String, &str)> = areas
        .regions
        .iter()
        .map(|r| (fold(&r.nom), r.code.as_str()))
        .collect();
    let dep_names: Vec<(String, &str)> = areas
        .dep_name
        .iter()
        .map(|(code, nom)| (fold(nom), code.as_str()))
        .collect();
    let mut columns: Option<Columns> = None;
    let mut found: Option<Row> = None;
    let field = format!("sheet {sheet_name:?}");
    for (i, cells) in range.rows().enumerate() {
        let line = i + 1;
        let Some((cols, dep_cols, metro_col)) = &columns else {
            let cols: BTreeMap<usize, &str> = cells
                .iter()
                .enumerate()
                .filter_map(|(k, c)| {
                    let f = fold(&sheet::text(Some(c)));
                    names
                        .iter()
                        .find(|(n, _)| *n == f)
                        .map(|(_, code)| (k, *code))
                })
                .collect();
            if cols.len() == 13 {
                let metro = cells
                    .iter()
                    .position(|c| fold(&sheet::text(Some(c))) == "francemetropolitaine")
                    .ok_or_else(|| {
                        Error::invalid(FILE, line, &field, "no France métropolitaine column")
                    })?;
                let dep_cols: BTreeMap<usize, &str> = cells
                    .iter()
                    .enumerate()
                    .filter_map(|(k, c)| {
                        let f = fold(&sheet::text(Some(c)));
                        dep_names
                            .iter()
                            .find(|(n, _)| *n == f)
                            .map(|(_, code)| (k, *code))
                    })
                    .collect();
                if dep_cols.len() != 96 {
                    let missing: Vec<&str> = dep_names
                        .iter()
                        .filter(|(_, c)| !dep_cols.values().any(|d| d == c))
                        .map(|(_, c)| *c)
                        .collect();
                    return Err(Error::invalid(
                        FILE,
                        line,
                        &field,
                        format!(
                            "{} départements named in the header, expected 96 (not found: {})",
                            dep_cols.len(),
                            missing.join(", ")
                        ),
                    ));
                }
                columns = Some((cols, dep_cols, metro));
            }
            continue;
        };
        let text = words(&sheet::text(cells.first()));
        if !text.starts_with(&words(label)) {
            continue;
        }
        if let Some(first) = &found {
            return Err(Error::invalid(
                FILE,
                line,
                &field,
                format!(
                    "label {label:?} matches line {} and line {line}",
                    first.line
                ),
            ));
        }
        let mut regions = BTreeMap::new();
        for (k, code) in cols {
            if let Some(v) = sheet::number(cells.get(*k), FILE, line, code)? {
                regions.insert(code.to_string(), v);
            }
        }
        let mut deps = BTreeMap::new();
        for (k, code) in dep_cols {
            if let Some(v) = sheet::number(cells.get(*k), FILE, line, code)? {
                deps.insert(code.to_string(), v);
            }
        }
        let metro = sheet::number(cells.get(*metro_col), FILE, line, "France métropolitaine")?;
        found = Some(Row {
            line,
            label: text,
            regions,
            metro,
            deps,
        });
    }
    if columns.is_none() {
        return Err(Error::invalid(
            FILE,
            0,
            &field,
            "no header row naming the 13 regions",
        ));
    }
    found.ok_or_else(|| Error::invalid(FILE, 0, field, format!("no row labelled {label:?}…")))
}

/// What `source` asks for.
struct Key<'a> {
    sheet: &'a str,
    label: &'a str,
    /// (factor, ELP year) for a count per inhabitant.
    per: Option<(f64, &'a str)>,
}

fn key(meta: &IndicatorMeta) -> Result<Key<'_>> {
    let bad = |why: &str| {
        Error::invalid(
            "data/indicators.toml",
            0,
            "source",
            format!(
                "{}: {why} (panorama:<sheet>|<label>[|per:<factor>:elp:<year>])",
                meta.id
            ),
        )
    };
    let k = source_key(meta, "panorama").ok_or_else(|| bad("not a panorama source"))?;
    let mut parts = k.split('|');
    let (Some(sheet), Some(label)) = (parts.next(), parts.next()) else {
        return Err(bad("sheet and label needed"));
    };
    let per = match parts.next() {
        None => None,
        Some(p) => {
            let f: Vec<&str> = p.split(':').collect();
            match f.as_slice() {
                ["per", factor, "elp", year] => Some((
                    factor.parse().map_err(|_| bad("factor is not a number"))?,
                    *year,
                )),
                _ => return Err(bad("unknown third part")),
            }
        }
    };
    Ok(Key { sheet, label, per })
}

/// Checks that a count's regions add up to the published France métropolitaine.
pub fn check_count(row: &Row, areas: &Areas, sheet_name: &str) -> Result<f64> {
    let sum: f64 = row.regions.values().sum();
    let field = format!("sheet {sheet_name:?}");
    let metro = row.metro.ok_or_else(|| {
        Error::invalid(
            FILE,
            row.line,
            &field,
            "count without a France métropolitaine value",
        )
    })?;
    // One level down (SOURCES.md §13: every count row's region is the sum of its départements).
    if let Some((region, r)) = row.regions.iter().find(|(region, r)| {
        let deps: f64 = areas.deps_of(region).filter_map(|d| row.deps.get(d)).sum();
        (deps - **r).abs() > COUNT_TOLERANCE * r.abs()
    }) {
        return Err(Error::invalid(
            FILE,
            row.line,
            field,
            format!(
                "{:?}: region {region} is {r}, its départements add up to {}: not a count",
                row.label,
                areas
                    .deps_of(region)
                    .filter_map(|d| row.deps.get(d))
                    .sum::<f64>()
            ),
        ));
    }
    if row.regions.len() != 13 || (sum - metro).abs() > COUNT_TOLERANCE * metro.abs() {
        return Err(Error::invalid(
            FILE,
            row.line,
            field,
            format!(
                "{:?}: the {} regions add up to {sum}, France métropolitaine is {metro}: not a count",
                row.label,
                row.regions.len()
            ),
        ));
    }
    Ok(metro)
}

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let mut out = Vec::new();
    for meta in metas {
        let k = key(meta)?;
        let row = row(raw, areas, k.sheet, k.label)?;
        match k.per {
            None => {
                out.extend(
                    areas
                        .region_codes()
                        .map(|code| obs(meta, code, row.regions.get(code).copied(), MISSING)),
                );
                out.push(obs(meta, FRANCE, row.metro, MISSING));
                out.extend(
                    areas
                        .dep_codes()
                        .map(|dep| obs(meta, &dep_area(dep), row.deps.get(dep).copied(), MISSING)),
                );
            }
            Some((factor, year)) => {
                check_count(&row, areas, k.sheet)?;
                let pop = elp::read(raw, areas, year)?;
                // The regions as published (their sum is France's, checked above); each
                // département over its own population, one level down.
                let mut sums = Sums::default();
                for (region, n) in &row.regions {
                    let people: f64 = areas
                        .deps_of(region)
                        .filter_map(|dep| pop.ages(dep, 0, 999))
                        .sum();
                    sums.add(region, *n, people);
                }
                let mut deps = Sums::default();
                for (dep, n) in &row.deps {
                    deps.add_dep(areas, dep, *n, pop.ages(dep, 0, 999).unwrap_or(0.0));
                }
                out.extend(sums.observations(meta, areas, factor, MISSING));
                out.extend(
                    deps.observations(meta, areas, factor, MISSING)
                        .into_iter()
                        .filter(|o| dep_of_area(&o.area).is_some()),
                );
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_names_fold_as_the_sheets_spell_them() {
        assert_eq!(fold("CENTRE -  VAL DE LOIRE"), fold("Centre-Val de Loire"));
        assert_eq!(fold("AUVERGNE-\nRHÔNE-ALPES"), fold("Auvergne-Rhône-Alpes"));
        assert_eq!(
            fold("PROVENCE-ALPES-CÔTE D'AZUR"),
            fold("Provence-Alpes-Côte d'Azur")
        );
        assert_ne!(fold("Corse-du-Sud"), fold("Corse"));
    }

    /// Thirteen regions of one département each (`d` + the region's code).
    fn areas() -> Areas {
        let codes = [
            "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
        ];
        Areas {
            regions: codes
                .iter()
                .map(|c| crate::regions::CogRegion {
                    code: c.to_string(),
                    nom: c.to_string(),
                    zone: None,
                })
                .collect(),
            dep_region: codes
                .iter()
                .map(|c| (format!("d{c}"), c.to_string()))
                .collect(),
            dep_name: BTreeMap::new(),
        }
    }

    /// A rate read as a count (its regions do not add up to France) stops the pipeline.
    #[test]
    fn a_rate_is_not_a_count() {
        let areas = areas();
        let mut regions = BTreeMap::new();
        for (k, c) in areas.region_codes().enumerate() {
            regions.insert(c.to_string(), 10.0 + k as f64);
        }
        let deps = regions.iter().map(|(c, v)| (format!("d{c}"), *v)).collect();
        let rate = Row {
            line: 7,
            label: "Taux".into(),
            regions: regions.clone(),
            metro: Some(14.9),
            deps,
        };
        let e = check_count(&rate, &areas, "2. Revenus")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(&format!("{FILE}:7: sheet \"2. Revenus\":")),
            "{e}"
        );
        assert!(e.contains("not a count"), "{e}");
        let total: f64 = regions.values().sum();
        let count = Row {
            metro: Some(total + 0.1),
            ..rate
        };
        assert_eq!(check_count(&count, &areas, "s").unwrap(), total + 0.1);
        // …and a region that is not the sum of its départements is refused with its code.
        let mut deps = count.deps.clone();
        deps.insert("d75".into(), 1.0);
        let e = check_count(&Row { deps, ..count }, &areas, "s")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("region 75 is 18, its départements add up to 1"),
            "{e}"
        );
    }
}
