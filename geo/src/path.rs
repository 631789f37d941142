//! SVG path strings with fixed precision (d3-geo's `path/string.js`).

use crate::{Point, Polygon};
use std::fmt::Write;

/// Formats a number with at most `digits` decimals, trailing zeros and `-0` removed.
///
/// ```
/// assert_eq!(geofrag::path::num(12.50, 1), "12.5");
/// assert_eq!(geofrag::path::num(-0.04, 1), "0");
/// assert_eq!(geofrag::path::num(3.0, 2), "3");
/// ```
pub fn num(v: f64, digits: usize) -> String {
    let s = format!("{v:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// One SVG path for a set of polygons (`M…L…Z` per ring, even-odd fill keeps holes).
/// Points that round to the previous one are dropped; rings that collapse below 3 are skipped.
pub fn polygons_to_path(polygons: &[Polygon], digits: usize) -> String {
    let mut out = String::new();
    for ring in polygons.iter().flat_map(|p| p.rings.iter()) {
        write_ring(&mut out, ring, digits);
    }
    out
}

fn write_ring(out: &mut String, ring: &[Point], digits: usize) {
    let mut pts: Vec<(String, String)> = Vec::with_capacity(ring.len());
    // The closing point repeats the first: `Z` draws that segment.
    let open = if ring.len() > 1 && ring.first() == ring.last() {
        &ring[..ring.len() - 1]
    } else {
        ring
    };
    for p in open {
        let q = (num(p[0], digits), num(p[1], digits));
        if pts.last() != Some(&q) {
            pts.push(q);
        }
    }
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        return;
    }
    for (i, (x, y)) in pts.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        let _ = write!(out, "{cmd}{x} {y}");
    }
    out.push('Z');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(offset: f64) -> Polygon {
        let o = offset;
        Polygon {
            rings: vec![vec![
                [o, o],
                [o + 10.0, o],
                [o + 10.0, o + 10.0],
                [o, o + 10.0],
                [o, o],
            ]],
        }
    }

    /// Snapshot: the exact string for a square with a duplicated vertex and a tiny ring.
    #[test]
    fn path_snapshot() {
        let mut p = square(0.04);
        p.rings[0].insert(1, [0.041, 0.04]); // rounds onto its neighbour: dropped
        p.rings
            .push(vec![[1.0, 1.0], [1.01, 1.0], [1.0, 1.01], [1.0, 1.0]]); // collapses: skipped
        assert_eq!(polygons_to_path(&[p], 1), "M0 0L10 0L10 10L0 10Z");
        assert_eq!(
            polygons_to_path(&[square(0.25)], 2),
            "M0.25 0.25L10.25 0.25L10.25 10.25L0.25 10.25Z"
        );
    }

    #[test]
    fn empty_input_gives_empty_path() {
        assert_eq!(polygons_to_path(&[], 1), "");
        assert_eq!(
            polygons_to_path(
                &[Polygon {
                    rings: vec![vec![]]
                }],
                1
            ),
            ""
        );
    }
}
