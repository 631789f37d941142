//! Where to put a region's label: the pole of inaccessibility (the inner point farthest from the
//! outline: the `polylabel` crate, Mapbox's grid search), and a point-in-polygon hit test (the
//! `geo` crate's). Both run in the pipeline only, so the crates cost the wasm nothing.

use crate::{Point, Polygon};
use geo::{Contains, Coord, Distance, Euclidean, LineString};

/// The polygon in the `geo` crate's types: first ring outside, the others holes.
pub fn to_geo(poly: &Polygon) -> geo::Polygon<f64> {
    let ring = |r: &Vec<Point>| {
        LineString::from(r.iter().map(|&[x, y]| Coord { x, y }).collect::<Vec<_>>())
    };
    let mut rings = poly.rings.iter();
    let outer = rings
        .next()
        .map(ring)
        .unwrap_or_else(|| LineString::new(vec![]));
    geo::Polygon::new(outer, rings.map(ring).collect())
}

/// Whether `p` is inside the polygon (holes are outside; a point on the outline is not inside).
///
/// ```
/// use geofrag::{label::contains, Polygon};
/// let sq = Polygon { rings: vec![vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]]] };
/// assert!(contains(&sq, [1.0, 1.0]));
/// assert!(!contains(&sq, [5.0, 1.0]));
/// ```
pub fn contains(poly: &Polygon, [x, y]: Point) -> bool {
    to_geo(poly).contains(&geo::Point::new(x, y))
}

/// Signed distance from `p` to the outline: positive inside, negative outside.
pub fn signed_distance(poly: &Polygon, [x, y]: Point) -> f64 {
    let g = to_geo(poly);
    let p = geo::Point::new(x, y);
    let d = std::iter::once(g.exterior())
        .chain(g.interiors())
        .map(|r| Euclidean.distance(&p, r))
        .fold(f64::INFINITY, f64::min);
    if g.contains(&p) {
        d
    } else {
        -d
    }
}

/// The pole of inaccessibility of a polygon to within `precision` (same units as the points).
/// For an empty or flat polygon, the first point of its outline (the origin when it has none).
pub fn pole_of_inaccessibility(poly: &Polygon, precision: f64) -> Point {
    let fallback = poly
        .rings
        .first()
        .and_then(|r| r.first())
        .copied()
        .unwrap_or([0.0, 0.0]);
    let g = to_geo(poly);
    if geo::Area::unsigned_area(&g) <= 0.0 {
        return fallback;
    }
    polylabel::polylabel(&g, &precision).map_or(fallback, |p| [p.x(), p.y()])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An L shape: the centroid of its box falls outside, the pole is inside and far from edges.
    #[test]
    fn pole_is_inside_and_deep() {
        let l = Polygon {
            rings: vec![vec![
                [0.0, 0.0],
                [10.0, 0.0],
                [10.0, 2.0],
                [2.0, 2.0],
                [2.0, 10.0],
                [0.0, 10.0],
                [0.0, 0.0],
            ]],
        };
        assert!(!contains(&l, [5.0, 5.0]));
        let p = pole_of_inaccessibility(&l, 0.01);
        assert!(contains(&l, p));
        assert!(signed_distance(&l, p) > 0.95, "{p:?}");
        // A hole makes the centre of a square unattractive.
        let donut = Polygon {
            rings: vec![
                vec![
                    [0.0, 0.0],
                    [10.0, 0.0],
                    [10.0, 10.0],
                    [0.0, 10.0],
                    [0.0, 0.0],
                ],
                vec![[3.0, 3.0], [7.0, 3.0], [7.0, 7.0], [3.0, 7.0], [3.0, 3.0]],
            ],
        };
        let q = pole_of_inaccessibility(&donut, 0.01);
        assert!(contains(&donut, q) && !contains(&donut, [5.0, 5.0]));
        // Edge cases: empty and degenerate.
        assert_eq!(
            pole_of_inaccessibility(&Polygon { rings: vec![] }, 1.0),
            [0.0, 0.0]
        );
        let flat = Polygon {
            rings: vec![vec![[0.0, 0.0], [5.0, 0.0], [0.0, 0.0]]],
        };
        assert_eq!(pole_of_inaccessibility(&flat, 1.0), [0.0, 0.0]);
    }
}
