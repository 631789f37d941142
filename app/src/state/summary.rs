//! The generated sentences that summarise a region as the decks do, by documented rules,
//! never written per region.
//!
//! Rules (also in METHOD.md):
//! 1. A domain is *more fragile* when its index is ≥ 103, *less fragile* when ≤ 97, else *close*.
//! 2. More domains less fragile than more fragile → "Des niveaux de fragilité moins marqués que la
//!    moyenne nationale", then ", sauf sur …" with the more fragile domains (the three highest).
//!    More domains more fragile → "Des fragilités globalement plus marquées que la moyenne
//!    nationale", then ", en particulier sur …" (the three highest). Otherwise "Des fragilités
//!    proches de la moyenne nationale", with ", avec des points d'attention sur …" if any.
//! 3. A second sentence names up to three strengths (lowest indices ≤ 97).
//! 4. Comparing two regions: a domain counts for one region when its index is 3 points or more
//!    below the other's; the sentence gives both counts and the largest gaps.

use crate::i18n::Lang;
use datafrag::model::Dataset;

/// Index at or above which a domain is "more fragile" than France.
pub const MORE: f64 = 103.0;
/// Index at or below which a domain is "less fragile".
pub const LESS: f64 = 97.0;

/// How a domain index reads against France (rule 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    More,
    Close,
    Less,
    /// No index (no data for this region, or a domain without any source).
    Missing,
}

impl Reading {
    pub fn of(index: Option<f64>) -> Reading {
        match index {
            Some(i) if i >= MORE => Reading::More,
            Some(i) if i <= LESS => Reading::Less,
            Some(_) => Reading::Close,
            None => Reading::Missing,
        }
    }

    /// CSS class of the badge.
    pub fn class(self) -> &'static str {
        match self {
            Reading::More => "more",
            Reading::Less => "less",
            Reading::Close => "close",
            Reading::Missing => "",
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Reading::More => lang.t("plus fragile", "more fragile"),
            Reading::Less => lang.t("moins fragile", "less fragile"),
            Reading::Close => lang.t("proche", "close"),
            Reading::Missing => lang.t("non disponible", "not available"),
        }
    }
}

/// Numbers of domains more and less fragile than France for region `k` (rule 1; domains
/// without an index, such as a domain without source, count in neither).
pub fn counts(ds: &Dataset, k: usize) -> (usize, usize) {
    let all = domain_indices(ds, k);
    (
        all.iter().filter(|(_, i)| *i >= MORE).count(),
        all.iter().filter(|(_, i)| *i <= LESS).count(),
    )
}

/// A domain's name as it reads inside a sentence ("le vieillissement").
pub fn name(ds: &Dataset, id: &str, lang: Lang) -> String {
    ds.domains
        .iter()
        .find(|d| d.meta.id == id)
        .map(|d| {
            lang.pick(&d.meta.in_sentence_fr, &d.meta.in_sentence_en)
                .to_string()
        })
        .unwrap_or_default()
}

/// The (domain id, index) of region `k`, most fragile first; domains without index left out.
fn domain_indices(ds: &Dataset, k: usize) -> Vec<(String, f64)> {
    // a domain the user weighted 0 is left out of the sentences, like of the overall reading
    let mut v: Vec<(String, f64)> = ds
        .domains
        .iter()
        .enumerate()
        .filter(|(j, _)| ds.weights.get(*j).is_none_or(|w| *w > 0.0))
        .filter_map(|(_, d)| d.index[k].map(|i| (d.meta.id.clone(), i)))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// One or two sentences summarising region `k` against France.
pub fn region_summary(ds: &Dataset, k: usize, lang: Lang) -> String {
    sentence(ds, &domain_indices(ds, k), lang)
}

/// The summary's rules on any area's (domain id, index) pairs, most fragile first: a region's,
/// or a département's on the domains measured at its level.
pub fn sentence(ds: &Dataset, all: &[(String, f64)], lang: Lang) -> String {
    let more: Vec<&(String, f64)> = all.iter().filter(|(_, i)| *i >= MORE).collect();
    let less: Vec<&(String, f64)> = all.iter().filter(|(_, i)| *i <= LESS).collect();
    let top: Vec<String> = more
        .iter()
        .take(3)
        .map(|(id, _)| name(ds, id, lang))
        .collect();
    let mut strengths: Vec<&(String, f64)> = less.clone();
    strengths.reverse();
    let best: Vec<String> = strengths
        .iter()
        .take(3)
        .map(|(id, _)| name(ds, id, lang))
        .collect();
    let fr = lang == Lang::Fr;
    let mut s = if less.len() > more.len() {
        let mut s = lang
            .t(
                "Des niveaux de fragilité moins marqués que la moyenne nationale",
                "Fragility less marked than the national average",
            )
            .to_string();
        if !top.is_empty() {
            s += &format!(
                "{}{}",
                lang.t(", sauf sur ", ", except for "),
                lang.join(&top)
            );
        }
        s
    } else if more.len() > less.len() {
        format!(
            "{}{}{}",
            lang.t(
                "Des fragilités globalement plus marquées que la moyenne nationale",
                "Fragility generally more marked than the national average"
            ),
            lang.t(", en particulier sur ", ", especially "),
            lang.join(&top)
        )
    } else {
        let mut s = lang
            .t(
                "Des fragilités proches de la moyenne nationale",
                "Fragility close to the national average",
            )
            .to_string();
        if !top.is_empty() {
            s += &format!(
                "{}{}",
                lang.t(", avec des points d'attention sur ", ", with concerns on "),
                lang.join(&top)
            );
        }
        s
    };
    s.push('.');
    if !best.is_empty() && more.len() >= less.len() {
        s += &if fr {
            format!(" Points forts : {}.", lang.join(&best))
        } else {
            format!(" Strengths: {}.", lang.join(&best))
        };
    }
    // Against another reference the sentence names it, never "the national average".
    if !ds.reference.is_france() {
        let r = super::analysis::reference_name(ds, lang);
        s = s
            .replace("la moyenne nationale", &format!("la référence ({r})"))
            .replace("the national average", &format!("the reference ({r})"));
    }
    s
}

/// A sentence contrasting regions `a` and `b` domain by domain.
pub fn contrast(ds: &Dataset, a: usize, b: usize, lang: Lang) -> String {
    let (na, nb) = (&ds.regions[a].name, &ds.regions[b].name);
    let mut a_more = Vec::new();
    let mut b_more = Vec::new();
    for d in &ds.domains {
        if let (Some(x), Some(y)) = (d.index[a], d.index[b]) {
            if x - y >= 3.0 {
                a_more.push((d.meta.id.clone(), x - y));
            } else if y - x >= 3.0 {
                b_more.push((d.meta.id.clone(), y - x));
            }
        }
    }
    let names = |v: &mut Vec<(String, f64)>| -> String {
        v.sort_by(|p, q| q.1.total_cmp(&p.1));
        lang.join(
            &v.iter()
                .take(3)
                .map(|(id, _)| name(ds, id, lang))
                .collect::<Vec<_>>(),
        )
    };
    let n = ds
        .domains
        .iter()
        .filter(|d| d.index[a].is_some() && d.index[b].is_some())
        .count();
    let (ca, cb) = (a_more.len(), b_more.len());
    match lang {
        Lang::Fr => {
            let mut s = format!(
                "{na} est plus fragile {} sur {ca} domaine{} sur {n}",
                lang.than_region(nb),
                if ca > 1 { "s" } else { "" }
            );
            if ca > 0 {
                s += &format!(" (surtout {})", names(&mut a_more));
            }
            s += &format!(", moins fragile sur {cb}");
            if cb > 0 {
                s += &format!(" (surtout {})", names(&mut b_more));
            }
            s + "."
        }
        Lang::En => {
            let mut s = format!(
                "{na} is more fragile than {nb} in {ca} domain{} of {n}",
                if ca == 1 { "" } else { "s" }
            );
            if ca > 0 {
                s += &format!(" (mostly {})", names(&mut a_more));
            }
            s += &format!(", less fragile in {cb}");
            if cb > 0 {
                s += &format!(" (mostly {})", names(&mut b_more));
            }
            s + "."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::dataset;

    /// Alpha: less fragile on emploi (80), more on vieillissement (120) and handicap (110):
    /// more "more" than "less" → "plus marquées … en particulier", then its strength.
    #[test]
    fn rules_pick_the_sentence_shape() {
        let ds = dataset();
        let s = region_summary(&ds, 0, Lang::Fr);
        assert_eq!(s, "Des fragilités globalement plus marquées que la moyenne nationale, en particulier sur le vieillissement et le handicap. Points forts : le emploi.");
        let s = region_summary(&ds, 1, Lang::Fr);
        assert!(
            s.starts_with("Des fragilités globalement plus marquées"),
            "{s}"
        );
        assert!(
            s.contains("le emploi, le handicap et le vieillissement"),
            "{s}"
        );
        let s = region_summary(&ds, 2, Lang::En);
        assert!(
            s.starts_with(
                "Fragility close to the national average, with concerns on vieillissement"
            ),
            "{s}"
        );
    }

    #[test]
    fn contrast_counts_both_ways() {
        let ds = dataset();
        let s = contrast(&ds, 1, 0, Lang::Fr);
        assert_eq!(s, "Bêta est plus fragile qu'Alpha sur 2 domaines sur 3 (surtout le emploi et le handicap), moins fragile sur 1 (surtout le vieillissement).");
        let s = contrast(&ds, 0, 2, Lang::En);
        assert!(
            s.starts_with("Alpha is more fragile than Corse in 1 domain of 2"),
            "{s}"
        );
    }

    /// Another reference is named in the sentence, and weights of 0 leave domains out of it.
    #[test]
    fn the_sentence_follows_the_reference_and_the_weights() {
        let base = crate::state::fixture::dataset();
        let c = crate::state::analysis::Choices {
            reference: datafrag::reference::Reference::Mediane,
            weights: base
                .domains
                .iter()
                .map(|d| (d.meta.id.clone(), 0))
                .collect(),
            ..Default::default()
        };
        let ds = crate::state::analysis::analysed(&base, &c, Lang::Fr);
        let s = region_summary(&ds, 0, Lang::Fr);
        assert!(s.contains("la référence (médiane des 13 régions)"), "{s}");
        assert_eq!(counts(&ds, 0), (0, 0), "every domain weighted 0");
        assert!(!region_summary(&base, 0, Lang::Fr).contains("référence"));
    }
}
