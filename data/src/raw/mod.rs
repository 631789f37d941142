//! Readers of the raw public files, one per source. Each turns a file into [`Observation`]s
//! for the 13 regions and France métropolitaine, following its indicator's metadata.

pub mod aah;
pub mod chomage;
pub mod elp;
pub mod filosofi;
pub mod internet;
pub mod jrc;
pub mod ot;
pub mod panorama;
pub mod pch;
pub mod pib;
pub mod profiles;
pub mod regioviz;
pub mod sheet;
pub mod ssmsi;
pub mod table;

use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation, FRANCE};
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// Paths of the raw inputs that are not one reader's, relative to the raw folder
/// (../shared/data/raw).
pub const RAW_REGIONS_GEOJSON: &str = "geo/regions-version-simplifiee.geojson";
pub const RAW_DEPARTEMENTS_GEOJSON: &str = "geo/departements-version-simplifiee.geojson";
pub const RAW_COG_REGIONS: &str = "decoupage-administratif/v6.0.0-regions.json";
pub const RAW_COG_DEPARTEMENTS: &str = "decoupage-administratif/v6.0.0-departements.json";

/// Reads a raw text file (UTF-8, or Windows-1252 when it is not valid UTF-8: the French
/// files of that kind are, and Latin-1 would turn ’ and œ into control characters), BOM
/// removed.
pub fn read_text(raw: &Path, rel: &str) -> Result<String> {
    crate::rawcheck::verify(raw, rel)?;
    let path = raw.join(rel);
    let bytes = std::fs::read(&path).map_err(|source| Error::Io { path, source })?;
    Ok(decode(bytes).trim_start_matches('\u{feff}').to_string())
}

/// UTF-8 when valid, else Windows-1252 (`encoding_rs`).
pub fn decode(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => encoding_rs::WINDOWS_1252
            .decode(e.as_bytes())
            .0
            .into_owned(),
    }
}

/// Parses a number as French and international files write it (`12,5`, `1 234`, `12.5`).
/// `NA`, `nd`, `s` (secret) and empty cells are `Ok(None)`; anything else is an error.
pub fn parse_num(s: &str, file: &str, line: usize, field: &str) -> Result<Option<f64>> {
    let t = s.trim();
    if t.is_empty() || matches!(t, "NA" | "N/A" | "nd" | "n.d." | "s" | "-" | "NaN") {
        return Ok(None);
    }
    let cleaned: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let cleaned = cleaned.replace(',', ".");
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        Ok(_) => Err(Error::invalid(
            file,
            line,
            field,
            format!("non-finite value {t:?}"),
        )),
        Err(_) => Err(Error::invalid(
            file,
            line,
            field,
            format!("not a number: {t:?}"),
        )),
    }
}

/// Like [`parse_num`] but only an empty cell is missing: in the tidy files a missing value is
/// an empty cell with a reason, never a marker such as `NA`.
pub fn parse_num_strict(s: &str, file: &str, line: usize, field: &str) -> Result<Option<f64>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    if s.contains(',') || s.trim().chars().any(char::is_whitespace) {
        return Err(Error::invalid(
            file,
            line,
            field,
            format!("not a number: {s:?} (use a decimal point, no spaces)"),
        ));
    }
    match parse_num(s, file, line, field)? {
        Some(v) => Ok(Some(v)),
        None => Err(Error::invalid(
            file,
            line,
            field,
            format!("not a number: {s:?} (leave the cell empty and give a reason)"),
        )),
    }
}

/// Numerator and denominator sums per region and, where the source gives them, per
/// département (the same sums one level down: a region's is the sum of its départements').
#[derive(Debug, Default, Clone)]
pub struct Sums {
    regions: BTreeMap<String, (f64, f64)>,
    deps: BTreeMap<String, (f64, f64)>,
    /// Départements whose value the source cannot give, with the reason.
    dep_missing: BTreeMap<String, String>,
}

fn add_to(map: &mut BTreeMap<String, (f64, f64)>, code: &str, num: f64, den: f64) {
    let e = map.entry(code.to_string()).or_insert((0.0, 0.0));
    e.0 += num;
    e.1 += den;
}

impl Sums {
    pub fn add(&mut self, region: &str, num: f64, den: f64) {
        add_to(&mut self.regions, region, num, den);
    }

    /// Adds a metropolitan département's sums to it and to its region (a département the COG
    /// does not place in a region is an error of the caller, who filters them).
    pub fn add_dep(&mut self, areas: &Areas, dep: &str, num: f64, den: f64) {
        let region = areas
            .region_of_dep(dep)
            .expect("callers keep metropolitan départements only");
        add_to(&mut self.regions, region, num, den);
        add_to(&mut self.deps, dep, num, den);
    }

    /// Whether `dep` has sums of its own or a reason for having none.
    pub fn has_dep(&self, dep: &str) -> bool {
        self.deps.contains_key(dep) || self.dep_missing.contains_key(dep)
    }

    /// Says that `dep` has no value of its own, and why (its figures are still in its region's).
    pub fn exclude_dep(&mut self, dep: &str, reason: &str) {
        self.dep_missing.insert(dep.to_string(), reason.to_string());
    }

    /// Observations `factor × Σnum / Σden` for every region and for France (Σ over the regions
    /// present). A region without data gets `missing` as its reason.
    pub fn observations(
        &self,
        meta: &IndicatorMeta,
        areas: &Areas,
        factor: f64,
        missing: &str,
    ) -> Vec<Observation> {
        self.observations_at(meta, &meta.year, areas, factor, missing)
    }

    /// [`Sums::observations`] for year `year` of the indicator's series, followed by the
    /// départements' when département sums were added (areas [`crate::areas::dep_area`]).
    pub fn observations_at(
        &self,
        meta: &IndicatorMeta,
        year: &str,
        areas: &Areas,
        factor: f64,
        missing: &str,
    ) -> Vec<Observation> {
        let ratio =
            |s: Option<&(f64, f64)>| s.filter(|(_, d)| *d > 0.0).map(|(n, d)| factor * n / d);
        let mut out: Vec<Observation> = areas
            .region_codes()
            .map(|code| obs_at(meta, year, code, ratio(self.regions.get(code)), missing))
            .collect();
        let (n, d) = areas
            .region_codes()
            .filter_map(|c| self.regions.get(c))
            .fold((0.0, 0.0), |(a, b), (n, d)| (a + n, b + d));
        out.push(obs_at(
            meta,
            year,
            FRANCE,
            (d > 0.0).then(|| factor * n / d),
            missing,
        ));
        if !self.deps.is_empty() {
            out.extend(areas.dep_codes().map(|dep| {
                let area = crate::areas::dep_area(dep);
                match self.dep_missing.get(dep) {
                    Some(why) => obs_at(meta, year, &area, None, why),
                    None => obs_at(meta, year, &area, ratio(self.deps.get(dep)), missing),
                }
            }));
        }
        out
    }
}

/// One observation following the indicator's metadata (its headline year).
pub fn obs(meta: &IndicatorMeta, area: &str, value: Option<f64>, missing: &str) -> Observation {
    obs_at(meta, &meta.year, area, value, missing)
}

/// One observation for year `year` (the headline's, or one of the series').
pub fn obs_at(
    meta: &IndicatorMeta,
    year: &str,
    area: &str,
    value: Option<f64>,
    missing: &str,
) -> Observation {
    Observation {
        indicator: meta.id.clone(),
        area: area.to_string(),
        year: year.to_string(),
        unit: meta.unit.clone(),
        value,
        missing_reason: value.is_none().then(|| missing.to_string()),
    }
}

/// The years a reader makes for `meta`: the headline year first, then each year of its series
/// (ascending) that is not the headline's.
///
/// ```
/// # use datafrag::model::*;
/// # let toml = r#"id = "x"
/// # domain = "d"
/// # label_fr = "x"
/// # label_en = "x"
/// # definition_fr = "x"
/// # definition_en = "x"
/// # unit = "%"
/// # year = "2019"
/// # producer = "p"
/// # licence = "l"
/// # origin = "o"
/// # source = "s"
/// # method = "m"
/// # method_en = "m"
/// # polarity = "higher_is_fragile"
/// # series = { from = 2017, to = 2019, rule_fr = "r", rule_en = "r" }"#;
/// let meta: IndicatorMeta = toml::from_str(toml).unwrap();
/// assert_eq!(datafrag::raw::years_of(&meta), ["2019", "2017", "2018"]);
/// ```
pub fn years_of(meta: &IndicatorMeta) -> Vec<String> {
    let mut out = vec![meta.year.clone()];
    if let Some(s) = &meta.series {
        out.extend(
            (s.from..=s.to)
                .map(|y| y.to_string())
                .filter(|y| *y != meta.year),
        );
    }
    out
}

/// The part of `meta.source` after `reader:`.
pub fn source_key<'a>(meta: &'a IndicatorMeta, reader: &str) -> Option<&'a str> {
    meta.source.strip_prefix(reader)?.strip_prefix(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bug guarded: a Latin-1 reading turned Windows-1252's ’ (0x92) and œ (0x9C) into control
    /// characters.
    #[test]
    fn non_utf8_files_are_windows_1252() {
        assert_eq!(
            decode(b"C\xf4te d\x92Azur, c\x9cur".to_vec()),
            "Côte d’Azur, cœur"
        );
        assert_eq!(decode("déjà".as_bytes().to_vec()), "déjà");
    }

    #[test]
    fn numbers_in_french_and_international_forms() {
        assert_eq!(parse_num("12,5", "f", 1, "x").unwrap(), Some(12.5));
        assert_eq!(parse_num(" 1 234,0 ", "f", 1, "x").unwrap(), Some(1234.0));
        assert_eq!(parse_num("1e3", "f", 1, "x").unwrap(), Some(1000.0));
        assert_eq!(parse_num("NA", "f", 1, "x").unwrap(), None);
        let e = parse_num("douze", "comm.csv", 7, "ID_2")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "comm.csv:7: ID_2: not a number: \"douze\"");
        let e = parse_num("inf", "f.csv", 3, "v").unwrap_err().to_string();
        assert!(e.contains("non-finite"), "{e}");
    }
}
