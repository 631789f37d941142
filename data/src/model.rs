//! The dataset's types: metadata (hand-written TOML), observations (tidy CSV) and the compact
//! runtime form the app loads. Shared by the pipeline and the app.

use serde::{Deserialize, Serialize};

/// Code of France métropolitaine in the tidy files.
pub const FRANCE: &str = "FRM";

/// Which direction means "more fragile".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// A higher value means more fragile (unemployment, poverty…).
    HigherIsFragile,
    /// A lower value means more fragile (employment rate, income…).
    LowerIsFragile,
}

impl Polarity {
    /// +1 when higher is more fragile, −1 otherwise.
    pub fn sign(self) -> f64 {
        match self {
            Polarity::HigherIsFragile => 1.0,
            Polarity::LowerIsFragile => -1.0,
        }
    }
}

/// How an indicator's value becomes an index where France = 100 and above 100 is more fragile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexRule {
    /// 100 × value / France (or France / value when lower is more fragile). For levels.
    #[default]
    Ratio,
    /// 100 + 10 × (value − France) / σ, signed by polarity, σ the standard deviation of the
    /// 13 regions. For rates of change and values near zero, where a ratio means nothing.
    StandardisedGap,
}

/// A domain of fragility (data/domains.toml).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainMeta {
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
    /// The name inside a sentence, with its article ("le vieillissement").
    pub in_sentence_fr: String,
    pub in_sentence_en: String,
    pub description_fr: String,
    pub description_en: String,
    /// Where the name comes from: "PHARE" (confirmed name), "decks" (the regional decks) or "product".
    pub origin: String,
    /// Why the domain has no indicator, when it has none: it is then left out of every composite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap_fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap_en: Option<String>,
    /// What its indicators cannot say (a single indicator, proxies), shown next to the domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// Pairs of its indicators that correlate negatively across regions, and why both are kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explained: Vec<ExplainedPair>,
}

/// Two indicators of one domain whose indices move in opposite directions across the regions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExplainedPair {
    pub a: String,
    pub b: String,
    pub why_fr: String,
    pub why_en: String,
}

/// The correlation of two indicators' indices across the regions where both exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correlation {
    pub a: String,
    pub b: String,
    /// Pearson's r, rounded to 0.01.
    pub r: f64,
    /// Regions where both indices exist.
    pub n: u8,
}

/// An indicator's metadata (data/indicators.toml).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorMeta {
    pub id: String,
    pub domain: String,
    pub label_fr: String,
    pub label_en: String,
    pub definition_fr: String,
    pub definition_en: String,
    pub unit: String,
    pub year: String,
    pub producer: String,
    /// The producer in English, where its French wording has more than proper names.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub producer_en: String,
    pub licence: String,
    /// The licence in English, where its French wording says more than the licence's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence_en: String,
    pub origin: String,
    /// Which reader of the pipeline makes it and from which field (`regioviz:CHOM1574`), or
    /// `custom` for values brought in data/custom.csv.
    pub source: String,
    pub method: String,
    pub method_en: String,
    pub polarity: Polarity,
    #[serde(default)]
    pub index_rule: IndexRule,
    #[serde(default)]
    pub caveats: String,
    #[serde(default)]
    pub caveats_en: String,
    /// The years the source holds besides the headline one, when it holds several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<SeriesMeta>,
    /// What a region's value weighs when regions are pooled into another reference ("France
    /// hors Île-de-France"): its population, or its area for a share of the land.
    #[serde(default, skip_serializing_if = "Weight::is_population")]
    pub weight: Weight,
}

/// What a region weighs when its values are pooled (see [`crate::reference`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    #[default]
    Population,
    /// For a share of the land.
    Area,
    /// The region's artificial land (area × share of artificial land): for the growth of
    /// artificial land, a rate of that stock.
    ArtificialLand,
}

impl Weight {
    pub fn is_population(&self) -> bool {
        *self == Weight::Population
    }
    /// Each region's weight, from the dataset's profiles (and indicators).
    pub fn of(self, ds: &Dataset) -> Vec<Option<f64>> {
        let profile = |id: &str| {
            ds.profiles
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.values.clone())
                .unwrap_or_else(|| vec![None; ds.regions.len()])
        };
        match self {
            Weight::Population => profile("population"),
            Weight::Area => profile("area"),
            Weight::ArtificialLand => {
                let share = ds
                    .indicators
                    .iter()
                    .find(|i| i.meta.id == "artificialisation")
                    .map(|i| i.values.clone())
                    .unwrap_or_default();
                profile("area")
                    .iter()
                    .zip(share)
                    .map(|(a, s)| Some((*a)? * s?))
                    .collect()
            }
        }
    }
}

/// An indicator's series over the years: which years, how a year is made from the source
/// (a quarterly series reduced to years, a stock at 1 January…) and where the source breaks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesMeta {
    /// First and last year, inclusive.
    pub from: i32,
    pub to: i32,
    /// How one year's value is made, in French and English.
    pub rule_fr: String,
    pub rule_en: String,
    /// Years from which the values are not comparable with the years before (a change of
    /// definition or of the producer's system): a line is never drawn across one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<i32>,
}

/// An indicator's values over its series' years (the headline year included when it is one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trajectory {
    /// Ascending (built from the series' `from..=to`).
    pub years: Vec<i32>,
    /// France métropolitaine's value, per year.
    pub france: Vec<Option<f64>>,
    /// Per region (the dataset's order), per year.
    pub values: Vec<Vec<Option<f64>>>,
}

impl Trajectory {
    /// Region `k`'s (year, value) points; France's with `None` for `k`.
    pub fn points(&self, k: Option<usize>) -> Vec<(i32, Option<f64>)> {
        let vals = match k {
            Some(k) => self.values.get(k).map(Vec::as_slice).unwrap_or(&[]),
            None => self.france.as_slice(),
        };
        self.years.iter().zip(vals).map(|(y, v)| (*y, *v)).collect()
    }
}

/// One row of the tidy file: an indicator's value for an area, or why it is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub indicator: String,
    /// INSEE region code or [`FRANCE`].
    pub area: String,
    pub year: String,
    pub unit: String,
    pub value: Option<f64>,
    pub missing_reason: Option<String>,
}

/// An area as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub code: String,
    pub name: String,
    /// The areas it shares a border with (codes, from the map's topology); none for an island.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub neighbours: Vec<String>,
}

/// The runtime dataset (`assets/data/dataset.json`). Arrays indexed like `regions`; France apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub generated_by: String,
    /// The 13 regions, in code order.
    pub regions: Vec<Area>,
    pub domains: Vec<DomainOut>,
    pub indicators: Vec<IndicatorOut>,
    /// Region profiles (population, area, GDP…), each with ranks.
    pub profiles: Vec<ProfileOut>,
    /// The decks' partnership and perception figures (seeds/deck_facts.toml).
    pub acteurs: crate::seeds::Seeds,
    /// All domains at once.
    #[serde(default)]
    pub overall: OverallOut,
    /// The reference the indices are taken to (France métropolitaine in the published file).
    #[serde(
        default,
        skip_serializing_if = "crate::reference::Reference::is_france"
    )]
    pub reference: crate::reference::Reference,
    /// The domains' weights in the overall reading, in domain order, when not all equal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<f64>,
}

/// One item of the region profiles, for the 13 regions and France.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileOut {
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
    pub unit: String,
    pub year: String,
    pub source: String,
    pub france: Option<f64>,
    pub values: Vec<Option<f64>>,
    pub missing: Vec<Option<String>>,
    /// Rank among the 13, 1 = largest.
    pub rank: Vec<Option<u8>>,
    /// A caveat the pipeline computed (a growth resting on one year), in French and English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caveat_fr: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caveat_en: String,
}

/// A domain with its index per region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainOut {
    #[serde(flatten)]
    pub meta: DomainMeta,
    /// Ids of its indicators.
    pub indicators: Vec<String>,
    /// Domain index per region (mean of its indicators' unrounded indices), `None` without
    /// indicators.
    pub index: Vec<Option<f64>>,
    /// Correlation of each pair of its indicators across the 13 regions (coherence check).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlations: Vec<Correlation>,
    /// Rank among the 13, 1 = most fragile.
    pub rank: Vec<Option<u8>>,
    /// Median rank and 5th–95th percentiles over the choices of [`crate::robust`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub robust: Vec<Option<crate::robust::RankRange>>,
}

/// The overall reading: the mean of the domains' indices (equal weights), its ranks and their
/// ranges.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OverallOut {
    pub index: Vec<Option<f64>>,
    pub rank: Vec<Option<u8>>,
    pub robust: Vec<Option<crate::robust::RankRange>>,
}

/// An indicator with its values, indices and ranks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorOut {
    #[serde(flatten)]
    pub meta: IndicatorMeta,
    /// France métropolitaine's value.
    pub france: Option<f64>,
    /// Value per region.
    pub values: Vec<Option<f64>>,
    /// Why a value is missing, per region (`None` where present).
    pub missing: Vec<Option<String>>,
    pub index: Vec<Option<f64>>,
    pub rank: Vec<Option<u8>>,
    /// Its values over the years, when the source holds several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trajectory: Option<Trajectory>,
}
