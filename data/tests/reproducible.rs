//! The committed dataset is exactly what the pipeline makes from ../shared/data/raw.
//! Skipped, with a printed reason, when ../shared is absent (a fresh clone elsewhere).

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Guards against hand edits of generated files and against a pipeline change that was not rerun.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn committed_dataset_matches_regeneration() {
    let raw = root().join("../shared/data/raw");
    let outputs = {
        // The raw files are the ones of the manifest (a cut or edited file fails here).
        datafrag::rawcheck::begin(&root()).expect("data/raw.sha256");
        let outputs = datafrag::build::build(&raw, &root());
        let read = datafrag::rawcheck::finish();
        assert!(
            read.lines().count() > 10,
            "the run checked the raw files it read"
        );
        outputs.expect("pipeline builds from the raw files")
    };
    assert!(!outputs.is_empty());
    if let Err(e) = datafrag::output::check_all(&root(), &outputs) {
        panic!("{e}");
    }
}

/// The promise of the committed geometry: the 13 regions of the COG, each with a drawable path.
#[test]
fn committed_geometry_has_the_13_regions() {
    let text = std::fs::read_to_string(root().join(datafrag::build::OUT_MAP)).unwrap();
    let map: datafrag::geometry::MapGeometry = serde_json::from_str(&text).unwrap();
    assert!(map.generated_by.contains("do not edit"));
    let codes: Vec<&str> = map.regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(
        codes,
        ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]
    );
    for r in &map.regions {
        // Compact paths: an absolute M, relative steps, z per ring; a label inside the box.
        let [lx, ly] = r.label;
        assert!(
            lx >= r.bbox[0]
                && lx <= r.bbox[0] + r.bbox[2]
                && ly >= r.bbox[1]
                && ly <= r.bbox[1] + r.bbox[3],
            "{} label",
            r.code
        );
        assert!(
            r.path.starts_with('M') && r.path.ends_with('z'),
            "{}",
            r.code
        );
        let [x, y, w, h] = r.bbox;
        assert!(
            x >= 0.0 && y >= 0.0 && x + w <= map.width + 0.1 && y + h <= map.height + 0.1,
            "{} outside the viewBox",
            r.code
        );
    }
}

/// The runtime dataset covers the 16 domains, each with at least one indicator or the reason
/// it has none (and then no index at all), and carries an index and a rank for every present
/// value.
#[test]
fn committed_dataset_covers_the_16_domains() {
    let text = std::fs::read_to_string(root().join(datafrag::build::OUT_DATASET)).unwrap();
    let ds: datafrag::model::Dataset = serde_json::from_str(&text).unwrap();
    assert_eq!(ds.regions.len(), 13);
    assert_eq!(ds.domains.len(), 16);
    for d in &ds.domains {
        if d.indicators.is_empty() {
            assert!(
                d.meta.gap_fr.is_some(),
                "domain {} has no indicator and no reason",
                d.meta.id
            );
            assert!(
                d.index.iter().all(Option::is_none),
                "domain {} filled",
                d.meta.id
            );
            continue;
        }
        assert!(
            d.index.iter().filter(|i| i.is_some()).count() == 13,
            "domain {}: an index is missing",
            d.meta.id
        );
    }
    for i in &ds.indicators {
        assert!(i.france.is_some(), "{}: no France value", i.meta.id);
        for k in 0..13 {
            assert_eq!(
                i.values[k].is_some(),
                i.index[k].is_some(),
                "{} region {k}",
                i.meta.id
            );
            assert_eq!(
                i.values[k].is_none(),
                i.missing[k].is_some(),
                "{}: a missing value needs a reason",
                i.meta.id
            );
        }
    }
    // Region ids agree between geometry and indicators.
    let map: datafrag::geometry::MapGeometry = serde_json::from_str(
        &std::fs::read_to_string(root().join(datafrag::build::OUT_MAP)).unwrap(),
    )
    .unwrap();
    let a: Vec<&str> = map.regions.iter().map(|r| r.code.as_str()).collect();
    let b: Vec<&str> = ds.regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(a, b);
}
