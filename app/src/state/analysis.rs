//! The analyst's choices a user can change: the year, the reference the indices are taken to
//! and the domains' weights in the overall reading. One function turns the published dataset
//! into the dataset every view reads, so that the map, the ranks, the sentences and the exports
//! all follow the same choices.

use crate::i18n::Lang;
use crate::model::ViewState;
use datafrag::model::Dataset;
use datafrag::reference::{rebase, Reference};
use datafrag::robust::{refresh, DRAWS};

/// What the shown dataset depends on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Choices {
    pub year: Option<i32>,
    pub reference: Reference,
    /// Weights different from 1, by domain id.
    pub weights: Vec<(String, u8)>,
}

impl Choices {
    pub fn of(s: &ViewState) -> Choices {
        Choices {
            year: s.year,
            reference: s.reference,
            weights: s.weights.clone(),
        }
    }
}

/// Each domain's weight in `ds`'s domain order.
pub fn weight_vector(ds: &Dataset, weights: &[(String, u8)]) -> Vec<f64> {
    ds.domains
        .iter()
        .map(|d| {
            weights
                .iter()
                .find(|(id, _)| *id == d.meta.id)
                .map_or(1.0, |(_, w)| f64::from(*w))
        })
        .collect()
}

/// The published dataset as of the choices: the year's values, indices to the reference, the
/// overall reading with the weights, ranks and robust ranges recomputed (the published ones
/// kept when nothing differs from the defaults).
pub fn analysed(base: &Dataset, c: &Choices, lang: Lang) -> Dataset {
    let mut ds = match c.year {
        Some(y) => super::years::at_year(base, y, lang),
        None => base.clone(),
    };
    if *c == Choices::default() {
        return ds;
    }
    rebase(&mut ds, c.reference);
    let w = weight_vector(&ds, &c.weights);
    refresh(&mut ds, &w, DRAWS);
    ds.weights = if w.iter().all(|x| *x == 1.0) {
        Vec::new()
    } else {
        w
    };
    ds
}

/// "Pondération personnalisée : emploi ×2, santé ×0" — `None` with equal weights.
pub fn weights_phrase(ds: &Dataset, lang: Lang) -> Option<String> {
    if ds.weights.is_empty() {
        return None;
    }
    let parts: Vec<String> = ds
        .domains
        .iter()
        .zip(&ds.weights)
        .filter(|(d, w)| **w != 1.0 && !d.indicators.is_empty())
        .map(|(d, w)| format!("{} ×{w}", lang.pick(&d.meta.label_fr, &d.meta.label_en)))
        .collect();
    Some(format!(
        "{} : {}",
        lang.t("pondération personnalisée", "custom weights"),
        parts.join(", ")
    ))
}

/// The reference's name ("France métropolitaine", "France hors Île-de-France"…).
pub fn reference_name(ds: &Dataset, lang: Lang) -> &'static str {
    let (fr, en) = ds.reference.names();
    lang.t(fr, en)
}

/// "indice (France = 100)", "indice (médiane des 13 régions = 100)".
pub fn index_unit(ds: &Dataset, lang: Lang) -> String {
    let short = match ds.reference {
        Reference::France => "France",
        _ => reference_name(ds, lang),
    };
    format!("{} ({short} = 100)", lang.t("indice", "index"))
}

/// The label of the reference line: "France = 100", "médiane des 13 régions = 100".
pub fn reference_line(ds: &Dataset, lang: Lang) -> String {
    match ds.reference {
        Reference::France => "France = 100".into(),
        _ => format!("{} = 100", reference_name(ds, lang)),
    }
}

/// "3e (2e–5e)": a rank with its range; with "position incertaine" when the range crosses the
/// middle of the table.
pub fn robust_text(r: datafrag::robust::RankRange, of: usize, lang: Lang) -> String {
    let ord = |n: u8| crate::format::ordinal(n, lang);
    let range = if r.low() == r.high() {
        ord(r.median())
    } else {
        format!("{} ({}–{})", ord(r.median()), ord(r.low()), ord(r.high()))
    };
    if r.uncertain(of) {
        format!(
            "{range}, {}",
            lang.t("position incertaine", "uncertain position")
        )
    } else {
        range
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafrag::robust::RankRange;

    #[test]
    fn ranges_read_as_ranks() {
        assert_eq!(robust_text(RankRange(3, 2, 5), 13, Lang::Fr), "3e (2e–5e)");
        assert_eq!(robust_text(RankRange(1, 1, 1), 13, Lang::Fr), "1re");
        assert_eq!(
            robust_text(RankRange(7, 4, 10), 13, Lang::Fr),
            "7e (4e–10e), position incertaine"
        );
        assert_eq!(
            robust_text(RankRange(2, 1, 3), 13, Lang::En),
            "2nd (1st–3rd)"
        );
    }

    /// The choices reach the data: a weight of 0 on every domain but one makes the overall
    /// ranks that domain's; another reference changes the indices, not the values.
    #[test]
    fn weights_and_reference_change_what_every_view_reads() {
        let base = crate::state::fixture::dataset();
        let others: Vec<(String, u8)> = base.domains[1..]
            .iter()
            .map(|d| (d.meta.id.clone(), 0))
            .collect();
        let c = Choices {
            weights: others,
            ..Default::default()
        };
        let ds = analysed(&base, &c, Lang::Fr);
        assert_eq!(ds.overall.rank, ds.domains[0].rank);
        assert!(weights_phrase(&ds, Lang::Fr).unwrap().contains("×0"));
        assert!(weights_phrase(&base, Lang::Fr).is_none());
        let med = analysed(
            &base,
            &Choices {
                reference: Reference::Mediane,
                ..Default::default()
            },
            Lang::Fr,
        );
        assert_eq!(med.indicators[0].values, base.indicators[0].values);
        assert_ne!(med.indicators[0].france, base.indicators[0].france);
        assert_eq!(reference_name(&med, Lang::Fr), "médiane des 13 régions");
        assert_eq!(analysed(&base, &Choices::default(), Lang::Fr), base);
    }
}
