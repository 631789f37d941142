//! France métropolitaine computed by the pipeline against published national figures
//! (SOURCES.md gives them), and regional values against the sources' own checks.

mod common;
use common::{observations, raw, value};

/// INSEE publishes a 14.5 % poverty rate for 2013; the pipeline weights the regional rates.
#[test]
fn poverty_rate_2013_matches_insee() {
    let Some(raw) = raw("poverty_rate_2013_matches_insee") else {
        return;
    };
    let obs = observations(&raw);
    let frm = value(&obs, "taux_pauvrete", "FRM").unwrap();
    println!("taux_pauvrete FRM = {frm:.3} (INSEE: 14.5)");
    assert!((frm - 14.5).abs() < 0.05, "{frm}");
}

/// DREES's own "France métropolitaine" AAH row (1 178 100, rounded to hundreds) against the
/// sum of the 96 départements the pipeline uses.
#[test]
fn aah_2019_sum_matches_drees_metro_total() {
    let Some(raw) = raw("aah_2019_sum_matches_drees_metro_total") else {
        return;
    };
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
fn localised_unemployment_2024_t3() {
    let Some(raw) = raw("localised_unemployment_2024_t3") else {
        return;
    };
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
fn national_values_match_source_checks() {
    let Some(raw) = raw("national_values_match_source_checks") else {
        return;
    };
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
        ("diplomes_superieur", "FRM", 35.0, 0.05),
        ("actifs_30min", "FRM", 25.9, 0.05),
        ("actifs_30min", "11", 46.8, 0.05),
        ("apl_medecins", "FRM", 4.1, 0.05),
        ("tres_haut_debit", "FRM", 53.5, 0.05),
        ("neet", "FRM", 17.2, 0.05),
        ("neet", "32", 21.8, 0.05),
        ("acces_cinema_theatre", "FRM", 8.9, 0.05),
        ("taux_emploi", "FRM", 63.8, 0.05),
        ("logements_vacants", "FRM", 7.9, 0.05),
        ("participation_presidentielle", "FRM", 79.9, 0.05),
        ("participation_presidentielle", "94", 68.0, 0.05),
        ("revenu_median_uc", "FRM", 20_788.0, 1.0),
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
