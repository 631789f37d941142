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

/// A whole number of `10^-digits` units written as short as SVG allows: `12.3`, `-.4`, `7`.
fn short(q: i64, digits: u32) -> String {
    let scale = 10i64.pow(digits);
    let (neg, a) = (q < 0, q.abs());
    let (int, frac) = (a / scale, a % scale);
    let mut body = if frac == 0 {
        int.to_string()
    } else {
        let f = format!("{frac:0width$}", width = digits as usize);
        let f = f.trim_end_matches('0');
        if int == 0 {
            format!(".{f}")
        } else {
            format!("{int}.{f}")
        }
    };
    if neg {
        body.insert(0, '-');
    }
    body
}

/// Compact SVG path for a set of polygons: each ring starts with an absolute `M`, then relative
/// `l` steps between coordinates quantised to `digits` decimals (quantised in absolute terms, so
/// no rounding drift accumulates), closed by `z`. Points that quantise onto the previous one are
/// dropped; rings left with fewer than 3 points are skipped.
///
/// ```
/// use geofrag::{path::compact_path, Polygon};
/// let square = Polygon { rings: vec![vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.25], [0.0, 10.0], [0.0, 0.0]]] };
/// assert_eq!(compact_path(&[square], 1), "M0 0l10 0 0 10.3-10-.3z");
/// ```
pub fn compact_path(polygons: &[Polygon], digits: u32) -> String {
    let scale = 10f64.powi(digits as i32);
    let mut out = String::new();
    for ring in polygons.iter().flat_map(|p| p.rings.iter()) {
        let mut q: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
        for p in ring {
            let v = ((p[0] * scale).round() as i64, (p[1] * scale).round() as i64);
            if q.last() != Some(&v) {
                q.push(v);
            }
        }
        while q.len() > 1 && q.first() == q.last() {
            q.pop();
        }
        if q.len() < 3 {
            continue;
        }
        let _ = write!(out, "M{} {}l", short(q[0].0, digits), short(q[0].1, digits));
        for (k, w) in q.windows(2).enumerate() {
            for (j, d) in [w[1].0 - w[0].0, w[1].1 - w[0].1].into_iter().enumerate() {
                let n = short(d, digits);
                if (k > 0 || j > 0) && !n.starts_with('-') {
                    out.push(' ');
                }
                out.push_str(&n);
            }
        }
        out.push('z');
    }
    out
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

    /// The compact form decodes back to the same quantised points as the absolute form.
    #[test]
    fn compact_path_decodes_to_the_absolute_points() {
        let ring: Vec<Point> = (0..50)
            .map(|i| {
                let a = i as f64 * 0.37;
                [500.0 + 300.0 * a.cos(), 400.0 + 200.0 * (1.3 * a).sin()]
            })
            .collect();
        let poly = Polygon { rings: vec![ring] };
        let compact = compact_path(std::slice::from_ref(&poly), 1);
        let absolute = polygons_to_path(&[poly], 1);
        // Decode the compact form: M x y, then relative pairs.
        let body = compact.trim_start_matches('M').trim_end_matches('z');
        let (head, rel) = body.split_once('l').unwrap();
        let nums = |s: &str| -> Vec<f64> {
            let mut out = Vec::new();
            let mut cur = String::new();
            for c in s.chars() {
                if (c == ' ' || c == '-') && !cur.is_empty() {
                    out.push(cur.parse::<f64>().unwrap());
                    cur.clear();
                }
                if c != ' ' {
                    cur.push(c);
                }
            }
            if !cur.is_empty() {
                out.push(cur.parse().unwrap());
            }
            out
        };
        let start = nums(head);
        let mut pts = vec![(start[0], start[1])];
        for d in nums(rel).chunks(2) {
            let (x, y) = *pts.last().unwrap();
            pts.push((x + d[0], y + d[1]));
        }
        let abs: Vec<(f64, f64)> = absolute
            .trim_start_matches('M')
            .trim_end_matches('Z')
            .split('L')
            .map(|p| {
                let (x, y) = p.split_once(' ').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        assert_eq!(pts.len(), abs.len());
        for (a, b) in pts.iter().zip(&abs) {
            assert!(
                (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6,
                "{a:?} vs {b:?}"
            );
        }
        assert!(
            compact.len() < absolute.len(),
            "{} vs {}",
            compact.len(),
            absolute.len()
        );
    }

    #[test]
    fn empty_input_gives_empty_path() {
        assert_eq!(compact_path(&[], 1), "");
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
