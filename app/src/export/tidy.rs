//! The numbers people take away: one CSV row per area × measure (× year for the whole dataset),
//! as OWID's downloads are laid out. Every row names its region, and carries the raw value,
//! France's value, the index to one decimal, the rank and how many were ranked, the unit, the
//! year and the producer; a missing value says why in its own column.

use super::RowMeta;
use crate::i18n::Lang;
use crate::model::{Measure, View, ViewState};
use crate::table::{Cell, Table};
use datafrag::model::{Dataset, DomainOut, IndicatorOut};

/// What a row measures.
enum Row<'a> {
    Domain(&'a DomainOut),
    Indicator(&'a IndicatorOut),
}

fn headers(lang: Lang) -> Vec<String> {
    [
        lang.t("Code INSEE", "INSEE code"),
        lang.t("Région", "Region"),
        lang.t("Domaine", "Domain"),
        lang.t("Mesure", "Measure"),
        lang.t("Identifiant", "Identifier"),
        lang.t("Type", "Type"),
        lang.t("Valeur", "Value"),
        lang.t("France métropolitaine", "Metropolitan France"),
        lang.t("Indice (France = 100)", "Index (France = 100)"),
        lang.t("Rang (1 = plus fragile)", "Rank (1 = most fragile)"),
        lang.t("Régions classées", "Regions ranked"),
        lang.t("Raison de la valeur manquante", "Why the value is missing"),
    ]
    .map(String::from)
    .to_vec()
}

/// The measures a domain stands for: itself, then its indicators.
fn domain_rows<'a>(ds: &'a Dataset, d: &'a DomainOut) -> Vec<Row<'a>> {
    std::iter::once(Row::Domain(d))
        .chain(
            d.indicators
                .iter()
                .filter_map(|id| crate::state::indicator(ds, id).map(Row::Indicator)),
        )
        .collect()
}

/// Every measured domain with its indicators.
fn all_rows(ds: &Dataset) -> Vec<Row<'_>> {
    ds.domains
        .iter()
        .filter(|d| !d.indicators.is_empty())
        .flat_map(|d| domain_rows(ds, d))
        .collect()
}

/// Appends the rows of `measures` × `areas` (region positions) to `t` and `meta`. `keep`
/// filters the rows (the whole dataset keeps, for each year, only the values that year has).
fn push(
    ds: &Dataset,
    measures: &[Row<'_>],
    areas: &[usize],
    lang: Lang,
    t: &mut Table,
    meta: &mut Vec<RowMeta>,
    keep: impl Fn(bool) -> bool,
) {
    let index_unit = lang.t("indice (France = 100)", "index (France = 100)");
    for m in measures {
        for &k in areas {
            let Some(area) = ds.regions.get(k) else {
                continue;
            };
            let (domain, label, id, kind, value, france, index, rank, missing, unit, year, source) =
                match m {
                    Row::Domain(d) => {
                        let label = lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string();
                        (
                            label.clone(),
                            label,
                            d.meta.id.as_str(),
                            lang.t("indice du domaine", "domain index"),
                            Cell::text(""),
                            Cell::index1(Some(100.0)),
                            d.index.get(k).copied().flatten(),
                            d.rank.get(k).copied().flatten(),
                            None,
                            index_unit.to_string(),
                            crate::state::years_of(ds, &d.indicators),
                            super::grouped_sources(ds, &d.indicators, lang),
                        )
                    }
                    Row::Indicator(i) => {
                        let domain = crate::state::domain(ds, &i.meta.domain)
                            .map(|d| lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string())
                            .unwrap_or_default();
                        let v = i.values.get(k).copied().flatten();
                        (
                            domain,
                            lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string(),
                            i.meta.id.as_str(),
                            lang.t("indicateur", "indicator"),
                            Cell::value(v, &crate::format::unit(&i.meta.unit, lang), "", lang),
                            Cell::value(
                                i.france,
                                &crate::format::unit(&i.meta.unit, lang),
                                "",
                                lang,
                            ),
                            i.index.get(k).copied().flatten(),
                            i.rank.get(k).copied().flatten(),
                            i.missing.get(k).cloned().flatten(),
                            crate::format::unit(&i.meta.unit, lang),
                            i.meta.year.clone(),
                            producer(&i.meta, lang).to_string(),
                        )
                    }
                };
            if !keep(index.is_some()) {
                continue;
            }
            let of = match m {
                Row::Domain(d) => d.rank.iter().flatten().count(),
                Row::Indicator(i) => i.rank.iter().flatten().count(),
            };
            t.rows.push(vec![
                Cell::text(area.code.clone()),
                Cell::text(area.name.clone()),
                Cell::text(domain),
                Cell::text(label),
                Cell::text(id),
                Cell::text(kind),
                value,
                france,
                Cell::index1(index),
                Cell::rank(rank),
                Cell::rank(u8::try_from(of).ok()),
                Cell::text(missing.unwrap_or_default()),
            ]);
            meta.push(RowMeta { unit, year, source });
        }
    }
}

fn empty(caption: String, lang: Lang) -> Table {
    let headers = headers(lang);
    Table {
        caption,
        numeric: (0..headers.len()).map(|c| (6..=10).contains(&c)).collect(),
        headers,
        rows: Vec::new(),
    }
}

/// The rows of one measure: an indicator, a domain's indicators and index, or every domain.
fn measure_rows<'a>(ds: &'a Dataset, m: &Measure) -> Option<Vec<Row<'a>>> {
    Some(match m {
        Measure::Domain(id) => domain_rows(ds, crate::state::domain(ds, id)?),
        Measure::Indicator(id) => vec![Row::Indicator(crate::state::indicator(ds, id)?)],
        Measure::Overall => all_rows(ds),
    })
}

/// The data of a view (map, ranking, scatter, region, comparison), one row per region × measure; `None`
/// for the views whose table is already that (lines over the years, acteurs).
pub fn of_view(ds: &Dataset, s: &ViewState) -> Option<(Table, Vec<RowMeta>)> {
    let all: Vec<usize> = (0..ds.regions.len()).collect();
    let (measures, areas) = match s.view {
        View::Map | View::Ranking => (measure_rows(ds, &s.measure)?, all),
        View::Scatter => {
            let y = s.y_measure(&crate::state::catalog(ds));
            let mut rows = measure_rows(ds, &s.measure)?;
            if y != s.measure {
                rows.extend(measure_rows(ds, &y)?);
            }
            (rows, all)
        }
        View::Region => (
            all_rows(ds),
            vec![crate::state::region_pos(ds, s.region.as_deref()?)?],
        ),
        View::Compare => (
            all_rows(ds),
            s.compare
                .iter()
                .filter_map(|c| crate::state::region_pos(ds, c))
                .collect(),
        ),
        _ => return None,
    };
    let mut t = empty(String::new(), s.lang);
    let mut meta = Vec::new();
    push(ds, &measures, &areas, s.lang, &mut t, &mut meta, |_| true);
    Some((t, meta))
}

/// Every measure × region of the dataset: the latest values (each indicator's own year), then
/// each year its series hold, latest first (the composite indices of a year as the year
/// control computes them). A year's rows hold only the values that year has.
pub fn whole(ds: &Dataset, lang: Lang) -> (Table, Vec<RowMeta>) {
    let all: Vec<usize> = (0..ds.regions.len()).collect();
    let mut t = empty(String::new(), lang);
    let mut meta = Vec::new();
    push(ds, &all_rows(ds), &all, lang, &mut t, &mut meta, |_| true);
    let mut seen: std::collections::HashSet<(String, String, String)> = t
        .rows
        .iter()
        .zip(&meta)
        .map(|(r, m)| (r[0].text.clone(), r[4].text.clone(), m.year.clone()))
        .collect();
    for (y, _) in crate::state::years::years(ds) {
        let then = crate::state::years::at_year(ds, y, lang);
        let (mut yt, mut ym) = (empty(String::new(), lang), Vec::new());
        push(
            &then,
            &all_rows(&then),
            &all,
            lang,
            &mut yt,
            &mut ym,
            |has| has,
        );
        for (r, mut m) in yt.rows.into_iter().zip(ym) {
            let is_domain = then.domains.iter().any(|d| d.meta.id == r[4].text);
            if is_domain {
                m.year = y.to_string();
            }
            if seen.insert((r[0].text.clone(), r[4].text.clone(), m.year.clone())) {
                t.rows.push(r);
                meta.push(m);
            }
        }
    }
    (t, meta)
}

/// An indicator's producer in the reader's language.
pub fn producer(m: &datafrag::model::IndicatorMeta, lang: Lang) -> &str {
    match lang {
        Lang::En if !m.producer_en.is_empty() => &m.producer_en,
        _ => &m.producer,
    }
}

/// An indicator's licence in the reader's language.
pub fn licence(m: &datafrag::model::IndicatorMeta, lang: Lang) -> &str {
    match lang {
        Lang::En if !m.licence_en.is_empty() => &m.licence_en,
        _ => &m.licence,
    }
}

/// Every indicator's card, one row each: what the dataset's rows measure and where they come
/// from (the whole dataset's metadata file).
pub fn metadata(ds: &Dataset, lang: Lang) -> Table {
    let headers: Vec<String> = [
        lang.t("Identifiant", "Identifier"),
        lang.t("Domaine", "Domain"),
        lang.t("Indicateur", "Indicator"),
        lang.t("Définition", "Definition"),
        lang.t("Unité", "Unit"),
        lang.t("Année", "Year"),
        lang.t("Série", "Series"),
        lang.t("Producteur et publication", "Producer and publication"),
        lang.t("Licence", "Licence"),
        lang.t("Méthode", "Method"),
        lang.t("Sens", "Direction"),
        lang.t("Mises en garde", "Caveats"),
        lang.t("Fichier d'origine", "Original file"),
    ]
    .map(String::from)
    .to_vec();
    let rows = ds
        .indicators
        .iter()
        .map(|i| {
            let m = &i.meta;
            let series = m
                .series
                .as_ref()
                .map(|s| format!("{}–{}", s.from, s.to))
                .unwrap_or_default();
            let direction = match m.polarity {
                datafrag::model::Polarity::HigherIsFragile => {
                    lang.t("plus haut = plus fragile", "higher = more fragile")
                }
                _ => lang.t("plus bas = plus fragile", "lower = more fragile"),
            };
            [
                m.id.clone(),
                crate::state::domain(ds, &m.domain)
                    .map(|d| lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string())
                    .unwrap_or_default(),
                lang.pick(&m.label_fr, &m.label_en).to_string(),
                lang.pick(&m.definition_fr, &m.definition_en).to_string(),
                crate::format::unit(&m.unit, lang),
                m.year.clone(),
                series,
                producer(m, lang).to_string(),
                licence(m, lang).to_string(),
                lang.pick(&m.method, &m.method_en).to_string(),
                direction.to_string(),
                lang.pick(&m.caveats, &m.caveats_en).to_string(),
                m.origin.clone(),
            ]
            .map(Cell::text)
            .to_vec()
        })
        .collect();
    Table {
        caption: String::new(),
        numeric: vec![false; headers.len()],
        headers,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{catalog, fixture::dataset};

    fn state(view: View) -> ViewState {
        let ds = dataset();
        let mut s = ViewState::default_for(&catalog(&ds));
        s.view = view;
        s.region = Some(ds.regions[1].code.clone());
        s
    }

    /// Promise (#14 item 11): the region's file says which region it is on every row, with the
    /// raw value, France's value, the index to one decimal and the rank.
    #[test]
    fn a_region_file_names_its_region_and_carries_every_number() {
        let ds = dataset();
        let (t, meta) = of_view(&ds, &state(View::Region)).unwrap();
        assert_eq!(t.rows.len(), meta.len());
        let name = &ds.regions[1].name;
        assert!(
            t.rows.iter().all(|r| &r[1].text == name),
            "{name} on every row"
        );
        // The fixture's first indicator, read from the fixture itself.
        let i = &ds.indicators[0];
        let row = t.rows.iter().find(|r| r[4].text == i.meta.id).unwrap();
        assert_eq!(row[6].num, i.values[1]);
        assert_eq!(row[7].num, i.france);
        assert_eq!(
            row[8].shown.map(|s| s.decimals),
            Some(1),
            "index to one decimal"
        );
        assert_eq!(row[8].num, i.index[1]);
        assert_eq!(row[9].num, i.rank[1].map(f64::from));
        // Domains and indicators: every measured domain has its row.
        let domains = ds
            .domains
            .iter()
            .filter(|d| !d.indicators.is_empty())
            .count();
        assert_eq!(
            t.rows.iter().filter(|r| r[6].text.is_empty()).count(),
            domains
        );
    }

    /// The whole dataset: every measure × region for the latest data, and no (region, measure,
    /// year) twice.
    #[test]
    fn the_whole_dataset_has_every_measure_once_per_year() {
        let ds = dataset();
        let (t, meta) = whole(&ds, Lang::Fr);
        let measures = ds.indicators.len()
            + ds.domains
                .iter()
                .filter(|d| !d.indicators.is_empty())
                .count();
        assert!(t.rows.len() >= measures * ds.regions.len());
        let mut keys: Vec<(String, String, String)> = t
            .rows
            .iter()
            .zip(&meta)
            .map(|(r, m)| (r[0].text.clone(), r[4].text.clone(), m.year.clone()))
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "a row twice");
        assert_eq!(metadata(&ds, Lang::En).rows.len(), ds.indicators.len());
    }
}
