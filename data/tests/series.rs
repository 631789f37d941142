//! The series over the years: what the dataset carries (at least 10 indicators over at least 5
//! years, each year complete, the headline year equal to its headline value), and each year's
//! France métropolitaine against the national figure its source publishes.

mod common;
use common::raw;
use datafrag::model::{Dataset, FRANCE};

fn dataset() -> Dataset {
    serde_json::from_str(
        &std::fs::read_to_string(common::root().join(datafrag::build::OUT_DATASET)).unwrap(),
    )
    .unwrap()
}

/// The promise of the time issue: 10 indicators or more with 5 years or more, every year of a
/// series complete for the 13 regions and France (or the gap is a missing value with a
/// reason in the tidy file), years ascending, and the series' headline year equal to the
/// headline value (the map of that year and the default map agree).
#[test]
fn series_are_long_complete_and_agree_with_the_headline() {
    let ds = dataset();
    let long: Vec<&str> = ds
        .indicators
        .iter()
        .filter(|i| i.trajectory.as_ref().is_some_and(|t| t.years.len() >= 5))
        .map(|i| i.meta.id.as_str())
        .collect();
    println!("{} indicators with 5 years or more: {long:?}", long.len());
    assert!(long.len() >= 10, "{long:?}");
    for i in &ds.indicators {
        let Some(t) = &i.trajectory else { continue };
        let s = i
            .meta
            .series
            .as_ref()
            .expect("a trajectory comes from a series");
        assert!(t.years.windows(2).all(|w| w[0] < w[1]), "{}", i.meta.id);
        assert!(t.years.iter().all(|y| (s.from..=s.to).contains(y)));
        assert_eq!(t.values.len(), ds.regions.len());
        assert!(t.values.iter().all(|v| v.len() == t.years.len()));
        assert_eq!(t.france.len(), t.years.len());
        let gaps = t.values.iter().flatten().filter(|v| v.is_none()).count()
            + t.france.iter().filter(|v| v.is_none()).count();
        assert_eq!(gaps, 0, "{}: every year complete", i.meta.id);
        if let Some(k) = i
            .meta
            .year
            .parse::<i32>()
            .ok()
            .and_then(|y| t.years.iter().position(|x| *x == y))
        {
            for (r, v) in i.values.iter().enumerate() {
                let (a, b) = (v.unwrap(), t.values[r][k].unwrap());
                assert!(
                    (a - b).abs() <= a.abs() * 1e-3,
                    "{} {}: {a} vs {b}",
                    i.meta.id,
                    r
                );
            }
        }
    }
}

/// The AAH's break in 2016 (CNAF's new system) is stored, and the values on either side come
/// from the two series (SOURCES.md §9: 2016 old 1 052 697 recipients, new series from 2016).
#[test]
fn aah_break_is_stored() {
    let ds = dataset();
    let aah = ds.indicators.iter().find(|i| i.meta.id == "aah").unwrap();
    assert_eq!(aah.meta.series.as_ref().unwrap().breaks, vec![2016]);
    let t = aah.trajectory.as_ref().unwrap();
    assert_eq!((t.years[0], *t.years.last().unwrap()), (1995, 2019));
}

/// AAH: each year, the 96 départements summed by the pipeline against the file's own
/// "France métropolitaine" row (rounded to hundreds by DREES): within 0.05 %.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn aah_each_year_adds_up_to_the_published_metro_total() {
    let raw = raw("aah_each_year_adds_up_to_the_published_metro_total");
    let areas = datafrag::build::areas(&raw).unwrap();
    let mut checked = 0;
    for year in 1995..=2019 {
        let column = datafrag::raw::aah::column(&year.to_string());
        let r = datafrag::raw::aah::recipients(&raw, &areas, &column).unwrap();
        let sum: f64 = r.by_dep.iter().map(|(_, n)| n).sum();
        let Some(total) = r.metro_total else { continue };
        println!("AAH {column}: Σ départements {sum:.0}, DREES metro {total:.0}");
        assert!(
            (sum - total).abs() / total < 5e-4,
            "{column}: {sum} vs {total}"
        );
        checked += 1;
    }
    assert!(
        checked >= 20,
        "the file's metro row for most years ({checked})"
    );
}

/// GDP: each year 1990–2022, the 13 regions' GDP adds up to INSEE's France métropolitaine, and
/// the per-inhabitant France the dataset carries (INSEE's published row) equals that GDP over
/// the population the regions' own per-inhabitant figures imply, within 0.1 %.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn gdp_each_year_adds_up_to_insee_france() {
    let raw = raw("gdp_each_year_adds_up_to_insee_france");
    let areas = datafrag::build::areas(&raw).unwrap();
    let ds = dataset();
    let pib = ds
        .indicators
        .iter()
        .find(|i| i.meta.id == "pib_habitant")
        .unwrap();
    let t = pib.trajectory.as_ref().unwrap();
    for (k, year) in t.years.iter().enumerate() {
        let y = year.to_string();
        let gdp =
            datafrag::raw::profiles::regional_accounts(&raw, &areas, "PIB en valeur 1990-2022", &y)
                .unwrap();
        let per =
            datafrag::raw::profiles::regional_accounts(&raw, &areas, "PIB par hab 1990-2022", &y)
                .unwrap();
        let regions: f64 = areas.region_codes().map(|c| gdp[c]).sum();
        assert!(
            (regions / gdp[FRANCE] - 1.0).abs() < 1e-3,
            "{y}: Σ regions {regions} vs {}",
            gdp[FRANCE]
        );
        let people: f64 = areas.region_codes().map(|c| gdp[c] * 1e6 / per[c]).sum();
        let france = t.france[k].unwrap();
        let implied = regions * 1e6 / people;
        assert!(
            (france / implied - 1.0).abs() < 1e-3,
            "{y}: France {france} vs {implied}"
        );
    }
    println!("GDP per inhabitant: {} years checked", t.years.len());
}

/// Population: each year 1975–2023, France's share of people aged 65 and over as the
/// pipeline makes it (Σ of the 96 départements) against the same share from the file's own
/// "France métropolitaine" row.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn ageing_each_year_matches_the_elp_metro_row() {
    let raw = raw("ageing_each_year_matches_the_elp_metro_row");
    let ds = dataset();
    let t = ds
        .indicators
        .iter()
        .find(|i| i.meta.id == "part_65_plus")
        .unwrap()
        .trajectory
        .clone()
        .unwrap();
    for (k, year) in t.years.iter().enumerate() {
        let range =
            datafrag::raw::sheet::open(&raw, datafrag::raw::elp::FILE, &year.to_string()).unwrap();
        let row = range
            .rows()
            .find(|r| {
                r.iter().take(2).any(|c| {
                    datafrag::raw::sheet::text(Some(c)).starts_with("France métropolitaine")
                })
            })
            .unwrap_or_else(|| panic!("{year}: no France métropolitaine row"));
        let groups: Vec<f64> = (2..22)
            .map(|c| {
                datafrag::raw::sheet::number(row.get(c), "elp", 0, "g")
                    .unwrap()
                    .unwrap()
            })
            .collect();
        let share = 100.0 * groups[13..].iter().sum::<f64>() / groups.iter().sum::<f64>();
        let ours = t.france[k].unwrap();
        assert!(
            (share - ours).abs() < 0.01,
            "{year}: file {share:.3} vs pipeline {ours:.3}"
        );
    }
    println!(
        "share 65+: {} years checked against the file's metro row",
        t.years.len()
    );
}

/// Unemployment: France is INSEE's published metropolitan series, not recomputed; each year's
/// mean of its four quarters lies within the regions' range, and the series is the one whose
/// 2024-T3 value SOURCES.md gives (7.2 %).
#[test]
fn unemployment_france_is_within_the_regions_every_year() {
    let ds = dataset();
    let u = ds
        .indicators
        .iter()
        .find(|i| i.meta.id == "chomage_localise")
        .unwrap();
    assert_eq!(u.france, Some(7.2));
    let t = u.trajectory.as_ref().unwrap();
    assert_eq!((t.years[0], *t.years.last().unwrap()), (1982, 2023));
    for (k, y) in t.years.iter().enumerate() {
        let vals: Vec<f64> = t.values.iter().map(|v| v[k].unwrap()).collect();
        let (lo, hi) = vals
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
        let f = t.france[k].unwrap();
        assert!(lo < f && f < hi, "{y}: France {f} outside {lo}–{hi}");
    }
}
