//! Scales as values: a linear map from a domain to a range, its ticks, and the index domain of
//! the bar charts (always holding France = 100).

/// `domain` → `range`, linear. A zero-width domain maps everything to the range's middle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    /// ```
    /// use app::graphics::scale::Linear;
    /// let s = Linear { domain: (50.0, 150.0), range: (0.0, 200.0) };
    /// assert_eq!(s.map(100.0), 100.0);
    /// assert_eq!(s.map(50.0), 0.0);
    /// ```
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Ticks at round steps (1, 2 or 5 × a power of ten), about `count` of them, inside the domain.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (lo, hi) = (
            self.domain.0.min(self.domain.1),
            self.domain.0.max(self.domain.1),
        );
        if (hi - lo).abs() < f64::EPSILON || count == 0 {
            return vec![lo];
        }
        let raw = (hi - lo) / count as f64;
        let pow = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * pow)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * pow);
        let mut t = (lo / step).ceil() * step;
        let mut out = Vec::new();
        while t <= hi + step * 1e-9 {
            out.push((t / step).round() * step);
            t += step;
        }
        out
    }
}

/// The domain of an index chart: always holds 100 and every value, at least 80–120, padded and
/// rounded to tens, never below 0. Missing values are ignored.
///
/// ```
/// assert_eq!(app::graphics::scale::index_domain([Some(131.0), Some(96.0), None]), (70.0, 140.0));
/// ```
pub fn index_domain(values: impl IntoIterator<Item = Option<f64>>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .flatten()
        .fold((100.0f64, 100.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let lo = ((lo.min(80.0) - 2.0) / 10.0).floor() * 10.0;
    let hi = ((hi.max(120.0) + 2.0) / 10.0).ceil() * 10.0;
    (lo.max(0.0), hi)
}

/// Ticks of an index chart: every 10, or 20 or 50 when the domain is wide.
pub fn index_ticks((lo, hi): (f64, f64)) -> Vec<f64> {
    let step = match hi - lo {
        w if w > 300.0 => 50.0,
        w if w > 120.0 => 20.0,
        _ => 10.0,
    };
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + 1e-9 {
        out.push(t);
        t += step;
    }
    out
}

/// A domain for values on a free axis (a series over years, a scatter plot): every value and
/// `include` (France = 100 on an index), widened to round ticks; a lone value gets a window
/// around it; no value gives (0, 1). Missing values are ignored.
///
/// ```
/// use app::graphics::scale::nice_domain;
/// assert_eq!(nice_domain([Some(8.3), Some(11.6), None], None), (8.0, 12.0));
/// assert_eq!(nice_domain([Some(96.0)], Some(100.0)), (96.0, 100.0));
/// ```
pub fn nice_domain(
    values: impl IntoIterator<Item = Option<f64>>,
    include: Option<f64>,
) -> (f64, f64) {
    let mut it = values
        .into_iter()
        .flatten()
        .chain(include)
        .filter(|v| v.is_finite());
    let Some(first) = it.next() else {
        return (0.0, 1.0);
    };
    let (mut lo, mut hi) = it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if (hi - lo).abs() < f64::EPSILON {
        let pad = (lo.abs() * 0.1).max(1.0);
        (lo, hi) = (lo - pad, hi + pad);
    }
    let ticks = Linear {
        domain: (lo, hi),
        range: (0.0, 1.0),
    }
    .ticks(5);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => hi - lo,
    };
    ((lo / step).floor() * step, (hi / step).ceil() * step)
}

/// The years to label on a time axis: all of them up to 10, else every 2nd or 5th (the first and
/// last always).
///
/// ```
/// assert_eq!(app::graphics::scale::year_ticks(2016, 2019), vec![2016, 2017, 2018, 2019]);
/// assert_eq!(app::graphics::scale::year_ticks(2001, 2019), vec![2001, 2005, 2010, 2015, 2019]);
/// ```
pub fn year_ticks(first: i32, last: i32) -> Vec<i32> {
    if last <= first {
        return vec![first];
    }
    let step = match last - first {
        n if n < 10 => 1,
        n if n < 16 => 2,
        _ => 5,
    };
    let mut out = vec![first];
    out.extend(
        ((first + 1)..last)
            .filter(|y| y % step == 0 && y - first >= step.min(2) && last - y >= step.min(2)),
    );
    out.push(last);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edge cases as tests: no value, one value, values far from 100, zero range.
    #[test]
    fn index_domain_edge_cases() {
        assert_eq!(index_domain([None]), (70.0, 130.0));
        assert_eq!(index_domain([]), (70.0, 130.0));
        assert_eq!(index_domain([Some(100.0)]), (70.0, 130.0));
        let d = index_domain([Some(12.0), Some(410.0)]);
        assert!(d.0 <= 12.0 && d.1 >= 410.0);
        let t = index_ticks(d);
        assert!(t.len() < 12 && t.contains(&100.0), "{t:?}");
        assert_eq!(index_domain([Some(-5.0)]).0, 0.0, "never below zero");
        assert_eq!(
            index_ticks((70.0, 130.0)),
            vec![70.0, 80.0, 90.0, 100.0, 110.0, 120.0, 130.0]
        );
    }

    /// Free axes: values far from zero, negatives, one value, none, a non-finite value.
    #[test]
    fn nice_domain_edge_cases() {
        assert_eq!(nice_domain([], None), (0.0, 1.0));
        assert_eq!(nice_domain([None, None], None), (0.0, 1.0));
        assert_eq!(nice_domain([Some(5.0)], None), (4.0, 6.0));
        assert_eq!(nice_domain([Some(-2.4), Some(1.2)], None), (-3.0, 2.0));
        assert_eq!(
            nice_domain([Some(1_200.0), Some(1_290.0)], None),
            (1_200.0, 1_300.0)
        );
        assert_eq!(
            nice_domain([Some(f64::NAN), Some(3.0)], Some(3.0)),
            (2.0, 4.0)
        );
        assert_eq!(year_ticks(2019, 2019), vec![2019]);
        assert_eq!(year_ticks(2009, 2019), vec![2009, 2012, 2014, 2016, 2019]);
    }

    #[test]
    fn linear_maps_and_ticks() {
        let s = Linear {
            domain: (0.0, 66.0),
            range: (100.0, 500.0),
        };
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(66.0), 500.0);
        assert_eq!(s.ticks(7), vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0]);
        let flat = Linear {
            domain: (5.0, 5.0),
            range: (0.0, 10.0),
        };
        assert_eq!(flat.map(5.0), 5.0, "zero range: the middle");
        assert_eq!(flat.ticks(5), vec![5.0]);
        let reversed = Linear {
            domain: (0.0, 1.0),
            range: (10.0, 0.0),
        };
        assert_eq!(reversed.map(0.25), 7.5);
    }
}
