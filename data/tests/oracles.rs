//! The decks' figures (seeds/deck_facts.toml) are test oracles: the pipeline's profiles, computed
//! from the raw public files, must agree with them. A disagreement prints both numbers.

mod common;
use common::{raw, root};
use datafrag::seeds::Seeds;

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn profiles_agree_with_the_decks() {
    let raw = raw("profiles_agree_with_the_decks");
    let seeds = Seeds::parse(
        &std::fs::read_to_string(root().join(datafrag::build::SEEDS)).unwrap(),
        "deck_facts.toml",
    )
    .unwrap();
    let areas = datafrag::build::areas(&raw).unwrap();
    let metas = datafrag::profile::metas(
        &std::fs::read_to_string(common::root().join(datafrag::build::PROFILES)).unwrap(),
        "profiles.toml",
    )
    .unwrap();
    let profiles = datafrag::profile::build(&raw, &areas, &seeds, &metas).unwrap();
    let codes: Vec<&str> = areas.region_codes().collect();
    let mut checked = 0;
    let mut failures = Vec::new();
    for fact in seeds.fact.iter().filter(|f| f.usage == "oracle") {
        let p = profiles
            .iter()
            .find(|p| p.id == fact.id)
            .unwrap_or_else(|| panic!("no profile item {}", fact.id));
        let ours = if fact.area == "FRM" {
            p.france
        } else {
            p.values[codes.iter().position(|c| *c == fact.area).unwrap()]
        }
        .unwrap();
        // Tolerances of the brief: counts exact, area 1 km², GDP 1 Md€, density 1 %, R&D 0.1 point;
        // populations are printed to 0.1 million in the deck.
        let (ours_in_deck_unit, ok) = match fact.id.as_str() {
            "communes_2019" | "departements_2019" => (ours, ours == fact.value),
            "area" => (ours, (ours - fact.value).abs() <= 1.0),
            "gdp_2015" => (ours / 1000.0, (ours / 1000.0 - fact.value).abs() <= 1.0),
            "density_2019" => (ours, ((ours - fact.value) / fact.value).abs() <= 0.01),
            "rd_gdp" => (ours, (ours - fact.value).abs() <= 0.1),
            "population_2019" => (ours / 1e6, (ours / 1e6 - fact.value).abs() <= 0.05),
            other => panic!("no tolerance for oracle {other}"),
        };
        println!(
            "{:18} {:>3}: pipeline {:>12.3}  deck {:>10} ({})",
            fact.id, fact.area, ours_in_deck_unit, fact.value, fact.quote
        );
        if !ok {
            failures.push(format!(
                "{} {}: pipeline {ours_in_deck_unit} vs deck {} ({})",
                fact.id, fact.area, fact.value, fact.seed
            ));
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} oracles");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Of the two OCR readings of the practices table, the kept one agrees with the deck's sentences:
/// N-A above France on pratiques responsables, Occitanie highest on coopération économique.
#[test]
fn practices_reading_matches_the_deck_sentences() {
    let seeds = Seeds::parse(
        &std::fs::read_to_string(root().join(datafrag::build::SEEDS)).unwrap(),
        "deck_facts.toml",
    )
    .unwrap();
    let v = |area: &str, p: &str| {
        seeds
            .practice
            .iter()
            .find(|x| x.area == area && x.practice == p)
            .unwrap()
            .value
    };
    assert!(v("75", "pratiques_responsables") > v("FR", "pratiques_responsables"));
    let occ = [
        "pratiques_responsables",
        "mecenat",
        "cooperation_economique",
        "innovation_societale",
    ];
    let top = occ
        .iter()
        .max_by(|a, b| v("76", a).total_cmp(&v("76", b)))
        .unwrap();
    assert_eq!(*top, "cooperation_economique");
    assert_eq!(seeds.margins.regional, 5.0);
    assert_eq!(
        seeds.survey.iter().map(|s| s.value).collect::<Vec<_>>(),
        vec![69.0, 53.0, 37.0, 76.0, 46.0]
    );
}
