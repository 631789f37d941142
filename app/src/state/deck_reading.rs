//! The deck's sentence about a region against what the open data says, domain by domain, in one
//! plain generated sentence: where they agree, where and why they differ (which indicators,
//! which years). The deck's claims are structured in `seeds/deck_facts.toml` (`overall`,
//! `named`); nothing here is written per region.

use super::summary::{counts, name, Reading};
use crate::i18n::Lang;
use datafrag::model::Dataset;

/// One domain the deck names as more fragile.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedDomain {
    pub id: String,
    pub index: Option<f64>,
    pub reading: Reading,
    /// The open data agrees: the domain reads "more fragile" here too.
    pub agrees: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeckReading {
    /// The deck's overall verdict ("less" or "more") agrees with the counts of rule 2.
    pub overall_agrees: bool,
    pub named: Vec<NamedDomain>,
    /// The plain sentence shown under the deck's quote.
    pub explanation: String,
}

/// Indicators of a domain with their years: "actifs à plus de 30 minutes de leur travail, 2014".
fn evidence(ds: &Dataset, domain: &str, lang: Lang) -> String {
    let parts: Vec<String> = ds
        .indicators
        .iter()
        .filter(|i| i.meta.domain == domain)
        .map(|i| {
            let label = lang.pick(&i.meta.label_fr, &i.meta.label_en);
            let mut chars = label.chars();
            let lower: String = chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default();
            format!("{lower}, {}", i.meta.year)
        })
        .collect();
    parts.join(" ; ")
}

pub fn deck_reading(ds: &Dataset, k: usize, lang: Lang) -> Option<DeckReading> {
    let code = &ds.regions.get(k)?.code;
    let deck = ds.acteurs.sentence.iter().find(|s| &s.area == code)?;
    let (more, less) = counts(ds, k);
    let open_overall = if less > more {
        "less"
    } else if more > less {
        "more"
    } else {
        "close"
    };
    let overall_agrees = open_overall == deck.overall;
    let named: Vec<NamedDomain> = deck
        .named
        .iter()
        .filter_map(|id| ds.domains.iter().find(|d| &d.meta.id == id))
        .map(|d| {
            let reading = Reading::of(d.index[k]);
            NamedDomain {
                id: d.meta.id.clone(),
                index: d.index[k],
                reading,
                agrees: reading == Reading::More,
            }
        })
        .collect();
    let fr = lang == Lang::Fr;
    let mut parts: Vec<String> = Vec::new();
    if !overall_agrees {
        let deck_word = match (deck.overall.as_str(), fr) {
            ("less", true) => "moins fragile",
            ("less", false) => "less fragile",
            (_, true) => "plus fragile",
            (_, false) => "more fragile",
        };
        parts.push(if fr {
            format!("le deck voit la région {deck_word} que la moyenne dans l'ensemble, les indicateurs ouverts comptent {more} domaines plus fragiles et {less} moins fragiles")
        } else {
            format!("the deck sees the region as {deck_word} than average overall, the open indicators count {more} domains more fragile and {less} less fragile")
        });
    }
    for d in named.iter().filter(|d| !d.agrees) {
        let idx = d
            .index
            .map_or_else(String::new, |i| crate::format::index(i, lang));
        let word = d.reading.word(lang);
        parts.push(if fr {
            format!(
                "{} y est {word} (indice {idx} : {})",
                name(ds, &d.id, lang),
                evidence(ds, &d.id, lang)
            )
        } else {
            format!(
                "{} reads {word} (index {idx}: {})",
                name(ds, &d.id, lang),
                evidence(ds, &d.id, lang)
            )
        });
    }
    let agreeing: Vec<String> = named
        .iter()
        .filter(|d| d.agrees)
        .map(|d| name(ds, &d.id, lang))
        .collect();
    let mut explanation = if parts.is_empty() {
        lang.t(
            "Les données ouvertes concordent avec le deck.",
            "The open data agrees with the deck.",
        )
        .to_string()
    } else {
        let mut s = format!(
            "{}{}.",
            lang.t(
                "Les données ouvertes lisent autrement : ",
                "The open data reads differently: "
            ),
            parts.join(" ; ")
        );
        if !agreeing.is_empty() {
            s += &if fr {
                format!(" Elles concordent sur {}.", lang.join(&agreeing))
            } else {
                format!(" They agree on {}.", lang.join(&agreeing))
            };
        }
        s
    };
    explanation += lang.t(
        " Le deck s'appuie sur les indices non publiés de l'étude PHARE ; le tableau de bord, sur des indicateurs ouverts d'autres années et d'autres définitions.",
        " The deck relies on the PHARE study's unpublished indices; the dashboard on open indicators of other years and definitions.",
    );
    Some(DeckReading {
        overall_agrees,
        named,
        explanation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafrag::model::Dataset;

    fn shipped() -> Dataset {
        serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap()
    }

    fn pos(ds: &Dataset, code: &str) -> usize {
        ds.regions.iter().position(|r| r.code == code).unwrap()
    }

    /// The decks' sentences, domain by domain, against the shipped dataset. The expected
    /// agreements were read off the region pages (indices in the comments), not computed here:
    /// if the data changes, this list is reviewed by a person.
    #[test]
    fn each_domain_the_decks_name_agrees_or_not() {
        let ds = shipped();
        let na = deck_reading(&ds, pos(&ds, "75"), Lang::Fr).unwrap();
        let got: Vec<(&str, bool)> = na.named.iter().map(|d| (d.id.as_str(), d.agrees)).collect();
        for (id, idx, agrees) in &na
            .named
            .iter()
            .map(|d| (&d.id, d.index, d.agrees))
            .collect::<Vec<_>>()
        {
            println!("Nouvelle-Aquitaine {id}: index {idx:?}, agrees {agrees}");
        }
        assert_eq!(
            got,
            [
                ("vieillissement", true),
                ("mobilite", false),
                ("handicap", true)
            ]
        );
        // 5 domains more fragile, 8 less (index 112.0 ageing, 84.3 mobility, 108.4 disability).
        assert!(na.overall_agrees, "less fragile overall in both");
        let occ = deck_reading(&ds, pos(&ds, "76"), Lang::Fr).unwrap();
        let got: Vec<(&str, bool)> = occ
            .named
            .iter()
            .map(|d| (d.id.as_str(), d.agrees))
            .collect();
        assert_eq!(
            got,
            [("numerique", true), ("mobilite", false), ("handicap", true)]
        );
        // 9 domains more fragile, 3 less (digital 110.0, mobility 91.8, disability 120.7).
        assert!(
            occ.overall_agrees,
            "Occitanie: more fragile overall in both"
        );
        assert!(deck_reading(&ds, pos(&ds, "53"), Lang::Fr).is_none());
    }

    /// The plain sentence names the disagreeing domain, its indicators and their years, and the
    /// domains where both agree.
    #[test]
    fn the_explanation_says_where_and_why() {
        let ds = shipped();
        let t = deck_reading(&ds, pos(&ds, "75"), Lang::Fr)
            .unwrap()
            .explanation;
        assert!(
            t.starts_with("Les données ouvertes lisent autrement : "),
            "{t}"
        );
        assert!(
            t.contains("la mobilité y est moins fragile (indice "),
            "{t}"
        );
        assert!(
            t.contains("actifs à plus de 30 minutes de leur travail, 2014"),
            "{t}"
        );
        assert!(
            t.contains("Elles concordent sur le vieillissement et le handicap."),
            "{t}"
        );
        let en = deck_reading(&ds, pos(&ds, "75"), Lang::En)
            .unwrap()
            .explanation;
        assert!(en.contains("mobility reads less fragile"), "{en}");
    }
}
