//! The simplified map against its promises, on the real outlines (96 départements, 13 regions
//! dissolved from them): shared borders identical on both sides, no self-intersection (the `geo`
//! crate's OGC validation), outlines within the tolerance, départements nesting exactly in their
//! regions, and the islands that matter still there. Each check is written on the output polygons,
//! not on the arcs that built them.

mod common;
use common::raw;
use datafrag::layers::{Area, Layers, GRID, MIN_RING_AREA, TOLERANCE};
use geo::Validation;
use geofrag::{Point, Polygon};
use std::collections::HashMap;

/// The shipped tolerance, and coarser ones: the promises hold at any tolerance.
const TOLERANCES: [f64; 3] = [TOLERANCE, 2.0, 6.0];

fn layers(test: &str) -> Vec<Layers> {
    let raw = raw(test);
    let areas = datafrag::build::areas(&raw).unwrap();
    TOLERANCES
        .iter()
        .map(|&t| datafrag::build::layers_with(&raw, &areas, t).unwrap())
        .collect()
}

type Seg = ([i64; 2], [i64; 2]);

fn key(p: Point) -> [i64; 2] {
    [(p[0] / GRID).round() as i64, (p[1] / GRID).round() as i64]
}

/// Directed segments of every ring of an area (closed rings: the last point repeats the first).
fn segments(polys: &[Polygon]) -> Vec<Seg> {
    polys
        .iter()
        .flat_map(|p| p.rings.iter())
        .flat_map(|r| r.windows(2).map(|w| (key(w[0]), key(w[1]))))
        .filter(|(a, b)| a != b)
        .collect()
}

/// Who draws each undirected segment: (area index, forward?).
fn owners(areas: &[Area]) -> HashMap<Seg, Vec<(usize, bool)>> {
    let mut m: HashMap<Seg, Vec<(usize, bool)>> = HashMap::new();
    for (i, a) in areas.iter().enumerate() {
        for (p, q) in segments(&a.polygons) {
            let (k, fwd) = if p < q {
                ((p, q), true)
            } else {
                ((q, p), false)
            };
            m.entry(k).or_default().push((i, fwd));
        }
    }
    m
}

fn dist_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let l2 = dx * dx + dy * dy;
    let t = if l2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2).clamp(0.0, 1.0)
    };
    ((p[0] - a[0] - t * dx).powi(2) + (p[1] - a[1] - t * dy).powi(2)).sqrt()
}

/// Promise: a border between two neighbours is drawn with the same vertices by both, in opposite
/// directions — so no gap, overlap or sliver can appear between them; a segment drawn by one
/// area only is on the coast or the frontier (within the tolerance of the source's outside).
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn shared_borders_have_the_same_vertices_on_both_sides() {
    for l in layers("shared_borders_have_the_same_vertices_on_both_sides") {
        println!("— tolerance {}", l.tolerance);
        for (name, simplified, source) in [
            ("départements", &l.departements, &l.source_departements),
            ("regions", &l.regions, &l.source_regions),
        ] {
            let own = owners(simplified);
            let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
            for (seg, o) in &own {
                assert!(o.len() <= 2, "{name}: {seg:?} drawn {} times", o.len());
                if let [(a, fa), (b, fb)] = o[..] {
                    assert_ne!(a, b, "{name}: {} draws {seg:?} twice", simplified[a].code);
                    assert_ne!(fa, fb, "{name}: {seg:?} runs the same way on both sides");
                    *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
            // The source's outside: segments drawn by one area only.
            let src_own: HashMap<Seg, usize> = owners(source)
                .into_iter()
                .map(|(k, v)| (k, v.len()))
                .collect();
            let outside: Vec<(Point, Point)> = source
                .iter()
                .flat_map(|a| a.polygons.iter().flat_map(|p| p.rings.iter()))
                .flat_map(|r| r.windows(2).map(|w| (w[0], w[1])))
                .filter(|(a, b)| {
                    let (p, q) = (key(*a), key(*b));
                    src_own.get(&if p < q { (p, q) } else { (q, p) }) == Some(&1)
                })
                .collect();
            let mut worst: f64 = 0.0;
            for (seg, o) in &own {
                if o.len() == 1 {
                    let mid = [
                        (seg.0[0] + seg.1[0]) as f64 * GRID / 2.0,
                        (seg.0[1] + seg.1[1]) as f64 * GRID / 2.0,
                    ];
                    let d = outside
                        .iter()
                        .map(|(a, b)| dist_to_segment(mid, *a, *b))
                        .fold(f64::MAX, f64::min);
                    worst = worst.max(d);
                }
            }
            println!(
                "{name}: {} shared borders, {} segments shared, {} on the outside (at most {worst:.2} units from the source's outside)",
                pairs.len(),
                own.values().filter(|o| o.len() == 2).count(),
                own.values().filter(|o| o.len() == 1).count()
            );
            assert!(
                worst <= l.tolerance + GRID,
                "{name}: a one-sided segment lies {worst:.2} units inside the map: a gap or sliver"
            );
            let expected_pairs = if name == "regions" { 20 } else { 200 };
            assert!(
                pairs.len() >= expected_pairs,
                "{name}: {} neighbour pairs",
                pairs.len()
            );
        }
    }
}

fn to_geo(polys: &[Polygon]) -> geo::MultiPolygon<f64> {
    let ls = |r: &Vec<Point>| -> geo::LineString<f64> {
        r.iter().map(|p| geo::Coord { x: p[0], y: p[1] }).collect()
    };
    geo::MultiPolygon(
        polys
            .iter()
            .map(|p| geo::Polygon::new(ls(&p.rings[0]), p.rings[1..].iter().map(ls).collect()))
            .collect(),
    )
}

/// Promise: no ring self-intersects, no polygon of an area overlaps another (OGC validity, as
/// checked by the `geo` crate), in both layers.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn every_simplified_area_is_a_valid_polygon() {
    for l in layers("every_simplified_area_is_a_valid_polygon") {
        println!("— tolerance {}", l.tolerance);
        for a in l.departements.iter().chain(&l.regions) {
            let mp = to_geo(&a.polygons);
            if let Err(problems) = mp.check_validation() {
                panic!("{} {}: {problems}", a.code, a.name);
            }
        }
        println!(
            "{} départements and {} regions valid; {} arcs refined below the tolerance, {} rounds",
            l.departements.len(),
            l.regions.len(),
            l.simplified
                .tolerance
                .iter()
                .filter(|&&t| t < l.tolerance)
                .count(),
            l.simplified.rounds
        );
        assert_eq!((l.departements.len(), l.regions.len()), (96, 13));
    }
}

/// Promise: every vertex of the source outlines lies within the tolerance (plus the output grid's
/// half-diagonal) of the simplified outline of the same département; rings dropped are all smaller
/// than the minimum area. Regions are made of the same lines (next test).
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn outlines_stay_within_the_tolerance() {
    for l in layers("outlines_stay_within_the_tolerance") {
        println!("— tolerance {}", l.tolerance);
        let bound = l.tolerance + GRID * std::f64::consts::FRAC_1_SQRT_2 + 1e-9;
        let (mut worst, mut dropped): (f64, usize) = (0.0, 0);
        for (src, simp) in l.source_departements.iter().zip(&l.departements) {
            assert_eq!(src.code, simp.code);
            let segs: Vec<(Point, Point)> = simp
                .polygons
                .iter()
                .flat_map(|p| p.rings.iter())
                .flat_map(|r| r.windows(2).map(|w| (w[0], w[1])))
                .collect();
            for ring in src.polygons.iter().flat_map(|p| p.rings.iter()) {
                if geofrag::area::ring_signed_area(ring).abs() < MIN_RING_AREA {
                    dropped += 1;
                    continue;
                }
                for &p in ring {
                    let d = segs
                        .iter()
                        .map(|(a, b)| dist_to_segment(p, *a, *b))
                        .fold(f64::MAX, f64::min);
                    assert!(
                        d <= bound,
                        "{} {}: {p:?} is {d:.3} from the outline",
                        src.code,
                        src.name
                    );
                    worst = worst.max(d);
                }
            }
        }
        let before: usize = l.source_arcs.iter().map(Vec::len).sum();
        let after: usize = l.simplified.arcs.iter().map(Vec::len).sum();
        println!(
            "tolerance {} + grid: worst {worst:.3} units (bound {bound:.3}); {dropped} islets under {MIN_RING_AREA} units² dropped; arc points {before} → {after}",
            l.tolerance
        );
    }
}

/// Promise: départements nest exactly in their regions: each region segment is drawn, the same
/// way, by exactly one of its départements, and each département segment is either on its
/// region's outline or shared with another département of the same region.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn departements_nest_exactly_in_regions() {
    for l in layers("departements_nest_exactly_in_regions") {
        println!("— tolerance {}", l.tolerance);
        for r in &l.regions {
            let deps: Vec<&Area> = l
                .departements
                .iter()
                .filter(|d| d.region == r.code)
                .collect();
            assert!(!deps.is_empty(), "{}", r.code);
            let mut dep_segs: HashMap<Seg, usize> = HashMap::new();
            for d in &deps {
                for s in segments(&d.polygons) {
                    *dep_segs.entry(s).or_default() += 1;
                }
            }
            let region_segs = segments(&r.polygons);
            for s in &region_segs {
                assert_eq!(dep_segs.get(s), Some(&1), "{} {}: {s:?}", r.code, r.name);
            }
            let outline: std::collections::HashSet<Seg> = region_segs.iter().copied().collect();
            for s in dep_segs.keys() {
                let inner = dep_segs.contains_key(&(s.1, s.0));
                assert!(
                    outline.contains(s) || inner,
                    "{}: {s:?} is neither on the outline nor inner",
                    r.code
                );
            }
        }
    }
}

/// Promise: Corse and the large Atlantic islands stay on the map, in the right region (at the
/// shipped tolerance; coarser ones may cut a point of an island off).
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn large_islands_stay() {
    for l in layers("large_islands_stay").into_iter().take(1) {
        println!("— tolerance {}", l.tolerance);
        let proj = geofrag::Lambert93::new();
        for (name, lon, lat, region) in [
            ("Corse", 9.05, 42.15, "94"),
            ("Ouessant", -5.09, 48.46, "53"),
            ("Belle-Île", -3.17, 47.34, "53"),
            ("Groix", -3.46, 47.64, "53"),
            ("Noirmoutier", -2.22, 46.97, "52"),
            ("Yeu", -2.35, 46.71, "52"),
            ("Ré", -1.42, 46.20, "75"),
            ("Oléron", -1.30, 45.92, "75"),
        ] {
            let p = l.fit.apply(proj.forward([lon, lat]));
            let inside: Vec<&str> = l
                .regions
                .iter()
                .filter(|r| {
                    r.polygons
                        .iter()
                        .any(|poly| geofrag::label::contains(poly, p))
                })
                .map(|r| r.code.as_str())
                .collect();
            assert_eq!(inside, vec![region], "{name} at {p:?}");
        }
    }
}

/// Writes the regions drawn from the source outlines (full precision) and from the shipped,
/// simplified paths, as two SVGs of the same viewBox, for the end-to-end test that renders both
/// at 1 000 px and compares the pixels (tests/e2e/geo.test.mjs).
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn writes_source_and_simplified_svgs_for_the_pixel_comparison() {
    let l = layers("writes_source_and_simplified_svgs")
        .into_iter()
        .next()
        .expect("layers at the first tolerance");
    let dir = common::root().join("target/geo");
    std::fs::create_dir_all(&dir).unwrap();
    let svg = |paths: Vec<String>| {
        let mut s = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 {h}" width="1000" height="{h}"><rect width="1000" height="{h}" fill="white"/><g fill="#d8dcf0" stroke="#222" stroke-width="1" fill-rule="evenodd">"##,
            h = l.height.ceil()
        );
        for p in paths {
            s.push_str(&format!(r#"<path d="{p}"/>"#));
        }
        s.push_str("</g></svg>\n");
        s
    };
    let source = svg(l
        .source_regions
        .iter()
        .map(|r| geofrag::path::polygons_to_path(&r.polygons, 3))
        .collect());
    let simplified = svg(l
        .regions
        .iter()
        .map(|r| geofrag::path::compact_path(&r.polygons, 1))
        .collect());
    std::fs::write(dir.join("regions-source.svg"), &source).unwrap();
    std::fs::write(dir.join("regions-simplified.svg"), &simplified).unwrap();
    assert!(simplified.len() < source.len());
    // The simplified drawing is the shipped one.
    let shipped: datafrag::geometry::MapGeometry = serde_json::from_str(
        &std::fs::read_to_string(common::root().join(datafrag::build::OUT_MAP)).unwrap(),
    )
    .unwrap();
    for (r, s) in l.regions.iter().zip(&shipped.regions) {
        assert_eq!(
            geofrag::path::compact_path(&r.polygons, 1),
            s.path,
            "{}",
            r.code
        );
    }
}

/// Promise: "comparer avec mes voisines" names the regions that share a border on the real map,
/// not those meeting at a corner, and Corse, an island, has none. The expected lists are read
/// off the administrative map (IGN), not computed.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn region_neighbours_are_the_regions_sharing_a_border() {
    let raw = raw("region_neighbours_are_the_regions_sharing_a_border");
    let areas = datafrag::build::areas(&raw).unwrap();
    let l = datafrag::build::layers(&raw, &areas).unwrap();
    let n = |c: &str| {
        let mut v = l.region_neighbours[c].clone();
        v.sort();
        v.join(",")
    };
    assert_eq!(n("76"), "75,84,93", "Occitanie");
    assert_eq!(n("53"), "28,52", "Bretagne");
    assert_eq!(n("28"), "11,24,32,52,53", "Normandie");
    assert_eq!(n("11"), "24,27,28,32,44", "Île-de-France");
    assert_eq!(n("84"), "24,27,75,76,93", "Auvergne-Rhône-Alpes");
    assert_eq!(n("94"), "", "Corse");
    // Longest border first: Bretagne's is Pays de la Loire's (Ille-et-Vilaine and Morbihan
    // against Loire-Atlantique and Mayenne), not Normandie's (the Couesnon to the Sélune).
    assert_eq!(l.region_neighbours["53"], ["52", "28"]);
    for (a, ns) in &l.region_neighbours {
        for b in ns {
            assert!(
                l.region_neighbours[b].contains(a),
                "{a}–{b} is not symmetric"
            );
        }
    }
    // The dataset the app reads carries the same lists.
    let ds: datafrag::model::Dataset = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("assets/data/dataset.json")).unwrap(),
    )
    .unwrap();
    for r in &ds.regions {
        assert_eq!(r.neighbours, l.region_neighbours[&r.code], "{}", r.name);
    }
}
