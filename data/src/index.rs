//! The index: France = 100, above 100 always means more fragile; and ranks among the regions.

use crate::model::{IndexRule, Polarity};

/// Indices of `values` against `france` (see [`IndexRule`]); `None` where a value is missing
/// or where the rule cannot apply (France's value is zero or missing, no spread).
///
/// ```
/// use datafrag::{index::indices, model::{IndexRule, Polarity}};
/// let i = indices(&[Some(12.0), Some(6.0), None], Some(8.0), Polarity::HigherIsFragile, IndexRule::Ratio);
/// assert_eq!(i, vec![Some(150.0), Some(75.0), None]);
/// let j = indices(&[Some(12.0)], Some(8.0), Polarity::LowerIsFragile, IndexRule::Ratio);
/// assert_eq!(j, vec![Some(8.0 / 12.0 * 100.0)]);
/// ```
pub fn indices(
    values: &[Option<f64>],
    france: Option<f64>,
    polarity: Polarity,
    rule: IndexRule,
) -> Vec<Option<f64>> {
    let Some(f) = france else {
        return vec![None; values.len()];
    };
    match rule {
        IndexRule::Ratio => values
            .iter()
            .map(|v| {
                let v = (*v)?;
                let r = match polarity {
                    Polarity::HigherIsFragile if f != 0.0 => v / f,
                    Polarity::LowerIsFragile if v != 0.0 => f / v,
                    _ => return None,
                };
                (r.is_finite() && r >= 0.0).then_some(100.0 * r)
            })
            .collect(),
        IndexRule::StandardisedGap => {
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            let n = present.len() as f64;
            if present.len() < 2 {
                return vec![None; values.len()];
            }
            let mean = present.iter().sum::<f64>() / n;
            let sd = (present.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
            if sd <= 0.0 {
                return vec![None; values.len()];
            }
            values
                .iter()
                .map(|v| v.map(|v| 100.0 + 10.0 * polarity.sign() * (v - f) / sd))
                .collect()
        }
    }
}

/// Competition ranks (1 = highest index = most fragile; ties share a rank; missing stay `None`).
///
/// ```
/// let r = datafrag::index::ranks(&[Some(90.0), Some(120.0), None, Some(120.0)]);
/// assert_eq!(r, vec![Some(3), Some(1), None, Some(1)]);
/// ```
pub fn ranks(index: &[Option<f64>]) -> Vec<Option<u8>> {
    index
        .iter()
        .map(|i| {
            let i = (*i)?;
            let above = index.iter().flatten().filter(|&&o| o > i).count();
            u8::try_from(above + 1).ok()
        })
        .collect()
}

/// Mean of the present indices per region across several indicators (a domain's index).
pub fn mean_index(rows: &[&[Option<f64>]], n: usize) -> Vec<Option<f64>> {
    (0..n)
        .map(|k| {
            let present: Vec<f64> = rows
                .iter()
                .filter_map(|r| r.get(k).copied().flatten())
                .collect();
            (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64)
        })
        .collect()
}

/// Weighted mean of the present indices per region (the overall reading over the domains, with
/// the user's weights; a weight of 0 leaves a row out).
///
/// ```
/// let a = [Some(100.0), Some(90.0)];
/// let b = [Some(130.0), None];
/// let w = datafrag::index::weighted_index(&[(&a[..], 2.0), (&b[..], 1.0)], 2);
/// assert_eq!(w, vec![Some(110.0), Some(90.0)]);
/// ```
pub fn weighted_index(rows: &[(&[Option<f64>], f64)], n: usize) -> Vec<Option<f64>> {
    (0..n)
        .map(|k| {
            let (mut sum, mut w) = (0.0, 0.0);
            for (row, wi) in rows.iter().filter(|(_, w)| *w > 0.0) {
                if let Some(v) = row.get(k).copied().flatten() {
                    sum += v * wi;
                    w += wi;
                }
            }
            (w > 0.0).then(|| sum / w)
        })
        .collect()
}

/// Pearson's correlation of two series over the positions where both exist, with that count;
/// `None` below three pairs or without spread.
///
/// ```
/// use datafrag::index::pearson;
/// let (r, n) = pearson(&[Some(1.0), Some(2.0), Some(3.0), None], &[Some(3.0), Some(2.0), Some(1.0), Some(9.0)]).unwrap();
/// assert_eq!((r, n), (-1.0, 3));
/// ```
pub fn pearson(a: &[Option<f64>], b: &[Option<f64>]) -> Option<(f64, u8)> {
    let pairs: Vec<(f64, f64)> = a
        .iter()
        .zip(b)
        .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
        .collect();
    if pairs.len() < 3 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let cov: f64 = pairs.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let vx: f64 = pairs.iter().map(|(x, _)| (x - mx).powi(2)).sum();
    let vy: f64 = pairs.iter().map(|(_, y)| (y - my).powi(2)).sum();
    if vx <= 0.0 || vy <= 0.0 {
        return None;
    }
    Some((cov / (vx * vy).sqrt(), u8::try_from(pairs.len()).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The promise of the index: above 100 is always more fragile, whatever the polarity.
    #[test]
    fn above_100_means_more_fragile_for_both_polarities() {
        let unemployment = indices(
            &[Some(9.0)],
            Some(7.0),
            Polarity::HigherIsFragile,
            IndexRule::Ratio,
        );
        let employment = indices(
            &[Some(60.0)],
            Some(65.0),
            Polarity::LowerIsFragile,
            IndexRule::Ratio,
        );
        assert!(unemployment[0].unwrap() > 100.0 && employment[0].unwrap() > 100.0);
        let gap = indices(
            &[Some(1.0), Some(3.0)],
            Some(2.0),
            Polarity::HigherIsFragile,
            IndexRule::StandardisedGap,
        );
        assert_eq!(gap, vec![Some(90.0), Some(110.0)]);
    }

    /// Edge cases: France missing or zero, a zero value for a lower-is-fragile ratio, no spread.
    #[test]
    fn undefined_cases_give_none_never_infinity() {
        assert_eq!(
            indices(
                &[Some(1.0)],
                None,
                Polarity::HigherIsFragile,
                IndexRule::Ratio
            ),
            vec![None]
        );
        assert_eq!(
            indices(
                &[Some(1.0)],
                Some(0.0),
                Polarity::HigherIsFragile,
                IndexRule::Ratio
            ),
            vec![None]
        );
        assert_eq!(
            indices(
                &[Some(0.0)],
                Some(5.0),
                Polarity::LowerIsFragile,
                IndexRule::Ratio
            ),
            vec![None]
        );
        assert_eq!(
            indices(
                &[Some(2.0), Some(2.0)],
                Some(2.0),
                Polarity::HigherIsFragile,
                IndexRule::StandardisedGap
            ),
            vec![None, None]
        );
        assert_eq!(
            indices(
                &[],
                Some(2.0),
                Polarity::HigherIsFragile,
                IndexRule::StandardisedGap
            ),
            Vec::<Option<f64>>::new()
        );
    }

    #[test]
    fn domain_mean_skips_missing() {
        let a = [Some(100.0), None];
        let b = [Some(120.0), None];
        assert_eq!(mean_index(&[&a, &b], 2), vec![Some(110.0), None]);
        assert_eq!(ranks(&[]), Vec::<Option<u8>>::new());
    }
}
