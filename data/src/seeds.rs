//! The structured facts of the decks (seeds/deck_facts.toml).

#[cfg(feature = "pipeline")]
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub area: String,
    pub value: f64,
    pub unit: String,
    pub year: String,
    /// The seed file it was read from: provenance for the pipeline and its tests, not sent to
    /// the browser.
    #[serde(default, skip_serializing)]
    pub seed: String,
    pub quote: String,
    #[serde(rename = "use", default, skip_serializing)]
    pub usage: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub area: String,
    pub practice: String,
    pub value: f64,
    /// The other OCR reading, kept to document the choice; pipeline only.
    #[serde(default, skip_serializing)]
    pub rejected_reading: f64,
    /// The year the companies were surveyed.
    pub year: String,
    /// The seed file it was read from: provenance for the pipeline and its tests, not sent to
    /// the browser.
    #[serde(default, skip_serializing)]
    pub seed: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub id: String,
    pub value: f64,
    pub unit: String,
    pub label_fr: String,
    pub label_en: String,
    pub population: String,
    /// The seed file it was read from: provenance for the pipeline and its tests, not sent to
    /// the browser.
    #[serde(default, skip_serializing)]
    pub seed: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Margins {
    pub national_min: f64,
    pub national_max: f64,
    pub regional: f64,
    pub unit: String,
    pub sample: String,
    /// The seed file it was read from: provenance for the pipeline and its tests, not sent to
    /// the browser.
    #[serde(default, skip_serializing)]
    pub seed: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub area: String,
    pub text: String,
    /// The seed file it was read from: provenance for the pipeline and its tests, not sent to
    /// the browser.
    #[serde(default, skip_serializing)]
    pub seed: String,
    /// What the sentence says of the region as a whole: "less" or "more" fragile.
    pub overall: String,
    /// The domains it names as more fragile (domain ids).
    pub named: Vec<String>,
}

/// The sample a survey chart states ("Base : Ensemble des entreprises (N = 107)").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Base {
    pub n: u32,
    pub population: String,
    /// The seed file it was read from: provenance for the pipeline and its tests, not sent to
    /// the browser.
    #[serde(default, skip_serializing)]
    pub seed: String,
    pub quote: String,
}

/// Half-width, in percentage points, of the 95 % confidence interval of a proportion `percent`
/// measured on a simple random sample of `n` (normal approximation: 1.96 × √(p(1 − p)/n)).
///
/// ```
/// let m = datafrag::seeds::margin_95(50.0, 100);
/// assert!((m - 9.8).abs() < 1e-9);
/// assert_eq!(datafrag::seeds::margin_95(0.0, 100), 0.0);
/// ```
pub fn margin_95(percent: f64, n: u32) -> f64 {
    let p = (percent / 100.0).clamp(0.0, 1.0);
    if n == 0 {
        return f64::NAN;
    }
    100.0 * 1.96 * (p * (1.0 - p) / f64::from(n)).sqrt()
}

/// Everything in deck_facts.toml.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seeds {
    /// The decks' facts: oracles of the pipeline's tests and sources of the profiles, which
    /// carry them; not sent to the browser.
    #[serde(default, skip_serializing)]
    pub fact: Vec<Fact>,
    pub practice: Vec<Practice>,
    /// The sample behind the practices.
    pub practice_base: Base,
    pub survey: Vec<Survey>,
    pub margins: Margins,
    pub sentence: Vec<Sentence>,
}

impl Seeds {
    #[cfg(feature = "pipeline")]
    /// Parses and checks that each fact names a seed file of ../shared/seeds' form.
    pub fn parse(text: &str, file: &str) -> Result<Seeds> {
        let s: Seeds = toml::from_str(text)
            .map_err(|e| Error::invalid(file, 0, "toml", e.message().to_string()))?;
        let seeds = s
            .fact
            .iter()
            .map(|f| &f.seed)
            .chain(s.practice.iter().map(|p| &p.seed))
            .chain(s.survey.iter().map(|p| &p.seed));
        for seed in seeds {
            if !seed.ends_with(".txt") {
                return Err(Error::invalid(
                    file,
                    0,
                    "seed",
                    format!("{seed:?} is not a seed file"),
                ));
            }
        }
        for x in &s.sentence {
            if !matches!(x.overall.as_str(), "less" | "more") {
                return Err(Error::invalid(
                    file,
                    0,
                    "overall",
                    format!("sentence of {}: \"less\" or \"more\"", x.area),
                ));
            }
        }
        Ok(s)
    }

    /// The facts with this id.
    pub fn facts(&self, id: &str) -> impl Iterator<Item = &Fact> {
        let id = id.to_string();
        self.fact.iter().filter(move |f| f.id == id)
    }
}
