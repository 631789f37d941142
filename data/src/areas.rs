//! Areas: the 13 regions and the département → région join (INSEE COG, from decoupage-administratif).

use crate::regions::CogRegion;
use crate::{Error, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct CogDep {
    code: String,
    region: String,
    nom: String,
    #[serde(default)]
    zone: Option<String>,
}

/// The regions and the metropolitan départements' regions.
#[derive(Debug, Clone)]
pub struct Areas {
    pub regions: Vec<CogRegion>,
    /// Département code (`01`…`95`, `2A`, `2B`) → region code, metropolitan only.
    pub dep_region: BTreeMap<String, String>,
    /// Département code → name (COG).
    pub dep_name: BTreeMap<String, String>,
}

/// How a département is written where regions and départements meet (the tidy files, the
/// observations): `DEP-33`, as INSEE writes geographic levels, so that Aude (`11`) is never
/// read as Île-de-France (`11`).
///
/// ```
/// assert_eq!(datafrag::areas::dep_area("2A"), "DEP-2A");
/// assert_eq!(datafrag::areas::dep_of_area("DEP-33"), Some("33"));
/// assert_eq!(datafrag::areas::dep_of_area("33"), None);
/// ```
pub fn dep_area(dep: &str) -> String {
    format!("{DEP_PREFIX}{dep}")
}

/// The département code of an area written by [`dep_area`].
pub fn dep_of_area(area: &str) -> Option<&str> {
    area.strip_prefix(DEP_PREFIX)
}

const DEP_PREFIX: &str = "DEP-";

impl Areas {
    /// Builds the join from a COG departements.json; every département must map to a known region.
    pub fn new(regions: Vec<CogRegion>, departements_json: &str, file: &str) -> Result<Areas> {
        let deps: Vec<CogDep> = serde_json::from_str(departements_json)
            .map_err(|e| Error::invalid(file, e.line(), "departements", e.to_string()))?;
        let mut dep_region = BTreeMap::new();
        let mut dep_name = BTreeMap::new();
        for d in deps
            .into_iter()
            .filter(|d| d.zone.as_deref() == Some("metro"))
        {
            if !regions.iter().any(|r| r.code == d.region) {
                return Err(Error::invalid(
                    file,
                    0,
                    "region",
                    format!("département {} maps to unknown region {}", d.code, d.region),
                ));
            }
            dep_name.insert(d.code.clone(), d.nom);
            dep_region.insert(d.code, d.region);
        }
        if dep_region.len() != 96 {
            return Err(Error::invalid(
                file,
                0,
                "zone",
                format!(
                    "expected 96 metropolitan départements, found {}",
                    dep_region.len()
                ),
            ));
        }
        Ok(Areas {
            regions,
            dep_region,
            dep_name,
        })
    }

    pub fn region_codes(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().map(|r| r.code.as_str())
    }

    /// The 96 metropolitan départements' codes, in code order (`01` … `19`, `2A`, `2B`, `21` …).
    pub fn dep_codes(&self) -> impl Iterator<Item = &str> {
        self.dep_region.keys().map(String::as_str)
    }

    /// The départements of `region`, in code order.
    pub fn deps_of<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.dep_region
            .iter()
            .filter(move |(_, r)| *r == region)
            .map(|(d, _)| d.as_str())
    }

    /// Normalises a département code as the sources spell it: `1` → `01`, `20A`/`20B` → `2A`/`2B`,
    /// `69D`/`69M` stay as they are (not a département of the COG).
    pub fn normalise_dep(code: &str) -> String {
        let c = code.trim().trim_end_matches(".0");
        match c {
            "20A" => "2A".into(),
            "20B" => "2B".into(),
            _ if c.len() == 1 && c.chars().all(|ch| ch.is_ascii_digit()) => format!("0{c}"),
            _ => c.to_string(),
        }
    }

    /// The region of a (normalised) metropolitan département.
    pub fn region_of_dep(&self, dep: &str) -> Option<&str> {
        self.dep_region.get(dep).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Corse 20A/20B (DREES) and unpadded codes (Excel) join like the COG's.
    #[test]
    fn normalises_source_spellings() {
        assert_eq!(Areas::normalise_dep("20A"), "2A");
        assert_eq!(Areas::normalise_dep("20B"), "2B");
        assert_eq!(Areas::normalise_dep("1"), "01");
        assert_eq!(Areas::normalise_dep("75.0"), "75");
        assert_eq!(Areas::normalise_dep("69M"), "69M");
    }
}
