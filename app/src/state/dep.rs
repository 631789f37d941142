//! The département level: what the département map and a département's page show, from the
//! départements' file (downloaded when the user goes down to them) and the region dataset (the
//! measures' names, units and France's values).

use super::map::{legend, MapRow, MapState};
use super::{measure_info, Figures};
use crate::format;
use crate::i18n::Lang;
use crate::model::Measure;
use crate::table::{Cell, Table};
use datafrag::departement::{DepDataset, DepDomain, DepIndicator};
use datafrag::geometry::DepartementsGeometry;
use datafrag::model::Dataset;

/// The départements' outlines and values, as downloaded.
#[derive(Debug, Clone, PartialEq)]
pub struct DepLevel {
    pub geo: DepartementsGeometry,
    pub data: DepDataset,
}

impl DepLevel {
    /// Position of a département in the values' arrays.
    pub fn pos(&self, code: &str) -> Option<usize> {
        self.data.departements.iter().position(|d| d.code == code)
    }
    pub fn indicator(&self, id: &str) -> Option<&DepIndicator> {
        self.data.indicators.iter().find(|i| i.id == id)
    }
    pub fn domain(&self, id: &str) -> Option<&DepDomain> {
        self.data.domains.iter().find(|d| d.id == id)
    }
    /// The départements of `region`, in code order.
    pub fn of_region<'a>(&'a self, region: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.data.departements.len())
            .filter(move |k| self.data.departements[*k].region == region)
    }
}

/// The départements as of `year`, by the regions' rules (`super::years::at_year`): an
/// indicator whose series holds that year takes its values, indexed to France's value that
/// year (`ds`, the regions' dataset as of the same year), ranked again among the 96 and within
/// the regions; one without says "pas de valeur pour 2016"; the domains' composites are the
/// means of what that year has, where enough of their indicators have it.
pub fn at_year(dl: &DepLevel, ds: &Dataset, year: i32, lang: Lang) -> DepLevel {
    use datafrag::departement::indexed;
    let n = dl.data.departements.len();
    let missing = match lang {
        Lang::Fr => format!("pas de valeur pour {year}"),
        Lang::En => format!("no value for {year}"),
    };
    let deps = &dl.data.departements;
    let mut out = dl.clone();
    let mut unrounded: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    for i in out.data.indicators.iter_mut() {
        let meta = super::indicator(ds, &i.id);
        // Its headline year keeps the headline's values (the series' are rounded to 4
        // significant digits); the other years come from the series.
        let values: Option<Vec<Option<f64>>> = if i.year == year.to_string() {
            Some(i.values.clone())
        } else {
            i.values_in(year).map(<[_]>::to_vec)
        };
        match (values, meta) {
            (Some(values), Some(m)) => {
                let x = indexed(&values, m.france, m.meta.polarity, m.meta.index_rule, deps);
                (i.index, i.rank, i.rank_in_region) = (x.index, x.rank, x.rank_in_region);
                i.missing = values
                    .iter()
                    .zip(&i.missing)
                    .map(|(v, why)| {
                        v.is_none()
                            .then(|| why.clone().unwrap_or_else(|| missing.clone()))
                    })
                    .collect();
                i.values = values;
                unrounded.push((i.id.clone(), x.unrounded));
            }
            _ => {
                (i.values, i.index) = (vec![None; n], vec![None; n]);
                (i.rank, i.rank_in_region) = (vec![None; n], vec![None; n]);
                i.missing = vec![Some(missing.clone()); n];
            }
        }
    }
    for d in out.data.domains.iter_mut() {
        let rows: Vec<&[Option<f64>]> = d
            .indicators
            .iter()
            .filter_map(|id| unrounded.iter().find(|(u, _)| u == id))
            .map(|(_, v)| v.as_slice())
            .collect();
        d.set_composite(&rows, deps);
        d.indicators = d
            .indicators
            .iter()
            .filter(|id| unrounded.iter().any(|(u, _)| u == *id))
            .cloned()
            .collect();
    }
    out
}

/// A reason for a missing value in the interface language.
fn reason(fr: &str, lang: Lang) -> String {
    match lang {
        Lang::En => datafrag::reasons::english(fr).unwrap_or_else(|| fr.to_string()),
        Lang::Fr => fr.to_string(),
    }
}

/// Why a measure has no value at this level, in words ("pauvreté is measured by 1 of its 3
/// indicators here: too few for a composite").
pub fn absent(ds: &Dataset, dl: &DepLevel, m: &Measure, lang: Lang) -> Option<String> {
    match m {
        Measure::Overall => Some(
            lang.t(
                "la lecture d'ensemble n'existe qu'à l'échelle des régions (tous les domaines n'y sont pas mesurés)",
                "the overall reading exists at the regional level only (not every domain is measured here)",
            )
            .into(),
        ),
        Measure::Indicator(id) => dl.indicator(id).is_none().then(|| {
            lang.t(
                "indicateur publié à l'échelle des régions seulement",
                "indicator published for the regions only",
            )
            .into()
        }),
        Measure::Domain(id) => {
            let d = dl.domain(id);
            let (here, of) = d.map_or_else(
                || (0, super::domain(ds, id).map_or(0, |d| d.indicators.len())),
                |d| (d.indicators.len(), d.of),
            );
            (d.is_none_or(|d| d.index.is_empty())).then(|| match lang {
                Lang::Fr => format!(
                    "domaine non mesuré à l'échelle des départements : {here} de ses {of} indicateurs y existe{}, il en faut au moins deux et la moitié",
                    if here > 1 { "nt" } else { "" }
                ),
                Lang::En => format!(
                    "domain not measured for the départements: {here} of its {of} indicators exist{} there, it takes two and half of them at least",
                    if here == 1 { "s" } else { "" }
                ),
            })
        }
    }
}

/// Département `k`'s figures on `m`: its rank among the 96, or among its region's départements
/// (`within_region`).
pub fn figures(
    ds: &Dataset,
    dl: &DepLevel,
    m: &Measure,
    k: usize,
    within_region: bool,
    lang: Lang,
) -> Figures {
    let of = if within_region {
        let region = &dl.data.departements[k].region;
        dl.of_region(region).count()
    } else {
        dl.data.departements.len()
    };
    let pick = |all: &[Option<u8>], mine: &[Option<u8>]| {
        if within_region {
            mine.get(k).copied().flatten()
        } else {
            all.get(k).copied().flatten()
        }
    };
    let none = |why: String| Figures {
        value: None,
        index: None,
        rank: None,
        missing: Some(why),
        of,
        robust: None,
    };
    if let Some(why) = absent(ds, dl, m, lang) {
        return none(why);
    }
    match m {
        Measure::Indicator(id) => {
            let i = dl.indicator(id).expect("absent() checked it");
            Figures {
                value: i.values[k],
                index: i.index[k],
                rank: pick(&i.rank, &i.rank_in_region),
                missing: i.missing[k].as_deref().map(|r| reason(r, lang)),
                of,
                robust: None,
            }
        }
        Measure::Domain(id) => {
            let d = dl.domain(id).expect("absent() checked it");
            Figures {
                value: None,
                index: d.index[k],
                rank: pick(&d.rank, &d.rank_in_region),
                missing: None,
                of,
                robust: None,
            }
        }
        Measure::Overall => unreachable!("absent() says why"),
    }
}

/// The département map's state: the départements of `region` (all 96 without one), coloured
/// on the same palette as the regions, ranked within the region on a region's map.
pub fn map_state(
    ds: &Dataset,
    dl: &DepLevel,
    m: &Measure,
    region: Option<&str>,
    lang: Lang,
) -> Option<MapState> {
    let mut info = measure_info(ds, m, lang)?;
    // The départements' figures are each indicator's latest, to France métropolitaine.
    if let Measure::Indicator(id) = m {
        if let Some(i) = super::indicator(ds, id) {
            info.year.clone_from(&i.meta.year);
        }
    }
    let rows = (0..dl.data.departements.len())
        .filter(|k| region.is_none_or(|r| dl.data.departements[*k].region == r))
        .map(|k| {
            let d = &dl.data.departements[k];
            let figures = figures(ds, dl, m, k, region.is_some(), lang);
            MapRow::new(&d.code, &d.name, figures, &info.unit, lang)
        })
        .collect();
    Some(MapState {
        info,
        rows,
        legend: legend(),
    })
}

/// One line of a département's page: a measure with its value, its region's, France's, its
/// index and its two ranks.
#[derive(Debug, Clone, PartialEq)]
pub struct DepLine {
    pub id: String,
    pub label: String,
    pub is_domain: bool,
    pub unit: String,
    pub value: Option<f64>,
    pub region_value: Option<f64>,
    pub france: Option<f64>,
    pub index: Option<f64>,
    /// The region's index on the same measure.
    pub region_index: Option<f64>,
    pub rank: Option<u8>,
    pub rank_in_region: Option<u8>,
    /// Why there is no value.
    pub missing: Option<String>,
}

/// A département's page.
#[derive(Debug, Clone, PartialEq)]
pub struct DepPage {
    pub code: String,
    pub name: String,
    pub region_code: String,
    pub region_name: String,
    /// How many départements its region has.
    pub in_region: usize,
    /// Its domains (composite or why not), then its indicators.
    pub domains: Vec<DepLine>,
    pub indicators: Vec<DepLine>,
    /// One or two sentences, by the region page's rules.
    pub summary: String,
}

/// The page of département `code`; `None` for a code the file does not hold.
pub fn page(ds: &Dataset, dl: &DepLevel, code: &str, lang: Lang) -> Option<DepPage> {
    let k = dl.pos(code)?;
    let d = &dl.data.departements[k];
    let rk = super::region_pos(ds, &d.region)?;
    let region_name = ds.regions[rk].name.clone();
    let domains: Vec<DepLine> = ds
        .domains
        .iter()
        .filter(|x| !x.indicators.is_empty())
        .map(|x| {
            let m = Measure::Domain(x.meta.id.clone());
            let f = figures(ds, dl, &m, k, false, lang);
            let within = figures(ds, dl, &m, k, true, lang);
            DepLine {
                id: x.meta.id.clone(),
                label: lang.pick(&x.meta.label_fr, &x.meta.label_en).to_string(),
                is_domain: true,
                unit: String::new(),
                value: None,
                region_value: None,
                france: None,
                index: f.index,
                region_index: x.index[rk],
                rank: f.rank,
                rank_in_region: within.rank,
                missing: f.missing,
            }
        })
        .collect();
    let indicators = ds
        .indicators
        .iter()
        .filter_map(|i| {
            let di = dl.indicator(&i.meta.id)?;
            Some(DepLine {
                id: i.meta.id.clone(),
                label: lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string(),
                is_domain: false,
                unit: format::unit(&i.meta.unit, lang),
                value: di.values[k],
                region_value: i.values[rk],
                france: i.france,
                index: di.index[k],
                region_index: i.index[rk],
                rank: di.rank[k],
                rank_in_region: di.rank_in_region[k],
                missing: di.missing[k].as_deref().map(|r| reason(r, lang)),
            })
        })
        .collect();
    let summary = summary(ds, &domains, lang);
    Some(DepPage {
        code: d.code.clone(),
        name: d.name.clone(),
        region_code: d.region.clone(),
        region_name,
        in_region: dl.of_region(&d.region).count(),
        domains,
        indicators,
        summary,
    })
}

/// One or two sentences by the region page's rules ([`super::summary::sentence`]) on the
/// domains measured at this level, and how many they are.
pub fn summary(ds: &Dataset, domains: &[DepLine], lang: Lang) -> String {
    let mut all: Vec<(String, f64)> = domains
        .iter()
        .filter_map(|d| d.index.map(|i| (d.id.clone(), i)))
        .collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    if all.is_empty() {
        return lang
            .t(
                "Aucun domaine n'est mesuré à l'échelle des départements.",
                "No domain is measured for the départements.",
            )
            .into();
    }
    let n = all.len();
    let of = domains.len();
    format!(
        "{} {}",
        super::summary::sentence(ds, &all, lang),
        match lang {
            Lang::Fr => format!("({n} domaines sur {of} mesurés à l'échelle des départements.)"),
            Lang::En => format!("({n} of {of} domains measured for the départements.)"),
        }
    )
}

/// The département map's table: one row per département, most fragile first (the order the
/// map's eye looks for), then the region's row on a region's map, and France's.
pub fn table(st: &MapState, region: Option<(&str, &Figures)>, lang: Lang) -> Table {
    let mut headers = vec![lang.t("Département", "Département").to_string()];
    if !st.info.is_domain {
        headers.push(format!("{} ({})", lang.t("Valeur", "Value"), st.info.unit));
    }
    headers.push(st.info.index_unit.clone());
    headers.push(match region {
        Some(_) => lang
            .t(
                "Rang dans la région (1 = plus fragile)",
                "Rank in the region (1 = most fragile)",
            )
            .into(),
        None => lang
            .t(
                "Rang sur 96 (1 = plus fragile)",
                "Rank of 96 (1 = most fragile)",
            )
            .into(),
    });
    let row = |name: String, f: &Figures, emphasis: bool| {
        let mut row = vec![Cell {
            emphasis,
            ..Cell::text(name)
        }];
        if !st.info.is_domain {
            let missing = f.missing.clone().unwrap_or_else(|| "n.d.".into());
            row.push(Cell::value(f.value, &st.info.unit, &missing, lang));
        }
        row.push(Cell::index(f.index, lang));
        row.push(Cell::rank(if emphasis { None } else { f.rank }));
        row
    };
    let mut order: Vec<&MapRow> = st.rows.iter().collect();
    order.sort_by(|a, b| {
        b.figures
            .index
            .unwrap_or(f64::MIN)
            .total_cmp(&a.figures.index.unwrap_or(f64::MIN))
    });
    let mut rows: Vec<Vec<Cell>> = order
        .iter()
        .map(|r| row(r.name.clone(), &r.figures, false))
        .collect();
    if let Some((name, f)) = region {
        rows.push(row(name.to_string(), f, true));
    }
    let france = Figures {
        value: st.info.france,
        index: Some(100.0),
        rank: None,
        missing: None,
        of: 0,
        robust: None,
    };
    rows.push(row(st.info.reference.clone(), &france, true));
    Table {
        caption: format!(
            "{} — {} ({})",
            st.info.title,
            lang.t("valeurs par département", "values by département"),
            st.info.year
        ),
        numeric: headers.iter().enumerate().map(|(i, _)| i > 0).collect(),
        headers,
        rows,
    }
}

/// A département's page as two tables: its domains, then its indicators, each against its
/// region and France with its two ranks.
pub fn page_tables(p: &DepPage, lang: Lang) -> (Table, Table) {
    let rank_headers = [
        lang.t("Rang sur 96", "Rank of 96").to_string(),
        match lang {
            Lang::Fr => format!("Rang sur {} dans la région", p.in_region),
            Lang::En => format!("Rank of {} in the region", p.in_region),
        },
    ];
    let domains = Table {
        caption: match lang {
            Lang::Fr => format!(
                "{} : indice par domaine, comparé à {} (France = 100)",
                p.name, p.region_name
            ),
            Lang::En => format!(
                "{}: index by domain, against {} (France = 100)",
                p.name, p.region_name
            ),
        },
        headers: [
            lang.t("Domaine", "Domain").to_string(),
            lang.t("Indice du département", "Département's index")
                .to_string(),
            lang.t("Indice de la région", "Region's index").to_string(),
        ]
        .into_iter()
        .chain(rank_headers.clone())
        .collect(),
        numeric: vec![false, true, true, true, true],
        rows: p
            .domains
            .iter()
            .map(|d| {
                let missing = d.missing.clone().unwrap_or_else(|| "n.d.".into());
                vec![
                    Cell::text(d.label.clone()),
                    match d.index {
                        Some(_) => Cell::index(d.index, lang),
                        None => Cell::text(missing),
                    },
                    Cell::index(d.region_index, lang),
                    Cell::rank(d.rank),
                    Cell::rank(d.rank_in_region),
                ]
            })
            .collect(),
    };
    let indicators = Table {
        caption: match lang {
            Lang::Fr => format!(
                "{} : ses indicateurs, ceux de {} et de la France",
                p.name, p.region_name
            ),
            Lang::En => format!(
                "{}: its indicators, {}'s and France's",
                p.name, p.region_name
            ),
        },
        headers: [
            lang.t("Indicateur", "Indicator").to_string(),
            p.name.clone(),
            p.region_name.clone(),
            lang.t("France métropolitaine", "Metropolitan France")
                .to_string(),
            lang.t("Indice (France = 100)", "Index (France = 100)")
                .to_string(),
        ]
        .into_iter()
        .chain(rank_headers)
        .collect(),
        numeric: vec![false, true, true, true, true, true, true],
        rows: p
            .indicators
            .iter()
            .map(|l| {
                let missing = l.missing.clone().unwrap_or_else(|| "n.d.".into());
                vec![
                    Cell::text(l.label.clone()),
                    Cell::value(l.value, &l.unit, &missing, lang),
                    Cell::value(l.region_value, &l.unit, "n.d.", lang),
                    Cell::value(l.france, &l.unit, "n.d.", lang),
                    Cell::index(l.index, lang),
                    Cell::rank(l.rank),
                    Cell::rank(l.rank_in_region),
                ]
            })
            .collect(),
    };
    (domains, indicators)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn files() -> (Dataset, DepLevel, Value) {
        let ds: Dataset =
            serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap();
        let data = include_str!("../../../assets/data/departements-data.json");
        let dl = DepLevel {
            geo: serde_json::from_str(include_str!("../../../assets/data/departements.json"))
                .unwrap(),
            data: serde_json::from_str(data).unwrap(),
        };
        (ds, dl, serde_json::from_str(data).unwrap())
    }

    /// The file's figures for département `code` and indicator `id`, read as plain JSON.
    fn raw(v: &Value, code: &str, id: &str, field: &str) -> Value {
        let k = v["departements"]
            .as_array()
            .unwrap()
            .iter()
            .position(|d| d["code"] == code)
            .unwrap();
        let i = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap();
        i[field][k].clone()
    }

    /// The example: Gironde's page against Nouvelle-Aquitaine and France, its values
    /// and ranks those of the file.
    #[test]
    fn gironde_against_nouvelle_aquitaine_and_france() {
        let (ds, dl, v) = files();
        let p = page(&ds, &dl, "33", Lang::Fr).unwrap();
        assert_eq!(
            (p.name.as_str(), p.region_name.as_str(), p.in_region),
            ("Gironde", "Nouvelle-Aquitaine", 12)
        );
        let l = p
            .indicators
            .iter()
            .find(|l| l.id == "cambriolages")
            .unwrap();
        assert_eq!(l.value, raw(&v, "33", "cambriolages", "values").as_f64());
        assert_eq!(
            l.rank.map(u64::from),
            raw(&v, "33", "cambriolages", "rank").as_u64()
        );
        assert_eq!(
            l.rank_in_region.map(u64::from),
            raw(&v, "33", "cambriolages", "rank_in_region").as_u64()
        );
        let na = ds.regions.iter().position(|r| r.code == "75").unwrap();
        let i = ds
            .indicators
            .iter()
            .find(|i| i.meta.id == "cambriolages")
            .unwrap();
        assert_eq!((l.region_value, l.france), (i.values[na], i.france));
        assert!(p.summary.contains("domaines sur"), "{}", p.summary);
        // A domain without enough indicators here says so instead of a number.
        let eco = p
            .domains
            .iter()
            .find(|d| d.id == "developpement_economique")
            .unwrap();
        assert!(eco.index.is_none());
        assert!(
            eco.missing.as_deref().unwrap().contains("0 de ses 3"),
            "{:?}",
            eco.missing
        );
        // Its bars: the domains measured here, Gironde's beside Nouvelle-Aquitaine's, the
        // most fragile first.
        let spec = crate::state::charts::dep(&p, Lang::Fr);
        assert_eq!(
            spec.series,
            vec!["Gironde".to_string(), "Nouvelle-Aquitaine".into()]
        );
        assert_eq!(
            spec.rows.len(),
            p.domains.iter().filter(|d| d.index.is_some()).count()
        );
        assert!(spec
            .rows
            .windows(2)
            .all(|w| w[0].values[0] >= w[1].values[0]));
        assert!(!spec
            .rows
            .iter()
            .any(|r| r.key == "developpement_economique"));
    }

    /// A region's map holds its départements only, ranked among them; the 96's map ranks among
    /// 96; the overall reading and a regional-only indicator say why they are missing.
    #[test]
    fn maps_of_a_region_and_of_the_96() {
        let (ds, dl, _) = files();
        let m = Measure::Domain("securite".into());
        let na = map_state(&ds, &dl, &m, Some("75"), Lang::Fr).unwrap();
        assert_eq!(na.rows.len(), 12);
        assert!(na
            .rows
            .iter()
            .all(|r| r.figures.of == 12 && r.figures.rank.is_some_and(|k| k <= 12)));
        assert!(na
            .rows
            .iter()
            .any(|r| r.description.contains("plus fragile sur\u{a0}12")));
        let all = map_state(&ds, &dl, &m, None, Lang::Fr).unwrap();
        assert_eq!(all.rows.len(), 96);
        assert!(all
            .rows
            .iter()
            .any(|r| r.figures.rank == Some(96) || r.figures.rank.is_some_and(|k| k > 90)));
        let overall = map_state(&ds, &dl, &Measure::Overall, None, Lang::En).unwrap();
        assert!(overall.rows.iter().all(|r| r.figures.index.is_none()
            && r.figures
                .missing
                .as_deref()
                .unwrap()
                .contains("regional level only")));
        let pib = map_state(
            &ds,
            &dl,
            &Measure::Indicator("pib_habitant".into()),
            Some("75"),
            Lang::Fr,
        )
        .unwrap();
        assert!(pib.rows.iter().all(|r| r.fill == crate::palette::MISSING));
        // The table lists the most fragile first, then the region and France.
        let t = table(
            &na,
            Some(("Nouvelle-Aquitaine", &na.rows[0].figures)),
            Lang::Fr,
        );
        assert_eq!(t.rows.len(), 14);
        let first = t.rows[0][1].num;
        assert!(t.rows[..12].iter().all(|r| r[1].num <= first));
    }

    /// The year control at this level: as of 1990, Gironde's share of 65+ is the file's series
    /// value that year, ranked again among the 96; an indicator without 1990 says so, and a
    /// domain without enough indicators that year has no composite.
    #[test]
    fn the_departements_as_of_a_year() {
        let (ds, dl, v) = files();
        let ds1990 = crate::state::years::at_year(&ds, 1990, Lang::Fr);
        let y = at_year(&dl, &ds1990, 1990, Lang::Fr);
        let k = dl.pos("33").unwrap();
        let ind = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "part_65_plus")
            .unwrap();
        let j = ind["series"]["years"]
            .as_array()
            .unwrap()
            .iter()
            .position(|x| x == 1990)
            .unwrap();
        let expected = ind["series"]["values"][j][k].as_f64();
        let got = y.indicator("part_65_plus").unwrap();
        assert_eq!(got.values[k], expected);
        assert_ne!(
            got.values[k],
            dl.indicator("part_65_plus").unwrap().values[k],
            "not the latest year"
        );
        assert_eq!(got.rank.iter().flatten().filter(|r| **r == 1).count(), 1);
        let pov = y.indicator("taux_pauvrete").unwrap();
        assert!(pov.values.iter().all(Option::is_none));
        assert_eq!(pov.missing[k].as_deref(), Some("pas de valeur pour 1990"));
        let m = Measure::Domain("pauvrete".into());
        assert!(absent(&ds1990, &y, &m, Lang::Fr)
            .unwrap()
            .contains("0 de ses 4"));
        // The headline year gives back the latest values.
        let ds2024 = crate::state::years::at_year(&ds, 2024, Lang::Fr);
        let y2024 = at_year(&dl, &ds2024, 2024, Lang::Fr);
        assert_eq!(
            y2024.indicator("cambriolages").unwrap().values,
            dl.indicator("cambriolages").unwrap().values
        );
    }
}
