//! Each view's export content: its title, subtitle, sources, table with row metadata and the
//! graphic, from the same state functions as the view on screen.

use super::{grouped_sources, measured_domains, same_meta, source_line, Export, Graphic, RowMeta};
use crate::model::{View, ViewState};
use crate::state::tables;
use crate::state::{
    acteurs::acteurs_state, compare::compare_state, map::map_state, ranking::ranking_state,
    region::region_state,
};
use datafrag::model::Dataset;

/// The map or the ranking of one measure.
pub(super) fn measure(ds: &Dataset, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let index_unit = lang.t("indice (France = 100)", "index (France = 100)");
    let fr = lang.t("France métropolitaine", "metropolitan France");
    let measure_id = match &s.measure {
        crate::model::Measure::Domain(id) | crate::model::Measure::Indicator(id) => id,
    };
    let (info, table, graphic) = if s.view == View::Map {
        let st = map_state(ds, &s.measure, lang)?;
        let table = tables::map(&st, lang);
        let info = st.info.clone();
        let g = Graphic::Map {
            state: st,
            layout: s.layout,
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
    let index_unit = lang.t("indice (France = 100)", "index (France = 100)");
    let fr = lang.t("France métropolitaine", "metropolitan France");
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
                source: grouped_sources(ds, &ids),
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
    let index_unit = lang.t("indice (France = 100)", "index (France = 100)");
    let fr = lang.t("France métropolitaine", "metropolitan France");
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
                source: grouped_sources(ds, &ids),
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
