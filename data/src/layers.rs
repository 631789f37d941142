//! The map's two layers from one topology: the 96 départements as drawn in the source, cut into
//! shared arcs, projected in Lambert-93, fitted to the viewBox and simplified once; the 13 regions
//! dissolved from them, so region borders are département borders, point for point.

use crate::areas::Areas;
use crate::{Error, Result};
use geofrag::simplify::{simplify_arcs, Simplified};
use geofrag::topology::Topology;
use geofrag::{Bbox, Feature, Fit, Lambert93, Point, Polygon};
use std::collections::BTreeMap;

pub use crate::geometry::{MAP_PADDING, MAP_WIDTH};
/// Douglas–Peucker tolerance in viewBox units (a third of a pixel on a 1 000 px map).
pub const TOLERANCE: f64 = 0.3;
/// Output grid in viewBox units (one decimal in the paths).
pub const GRID: f64 = 0.1;
/// Rings below this area (viewBox units², about 1.3 km²) are left out: islets invisible on the
/// map. Ouessant (15 km²), Belle-Île, Ré, Oléron, Noirmoutier, Yeu and Corse stay.
pub const MIN_RING_AREA: f64 = 1.0;
/// Grid of the topology in degrees: the source is rounded to 5 decimals.
pub const QUANTUM: f64 = 1e-5;

/// One drawn area in viewBox coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub code: String,
    pub name: String,
    /// Region code (the area's own code for a region).
    pub region: String,
    pub polygons: Vec<Polygon>,
}

/// Both layers, simplified, and what is needed to check them against the source.
#[derive(Debug, Clone)]
pub struct Layers {
    pub fit: Fit,
    /// viewBox height.
    pub height: f64,
    pub departements: Vec<Area>,
    pub regions: Vec<Area>,
    /// The same areas from the unsimplified arcs (projected and fitted, not snapped).
    pub source_departements: Vec<Area>,
    pub source_regions: Vec<Area>,
    pub simplified: Simplified,
    /// The tolerance asked for.
    pub tolerance: f64,
    /// Arcs of the topology in viewBox units before simplification.
    pub source_arcs: Vec<Vec<Point>>,
    /// Each region's code → the codes of the regions it shares a border with (an arc of the
    /// topology, not a corner), the longest border first.
    pub region_neighbours: BTreeMap<String, Vec<String>>,
}

/// Each feature's code → the codes of the features sharing a border with it, the longest
/// border first (length of the shared arcs in `arcs`' units; ties by code).
pub fn neighbour_codes(t: &Topology, arcs: &[Vec<Point>]) -> BTreeMap<String, Vec<String>> {
    let length = |a: usize| -> f64 {
        arcs[a]
            .windows(2)
            .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
            .sum()
    };
    let mut by: BTreeMap<String, Vec<(f64, String)>> = t
        .features
        .iter()
        .map(|f| (f.code.clone(), Vec::new()))
        .collect();
    for ((a, b), shared) in t.borders() {
        let l: f64 = shared.iter().map(|&s| length(s)).sum();
        let (ca, cb) = (&t.features[a].code, &t.features[b].code);
        by.get_mut(ca).expect("feature").push((l, cb.clone()));
        by.get_mut(cb).expect("feature").push((l, ca.clone()));
    }
    by.into_iter()
        .map(|(c, mut n)| {
            n.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            (c, n.into_iter().map(|(_, c)| c).collect())
        })
        .collect()
}

/// Builds both layers from the départements' features; `areas` gives each département's region.
/// Every feature must be a metropolitan département of the COG and every one must be present.
pub fn build(deps: &[Feature], areas: &Areas, geo_file: &str) -> Result<Layers> {
    build_with(deps, areas, geo_file, TOLERANCE)
}

/// [`build`] with another simplification tolerance (viewBox units), for tests and benchmarks.
pub fn build_with(
    deps: &[Feature],
    areas: &Areas,
    geo_file: &str,
    tolerance: f64,
) -> Result<Layers> {
    for (i, f) in deps.iter().enumerate() {
        let bad = |m: String| {
            Err(Error::invalid(
                geo_file,
                0,
                "code",
                format!("feature #{i}: {m}"),
            ))
        };
        if areas.region_of_dep(&f.code).is_none() {
            return bad(format!("{:?} is not a metropolitan département", f.code));
        }
        if deps[..i].iter().any(|g| g.code == f.code) {
            return bad(format!("duplicate département {:?}", f.code));
        }
    }
    if let Some(missing) = areas
        .dep_region
        .keys()
        .find(|d| !deps.iter().any(|f| &f.code == *d))
    {
        return Err(Error::invalid(
            geo_file,
            0,
            "code",
            format!("département {missing} has no feature"),
        ));
    }
    let topo = Topology::build(deps, QUANTUM);
    let region_of = |code: &str| areas.region_of_dep(code).expect("checked").to_string();
    let regions = topo.dissolve(|f| {
        let r = region_of(&f.code);
        let name = areas
            .regions
            .iter()
            .find(|x| x.code == r)
            .map(|x| x.nom.clone())
            .unwrap_or_default();
        (r, name)
    })?;
    let proj = Lambert93::new();
    let projected = topo.map_arcs(|p| proj.forward(p));
    let fit = Fit::to_width(Bbox::of(projected.iter().flatten()), MAP_WIDTH, MAP_PADDING);
    let source_arcs: Vec<Vec<Point>> = projected
        .iter()
        .map(|a| a.iter().map(|&p| fit.apply(p)).collect())
        .collect();
    let rings: Vec<Vec<i32>> = topo
        .features
        .iter()
        .chain(&regions.features)
        .flat_map(|f| f.polygons.iter().flatten().cloned())
        .collect();
    let simplified = simplify_arcs(&source_arcs, &rings, tolerance, GRID)
        .map_err(|e| Error::invalid(geo_file, 0, "geometry", e.to_string()))?;
    let layer = |t: &Topology, arcs: &[Vec<Point>], min_area: f64| -> Vec<Area> {
        let mut out: Vec<Area> = t
            .features
            .iter()
            .map(|f| Area {
                code: f.code.clone(),
                name: f.name.clone(),
                region: areas
                    .region_of_dep(&f.code)
                    .map_or(f.code.clone(), str::to_string),
                polygons: Topology::polygons(arcs, f, min_area),
            })
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out
    };
    Ok(Layers {
        height: fit.size[1],
        fit,
        departements: layer(&topo, &simplified.arcs, MIN_RING_AREA),
        regions: layer(&regions, &simplified.arcs, MIN_RING_AREA),
        source_departements: layer(&topo, &source_arcs, 0.0),
        source_regions: layer(&regions, &source_arcs, 0.0),
        simplified,
        tolerance,
        region_neighbours: neighbour_codes(&regions, &source_arcs),
        source_arcs,
    })
}
