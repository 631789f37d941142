//! Geometry benchmark (prints figures; not a test): parse, topology (shared arcs), project
//! (Lambert-93) and fit, simplify the arcs (Douglas–Peucker 0.3 unit, crossing checks), label
//! anchors and compact SVG paths, for the 13 regions and the 96 départements.
//!
//! `cargo run --release -p geo-fragilite --example bench [-- RAW_GEO_DIR [RUNS]]`

use geofrag::{
    label::pole_of_inaccessibility, path::compact_path, read_features, simplify::simplify_arcs,
    topology::Topology, Bbox, Fit, Lambert93,
};
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> (f64, f64) {
    xs.sort_by(f64::total_cmp);
    (
        xs[xs.len() / 2],
        xs[(xs.len() * 95 / 100).min(xs.len() - 1)],
    )
}

/// One run: (arc vertices before, after simplification, path bytes, times in ms per stage).
fn run(text: &str) -> (usize, usize, usize, [f64; 6]) {
    let t0 = Instant::now();
    let features = read_features(text, "bench").expect("valid GeoJSON");
    let t1 = Instant::now();
    let topo = Topology::build(&features, 1e-5);
    let t2 = Instant::now();
    let proj = Lambert93::new();
    let projected = topo.map_arcs(|p| proj.forward(p));
    let fit = Fit::to_width(Bbox::of(projected.iter().flatten()), 1000.0, 10.0);
    let screen: Vec<Vec<[f64; 2]>> = projected
        .iter()
        .map(|a| a.iter().map(|&p| fit.apply(p)).collect())
        .collect();
    let t3 = Instant::now();
    let rings: Vec<Vec<i32>> = topo
        .features
        .iter()
        .flat_map(|f| f.polygons.iter().flatten().cloned())
        .collect();
    let simplified = simplify_arcs(&screen, &rings, 0.3, 0.1).expect("simplifies");
    let polygons: Vec<_> = topo
        .features
        .iter()
        .map(|f| Topology::polygons(&simplified.arcs, f, 1.0))
        .collect();
    let t4 = Instant::now();
    let labels: Vec<_> = polygons
        .iter()
        .map(|p| pole_of_inaccessibility(&p[0], 0.5))
        .collect();
    let t5 = Instant::now();
    let bytes: usize = polygons.iter().map(|p| compact_path(p, 1).len()).sum();
    let t6 = Instant::now();
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
    assert_eq!(labels.len(), features.len());
    (
        screen.iter().map(Vec::len).sum(),
        simplified.arcs.iter().map(Vec::len).sum(),
        bytes,
        [
            ms(t0, t1),
            ms(t1, t2),
            ms(t2, t3),
            ms(t3, t4),
            ms(t4, t5),
            ms(t5, t6),
        ],
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
        "{:<12} {:>11} {:>8} {:>15} {:>15} {:>15} {:>15} {:>15} {:>15}",
        "layer",
        "arc pts",
        "path B",
        "parse",
        "topology",
        "project+fit",
        "simplify",
        "labels",
        "paths"
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
        let mut cols: [Vec<f64>; 6] = Default::default();
        let mut last = (0, 0, 0);
        for _ in 0..runs {
            let (v, w, b, t) = run(&text);
            last = (v, w, b);
            for (c, x) in cols.iter_mut().zip(t) {
                c.push(x);
            }
        }
        let f = |c: &Vec<f64>| {
            let (m, p) = median(c.clone());
            format!("{m:>6.2} / {p:>6.2}")
        };
        println!(
            "{name:<12} {:>11} {:>8} {:>15} {:>15} {:>15} {:>15} {:>15} {:>15}",
            format!("{}→{}", last.0, last.1),
            last.2,
            f(&cols[0]),
            f(&cols[1]),
            f(&cols[2]),
            f(&cols[3]),
            f(&cols[4]),
            f(&cols[5])
        );
    }
}
