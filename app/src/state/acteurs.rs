//! The acteurs view's state: the decks' partnership and perception figures, with their coverage
//! and margins of error; nothing is implied for regions the decks do not cover.

use crate::i18n::Lang;
use datafrag::model::Dataset;

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeRow {
    pub practice: String,
    /// (area label, value %, margin ± points) for France then each covered region.
    pub values: Vec<(String, f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActeursState {
    /// "disponible pour 2 régions sur 13".
    pub coverage: String,
    /// Covered region codes.
    pub covered: Vec<String>,
    pub areas: Vec<String>,
    pub practices: Vec<PracticeRow>,
    /// The year(s) of the practices survey, from the seeds ("2015").
    pub practice_year: String,
    /// (value %, label) of the national surveys.
    pub surveys: Vec<(f64, String)>,
    /// The practices' sample as the deck states it ("Base : Ensemble des entreprises (N = 107)").
    pub practice_base: String,
    /// The sample size the practices' margins come from.
    pub practice_n: u32,
    /// Upper end of the practices' axis: the largest value plus its margin, up to the next 10.
    pub axis_max: f64,
    /// Margin of error for a regional figure of the mayors' survey, in points.
    pub regional_margin: f64,
    pub national_margin: (f64, f64),
    pub margin_note: String,
    /// Who answered the mayors' survey behind those margins ("304 élus (maires ou maires adjoints)").
    pub margin_sample: String,
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
    let mut covered: Vec<String> = Vec::new();
    for p in a.practice.iter().filter(|p| p.area != "FR") {
        if !covered.contains(&p.area) {
            covered.push(p.area.clone());
        }
    }
    let area_name = |code: &str| -> String {
        if code == "FR" {
            "France".into()
        } else {
            ds.regions
                .iter()
                .find(|r| r.code == code)
                .map_or(code.to_string(), |r| r.name.clone())
        }
    };
    let mut order: Vec<String> = vec!["FR".into()];
    order.extend(covered.iter().cloned());
    let mut ids: Vec<&str> = Vec::new();
    for p in &a.practice {
        if !ids.contains(&p.practice.as_str()) {
            ids.push(p.practice.as_str());
        }
    }
    let practices: Vec<PracticeRow> = ids
        .iter()
        .map(|id| PracticeRow {
            practice: practice_label(id, lang).into(),
            values: order
                .iter()
                .filter_map(|area| {
                    a.practice
                        .iter()
                        .find(|p| p.practice == *id && &p.area == area)
                        .map(|p| {
                            (
                                area_name(area),
                                p.value,
                                datafrag::seeds::margin_95(p.value, a.practice_base.n),
                            )
                        })
                })
                .collect(),
        })
        .collect();
    let mut years: Vec<&str> = Vec::new();
    for p in &a.practice {
        if !years.contains(&p.year.as_str()) {
            years.push(p.year.as_str());
        }
    }
    let n = covered.len();
    let top = practices
        .iter()
        .flat_map(|p: &PracticeRow| p.values.iter().map(|(_, v, m)| v + m))
        .fold(0.0_f64, f64::max);
    ActeursState {
        axis_max: ((top / 10.0).ceil() * 10.0).max(10.0),
        practice_base: a.practice_base.quote.clone(),
        practice_n: a.practice_base.n,
        coverage: match lang {
            Lang::Fr => format!(
                "Disponible pour {n} région{} sur {} : {}.",
                if n > 1 { "s" } else { "" },
                ds.regions.len(),
                lang.join(&covered.iter().map(|c| area_name(c)).collect::<Vec<_>>())
            ),
            Lang::En => format!(
                "Available for {n} region{} of {}: {}.",
                if n == 1 { "" } else { "s" },
                ds.regions.len(),
                lang.join(&covered.iter().map(|c| area_name(c)).collect::<Vec<_>>())
            ),
        },
        areas: order.iter().map(|c| area_name(c)).collect(),
        covered,
        practices,
        practice_year: years.join(", "),
        surveys: a
            .survey
            .iter()
            .map(|s| (s.value, lang.pick(&s.label_fr, &s.label_en).to_string()))
            .collect(),
        regional_margin: a.margins.regional,
        national_margin: (a.margins.national_min, a.margins.national_max),
        margin_note: a.margins.quote.clone(),
        margin_sample: a.margins.sample.clone(),
        source: lang
            .t(
                "Observatoire des partenariats (Le RAMEAU, Comisis, OpinionWay), decks",
                "Observatoire des partenariats (Le RAMEAU, Comisis, OpinionWay), decks",
            )
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::dataset;
    use datafrag::seeds::Practice;

    /// Each practice once, each covered region once, France first; coverage says 2 of 3 here.
    #[test]
    fn practices_once_each_with_coverage() {
        let mut ds = dataset();
        for area in ["FR", "75", "76"] {
            for (k, p) in ["pratiques_responsables", "mecenat"].iter().enumerate() {
                ds.acteurs.practice.push(Practice {
                    area: area.into(),
                    practice: p.to_string(),
                    value: 10.0 * (k + 1) as f64,
                    rejected_reading: 0.0,
                    year: "2015".into(),
                    seed: "s.txt".into(),
                });
            }
        }
        let s = acteurs_state(&ds, Lang::Fr);
        assert_eq!(s.practices.len(), 2);
        assert_eq!(
            s.practice_year, "2015",
            "the survey's year comes from the seeds"
        );
        assert_eq!(s.covered, vec!["75", "76"]);
        assert_eq!(s.areas, vec!["France", "Alpha", "Bêta"]);
        assert_eq!(s.practices[1].values.len(), 3);
        // The margins come from the practices' own sample (N = 100 in the fixture), never from
        // the mayors' survey (± 5 points there): 20 % on 100 → ± 7.8 points.
        let (_, v, m) = &s.practices[1].values[0];
        assert_eq!(*v, 20.0);
        assert!((m - 7.84).abs() < 0.005, "{m}");
        assert_ne!(*m, s.regional_margin);
        // The axis follows the data: 20 + 7.84 → 30, not a hand-set 70.
        assert_eq!(s.axis_max, 30.0);
        assert_eq!(
            s.coverage,
            "Disponible pour 2 régions sur 3 : Alpha et Bêta."
        );
    }
}
