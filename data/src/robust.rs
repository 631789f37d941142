//! Robust ranks: how far a region's rank depends on the choices behind a composite.
//!
//! A domain's published index is one analyst's choice: ratio to France, equal weights, an
//! arithmetic mean. The OECD/JRC *Handbook on Constructing Composite Indicators* (2008, step 7)
//! asks a serious composite to show what other reasonable choices would give. Each draw of this
//! Monte Carlo picks, with a seeded generator:
//! - a **normalisation** for every indicator: ratio to the reference (the published index),
//!   z-score over the 13 regions, min–max over the 13, or rank among the 13 — each oriented so
//!   that higher means more fragile;
//! - an **aggregation**: arithmetic or geometric mean (for the geometric mean a normalised
//!   indicator whose minimum is below 1 is shifted so that its minimum is 1);
//! - **weights**: each indicator's and each domain's weight multiplied by a factor drawn
//!   uniformly in [1 − 25 %, 1 + 25 %] (domains' weights are the user's, 1 by default).
//!
//! Every domain's composite and the overall one (weighted mean of the domains' composites,
//! geometric of geometric) are ranked in each draw (1 = most fragile, ties share a rank). A
//! region's rank is then its median rank over the draws, with the 5th and 95th percentiles.

use crate::index::{indices, ranks, weighted_index};
use crate::model::{Dataset, IndexRule, OverallOut, Polarity};
use serde::{Deserialize, Serialize};

/// Draws in the published figures.
pub const DRAWS: u32 = 10_000;
/// The seed of the published figures: the same seed gives the same ranges.
pub const SEED: u64 = 2026;
/// Half-width of the weight perturbation.
pub const NOISE: f64 = 0.25;

/// A rank with its spread: `[median, 5th percentile, 95th percentile]` (1 = most fragile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankRange(pub u8, pub u8, pub u8);

impl RankRange {
    pub fn median(self) -> u8 {
        self.0
    }
    /// The best (most fragile) rank of the range.
    pub fn low(self) -> u8 {
        self.1
    }
    pub fn high(self) -> u8 {
        self.2
    }
    /// The range crosses the middle of the table of `n`: the region could sit among the more
    /// fragile half or among the less fragile one ("position incertaine").
    ///
    /// ```
    /// use datafrag::robust::RankRange;
    /// assert!(RankRange(7, 4, 10).uncertain(13));
    /// assert!(!RankRange(3, 2, 5).uncertain(13));
    /// assert!(!RankRange(7, 7, 7).uncertain(13));
    /// ```
    pub fn uncertain(self, n: usize) -> bool {
        let middle = (n as f64 + 1.0) / 2.0;
        f64::from(self.1) < middle && f64::from(self.2) > middle
    }
}

/// One indicator as the draws see it.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// Position of its domain in the composites.
    pub domain: usize,
    pub values: &'a [Option<f64>],
    /// The reference the ratio is taken to (France by default).
    pub reference: Option<f64>,
    pub polarity: Polarity,
    pub rule: IndexRule,
}

/// The ranges of every domain's composite (`None` for a region without any value, and for a
/// domain without indicator) and of the overall composite.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranges {
    pub domains: Vec<Vec<Option<RankRange>>>,
    pub overall: Vec<Option<RankRange>>,
}

/// SplitMix64: small, seeded, the same on every platform.
struct Rng(u64);

impl Rng {
    #[inline(always)]
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    #[inline(always)]
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    #[inline(always)]
    fn factor(&mut self) -> f64 {
        1.0 + NOISE * (2.0 * self.unit() - 1.0)
    }
}

/// The four normalisations of one indicator, oriented (higher = more fragile).
fn normalisations(i: &Input) -> [Vec<Option<f64>>; 4] {
    let s = i.polarity.sign();
    let present: Vec<f64> = i.values.iter().flatten().map(|v| s * v).collect();
    let n = present.len() as f64;
    let none = || vec![None; i.values.len()];
    let ratio = indices(i.values, i.reference, i.polarity, i.rule);
    if present.len() < 2 {
        return [ratio, none(), none(), none()];
    }
    let mean = present.iter().sum::<f64>() / n;
    let sd = (present.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    let (min, max) = present
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let oriented = |f: &dyn Fn(f64) -> f64| -> Vec<Option<f64>> {
        i.values.iter().map(|v| v.map(|v| f(s * v))).collect()
    };
    let z = if sd > 0.0 {
        oriented(&|v| (v - mean) / sd)
    } else {
        none()
    };
    let minmax = if max > min {
        oriented(&|v| (v - min) / (max - min))
    } else {
        none()
    };
    let rank = oriented(&|v| 1.0 + present.iter().filter(|o| **o < v).count() as f64);
    [ratio, z, minmax, rank]
}

/// Natural logs after shifting the minimum to 1 when it is below (for the geometric mean).
fn logs(v: &[Option<f64>]) -> Vec<Option<f64>> {
    let min = v.iter().flatten().fold(f64::MAX, |a, b| a.min(*b));
    let shift = if min < 1.0 { 1.0 - min } else { 0.0 };
    v.iter().map(|x| x.map(|x| (x + shift).ln())).collect()
}

/// Competition ranks of `scores` (NaN = no value) added to `hist[k * n + rank - 1]`: a
/// region's rank is 1 + the number of regions scoring strictly higher (ties share a rank).
/// No allocation and no sort (this runs 10 000 draws × 17 composites): for 13 regions a sort
/// by insertion on the stack measured no faster than these 169 comparisons.
fn count_ranks(scores: &[f64], hist: &mut [u32]) {
    let n = scores.len();
    for (k, &s) in scores.iter().enumerate() {
        if s.is_nan() {
            continue;
        }
        let mut above = 0;
        for o in scores {
            above += usize::from(*o > s);
        }
        hist[k * n + above] += 1;
    }
}

/// The nearest-rank percentile `p` of a rank histogram.
fn percentile(hist: &[u32], total: u32, p: f64) -> u8 {
    let target = (p * f64::from(total)).ceil().max(1.0) as u32;
    let mut cum = 0;
    for (r, c) in hist.iter().enumerate() {
        cum += c;
        if cum >= target {
            return (r + 1) as u8;
        }
    }
    hist.len() as u8
}

fn ranges(hist: &[u32], n: usize) -> Vec<Option<RankRange>> {
    hist.chunks(n.max(1))
        .map(|h| {
            let total: u32 = h.iter().sum();
            (total > 0).then(|| {
                RankRange(
                    percentile(h, total, 0.5),
                    percentile(h, total, 0.05),
                    percentile(h, total, 0.95),
                )
            })
        })
        .collect()
}

/// One aggregation's tables, `[normalisation][indicator * n + region]` after `f` (the logs for
/// the geometric mean), NaN where there is no value.
fn flat_tables(
    normalised: &[[Vec<Option<f64>>; 4]],
    f: fn(&[Option<f64>]) -> Vec<Option<f64>>,
) -> [Vec<f64>; 4] {
    std::array::from_fn(|norm| {
        normalised
            .iter()
            .flat_map(|t| f(&t[norm]))
            .map(|v| v.unwrap_or(f64::NAN))
            .collect()
    })
}

/// The Monte Carlo (see the module's doc) over `inputs`, for `weights.len()` domains (the
/// user's weights, 0 leaves a domain out of the overall composite) and `n` regions.
///
/// ```
/// use datafrag::{model::{IndexRule, Polarity}, robust::{robust_ranks, Input, RankRange}};
/// let a = [Some(3.0), Some(2.0), Some(1.0)];
/// let b = [Some(30.0), Some(20.0), Some(10.0)];
/// let input = |values| Input { domain: 0, values, reference: Some(2.0), polarity: Polarity::HigherIsFragile, rule: IndexRule::Ratio };
/// let r = robust_ranks(&[input(&a[..]), input(&b[..])], &[1.0], 3, 500, 1);
/// assert_eq!(r.domains[0][0], Some(RankRange(1, 1, 1)));
/// assert_eq!(r.overall[2], Some(RankRange(3, 3, 3)));
/// ```
pub fn robust_ranks(inputs: &[Input], weights: &[f64], n: usize, draws: u32, seed: u64) -> Ranges {
    let n_domains = weights.len();
    // tables[aggregation][normalisation][indicator * n + region], NaN where there is no value:
    // flat, so that a draw reads contiguous numbers.
    let normalised: Vec<[Vec<Option<f64>>; 4]> = inputs.iter().map(normalisations).collect();
    let tables = [
        flat_tables(&normalised, |v| v.to_vec()),
        flat_tables(&normalised, logs),
    ];
    let members: Vec<Vec<usize>> = (0..n_domains)
        .map(|d| {
            (0..inputs.len())
                .filter(|j| inputs[*j].domain == d)
                .collect()
        })
        .collect();
    let in_overall: Vec<usize> = (0..n_domains)
        .filter(|d| !members[*d].is_empty() && weights[*d] > 0.0)
        .collect();
    // hist[composite][region * n + rank - 1], the overall composite last
    let mut hist = vec![vec![0u32; n * n]; n_domains + 1];
    let mut rng = Rng(seed);
    let mut domain_scores = vec![f64::NAN; n_domains * n];
    let mut overall = vec![f64::NAN; n];
    let mut iw = vec![0.0; inputs.len()];
    let mut dw = vec![0.0; n_domains];
    let (mut sum, mut wsum) = (vec![0.0; n], vec![0.0; n]);
    for _ in 0..draws {
        let norm = (rng.next() % 4) as usize;
        let table = &tables[usize::from(!rng.next().is_multiple_of(2))][norm];
        for w in iw.iter_mut() {
            *w = rng.factor();
        }
        for (d, w) in dw.iter_mut().enumerate() {
            *w = weights[d] * rng.factor();
        }
        for (d, m) in members.iter().enumerate() {
            if m.is_empty() {
                continue;
            }
            // Indicator by indicator over contiguous rows; each region's sum still adds its
            // indicators in the same order, so the figures are those of a plain double loop.
            sum.fill(0.0);
            wsum.fill(0.0);
            for &j in m {
                let wj = iw[j];
                for ((x, s), w) in table[j * n..(j + 1) * n]
                    .iter()
                    .zip(&mut sum)
                    .zip(&mut wsum)
                {
                    if !x.is_nan() {
                        *s += x * wj;
                        *w += wj;
                    }
                }
            }
            let scores = &mut domain_scores[d * n..(d + 1) * n];
            for ((o, s), w) in scores.iter_mut().zip(&sum).zip(&wsum) {
                *o = if *w > 0.0 { s / w } else { f64::NAN };
            }
            count_ranks(scores, &mut hist[d]);
        }
        sum.fill(0.0);
        wsum.fill(0.0);
        for &d in &in_overall {
            let wd = dw[d];
            for ((x, s), w) in domain_scores[d * n..(d + 1) * n]
                .iter()
                .zip(&mut sum)
                .zip(&mut wsum)
            {
                if !x.is_nan() {
                    *s += x * wd;
                    *w += wd;
                }
            }
        }
        for ((o, s), w) in overall.iter_mut().zip(&sum).zip(&wsum) {
            *o = if *w > 0.0 { s / w } else { f64::NAN };
        }
        count_ranks(&overall, &mut hist[n_domains]);
    }
    let overall = ranges(&hist[n_domains], n);
    hist.truncate(n_domains);
    Ranges {
        domains: hist.iter().map(|h| ranges(h, n)).collect(),
        overall,
    }
}

/// The Monte Carlo over a dataset's domains and indicators, `references` standing for France
/// per indicator (the dataset's France values when `None`).
pub fn of_dataset(
    ds: &Dataset,
    weights: &[f64],
    references: Option<&[Option<f64>]>,
    draws: u32,
) -> Ranges {
    let inputs: Vec<Input> = ds
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(j, i)| {
            Some(Input {
                domain: ds.domains.iter().position(|d| d.meta.id == i.meta.domain)?,
                values: &i.values,
                reference: references.map_or(i.france, |r| r[j]),
                polarity: i.meta.polarity,
                rule: i.meta.index_rule,
            })
        })
        .collect();
    robust_ranks(&inputs, weights, ds.regions.len(), draws, SEED)
}

/// Sets the overall reading of `ds` (mean of the domains' indices with `weights`, rounded to
/// a tenth like every index, and its ranks) and the robust ranges of every composite, from the
/// dataset's values and references (France, or whichever reference they were set to).
pub fn refresh(ds: &mut Dataset, weights: &[f64], draws: u32) {
    let n = ds.regions.len();
    let rows: Vec<(&[Option<f64>], f64)> = ds
        .domains
        .iter()
        .zip(weights)
        .map(|(d, w)| (d.index.as_slice(), *w))
        .collect();
    let index: Vec<Option<f64>> = weighted_index(&rows, n)
        .into_iter()
        .map(|i| i.map(|i| (i * 10.0).round() / 10.0))
        .collect();
    let r = of_dataset(ds, weights, None, draws);
    for (d, robust) in ds.domains.iter_mut().zip(r.domains) {
        d.robust = if d.indicators.is_empty() {
            Vec::new()
        } else {
            robust
        };
    }
    ds.overall = OverallOut {
        rank: ranks(&index),
        index,
        robust: r.overall,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(domain: usize, values: &[Option<f64>]) -> Input<'_> {
        Input {
            domain,
            values,
            reference: Some(10.0),
            polarity: Polarity::HigherIsFragile,
            rule: IndexRule::Ratio,
        }
    }

    /// The promise of the issue: a region that is the most fragile on every indicator is first
    /// whatever the choices, its range 1–1; the least fragile everywhere is last, n–n.
    #[test]
    fn a_region_dominating_every_indicator_ranks_first_in_every_draw() {
        let a = [Some(20.0), Some(12.0), Some(9.0), Some(5.0)];
        let b = [Some(40.0), Some(11.0), Some(15.0), Some(1.0)];
        let c = [Some(9.0), Some(3.0), Some(7.0), Some(2.0)];
        let r = robust_ranks(
            &[input(0, &a), input(0, &b), input(1, &c)],
            &[1.0, 1.0],
            4,
            2000,
            7,
        );
        assert_eq!(r.domains[0][0], Some(RankRange(1, 1, 1)));
        assert_eq!(r.domains[0][3], Some(RankRange(4, 4, 4)));
        assert_eq!(r.overall[0], Some(RankRange(1, 1, 1)));
        assert_eq!(r.overall[3], Some(RankRange(4, 4, 4)));
    }

    /// Two identical regions get the same rank in every draw, so the same range.
    #[test]
    fn identical_regions_share_their_range() {
        let a = [Some(20.0), Some(12.0), Some(12.0), Some(5.0)];
        let b = [Some(1.0), Some(30.0), Some(30.0), Some(8.0)];
        let r = robust_ranks(&[input(0, &a), input(0, &b)], &[1.0], 4, 3000, 11);
        assert_eq!(r.domains[0][1], r.domains[0][2]);
        assert!(r.domains[0][1].is_some());
    }

    /// Choices that matter show: region 0 leads on one indicator by far, region 1 on the other
    /// by a little. Under ratios region 0 wins, under ranks they tie: the range must open.
    #[test]
    fn a_rank_that_depends_on_the_choices_has_a_range() {
        let a = [Some(100.0), Some(10.0), Some(9.0), Some(8.0)];
        let b = [Some(9.0), Some(11.0), Some(10.0), Some(8.5)];
        let r = robust_ranks(&[input(0, &a), input(0, &b)], &[1.0], 4, 4000, 3);
        let r0 = r.domains[0][0].unwrap();
        let r1 = r.domains[0][1].unwrap();
        assert_eq!(r0.low(), 1);
        assert!(r1.low() == 1 && r1.high() == 2, "{r1:?}");
    }

    /// Same seed, same figures; another seed may differ only by the Monte Carlo's noise.
    #[test]
    fn draws_are_reproducible_from_the_seed() {
        let a = [Some(20.0), Some(12.0), Some(13.0), None];
        let b = [Some(1.0), Some(30.0), Some(29.0), Some(8.0)];
        let inputs = [input(0, &a), input(0, &b)];
        assert_eq!(
            robust_ranks(&inputs, &[1.0], 4, 500, 5),
            robust_ranks(&inputs, &[1.0], 4, 500, 5)
        );
        // a region without any value has no rank, and does not take one from the others
        let r = robust_ranks(&[input(0, &[None, Some(1.0)])], &[1.0], 2, 100, 1);
        assert_eq!(r.domains[0], vec![None, Some(RankRange(1, 1, 1))]);
    }

    /// A weight of 0 leaves a domain out of the overall composite; without any weight there is
    /// no overall rank at all; a domain without indicator has no range.
    #[test]
    fn weights_steer_the_overall_composite() {
        let a = [Some(20.0), Some(10.0), Some(5.0)];
        let b = [Some(5.0), Some(10.0), Some(20.0)];
        let inputs = [input(0, &a), input(1, &b)];
        let only_a = robust_ranks(&inputs, &[1.0, 0.0, 1.0], 3, 500, 2);
        assert_eq!(only_a.overall[0], Some(RankRange(1, 1, 1)));
        assert_eq!(only_a.domains[2], vec![None, None, None]);
        let only_b = robust_ranks(&inputs, &[0.0, 3.0, 0.0], 3, 500, 2);
        assert_eq!(only_b.overall[2], Some(RankRange(1, 1, 1)));
        let none = robust_ranks(&inputs, &[0.0, 0.0, 0.0], 3, 50, 2);
        assert_eq!(none.overall, vec![None, None, None]);
    }

    #[test]
    fn percentiles_follow_the_nearest_rank_rule() {
        // 100 draws: 10 at rank 1, 80 at rank 2, 10 at rank 3
        let h = [10, 80, 10];
        assert_eq!(percentile(&h, 100, 0.05), 1);
        assert_eq!(percentile(&h, 100, 0.5), 2);
        assert_eq!(percentile(&h, 100, 0.95), 3);
        assert_eq!(percentile(&[0, 5], 5, 0.05), 2);
    }
}
