//! What an index chart shows (bars around the France = 100 line): rows, series, labels. The
//! drawing is `graphics::bars`, for the screen and the exports alike.

/// One horizontal row of the chart: a label and one value per series (`None` = missing).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRow {
    /// What the row stands for (a domain id, a region code): keys its bars.
    pub key: String,
    pub label: String,
    pub values: Vec<Option<f64>>,
}

/// A chart of indices (France = 100), one row per domain or region.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub rows: Vec<ChartRow>,
    /// Names of the series (one per compared region; one for a single region).
    pub series: Vec<String>,
    /// Text of the France line.
    pub france_label: String,
}

/// Series colours and marker shapes, distinguishable without colour (shapes differ).
pub const SERIES: [(&str, &str); 4] = [
    ("#1b6ca8", "●"),
    ("#d95f02", "■"),
    ("#1b9e77", "▲"),
    ("#7570b3", "◆"),
];

impl ChartSpec {
    /// The x range: always includes 100, padded to round tens, at least 80–120.
    ///
    /// ```
    /// use app::chart::{ChartRow, ChartSpec};
    /// let spec = ChartSpec { title: String::new(), series: vec![], france_label: String::new(),
    ///     rows: vec![ChartRow { key: "a".into(), label: "a".into(), values: vec![Some(131.0), Some(96.0)] }] };
    /// assert_eq!(spec.x_range(), (70.0, 140.0));
    /// ```
    pub fn x_range(&self) -> (f64, f64) {
        crate::graphics::scale::index_domain(
            self.rows.iter().flat_map(|r| r.values.iter().copied()),
        )
    }

    /// Ticks every 10 (or 20, 50 when the range is wide).
    pub fn ticks(&self) -> Vec<f64> {
        crate::graphics::scale::index_ticks(self.x_range())
    }

    /// Height in CSS pixels for a given row height.
    pub fn height(&self, row: f64) -> f64 {
        60.0 + row * self.rows.len() as f64 + if self.series.len() > 1 { 28.0 } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(values: Vec<Option<f64>>) -> ChartSpec {
        ChartSpec {
            title: String::new(),
            series: vec!["a".into()],
            france_label: String::new(),
            rows: vec![ChartRow {
                key: "x".into(),
                label: "x".into(),
                values,
            }],
        }
    }

    /// Edge cases: no value, one value, values far from 100.
    #[test]
    fn range_always_holds_france_and_the_values() {
        assert_eq!(spec(vec![None]).x_range(), (70.0, 130.0));
        assert_eq!(spec(vec![Some(100.0)]).x_range(), (70.0, 130.0));
        let (lo, hi) = spec(vec![Some(12.0), Some(410.0)]).x_range();
        assert!(lo <= 12.0 && hi >= 410.0);
        let t = spec(vec![Some(12.0), Some(410.0)]).ticks();
        assert!(t.len() < 12 && t.contains(&100.0));
        assert_eq!(spec(vec![]).ticks().first(), Some(&70.0));
    }
}
