//! The dataset parsed in parts, a few at a time, so that the app's start never blocks the page
//! for long (first-view issue: parsed at once, `dataset.json` held the main thread for 17–29 ms
//! at CPU 1×, four times that on a mid-range phone). The file is scanned once into its raw
//! parts; each [`InParts::step`] then parses a few of them.

use datafrag::model::{Dataset, IndicatorOut};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The dataset's fields, unparsed (the indicators one by one: they are 80 % of the file).
#[derive(Deserialize)]
struct Raw<'a> {
    generated_by: String,
    #[serde(borrow)]
    regions: &'a RawValue,
    #[serde(borrow)]
    domains: &'a RawValue,
    #[serde(borrow)]
    indicators: Vec<&'a RawValue>,
    #[serde(borrow)]
    profiles: &'a RawValue,
    #[serde(borrow)]
    acteurs: &'a RawValue,
    #[serde(default, borrow)]
    overall: Option<&'a RawValue>,
    #[serde(default, borrow)]
    reference: Option<&'a RawValue>,
    #[serde(default)]
    weights: Vec<f64>,
}

/// How many indicators one step parses.
const PER_STEP: usize = 8;

/// A dataset being parsed.
pub struct InParts<'a> {
    raw: Raw<'a>,
    indicators: Vec<IndicatorOut>,
}

impl<'a> InParts<'a> {
    /// Scans the file into its parts (checks it is JSON of the dataset's shape at the top).
    /// Not inlined, here and in `step`: the browser compiles a function of the wasm when it is
    /// first called, and inlined into the download's future, the parser would be compiled in
    /// the app's first task, before the file has even arrived.
    #[inline(never)]
    pub fn new(bytes: &'a [u8]) -> serde_json::Result<Self> {
        let raw: Raw<'a> = serde_json::from_slice(bytes)?;
        let indicators = Vec::with_capacity(raw.indicators.len());
        Ok(InParts { raw, indicators })
    }

    /// Parses the next few indicators; once they are all parsed, the rest, and gives the dataset.
    #[inline(never)]
    pub fn step(&mut self) -> serde_json::Result<Option<Dataset>> {
        let done = self.indicators.len();
        if done < self.raw.indicators.len() {
            for r in self.raw.indicators.iter().skip(done).take(PER_STEP) {
                self.indicators
                    .push(serde_json::from_slice(r.get().as_bytes())?);
            }
            return Ok(None);
        }
        let r = &self.raw;
        Ok(Some(Dataset {
            generated_by: r.generated_by.clone(),
            regions: serde_json::from_slice(r.regions.get().as_bytes())?,
            domains: serde_json::from_slice(r.domains.get().as_bytes())?,
            indicators: std::mem::take(&mut self.indicators),
            profiles: serde_json::from_slice(r.profiles.get().as_bytes())?,
            acteurs: serde_json::from_slice(r.acteurs.get().as_bytes())?,
            overall: or_default(r.overall)?,
            reference: or_default(r.reference)?,
            weights: r.weights.clone(),
        }))
    }
}

/// An optional field: its default when absent, as the dataset's own parse takes it.
fn or_default<T: Default + serde::de::DeserializeOwned>(
    v: Option<&RawValue>,
) -> serde_json::Result<T> {
    v.map_or(Ok(T::default()), |v| {
        serde_json::from_slice(v.get().as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/data/dataset.json");

    fn in_parts(bytes: &[u8]) -> serde_json::Result<(Dataset, usize)> {
        let mut p = InParts::new(bytes)?;
        let mut steps = 1;
        loop {
            if let Some(ds) = p.step()? {
                return Ok((ds, steps));
            }
            steps += 1;
        }
    }

    /// The promise: parsed in parts, the committed dataset is the very dataset a single parse
    /// gives, field for field, in several steps.
    #[test]
    fn parts_give_the_same_dataset_as_one_parse() {
        let bytes = std::fs::read(FILE).expect("committed dataset");
        let whole: Dataset = serde_json::from_slice(&bytes).expect("dataset parses");
        let (parts, steps) = in_parts(&bytes).expect("parts parse");
        assert!(whole.indicators.len() > PER_STEP);
        assert_eq!(steps, whole.indicators.len().div_ceil(PER_STEP) + 1);
        assert_eq!(parts, whole);
    }

    /// The optional fields take the same defaults as the dataset's own parse when absent.
    #[test]
    fn absent_optional_fields_default_as_in_one_parse() {
        let bytes = std::fs::read(FILE).expect("committed dataset");
        let mut v: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        let o = v.as_object_mut().expect("object");
        for k in ["overall", "reference", "weights"] {
            o.remove(k);
        }
        let bytes = serde_json::to_vec(&v).expect("json");
        let whole: Dataset = serde_json::from_slice(&bytes).expect("dataset parses");
        assert_eq!(in_parts(&bytes).expect("parts parse").0, whole);
    }

    /// A broken indicator or a missing field is an error, as in one parse, not a smaller dataset.
    #[test]
    fn a_broken_part_is_an_error() {
        let bytes = std::fs::read(FILE).expect("committed dataset");
        let mut v: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        v["indicators"][3]["id"] = serde_json::Value::from(7);
        let broken = serde_json::to_vec(&v).expect("json");
        assert!(serde_json::from_slice::<Dataset>(&broken).is_err());
        assert!(in_parts(&broken).is_err());
        v.as_object_mut().expect("object").remove("profiles");
        let missing = serde_json::to_vec(&v).expect("json");
        assert!(in_parts(&missing).is_err());
        assert!(in_parts(b"[1, 2]").is_err());
    }
}
