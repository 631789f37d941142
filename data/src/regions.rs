//! The reference list of the 13 regions of metropolitan France (INSEE COG), read from
//! `decoupage-administratif` rather than typed in.

use crate::{Error, Result};
use serde::Deserialize;

/// One region of the COG: INSEE code and official name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CogRegion {
    pub code: String,
    pub nom: String,
    #[serde(default)]
    pub zone: Option<String>,
}

/// The metropolitan regions (`zone == "metro"`) of a COG regions.json, sorted by code.
/// Fails unless there are exactly 13.
pub fn metro_regions(text: &str, file: &str) -> Result<Vec<CogRegion>> {
    let all: Vec<CogRegion> = serde_json::from_str(text)
        .map_err(|e| Error::invalid(file, e.line(), "regions", e.to_string()))?;
    let mut metro: Vec<CogRegion> = all
        .into_iter()
        .filter(|r| r.zone.as_deref() == Some("metro"))
        .collect();
    metro.sort_by(|a, b| a.code.cmp(&b.code));
    if metro.len() != 13 {
        return Err(Error::invalid(
            file,
            0,
            "zone",
            format!("expected 13 metropolitan regions, found {}", metro.len()),
        ));
    }
    Ok(metro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_wrong_count() {
        let text = r#"[{"code":"11","nom":"Île-de-France","zone":"metro"},{"code":"01","nom":"Guadeloupe","zone":"drom"}]"#;
        let e = metro_regions(text, "regions.json").unwrap_err().to_string();
        assert_eq!(
            e,
            "regions.json:0: zone: expected 13 metropolitan regions, found 1"
        );
        let e = metro_regions("[{", "r.json").unwrap_err().to_string();
        assert!(e.starts_with("r.json:1: regions:"), "{e}");
    }
}
