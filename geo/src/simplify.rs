//! Simplifying a topology's arcs: Douglas–Peucker (the `geo` crate's) on each arc once, so shared
//! borders stay identical on both sides; then a check that no two segments cross and no ring
//! collapses, refining only the arcs at fault (half the tolerance, then full detail) until none do.
//!
//! Douglas–Peucker rather than Visvalingam because its tolerance is a distance: every dropped point
//! lies within `epsilon` of the simplified line, which is the promise tested ("the outline stays
//! within the tolerance").

use crate::area::ring_signed_area;
use crate::topology::{ArcRef, Topology};
use crate::{Error, Point, Result};
use geo::line_intersection::{line_intersection, LineIntersection};
use geo::{Coord, Line, LineString, Simplify};
use std::collections::{HashMap, HashSet};

/// Simplified arcs (same indices as the input) and the tolerance each one ended with.
#[derive(Debug, Clone, PartialEq)]
pub struct Simplified {
    pub arcs: Vec<Vec<Point>>,
    /// `epsilon`, or less where the arc had to be refined; 0 means every point kept.
    pub tolerance: Vec<f64>,
    /// How many check-and-refine rounds it took (1 when nothing had to be refined).
    pub rounds: usize,
}

/// Simplifies `arcs` to `epsilon` and snaps them to a grid of `grid` units (the precision of the
/// output). `rings` are the rings made of these arcs (to detect collapsed rings).
///
/// ```
/// use geofrag::simplify::simplify_arcs;
/// let zigzag: Vec<[f64; 2]> = (0..=10).map(|i| [i as f64, if i % 2 == 0 { 0.0 } else { 0.1 }]).collect();
/// let s = simplify_arcs(&[zigzag], &[], 0.5, 0.1).unwrap();
/// assert_eq!(s.arcs[0], vec![[0.0, 0.0], [10.0, 0.0]]);
/// ```
pub fn simplify_arcs(
    arcs: &[Vec<Point>],
    rings: &[Vec<ArcRef>],
    epsilon: f64,
    grid: f64,
) -> Result<Simplified> {
    let mut tolerance = vec![epsilon; arcs.len()];
    let original_area: Vec<f64> = rings
        .iter()
        .map(|r| ring_signed_area(&Topology::ring(arcs, r)))
        .collect();
    for rounds in 1.. {
        let out: Vec<Vec<Point>> = arcs
            .iter()
            .zip(&tolerance)
            .map(|(a, &e)| snap(&simplify_one(a, e), grid))
            .collect();
        let mut bad = crossing_arcs(&out);
        for (r, &area) in rings.iter().zip(&original_area) {
            let pts = Topology::ring(&out, r);
            let a = ring_signed_area(&pts);
            if pts.len() < 4 || a.signum() != area.signum() || a.abs() < 0.5 * area.abs() {
                bad.extend(r.iter().map(|&x| (if x < 0 { !x } else { x }) as usize));
            }
        }
        if bad.is_empty() {
            return Ok(Simplified {
                arcs: out,
                tolerance,
                rounds,
            });
        }
        let mut progress = false;
        for i in bad {
            if tolerance[i] > 0.0 {
                tolerance[i] = if tolerance[i] / 2.0 < grid {
                    0.0
                } else {
                    tolerance[i] / 2.0
                };
                progress = true;
            }
        }
        if !progress {
            let first = crossing_arcs(&out).into_iter().next();
            return Err(Error::Topology {
                code: "arcs".into(),
                message: format!(
                    "segments still cross or a ring collapses with every point kept (arc {first:?}); \
                     the grid ({grid}) is too coarse for the input"
                ),
            });
        }
    }
    unreachable!("the loop returns")
}

/// Douglas–Peucker on one arc; a closed arc is split at its point farthest from the start, so
/// both halves keep their ends and the ring cannot collapse to a line.
fn simplify_one(arc: &[Point], epsilon: f64) -> Vec<Point> {
    if epsilon <= 0.0 || arc.len() <= 2 {
        return arc.to_vec();
    }
    let dp = |part: &[Point]| -> Vec<Point> {
        let ls: LineString<f64> = part.iter().map(|p| Coord { x: p[0], y: p[1] }).collect();
        ls.simplify(epsilon).0.iter().map(|c| [c.x, c.y]).collect()
    };
    if arc.first() == arc.last() {
        let s = arc[0];
        let far = (1..arc.len() - 1)
            .max_by(|&i, &j| dist2(arc[i], s).total_cmp(&dist2(arc[j], s)))
            .unwrap_or(1);
        let mut out = dp(&arc[..=far]);
        out.extend(dp(&arc[far..]).into_iter().skip(1));
        out
    } else {
        dp(arc)
    }
}

fn dist2(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

/// Snaps to the output grid, drops points that land on the previous one, and removes the spikes
/// snapping makes of inlets narrower than the grid (`a b a` becomes `a`). The ends are kept.
fn snap(arc: &[Point], grid: f64) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(arc.len());
    for p in arc {
        let q = [(p[0] / grid).round() * grid, (p[1] / grid).round() * grid];
        if out.last() == Some(&q) {
            continue;
        }
        if out.len() >= 2 && out[out.len() - 2] == q {
            out.pop();
            continue;
        }
        out.push(q);
    }
    if out.len() == 1 {
        out.push(out[0]);
    }
    out
}

/// Indices of arcs having a segment that crosses, touches or overlaps another segment anywhere
/// but at a shared end point.
pub fn crossing_arcs(arcs: &[Vec<Point>]) -> HashSet<usize> {
    let segs: Vec<(usize, Point, Point)> = arcs
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.windows(2).map(move |w| (i, w[0], w[1])))
        .filter(|s| s.1 != s.2)
        .collect();
    let mut bad = HashSet::new();
    if segs.is_empty() {
        return bad;
    }
    // A uniform grid of buckets: only segments sharing a bucket are compared.
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for s in &segs {
        for p in [s.1, s.2] {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
    }
    let cells = 96.0;
    let size = ((hi[0] - lo[0]).max(hi[1] - lo[1]) / cells).max(1e-9);
    let cell = |v: f64, k: usize| ((v - lo[k]) / size).floor() as i64;
    let mut buckets: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (n, s) in segs.iter().enumerate() {
        let (x0, x1) = (cell(s.1[0].min(s.2[0]), 0), cell(s.1[0].max(s.2[0]), 0));
        let (y0, y1) = (cell(s.1[1].min(s.2[1]), 1), cell(s.1[1].max(s.2[1]), 1));
        for x in x0..=x1 {
            for y in y0..=y1 {
                buckets.entry((x, y)).or_default().push(n);
            }
        }
    }
    let line = |s: &(usize, Point, Point)| {
        Line::new(
            Coord {
                x: s.1[0],
                y: s.1[1],
            },
            Coord {
                x: s.2[0],
                y: s.2[1],
            },
        )
    };
    for b in buckets.values() {
        for (k, &i) in b.iter().enumerate() {
            for &j in &b[k + 1..] {
                let (s, t) = (&segs[i], &segs[j]);
                let shared = s.1 == t.1 || s.1 == t.2 || s.2 == t.1 || s.2 == t.2;
                // The same segment in two arcs: an inlet narrower than the grid, closed by
                // snapping; its two banks touch along the segment without crossing.
                let same = (s.1 == t.1 && s.2 == t.2) || (s.1 == t.2 && s.2 == t.1);
                let hit = match line_intersection(line(s), line(t)) {
                    None => false,
                    Some(LineIntersection::Collinear { .. }) => !(same && s.0 != t.0),
                    Some(LineIntersection::SinglePoint { .. }) => !shared,
                };
                if hit {
                    bad.insert(s.0);
                    bad.insert(t.0);
                }
            }
        }
    }
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edge cases: empty input, a two-point arc, a closed square.
    #[test]
    fn edge_cases() {
        let s = simplify_arcs(&[], &[], 1.0, 0.1).unwrap();
        assert!(s.arcs.is_empty());
        let two = vec![[0.0, 0.0], [5.0, 5.0]];
        assert_eq!(
            simplify_arcs(std::slice::from_ref(&two), &[], 1.0, 0.1)
                .unwrap()
                .arcs[0],
            two
        );
        let square = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]];
        let s = simplify_arcs(std::slice::from_ref(&square), &[vec![0]], 1.0, 0.1).unwrap();
        assert_eq!(s.arcs[0], square, "a closed ring keeps its corners");
    }

    /// Bug guarded: simplifying one border straight across a neighbouring line would make them
    /// cross; the arc at fault is refined (its bump kept) instead.
    #[test]
    fn refines_arcs_that_would_cross() {
        // A shallow bump (0.5 high) over the end of a border that comes up to 0.3 under it:
        // at tolerance 0.8 the bump's chord (y = 0) would cut that border.
        let bump = vec![[0.0, 0.0], [5.0, 0.5], [10.0, 0.0]];
        let border = vec![[5.0, 0.3], [5.0, -2.0]];
        let s = simplify_arcs(&[bump.clone(), border.clone()], &[], 0.8, 0.1).unwrap();
        assert!(crossing_arcs(&s.arcs).is_empty());
        assert_eq!(s.arcs[0], bump, "the bump is kept");
        assert!(s.tolerance[0] < 0.8 && s.rounds == 2, "{s:?}");
        // Without the border, the bump goes.
        let alone = simplify_arcs(&[bump], &[], 0.8, 0.1).unwrap();
        assert_eq!(alone.arcs[0].len(), 2);
        // Input that crosses already cannot be fixed: an error, not a silent crossing.
        let crossing = vec![[0.0, 1.0], [5.0, -0.5], [10.0, 1.0]];
        assert!(simplify_arcs(&[vec![[0.0, 0.0], [10.0, 0.0]], crossing], &[], 0.8, 0.1).is_err());
    }

    /// Bug guarded: simplifying a thin ring must not flatten it to nothing.
    #[test]
    fn keeps_thin_rings_from_collapsing() {
        let thin = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 0.6], [0.0, 0.6], [0.0, 0.0]];
        let s = simplify_arcs(&[thin], &[vec![0]], 1.0, 0.1).unwrap();
        let a = ring_signed_area(&s.arcs[0]);
        assert!(a.abs() > 3.0, "area {a}, arc {:?}", s.arcs[0]);
        assert!(s.rounds >= 1);
    }

    #[test]
    fn crossing_detection() {
        let x1 = vec![[0.0, 0.0], [2.0, 2.0]];
        let x2 = vec![[0.0, 2.0], [2.0, 0.0]];
        assert_eq!(crossing_arcs(&[x1.clone(), x2]).len(), 2);
        // Sharing an end point is allowed; overlapping along a line is not.
        let touch = vec![[2.0, 2.0], [4.0, 0.0]];
        assert!(crossing_arcs(&[x1.clone(), touch]).is_empty());
        let overlap = vec![[1.0, 1.0], [3.0, 3.0]];
        assert_eq!(crossing_arcs(&[x1, overlap]).len(), 2);
    }
}
