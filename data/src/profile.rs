//! Region profiles: population, area, density, communes, départements, GDP, R&D — computed from
//! the raw files — and enterprises and associations where the decks give them (2 regions of 13).

use crate::areas::Areas;
use crate::index::ranks;
use crate::model::{ProfileOut, FRANCE};
pub use crate::raw::profiles::{
    areas_km2, communes, departements, gdp, population, rd_spending, PerArea, COMMUNES_2019,
    COMMUNES_2026, COMPARATEUR, DEPS_2019, PIB,
};
use crate::seeds::Seeds;
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// A profile item's hand-written metadata (data/profiles.toml).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct ProfileMeta {
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
    pub unit: String,
    pub year: String,
    pub source: String,
    /// The reason shown where a region has no value.
    #[serde(default)]
    pub missing: String,
}

#[derive(serde::Deserialize)]
struct ProfilesFile {
    item: Vec<ProfileMeta>,
}

/// Parses data/profiles.toml: unique ids, every text filled in.
pub fn metas(text: &str, file: &str) -> Result<Vec<ProfileMeta>> {
    let f: ProfilesFile = crate::meta::strict(text, file)?;
    for (i, m) in f.item.iter().enumerate() {
        if f.item[..i].iter().any(|o| o.id == m.id) {
            return Err(Error::invalid(
                file,
                0,
                "id",
                format!("duplicate item {:?}", m.id),
            ));
        }
        for (field, v) in [
            ("label_fr", &m.label_fr),
            ("label_en", &m.label_en),
            ("unit", &m.unit),
            ("year", &m.year),
            ("source", &m.source),
        ] {
            if v.trim().is_empty() {
                return Err(Error::invalid(
                    file,
                    0,
                    field,
                    format!("item {:?}: empty", m.id),
                ));
            }
        }
    }
    Ok(f.item)
}

/// Computes every profile item of `metas` for the 13 regions and France métropolitaine, for the
/// years the metadata gives; an item without computation, or a computation without metadata,
/// stops the pipeline.
pub fn build(
    raw_dir: &Path,
    areas: &Areas,
    seeds: &Seeds,
    metas: &[ProfileMeta],
) -> Result<Vec<ProfileOut>> {
    const FILE: &str = "data/profiles.toml";
    let year = |id: &str| -> Result<&str> {
        metas
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.year.as_str())
            .ok_or_else(|| Error::invalid(FILE, 0, "id", format!("no item {id:?}")))
    };
    let span = |id: &str| -> Result<(&str, &str)> {
        year(id)?.split_once('-').ok_or_else(|| {
            Error::invalid(
                FILE,
                0,
                "year",
                format!("{id}: a span \"YYYY-YYYY\" is needed"),
            )
        })
    };
    let fixed = |id: &str, only: &str, why: &str| -> Result<()> {
        if year(id)? == only {
            Ok(())
        } else {
            Err(Error::invalid(
                FILE,
                0,
                "year",
                format!("{id}: {only} only ({why})"),
            ))
        }
    };
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
    let pop = |y: &str| -> Result<PerArea> { Ok(sum(&population(raw_dir, areas, y)?)) };
    fixed("area", "2024", "the comparateur's COG 2024 communes")?;
    let area = sum(&areas_km2(raw_dir, areas)?);
    let communes_of = |id: &str| -> Result<PerArea> {
        let file = match year(id)? {
            "2026" => COMMUNES_2026,
            "2019" => COMMUNES_2019,
            y => {
                return Err(Error::invalid(
                    FILE,
                    0,
                    "year",
                    format!("{id}: no communes file for {y}"),
                ))
            }
        };
        Ok(sum(&communes(raw_dir, file, areas)?))
    };
    let departements_of = |id: &str| -> Result<PerArea> {
        let file = match year(id)? {
            "2026" => crate::raw::RAW_COG_DEPARTEMENTS,
            "2019" => DEPS_2019,
            y => {
                return Err(Error::invalid(
                    FILE,
                    0,
                    "year",
                    format!("{id}: no départements file for {y}"),
                ))
            }
        };
        Ok(sum(&departements(raw_dir, file, areas)?))
    };
    let (c0, c1) = span("population_change_5y")?;
    let (pc0, pc1) = (pop(c0)?, pop(c1)?);
    let change: PerArea = pc1
        .iter()
        .filter_map(|(c, v)| pc0.get(c).map(|o| (c.clone(), 100.0 * (v / o - 1.0))))
        .collect();
    let gdp_now = gdp(raw_dir, areas, year("gdp_share")?)?;
    let share: PerArea = gdp_now
        .iter()
        .map(|(c, v)| (c.clone(), 100.0 * v / gdp_now[FRANCE]))
        .collect();
    let (g0, g1) = span("gdp_growth")?;
    let (gdp0, gdp1) = (gdp(raw_dir, areas, g0)?, gdp(raw_dir, areas, g1)?);
    let n_years: f64 = g1.parse::<f64>().unwrap_or(0.0) - g0.parse::<f64>().unwrap_or(0.0);
    let growth: PerArea = gdp1
        .iter()
        .filter_map(|(c, v)| {
            gdp0.get(c)
                .map(|o| (c.clone(), 100.0 * ((v / o).powf(1.0 / n_years) - 1.0)))
        })
        .collect();
    fixed(
        "rd_gdp",
        "2013",
        "Regioviz's R&D spending RD_DEP is for 2013",
    )?;
    let rd = sum(&rd_spending(raw_dir)?);
    let from_seeds =
        |id: &str| -> PerArea { seeds.facts(id).map(|f| (f.area.clone(), f.value)).collect() };
    // One computation per item id.
    let mut values: BTreeMap<&str, PerArea> = BTreeMap::new();
    values.insert("population", pop(year("population")?)?);
    values.insert("population_change_5y", change);
    values.insert("population_2019", pop(year("population_2019")?)?);
    values.insert("area", area.clone());
    values.insert("density", ratio(&pop(year("density")?)?, &area, 1.0));
    values.insert(
        "density_2019",
        ratio(&pop(year("density_2019")?)?, &area, 1.0),
    );
    values.insert("communes", communes_of("communes")?);
    values.insert("communes_2019", communes_of("communes_2019")?);
    values.insert("departements", departements_of("departements")?);
    values.insert("departements_2019", departements_of("departements_2019")?);
    values.insert("gdp", gdp(raw_dir, areas, year("gdp")?)?);
    values.insert("gdp_share", share);
    values.insert("gdp_growth", growth);
    values.insert("gdp_2015", gdp(raw_dir, areas, year("gdp_2015")?)?);
    values.insert(
        "rd_gdp",
        ratio(&rd, &gdp(raw_dir, areas, year("rd_gdp")?)?, 100.0),
    );
    values.insert("enterprises", from_seeds("enterprises"));
    values.insert("associations", from_seeds("associations"));
    if let Some(id) = values.keys().find(|id| !metas.iter().any(|m| m.id == **id)) {
        return Err(Error::invalid(
            FILE,
            0,
            "id",
            format!("{id} is computed but has no metadata"),
        ));
    }
    // A 5-year growth that rests on one exceptional year says so (PACA's 2021 jump).
    let mut yearly: Vec<(i32, PerArea)> = Vec::new();
    for y in g0.parse::<i32>().unwrap_or(0)..=g1.parse::<i32>().unwrap_or(0) {
        yearly.push((y, gdp(raw_dir, areas, &y.to_string())?));
    }
    let growth_note = one_year_jumps(&yearly, areas);
    metas
        .iter()
        .map(|m| {
            let it = values.get(m.id.as_str()).ok_or_else(|| {
                Error::invalid(
                    FILE,
                    0,
                    "id",
                    format!("{}: no computation for this item", m.id),
                )
            })?;
            let vals: Vec<Option<f64>> = areas.region_codes().map(|c| it.get(c).copied()).collect();
            // Rank 1 = largest, as the decks say "1re région la plus étendue"; only when all 13
            // regions have a value (a rank among 2 would mislead).
            let rank = if vals.iter().all(Option::is_some) {
                ranks(&vals)
            } else {
                vec![None; vals.len()]
            };
            Ok(ProfileOut {
                id: m.id.clone(),
                label_fr: m.label_fr.clone(),
                label_en: m.label_en.clone(),
                unit: m.unit.clone(),
                year: m.year.clone(),
                source: m.source.clone(),
                caveat_fr: if m.id == "gdp_growth" {
                    growth_note.0.clone()
                } else {
                    String::new()
                },
                caveat_en: if m.id == "gdp_growth" {
                    growth_note.1.clone()
                } else {
                    String::new()
                },
                france: it.get(FRANCE).copied(),
                missing: vals
                    .iter()
                    .map(|v| v.is_none().then(|| m.missing.clone()))
                    .collect(),
                values: vals,
                rank,
            })
        })
        .collect()
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

/// Regions whose GDP grew, in one year of the series, more than 5 points above France that year,
/// in French and English: ("attention : une seule année porte l'essentiel de la croissance pour
/// Provence-Alpes-Côte d'Azur +17,8 % en 2021 (France +8,0 %)", "note: one year carries most of
/// the growth for …"). Empty when none.
pub fn one_year_jumps(yearly: &[(i32, PerArea)], areas: &Areas) -> (String, String) {
    let pct = |v: f64, comma: bool| {
        let s = format!("{:+.1}", 100.0 * v);
        if comma {
            s.replace('.', ",")
        } else {
            s
        }
    };
    let (mut fr, mut en) = (Vec::new(), Vec::new());
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
            fr.push(format!(
                "{} {} % en {y} (France {} %)",
                r.nom,
                pct(g, true),
                pct(f, true)
            ));
            en.push(format!(
                "{} {} % in {y} (France {} %)",
                r.nom,
                pct(g, false),
                pct(f, false)
            ));
        }
    }
    if fr.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(
                "attention : une seule année porte l'essentiel de la croissance pour {}",
                fr.join(", ")
            ),
            format!(
                "note: one year carries most of the growth for {}",
                en.join(", ")
            ),
        )
    }
}
