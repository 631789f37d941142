//! What an export holds for the current view — title, subtitle, source line, the view's table
//! (exactly what the screen shows) and its graphic — computed natively from the same state
//! functions as the views. `svg` draws it in a 16:9 or A4 frame, `csv` writes the table.

pub mod csv;
pub mod dep;
pub mod render;
pub mod svg;
pub mod tidy;
mod views;

use crate::chart::ChartSpec;
use crate::i18n::Lang;
use crate::model::{Layout, View, ViewState};
use crate::state::acteurs::acteurs_state;
use crate::table::Table;
use datafrag::model::Dataset;
use std::collections::BTreeMap;

/// The picture of a view: the state its drawing (`crate::graphics`) is made from, the same
/// drawing the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Graphic {
    /// The choropleth with its legend, geographic map or tile grid (`graphics::map`).
    Map {
        state: crate::state::map::MapState,
        layout: Layout,
        /// The region the user chose, outlined.
        selected: Option<String>,
    },
    /// Bars around France = 100 (`graphics::bars`).
    Bars(ChartSpec),
    /// Series over the years (`graphics::lines`).
    Lines(crate::graphics::lines::LineSpec),
    /// Two measures, a dot per region (`graphics::scatter`).
    Scatter(crate::graphics::scatter::ScatterSpec),
    /// Dots with their margins (`graphics::dots`).
    Dots(crate::state::acteurs::ActeursState),
    /// The départements' choropleth with its legend (`graphics::depmap`): a region's, or the
    /// 96, with the files it is drawn from.
    DepMap {
        state: crate::state::map::MapState,
        region: Option<String>,
        selected: Option<String>,
        level: std::sync::Arc<crate::state::dep::DepLevel>,
    },
    /// The table itself, drawn as text.
    Table,
}

/// Unit, year and source of one table row (the CSV's extra columns).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowMeta {
    pub unit: String,
    pub year: String,
    pub source: String,
}

/// Everything an export of the current view needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub title: String,
    /// What is compared with what.
    pub subtitle: String,
    /// Producers and years of every indicator shown.
    pub sources: String,
    pub table: Table,
    /// One per table row.
    pub meta: Vec<RowMeta>,
    pub graphic: Graphic,
    /// For file names: `carte-emploi`, `region-75`…
    pub slug: String,
}

/// "INSEE 2015, 2021 ; DREES 2019": producers with their years, for indicator ids.
pub fn grouped_sources(ds: &Dataset, ids: &[String], lang: Lang) -> String {
    let mut by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for i in ds.indicators.iter().filter(|i| ids.contains(&i.meta.id)) {
        let years = by.entry(tidy::producer(&i.meta, lang)).or_default();
        if !years.contains(&i.meta.year.as_str()) {
            years.push(i.meta.year.as_str());
        }
    }
    by.into_iter()
        .map(|(p, mut y)| {
            y.sort();
            format!("{p} {}", y.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

fn all_indicators(ds: &Dataset) -> Vec<String> {
    ds.domains
        .iter()
        .flat_map(|d| d.indicators.iter().cloned())
        .collect()
}

fn same_meta(n: usize, unit: &str, year: &str, source: &str) -> Vec<RowMeta> {
    vec![
        RowMeta {
            unit: unit.into(),
            year: year.into(),
            source: source.into(),
        };
        n
    ]
}

/// "15 domaines de fragilité mesurés": the count comes from the data (sport has no source).
fn measured_domains(ds: &Dataset, lang: Lang) -> String {
    let n = crate::state::measured_domains(ds);
    match lang {
        Lang::Fr => format!("{n} domaines de fragilité mesurés"),
        Lang::En => format!("{n} measured domains of fragility"),
    }
}

/// The source line of a state: producers and years of every indicator it shows. Cheap (no
/// table or graphic is built), so the printed page's footer can follow every change of view —
/// except for lines over the years (`chart=lines`), whose source line is their export's: the
/// years each series spans are read from the lines drawn.
pub fn source_line(ds: &Dataset, s: &ViewState) -> Option<String> {
    if s.lines {
        if let Some(e) = views::lines(ds, s) {
            return Some(e.sources);
        }
    }
    match s.view {
        // The départements' map shows the same measure's indicators as the regions'.
        View::Map | View::Ranking => crate::state::measure_info(ds, &s.measure, s.lang)
            .map(|i| grouped_sources(ds, &i.indicators, s.lang)),
        View::Region | View::Compare | View::Dep => {
            Some(grouped_sources(ds, &all_indicators(ds), s.lang))
        }
        View::Scatter => {
            let y = s.y_measure(&crate::state::catalog(ds));
            let mut ids: Vec<String> = Vec::new();
            for m in [&s.measure, &y] {
                ids.extend(crate::state::measure_info(ds, m, s.lang)?.indicators);
            }
            Some(grouped_sources(ds, &ids, s.lang))
        }
        View::Acteurs => Some(acteurs_state(ds, s.lang).source),
        View::Method | View::Deck | View::Accessibility => None,
    }
}

/// The export of a state; `None` for the method page (text, nothing to export).
pub fn content(ds: &Dataset, s: &ViewState) -> Option<Export> {
    if s.lines {
        if let Some(e) = views::lines(ds, s) {
            return Some(e);
        }
    }
    // The département level's views are drawn from their own files (`dep::content`).
    let mut e = match s.view {
        View::Map if s.level == crate::model::Level::Dep => None,
        View::Map | View::Ranking => views::measure(ds, s),
        View::Region => views::region(ds, s),
        View::Compare => views::compare(ds, s),
        View::Scatter => views::scatter(ds, s),
        View::Acteurs => views::acteurs(ds, s),
        View::Method | View::Deck | View::Accessibility | View::Dep => None,
    }?;
    with_choices(&mut e, ds, s.lang);
    Some(e)
}

/// The subtitle names the user's weights (when not equal) and a reference other than France.
fn with_choices(e: &mut Export, ds: &Dataset, lang: Lang) {
    if !ds.reference.is_france() {
        let r = crate::state::analysis::reference_name(ds, lang);
        e.subtitle = format!(
            "{} — {} {r}",
            e.subtitle,
            lang.t("référence :", "reference:")
        );
    }
    if let Some(w) = crate::state::analysis::weights_phrase(ds, lang) {
        e.subtitle = format!("{} — {w}", e.subtitle);
    }
}

/// Today's date written out: "23 novembre 2026", "23 November 2026".
///
/// ```
/// use app::{export::long_date, i18n::Lang};
/// assert_eq!(long_date(2026, 11, 23, Lang::Fr), "23 novembre 2026");
/// assert_eq!(long_date(2026, 1, 1, Lang::En), "1 January 2026");
/// ```
pub fn long_date(y: u32, m: u32, d: u32, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if lang == Lang::Fr { FR } else { EN };
    let month = names[(m.clamp(1, 12) - 1) as usize];
    format!("{d} {month} {y}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::catalog;
    use crate::state::fixture::dataset;

    fn state(view: View) -> ViewState {
        let ds = dataset();
        let mut s = ViewState::default_for(&catalog(&ds));
        s.view = view;
        s.region = Some(ds.regions[0].code.clone());
        s
    }

    /// The source line names the producers and years of what the view shows, and only those.
    /// The expectations are written from the fixture (three indicators given distinct producers
    /// and years here), not computed by the code under test.
    #[test]
    fn source_line_names_what_the_view_shows() {
        let mut ds = dataset();
        for (i, (p, y)) in ds.indicators.iter_mut().zip([
            ("INSEE", "2024-T3"),
            ("INSEE", "2023"),
            ("DREES", "2019"),
        ]) {
            i.meta.producer = p.into();
            i.meta.year = y.into();
        }
        // The map and the ranking show the default measure, the emploi domain (chomage).
        assert_eq!(
            source_line(&ds, &state(View::Map)).as_deref(),
            Some("INSEE 2024-T3")
        );
        assert_eq!(
            source_line(&ds, &state(View::Ranking)).as_deref(),
            Some("INSEE 2024-T3")
        );
        // The region page and the comparison show every domain: producers sorted, years sorted.
        for v in [View::Region, View::Compare] {
            assert_eq!(
                source_line(&ds, &state(v)).as_deref(),
                Some("DREES 2019 ; INSEE 2023, 2024-T3"),
                "{v:?}"
            );
        }
        assert_eq!(source_line(&ds, &state(View::Method)), None);
    }

    /// The printed footer's source line is the exports' one, for every view.
    #[test]
    fn source_line_is_the_exports_source_line() {
        let ds = dataset();
        for v in [
            View::Map,
            View::Ranking,
            View::Region,
            View::Compare,
            View::Acteurs,
            View::Method,
        ] {
            let s = state(v);
            assert_eq!(
                source_line(&ds, &s),
                content(&ds, &s).map(|e| e.sources),
                "{v:?}"
            );
        }
    }

    /// Every exportable view gives a title, a source line naming producers, one meta per row.
    #[test]
    fn every_view_but_method_exports() {
        let ds = dataset();
        for v in [
            View::Map,
            View::Region,
            View::Compare,
            View::Ranking,
            View::Acteurs,
        ] {
            let e = content(&ds, &state(v)).unwrap_or_else(|| panic!("{v:?}"));
            assert!(!e.title.is_empty() && !e.subtitle.is_empty(), "{v:?}");
            assert_eq!(e.meta.len(), e.table.rows.len(), "{v:?}");
            assert!(!e.sources.is_empty(), "{v:?}: no source line");
        }
        assert!(content(&ds, &state(View::Method)).is_none());
    }
}
