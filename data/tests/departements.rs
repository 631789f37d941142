//! The département level against the sources' own figures, and each region against the sum of
//! its départements. The expectations come from the raw files and the committed outputs, read
//! here as plain text and JSON, never from the pipeline's département code.

mod common;
use common::{raw, root};
use serde_json::Value;
use std::collections::BTreeMap;

fn json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// Département code → value of `id` in the committed département file.
fn dep_values(deps: &Value, id: &str) -> BTreeMap<String, Option<f64>> {
    let codes: Vec<String> = deps["departements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    let ind = deps["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("{id} has no département values"));
    codes
        .into_iter()
        .zip(ind["values"].as_array().unwrap().iter().map(Value::as_f64))
        .collect()
}

/// Region code → value of `id` in the committed region dataset, and its headline year.
fn region_values(ds: &Value, id: &str) -> (BTreeMap<String, Option<f64>>, String) {
    let ind = ds["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap();
    let values = ds["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .zip(ind["values"].as_array().unwrap().iter().map(Value::as_f64))
        .collect();
    (values, ind["year"].as_str().unwrap().to_string())
}

/// Département → region, from the COG file itself.
fn cog(raw: &std::path::Path) -> BTreeMap<String, String> {
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(raw.join("decoupage-administratif/v6.0.0-departements.json"))
            .unwrap(),
    )
    .unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|d| d["zone"] == "metro")
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["region"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-9)
}

/// Equal once `b` is rounded to the 4 decimals the committed files keep.
fn same4(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.5e-4 + 1e-9
}

/// SSMSI: each département's rate is the file's count over the file's denominator (and, per
/// inhabitant, the file's own `taux_pour_mille`); each region's rate is its départements'
/// counts over their denominators; Corse 2A/2B and the Rhône are there.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn ssmsi_departements_are_the_file_and_each_region_their_sum() {
    let raw = raw("ssmsi_departements_are_the_file_and_each_region_their_sum");
    let dep_region = cog(&raw);
    let text = std::fs::read_to_string(raw.join(
        "mspr-solo-insee-ssmsi/donnee-dep-data.gouv-2024-geographie2024-produit-le2025-01-26.csv",
    ))
    .unwrap();
    let (deps, ds) = (
        json("assets/data/departements-data.json"),
        json("assets/data/dataset.json"),
    );
    let num = |s: &str| {
        s.trim_matches('"')
            .replace(',', ".")
            .parse::<f64>()
            .unwrap()
    };
    for (id, label, per_dwelling) in [
        ("coups_blessures", "Coups et blessures volontaires", false),
        ("cambriolages", "Cambriolages de logement", true),
        (
            "destructions_degradations",
            "Destructions et dégradations volontaires",
            false,
        ),
        ("vols_violents", "Vols violents sans arme", false),
    ] {
        let (regions, year) = region_values(&ds, id);
        let mine = dep_values(&deps, id);
        let mut sums: BTreeMap<String, (f64, f64)> = BTreeMap::new();
        let mut seen = 0;
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split(';').map(|c| c.trim_matches('"')).collect();
            if f[3] != label || f[2] != year {
                continue;
            }
            let dep = f[0].replace("20A", "2A").replace("20B", "2B");
            let Some(region) = dep_region.get(&dep) else {
                continue;
            };
            let (n, den) = (num(f[5]), num(if per_dwelling { f[9] } else { f[7] }));
            let got = mine[&dep].unwrap_or_else(|| panic!("{id} {dep}: no value"));
            assert!(
                same4(got, 1000.0 * n / den),
                "{id} {dep}: {got} vs {}",
                1000.0 * n / den
            );
            if !per_dwelling {
                assert!(
                    same4(got, num(f[6])),
                    "{id} {dep}: {got} vs the file's {}",
                    f[6]
                );
            }
            let e = sums.entry(region.clone()).or_default();
            e.0 += n;
            e.1 += den;
            seen += 1;
        }
        assert_eq!(seen, 96, "{id} {year}: every metropolitan département once");
        for (region, (n, den)) in &sums {
            let published = regions[region].unwrap();
            assert!(
                same4(published, 1000.0 * n / den),
                "{id} region {region}: {published} vs Σ départements {}",
                1000.0 * n / den
            );
        }
        for d in ["2A", "2B", "69"] {
            assert!(mine[d].is_some(), "{id}: {d}");
        }
        // The series holds 2016 too: each département's rate that year is the file's.
        let ind = deps["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap();
        let years: Vec<i64> = ind["series"]["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| y.as_i64().unwrap())
            .collect();
        let j = years.iter().position(|y| *y == 2016).unwrap();
        let codes: Vec<&str> = deps["departements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        let mut checked = 0;
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split(';').map(|c| c.trim_matches('"')).collect();
            if f[3] != label || f[2] != "2016" {
                continue;
            }
            let dep = f[0].replace("20A", "2A").replace("20B", "2B");
            let Some(k) = codes.iter().position(|c| *c == dep) else {
                continue;
            };
            let (n, den) = (num(f[5]), num(if per_dwelling { f[9] } else { f[7] }));
            let got = ind["series"]["values"][j][k].as_f64().unwrap();
            assert!(close(got, 1000.0 * n / den, 5e-4), "{id} {dep} 2016: {got}");
            checked += 1;
        }
        assert_eq!(checked, 96);
    }
}

/// Counts per inhabitant from the DREES and the Panorama: the départements' counts (value ×
/// population) add up to each region's, and to the national count the source publishes.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn counts_add_up_from_departements_to_regions_and_to_the_published_total() {
    let raw = raw("counts_add_up_from_departements_to_regions_and_to_the_published_total");
    let areas = datafrag::build::areas(&raw).unwrap();
    let dep_region = cog(&raw);
    let (deps, ds) = (
        json("assets/data/departements-data.json"),
        json("assets/data/dataset.json"),
    );
    // (indicator, factor, ELP year, ages, the source's own national count)
    let aah_total = datafrag::raw::aah::recipients(&raw, &areas, "2019")
        .unwrap()
        .metro_total
        .unwrap();
    let dalo_total =
        datafrag::raw::panorama::row(&raw, &areas, "14. DALO", "Nombre de recours reçus")
            .unwrap()
            .metro
            .unwrap();
    for (id, factor, elp_year, (from, to), total) in [
        ("aah", 100.0, "2020", (20, 64), aah_total),
        ("dalo_recours", 10_000.0, "2023", (0, 999), dalo_total),
    ] {
        let elp = datafrag::raw::elp::read(&raw, &areas, elp_year).unwrap();
        let (regions, _) = region_values(&ds, id);
        let mine = dep_values(&deps, id);
        let mut sums: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        for (dep, v) in &mine {
            let pop = elp.ages(dep, from, to).unwrap();
            let e = sums.entry(dep_region[dep].as_str()).or_default();
            e.0 += v.unwrap() * pop / factor;
            e.1 += pop;
        }
        for (region, (n, pop)) in &sums {
            let published = regions[*region].unwrap();
            assert!(
                close(published, factor * n / pop, 1e-4),
                "{id} {region}: region {published} vs Σ départements {}",
                factor * n / pop
            );
        }
        let count: f64 = sums.values().map(|(n, _)| n).sum();
        println!("{id}: Σ 96 départements {count:.0}, published {total}");
        assert!(close(count, total, 0.002), "{id}: {count} vs {total}");
    }
}

/// PCH: the départements' counts (value × population) add up to each region's block of the
/// DREES file itself, and to its metropolitan total; Corse, published as one block, counts
/// with its region's value.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn pch_departements_add_up_to_the_files_own_region_blocks() {
    let raw = raw("pch_departements_add_up_to_the_files_own_region_blocks");
    let areas = datafrag::build::areas(&raw).unwrap();
    let dep_region = cog(&raw);
    let (deps, ds) = (
        json("assets/data/departements-data.json"),
        json("assets/data/dataset.json"),
    );
    let b = datafrag::raw::pch::blocks(&raw, &areas, "PCH").unwrap();
    // Recipients at 31 December 2020 over the population at 1 January 2021.
    let elp = datafrag::raw::elp::read(&raw, &areas, "2021").unwrap();
    let mut counts: BTreeMap<&str, f64> = BTreeMap::new();
    for (dep, v) in dep_values(&deps, "pch") {
        if let Some(v) = v {
            *counts.entry(dep_region[&dep].as_str()).or_default() +=
                v * elp.ages(&dep, 0, 999).unwrap() / 1000.0;
        }
    }
    let (regions, _) = region_values(&ds, "pch");
    let corse_pop: f64 = ["2A", "2B"]
        .iter()
        .map(|d| elp.ages(d, 0, 999).unwrap())
        .sum();
    *counts.entry("94").or_default() += regions["94"].unwrap() * corse_pop / 1000.0;
    for (region, published) in &b.by_region {
        assert!(
            close(counts[region.as_str()], *published, 0.002),
            "{region}: Σ départements {} vs the file's region block {published}",
            counts[region.as_str()]
        );
    }
    let total: f64 = counts.values().sum();
    println!(
        "PCH: Σ départements {total:.0}, published {:?}",
        b.metro_total
    );
    assert!(close(total, b.metro_total.unwrap(), 0.002));
}

/// Shares of the population (ELP): each region's share is its départements' pooled by
/// population; no département is without a value.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn age_shares_pool_from_departements_to_regions() {
    let raw = raw("age_shares_pool_from_departements_to_regions");
    let areas = datafrag::build::areas(&raw).unwrap();
    let dep_region = cog(&raw);
    let (deps, ds) = (
        json("assets/data/departements-data.json"),
        json("assets/data/dataset.json"),
    );
    for id in ["part_65_plus", "part_75_plus"] {
        let (regions, year) = region_values(&ds, id);
        let elp = datafrag::raw::elp::read(&raw, &areas, &year).unwrap();
        let mut sums: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        for (dep, v) in dep_values(&deps, id) {
            let pop = elp.ages(&dep, 0, 999).unwrap();
            let e = sums.entry(dep_region[&dep].as_str()).or_default();
            e.0 += v.expect("every département has its ages") * pop;
            e.1 += pop;
        }
        for (region, (n, pop)) in sums {
            assert!(
                close(regions[region].unwrap(), n / pop, 1e-5),
                "{id} {region}"
            );
        }
    }
}

/// Every reason a committed file gives for a missing value has its English (the app shows it
/// with lang=en): a reason edited in a reader or in data/profiles.toml without its English
/// fails here instead of showing French in the English interface.
#[test]
fn every_missing_reason_has_its_english() {
    let mut reasons = std::collections::BTreeSet::new();
    for (path, lists) in [
        (
            "assets/data/dataset.json",
            ["indicators", "profiles"].as_slice(),
        ),
        (
            "assets/data/departements-data.json",
            ["indicators"].as_slice(),
        ),
    ] {
        let v = json(path);
        for list in lists {
            for item in v[*list].as_array().unwrap() {
                for m in item["missing"].as_array().unwrap() {
                    if let Some(m) = m.as_str() {
                        reasons.insert(m.to_string());
                    }
                }
            }
        }
    }
    assert!(reasons.len() >= 4, "{reasons:?}");
    for r in &reasons {
        let en = datafrag::reasons::english(r);
        assert!(
            en.as_deref()
                .is_some_and(|e| e.starts_with("not available") || e.starts_with("given by")),
            "{r:?}"
        );
    }
}

/// The file says why a value is missing, and a département's rank within its region counts
/// only its region's départements (Gironde among the 12 of Nouvelle-Aquitaine).
#[test]
fn missing_values_have_reasons_and_ranks_stay_within_the_region() {
    let deps = json("assets/data/departements-data.json");
    let list = deps["departements"].as_array().unwrap();
    assert_eq!(list.len(), 96);
    let na: Vec<usize> = (0..96).filter(|k| list[*k]["region"] == "75").collect();
    assert_eq!(na.len(), 12);
    for ind in deps["indicators"].as_array().unwrap() {
        for k in 0..96 {
            if ind["values"][k].is_null() {
                let why = ind["missing"][k].as_str().unwrap_or("");
                assert!(
                    why.starts_with("non disponible"),
                    "{} {}: {why:?}",
                    ind["id"],
                    k
                );
            }
        }
        let ranks: Vec<u64> = na
            .iter()
            .filter_map(|k| ind["rank_in_region"][*k].as_u64())
            .collect();
        assert!(
            ranks.iter().all(|r| (1..=12).contains(r)),
            "{}: {ranks:?}",
            ind["id"]
        );
        if ranks.len() == 12 {
            assert!(ranks.contains(&1), "{}: someone is first", ind["id"]);
        }
    }
}
