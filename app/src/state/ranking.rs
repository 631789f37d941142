//! The ranking view's state: the 13 regions ranked on a measure, France placed among them.

use super::map::describe;
use super::{measure_figures, measure_info, MeasureInfo};
use crate::i18n::Lang;
use crate::model::Measure;
use datafrag::model::Dataset;

#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// Region code, or `FRM` for France's marker row.
    pub code: String,
    pub name: String,
    pub value: Option<f64>,
    pub index: Option<f64>,
    pub rank: Option<u8>,
    pub is_france: bool,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingState {
    pub info: MeasureInfo,
    /// Most fragile first; France (index 100) where it falls; regions without index last.
    pub rows: Vec<RankRow>,
}

pub fn ranking_state(ds: &Dataset, m: &Measure, lang: Lang) -> Option<RankingState> {
    let info = measure_info(ds, m, lang)?;
    let mut rows: Vec<RankRow> = ds
        .regions
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let f = measure_figures(ds, m, k).expect("checked");
            RankRow {
                code: r.code.clone(),
                name: r.name.clone(),
                value: f.value,
                index: f.index,
                rank: f.rank,
                is_france: false,
                description: describe(&f, &info.unit, lang),
            }
        })
        .collect();
    rows.push(RankRow {
        code: "FRM".into(),
        name: lang
            .t("France métropolitaine", "Metropolitan France")
            .into(),
        value: info.france,
        index: Some(100.0),
        rank: None,
        is_france: true,
        description: lang
            .t("référence : indice 100", "reference: index 100")
            .into(),
    });
    rows.sort_by(|a, b| match (a.index, b.index) {
        (Some(x), Some(y)) => y.total_cmp(&x).then(a.is_france.cmp(&b.is_france)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    });
    Some(RankingState { info, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::dataset;

    #[test]
    fn ranked_with_france_in_place_and_missing_last() {
        let ds = dataset();
        let s = ranking_state(&ds, &Measure::Indicator("aah".into()), Lang::Fr).unwrap();
        let codes: Vec<&str> = s.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["76", "75", "FRM", "94"]);
        let s = ranking_state(&ds, &Measure::Domain("emploi".into()), Lang::Fr).unwrap();
        let codes: Vec<&str> = s.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["76", "FRM", "94", "75"]);
    }
}
