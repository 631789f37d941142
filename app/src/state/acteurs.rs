//! The acteurs view's state: the decks' partnership and perception figures, with their coverage
//! and margins of error; nothing is implied for regions the decks do not cover.

use crate::i18n::Lang;
use datafrag::model::Dataset;

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeRow {
    pub practice: String,
    /// (area label, value %) for France then each covered region.
    pub values: Vec<(String, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActeursState {
    /// "disponible pour 2 régions sur 13".
    pub coverage: String,
    /// Covered region codes.
    pub covered: Vec<String>,
    pub areas: Vec<String>,
    pub practices: Vec<PracticeRow>,
    /// (value %, label) of the national surveys.
    pub surveys: Vec<(f64, String)>,
    /// Margin of error for a regional figure, in points.
    pub regional_margin: f64,
    pub national_margin: (f64, f64),
    pub margin_note: String,
    pub source: String,
}

pub fn practice_label(id: &str, lang: Lang) -> &'static str {
    match id {
        "pratiques_responsables" => lang.t("Pratiques responsables", "Responsible practices"),
        "mecenat" => lang.t("Mécénat", "Sponsorship"),
        "cooperation_economique" => lang.t("Coopération économique", "Economic cooperation"),
        "innovation_societale" => lang.t("Innovation sociétale", "Societal innovation"),
        _ => "?",
    }
}

pub fn acteurs_state(ds: &Dataset, lang: Lang) -> ActeursState {
    let a = &ds.acteurs;
    let mut covered: Vec<String> = a.practice.iter().map(|p| p.area.clone()).filter(|c| c != "FR").collect();
    covered.dedup();
    let area_name = |code: &str| -> String {
        if code == "FR" {
            "France".into()
        } else {
            ds.regions.iter().find(|r| r.code == code).map_or(code.to_string(), |r| r.name.clone())
        }
    };
    let mut order: Vec<String> = vec!["FR".into()];
    order.extend(covered.iter().cloned());
    let mut ids: Vec<&str> = a.practice.iter().map(|p| p.practice.as_str()).collect();
    ids.dedup();
    let practices = ids
        .iter()
        .map(|id| PracticeRow {
            practice: practice_label(id, lang).into(),
            values: order
                .iter()
                .filter_map(|area| a.practice.iter().find(|p| p.practice == *id && &p.area == area).map(|p| (area_name(area), p.value)))
                .collect(),
        })
        .collect();
    let n = covered.len();
    ActeursState {
        coverage: match lang {
            Lang::Fr => format!("Disponible pour {n} région{} sur {} : {}.", if n > 1 { "s" } else { "" }, ds.regions.len(), lang.join(&covered.iter().map(|c| area_name(c)).collect::<Vec<_>>())),
            Lang::En => format!("Available for {n} region{} of {}: {}.", if n == 1 { "" } else { "s" }, ds.regions.len(), lang.join(&covered.iter().map(|c| area_name(c)).collect::<Vec<_>>())),
        },
        areas: order.iter().map(|c| area_name(c)).collect(),
        covered,
        practices,
        surveys: a.survey.iter().map(|s| (s.value, lang.pick(&s.label_fr, &s.label_en).to_string())).collect(),
        regional_margin: a.margins.regional,
        national_margin: (a.margins.national_min, a.margins.national_max),
        margin_note: a.margins.quote.clone(),
        source: lang.t("Observatoire des partenariats (Le RAMEAU, Comisis, OpinionWay), decks 2016–2020", "Observatoire des partenariats (Le RAMEAU, Comisis, OpinionWay), decks 2016–2020").into(),
    }
}
