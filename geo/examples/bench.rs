//! Geometry benchmark (prints figures; not a test): parse, project (Lambert-93), fit, label
//! anchors and compact SVG paths for the 13 regions and the 96 départements.
//!
//! `cargo run --release -p geo-fragilite --example bench [-- RAW_GEO_DIR [RUNS]]`

use geofrag::{
    label::pole_of_inaccessibility, path::compact_path, read_features, Bbox, Feature, Fit,
    Lambert93,
};
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> (f64, f64) {
    xs.sort_by(f64::total_cmp);
    (
        xs[xs.len() / 2],
        xs[(xs.len() * 95 / 100).min(xs.len() - 1)],
    )
}

fn run(text: &str) -> (usize, usize, [f64; 4]) {
    let t0 = Instant::now();
    let features = read_features(text, "bench").expect("valid GeoJSON");
    let t1 = Instant::now();
    let proj = Lambert93::new();
    let projected: Vec<Feature> = features
        .iter()
        .map(|f| f.map_points(|p| proj.forward(p)))
        .collect();
    let fit = Fit::to_width(
        Bbox::of(projected.iter().flat_map(|f| f.points())),
        1000.0,
        10.0,
    );
    let screen: Vec<Feature> = projected
        .iter()
        .map(|f| f.map_points(|p| fit.apply(p)))
        .collect();
    let t2 = Instant::now();
    let labels: Vec<_> = screen
        .iter()
        .map(|f| pole_of_inaccessibility(&f.polygons[0], 0.5))
        .collect();
    let t3 = Instant::now();
    let bytes: usize = screen
        .iter()
        .map(|f| compact_path(&f.polygons, 1).len())
        .sum();
    let t4 = Instant::now();
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
    let vertices = features.iter().map(|f| f.points().count()).sum();
    assert_eq!(labels.len(), features.len());
    (
        vertices,
        bytes,
        [ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4)],
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/data/raw/geo".into());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(30);
    println!("geometry benchmark, {runs} runs, median / p95 in ms");
    println!(
        "{:<12} {:>9} {:>10} {:>15} {:>15} {:>15} {:>15}",
        "layer", "vertices", "path B", "parse", "project+fit", "labels", "paths"
    );
    for (name, file) in [
        ("regions", "regions-version-simplifiee.geojson"),
        ("départements", "departements-version-simplifiee.geojson"),
    ] {
        let path = format!("{dir}/{file}");
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{name}: {path} not found, skipped");
            continue;
        };
        let mut cols: [Vec<f64>; 4] = Default::default();
        let mut last = (0, 0);
        for _ in 0..runs {
            let (v, b, t) = run(&text);
            last = (v, b);
            for (c, x) in cols.iter_mut().zip(t) {
                c.push(x);
            }
        }
        let f = |c: &Vec<f64>| {
            let (m, p) = median(c.clone());
            format!("{m:>6.2} / {p:>6.2}")
        };
        println!(
            "{name:<12} {:>9} {:>10} {:>15} {:>15} {:>15} {:>15}",
            last.0,
            last.1,
            f(&cols[0]),
            f(&cols[1]),
            f(&cols[2]),
            f(&cols[3])
        );
    }
}
