//! Shared paths of the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// ../shared/data/raw. The tests that call it are marked
/// `#[cfg_attr(not(shared_data), ignore = …)]` (see data/build.rs), so they are reported as
/// ignored, never as passed, when the folder is absent; reaching here without it is a bug.
pub fn raw(test: &str) -> PathBuf {
    let raw = root().join("../shared/data/raw");
    assert!(raw.is_dir(), "{test}: {} is absent", raw.display());
    raw
}

/// The observations the pipeline makes from the raw files.
pub fn observations(raw: &std::path::Path) -> Vec<datafrag::model::Observation> {
    let areas = datafrag::build::areas(raw).unwrap();
    let domains = datafrag::meta::domains(
        &std::fs::read_to_string(root().join(datafrag::build::DOMAINS)).unwrap(),
        "domains.toml",
    )
    .unwrap();
    let metas = datafrag::meta::indicators(
        &std::fs::read_to_string(root().join(datafrag::build::INDICATORS)).unwrap(),
        "indicators.toml",
        &domains,
    )
    .unwrap();
    datafrag::build::observations(raw, &areas, &metas).unwrap()
}

pub fn value(obs: &[datafrag::model::Observation], indicator: &str, area: &str) -> Option<f64> {
    obs.iter()
        .find(|o| o.indicator == indicator && o.area == area)
        .unwrap_or_else(|| panic!("no row {indicator} × {area}"))
        .value
}
