//! The exports of the département level: the map of a region's départements (or of the 96)
//! and a département's page, from the same state functions and drawings as the screen.

use super::{grouped_sources, same_meta, Export, Graphic};
use crate::i18n::Lang;
use crate::model::{Level, Measure, View, ViewState};
use crate::state::dep::{self, DepLevel};
use datafrag::model::Dataset;
use std::sync::Arc;

/// The export of a département view (`level=dep` on the map, `view=dep`); `None` for the
/// others, and before the départements' files are there.
pub fn content(ds: &Dataset, dl: &Arc<DepLevel>, s: &ViewState) -> Option<Export> {
    match (s.view, s.level) {
        (View::Map, Level::Dep) => map(ds, dl, s, None),
        (View::Dep, _) => page(ds, dl, s),
        _ => None,
    }
}

/// The départements' map of `region` (all 96 without one) on the measure shown.
fn map(ds: &Dataset, dl: &Arc<DepLevel>, s: &ViewState, region: Option<&str>) -> Option<Export> {
    let lang = s.lang;
    let st = dep::map_state(ds, dl, &s.measure, region, lang)?;
    let region_name =
        region.and_then(|c| crate::state::region_pos(ds, c).map(|k| ds.regions[k].name.clone()));
    let table = dep::table(&st, None, lang);
    let sources = grouped_sources(ds, &st.info.indicators, lang);
    let unit = if st.info.is_domain {
        crate::state::analysis::index_unit(ds, lang)
    } else {
        st.info.unit.clone()
    };
    let whom = match (&region_name, lang) {
        (Some(r), Lang::Fr) => format!("les départements de {r}"),
        (Some(r), Lang::En) => format!("the départements of {r}"),
        (None, _) => lang.t("les 96 départements", "the 96 départements").into(),
    };
    let measure_id = match &s.measure {
        Measure::Domain(id) | Measure::Indicator(id) => id.as_str(),
        Measure::Overall => crate::model::OVERALL,
    };
    Some(Export {
        title: format!("{} ({})", st.info.title, st.info.year),
        subtitle: match lang {
            Lang::Fr => format!("{whom} comparés à France métropolitaine (= 100)"),
            Lang::En => format!("{whom} compared with metropolitan France (= 100)"),
        },
        meta: same_meta(table.rows.len(), &unit, &st.info.year, &sources),
        sources,
        table,
        graphic: Graphic::DepMap {
            state: st,
            region: region.map(str::to_string),
            selected: s.dep.clone(),
            level: dl.clone(),
        },
        slug: format!(
            "{}-{}",
            lang.t("departements", "departements"),
            measure_id.replace('_', "-")
        ),
    })
}

/// A département against its region and France: its domains' bars beside its region's, and
/// their table.
fn page(ds: &Dataset, dl: &Arc<DepLevel>, s: &ViewState) -> Option<Export> {
    let lang = s.lang;
    let p = dep::page(ds, dl, s.dep.as_deref()?, lang)?;
    let (domains, _) = dep::page_tables(&p, lang);
    let ids: Vec<String> = p.indicators.iter().map(|l| l.id.clone()).collect();
    let sources = grouped_sources(ds, &ids, lang);
    let unit = crate::state::analysis::index_unit(ds, lang);
    Some(Export {
        title: p.name.clone(),
        subtitle: match lang {
            Lang::Fr => format!(
                "département {} — indices par domaine, comparés à {} et à France métropolitaine (= 100)",
                p.code, p.region_name
            ),
            Lang::En => format!(
                "département {} — indices by domain, against {} and metropolitan France (= 100)",
                p.code, p.region_name
            ),
        },
        meta: same_meta(domains.rows.len(), &unit, "", &sources),
        sources,
        table: domains,
        graphic: Graphic::Bars(crate::state::charts::dep(&p, lang)),
        slug: format!("departement-{}", p.code.to_lowercase()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> (Dataset, Arc<DepLevel>) {
        let ds: Dataset =
            serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap();
        let dl = DepLevel {
            geo: serde_json::from_str(include_str!("../../../assets/data/departements.json"))
                .unwrap(),
            data: serde_json::from_str(include_str!("../../../assets/data/departements-data.json"))
                .unwrap(),
        };
        (ds, Arc::new(dl))
    }

    /// The map of the 96 exports the screen's drawing: every département keyed, the chosen one
    /// outlined, the legend; the page of Gironde its bars beside Nouvelle-Aquitaine's.
    #[test]
    fn the_departements_export_their_map_and_their_page() {
        let (ds, dl) = files();
        let mut s = ViewState::default_for(&crate::state::catalog(&ds));
        s.level = Level::Dep;
        s.dep = Some("33".into());
        let e = content(&ds, &dl, &s).unwrap();
        assert_eq!(e.table.rows.len(), 97, "96 départements and France");
        assert!(e.subtitle.contains("les 96 départements"), "{}", e.subtitle);
        let regions: datafrag::geometry::MapGeometry =
            serde_json::from_str(include_str!("../../../assets/data/regions.json")).unwrap();
        let Graphic::DepMap {
            state,
            region,
            selected,
            level,
        } = &e.graphic
        else {
            panic!("{:?}", e.slug)
        };
        let scene = crate::graphics::depmap::dep_choropleth(
            &level.geo,
            &regions,
            state,
            region.as_deref(),
            selected.as_deref(),
            Lang::Fr,
        );
        let keys: Vec<&str> = scene
            .marks
            .iter()
            .filter_map(|m| match m {
                crate::graphics::Mark::Path { key: Some(k), .. } if !k.contains('/') => {
                    Some(k.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(keys.len(), 96);
        assert!(scene.texts().iter().any(|t| t.ends_with("← France = 100")));
        s.view = View::Dep;
        let p = content(&ds, &dl, &s).unwrap();
        assert_eq!(p.title, "Gironde");
        assert!(p.subtitle.contains("Nouvelle-Aquitaine"), "{}", p.subtitle);
        let Graphic::Bars(spec) = &p.graphic else {
            panic!()
        };
        assert_eq!(
            spec.series,
            vec!["Gironde".to_string(), "Nouvelle-Aquitaine".into()]
        );
        // Other views are not the département level's.
        s.view = View::Region;
        assert!(content(&ds, &dl, &s).is_none());
    }
}
