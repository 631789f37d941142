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

/// The dataset the views show (and the exports draw) for a state's choices and language: the
/// published one itself when nothing differs, else [`analysed`] with the reasons translated.
pub fn shown(base: &std::sync::Arc<Dataset>, c: &Choices, lang: Lang) -> std::sync::Arc<Dataset> {
    if *c == Choices::default() && lang == Lang::Fr {
        return base.clone();
    }
    let mut ds = analysed(base, c, lang);
    reasons_in(&mut ds, lang);
    std::sync::Arc::new(ds)
}

/// Why values are missing, in the interface language (the pipeline writes them in French; a
/// reason it does not know stays as written).
pub fn reasons_in(ds: &mut Dataset, lang: Lang) {
    if lang == Lang::Fr {
        return;
    }
    let lists = ds
        .indicators
        .iter_mut()
        .map(|i| &mut i.missing)
        .chain(ds.profiles.iter_mut().map(|p| &mut p.missing));
    for list in lists {
        for m in list.iter_mut().flatten() {
            if let Some(en) = datafrag::reasons::english(m) {
                *m = en;
            }
        }
    }
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
    format!(
        "{} ({})",
        lang.t("indice", "index"),
        reference_line(ds, lang)
    )
}

/// The same as a column's or a legend's title: "Indice (France = 100)".
pub fn index_title(ds: &Dataset, lang: Lang) -> String {
    format!(
        "{} ({})",
        lang.t("Indice", "Index"),
        reference_line(ds, lang)
    )
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

/// How much the ranks of the domain an indicator belongs to depend on the method choices, for
/// the indicator's card: the region's own rank with its range when there is a region, then how
/// many regions keep their rank in every variant, the spread for the median region, and how
/// many positions are uncertain. `None` when the domain has no ranges.
pub fn rank_sensitivity(
    ds: &Dataset,
    indicator: &str,
    region: Option<usize>,
    lang: Lang,
) -> Option<String> {
    let d = ds
        .domains
        .iter()
        .find(|d| d.indicators.iter().any(|i| i == indicator))?;
    let ranges: Vec<datafrag::robust::RankRange> = d.robust.iter().flatten().copied().collect();
    if ranges.is_empty() {
        return None;
    }
    let n = ranges.len();
    let mut widths: Vec<u8> = ranges.iter().map(|r| r.high() - r.low()).collect();
    widths.sort_unstable();
    let spread = widths[(n - 1) / 2];
    let stable = widths.iter().filter(|w| **w == 0).count();
    let uncertain = ranges.iter().filter(|r| r.uncertain(n)).count();
    let name = lang.pick(&d.meta.label_fr, &d.meta.label_en);
    let draws = crate::format::number(DRAWS as f64, 0, lang);
    let verdict = match spread {
        0 => lang.t("faible", "low"),
        1 | 2 => lang.t("modérée", "moderate"),
        _ => lang.t("forte", "high"),
    };
    let own = region
        .and_then(|k| Some((ds.regions.get(k)?, d.robust.get(k).copied().flatten()?)))
        .map(|(a, r)| {
            let text = robust_text(r, n, lang);
            match (lang, r.low() == r.high()) {
                (Lang::Fr, true) => format!("{} : {text} dans toutes les variantes. ", a.name),
                (Lang::Fr, false) => format!("{} : {text} selon les variantes. ", a.name),
                (Lang::En, true) => format!("{}: {text} in every variant. ", a.name),
                (Lang::En, false) => format!("{}: {text} depending on the variant. ", a.name),
            }
        })
        .unwrap_or_default();
    Some(match lang {
        Lang::Fr => format!(
            "{own}Sensibilité du classement « {name} » aux choix de méthode ({draws} variantes de normalisation, d'agrégation et de poids) : {verdict}. {stable} régions sur {n} gardent leur rang dans toutes les variantes ; la région médiane peut varier de {spread} rang{} ; {}.",
            if spread > 1 { "s" } else { "" },
            match uncertain {
                0 => "aucune position incertaine".to_string(),
                1 => "1 position incertaine".to_string(),
                u => format!("{u} positions incertaines"),
            }
        ),
        Lang::En => format!(
            "{own}Sensitivity of the \"{name}\" ranking to the method ({draws} variants of normalisation, aggregation and weights): {verdict}. {stable} regions of {n} keep their rank in every variant; the median region can move by {spread} rank{}; {}.",
            if spread == 1 { "" } else { "s" },
            match uncertain {
                0 => "no uncertain position".to_string(),
                1 => "1 uncertain position".to_string(),
                u => format!("{u} uncertain positions"),
            }
        ),
    })
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

    /// The card's sentence on a domain whose ranges are set by hand: two regions of three keep
    /// their rank, the median spread is 0, the third crosses the middle.
    #[test]
    fn the_card_says_how_sensitive_its_domains_rank_is() {
        let mut ds = crate::state::fixture::dataset();
        ds.domains[0].robust = vec![
            Some(RankRange(1, 1, 1)),
            Some(RankRange(3, 3, 3)),
            Some(RankRange(2, 1, 3)),
        ];
        let s = rank_sensitivity(&ds, "chomage", Some(2), Lang::Fr).unwrap();
        assert!(
            s.starts_with("Corse : 2e (1re–3e), position incertaine selon les variantes."),
            "{s}"
        );
        assert!(s.contains("« Emploi »"), "{s}");
        assert!(
            s.contains("(10\u{202f}000 variantes") || s.contains("(10\u{a0}000 variantes"),
            "{s}"
        );
        assert!(s.contains(": faible."), "{s}");
        assert!(s.contains("2 régions sur 3 gardent leur rang"), "{s}");
        assert!(s.contains("de 0 rang ;"), "{s}");
        assert!(s.ends_with("1 position incertaine."), "{s}");
        let s = rank_sensitivity(&ds, "chomage", Some(0), Lang::En).unwrap();
        assert!(s.starts_with("Alpha: 1st in every variant. "), "{s}");
        ds.domains[0].robust = vec![
            Some(RankRange(1, 1, 3)),
            Some(RankRange(2, 1, 3)),
            Some(RankRange(3, 1, 3)),
        ];
        let s = rank_sensitivity(&ds, "chomage", None, Lang::Fr).unwrap();
        assert!(s.starts_with("Sensibilité"), "{s}");
        assert!(s.contains(": modérée.") && s.contains("de 2 rangs"), "{s}");
        assert!(s.contains("0 régions sur 3"), "{s}");
        // No ranges (a domain not ranked): nothing said.
        ds.domains[1].robust = vec![];
        assert_eq!(rank_sensitivity(&ds, "seniors", None, Lang::Fr), None);
        assert_eq!(rank_sensitivity(&ds, "inconnu", None, Lang::Fr), None);
    }

    /// The reasons of missing values read in English with lang=en (Corse's two Eurostat gaps);
    /// a reason the pipeline does not write stays as it is.
    #[test]
    fn missing_reasons_follow_the_language() {
        let mut ds = crate::state::fixture::dataset();
        ds.indicators[0].missing[0] = Some("non disponible (DREES)".into());
        ds.indicators[0].missing[1] = Some("pas de total publié".into());
        let fr = ds.clone();
        reasons_in(&mut ds, Lang::Fr);
        assert_eq!(ds, fr);
        reasons_in(&mut ds, Lang::En);
        assert_eq!(
            ds.indicators[0].missing[0].as_deref(),
            Some("not available (DREES)")
        );
        assert_eq!(
            ds.indicators[0].missing[1].as_deref(),
            Some("pas de total publié")
        );
    }
}
