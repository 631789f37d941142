//! The index charts of the region and compare views (drawn on a canvas, and in exports).

use super::{compare::CompareState, region::RegionState};
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
                label: d.label.clone(),
                values: vec![d.index],
            })
            .collect(),
        series: vec![s.name.clone()],
        france_label: lang.t("France = 100", "France = 100").into(),
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
                label: r.label.clone(),
                values: r.indices.clone(),
            })
            .collect(),
        series: s.regions.iter().map(|r| r.1.clone()).collect(),
        france_label: "France = 100".into(),
    }
}
