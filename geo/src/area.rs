//! Areas: planar (shoelace, for projected or screen coordinates) and on the GRS80 ellipsoid (for
//! longitude/latitude, through the authalic sphere — equal-area, unlike the conformal Lambert-93).

use crate::lambert93::{GRS80_A, GRS80_F};
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

/// Area of a polygon: its outer ring minus its holes, whatever their winding.
///
/// ```
/// use geofrag::Polygon;
/// let outer = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]];
/// let hole = vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0], [1.0, 1.0]];
/// assert_eq!(geofrag::area::polygon_area(&Polygon { rings: vec![outer, hole] }), 15.0);
/// ```
pub fn polygon_area(p: &Polygon) -> f64 {
    let mut rings = p.rings.iter();
    let outer = rings.next().map_or(0.0, |r| ring_signed_area(r).abs());
    outer - rings.map(|r| ring_signed_area(r).abs()).sum::<f64>()
}

fn q(phi: f64, e: f64) -> f64 {
    let s = phi.sin();
    let e2 = e * e;
    (1.0 - e2) * (s / (1.0 - e2 * s * s) - (1.0 / (2.0 * e)) * ((1.0 - e * s) / (1.0 + e * s)).ln())
}

/// Area in m² of a ring of `[lon, lat]` degrees on the GRS80 ellipsoid. Latitudes are mapped to
/// the authalic sphere (same area as the ellipsoid), then the ring's area is the spherical
/// formula of Chamberlain & Duquette, exact enough for edges of a few kilometres.
pub fn ring_area_ellipsoid(ring: &[Point]) -> f64 {
    let e = (2.0 * GRS80_F - GRS80_F * GRS80_F).sqrt();
    let qp = q(std::f64::consts::FRAC_PI_2, e);
    let rq2 = GRS80_A * GRS80_A * qp / 2.0;
    let n = ring.len();
    if n < 3 {
        return 0.0;
    }
    let sin_beta = |p: &Point| q(p[1].to_radians(), e) / qp;
    let mut sum = 0.0;
    for i in 0..n {
        let prev = ring[(i + n - 1) % n];
        let next = ring[(i + 1) % n];
        sum += (next[0] - prev[0]).to_radians() * sin_beta(&ring[i]);
    }
    (sum * rq2 / 2.0).abs()
}

/// Area in m² of a polygon of `[lon, lat]` degrees on the ellipsoid: outer ring minus holes.
pub fn polygon_area_ellipsoid(p: &Polygon) -> f64 {
    let mut rings = p.rings.iter();
    let outer = rings.next().map_or(0.0, |r| ring_area_ellipsoid(r));
    outer - rings.map(|r| ring_area_ellipsoid(r)).sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1° × 1° cells on GRS80 against PROJ's geodesic areas (pyproj 3.7.2,
    /// `Geod(ellps="GRS80").polygon_area_perimeter`): 12 308.78 km² at the equator, 8 532.78 km²
    /// between 46° and 47° N. (A sphere of radius 6 371 km would give 12 364 at the equator.)
    /// The small difference left is geodesic edges (PROJ) vs parallels (here).
    #[test]
    fn one_degree_cells_match_proj() {
        let cell = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let km2 = ring_area_ellipsoid(&cell) / 1e6;
        assert!((km2 / 12_308.78 - 1.0).abs() < 5e-4, "{km2}");
        let north = [
            [0.0, 46.0],
            [1.0, 46.0],
            [1.0, 47.0],
            [0.0, 47.0],
            [0.0, 46.0],
        ];
        let km2n = ring_area_ellipsoid(&north) / 1e6;
        assert!((km2n / 8_532.78 - 1.0).abs() < 5e-4, "{km2n}");
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
