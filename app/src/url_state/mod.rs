//! The one place where the view becomes a query string and back.
//!
//! Only what differs from the defaults is written; unknown keys are ignored; a value that cannot
//! be used is dropped with a [`Notice`] so that the page opens the nearest sensible view. State
//! lives in the query string, so any static host serves deep links without rewrite rules.

use crate::i18n::Lang;
use crate::model::{compared, is_dep_code, Catalog, Layout, Level, Measure, View, ViewState};
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownRegion(String),
    UnknownYear(String),
    UnknownView(String),
    UnknownMeasure(String),
    /// `view=region` without a valid region.
    RegionViewNeedsRegion,
    /// `view=dep` without a valid département.
    DepViewNeedsDep,
    /// The comparison needs 2 to 4 distinct known regions.
    BadCompare(String),
    UnknownValue {
        key: &'static str,
        value: String,
    },
}

impl Notice {
    /// The message for the notice banner.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            Notice::UnknownRegion(c) if fr => format!("Le lien demandait la région « {} », qui n'existe pas : voici la vue nationale.", display_safe(c)),
            Notice::UnknownRegion(c) => format!("The link asked for region “{}”, which does not exist: here is the national view.", display_safe(c)),
            Notice::UnknownView(v) if fr => format!("La vue « {} » n'existe pas : voici la carte.", display_safe(v)),
            Notice::UnknownView(v) => format!("There is no view “{}”: here is the map.", display_safe(v)),
            Notice::UnknownMeasure(m) if fr => format!("L'indicateur « {} » n'existe pas : voici le premier domaine.", display_safe(m)),
            Notice::UnknownMeasure(m) => format!("There is no indicator “{}”: here is the first domain.", display_safe(m)),
            Notice::RegionViewNeedsRegion if fr => "La fiche région demande une région : choisissez-la sur la carte.".into(),
            Notice::RegionViewNeedsRegion => "The region page needs a region: pick one on the map.".into(),
            Notice::DepViewNeedsDep if fr => "La fiche département demande un département : voici la carte des départements.".into(),
            Notice::DepViewNeedsDep => "The département page needs a département: here is the map of the départements.".into(),
            Notice::BadCompare(v) if fr => format!("La comparaison « {} » demande 2 à 4 régions existantes : voici Nouvelle-Aquitaine et Occitanie.", display_safe(v)),
            Notice::BadCompare(v) => format!("The comparison “{}” needs 2 to 4 existing regions: here are Nouvelle-Aquitaine and Occitanie.", display_safe(v)),
            Notice::UnknownYear(y) if fr => format!("Aucun indicateur n'a de valeur pour l'année « {} » : voici les dernières données.", display_safe(y)),
            Notice::UnknownYear(y) => format!("No indicator has a value for the year “{}”: here are the latest data.", display_safe(y)),
            Notice::UnknownValue { key, value } if fr => format!("Le paramètre {key} = « {} » n'est pas reconnu : valeur par défaut.", display_safe(value)),
            Notice::UnknownValue { key, value } => format!("Parameter {key} = “{}” is not recognised: default used.", display_safe(value)),
        }
    }
}

/// Shortens and strips control characters from user input echoed back in a message
/// (it is inserted as text, never as markup).
fn display_safe(s: &str) -> String {
    let cleaned: String = s.chars().filter(|c| !c.is_control()).take(24).collect();
    if s.chars().count() > 24 {
        format!("{cleaned}…")
    } else {
        cleaned
    }
}

/// Parses a query string (with or without its leading `?`). The last occurrence of a repeated
/// key wins; unknown keys are ignored.
///
/// ```
/// use app::{model::{Catalog, View}, url_state::parse};
/// let c = Catalog { regions: vec!["75".into(), "76".into()], domains: vec!["emploi".into()], indicators: vec![], years: vec![2016], series: vec![] };
/// let (s, notices) = parse("?view=region&region=75", &c);
/// assert_eq!((s.view, s.region.as_deref()), (View::Region, Some("75")));
/// assert!(notices.is_empty());
/// ```
pub fn parse(query: &str, c: &Catalog) -> (ViewState, Vec<Notice>) {
    let mut s = ViewState::default_for(c);
    let mut notices = Vec::new();
    let raw = pairs(query);
    let get = |key: &str| {
        raw.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };

    if let Some(v) = get("view") {
        match View::ALL.iter().find(|x| x.key() == v) {
            Some(view) => s.view = *view,
            None => notices.push(Notice::UnknownView(v.into())),
        }
    }
    if let Some(code) = get("region") {
        if c.regions.iter().any(|r| r == code) {
            s.region = Some(code.into());
        } else {
            notices.push(Notice::UnknownRegion(code.into()));
        }
    }
    if s.view == View::Region && s.region.is_none() {
        s.view = View::Map;
        if !notices
            .iter()
            .any(|n| matches!(n, Notice::UnknownRegion(_)))
        {
            notices.push(Notice::RegionViewNeedsRegion);
        }
    }
    match get("level") {
        None | Some("region") => {}
        Some("dep") => s.level = Level::Dep,
        Some(other) => notices.push(Notice::UnknownValue {
            key: "level",
            value: other.into(),
        }),
    }
    if let Some(code) = get("dep") {
        if is_dep_code(code) {
            s.dep = Some(code.into());
        } else {
            notices.push(Notice::UnknownValue {
                key: "dep",
                value: code.into(),
            });
        }
    }
    if s.view == View::Dep && s.dep.is_none() {
        s.view = View::Map;
        s.level = Level::Dep;
        notices.push(Notice::DepViewNeedsDep);
    }
    if let Some(list) = get("regions") {
        let given: Vec<&str> = list.split(',').map(str::trim).collect();
        let known = given
            .iter()
            .filter(|code| c.regions.iter().any(|r| r == *code))
            .map(|code| code.to_string());
        match compared(known) {
            Some(codes) => {
                if codes.len() != given.len() {
                    notices.push(Notice::BadCompare(list.into()));
                }
                s.compare = codes;
            }
            None => notices.push(Notice::BadCompare(list.into())),
        }
    }
    if let Some(id) = get("indicator") {
        if c.indicators.iter().any(|i| i == id) {
            s.measure = Measure::Indicator(id.into());
        } else {
            notices.push(Notice::UnknownMeasure(id.into()));
        }
    } else if get("domain") == Some(crate::model::OVERALL) {
        s.measure = Measure::Overall;
    } else if let Some(id) = get("domain") {
        // Old links: a domain merged into another opens that one.
        let id = MOVED_DOMAINS
            .iter()
            .find(|(old, _)| *old == id)
            .map_or(id, |(_, new)| new);
        if c.domains.iter().any(|d| d == id) {
            s.measure = Measure::Domain(id.into());
        } else {
            notices.push(Notice::UnknownMeasure(id.into()));
        }
    }
    match get("layout") {
        None | Some("geo") => {}
        Some("grid") => s.layout = Layout::Grid,
        Some(other) => notices.push(Notice::UnknownValue {
            key: "layout",
            value: other.into(),
        }),
    }
    if let Some(y) = get("year") {
        match y.parse::<i32>() {
            Ok(y) if c.years.contains(&y) => s.year = Some(y),
            _ => notices.push(Notice::UnknownYear(y.into())),
        }
    }
    if let Some(y) = get("since") {
        match y.parse::<i32>() {
            Ok(y) if c.years.contains(&y) => s.since = Some(y),
            _ => notices.push(Notice::UnknownValue {
                key: "since",
                value: y.into(),
            }),
        }
    }
    if let Some(id) = get("series") {
        if c.series.iter().any(|i| i == id) {
            s.series = Some(id.into());
        } else {
            notices.push(Notice::UnknownValue {
                key: "series",
                value: id.into(),
            });
        }
    }
    match get("chart") {
        None | Some("bars") => {}
        Some("lines") => s.lines = true,
        Some(other) => notices.push(Notice::UnknownValue {
            key: "chart",
            value: other.into(),
        }),
    }
    if let Some(list) = get("w") {
        let mut bad = false;
        for item in list.split(',') {
            let parsed = item.split_once(':').and_then(|(d, w)| {
                let w: u8 = w
                    .trim()
                    .parse()
                    .ok()
                    .filter(|w| *w <= crate::model::MAX_WEIGHT)?;
                c.domains
                    .iter()
                    .find(|x| *x == d.trim())
                    .map(|d| (d.clone(), w))
            });
            match parsed {
                Some((d, w)) => {
                    s.weights.retain(|(x, _)| *x != d);
                    if w != 1 {
                        s.weights.push((d, w));
                    }
                }
                None => bad = true,
            }
        }
        s.weights
            .sort_by_key(|(d, _)| c.domains.iter().position(|x| x == d));
        if bad {
            notices.push(Notice::UnknownValue {
                key: "w",
                value: list.into(),
            });
        }
    }
    if let Some(id) = get("y") {
        let id = MOVED_DOMAINS
            .iter()
            .find(|(old, _)| *old == id)
            .map_or(id, |(_, new)| new);
        match c.measure_named(id) {
            Some(m) => s.y = Some(m),
            None => notices.push(Notice::UnknownValue {
                key: "y",
                value: id.into(),
            }),
        }
    }
    if let Some(r) = get("ref") {
        match datafrag::reference::Reference::from_key(r) {
            Some(r) => s.reference = r,
            None => notices.push(Notice::UnknownValue {
                key: "ref",
                value: r.into(),
            }),
        }
    }
    match get("lang") {
        None | Some("fr") => {}
        Some("en") => s.lang = Lang::En,
        Some(other) => notices.push(Notice::UnknownValue {
            key: "lang",
            value: other.into(),
        }),
    }
    if !over_years(s.view) {
        (s.series, s.lines) = (None, false);
    }
    (s, notices)
}

/// The query string for a state, `""` for the defaults, else starting with `?`. Keys in a fixed
/// order so that equal views give equal links.
pub fn to_query(s: &ViewState, c: &Catalog) -> String {
    let d = ViewState::default_for(c);
    let mut ser = form_urlencoded::Serializer::new(String::new());
    if s.view != d.view {
        ser.append_pair("view", s.view.key());
    }
    if let Some(r) = &s.region {
        ser.append_pair("region", r);
    }
    if s.compare != d.compare {
        ser.append_pair("regions", &s.compare.join(","));
    }
    if s.measure != d.measure {
        match &s.measure {
            Measure::Domain(id) => ser.append_pair("domain", id),
            Measure::Indicator(id) => ser.append_pair("indicator", id),
            Measure::Overall => ser.append_pair("domain", crate::model::OVERALL),
        };
    }
    if s.layout == Layout::Grid {
        ser.append_pair("layout", "grid");
    }
    if s.level == Level::Dep {
        ser.append_pair("level", "dep");
    }
    if let Some(d) = &s.dep {
        ser.append_pair("dep", d);
    }
    if let Some(y) = s.year {
        ser.append_pair("year", &y.to_string());
    }
    if let Some(y) = s.since {
        ser.append_pair("since", &y.to_string());
    }
    if let Some(id) = s.series.as_ref().filter(|_| over_years(s.view)) {
        ser.append_pair("series", id);
    }
    if s.lines && over_years(s.view) {
        ser.append_pair("chart", "lines");
    }
    if !s.weights.is_empty() {
        let w: Vec<String> = s.weights.iter().map(|(d, w)| format!("{d}:{w}")).collect();
        ser.append_pair("w", &w.join(","));
    }
    if let Some(y) = &s.y {
        ser.append_pair("y", y.id());
    }
    if !s.reference.is_france() {
        ser.append_pair("ref", s.reference.key());
    }
    if s.lang == Lang::En {
        ser.append_pair("lang", "en");
    }
    let q = ser.finish().replace("%2C", ",").replace("%3A", ":");
    if q.is_empty() {
        q
    } else {
        format!("?{q}")
    }
}

/// The views where an indicator can be followed over the years and the export can draw lines.
fn over_years(v: View) -> bool {
    matches!(v, View::Region | View::Compare)
}

/// Domain ids that links may still carry, and where they went: "pouvoir d'achat" is measured
/// inside "pauvreté / niveau de vie" since the domains follow the brief's 16.
pub const MOVED_DOMAINS: [(&str, &str); 1] = [("pouvoir_achat", "pauvrete")];

/// The query's keys and values, trimmed, the last occurrence of a repeated key kept.
fn pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut raw: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        let (k, v) = (k.trim().to_string(), v.trim().to_string());
        raw.retain(|(key, _)| *key != k);
        raw.push((k, v));
    }
    raw
}

/// The value of `key` in a query string, as [`parse`] reads it.
fn param(query: &str, key: &str) -> Option<String> {
    pairs(query)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The interface language a query asks for, readable before the data (and its catalog) loads:
/// the loading and error messages use it.
pub fn lang_of(query: &str) -> Lang {
    match param(query, "lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    }
}

/// Whether a query opens the workshop view.
pub fn opens_workshop(query: &str) -> bool {
    param(query, "view").as_deref() == Some(View::Deck.key())
}

/// The query of the workshop view.
pub fn workshop_query() -> String {
    format!("?view={}", View::Deck.key())
}

/// A link to a section of the method page (`#decks`), in the same language.
pub fn method_link(lang: Lang, section: &str) -> String {
    let lang = if lang == Lang::En { "&lang=en" } else { "" };
    format!("?view=method{lang}#{section}")
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
