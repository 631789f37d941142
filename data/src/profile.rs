//! Region profiles: population, area, density, communes, départements, GDP, R&D — computed from
//! the raw files — and enterprises and associations where the decks give them (2 regions of 13).

use crate::areas::Areas;
use crate::index::ranks;
use crate::model::{ProfileOut, FRANCE};
use crate::raw::{self, read_text, sheet, table::CsvTable};
use crate::seeds::Seeds;
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub const COMPARATEUR: &str = "insee-comparateur-datasfun/communes.csv";
pub const COMMUNES_2019: &str = "decoupage-administratif/v0.7.0-communes-actuelles-subset.json";
pub const COMMUNES_2026: &str = "decoupage-administratif/v6.0.0-communes-actuelles-subset.json";
pub const DEPS_2019: &str = "decoupage-administratif/v0.7.0-departements.json";
pub const PIB: &str = "mspr-solo-insee-ssmsi/PIB_regionaux_1990-2022.xlsx";

type PerArea = BTreeMap<String, f64>;

/// Σ `superficie_km2` of communes (COM and ARM rows, each INSEE code once; COMD excluded) by region.
pub fn areas_km2(raw_dir: &Path, areas: &Areas) -> Result<PerArea> {
    let t = CsvTable::parse(&read_text(raw_dir, COMPARATEUR)?, COMPARATEUR, b',')?;
    let (cc, cr, ct, cs) = (
        t.col("insee_com")?,
        t.col("insee_reg")?,
        t.col("commune_type")?,
        t.col("superficie_km2")?,
    );
    let mut seen = std::collections::HashSet::new();
    let mut out = PerArea::new();
    for (line, rec) in &t.rows {
        if !matches!(rec.get(ct), Some("COM") | Some("ARM"))
            || !seen.insert(rec.get(cc).unwrap_or("").to_string())
        {
            continue; // communes déléguées, and the extra rows of communes with several postcodes
        }
        let region = rec.get(cr).unwrap_or("");
        if !areas.region_codes().any(|c| c == region) {
            continue;
        }
        let s = t
            .num(*line, rec, cs, "superficie_km2")?
            .ok_or_else(|| Error::invalid(COMPARATEUR, *line, "superficie_km2", "empty"))?;
        *out.entry(region.to_string()).or_default() += s;
    }
    Ok(out)
}

/// Number of communes by region in a decoupage-administratif communes subset.
pub fn communes(raw_dir: &Path, rel: &str, areas: &Areas) -> Result<PerArea> {
    #[derive(serde::Deserialize)]
    struct C {
        region: Option<String>,
    }
    let list: Vec<C> = serde_json::from_str(&read_text(raw_dir, rel)?)
        .map_err(|e| Error::invalid(rel, e.line(), "communes", e.to_string()))?;
    let mut out = PerArea::new();
    for c in list {
        if let Some(r) = c.region.filter(|r| areas.region_codes().any(|c| c == r)) {
            *out.entry(r).or_default() += 1.0;
        }
    }
    Ok(out)
}

/// Number of départements by region in a decoupage-administratif departements.json.
pub fn departements(raw_dir: &Path, rel: &str, areas: &Areas) -> Result<PerArea> {
    #[derive(serde::Deserialize)]
    struct D {
        region: String,
    }
    let list: Vec<D> = serde_json::from_str(&read_text(raw_dir, rel)?)
        .map_err(|e| Error::invalid(rel, e.line(), "departements", e.to_string()))?;
    let mut out = PerArea::new();
    for d in list
        .into_iter()
        .filter(|d| areas.region_codes().any(|c| c == d.region))
    {
        *out.entry(d.region).or_default() += 1.0;
    }
    Ok(out)
}

/// GDP in value (M€, current prices) by region and France métropolitaine for one year.
pub fn gdp(raw_dir: &Path, areas: &Areas, year: &str) -> Result<PerArea> {
    let range = sheet::open(raw_dir, PIB, "PIB en valeur 1990-2022")?;
    let rows: Vec<_> = range.rows().collect();
    let header = rows
        .iter()
        .position(|r| sheet::text(r.first()) == "Année")
        .ok_or_else(|| Error::invalid(PIB, 0, "Année", "no header row"))?;
    let col = rows[header]
        .iter()
        .position(|c| sheet::text(Some(c)) == year)
        .ok_or_else(|| Error::invalid(PIB, header + 1, year.to_string(), "no such year"))?;
    let mut out = PerArea::new();
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        let name = sheet::text(row.first());
        let code = if name == "France métropolitaine" {
            FRANCE.to_string()
        } else if let Some(r) = areas
            .regions
            .iter()
            .find(|r| raw::chomage::same_name(&r.nom, &name))
        {
            r.code.clone()
        } else {
            continue;
        };
        let v = sheet::number(row.get(col), PIB, i + 1, year)?.ok_or_else(|| {
            Error::invalid(PIB, i + 1, year.to_string(), format!("{name}: empty"))
        })?;
        out.insert(code, v);
    }
    if out.len() != 14 {
        return Err(Error::invalid(
            PIB,
            0,
            year.to_string(),
            format!(
                "{} areas, expected 13 regions and France métropolitaine",
                out.len()
            ),
        ));
    }
    Ok(out)
}

/// ELP total population by region for a year.
fn population(raw_dir: &Path, areas: &Areas, year: &str) -> Result<PerArea> {
    let elp = raw::elp::read(raw_dir, areas, year)?;
    let mut out = PerArea::new();
    for dep in elp.by_dep.keys() {
        *out.entry(areas.region_of_dep(dep).expect("metro").to_string())
            .or_default() += elp.ages(dep, 0, 999).unwrap_or(0.0);
    }
    Ok(out)
}

/// Regioviz R&D spending (RD_DEP, M€) by region.
fn rd_spending(raw_dir: &Path) -> Result<PerArea> {
    let t = CsvTable::parse(
        &read_text(raw_dir, raw::regioviz::DATA)?,
        raw::regioviz::DATA,
        b',',
    )?;
    let c = t.col("RD_DEP")?;
    let mut out = PerArea::new();
    for (line, rec) in &t.rows {
        if let Some((_, insee)) = raw::regioviz::NUTS1
            .iter()
            .find(|(n, _)| Some(*n) == rec.get(0))
        {
            if let Some(v) = t.num(*line, rec, c, "RD_DEP")? {
                out.insert(insee.to_string(), v);
            }
        }
    }
    Ok(out)
}

struct Item<'a> {
    id: &'a str,
    label_fr: &'a str,
    label_en: &'a str,
    unit: &'a str,
    year: &'a str,
    source: &'a str,
    /// France métropolitaine = Σ regions (counts) or given.
    values: PerArea,
    missing: &'a str,
}

/// Computes every profile item for the 13 regions and France métropolitaine.
pub fn build(raw_dir: &Path, areas: &Areas, seeds: &Seeds) -> Result<Vec<ProfileOut>> {
    let sum = |m: &PerArea| -> PerArea {
        let mut m = m.clone();
        let total: f64 = areas.region_codes().filter_map(|c| m.get(c)).sum();
        m.insert(FRANCE.into(), total);
        m
    };
    let ratio = |a: &PerArea, b: &PerArea, k: f64| -> PerArea {
        a.iter()
            .filter_map(|(c, x)| {
                b.get(c)
                    .filter(|y| **y > 0.0)
                    .map(|y| (c.clone(), k * x / y))
            })
            .collect()
    };
    let pop23 = sum(&population(raw_dir, areas, "2023")?);
    let pop18 = sum(&population(raw_dir, areas, "2018")?);
    let pop19 = sum(&population(raw_dir, areas, "2019")?);
    let area = sum(&areas_km2(raw_dir, areas)?);
    let gdp22 = gdp(raw_dir, areas, "2022")?;
    let gdp17 = gdp(raw_dir, areas, "2017")?;
    let gdp15 = gdp(raw_dir, areas, "2015")?;
    let gdp13 = gdp(raw_dir, areas, "2013")?;
    let rd = sum(&rd_spending(raw_dir)?);
    let growth: PerArea = gdp22
        .iter()
        .filter_map(|(c, v)| {
            gdp17
                .get(c)
                .map(|o| (c.clone(), 100.0 * ((v / o).powf(1.0 / 5.0) - 1.0)))
        })
        .collect();
    let share: PerArea = gdp22
        .iter()
        .map(|(c, v)| (c.clone(), 100.0 * v / gdp22[FRANCE]))
        .collect();
    let change: PerArea = pop23
        .iter()
        .filter_map(|(c, v)| pop18.get(c).map(|o| (c.clone(), 100.0 * (v / o - 1.0))))
        .collect();
    let from_seeds =
        |id: &str| -> PerArea { seeds.facts(id).map(|f| (f.area.clone(), f.value)).collect() };
    let elp = "INSEE, estimations de population (ELP) au 1er janvier";
    let items = vec![
        Item {
            id: "population",
            label_fr: "Population",
            label_en: "Population",
            unit: "habitants",
            year: "2023",
            source: elp,
            values: pop23.clone(),
            missing: "",
        },
        Item {
            id: "population_change_5y",
            label_fr: "Évolution de la population sur 5 ans",
            label_en: "Population change over 5 years",
            unit: "%",
            year: "2018-2023",
            source: elp,
            values: change,
            missing: "",
        },
        Item {
            id: "population_2019",
            label_fr: "Population (2019)",
            label_en: "Population (2019)",
            unit: "habitants",
            year: "2019",
            source: elp,
            values: pop19.clone(),
            missing: "",
        },
        Item {
            id: "area",
            label_fr: "Superficie",
            label_en: "Area",
            unit: "km²",
            year: "2024",
            source: "INSEE, comparateur de territoires (Σ superficies communales, COG 2024)",
            values: area.clone(),
            missing: "",
        },
        Item {
            id: "density",
            label_fr: "Densité",
            label_en: "Density",
            unit: "hab/km²",
            year: "2023",
            source: "INSEE, ELP 2023 / Σ superficies communales",
            values: ratio(&pop23, &area, 1.0),
            missing: "",
        },
        Item {
            id: "density_2019",
            label_fr: "Densité (2019)",
            label_en: "Density (2019)",
            unit: "hab/km²",
            year: "2019",
            source: "INSEE, ELP 2019 / Σ superficies communales",
            values: ratio(&pop19, &area, 1.0),
            missing: "",
        },
        Item {
            id: "communes",
            label_fr: "Communes",
            label_en: "Municipalities",
            unit: "communes",
            year: "2026",
            source: "INSEE, COG 2026 (@etalab/decoupage-administratif 6.0.0)",
            values: sum(&communes(raw_dir, COMMUNES_2026, areas)?),
            missing: "",
        },
        Item {
            id: "communes_2019",
            label_fr: "Communes (2019)",
            label_en: "Municipalities (2019)",
            unit: "communes",
            year: "2019",
            source: "INSEE, COG 2019 (@etalab/decoupage-administratif 0.7.0)",
            values: sum(&communes(raw_dir, COMMUNES_2019, areas)?),
            missing: "",
        },
        Item {
            id: "departements",
            label_fr: "Départements",
            label_en: "Départements",
            unit: "départements",
            year: "2026",
            source: "INSEE, COG 2026 (@etalab/decoupage-administratif 6.0.0)",
            values: sum(&departements(
                raw_dir,
                crate::raw::RAW_COG_DEPARTEMENTS,
                areas,
            )?),
            missing: "",
        },
        Item {
            id: "departements_2019",
            label_fr: "Départements (2019)",
            label_en: "Départements (2019)",
            unit: "départements",
            year: "2019",
            source: "INSEE, COG 2019 (@etalab/decoupage-administratif 0.7.0)",
            values: sum(&departements(raw_dir, DEPS_2019, areas)?),
            missing: "",
        },
        Item {
            id: "gdp",
            label_fr: "PIB en valeur",
            label_en: "GDP (current prices)",
            unit: "M€",
            year: "2022",
            source: "INSEE, comptes régionaux base 2014",
            values: gdp22,
            missing: "",
        },
        Item {
            id: "gdp_share",
            label_fr: "Part du PIB de la France métropolitaine",
            label_en: "Share of metropolitan France's GDP",
            unit: "%",
            year: "2022",
            source: "INSEE, comptes régionaux base 2014",
            values: share,
            missing: "",
        },
        Item {
            id: "gdp_growth",
            label_fr: "Croissance annuelle moyenne du PIB en valeur",
            label_en: "Average annual GDP growth (current prices)",
            unit: "% par an",
            year: "2017-2022",
            source: "INSEE, comptes régionaux base 2014",
            values: growth,
            missing: "",
        },
        Item {
            id: "gdp_2015",
            label_fr: "PIB en valeur (2015)",
            label_en: "GDP (2015)",
            unit: "M€",
            year: "2015",
            source: "INSEE, comptes régionaux base 2014",
            values: gdp15,
            missing: "",
        },
        Item {
            id: "rd_gdp",
            label_fr: "Dépenses de R&D rapportées au PIB",
            label_en: "R&D spending as a share of GDP",
            unit: "% du PIB",
            year: "2013",
            source: "Eurostat via Regioviz (dépense de R&D) / INSEE (PIB 2013)",
            values: ratio(&rd, &gdp13, 100.0),
            missing: "non disponible",
        },
        Item {
            id: "enterprises",
            label_fr: "Entreprises",
            label_en: "Enterprises",
            unit: "entreprises",
            year: "2019",
            source:
                "Observatoire des partenariats, deck « La co-construction territoriale » (2020)",
            values: from_seeds("enterprises"),
            missing: "donné par les decks pour Nouvelle-Aquitaine et Occitanie seulement",
        },
        Item {
            id: "associations",
            label_fr: "Associations",
            label_en: "Associations",
            unit: "associations",
            year: "2018",
            source:
                "Observatoire des partenariats, deck « La co-construction territoriale » (2020)",
            values: from_seeds("associations"),
            missing: "donné par les decks pour Nouvelle-Aquitaine et Occitanie seulement",
        },
    ];
    // A 5-year growth that rests on one exceptional year says so (PACA's 2021 jump).
    let mut yearly: Vec<(i32, PerArea)> = Vec::new();
    for y in 2017..=2022 {
        yearly.push((y, gdp(raw_dir, areas, &y.to_string())?));
    }
    let growth_note = one_year_jumps(&yearly, areas);
    Ok(items
        .into_iter()
        .map(|it| {
            let values: Vec<Option<f64>> = areas
                .region_codes()
                .map(|c| it.values.get(c).copied())
                .collect();
            // Rank 1 = largest, as the decks say "1re région la plus étendue"; only when all 13
            // regions have a value (a rank among 2 would mislead).
            let rank = if values.iter().all(Option::is_some) {
                ranks(&values)
            } else {
                vec![None; values.len()]
            };
            ProfileOut {
                id: it.id.into(),
                label_fr: it.label_fr.into(),
                label_en: it.label_en.into(),
                unit: it.unit.into(),
                year: it.year.into(),
                source: if it.id == "gdp_growth" && !growth_note.is_empty() {
                    format!("{} ; {growth_note}", it.source)
                } else {
                    it.source.into()
                },
                france: it.values.get(FRANCE).copied(),
                missing: values
                    .iter()
                    .map(|v| v.is_none().then(|| it.missing.to_string()))
                    .collect(),
                values,
                rank,
            }
        })
        .collect())
}

/// The profiles as a tidy CSV: `item,area,year,unit,value,rank,missing_reason`.
pub fn tidy(profiles: &[ProfileOut], regions: &[crate::model::Area]) -> Vec<u8> {
    let mut out = format!("# {}\n", crate::GENERATED_BY).into_bytes();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record([
        "item",
        "area",
        "year",
        "unit",
        "value",
        "rank",
        "missing_reason",
    ])
    .expect("in memory");
    for p in profiles {
        for (k, r) in regions.iter().enumerate() {
            let value = p.values[k]
                .map(crate::tidy::format_value)
                .unwrap_or_default();
            let rank = p.rank[k].map(|r| r.to_string()).unwrap_or_default();
            let reason = p.missing[k].clone().unwrap_or_default();
            w.write_record([&p.id, &r.code, &p.year, &p.unit, &value, &rank, &reason])
                .expect("in memory");
        }
        let value = p.france.map(crate::tidy::format_value).unwrap_or_default();
        let reason = if p.france.is_none() {
            "pas de valeur nationale dans la source"
        } else {
            ""
        };
        w.write_record([p.id.as_str(), FRANCE, &p.year, &p.unit, &value, "", reason])
            .expect("in memory");
    }
    out.extend(w.into_inner().expect("in memory"));
    out
}

/// Regions whose GDP grew, in one year of the series, more than 5 points above France that year:
/// "attention : Provence-Alpes-Côte d'Azur +16,2 % en 2021 (France +8,3 %)". Empty when none.
pub fn one_year_jumps(yearly: &[(i32, PerArea)], areas: &Areas) -> String {
    let pct = |v: f64| format!("{:+.1}", 100.0 * v).replace('.', ",");
    let mut notes = Vec::new();
    for r in &areas.regions {
        let mut worst: Option<(i32, f64, f64)> = None;
        for w in yearly.windows(2) {
            let (Some(a), Some(b), Some(fa), Some(fb)) = (
                w[0].1.get(&r.code),
                w[1].1.get(&r.code),
                w[0].1.get(FRANCE),
                w[1].1.get(FRANCE),
            ) else {
                continue;
            };
            let (g, f) = (b / a - 1.0, fb / fa - 1.0);
            if g - f > 0.05 && worst.is_none_or(|(_, wg, wf)| g - f > wg - wf) {
                worst = Some((w[1].0, g, f));
            }
        }
        if let Some((y, g, f)) = worst {
            notes.push(format!(
                "{} {} % en {y} (France {} %)",
                r.nom,
                pct(g),
                pct(f)
            ));
        }
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(
            "attention : une seule année porte l'essentiel de la croissance pour {}",
            notes.join(", ")
        )
    }
}
