//! France métropolitaine computed by the pipeline against published national figures
//! (SOURCES.md gives them), and regional values against the sources' own checks.

mod common;
use common::{observations, raw, value};

/// INSEE publishes a 14.5 % poverty rate for 2013; the Filosofi 2013 reader weights the
/// regional rates (kept for the poverty series, 2013 and 2021).
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn poverty_rate_2013_matches_insee() {
    let raw = raw("poverty_rate_2013_matches_insee");
    let areas = datafrag::build::areas(&raw).unwrap();
    let text = std::fs::read_to_string(common::root().join(datafrag::build::INDICATORS)).unwrap();
    let domains = datafrag::meta::domains(
        &std::fs::read_to_string(common::root().join(datafrag::build::DOMAINS)).unwrap(),
        "domains.toml",
    )
    .unwrap();
    let mut meta = datafrag::meta::indicators(&text, "indicators.toml", &domains)
        .unwrap()
        .into_iter()
        .find(|m| m.id == "taux_pauvrete")
        .unwrap();
    meta.source = "filosofi:Taux de pauvreté-Ensemble (% pop totale)".into();
    let obs = datafrag::raw::filosofi::read(&raw, &areas, &[&meta]).unwrap();
    let frm = value(&obs, "taux_pauvrete", "FRM").unwrap();
    println!("poverty 2013 FRM = {frm:.3} (INSEE: 14.5)");
    assert!((frm - 14.5).abs() < 0.05, "{frm}");
}

/// The Panorama 2024's published figures (SOURCES.md §13 checks) reach the dataset as they are,
/// France métropolitaine included.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn panorama_2024_figures_match_source_checks() {
    let raw = raw("panorama_2024_figures_match_source_checks");
    let obs = observations(&raw);
    for (id, area, expected) in [
        ("taux_pauvrete", "FRM", 14.9),
        ("taux_pauvrete", "94", 18.1),
        ("taux_pauvrete", "32", 18.0),
        ("taux_pauvrete", "52", 11.0),
        ("jdc_lecture", "FRM", 10.8),
        ("jdc_lecture", "32", 12.3),
        ("peu_diplomes_20_24", "FRM", 15.6),
        ("peu_diplomes_20_24", "32", 19.6),
        ("impayes_energie", "FRM", 38.0),
        ("impayes_energie", "11", 23.9),
    ] {
        assert_eq!(value(&obs, id, area), Some(expected), "{id} {area}");
    }
}

/// Daily internet use: SOURCES.md §14's 2019 values are in the 2017-2019 means' range, and
/// France métropolitaine (weighted by population) lies between the regions.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn internet_use_means_and_metro() {
    let raw = raw("internet_use_means_and_metro");
    let t = datafrag::raw::internet::table(&raw).unwrap();
    assert_eq!(
        t.values().map(|y| y.len()).sum::<usize>(),
        13 * 6 + 3 * 2,
        "FR1 and FRK from 2011"
    );
    assert_eq!(t["11"][&2019], 82.0);
    assert_eq!(t["94"][&2014], 60.0);
    let obs = observations(&raw);
    let corse = value(&obs, "internet_quotidien", "94").unwrap();
    // Corse 2017-2019: 56, 61, 76 (SOURCES.md) → 64.33.
    assert!((corse - 193.0 / 3.0).abs() < 1e-9, "{corse}");
    let frm = value(&obs, "internet_quotidien", "FRM").unwrap();
    let regions: Vec<f64> = [
        "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
    ]
    .iter()
    .map(|c| value(&obs, "internet_quotidien", c).unwrap())
    .collect();
    let (lo, hi) = regions
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    assert!(lo < frm && frm < hi, "{frm}");
    // Weighted by people, not the plain mean of 13 regions (Île-de-France weighs 18 %).
    let plain = regions.iter().sum::<f64>() / 13.0;
    assert!(frm > plain, "{frm} vs plain mean {plain}");
}

/// DREES's own "France métropolitaine" AAH row (1 178 100, rounded to hundreds) against the
/// sum of the 96 départements the pipeline uses.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn aah_2019_sum_matches_drees_metro_total() {
    let raw = raw("aah_2019_sum_matches_drees_metro_total");
    let areas = datafrag::build::areas(&raw).unwrap();
    let r = datafrag::raw::aah::recipients(&raw, &areas, "2019").unwrap();
    let sum: f64 = r.by_dep.iter().map(|(_, v)| v).sum();
    let published = r
        .metro_total
        .expect("the file has a France métropolitaine row");
    println!("AAH 2019: Σ départements {sum}, DREES metro row {published}");
    assert_eq!(published, 1_178_100.0);
    assert!((sum - published).abs() <= 50.0, "{sum} vs {published}");
    let obs = observations(&raw);
    let rate = value(&obs, "aah", "FRM").unwrap();
    assert!(
        (rate - 3.25).abs() < 0.005,
        "AAH per 100 aged 20-64: {rate}"
    );
}

/// The localised unemployment of France métropolitaine is INSEE's series (7.2 % in 2024-T3),
/// and regional values are INSEE's.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn localised_unemployment_2024_t3() {
    let raw = raw("localised_unemployment_2024_t3");
    let obs = observations(&raw);
    for (area, expected) in [
        ("FRM", 7.2),
        ("32", 9.1),
        ("76", 8.9),
        ("93", 7.9),
        ("52", 6.0),
        ("53", 6.0),
    ] {
        assert_eq!(
            value(&obs, "chomage_localise", area),
            Some(expected),
            "{area}"
        );
    }
}

/// Stock-based national values against the aggregates computed when the data was gathered
/// (SOURCES.md §3–§10): a regression guard on every reader.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn national_values_match_source_checks() {
    let raw = raw("national_values_match_source_checks");
    let obs = observations(&raw);
    let checks = [
        ("part_65_plus", "FRM", 21.5, 0.05),
        ("part_65_plus", "75", 25.2, 0.05),
        ("part_65_plus", "11", 16.0, 0.05),
        ("artificialisation", "FRM", 8.99, 0.005),
        ("artificialisation", "11", 25.4, 0.05),
        ("artificialisation_progression", "FRM", 4.2, 0.05),
        ("coups_blessures", "FRM", 4.84, 0.005),
        ("coups_blessures", "32", 6.21, 0.005),
        ("actifs_30min", "FRM", 25.9, 0.05),
        ("actifs_30min", "11", 46.8, 0.05),
        ("apl_medecins", "FRM", 4.1, 0.05),
        ("tres_haut_debit", "FRM", 53.5, 0.05),
        ("neet", "FRM", 17.2, 0.05),
        ("neet", "32", 21.8, 0.05),
        ("acces_cinema_theatre", "FRM", 8.9, 0.05),
        ("taux_emploi", "FRM", 63.8, 0.05),
        ("participation_presidentielle", "FRM", 79.9, 0.05),
        ("participation_presidentielle", "94", 68.0, 0.05),
        ("aah", "76", 4.11, 0.005),
        ("aah", "11", 2.22, 0.005),
    ];
    let mut failures = Vec::new();
    for (id, area, expected, tol) in checks {
        let got = value(&obs, id, area).unwrap();
        println!("{id:30} {area:>3}: {got:.3} (SOURCES.md: {expected})");
        if (got - expected).abs() > tol {
            failures.push(format!(
                "{id} {area}: pipeline {got}, SOURCES.md {expected}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
