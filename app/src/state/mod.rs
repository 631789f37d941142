//! Derived state of each view: plain structs computed by pure functions from the dataset and
//! the URL state, tested natively. Components only render them.

pub mod acteurs;
pub mod analysis;
pub mod charts;
pub mod compare;
pub mod deck_reading;
pub mod dep;
pub mod first_view;
pub mod key_figures;
pub mod map;
pub mod peers;
pub mod pickers;
pub mod provenance;
pub mod ranking;
pub mod region;
pub mod scatter;
pub mod search;
pub mod summary;
pub mod tables;
pub mod trajectory;
pub mod years;

use crate::i18n::Lang;
use crate::model::{Catalog, Measure, ViewState};
use datafrag::model::{Dataset, DomainOut, IndicatorOut};

/// The catalog of ids a URL may name.
pub fn catalog(ds: &Dataset) -> Catalog {
    Catalog {
        regions: ds.regions.iter().map(|r| r.code.clone()).collect(),
        domains: ds
            .domains
            .iter()
            .filter(|d| !d.indicators.is_empty())
            .map(|d| d.meta.id.clone())
            .collect(),
        indicators: ds.indicators.iter().map(|i| i.meta.id.clone()).collect(),
        years: years::years(ds).iter().map(|(y, _)| *y).collect(),
        series: ds
            .indicators
            .iter()
            .filter(|i| trajectory::has_series(i))
            .map(|i| i.meta.id.clone())
            .collect(),
    }
}

/// The browser tab's title for a view: "Occitanie — Région · Fragilités régionales",
/// "Emploi — Carte · …", "Nouvelle-Aquitaine, Occitanie — Comparer · …".
pub fn page_title(ds: &Dataset, s: &ViewState) -> String {
    use crate::model::View;
    let lang = s.lang;
    let name = |code: &str| region_pos(ds, code).map(|k| ds.regions[k].name.clone());
    let measure = || measure_info(ds, &s.measure, lang).map(|i| i.title);
    let (subject, view) = match s.view {
        View::Map => (
            s.region.as_deref().and_then(name).or_else(measure),
            lang.t("Carte", "Map"),
        ),
        View::Region => (
            s.region.as_deref().and_then(name),
            lang.t("Région", "Region"),
        ),
        View::Compare => {
            let names: Vec<String> = s.compare.iter().filter_map(|c| name(c)).collect();
            (Some(names.join(", ")), lang.t("Comparer", "Compare"))
        }
        View::Ranking => (measure(), lang.t("Classement", "Ranking")),
        View::Scatter => {
            let y = s.y_measure(&catalog(ds));
            let yt = measure_info(ds, &y, lang).map(|i| i.title);
            (
                measure().zip(yt).map(|(a, b)| format!("{a} × {b}")),
                lang.t("Croiser deux mesures", "Two measures"),
            )
        }
        View::Acteurs => (None, lang.t("Acteurs", "Actors")),
        View::Method => (None, lang.t("Méthode", "Method")),
        View::Deck => (None, lang.t("Atelier", "Workshop")),
        View::Accessibility => (None, lang.t("Accessibilité", "Accessibility")),
        View::Dep => (
            s.dep
                .as_ref()
                .map(|d| format!("{} {d}", lang.t("Département", "Département"))),
            lang.t("Département", "Département"),
        ),
    };
    let app = lang.t("Fragilités régionales", "Regional fragility");
    let year = s.year.map(|y| format!(" ({y})")).unwrap_or_default();
    match subject {
        Some(x) if !x.is_empty() => format!("{x}{year} — {view} · {app}"),
        _ => format!("{view} · {app}"),
    }
}

/// The earliest and the latest period of the dataset's indicators ("2012", "2024-T4"), read from
/// their metadata: the method page states the span, never a typed one.
pub fn year_span(ds: &Dataset) -> Option<(String, String)> {
    // (year, sub-period) of a period's start and end: "2012-2018" → 2012 … 2018, "2024-T4" →
    // (2024, 4) both, "2024-2025" (a school year) → 2024 … 2025.
    let key = |y: &str| -> Option<(u32, u32)> {
        let (year, rest) = (y.get(..4)?.parse().ok()?, y.get(4..).unwrap_or(""));
        let quarter = rest
            .strip_prefix("-T")
            .and_then(|q| q.parse().ok())
            .unwrap_or(0);
        Some((year, quarter))
    };
    let mut first: Option<(u32, String)> = None;
    let mut last: Option<((u32, u32), String)> = None;
    for m in ds.indicators.iter().map(|i| &i.meta.year) {
        let Some(start) = key(m) else { continue };
        let end_text = match m.rsplit_once('-') {
            Some((_, tail)) if tail.len() == 4 => tail.to_string(),
            _ => m.clone(),
        };
        let Some(end) = key(&end_text) else { continue };
        if first.as_ref().is_none_or(|(y, _)| start.0 < *y) {
            first = Some((start.0, start.0.to_string()));
        }
        if last.as_ref().is_none_or(|(k, _)| end > *k) {
            last = Some((end, end_text));
        }
    }
    Some((first?.1, last?.1))
}

/// What a domain's indicators cannot say, or why it has none, in the interface language (shown
/// next to the domain on the region and method pages).
pub fn domain_note(d: &datafrag::model::DomainMeta, lang: Lang) -> Option<String> {
    let (fr, en) = match (&d.gap_fr, &d.note_fr) {
        (Some(fr), _) => (fr, &d.gap_en),
        (None, Some(fr)) => (fr, &d.note_en),
        (None, None) => return None,
    };
    Some(lang.pick(fr, en.as_deref().unwrap_or(fr)).to_string())
}

/// Domains with at least one indicator (a domain without source is shown but not measured).
pub fn measured_domains(ds: &Dataset) -> usize {
    ds.domains
        .iter()
        .filter(|d| !d.indicators.is_empty())
        .count()
}

/// Position of a region in the dataset's arrays.
pub fn region_pos(ds: &Dataset, code: &str) -> Option<usize> {
    ds.regions.iter().position(|r| r.code == code)
}

pub fn domain<'a>(ds: &'a Dataset, id: &str) -> Option<&'a DomainOut> {
    ds.domains.iter().find(|d| d.meta.id == id)
}

pub fn indicator<'a>(ds: &'a Dataset, id: &str) -> Option<&'a IndicatorOut> {
    ds.indicators.iter().find(|i| i.meta.id == id)
}

/// One area's figures on a measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Raw value (indicators only).
    pub value: Option<f64>,
    pub index: Option<f64>,
    pub rank: Option<u8>,
    pub missing: Option<String>,
    /// How many areas the rank is out of.
    pub of: usize,
    /// The rank's median and 5th–95th percentiles over the analyst's choices (composites only).
    pub robust: Option<datafrag::robust::RankRange>,
}

/// What a measure is, in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureInfo {
    pub title: String,
    /// Unit of the raw value (empty for a domain, which has only an index).
    pub unit: String,
    pub year: String,
    pub is_domain: bool,
    /// France's raw value (indicators only).
    pub france: Option<f64>,
    /// Indicator ids behind the measure (one for an indicator).
    pub indicators: Vec<String>,
    /// The reference the indices are taken to ("France métropolitaine"…), and the indices'
    /// unit as a title ("Indice (France = 100)"), and its line's label ("France = 100").
    pub reference: String,
    pub index_unit: String,
    pub reference_line: String,
}

/// The figures of region `k` on a measure, and what the measure is.
pub fn measure_figures(ds: &Dataset, m: &Measure, k: usize) -> Option<Figures> {
    match m {
        Measure::Domain(id) => domain(ds, id).map(|d| Figures {
            value: None,
            index: d.index[k],
            rank: d.rank[k],
            missing: None,
            of: ds.regions.len(),
            robust: d.robust.get(k).copied().flatten(),
        }),
        Measure::Indicator(id) => indicator(ds, id).map(|i| Figures {
            value: i.values[k],
            index: i.index[k],
            rank: i.rank[k],
            missing: i.missing[k].clone(),
            of: ds.regions.len(),
            robust: None,
        }),
        Measure::Overall => (!ds.overall.index.is_empty()).then(|| Figures {
            value: None,
            index: ds.overall.index[k],
            rank: ds.overall.rank[k],
            missing: None,
            of: ds.regions.len(),
            robust: ds.overall.robust.get(k).copied().flatten(),
        }),
    }
}

pub fn measure_info(ds: &Dataset, m: &Measure, lang: Lang) -> Option<MeasureInfo> {
    let reference = analysis::reference_name(ds, lang).to_string();
    let index_unit = analysis::index_title(ds, lang);
    let reference_line = analysis::reference_line(ds, lang);
    let info = match m {
        Measure::Domain(id) => domain(ds, id).map(|d| MeasureInfo {
            title: lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string(),
            unit: String::new(),
            year: years_of(ds, &d.indicators),
            is_domain: true,
            france: None,
            indicators: d.indicators.clone(),
            reference: String::new(),
            index_unit: String::new(),
            reference_line: String::new(),
        }),
        Measure::Indicator(id) => indicator(ds, id).map(|i| MeasureInfo {
            title: lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string(),
            unit: crate::format::unit(&i.meta.unit, lang),
            year: i.meta.year.clone(),
            is_domain: false,
            france: i.france,
            indicators: vec![i.meta.id.clone()],
            reference: String::new(),
            index_unit: String::new(),
            reference_line: String::new(),
        }),
        Measure::Overall => (!ds.overall.index.is_empty()).then(|| MeasureInfo {
            title: if ds.weights.is_empty() {
                lang.t("Ensemble des domaines", "All domains")
            } else {
                lang.t(
                    "Ensemble des domaines (pondération personnalisée)",
                    "All domains (custom weights)",
                )
            }
            .to_string(),
            unit: String::new(),
            year: year_span(ds)
                .map(|(a, b)| format!("{a}–{b}"))
                .unwrap_or_default(),
            is_domain: true,
            france: None,
            indicators: ds.indicators.iter().map(|i| i.meta.id.clone()).collect(),
            reference: String::new(),
            index_unit: String::new(),
            reference_line: String::new(),
        }),
    };
    info.map(|i| MeasureInfo {
        reference,
        index_unit,
        reference_line,
        ..i
    })
}

/// The distinct years of some indicators, joined ("2015, 2019"); an indicator without any
/// value (a year it does not cover) gives none.
pub fn years_of(ds: &Dataset, ids: &[String]) -> String {
    let mut years: Vec<&str> = ids
        .iter()
        .filter_map(|id| indicator(ds, id))
        .filter(|i| i.france.is_some() || i.values.iter().any(Option::is_some))
        .map(|i| i.meta.year.as_str())
        .collect();
    years.sort();
    years.dedup();
    years.join(", ")
}

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod span_tests {
    /// The span the method page states comes from the indicators' own years, periods and
    /// quarters included.
    #[test]
    fn year_span_reads_periods_and_quarters() {
        let mut ds = super::fixture::dataset();
        let n = ds.indicators.len();
        assert!(n >= 3, "fixture has {n} indicators");
        for (i, y) in ds
            .indicators
            .iter_mut()
            .zip(["2012-2018", "2024-T3", "2024-T4"].iter().cycle())
        {
            i.meta.year = y.to_string();
        }
        assert_eq!(
            super::year_span(&ds),
            Some(("2012".into(), "2024-T4".into()))
        );
        ds.indicators[2].meta.year = "2024-2025".into();
        assert_eq!(super::year_span(&ds).unwrap().1, "2025");
    }
}
