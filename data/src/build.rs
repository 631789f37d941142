//! The whole pipeline: raw files in, every generated output out (in memory).

use crate::geometry::build_map;
use crate::output::Output;
use crate::regions::metro_regions;
use crate::{Error, Result};
use std::path::Path;

/// Paths of the raw inputs, relative to the raw folder (../shared/data/raw).
pub const RAW_REGIONS_GEOJSON: &str = "geo/regions-version-simplifiee.geojson";
pub const RAW_COG_REGIONS: &str = "decoupage-administratif/v6.0.0-regions.json";

/// Where the runtime geometry goes, relative to the project root.
pub const OUT_MAP: &str = "assets/data/regions.json";

fn read(raw: &Path, rel: &str) -> Result<String> {
    let path = raw.join(rel);
    std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
}

/// Reads the raw folder and returns every generated file, validated; writes nothing.
pub fn build(raw: &Path) -> Result<Vec<Output>> {
    let cog = metro_regions(&read(raw, RAW_COG_REGIONS)?, RAW_COG_REGIONS)?;
    let features = geofrag::read_features(&read(raw, RAW_REGIONS_GEOJSON)?, RAW_REGIONS_GEOJSON)?;
    let map = build_map(
        &features,
        &cog,
        RAW_REGIONS_GEOJSON,
        "IGN, Admin Express COG 2018 (via gregoiredavid/france-geojson v2.1.1), Licence Ouverte ; noms et codes : INSEE, COG 2026 (via @etalab/decoupage-administratif 6.0.0)",
    )?;
    let mut json = serde_json::to_string(&map).expect("serialisable");
    json.push('\n');
    Ok(vec![Output {
        path: OUT_MAP.into(),
        bytes: json.into_bytes(),
    }])
}
