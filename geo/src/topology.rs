//! Topology: rings cut into arcs that neighbours share (TopoJSON's join → cut → dedup), so a
//! border between two areas is stored — and later simplified — once, and both sides stay the same
//! line. Dissolving (départements → regions) keeps the same arcs, so the coarser layer nests
//! exactly in the finer one.

use crate::area::ring_signed_area;
use crate::label::contains;
use crate::{Error, Feature, Point, Polygon, Result};
use std::collections::{HashMap, HashSet};

/// A point on the integer grid the topology is built on.
pub type Q = [i64; 2];

/// A reference to an arc: `i` is arc `i` as stored, `!i` (that is `-i - 1`) is arc `i` reversed.
pub type ArcRef = i32;

/// A feature as rings of arc references: polygons → rings (outer first, then holes) → arcs.
#[derive(Debug, Clone, PartialEq)]
pub struct TopoFeature {
    pub code: String,
    pub name: String,
    pub polygons: Vec<Vec<Vec<ArcRef>>>,
}

/// Arcs and the features that reference them.
#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// Every arc has at least two points; a closed arc (an island, an enclave) ends where it starts.
    pub arcs: Vec<Vec<Q>>,
    pub features: Vec<TopoFeature>,
    /// Size of one grid step in input units (degrees for GeoJSON).
    pub quantum: f64,
    /// Whether outer rings are counter-clockwise (positive area) in the input; holes are the other way.
    pub outer_ccw: bool,
}

fn arc_index(r: ArcRef) -> usize {
    (if r < 0 { !r } else { r }) as usize
}

impl Topology {
    /// Builds the topology of `features`, snapping every point to a grid of `quantum` (points that
    /// neighbours share must land on the same grid point: 1e-5° for files rounded to 5 decimals).
    ///
    /// ```
    /// use geofrag::{topology::Topology, Feature, Polygon};
    /// let sq = |x: f64| Polygon { rings: vec![vec![[x, 0.0], [x + 1.0, 0.0], [x + 1.0, 1.0], [x, 1.0], [x, 0.0]]] };
    /// let f = |c: &str, x| Feature { code: c.into(), name: c.into(), polygons: vec![sq(x)] };
    /// let t = Topology::build(&[f("a", 0.0), f("b", 1.0)], 1e-5);
    /// // two squares side by side: the common side is one arc, used by both
    /// assert_eq!(t.arcs.len(), 3);
    /// assert_eq!(t.use_counts().iter().filter(|&&n| n == 2).count(), 1);
    /// ```
    pub fn build(features: &[Feature], quantum: f64) -> Topology {
        let snap = |p: &Point| {
            [
                (p[0] / quantum).round() as i64,
                (p[1] / quantum).round() as i64,
            ]
        };
        // Rings as open cycles on the grid: consecutive duplicates and the closing point removed.
        let rings: Vec<Vec<Vec<Vec<Q>>>> = features
            .iter()
            .map(|f| {
                f.polygons
                    .iter()
                    .map(|p| {
                        p.rings
                            .iter()
                            .map(|r| open_cycle(r.iter().map(snap)))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut ccw = 0i64;
        for poly in rings.iter().flatten() {
            if let Some(outer) = poly.first().filter(|r| r.len() >= 3) {
                ccw += if signed_area_q(outer) > 0.0 { 1 } else { -1 };
            }
        }
        let junctions = junctions(rings.iter().flatten().flatten());
        let mut arcs: Vec<Vec<Q>> = Vec::new();
        let mut index: HashMap<Vec<Q>, ArcRef> = HashMap::new();
        let mut intern = |arc: Vec<Q>| -> ArcRef {
            if let Some(&r) = index.get(&arc) {
                return r;
            }
            let reversed: Vec<Q> = arc.iter().rev().copied().collect();
            if let Some(&r) = index.get(&reversed) {
                return !r;
            }
            let r = arcs.len() as ArcRef;
            index.insert(arc.clone(), r);
            arcs.push(arc);
            r
        };
        let features = features
            .iter()
            .zip(&rings)
            .map(|(f, polys)| TopoFeature {
                code: f.code.clone(),
                name: f.name.clone(),
                polygons: polys
                    .iter()
                    .map(|p| {
                        p.iter()
                            .filter(|r| r.len() >= 3)
                            .map(|r| cut(r, &junctions).into_iter().map(&mut intern).collect())
                            .collect::<Vec<Vec<ArcRef>>>()
                    })
                    .filter(|p| !p.is_empty())
                    .collect(),
            })
            .collect();
        Topology {
            arcs,
            features,
            quantum,
            outer_ccw: ccw >= 0,
        }
    }

    /// How many ring references each arc has: 1 on a coast or frontier, 2 on a shared border.
    pub fn use_counts(&self) -> Vec<u32> {
        let mut n = vec![0; self.arcs.len()];
        for r in self.all_refs() {
            n[arc_index(r)] += 1;
        }
        n
    }

    fn all_refs(&self) -> impl Iterator<Item = ArcRef> + '_ {
        self.features
            .iter()
            .flat_map(|f| f.polygons.iter().flatten().flatten().copied())
    }

    /// The points of an arc reference, in its direction.
    pub fn arc_points<'a, P: Copy>(
        arcs: &'a [Vec<P>],
        r: ArcRef,
    ) -> Box<dyn Iterator<Item = P> + 'a> {
        let a = &arcs[arc_index(r)];
        if r < 0 {
            Box::new(a.iter().rev().copied())
        } else {
            Box::new(a.iter().copied())
        }
    }

    /// A ring's closed point sequence, built from `arcs` (the grid arcs, or projected and
    /// simplified ones with the same indices). Spikes (`a b a`, an inlet whose two banks are
    /// different arcs snapped onto each other) are removed.
    pub fn ring<P: Copy + PartialEq>(arcs: &[Vec<P>], ring: &[ArcRef]) -> Vec<P> {
        let mut out: Vec<P> = Vec::new();
        for &r in ring {
            for p in Self::arc_points(arcs, r) {
                if out.last() == Some(&p) {
                    continue;
                }
                if out.len() >= 2 && out[out.len() - 2] == p {
                    out.pop();
                    continue;
                }
                out.push(p);
            }
        }
        // A spike across the closing point.
        while out.len() >= 4 && out[1] == out[out.len() - 2] {
            out.pop();
            out.remove(0);
            let first = out[0];
            if out.last() != Some(&first) {
                out.push(first);
            }
        }
        out
    }

    /// The polygons of a feature from float arcs. Rings whose absolute area is below `min_area`
    /// are left out (an outer ring with its holes).
    pub fn polygons(arcs: &[Vec<Point>], f: &TopoFeature, min_area: f64) -> Vec<Polygon> {
        f.polygons
            .iter()
            .filter_map(|p| {
                let rings: Vec<Vec<Point>> = p
                    .iter()
                    .map(|r| Self::ring(arcs, r))
                    .filter(|r| r.len() >= 4 && ring_signed_area(r).abs() >= min_area)
                    .collect();
                // The outer ring comes first; if it went, so do its holes.
                let outer_kept = p
                    .first()
                    .map(|r| Self::ring(arcs, r))
                    .is_some_and(|r| r.len() >= 4 && ring_signed_area(&r).abs() >= min_area);
                outer_kept.then_some(Polygon { rings })
            })
            .collect()
    }

    /// Merges features into groups (`group` gives each feature its group's code and name): arcs
    /// inside a group disappear, the rest are chained into rings again. The arcs are the same
    /// ones, so the merged layer nests exactly in this one whatever is done to the arcs later.
    pub fn dissolve(&self, group: impl Fn(&TopoFeature) -> (String, String)) -> Result<Topology> {
        let mut groups: Vec<(String, String, Vec<ArcRef>)> = Vec::new();
        for f in &self.features {
            let (code, name) = group(f);
            let refs = f.polygons.iter().flatten().flatten().copied();
            match groups.iter_mut().find(|g| g.0 == code) {
                Some(g) => g.2.extend(refs),
                None => groups.push((code, name, refs.collect())),
            }
        }
        let features = groups
            .into_iter()
            .map(|(code, name, refs)| {
                let polygons = self.merge(&code, &refs)?;
                Ok(TopoFeature {
                    code,
                    name,
                    polygons,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Topology {
            arcs: self.arcs.clone(),
            features,
            quantum: self.quantum,
            outer_ccw: self.outer_ccw,
        })
    }

    fn merge(&self, code: &str, refs: &[ArcRef]) -> Result<Vec<Vec<Vec<ArcRef>>>> {
        let mut count: HashMap<usize, u32> = HashMap::new();
        for &r in refs {
            *count.entry(arc_index(r)).or_default() += 1;
        }
        let outside: Vec<ArcRef> = refs
            .iter()
            .copied()
            .filter(|&r| count[&arc_index(r)] == 1)
            .collect();
        let start = |r: ArcRef| Self::arc_points(&self.arcs, r).next().expect("arc");
        let end = |r: ArcRef| Self::arc_points(&self.arcs, r).last().expect("arc");
        let mut from: HashMap<Q, Vec<usize>> = HashMap::new();
        for (i, &r) in outside.iter().enumerate() {
            from.entry(start(r)).or_default().push(i);
        }
        let mut used = vec![false; outside.len()];
        let mut rings: Vec<Vec<ArcRef>> = Vec::new();
        for i in 0..outside.len() {
            if used[i] {
                continue;
            }
            used[i] = true;
            let first = start(outside[i]);
            let mut ring = vec![outside[i]];
            let mut at = end(outside[i]);
            while at != first {
                let next = from
                    .get(&at)
                    .and_then(|c| c.iter().copied().find(|&j| !used[j]))
                    .ok_or_else(|| Error::Topology {
                        code: code.to_string(),
                        message: format!("the merged outline is open at grid point {at:?}"),
                    })?;
                used[next] = true;
                ring.push(outside[next]);
                at = end(outside[next]);
            }
            rings.push(ring);
        }
        // Outer rings keep the input's winding, holes the other one; each hole goes to the
        // smallest outer ring that contains it.
        let pts: Vec<Vec<Point>> = rings
            .iter()
            .map(|r| {
                Self::ring(&self.arcs, r)
                    .iter()
                    .map(|q| [q[0] as f64, q[1] as f64])
                    .collect()
            })
            .collect();
        let is_outer = |k: usize| (ring_signed_area(&pts[k]) > 0.0) == self.outer_ccw;
        let mut polygons: Vec<(usize, Vec<Vec<ArcRef>>)> = (0..rings.len())
            .filter(|&k| is_outer(k))
            .map(|k| (k, vec![rings[k].clone()]))
            .collect();
        for k in (0..rings.len()).filter(|&k| !is_outer(k)) {
            let inside = polygons
                .iter_mut()
                .filter(|(o, _)| {
                    let ring = Polygon {
                        rings: vec![pts[*o].clone()],
                    };
                    contains(&ring, pts[k][0])
                })
                .min_by(|a, b| {
                    ring_signed_area(&pts[a.0])
                        .abs()
                        .total_cmp(&ring_signed_area(&pts[b.0]).abs())
                });
            match inside {
                Some((_, p)) => p.push(rings[k].clone()),
                None => {
                    return Err(Error::Topology {
                        code: code.to_string(),
                        message: "a hole of the merged outline lies in no outer ring".into(),
                    })
                }
            }
        }
        Ok(polygons.into_iter().map(|(_, p)| p).collect())
    }

    /// The borders: each pair of features `(a, b)`, `a < b`, that share at least one arc, with the
    /// arcs they share — a border, not a single point (two areas meeting at a corner share no
    /// arc), in pair order.
    ///
    /// ```
    /// use geofrag::{topology::Topology, Feature, Polygon};
    /// let sq = |x: f64, y: f64| Polygon { rings: vec![vec![[x, y], [x + 1.0, y], [x + 1.0, y + 1.0], [x, y + 1.0], [x, y]]] };
    /// let f = |c: &str, x, y| Feature { code: c.into(), name: c.into(), polygons: vec![sq(x, y)] };
    /// // a | b side by side, c touching b only at a corner
    /// let t = Topology::build(&[f("a", 0.0, 0.0), f("b", 1.0, 0.0), f("c", 2.0, 1.0)], 1e-5);
    /// let b = t.borders();
    /// assert_eq!(b.len(), 1);
    /// assert_eq!(b[0].0, (0, 1));
    /// ```
    pub fn borders(&self) -> Vec<((usize, usize), Vec<usize>)> {
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); self.arcs.len()];
        for (k, f) in self.features.iter().enumerate() {
            for &r in f.polygons.iter().flatten().flatten() {
                let u = &mut users[arc_index(r)];
                if !u.contains(&k) {
                    u.push(k);
                }
            }
        }
        let mut pairs: std::collections::BTreeMap<(usize, usize), Vec<usize>> = Default::default();
        for (arc, u) in users.iter().enumerate() {
            for (i, &a) in u.iter().enumerate() {
                for &b in &u[i + 1..] {
                    pairs.entry((a.min(b), a.max(b))).or_default().push(arc);
                }
            }
        }
        pairs.into_iter().collect()
    }

    /// Every arc converted to floats through `f` (grid → degrees → projection → screen).
    pub fn map_arcs(&self, f: impl Fn(Point) -> Point) -> Vec<Vec<Point>> {
        self.arcs
            .iter()
            .map(|a| {
                a.iter()
                    .map(|q| f([q[0] as f64 * self.quantum, q[1] as f64 * self.quantum]))
                    .collect()
            })
            .collect()
    }
}

/// Grid points of a ring as an open cycle: consecutive repeats and the closing point removed.
fn open_cycle(points: impl Iterator<Item = Q>) -> Vec<Q> {
    let mut out: Vec<Q> = Vec::new();
    for q in points {
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

fn signed_area_q(ring: &[Q]) -> f64 {
    let pts: Vec<Point> = ring.iter().map(|q| [q[0] as f64, q[1] as f64]).collect();
    ring_signed_area(&pts)
}

/// Points where rings meet with different neighbours: the ends of shared borders.
fn junctions<'a>(rings: impl Iterator<Item = &'a Vec<Q>>) -> HashSet<Q> {
    let mut seen: HashMap<Q, (Q, Q)> = HashMap::new();
    let mut out = HashSet::new();
    for r in rings {
        let n = r.len();
        if n < 3 {
            continue;
        }
        for i in 0..n {
            let (prev, p, next) = (r[(i + n - 1) % n], r[i], r[(i + 1) % n]);
            match seen.get(&p) {
                None => {
                    seen.insert(p, (prev, next));
                }
                Some(&(a, b)) => {
                    if !((a == prev && b == next) || (a == next && b == prev)) {
                        out.insert(p);
                    }
                }
            }
        }
    }
    out
}

/// Cuts an open-cycle ring at its junctions; a ring without any is one closed arc, rotated to
/// start at its smallest point so that the same ring met twice (an enclave) is recognised.
fn cut(ring: &[Q], junctions: &HashSet<Q>) -> Vec<Vec<Q>> {
    let n = ring.len();
    let cuts: Vec<usize> = (0..n).filter(|&i| junctions.contains(&ring[i])).collect();
    if cuts.is_empty() {
        let s = (0..n).min_by_key(|&i| ring[i]).expect("non-empty ring");
        let mut arc: Vec<Q> = (0..=n).map(|k| ring[(s + k) % n]).collect();
        arc.shrink_to_fit();
        return vec![arc];
    }
    let mut out = Vec::with_capacity(cuts.len());
    for (k, &a) in cuts.iter().enumerate() {
        let b = cuts.get(k + 1).copied().unwrap_or(cuts[0] + n);
        out.push((a..=b).map(|i| ring[i % n]).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(code: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> Feature {
        Feature {
            code: code.into(),
            name: code.into(),
            polygons: vec![Polygon {
                rings: vec![vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
            }],
        }
    }

    /// Promise: a border shared by two features is one arc, seen in opposite directions.
    #[test]
    fn shared_border_is_one_arc_used_twice() {
        let t = Topology::build(&[rect("a", 0., 0., 1., 1.), rect("b", 1., 0., 2., 1.)], 1.0);
        let counts = t.use_counts();
        assert_eq!(counts.iter().filter(|&&n| n == 2).count(), 1);
        let shared = counts.iter().position(|&n| n == 2).unwrap() as ArcRef;
        let uses: Vec<ArcRef> = t
            .all_refs()
            .filter(|&r| arc_index(r) == shared as usize)
            .collect();
        assert_eq!(uses.len(), 2);
        assert!((uses[0] < 0) != (uses[1] < 0), "{uses:?}");
        // Rings rebuilt from arcs are the input rings.
        for f in &t.features {
            assert_eq!(Topology::ring(&t.arcs, &f.polygons[0][0]).len(), 5);
        }
    }

    /// Promise: an enclave (a ring met twice, with different start points) is one closed arc.
    #[test]
    fn enclave_is_one_closed_arc() {
        let mut outer = rect("a", 0., 0., 10., 10.);
        outer.polygons[0]
            .rings
            .push(vec![[4., 6.], [6., 6.], [6., 4.], [4., 4.], [4., 6.]]);
        let inner = rect("b", 4., 4., 6., 6.);
        let t = Topology::build(&[outer, inner], 1.0);
        assert_eq!(t.arcs.len(), 2);
        assert_eq!(t.use_counts(), vec![1, 2]);
    }

    /// Promise: dissolving keeps the outside arcs, drops the inner ones, and finds holes.
    #[test]
    fn dissolve_merges_and_keeps_holes() {
        // A 3×1 strip split in three, plus an enclave of another group inside the middle one.
        let mut mid = rect("m", 1., 0., 2., 3.);
        mid.polygons[0].rings.push(vec![
            [1.2, 1.2],
            [1.2, 1.8],
            [1.8, 1.8],
            [1.8, 1.2],
            [1.2, 1.2],
        ]);
        let feats = [
            rect("l", 0., 0., 1., 3.),
            mid,
            rect("r", 2., 0., 3., 3.),
            rect("e", 1.2, 1.2, 1.8, 1.8),
        ];
        let t = Topology::build(&feats, 0.1);
        let g = t
            .dissolve(|f| {
                let c = if f.code == "e" { "E" } else { "S" };
                (c.into(), c.into())
            })
            .unwrap();
        assert_eq!(g.features.len(), 2);
        let s = &g.features[0];
        assert_eq!(s.polygons.len(), 1);
        assert_eq!(s.polygons[0].len(), 2, "outer ring and the enclave's hole");
        let outer = Topology::ring(&g.arcs, &s.polygons[0][0]);
        let xs: Vec<i64> = outer.iter().map(|q| q[0]).collect();
        assert_eq!((xs.iter().min(), xs.iter().max()), (Some(&0), Some(&30)));
        // Four corners and the four ends of the inner borders, closed: the inner borders are gone.
        assert_eq!(outer.len(), 9, "{outer:?}");
    }

    #[test]
    fn empty_input_is_an_empty_topology() {
        let t = Topology::build(&[], 1.0);
        assert!(t.arcs.is_empty() && t.features.is_empty());
        assert!(t
            .dissolve(|f| (f.code.clone(), f.name.clone()))
            .unwrap()
            .features
            .is_empty());
    }
}
