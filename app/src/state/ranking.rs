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
    /// Places gained towards rank 1 (more fragile) since `RankingState::since`: 3 = three
    /// places up, −2 = two down.
    pub change: Option<i32>,
    /// A composite's rank over the analyst's choices (median, 5th–95th percentiles).
    pub robust: Option<datafrag::robust::RankRange>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingState {
    pub info: MeasureInfo,
    /// The reference line's label ("France = 100").
    pub reference: String,
    /// The year the rank changes are counted from, when the measure has one.
    pub since: Option<i32>,
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
                change: None,
                robust: f.robust,
            }
        })
        .collect();
    rows.push(RankRow {
        code: "FRM".into(),
        name: super::analysis::reference_name(ds, lang).into(),
        value: info.france,
        index: Some(100.0),
        rank: None,
        is_france: true,
        description: lang
            .t("référence : indice 100", "reference: index 100")
            .into(),
        change: None,
        robust: None,
    });
    rows.sort_by(|a, b| match (a.index, b.index) {
        (Some(x), Some(y)) => y.total_cmp(&x).then(a.is_france.cmp(&b.is_france)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    });
    Some(RankingState {
        reference: super::analysis::reference_line(ds, lang),
        info,
        rows,
        since: None,
    })
}

/// The years of an indicator's series after its last break.
fn series_years(i: &datafrag::model::IndicatorOut) -> Vec<i32> {
    let last_break = super::trajectory::last_break(i);
    i.trajectory
        .as_ref()
        .map(|t| {
            t.years
                .iter()
                .copied()
                .filter(|y| last_break.is_none_or(|b| *y >= b))
                .collect()
        })
        .unwrap_or_default()
}

/// The years a measure's ranks can be compared from: years of its series (after any break)
/// before the year shown; for a domain, only years all its indicators have (a rank on fewer
/// indicators is not the same rank). Latest first.
pub fn since_years(ds: &Dataset, m: &Measure) -> Vec<i32> {
    let ids: Vec<String> = match m {
        Measure::Indicator(id) => vec![id.clone()],
        Measure::Domain(id) => super::domain(ds, id)
            .map(|d| d.indicators.clone())
            .unwrap_or_default(),
        Measure::Overall => ds.indicators.iter().map(|i| i.meta.id.clone()).collect(),
    };
    let mut common: Option<Vec<i32>> = None;
    let mut shown = i32::MAX;
    for id in &ids {
        let Some(i) = super::indicator(ds, id) else {
            return vec![];
        };
        if let Some(y) = i.meta.year.get(..4).and_then(|y| y.parse::<i32>().ok()) {
            shown = shown.min(y);
        }
        let ys = series_years(i);
        common = Some(match common {
            None => ys,
            Some(c) => c.into_iter().filter(|y| ys.contains(y)).collect(),
        });
    }
    let mut out: Vec<i32> = common
        .unwrap_or_default()
        .into_iter()
        .filter(|y| *y < shown)
        .collect();
    out.sort_unstable_by(|a, b| b.cmp(a));
    out
}

/// The year rank changes are counted from: the one asked for when the measure allows it, else
/// the earliest it allows.
pub fn effective_since(ds: &Dataset, m: &Measure, asked: Option<i32>) -> Option<i32> {
    let ys = since_years(ds, m);
    match asked {
        Some(y) if ys.contains(&y) => Some(y),
        _ => ys.last().copied(),
    }
}

/// Adds each region's rank change since `since` (ranks of that year computed as the year view
/// computes them).
pub fn with_changes(
    mut s: RankingState,
    ds: &Dataset,
    m: &Measure,
    since: Option<i32>,
    lang: Lang,
) -> RankingState {
    let Some(y) = since else { return s };
    let then = super::years::at_year(ds, y, lang);
    for r in s.rows.iter_mut().filter(|r| !r.is_france) {
        let Some(k) = super::region_pos(ds, &r.code) else {
            continue;
        };
        let old = measure_figures(&then, m, k).and_then(|f| f.rank);
        r.change = match (old, r.rank) {
            (Some(a), Some(b)) => Some(i32::from(a) - i32::from(b)),
            _ => None,
        };
    }
    s.since = Some(y);
    s
}

/// A rank change in words that do not lean on colour: "▲ 3", "▼ 2", "± 0" (not "=", which a
/// spreadsheet would read as a formula).
pub fn change_text(c: i32) -> String {
    match c.cmp(&0) {
        std::cmp::Ordering::Greater => format!("▲ {c}"),
        std::cmp::Ordering::Less => format!("▼ {}", -c),
        std::cmp::Ordering::Equal => "± 0".into(),
    }
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

    /// Rank changes since a year of the series: places gained towards rank 1, in symbols and
    /// numbers; a domain offers only the years all its indicators have.
    #[test]
    fn rank_changes_since_a_year() {
        use datafrag::model::{SeriesMeta, Trajectory};
        let mut ds = dataset();
        let ch = ds
            .indicators
            .iter_mut()
            .find(|i| i.meta.id == "chomage")
            .unwrap();
        ch.meta.series = Some(SeriesMeta {
            from: 2016,
            to: 2018,
            rule_fr: "r".into(),
            rule_en: "r".into(),
            breaks: vec![],
        });
        // 2016: Alpha 12 (1st), Bêta 9 (3rd), Corse 10 (2nd); today (2020): 8, 12, 9 → 3rd, 1st, 2nd.
        ch.trajectory = Some(Trajectory {
            years: vec![2016, 2018],
            france: vec![Some(10.0), Some(10.0)],
            values: vec![
                vec![Some(12.0), Some(11.0)],
                vec![Some(9.0), Some(9.0)],
                vec![Some(10.0), Some(10.0)],
            ],
        });
        let m = Measure::Indicator("chomage".into());
        assert_eq!(since_years(&ds, &m), vec![2018, 2016]);
        assert_eq!(effective_since(&ds, &m, None), Some(2016));
        assert_eq!(effective_since(&ds, &m, Some(2018)), Some(2018));
        assert_eq!(effective_since(&ds, &m, Some(1990)), Some(2016));
        let s = with_changes(
            ranking_state(&ds, &m, Lang::Fr).unwrap(),
            &ds,
            &m,
            Some(2016),
            Lang::Fr,
        );
        let change = |c: &str| s.rows.iter().find(|r| r.code == c).unwrap().change;
        assert_eq!(
            (change("75"), change("76"), change("94")),
            (Some(-2), Some(2), Some(0))
        );
        assert_eq!(
            (change_text(2), change_text(-2), change_text(0)),
            ("▲ 2".into(), "▼ 2".into(), "± 0".into())
        );
        // "emploi" has one indicator, with a series; "handicap" none.
        assert_eq!(
            since_years(&ds, &Measure::Domain("emploi".into())),
            vec![2018, 2016]
        );
        assert!(since_years(&ds, &Measure::Domain("handicap".into())).is_empty());
    }
}
