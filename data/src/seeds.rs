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
    pub seed: String,
    pub quote: String,
    #[serde(rename = "use")]
    pub usage: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub area: String,
    pub practice: String,
    pub value: f64,
    pub rejected_reading: f64,
    /// The year the companies were surveyed.
    pub year: String,
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
    pub seed: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub area: String,
    pub text: String,
    pub seed: String,
}

/// Everything in deck_facts.toml.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seeds {
    pub fact: Vec<Fact>,
    pub practice: Vec<Practice>,
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
        Ok(s)
    }

    /// The facts with this id.
    pub fn facts(&self, id: &str) -> impl Iterator<Item = &Fact> {
        let id = id.to_string();
        self.fact.iter().filter(move |f| f.id == id)
    }
}
