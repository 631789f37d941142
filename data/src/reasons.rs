//! Why a value is missing. The pipeline writes these reasons in French (the tidy files, the
//! datasets); the app shows them in English with `lang=en` through [`english`], so the two
//! never drift: the sentences are written once, here.

/// PCH: the DREES publishes Corse as one block, so its two départements have no value.
pub const CORSE_ONE_BLOCK: &str = "non disponible : la DREES publie la Corse en un seul bloc";
/// The Observatoire des territoires' EPCIs: one spans several départements (the Métropole du
/// Grand Paris), so its seat's département has no value of its own.
pub const EPCI_SPANS: &str = "non disponible : les données sont par EPCI, et un EPCI qui a son siège dans ce département s'étend sur plusieurs départements";
/// …and a département where no EPCI has its seat has none either.
pub const EPCI_NO_SEAT: &str =
    "non disponible : les données sont par EPCI, et aucun EPCI n'a son siège dans ce département";

/// The region profiles' items the decks give for two regions only (`data/profiles.toml`).
pub const DECKS_ONLY: &str = "donné par les decks pour Nouvelle-Aquitaine et Occitanie seulement";

/// The whole sentences, French and English.
const SENTENCES: [(&str, &str); 4] = [
    (
        DECKS_ONLY,
        "given by the decks for Nouvelle-Aquitaine and Occitanie only",
    ),
    (
        CORSE_ONE_BLOCK,
        "not available: the DREES publishes Corse as one block",
    ),
    (
        EPCI_SPANS,
        "not available: the data are by EPCI, and an EPCI seated in this département spans several départements",
    ),
    (
        EPCI_NO_SEAT,
        "not available: the data are by EPCI, and no EPCI has its seat in this département",
    ),
];

/// The English of a reason the pipeline writes: the sentences above whole, and "non disponible
/// (X)", "non disponible dans la source (X)", "non disponible dans X" by their pattern (X is a
/// producer's or a file's name, said as it is). `None` for a reason it does not know (an
/// observatory's own words in custom.csv), which is then shown as written.
///
/// ```
/// use datafrag::reasons::english;
/// assert_eq!(english("non disponible (DREES)").as_deref(), Some("not available (DREES)"));
/// assert_eq!(english("non disponible dans la source (Eurostat, via Regioviz)").as_deref(), Some("not available in the source (Eurostat, via Regioviz)"));
/// assert_eq!(english("non disponible dans Filosofi 2013").as_deref(), Some("not available in Filosofi 2013"));
/// assert_eq!(english("pas de total national publié"), None);
/// ```
pub fn english(fr: &str) -> Option<String> {
    if let Some((_, en)) = SENTENCES.iter().find(|(f, _)| *f == fr) {
        return Some(en.to_string());
    }
    if let Some(x) = fr.strip_prefix("non disponible dans la source ") {
        return Some(format!("not available in the source {x}"));
    }
    if let Some(x) = fr.strip_prefix("non disponible dans ") {
        return Some(format!("not available in {x}"));
    }
    fr.strip_prefix("non disponible (")
        .map(|x| format!("not available ({x}"))
}
