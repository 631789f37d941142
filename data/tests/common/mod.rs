//! Shared paths of the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// ../shared/data/raw when present; otherwise prints why the test is skipped.
pub fn raw(test: &str) -> Option<PathBuf> {
    let raw = root().join("../shared/data/raw");
    if raw.is_dir() {
        Some(raw)
    } else {
        println!(
            "SKIPPED {test}: {} is absent (the raw public data lives beside the project)",
            raw.display()
        );
        None
    }
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
