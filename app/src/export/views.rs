//! Each view's export content: its title, subtitle, sources, table with row metadata and the
//! graphic, from the same state functions as the view on screen.

use super::{grouped_sources, measured_domains, same_meta, source_line, Export, Graphic, RowMeta};
use crate::model::{View, ViewState};
use crate::state::tables;
use crate::state::trajectory::{
    compare_chart, domain_trends, followed, indicator_chart, trends_chart, Change,
};
use crate::state::{
    acteurs::acteurs_state, compare::compare_state, map::map_state, ranking::ranking_state,
    region::region_state,
};
use datafrag::model::Dataset;

/// The map or the ranking of one measure.
pub(super) fn measure(ds: &Dataset, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let index_unit_owned = crate::state::analysis::index_unit(ds, lang);
    let index_unit = index_unit_owned.as_str();
    let fr = crate::state::analysis::reference_name(ds, lang);
    let measure_id = match &s.measure {
        crate::model::Measure::Domain(id) | crate::model::Measure::Indicator(id) => id,
        crate::model::Measure::Overall => crate::model::OVERALL,
    };
    let (info, table, graphic) = if s.view == View::Map {
        let st = map_state(ds, &s.measure, lang)?;
        let table = tables::map(&st, lang);
        let info = st.info.clone();
        let g = Graphic::Map {
            state: st,
            layout: s.layout,
            selected: s.region.clone(),
        };
        (info, table, g)
    } else {
        let st = ranking_state(ds, &s.measure, lang)?;
        let since = crate::state::ranking::effective_since(ds, &s.measure, s.since);
        let st = crate::state::ranking::with_changes(st, ds, &s.measure, since, lang);
        let spec = crate::state::charts::ranking(&st, lang);
        (
            st.info.clone(),
            tables::ranking(&st, lang),
            Graphic::Bars(spec),
        )
    };
    let sources = source_line(ds, s).unwrap_or_default();
    let unit = if info.is_domain {
        index_unit.to_string()
    } else {
        info.unit.clone()
    };
    let kind = if info.is_domain {
        lang.t("indice du domaine", "domain index")
    } else {
        lang.t("indicateur", "indicator")
    };
    Some(Export {
        title: format!("{} ({})", info.title, info.year),
        subtitle: format!(
            "{kind} — {} {fr} (= 100)",
            lang.t("les 13 régions comparées à", "the 13 regions compared with"),
        ),
        meta: same_meta(table.rows.len(), &unit, &info.year, &sources),
        sources,
        table,
        graphic,
        slug: format!(
            "{}-{}",
            if s.view == View::Map {
                lang.t("carte", "map")
            } else {
                lang.t("classement", "ranking")
            },
            measure_id.replace('_', "-")
        ),
    })
}

/// A region's domains against France.
pub(super) fn region(ds: &Dataset, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let index_unit_owned = crate::state::analysis::index_unit(ds, lang);
    let index_unit = index_unit_owned.as_str();
    let fr = crate::state::analysis::reference_name(ds, lang);
    let code = s.region.as_deref()?;
    let st = region_state(ds, code, lang)?;
    let table = tables::region(&st, lang);
    let meta = st
        .domains
        .iter()
        .map(|d| {
            let ids: Vec<String> = d.indicators.iter().map(|i| i.id.clone()).collect();
            RowMeta {
                unit: index_unit.into(),
                year: crate::state::years_of(ds, &ids),
                source: grouped_sources(ds, &ids, lang),
            }
        })
        .collect();
    let chart = crate::state::charts::region(&st, lang);
    Some(Export {
        title: chart.title.clone(),
        subtitle: format!(
            "{} {} {fr} (= 100), {}{}",
            st.name,
            lang.t("comparée à", "compared with"),
            measured_domains(ds, lang),
            lang.t(", plus haut = plus fragile", ", higher = more fragile")
        ),
        sources: source_line(ds, s).unwrap_or_default(),
        graphic: Graphic::Bars(chart),
        table,
        meta,
        slug: format!("region-{code}"),
    })
}

/// Two to four regions against each other and France.
pub(super) fn compare(ds: &Dataset, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let index_unit_owned = crate::state::analysis::index_unit(ds, lang);
    let index_unit = index_unit_owned.as_str();
    let fr = crate::state::analysis::reference_name(ds, lang);
    let st = compare_state(ds, &s.compare, lang)?;
    let table = tables::compare(&st, lang);
    let meta = st
        .rows
        .iter()
        .map(|r| {
            let ids = crate::state::domain(ds, &r.domain)
                .map(|d| d.indicators.clone())
                .unwrap_or_default();
            RowMeta {
                unit: index_unit.into(),
                year: crate::state::years_of(ds, &ids),
                source: grouped_sources(ds, &ids, lang),
            }
        })
        .collect();
    let names: Vec<&str> = st.regions.iter().map(|r| r.1.as_str()).collect();
    Some(Export {
        title: lang.join(&names),
        subtitle: format!(
            "{} {fr} (= 100), {}",
            lang.t(
                "comparées entre elles et à",
                "compared with each other and with"
            ),
            measured_domains(ds, lang)
        ),
        sources: source_line(ds, s).unwrap_or_default(),
        graphic: Graphic::Bars(crate::state::charts::compare(&st, lang)),
        table,
        meta,
        slug: format!("comparaison-{}", s.compare.join("-")),
    })
}

/// Two measures at once: the scatter plot of the regions.
pub(super) fn scatter(ds: &Dataset, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let y = s.y_measure(&crate::state::catalog(ds));
    let st = crate::state::scatter::scatter_state(ds, &s.measure, &y, lang)?;
    let table = tables::scatter(&st, lang);
    let sources = source_line(ds, s).unwrap_or_default();
    let mut subtitle = match lang {
        crate::i18n::Lang::Fr => format!(
            "les 13 régions ; les pointillés marquent {}, le côté « plus fragile » de chaque mesure est nommé dans les coins",
            st.reference
        ),
        crate::i18n::Lang::En => format!(
            "the 13 regions; the dashed lines mark {}, each measure's \"more fragile\" side named in the corners",
            st.reference
        ),
    };
    if let Some(c) = st.correlation_text(lang) {
        subtitle = format!("{subtitle} — {c}");
    }
    let slug = format!(
        "{}-{}-{}",
        lang.t("croiser", "scatter"),
        s.measure.id().replace('_', "-"),
        y.id().replace('_', "-")
    );
    Some(Export {
        title: format!(
            "{} ({}) × {} ({})",
            st.x.info.title, st.x.info.year, st.y.info.title, st.y.info.year
        ),
        subtitle,
        meta: same_meta(
            table.rows.len(),
            "",
            &format!("{} ; {}", st.x.info.year, st.y.info.year),
            &sources,
        ),
        sources,
        table,
        graphic: Graphic::Scatter(st.spec(s.region.as_deref(), lang)),
        slug,
    })
}

/// The partnership figures of the decks.
pub(super) fn acteurs(ds: &Dataset, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let st = acteurs_state(ds, lang);
    let table = tables::acteurs(&st, lang);
    Some(Export {
        title: lang
            .t("Partenariats des entreprises", "Companies' partnerships")
            .into(),
        subtitle: format!(
            "{} — {}",
            lang.t(
                "La France et les régions que couvrent les decks",
                "France and the regions the decks cover"
            ),
            st.coverage
        ),
        meta: same_meta(table.rows.len(), "%", &st.practice_year, &st.source),
        sources: st.source.clone(),
        table,
        graphic: Graphic::Dots(st.clone()),
        slug: "acteurs".into(),
    })
}

/// The view's lines over the years (`chart=lines`): on a region's page its domains' indices or
/// the followed indicator against France; on the comparison, the compared regions on the
/// followed indicator. A row per year in the table (and the CSV); `None` when the view has no
/// series to draw.
pub(super) fn lines(ds: &Dataset, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let fr = crate::state::analysis::reference_name(ds, lang);
    let (spec, label, subtitle, ids, slug) = match s.view {
        View::Region => {
            let code = s.region.as_deref()?;
            let k = crate::state::region_pos(ds, code)?;
            let name = ds.regions[k].name.clone();
            match s
                .series
                .as_deref()
                .and_then(|id| crate::state::indicator(ds, id))
            {
                Some(i) => {
                    let label = lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string();
                    let sub = Change::of(i, k, lang).map_or_else(
                        || format!("{name} {} {fr}", lang.t("et", "and")),
                        |c| format!("{name}{}{}", lang.t(" : ", ": "), c.words(lang)),
                    );
                    (
                        indicator_chart(ds, i, k, lang)?,
                        label,
                        sub,
                        vec![i.meta.id.clone()],
                        format!("evolution-{}-region-{code}", i.meta.id.replace('_', "-")),
                    )
                }
                None => {
                    let trends = domain_trends(ds, k, lang);
                    let ids: Vec<String> =
                        trends.iter().flat_map(|t| t.indicators.clone()).collect();
                    (
                        trends_chart(&trends, lang),
                        format!(
                            "{name} : {}",
                            lang.t(
                                "les domaines au fil des années",
                                "the domains over the years"
                            )
                        ),
                        format!(
                            "{} {fr} (= 100), {}",
                            lang.t(
                                "indices des domaines comparés à",
                                "domain indices compared with"
                            ),
                            lang.t(
                                "sur leurs indicateurs qui ont une série, plus haut = plus fragile",
                                "on their indicators with a series, higher = more fragile"
                            )
                        ),
                        ids,
                        format!("evolution-region-{code}"),
                    )
                }
            }
        }
        View::Compare => {
            let i = followed(ds, s.series.as_deref())?;
            let mut names: Vec<String> = s
                .compare
                .iter()
                .filter_map(|c| crate::state::region_pos(ds, c).map(|k| ds.regions[k].name.clone()))
                .collect();
            names.push(format!("{fr} ({})", lang.t("en pointillés", "dashed")));
            (
                compare_chart(ds, i, &s.compare, lang)?,
                lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string(),
                lang.join(&names),
                vec![i.meta.id.clone()],
                format!(
                    "evolution-{}-comparaison-{}",
                    i.meta.id.replace('_', "-"),
                    s.compare.join("-")
                ),
            )
        }
        _ => return None,
    };
    if spec.series.is_empty() || ids.is_empty() {
        return None;
    }
    let table = tables::trajectory(&spec, &label, lang);
    let years: Vec<i32> = table
        .rows
        .iter()
        .filter_map(|r| r[0].num)
        .map(|y| y as i32)
        .collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => return None,
    };
    let sources = series_sources(ds, &ids, lang);
    let unit = if spec.unit.is_empty() {
        lang.t("indice (France = 100)", "index (France = 100)")
            .to_string()
    } else {
        spec.unit.clone()
    };
    let meta = years
        .iter()
        .map(|y| RowMeta {
            unit: unit.clone(),
            year: y.to_string(),
            source: sources.clone(),
        })
        .collect();
    Some(Export {
        title: format!("{label} ({span})"),
        subtitle,
        sources,
        table,
        meta,
        graphic: Graphic::Lines(spec),
        slug,
    })
}

/// "INSEE 1982–2023 ; SSMSI 2016–2024": the producers of series with the years they span.
pub(super) fn series_sources(ds: &Dataset, ids: &[String], lang: crate::i18n::Lang) -> String {
    let mut by: std::collections::BTreeMap<&str, (i32, i32)> = Default::default();
    for i in ds.indicators.iter().filter(|i| ids.contains(&i.meta.id)) {
        let Some(t) = &i.trajectory else { continue };
        let (Some(a), Some(b)) = (t.years.first(), t.years.last()) else {
            continue;
        };
        let e = by
            .entry(super::tidy::producer(&i.meta, lang))
            .or_insert((*a, *b));
        *e = (e.0.min(*a), e.1.max(*b));
    }
    by.iter()
        .map(|(p, (a, b))| format!("{p} {a}–{b}"))
        .collect::<Vec<_>>()
        .join(" ; ")
}

#[cfg(test)]
mod tests {
    use crate::export::{content, csv, Graphic};
    use crate::i18n::Lang;
    use crate::model::{View, ViewState};
    use crate::state::catalog;
    use datafrag::model::Dataset;

    const DATA: &str = include_str!("../../../assets/data/dataset.json");

    fn real() -> Dataset {
        serde_json::from_str(DATA).unwrap()
    }

    /// A trajectory's value read from the committed file itself, not through the app's code.
    fn committed(id: &str, region: usize, year: i64) -> f64 {
        let v: serde_json::Value = serde_json::from_str(DATA).unwrap();
        let i = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap();
        let t = &i["trajectory"];
        let j = t["years"]
            .as_array()
            .unwrap()
            .iter()
            .position(|y| y.as_i64() == Some(year))
            .unwrap();
        t["values"][region][j].as_f64().unwrap()
    }

    /// The region page of `code` with its lines asked for in the export.
    fn region_lines(ds: &Dataset, code: &str) -> ViewState {
        let mut s = ViewState::default_for(&catalog(ds));
        s.view = View::Region;
        s.region = Some(code.into());
        s.lines = true;
        s
    }

    /// Promise (#13): the export of an indicator's line has a row per year of its source
    /// (unemployment 1982-2023: 42), the year column is each row's year, and the figures are
    /// the committed series'.
    #[test]
    fn an_indicators_line_exports_one_row_per_year() {
        let ds = real();
        let mut s = region_lines(&ds, "76");
        s.series = Some("chomage_localise".into());
        let e = content(&ds, &s).unwrap();
        assert!(matches!(e.graphic, Graphic::Lines(_)));
        assert!(e.title.ends_with("(1982–2023)"), "{}", e.title);
        assert_eq!(e.table.rows.len(), 42);
        assert_eq!(e.sources, "INSEE 1982–2023");
        let text = csv::write(&e, Lang::Fr, csv::Variant::International);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "Année,Occitanie,France,Unité,Source");
        let row2016 = lines.iter().find(|l| l.starts_with("2016,")).unwrap();
        let occitanie: f64 = row2016.split(',').nth(1).unwrap().parse().unwrap();
        assert!((occitanie - committed("chomage_localise", 9, 2016)).abs() < 0.05);
        assert!(row2016.ends_with(",%,INSEE 1982–2023"), "{row2016}");
        assert!(e.subtitle.contains("entre 1982 et 2023"), "{}", e.subtitle);
    }

    /// Promise: a region's domains over the years export every year any domain has, each
    /// domain's cell read at its own year (security starts in 2016, unemployment in 1982), and
    /// the comparison's lines follow the chosen indicator.
    #[test]
    fn domains_and_comparison_lines_export_by_year() {
        let ds = real();
        let mut s = region_lines(&ds, "75");
        let e = content(&ds, &s).unwrap();
        let h = &e.table.headers;
        let col = |name: &str| h.iter().position(|x| x == name).unwrap();
        let (emploi, securite) = (col("Emploi"), col("Sécurité"));
        let row = |y: f64| e.table.rows.iter().find(|r| r[0].num == Some(y)).unwrap();
        assert_eq!(
            row(2000.0)[securite].text,
            "n.d.",
            "no SSMSI series before 2016"
        );
        assert!(row(2000.0)[emploi].num.is_some());
        assert!(row(2020.0)[securite].num.is_some());
        assert!(e
            .sources
            .contains("SSMSI (ministère de l'Intérieur) 2016–2024"));

        s.view = View::Compare;
        s.series = Some("cambriolages".into());
        let e = content(&ds, &s).unwrap();
        assert_eq!(e.table.rows.len(), 9);
        assert_eq!(
            e.table.headers,
            ["Année", "Nouvelle-Aquitaine", "Occitanie", "France"]
        );
        assert_eq!(e.slug, "evolution-cambriolages-comparaison-75-76");
        // Without lines asked, the comparison's bars.
        s.lines = false;
        assert!(matches!(
            content(&ds, &s).unwrap().graphic,
            Graphic::Bars(_)
        ));
    }
}
