//! Where to put a region's label: the pole of inaccessibility (the inner point farthest from the
//! outline, Mapbox's "polylabel" grid search), and a point-in-polygon hit test.

use crate::{Bbox, Point, Polygon};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Whether `p` is inside the polygon (even-odd rule over all its rings, so holes are outside).
///
/// ```
/// use geofrag::{label::contains, Polygon};
/// let sq = Polygon { rings: vec![vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]]] };
/// assert!(contains(&sq, [1.0, 1.0]));
/// assert!(!contains(&sq, [5.0, 1.0]));
/// ```
pub fn contains(poly: &Polygon, [x, y]: Point) -> bool {
    let mut inside = false;
    for ring in &poly.rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            if (a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0] {
                inside = !inside;
            }
        }
    }
    inside
}

fn seg_dist2(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    cx * cx + cy * cy
}

/// Signed distance from `p` to the outline: positive inside, negative outside.
pub fn signed_distance(poly: &Polygon, p: Point) -> f64 {
    let mut d2 = f64::INFINITY;
    for ring in &poly.rings {
        for w in ring.windows(2) {
            d2 = d2.min(seg_dist2(p, w[0], w[1]));
        }
    }
    let d = d2.sqrt();
    if contains(poly, p) {
        d
    } else {
        -d
    }
}

struct Cell {
    c: Point,
    h: f64,
    d: f64,
    max: f64,
}

impl Cell {
    fn new(c: Point, h: f64, poly: &Polygon) -> Cell {
        let d = signed_distance(poly, c);
        Cell {
            c,
            h,
            d,
            max: d + h * std::f64::consts::SQRT_2,
        }
    }
}

impl PartialEq for Cell {
    fn eq(&self, o: &Self) -> bool {
        self.max == o.max
    }
}
impl Eq for Cell {}
impl PartialOrd for Cell {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Cell {
    fn cmp(&self, o: &Self) -> Ordering {
        self.max.total_cmp(&o.max)
    }
}

/// The pole of inaccessibility of a polygon to within `precision` (same units as the points).
/// For an empty polygon, the origin.
pub fn pole_of_inaccessibility(poly: &Polygon, precision: f64) -> Point {
    let b = Bbox::of(poly.rings.first().map(|r| r.iter()).into_iter().flatten());
    if b.is_empty() {
        return [0.0, 0.0];
    }
    let size = b.width().min(b.height());
    if size <= 0.0 {
        return b.min;
    }
    let mut h = size / 2.0;
    let mut queue = BinaryHeap::new();
    let mut x = b.min[0];
    while x < b.max[0] {
        let mut y = b.min[1];
        while y < b.max[1] {
            queue.push(Cell::new([x + h, y + h], h, poly));
            y += size;
        }
        x += size;
    }
    let mut best = Cell::new(
        [(b.min[0] + b.max[0]) / 2.0, (b.min[1] + b.max[1]) / 2.0],
        0.0,
        poly,
    );
    while let Some(cell) = queue.pop() {
        if cell.d > best.d {
            best = Cell {
                c: cell.c,
                h: 0.0,
                d: cell.d,
                max: cell.d,
            };
        }
        if cell.max - best.d <= precision {
            continue;
        }
        h = cell.h / 2.0;
        for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
            queue.push(Cell::new([cell.c[0] + dx, cell.c[1] + dy], h, poly));
        }
    }
    best.c
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
