//! Peer regions (OECD Regional Well-Being's "regions with similar profiles"): the three regions
//! closest to a region on its fragility profile, and the three closest in structure.
//!
//! - **Profile**: root mean square of the gaps between the two regions' domain indices, over
//!   the domains both have (index points).
//! - **Structure**: density, share of people aged 65 or over and GDP per inhabitant, each as a
//!   z-score over the 13 regions (so that none weighs by its unit), Euclidean distance.

use datafrag::model::Dataset;

/// A peer: its code, its name and its distance.
#[derive(Debug, Clone, PartialEq)]
pub struct Peer {
    pub code: String,
    pub name: String,
    pub distance: f64,
}

/// The structure's three measures: (where, id).
pub const STRUCTURE: [(&str, &str); 3] = [
    ("profile", "density"),
    ("indicator", "part_65_plus"),
    ("indicator", "pib_habitant"),
];

fn closest(ds: &Dataset, k: usize, dist: impl Fn(usize) -> Option<f64>) -> Vec<Peer> {
    let mut all: Vec<Peer> = (0..ds.regions.len())
        .filter(|j| *j != k)
        .filter_map(|j| {
            Some(Peer {
                code: ds.regions[j].code.clone(),
                name: ds.regions[j].name.clone(),
                distance: dist(j)?,
            })
        })
        .collect();
    all.sort_by(|a, b| a.distance.total_cmp(&b.distance).then(a.code.cmp(&b.code)));
    all.truncate(3);
    all
}

/// The three regions closest to region `k` on the domains' indices.
pub fn profile_peers(ds: &Dataset, k: usize) -> Vec<Peer> {
    closest(ds, k, |j| {
        let gaps: Vec<f64> = ds
            .domains
            .iter()
            .filter_map(|d| Some((d.index[k]? - d.index[j]?).powi(2)))
            .collect();
        (!gaps.is_empty()).then(|| (gaps.iter().sum::<f64>() / gaps.len() as f64).sqrt())
    })
}

/// Values of the structure's measures for the 13 regions, as z-scores.
fn structure(ds: &Dataset) -> Vec<Vec<Option<f64>>> {
    STRUCTURE
        .iter()
        .map(|(kind, id)| {
            let v: Vec<Option<f64>> = match *kind {
                "profile" => ds
                    .profiles
                    .iter()
                    .find(|p| p.id == *id)
                    .map(|p| p.values.clone()),
                _ => super::indicator(ds, id).map(|i| i.values.clone()),
            }
            .unwrap_or_else(|| vec![None; ds.regions.len()]);
            let present: Vec<f64> = v.iter().flatten().copied().collect();
            let n = present.len() as f64;
            let mean = present.iter().sum::<f64>() / n.max(1.0);
            let sd = (present.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n.max(1.0)).sqrt();
            v.iter()
                .map(|x| x.filter(|_| sd > 0.0).map(|x| (x - mean) / sd))
                .collect()
        })
        .collect()
}

/// The three regions closest to region `k` in structure.
pub fn structure_peers(ds: &Dataset, k: usize) -> Vec<Peer> {
    let z = structure(ds);
    closest(ds, k, |j| {
        let mut sum = 0.0;
        for m in &z {
            sum += (m[k]? - m[j]?).powi(2);
        }
        Some(sum.sqrt())
    })
}

/// The regions sharing a border with region `k` (the longest border first, from the map's
/// topology), and the comparison "with my neighbours": the region and as many of them as the
/// comparison holds (the longest borders first).
pub fn neighbours(ds: &Dataset, k: usize) -> (Vec<Peer>, Vec<String>) {
    let all: Vec<Peer> = ds.regions[k]
        .neighbours
        .iter()
        .filter_map(|c| {
            let r = ds.regions.iter().find(|r| &r.code == c)?;
            Some(Peer {
                code: r.code.clone(),
                name: r.name.clone(),
                distance: 0.0,
            })
        })
        .collect();
    let most = *crate::model::COMPARED.end();
    let compare = std::iter::once(ds.regions[k].code.clone())
        .chain(all.iter().take(most - 1).map(|p| p.code.clone()))
        .collect::<Vec<_>>();
    (all, if compare.len() >= 2 { compare } else { vec![] })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A region's profile peer is the one whose indices are nearest; a region identical to it
    /// is at distance 0 and comes first; a region without any index is no one's peer.
    #[test]
    fn the_nearest_profile_comes_first() {
        let mut ds = crate::state::fixture::dataset();
        for d in ds.domains.iter_mut() {
            d.index[1] = d.index[0];
            d.index[2] = None;
        }
        let p = profile_peers(&ds, 0);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].code.as_str(), p[0].distance),
            (ds.regions[1].code.as_str(), 0.0)
        );
    }

    /// "Comparer avec mes voisines" takes the region first and at most three neighbours (the
    /// comparison holds four), the longest borders first; an island has no comparison.
    #[test]
    fn neighbours_fill_the_comparison_longest_border_first() {
        let mut ds = crate::state::fixture::dataset();
        let codes = |v: &[&str]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        ds.regions[0].neighbours = codes(&["94", "76", "11", "24"]);
        ds.regions.push(datafrag::model::Area {
            code: "11".into(),
            name: "Île".into(),
            neighbours: vec![],
        });
        let (all, compare) = neighbours(&ds, 0);
        // "24" is not in the dataset: left out, not shown as a code.
        assert_eq!(
            all.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Corse", "Bêta", "Île"]
        );
        assert_eq!(compare, codes(&["75", "94", "76", "11"]));
        ds.regions[0].neighbours = codes(&["94", "76", "11", "94"]);
        assert_eq!(neighbours(&ds, 0).1.len(), 4, "never more than four");
        let (none, compare) = neighbours(&ds, 1);
        assert!(none.is_empty() && compare.is_empty());
    }

    /// On the committed dataset: three peers each, never the region itself, nearest first.
    #[test]
    fn every_region_has_three_peers_of_each_kind() {
        let ds: Dataset = serde_json::from_str(include_str!("../../../assets/data/dataset.json"))
            .expect("dataset");
        for k in 0..ds.regions.len() {
            for p in [profile_peers(&ds, k), structure_peers(&ds, k)] {
                assert_eq!(p.len(), 3);
                assert!(p.iter().all(|x| x.code != ds.regions[k].code));
                assert!(p.windows(2).all(|w| w[0].distance <= w[1].distance));
            }
        }
        // Île-de-France, the densest and richest, stands furthest from its nearest peer in structure
        let idf = ds.regions.iter().position(|r| r.code == "11").unwrap();
        let far = structure_peers(&ds, idf)[0].distance;
        let others: f64 = (0..ds.regions.len())
            .filter(|k| *k != idf)
            .map(|k| structure_peers(&ds, k)[0].distance)
            .fold(0.0, f64::max);
        assert!(
            far > others,
            "Île-de-France's nearest is {far}, the others' at most {others}"
        );
    }
}
