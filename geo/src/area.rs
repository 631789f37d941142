//! Planar areas (shoelace) and centroids of rings and polygons.

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

#[cfg(test)]
mod tests {
    use super::*;

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
