//! The map view's state: each region's figures on the chosen measure, its colour class, and
//! the legend.

use super::{measure_figures, measure_info, Figures, MeasureInfo};
use crate::format;
use crate::i18n::Lang;
use crate::model::Measure;
use crate::palette::{class_of, BREAKS, COLORS, MISSING};
use datafrag::model::Dataset;

#[derive(Debug, Clone, PartialEq)]
pub struct MapRow {
    pub code: String,
    pub name: String,
    pub figures: Figures,
    /// Colour class (0..7), `None` without index.
    pub class: Option<usize>,
    pub fill: &'static str,
    /// What hover, focus and screen readers say: "Occitanie : indice 112 (3e plus fragile sur 13), 8,9 %".
    pub description: String,
}

impl MapRow {
    /// An area's row: its colour class from its index, its figures in words.
    pub fn new(code: &str, name: &str, figures: Figures, unit: &str, lang: Lang) -> MapRow {
        let class = figures.index.map(class_of);
        MapRow {
            code: code.to_string(),
            name: name.to_string(),
            fill: class.map_or(MISSING, |c| COLORS[c]),
            class,
            description: format!("{name} : {}", describe(&figures, unit, lang)),
            figures,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub color: &'static str,
    pub label: String,
    /// The class that holds France (index 100).
    pub is_france: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    pub info: MeasureInfo,
    pub rows: Vec<MapRow>,
    pub legend: Vec<LegendItem>,
}

/// "indice 112 (3e plus fragile sur 13), 8,9 %" — the figures of a region in words.
pub fn describe(f: &Figures, unit: &str, lang: Lang) -> String {
    let mut parts = Vec::new();
    match f.index {
        Some(i) => {
            let mut s = format!("{} {}", lang.t("indice", "index"), format::index(i, lang));
            if let Some(r) = f.rank {
                s += &format!(" ({})", format::fragility_rank(r, f.of, lang));
            }
            parts.push(s);
        }
        None => parts.push(
            f.missing
                .clone()
                .unwrap_or_else(|| lang.t("non disponible", "not available").into()),
        ),
    }
    if let Some(v) = f.value {
        parts.push(format::value(v, unit, lang));
    }
    parts.join(", ")
}

pub fn map_state(ds: &Dataset, m: &Measure, lang: Lang) -> Option<MapState> {
    let info = measure_info(ds, m, lang)?;
    let rows = ds
        .regions
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let figures = measure_figures(ds, m, k).expect("measure checked above");
            MapRow::new(&r.code, &r.name, figures, &info.unit, lang)
        })
        .collect();
    Some(MapState {
        info,
        rows,
        legend: legend(),
    })
}

/// The palette's classes around France = 100, the same for the regions and the départements.
pub fn legend() -> Vec<LegendItem> {
    (0..COLORS.len())
        .map(|c| {
            let label = match c {
                0 => format!("< {}", BREAKS[0]),
                c if c == BREAKS.len() => format!("≥ {}", BREAKS[c - 1]),
                c => format!("{} – {}", BREAKS[c - 1], BREAKS[c]),
            };
            LegendItem {
                color: COLORS[c],
                label,
                is_france: c == class_of(100.0),
            }
        })
        .collect()
}

/// The panel beside the map for the selected region: its figures, its summary and the link to
/// its page (the same state, on the region view).
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub code: String,
    pub name: String,
    pub description: String,
    pub summary: String,
    pub target: crate::model::ViewState,
}

/// The words of the panel's actions and code line, in `lang`: the link to the region's page,
/// the way back to the national view, the code's label (the app's panel and the static first
/// view's, written once).
pub fn panel_words(lang: crate::i18n::Lang) -> [&'static str; 3] {
    [
        lang.t("Voir la fiche de la région →", "Open the region page →"),
        lang.t("← Vue nationale", "← National view"),
        lang.t("Code INSEE ", "INSEE code "),
    ]
}

/// The regions' map's accessible name when its regions are buttons (the app's, and the static
/// first view's once first-view.js has made them so).
pub fn map_label(lang: crate::i18n::Lang) -> &'static str {
    lang.t(
        "Carte des 13 régions de France métropolitaine : choisissez une région",
        "Map of the 13 regions of metropolitan France: pick a region",
    )
}

/// The line under the map before any region is pointed at or focused.
pub fn map_hint(lang: crate::i18n::Lang) -> &'static str {
    lang.t(
        "Survolez ou parcourez les régions au clavier (Tab) pour lire leur valeur.",
        "Hover or tab through the regions to read their value.",
    )
}

pub fn panel(
    ds: &Dataset,
    st: &MapState,
    view: &crate::model::ViewState,
    code: &str,
) -> Option<Panel> {
    let k = super::region_pos(ds, code)?;
    let row = st.rows.iter().find(|r| r.code == code)?;
    let mut target = view.clone();
    target.view = crate::model::View::Region;
    target.region = Some(code.to_string());
    Some(Panel {
        code: code.to_string(),
        name: row.name.clone(),
        description: row.description.clone(),
        summary: super::summary::region_summary(ds, k, view.lang),
        target,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::dataset;

    /// The panel of a selected region: its words, its summary, and a link to its page that
    /// keeps the rest of the view (the language, the measure).
    #[test]
    fn panel_links_to_the_region_page() {
        let ds = dataset();
        let st = map_state(&ds, &Measure::Indicator("chomage".into()), Lang::En).unwrap();
        let mut view = crate::model::ViewState::default_for(&crate::state::catalog(&ds));
        view.lang = Lang::En;
        let p = panel(&ds, &st, &view, "76").unwrap();
        assert_eq!(p.name, "Bêta");
        assert!(
            p.description.starts_with("Bêta : index 120"),
            "{}",
            p.description
        );
        assert!(
            p.summary.starts_with("Fragility generally more marked"),
            "{}",
            p.summary
        );
        assert_eq!(p.target.view, crate::model::View::Region);
        assert_eq!(p.target.region.as_deref(), Some("76"));
        assert_eq!(p.target.lang, Lang::En);
        assert!(panel(&ds, &st, &view, "99").is_none());
    }

    #[test]
    fn rows_carry_index_rank_class_and_words() {
        let ds = dataset();
        let s = map_state(&ds, &Measure::Indicator("chomage".into()), Lang::Fr).unwrap();
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.rows[1].figures.index, Some(120.0));
        assert_eq!(s.rows[1].class, Some(6));
        assert_eq!(
            s.rows[1].description,
            "Bêta : indice 120 (la plus fragile des\u{a0}3), 12,0\u{a0}%"
        );
        assert_eq!(s.info.france, Some(10.0));
        assert!(s.legend.iter().filter(|l| l.is_france).count() == 1);
    }

    /// A region without a value is grey and says why, never a colour of the scale.
    #[test]
    fn missing_value_is_grey_with_reason() {
        let ds = dataset();
        let s = map_state(&ds, &Measure::Indicator("aah".into()), Lang::Fr).unwrap();
        assert_eq!(s.rows[2].fill, MISSING);
        assert_eq!(s.rows[2].description, "Corse : non disponible");
        assert!(map_state(&ds, &Measure::Domain("nope".into()), Lang::Fr).is_none());
    }
}
