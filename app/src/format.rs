//! Number formatting as French readers expect it (1 234,5 ; 12,3 %) and English (1,234.5 ; 12.3%).

use crate::i18n::Lang;

/// Narrow no-break space, the French thousands separator.
const NNBSP: char = '\u{202f}';
/// No-break space, before a unit sign in French.
const NBSP: char = '\u{a0}';

/// `v` with `decimals` decimals, grouped by thousands.
///
/// ```
/// use app::{format::number, i18n::Lang};
/// assert_eq!(number(1234.5, 1, Lang::Fr), "1\u{202f}234,5");
/// assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
/// assert_eq!(number(-0.04, 1, Lang::Fr), "0,0");
/// ```
pub fn number(v: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let sep = match lang {
        Lang::Fr => NNBSP,
        Lang::En => ',',
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    let zero = s.chars().all(|c| c == '0' || c == '.');
    let sign = if v < 0.0 && !zero { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        let dot = lang.t(",", ".");
        format!("{sign}{grouped}{dot}{frac}")
    }
}

/// Units that count whole things: shown without decimals (in both languages).
const COUNT_UNITS: [&str; 11] = [
    "habitants",
    "communes",
    "départements",
    "entreprises",
    "associations",
    "M€",
    "inhabitants",
    "municipalities",
    "departments",
    "companies",
    "€m",
];

/// The dataset's units (French, as the metadata writes them) and their English. A closed list:
/// a test checks that every unit of the committed dataset is in it.
const UNITS_EN: [(&str, &str); 21] = [
    ("%", "%"),
    (
        "pour 100 personnes de 20-64 ans",
        "per 100 people aged 20-64",
    ),
    (
        "pour 100 personnes de 75 ans et plus",
        "per 100 people aged 75 and over",
    ),
    ("€ par habitant", "€ per inhabitant"),
    ("€ courants par habitant", "current € per inhabitant"),
    ("pour 10 000 habitants", "per 10,000 inhabitants"),
    ("€ par an", "€ per year"),
    ("minutes", "minutes"),
    (
        "consultations par an et par habitant",
        "consultations per year per inhabitant",
    ),
    ("‰ logements", "‰ of dwellings"),
    ("‰ habitants", "‰ of inhabitants"),
    ("années", "years"),
    ("départements", "departments"),
    ("entreprises", "companies"),
    ("hab/km²", "inhab./km²"),
    ("% par an", "% a year"),
    ("M€", "€m"),
    ("habitants", "inhabitants"),
    ("% du PIB", "% of GDP"),
    ("km²", "km²"),
    ("associations", "associations"),
];

/// A unit in the reader's language (`communes` stays: it is the French word English uses).
///
/// ```
/// use app::{format::unit, i18n::Lang};
/// assert_eq!(unit("pour 10 000 habitants", Lang::En), "per 10,000 inhabitants");
/// assert_eq!(unit("pour 10 000 habitants", Lang::Fr), "pour 10 000 habitants");
/// ```
pub fn unit(u: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => u.to_string(),
        Lang::En => UNITS_EN
            .iter()
            .find(|(fr, _)| *fr == u)
            .map_or(u, |(_, en)| en)
            .to_string(),
    }
}

/// Whether [`unit`] knows `u`.
pub fn unit_known(u: &str) -> bool {
    u == "communes" || UNITS_EN.iter().any(|(fr, _)| *fr == u)
}

/// Decimals for a value in a unit: none for counts and from 1 000, two below 1, else one — so
/// that every region's value of an indicator reads with the same precision (7,0 % and 9,1 %).
pub fn decimals(v: f64, unit: &str) -> usize {
    if COUNT_UNITS.contains(&unit) || v.abs() >= 1000.0 {
        0
    } else if v.abs() < 1.0 && v != 0.0 {
        2
    } else {
        1
    }
}

/// A value with its unit: `12,3 %`, `4,1 consultations…`, `20 788 €`.
///
/// ```
/// use app::{format::value, i18n::Lang};
/// assert_eq!(value(12.34, "%", Lang::Fr), "12,3\u{a0}%");
/// assert_eq!(value(12.34, "%", Lang::En), "12.3%");
/// assert_eq!(value(20787.5, "€", Lang::Fr), "20\u{202f}788\u{a0}€");
/// ```
pub fn value(v: f64, unit: &str, lang: Lang) -> String {
    value_with(v, unit, decimals(v, unit), lang)
}

/// A value with its unit and a given number of decimals (the decks' whole percentages).
pub fn value_with(v: f64, unit: &str, decimals: usize, lang: Lang) -> String {
    let n = number(v, decimals, lang);
    match (unit, lang) {
        ("%", Lang::En) => format!("{n}%"),
        _ => format!("{n}{NBSP}{unit}"),
    }
}

/// An index (France = 100), no decimals.
pub fn index(v: f64, lang: Lang) -> String {
    number(v, 0, lang)
}

/// A rank: "3e / 13" or "3rd / 13".
///
/// ```
/// use app::{format::rank, i18n::Lang};
/// assert_eq!(rank(1, 13, Lang::Fr), "1re\u{a0}/ 13");
/// assert_eq!(rank(2, 13, Lang::En), "2nd / 13");
/// ```
pub fn rank(r: u8, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}/ {of}", ordinal(r, lang)),
        Lang::En => format!("{} / {of}", ordinal(r, lang)),
    }
}

/// "1re", "2e"; "1st", "2nd", "11th".
pub fn ordinal(r: u8, lang: Lang) -> String {
    let suffix = match lang {
        Lang::Fr if r == 1 => "re",
        Lang::Fr => "e",
        Lang::En => match (r % 10, r % 100) {
            (1, n) if n != 11 => "st",
            (2, n) if n != 12 => "nd",
            (3, n) if n != 13 => "rd",
            _ => "th",
        },
    };
    format!("{r}{suffix}")
}

/// A fragility rank that says which end is which: "la plus fragile des 13", "2e plus fragile
/// sur 13", "la moins fragile des 13" (1 = the most fragile).
///
/// ```
/// use app::{format::fragility_rank, i18n::Lang};
/// assert_eq!(fragility_rank(1, 13, Lang::Fr), "la plus fragile des\u{a0}13");
/// assert_eq!(fragility_rank(2, 13, Lang::Fr), "2e plus fragile sur\u{a0}13");
/// assert_eq!(fragility_rank(13, 13, Lang::En), "least fragile of 13");
/// assert_eq!(fragility_rank(3, 13, Lang::En), "3rd most fragile of 13");
/// ```
pub fn fragility_rank(r: u8, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr if r == 1 => format!("la plus fragile des{NBSP}{of}"),
        Lang::Fr if usize::from(r) == of => format!("la moins fragile des{NBSP}{of}"),
        Lang::Fr => format!("{} plus fragile sur{NBSP}{of}", ordinal(r, lang)),
        Lang::En if r == 1 => format!("most fragile of {of}"),
        Lang::En if usize::from(r) == of => format!("least fragile of {of}"),
        Lang::En => format!("{} most fragile of {of}", ordinal(r, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_and_edge_cases() {
        assert_eq!(number(0.0, 0, Lang::Fr), "0");
        assert_eq!(number(999.0, 0, Lang::Fr), "999");
        assert_eq!(number(1000.0, 0, Lang::En), "1,000");
        assert_eq!(
            number(65_834_837.0, 0, Lang::Fr),
            "65\u{202f}834\u{202f}837"
        );
        assert_eq!(number(-1234.56, 2, Lang::En), "-1,234.56");
        assert_eq!(decimals(4.05, "%"), 1);
        assert_eq!(decimals(12.0, "départements"), 0);
        assert_eq!(value(7.0, "%", Lang::Fr), "7,0\u{a0}%");
        assert_eq!(rank(11, 13, Lang::En), "11th / 13");
        assert_eq!(rank(13, 13, Lang::Fr), "13e\u{a0}/ 13");
        assert_eq!(
            rank(1, 3, Lang::Fr),
            "1re\u{a0}/ 3",
            "out of the areas there are"
        );
    }
}

#[cfg(test)]
mod unit_tests {
    /// Promise (#14 item 12): every unit of the committed dataset has its English (read from
    /// the committed file itself, not from the app's model).
    #[test]
    fn every_unit_of_the_dataset_is_translated() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/data/dataset.json");
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for list in ["indicators", "profiles"] {
            for i in v[list].as_array().unwrap() {
                let u = i["unit"].as_str().unwrap();
                assert!(super::unit_known(u), "{list}: unit {u:?} has no English");
            }
        }
    }
}
