//! The compare view's state: 2 to 4 regions side by side on every domain, with contrasts.

use super::summary::{contrast, region_summary};
use crate::i18n::Lang;
use datafrag::model::Dataset;

#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub domain: String,
    pub label: String,
    /// One index per compared region, in the order of `regions`.
    pub indices: Vec<Option<f64>>,
    pub ranks: Vec<Option<u8>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareState {
    /// The reference line's label ("France = 100", another reference's name).
    pub reference: String,
    /// (code, name) of the compared regions.
    pub regions: Vec<(String, String)>,
    pub rows: Vec<CompareRow>,
    /// One summary per region, then the contrast of the first with each other.
    pub summaries: Vec<String>,
    pub contrasts: Vec<String>,
    /// How many regions the ranks are out of.
    pub of: usize,
}

pub fn compare_state(ds: &Dataset, codes: &[String], lang: Lang) -> Option<CompareState> {
    let ks: Vec<usize> = codes
        .iter()
        .map(|c| super::region_pos(ds, c))
        .collect::<Option<_>>()?;
    if ks.len() < 2 {
        return None;
    }
    let rows = ds
        .domains
        .iter()
        .filter(|d| !d.indicators.is_empty())
        .map(|d| CompareRow {
            domain: d.meta.id.clone(),
            label: lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string(),
            indices: ks.iter().map(|&k| d.index[k]).collect(),
            ranks: ks.iter().map(|&k| d.rank[k]).collect(),
        })
        .collect();
    Some(CompareState {
        reference: super::analysis::reference_line(ds, lang),
        of: ds.regions.len(),
        regions: ks
            .iter()
            .map(|&k| (ds.regions[k].code.clone(), ds.regions[k].name.clone()))
            .collect(),
        rows,
        summaries: ks
            .iter()
            .map(|&k| format!("{} : {}", ds.regions[k].name, region_summary(ds, k, lang)))
            .collect(),
        contrasts: ks[1..]
            .iter()
            .map(|&k| contrast(ds, ks[0], k, lang))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::dataset;

    #[test]
    fn side_by_side_in_the_asked_order() {
        let ds = dataset();
        let s = compare_state(&ds, &["76".into(), "75".into(), "94".into()], Lang::Fr).unwrap();
        assert_eq!(s.regions[0].1, "Bêta");
        assert_eq!(s.rows[0].indices, vec![Some(120.0), Some(80.0), Some(90.0)]);
        assert_eq!(s.summaries.len(), 3);
        assert_eq!(s.contrasts.len(), 2);
        assert!(compare_state(&ds, &["75".into()], Lang::Fr).is_none());
        assert!(compare_state(&ds, &["75".into(), "xx".into()], Lang::Fr).is_none());
    }
}
