//! The region view's state: the 16 domains sorted by gap to France, each with its indicators,
//! the generated summary, and the profile card.

use super::summary::region_summary;
use crate::i18n::Lang;
use datafrag::model::Dataset;

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub year: String,
    pub value: Option<f64>,
    pub france: Option<f64>,
    pub index: Option<f64>,
    pub rank: Option<u8>,
    pub missing: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DomainLine {
    pub id: String,
    pub label: String,
    pub index: Option<f64>,
    pub reading: super::summary::Reading,
    pub rank: Option<u8>,
    /// What the domain's indicators cannot say, or why it has none (shown next to it).
    pub note: Option<String>,
    /// The domain has no source at all: not measured, left out of the summaries.
    pub unmeasured: bool,
    pub indicators: Vec<IndicatorLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProfileLine {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub year: String,
    pub value: Option<f64>,
    pub france: Option<f64>,
    pub rank: Option<u8>,
    pub missing: Option<String>,
    pub source: String,
    /// What the pipeline noticed about the figure (a growth resting on one year), in the
    /// interface language; empty for most.
    pub caveat: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegionState {
    /// The reference line's label ("France = 100", another reference's name).
    pub reference: String,
    pub code: String,
    pub name: String,
    /// Most fragile first (highest index); domains without an index last.
    pub domains: Vec<DomainLine>,
    pub summary: String,
    /// The source deck's own sentence about the region, where it has one (a quote, in French).
    pub deck_sentence: Option<String>,
    /// Where and why the open data reads differently from that sentence.
    pub deck_reading: Option<String>,
    /// How many domains the dashboard has (the heading says it, never a typed "16").
    pub domain_count: usize,
    /// How many regions the ranks are out of.
    pub of: usize,
    pub profile: Vec<ProfileLine>,
}

/// Profile items shown on the card, in this order (the `_2019` items serve the deck comparison).
pub const PROFILE_CARD: [&str; 12] = [
    "population",
    "population_change_5y",
    "area",
    "density",
    "communes",
    "departements",
    "gdp",
    "gdp_share",
    "gdp_growth",
    "rd_gdp",
    "enterprises",
    "associations",
];

pub fn region_state(ds: &Dataset, code: &str, lang: Lang) -> Option<RegionState> {
    let k = super::region_pos(ds, code)?;
    let mut domains: Vec<DomainLine> = ds
        .domains
        .iter()
        .map(|d| DomainLine {
            id: d.meta.id.clone(),
            label: lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string(),
            index: d.index[k],
            reading: super::summary::Reading::of(d.index[k]),
            rank: d.rank[k],
            note: super::domain_note(&d.meta, lang),
            unmeasured: d.indicators.is_empty(),
            indicators: d
                .indicators
                .iter()
                .filter_map(|id| super::indicator(ds, id))
                .map(|i| IndicatorLine {
                    id: i.meta.id.clone(),
                    label: lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string(),
                    unit: crate::format::unit(&i.meta.unit, lang),
                    year: i.meta.year.clone(),
                    value: i.values[k],
                    france: i.france,
                    index: i.index[k],
                    rank: i.rank[k],
                    missing: i.missing[k].clone(),
                })
                .collect(),
        })
        .collect();
    domains.sort_by(|a, b| match (a.index, b.index) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.label.cmp(&b.label),
    });
    let profile = PROFILE_CARD
        .iter()
        .filter_map(|id| ds.profiles.iter().find(|p| p.id == *id))
        .map(|p| ProfileLine {
            id: p.id.clone(),
            label: lang.pick(&p.label_fr, &p.label_en).to_string(),
            unit: crate::format::unit(&p.unit, lang),
            year: p.year.clone(),
            value: p.values[k],
            france: p.france,
            rank: p.rank[k],
            missing: p.missing[k].clone(),
            source: p.source.clone(),
            caveat: lang.pick(&p.caveat_fr, &p.caveat_en).to_string(),
        })
        .collect();
    Some(RegionState {
        reference: super::analysis::reference_line(ds, lang),
        code: code.into(),
        name: ds.regions[k].name.clone(),
        domains,
        summary: region_summary(ds, k, lang),
        deck_sentence: ds
            .acteurs
            .sentence
            .iter()
            .find(|x| x.area == code)
            .map(|x| x.text.clone()),
        deck_reading: super::deck_reading::deck_reading(ds, k, lang).map(|r| r.explanation),
        domain_count: ds.domains.len(),
        of: ds.regions.len(),
        profile,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::dataset;

    /// The deck's chart: domains sorted by gap to France, most fragile first.
    #[test]
    fn domains_sorted_by_gap_with_their_indicators() {
        let ds = dataset();
        let s = region_state(&ds, "75", Lang::Fr).unwrap();
        let ids: Vec<&str> = s.domains.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["vieillissement", "handicap", "emploi"]);
        assert_eq!(s.domains[0].indicators[0].value, Some(24.0));
        assert_eq!(s.domains[0].indicators[0].france, Some(20.0));
        let corse = region_state(&ds, "94", Lang::Fr).unwrap();
        assert_eq!(
            corse.domains.last().unwrap().id,
            "handicap",
            "no index: last"
        );
        assert!(region_state(&ds, "99", Lang::Fr).is_none());
    }

    /// The deck's own sentence is quoted for the regions it covers, and only for them.
    #[test]
    fn deck_sentence_only_where_the_deck_has_one() {
        let ds: Dataset =
            serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap();
        let na = region_state(&ds, "75", Lang::Fr).unwrap();
        assert!(na
            .deck_sentence
            .as_deref()
            .is_some_and(|t| t.contains("vieillissement")));
        assert!(region_state(&ds, "76", Lang::Fr)
            .unwrap()
            .deck_sentence
            .is_some());
        assert_eq!(
            region_state(&ds, "53", Lang::Fr).unwrap().deck_sentence,
            None
        );
    }
}
