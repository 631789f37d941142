//! The whole pipeline: raw files and metadata in, every generated output out (in memory).

use crate::areas::Areas;
use crate::geometry::{build_departements, build_map};
use crate::model::{Area, IndicatorMeta, Observation};
use crate::output::Output;
use crate::regions::metro_regions;
use crate::{dataset, meta, raw, tidy, Error, Result};
use std::path::Path;

pub use crate::raw::{
    RAW_COG_DEPARTEMENTS, RAW_COG_REGIONS, RAW_DEPARTEMENTS_GEOJSON, RAW_REGIONS_GEOJSON,
};

/// Hand-written inputs, relative to the project root.
pub const DOMAINS: &str = "data/domains.toml";
pub const INDICATORS: &str = "data/indicators.toml";
/// The region profiles' items.
pub const PROFILES: &str = "data/profiles.toml";
/// Values an observatory brings itself (optional), same format as the tidy output.
pub const CUSTOM: &str = "data/custom.csv";
/// The decks' facts.
pub const SEEDS: &str = "seeds/deck_facts.toml";

/// Generated outputs, relative to the project root.
pub const OUT_MAP: &str = "assets/data/regions.json";
pub const OUT_DEPARTEMENTS: &str = "assets/data/departements.json";
pub const OUT_TIDY: &str = "data/indicators.csv";
pub const OUT_DATASET: &str = "assets/data/dataset.json";
pub const OUT_PROFILES: &str = "data/profiles.csv";
/// The départements' values, tidy, every year the sources hold (areas `DEP-xx`).
pub const OUT_DEP_TIDY: &str = "data/indicators-departements.csv";
/// What the app loads when the user goes down to the départements.
pub const OUT_DEP_DATASET: &str = "assets/data/departements-data.json";

/// A raw file, checked against the manifest first.
fn read_raw(raw_dir: &Path, rel: &str) -> Result<String> {
    crate::rawcheck::verify(raw_dir, rel)?;
    read(raw_dir, rel)
}

fn read(dir: &Path, rel: &str) -> Result<String> {
    let path = dir.join(rel);
    std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
}

/// Where the outlines come from, written into the geometry files.
pub const GEO_SOURCE: &str = "IGN, Admin Express COG 2018, départements (via gregoiredavid/france-geojson v2.1.1), Licence Ouverte ; régions par fusion des départements ; noms et codes : INSEE, COG 2026 (via @etalab/decoupage-administratif 6.0.0)";
/// [`GEO_SOURCE`] in English.
pub const GEO_SOURCE_EN: &str = "IGN, Admin Express COG 2018, départements (via gregoiredavid/france-geojson v2.1.1), Licence Ouverte; regions by merging their départements; names and codes: INSEE, COG 2026 (via @etalab/decoupage-administratif 6.0.0)";

/// The départements and the regions dissolved from them, simplified once (see `layers`).
pub fn layers(raw_dir: &Path, areas: &Areas) -> Result<crate::layers::Layers> {
    layers_with(raw_dir, areas, crate::layers::TOLERANCE)
}

/// [`layers`] at another tolerance (viewBox units).
pub fn layers_with(raw_dir: &Path, areas: &Areas, tolerance: f64) -> Result<crate::layers::Layers> {
    let deps = geofrag::read_features(
        &read_raw(raw_dir, RAW_DEPARTEMENTS_GEOJSON)?,
        RAW_DEPARTEMENTS_GEOJSON,
    )?;
    crate::layers::build_with(&deps, areas, RAW_DEPARTEMENTS_GEOJSON, tolerance)
}

/// Reads the areas (COG) from the raw folder.
pub fn areas(raw_dir: &Path) -> Result<Areas> {
    let regions = metro_regions(&read_raw(raw_dir, RAW_COG_REGIONS)?, RAW_COG_REGIONS)?;
    Areas::new(
        regions,
        &read_raw(raw_dir, RAW_COG_DEPARTEMENTS)?,
        RAW_COG_DEPARTEMENTS,
    )
}

/// A reader of the raw files: the observations of the indicators whose `source` names it.
type Reader = fn(&Path, &Areas, &[&IndicatorMeta]) -> Result<Vec<Observation>>;

/// Every reader, by the name `source = "<reader>:…"` gives it; `custom` has none (its values are
/// in data/custom.csv).
const READERS: [(&str, Option<Reader>); 13] = [
    ("chomage", Some(raw::chomage::read)),
    ("regioviz", Some(raw::regioviz::read)),
    ("filosofi", Some(raw::filosofi::read)),
    ("ssmsi", Some(raw::ssmsi::read)),
    ("jrc", Some(raw::jrc::read)),
    ("ot", Some(raw::ot::read)),
    ("panorama", Some(raw::panorama::read)),
    ("internet", Some(raw::internet::read)),
    ("aah", Some(aah)),
    ("pch", Some(pch)),
    ("elp", Some(elp_shares)),
    ("pib", Some(raw::pib::read)),
    ("custom", None),
];

/// Recipients at 31 December of year N over the population at 1 January of N + 1.
fn elp_after(raw_dir: &Path, areas: &Areas, m: &IndicatorMeta) -> Result<raw::elp::Elp> {
    let year: i32 = m.year.parse().map_err(|_| {
        Error::invalid(INDICATORS, 0, "year", format!("{}: a year is needed", m.id))
    })?;
    raw::elp::read(raw_dir, areas, &(year + 1).to_string())
}

/// AAH: the headline column (`aah:<column>`), then each year of the series, each over the ELP
/// of 1 January of the next year.
fn aah(raw_dir: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let mut out = Vec::new();
    for m in metas {
        for year in raw::years_of(m) {
            let column = if year == m.year {
                raw::source_key(m, "aah").unwrap_or(&m.year).to_string()
            } else {
                raw::aah::column(&year)
            };
            let next: i32 = year.parse().map_err(|_| {
                Error::invalid(INDICATORS, 0, "year", format!("{}: a year is needed", m.id))
            })?;
            let elp = raw::elp::read(raw_dir, areas, &(next + 1).to_string())?;
            out.extend(raw::aah::observations(
                raw_dir, areas, m, &year, &column, &elp,
            )?);
        }
    }
    Ok(out)
}

fn pch(raw_dir: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let Some(first) = metas.first() else {
        return Ok(vec![]);
    };
    raw::pch::read(raw_dir, areas, metas, &elp_after(raw_dir, areas, first)?)
}

fn elp_shares(raw_dir: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let mut obs = Vec::new();
    // One reading per year, shared by the indicators (one sheet per year).
    let mut sheets: std::collections::BTreeMap<String, raw::elp::Elp> = Default::default();
    for m in metas {
        let from: usize = raw::source_key(m, "elp")
            .and_then(|k| k.parse().ok())
            .ok_or_else(|| {
                Error::invalid(INDICATORS, 0, "source", format!("{}: elp:<age>", m.id))
            })?;
        for year in raw::years_of(m) {
            if !sheets.contains_key(&year) {
                sheets.insert(year.clone(), raw::elp::read(raw_dir, areas, &year)?);
            }
            obs.extend(raw::elp::share_observations(&sheets[&year], areas, m, from));
        }
    }
    Ok(obs)
}

/// Every observation the raw files give for the indicators' metadata, reader by reader.
pub fn observations(
    raw_dir: &Path,
    areas: &Areas,
    metas: &[IndicatorMeta],
) -> Result<Vec<Observation>> {
    let reader_of = |m: &IndicatorMeta| {
        READERS
            .iter()
            .find(|(name, _)| m.source == *name || m.source.starts_with(&format!("{name}:")))
    };
    if let Some(m) = metas.iter().find(|m| reader_of(m).is_none()) {
        return Err(Error::invalid(
            INDICATORS,
            0,
            "source",
            format!("{}: unknown reader in {:?}", m.id, m.source),
        ));
    }
    let mut obs = Vec::new();
    for (name, reader) in &READERS {
        let Some(read) = reader else { continue };
        let mine: Vec<&IndicatorMeta> = metas
            .iter()
            .filter(|m| reader_of(m).is_some_and(|(n, _)| n == name))
            .collect();
        obs.extend(read(raw_dir, areas, &mine)?);
    }
    Ok(obs)
}

/// Reads the raw folder and the metadata; returns every generated file, validated; writes nothing.
pub fn build(raw_dir: &Path, root: &Path) -> Result<Vec<Output>> {
    let areas = areas(raw_dir)?;
    let layers = layers(raw_dir, &areas)?;
    let mut map = build_map(
        &layers,
        &areas.regions,
        RAW_DEPARTEMENTS_GEOJSON,
        GEO_SOURCE,
    )?;
    map.source_en = GEO_SOURCE_EN.into();
    let departements = build_departements(&layers, GEO_SOURCE);
    let domains = meta::domains(&read(root, DOMAINS)?, DOMAINS)?;
    let indicators_toml = read(root, INDICATORS)?;
    let metas = meta::indicators(&indicators_toml, INDICATORS, &domains)?;
    let codes: Vec<&str> = areas.region_codes().collect();

    // The départements apart (one level down, same readers); then the headline year of each
    // indicator, and the other years of its series.
    let (dep_obs, region_obs): (Vec<Observation>, Vec<Observation>) =
        observations(raw_dir, &areas, &metas)?
            .into_iter()
            .partition(|o| crate::areas::dep_of_area(&o.area).is_some());
    crate::departement::validate(&dep_obs, &metas, &areas, OUT_DEP_TIDY)?;
    let (mut obs, series): (Vec<Observation>, Vec<Observation>) =
        region_obs.into_iter().partition(|o| {
            metas
                .iter()
                .any(|m| m.id == o.indicator && m.year == o.year)
        });
    tidy::validate(&obs, &[], &metas, &codes, OUT_TIDY)?;
    tidy::validate_series(&series, &metas, &codes, OUT_TIDY)?;
    let tidy_bytes = tidy::write(&[obs.as_slice(), series.as_slice()].concat());

    let custom_path = root.join(CUSTOM);
    if custom_path.exists() {
        let bytes = std::fs::read(&custom_path).map_err(|source| Error::Io {
            path: custom_path.clone(),
            source,
        })?;
        let (custom, custom_lines) = tidy::read_lines(&bytes, CUSTOM)?;
        if let Some((k, o)) = custom.iter().enumerate().find(|(_, o)| {
            metas
                .iter()
                .any(|m| m.id == o.indicator && m.source != "custom")
        }) {
            return Err(Error::invalid(
                CUSTOM,
                custom_lines.get(k).copied().unwrap_or(0),
                "indicator",
                format!(
                    "{} is made by the pipeline; a custom indicator needs source = \"custom\"",
                    o.indicator
                ),
            ));
        }
        tidy::validate(&custom, &custom_lines, &metas, &codes, CUSTOM)?;
        obs.extend(custom);
    }
    if let Some(m) = metas
        .iter()
        .find(|m| !obs.iter().any(|o| o.indicator == m.id))
    {
        // A custom indicator without rows is custom.csv's fault (a file with its header only,
        // or none); the others point at the indicator's own lines.
        return Err(if m.source == "custom" {
            Error::invalid(
                CUSTOM,
                1,
                "indicator",
                format!(
                    "no row for {} (declared with source = \"custom\" in {INDICATORS}, line {})",
                    m.id,
                    meta::line_of(&indicators_toml, "id", &m.id)
                ),
            )
        } else {
            Error::invalid(
                INDICATORS,
                meta::line_of(&indicators_toml, "id", &m.id),
                "source",
                format!("indicator {} has metadata but no values", m.id),
            )
        });
    }

    let regions: Vec<Area> = areas
        .regions
        .iter()
        .map(|r| Area {
            code: r.code.clone(),
            name: r.nom.clone(),
            neighbours: layers
                .region_neighbours
                .get(&r.code)
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    let seeds = crate::seeds::Seeds::parse(&read(root, SEEDS)?, SEEDS)?;
    if let Some((x, d)) = seeds.sentence.iter().find_map(|x| {
        x.named
            .iter()
            .find(|d| !domains.iter().any(|m| &m.id == *d))
            .map(|d| (x, d))
    }) {
        return Err(Error::invalid(
            SEEDS,
            0,
            "named",
            format!("sentence of {}: unknown domain {d:?}", x.area),
        ));
    }
    let profile_metas = crate::profile::metas(&read(root, PROFILES)?, PROFILES)?;
    let profiles = crate::profile::build(raw_dir, &areas, &seeds, &profile_metas)?;
    let profiles_bytes = crate::profile::tidy(&profiles, &regions);
    obs.extend(series);
    let ds = dataset::assemble(&regions, &domains, &metas, &obs, profiles, seeds);
    dataset::check_coherence(&ds, DOMAINS)?;
    let deps = crate::departement::assemble(&dep_obs, &areas, &ds);
    let json = |v: &dyn erased::Ser| -> Vec<u8> {
        let mut s = v.to_json();
        s.push('\n');
        s.into_bytes()
    };
    Ok(vec![
        Output {
            path: OUT_MAP.into(),
            bytes: json(&map),
        },
        Output {
            path: OUT_DEPARTEMENTS.into(),
            bytes: json(&departements),
        },
        Output {
            path: OUT_TIDY.into(),
            bytes: tidy_bytes,
        },
        Output {
            path: OUT_DATASET.into(),
            bytes: json(&ds),
        },
        Output {
            path: OUT_PROFILES.into(),
            bytes: profiles_bytes,
        },
        Output {
            path: OUT_DEP_TIDY.into(),
            bytes: tidy::write(&dep_obs),
        },
        Output {
            path: OUT_DEP_DATASET.into(),
            bytes: json(&deps),
        },
    ])
}

mod erased {
    /// Serialises any of the outputs to compact JSON.
    pub trait Ser {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).expect("serialisable")
        }
    }
}
