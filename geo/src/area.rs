//! Areas: planar (for projected or screen coordinates) and on the ellipsoid (for longitude and
//! latitude: Lambert-93 is conformal, not equal-area, so areas are never taken from it).

use crate::label::to_geo;
use crate::{Point, Polygon};

/// Signed area of a ring (positive when counter-clockwise in a y-up plane).
pub fn ring_signed_area(ring: &[Point]) -> f64 {
    if ring.len() < 3 {
        return 0.0;
    }
    let mut s = 0.0;
    for w in ring.windows(2) {
        s += w[0][0] * w[1][1] - w[1][0] * w[0][1];
    }
    let (first, last) = (ring[0], ring[ring.len() - 1]);
    s += last[0] * first[1] - first[0] * last[1];
    s / 2.0
}

/// Area of a polygon: its outer ring minus its holes, whatever their winding (the `geo`
/// crate's). `ring_signed_area` above stays hand-written: the simplifier and the topology call
/// it on borrowed rings in their inner loops, where the crate would need a copy into its types.
///
/// ```
/// use geofrag::Polygon;
/// let outer = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]];
/// let hole = vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0], [1.0, 1.0]];
/// assert_eq!(geofrag::area::polygon_area(&Polygon { rings: vec![outer, hole] }), 15.0);
/// ```
pub fn polygon_area(p: &Polygon) -> f64 {
    geo::Area::unsigned_area(&to_geo(p))
}

/// Area in m² of a polygon of `[lon, lat]` degrees on the ellipsoid (outer ring minus holes),
/// with geodesic edges: Karney's algorithm (`geo`'s `GeodesicArea`, through geographiclib-rs),
/// the one PROJ uses. `geo` holds the WGS84 ellipsoid, whose flattening differs from GRS80's by
/// 1.6e-11: under a square metre on a French region.
pub fn polygon_area_ellipsoid(p: &Polygon) -> f64 {
    use geo::orient::{Direction, Orient};
    // Karney's area takes the ring's winding as the side it encloses: a clockwise outline would
    // measure the rest of the Earth. Orient it first (outer ring anticlockwise, holes clockwise).
    let g = to_geo(p).orient(Direction::Default);
    geo::GeodesicArea::geodesic_area_unsigned(&g)
}

/// Area in m² of one ring of `[lon, lat]` degrees (see `polygon_area_ellipsoid`).
pub fn ring_area_ellipsoid(ring: &[Point]) -> f64 {
    polygon_area_ellipsoid(&Polygon {
        rings: vec![ring.to_vec()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1° × 1° cells on GRS80 against PROJ's geodesic areas (pyproj 3.7.2,
    /// `Geod(ellps="GRS80").polygon_area_perimeter`): 12 308.78 km² at the equator, 8 532.78 km²
    /// between 46° and 47° N. (A sphere of radius 6 371 km would give 12 364 at the equator.)
    /// Both compute geodesic edges with Karney's algorithm, so they agree to 1e-6.
    #[test]
    fn one_degree_cells_match_proj() {
        let cell = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let km2 = ring_area_ellipsoid(&cell) / 1e6;
        assert!((km2 / 12_308.78 - 1.0).abs() < 1e-6, "{km2}");
        let north = [
            [0.0, 46.0],
            [1.0, 46.0],
            [1.0, 47.0],
            [0.0, 47.0],
            [0.0, 46.0],
        ];
        let km2n = ring_area_ellipsoid(&north) / 1e6;
        let clockwise: Vec<Point> = north.iter().rev().copied().collect();
        assert_eq!(
            ring_area_ellipsoid(&clockwise),
            ring_area_ellipsoid(&north),
            "the winding does not change the area"
        );
        assert!((km2n / 8_532.78 - 1.0).abs() < 1e-6, "{km2n}");
    }

    #[test]
    fn winding_sign_and_degenerate_rings() {
        let ccw = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]];
        assert_eq!(ring_signed_area(&ccw), 0.5);
        let cw: Vec<Point> = ccw.iter().rev().copied().collect();
        assert_eq!(ring_signed_area(&cw), -0.5);
        assert_eq!(ring_signed_area(&[[0.0, 0.0], [1.0, 1.0]]), 0.0);
        assert_eq!(polygon_area(&Polygon { rings: vec![] }), 0.0);
    }
}
