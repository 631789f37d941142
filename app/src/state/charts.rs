//! The index charts of the region, compare and département views (drawn on a canvas, and in
//! exports).

use super::{compare::CompareState, dep::DepPage, region::RegionState};
use crate::chart::{ChartRow, ChartSpec};
use crate::i18n::Lang;

pub fn region(s: &RegionState, lang: Lang) -> ChartSpec {
    ChartSpec {
        title: format!(
            "{} {} / {}",
            lang.t("Indicateurs de", "Indicators of"),
            s.name,
            lang.t("moyenne nationale", "national average")
        ),
        rows: s
            .domains
            .iter()
            .filter(|d| !d.unmeasured)
            .map(|d| ChartRow {
                key: d.id.clone(),
                label: d.label.clone(),
                values: vec![d.index],
            })
            .collect(),
        series: vec![s.name.clone()],
        france_label: s.reference.clone(),
    }
}

/// A département's domains beside its region's, around France = 100: the comparison's bars,
/// on the domains measured at its level, its most fragile first.
pub fn dep(p: &DepPage, lang: Lang) -> ChartSpec {
    let mut rows: Vec<ChartRow> = p
        .domains
        .iter()
        .filter(|d| d.index.is_some())
        .map(|d| ChartRow {
            key: d.id.clone(),
            label: d.label.clone(),
            values: vec![d.index, d.region_index],
        })
        .collect();
    rows.sort_by(|a, b| {
        b.values[0]
            .unwrap_or(f64::MIN)
            .total_cmp(&a.values[0].unwrap_or(f64::MIN))
    });
    ChartSpec {
        title: format!(
            "{} / {} — {}",
            p.name,
            p.region_name,
            lang.t("indices (France = 100)", "indices (France = 100)")
        ),
        rows,
        series: vec![p.name.clone(), p.region_name.clone()],
        france_label: lang
            .t("France métropolitaine", "Metropolitan France")
            .into(),
    }
}

pub fn compare(s: &CompareState, lang: Lang) -> ChartSpec {
    ChartSpec {
        title: format!(
            "{} — {}",
            s.regions
                .iter()
                .map(|r| r.1.as_str())
                .collect::<Vec<_>>()
                .join(" / "),
            lang.t("indices (France = 100)", "indices (France = 100)")
        ),
        rows: s
            .rows
            .iter()
            .map(|r| ChartRow {
                key: r.domain.clone(),
                label: r.label.clone(),
                values: r.indices.clone(),
            })
            .collect(),
        series: s.regions.iter().map(|r| r.1.clone()).collect(),
        france_label: s.reference.clone(),
    }
}

/// The ranking as bars around France = 100, most fragile first; France is the line itself.
pub fn ranking(s: &super::ranking::RankingState, lang: Lang) -> ChartSpec {
    ChartSpec {
        title: format!(
            "{} — {} ({})",
            lang.t("Classement", "Ranking"),
            s.info.title,
            s.info.year
        ),
        rows: s
            .rows
            .iter()
            .filter(|r| !r.is_france)
            .map(|r| ChartRow {
                key: r.code.clone(),
                label: r.name.clone(),
                values: vec![r.index],
            })
            .collect(),
        series: vec![s.info.title.clone()],
        france_label: s.reference.clone(),
    }
}
