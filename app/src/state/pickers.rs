//! The words of the pickers' options, shared by the app's controls and the static first view
//! (which draws them inert, so that they take the room the app's will).

use crate::i18n::Lang;
use crate::model::Measure;
use datafrag::model::Dataset;

/// One option of a `<select>`: its value and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub text: String,
}

/// A domain's group in the measure picker: its index first, then its indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureGroup {
    pub label: String,
    pub options: Vec<Choice>,
}

/// The measure picker's options: the overall reading, then each measured domain's group.
pub fn measure_options(ds: &Dataset, lang: Lang) -> (Choice, Vec<MeasureGroup>) {
    let overall = Choice {
        value: Measure::Overall.option_value(),
        text: lang
            .t(
                "Ensemble des domaines — lecture d'ensemble",
                "All domains — overall reading",
            )
            .into(),
    };
    let groups = ds
        .domains
        .iter()
        .filter(|d| !d.indicators.is_empty())
        .map(|d| {
            let label = lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string();
            let whole = Choice {
                value: Measure::Domain(d.meta.id.clone()).option_value(),
                text: format!("{label} — {}", lang.t("indice du domaine", "domain index")),
            };
            let inds = d
                .indicators
                .iter()
                .filter_map(|id| ds.indicators.iter().find(|i| &i.meta.id == id))
                .map(|i| Choice {
                    value: Measure::Indicator(i.meta.id.clone()).option_value(),
                    text: format!(
                        "{} ({})",
                        lang.pick(&i.meta.label_fr, &i.meta.label_en),
                        i.meta.year
                    ),
                });
            MeasureGroup {
                label,
                options: std::iter::once(whole).chain(inds).collect(),
            }
        })
        .collect();
    (overall, groups)
}

/// The year picker's words for a year: "2016 (13 indicateurs sur 38)".
pub fn year_option(year: i32, n: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{year} ({n} indicateur{} sur {total})",
            if n > 1 { "s" } else { "" }
        ),
        Lang::En => format!("{year} ({n} of {total} indicators)"),
    }
}

/// The year picker's first option: each indicator's latest data.
pub fn latest_option(lang: Lang) -> &'static str {
    lang.t(
        "Dernières données (l'année de chaque indicateur)",
        "Latest data (each indicator's own year)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_values_go_and_come_back() {
        for m in [
            Measure::Domain("emploi".into()),
            Measure::Indicator("aah".into()),
            Measure::Overall,
        ] {
            assert_eq!(Measure::from_option_value(&m.option_value()), Some(m));
        }
        assert_eq!(Measure::from_option_value("x"), None);
    }

    #[test]
    fn year_words() {
        assert_eq!(
            year_option(2016, 1, 38, Lang::Fr),
            "2016 (1 indicateur sur 38)"
        );
        assert_eq!(
            year_option(2016, 13, 38, Lang::Fr),
            "2016 (13 indicateurs sur 38)"
        );
        assert_eq!(
            year_option(2016, 13, 38, Lang::En),
            "2016 (13 of 38 indicators)"
        );
    }

    /// Every measured domain has its group, its index first, then each of its indicators.
    #[test]
    fn every_measure_is_offered() {
        let ds: Dataset =
            serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap();
        let (overall, groups) = measure_options(&ds, Lang::Fr);
        assert_eq!(overall.value, "o:ensemble");
        let measured: Vec<_> = ds
            .domains
            .iter()
            .filter(|d| !d.indicators.is_empty())
            .collect();
        assert_eq!(groups.len(), measured.len());
        for (g, d) in groups.iter().zip(measured) {
            assert_eq!(g.options[0].value, format!("d:{}", d.meta.id));
            assert_eq!(g.options.len(), 1 + d.indicators.len(), "{}", d.meta.id);
        }
    }
}
