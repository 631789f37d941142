//! A number is checked for what it means: each unit against the source's own totals, each
//! count-based indicator's regions against the France métropolitaine total its source publishes.

mod common;
use common::raw;
use datafrag::raw::{read_text, regioviz, table::CsvTable};
use std::collections::BTreeMap;

fn metas() -> Vec<datafrag::model::IndicatorMeta> {
    let root = common::root();
    let domains = datafrag::meta::domains(
        &std::fs::read_to_string(root.join(datafrag::build::DOMAINS)).unwrap(),
        "domains.toml",
    )
    .unwrap();
    datafrag::meta::indicators(
        &std::fs::read_to_string(root.join(datafrag::build::INDICATORS)).unwrap(),
        "indicators.toml",
        &domains,
    )
    .unwrap()
}

fn unit(id: &str) -> String {
    metas().into_iter().find(|m| m.id == id).unwrap().unit
}

/// Columns of REGIOVIZ_DATA.csv summed over the 13 regions.
fn regioviz_columns(
    raw: &std::path::Path,
    cols: &[&str],
) -> BTreeMap<String, BTreeMap<String, f64>> {
    let t = CsvTable::parse(
        &read_text(raw, regioviz::DATA).unwrap(),
        regioviz::DATA,
        b',',
    )
    .unwrap();
    let mut out: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    for c in cols {
        let k = t.col(c).unwrap();
        for (line, rec) in &t.rows {
            let Some((_, insee)) = regioviz::NUTS1.iter().find(|(n, _)| Some(*n) == rec.get(0))
            else {
                continue;
            };
            let v = t.num(*line, rec, k, c).unwrap().unwrap();
            out.entry(c.to_string())
                .or_default()
                .insert(insee.to_string(), v);
        }
    }
    out
}

/// Regioviz labels `REVMEN` "euros par ménage", but its denominator `MEN` is the population:
/// its 13 regions add up to the population of the GDP table (`POP_PIB`, 64.09 M), not to the
/// households the census counts (about 29 M). So the indicator is per inhabitant.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn household_income_is_per_inhabitant() {
    let raw = raw("household_income_is_per_inhabitant");
    let c = regioviz_columns(&raw, &["MEN", "POP_PIB"]);
    let men: f64 = c["MEN"].values().sum();
    let pop: f64 = c["POP_PIB"].values().sum();
    println!("Σ MEN = {men:.0}, Σ POP_PIB = {pop:.0}");
    assert!(
        (men / pop - 1.0).abs() < 0.005,
        "MEN {men} vs POP_PIB {pop}"
    );
    // Households of the census (comparateur, RP 2021), COM + ARM rows, deduplicated.
    let text = read_text(&raw, "insee-comparateur-datasfun/communes.csv").unwrap();
    let t = CsvTable::parse(&text, "communes.csv", b',').unwrap();
    let (cc, ct, cm, cr) = (
        t.col("insee_com").unwrap(),
        t.col("commune_type").unwrap(),
        t.col("menages_2021").unwrap(),
        t.col("insee_reg").unwrap(),
    );
    let mut seen = std::collections::HashSet::new();
    let mut households = 0.0;
    let metro = [
        "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
    ];
    for (line, rec) in &t.rows {
        let kind = rec.get(ct).unwrap_or("");
        if !(kind == "COM" || kind == "ARM") || !metro.contains(&rec.get(cr).unwrap_or("")) {
            continue;
        }
        if seen.insert(rec.get(cc).unwrap_or("").to_string()) {
            households += t
                .num(*line, rec, cm, "menages_2021")
                .unwrap()
                .unwrap_or(0.0);
        }
    }
    println!("census households 2021 = {households:.0}");
    // Regioviz keeps both in millions: MEN is 64.07 M people, INSEE's ELP counts 64.0 M
    // inhabitants in 2014, the census 29.7 M households in 2021.
    let areas = datafrag::build::areas(&raw).unwrap();
    let elp = datafrag::raw::elp::read(&raw, &areas, "2014").unwrap();
    let people: f64 = elp.by_dep.keys().filter_map(|d| elp.ages(d, 0, 999)).sum();
    println!("ELP 1 Jan 2014 = {people:.0}");
    assert!(
        (men * 1e6 / people - 1.0).abs() < 0.01,
        "MEN {men} M vs ELP {people}"
    );
    assert!(
        men * 1e6 / households > 2.0,
        "MEN would be households: {men} M vs {households}"
    );
    let u = unit("revenu_menages");
    assert!(u.contains("habitant") && !u.contains("ménage"), "{u}");
}

/// Regioviz's `PIB` (behind `PIBH`, labelled "en parité", € SPA) is INSEE's GDP in current euros
/// to within 1.5 % in every region (Corse 3 %); in purchasing power standards it would be about
/// 9 % lower. So the indicator is in current euros.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn gdp_per_inhabitant_is_in_current_euros() {
    let raw = raw("gdp_per_inhabitant_is_in_current_euros");
    let areas = datafrag::build::areas(&raw).unwrap();
    let insee = datafrag::profile::gdp(&raw, &areas, "2014").unwrap();
    let c = regioviz_columns(&raw, &["PIB"]);
    for (code, pib) in &c["PIB"] {
        let ratio = pib / insee[code.as_str()];
        println!("{code}: Regioviz PIB / INSEE GDP 2014 = {ratio:.3}");
        let tol = if code == "94" { 0.035 } else { 0.015 };
        assert!((ratio - 1.0).abs() < tol, "{code}: {ratio}");
    }
    let u = unit("pib_habitant");
    assert!(u.contains("courants") && !u.contains("SPA"), "{u}");
}

/// Count-based indicators of the Panorama (DALO appeals): the 13 regions add up to the
/// workbook's France métropolitaine column, and the reader refuses a rate read as a count.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn panorama_counts_add_up_to_the_published_metro_total() {
    use datafrag::raw::panorama;
    let raw = raw("panorama_counts_add_up_to_the_published_metro_total");
    let areas = datafrag::build::areas(&raw).unwrap();
    let dalo = panorama::row(&raw, &areas, "14. DALO", "Nombre de recours reçus").unwrap();
    let sum: f64 = dalo.regions.values().sum();
    println!(
        "DALO appeals 2023: Σ 13 regions {sum}, France métropolitaine {:?}",
        dalo.metro
    );
    assert_eq!(dalo.regions.len(), 13);
    assert!((sum - dalo.metro.unwrap()).abs() <= 1.0);
    assert!(panorama::check_count(&dalo, &areas, "14. DALO").is_ok());
    // A rate (the poverty rate) cannot pass as a count.
    let rate = panorama::row(
        &raw,
        &areas,
        "2. Revenus et inégalités",
        "Taux de pauvreté monétaire (seuil",
    )
    .unwrap();
    assert!(panorama::check_count(&rate, &areas, "2. Revenus et inégalités").is_err());
    // NEET 16-25 (SOURCES.md: 1 143 540): counts exist, but the 16-25 population does not
    // (ELP has 5-year bands), which is why they are not a rate in the dataset.
    let neet = panorama::row(&raw, &areas, "22. NEET", "Nombre de NEET âgés de 16").unwrap();
    assert!((panorama::check_count(&neet, &areas, "22. NEET").unwrap() - 1_143_540.0).abs() < 1.0);
    let pop = panorama::row(
        &raw,
        &areas,
        "1. Données générales",
        "Population au 01/01/2021",
    )
    .unwrap();
    assert_eq!(
        panorama::check_count(&pop, &areas, "1.").unwrap(),
        65_505_213.0
    );
}

/// PCH 2020: Σ 13 regions = the "TOTAL estimé France métropolitaine" row (335 519, SOURCES.md §9).
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn pch_regions_add_up_to_the_drees_metro_total() {
    let raw = raw("pch_regions_add_up_to_the_drees_metro_total");
    let areas = datafrag::build::areas(&raw).unwrap();
    let b = datafrag::raw::pch::blocks(&raw, &areas, "PCH").unwrap();
    let regions: f64 = b.by_region.iter().map(|(_, v)| v).sum();
    let deps: f64 = b.by_dep.iter().map(|(_, _, v)| v).sum();
    assert_eq!(b.metro_total, Some(335_519.0));
    assert_eq!(regions, 335_519.0);
    assert_eq!(deps, 335_519.0, "départements (Rhône once, Corse as one)");
}

/// The page of a domain says its coverage: every domain has two indicators or more, or says on
/// screen why not (one indicator: `note_fr`; none: `gap_fr`, and it is left out).
#[test]
fn every_domain_has_two_indicators_or_a_reason() {
    let ds: datafrag::model::Dataset = serde_json::from_str(
        &std::fs::read_to_string(common::root().join(datafrag::build::OUT_DATASET)).unwrap(),
    )
    .unwrap();
    for d in &ds.domains {
        let n = d.indicators.len();
        println!("{:26} {n} indicator(s)", d.meta.id);
        match n {
            0 => assert!(
                d.meta.gap_fr.is_some() && d.index.iter().all(Option::is_none),
                "{}",
                d.meta.id
            ),
            1 => assert!(d.meta.note_fr.is_some(), "{}", d.meta.id),
            _ => {}
        }
    }
    let without: Vec<&str> = ds
        .domains
        .iter()
        .filter(|d| d.indicators.len() < 2)
        .map(|d| d.meta.id.as_str())
        .collect();
    assert_eq!(without, ["culture", "sport"]);
    // The vacancy rate meant the opposite of housing distress: it is no longer the housing domain.
    let logement = ds.domains.iter().find(|d| d.meta.id == "logement").unwrap();
    assert!(!logement.indicators.iter().any(|i| i == "logements_vacants"));
}

/// PACA's GDP growth 2017-2022 (rank 1) rests on one year (2021): the profile item says so,
/// computed from the yearly series, and no other region is named.
#[test]
fn a_growth_resting_on_one_year_says_so() {
    let ds: datafrag::model::Dataset = serde_json::from_str(
        &std::fs::read_to_string(common::root().join(datafrag::build::OUT_DATASET)).unwrap(),
    )
    .unwrap();
    let g = ds.profiles.iter().find(|p| p.id == "gdp_growth").unwrap();
    assert!(
        g.caveat_fr.starts_with("attention : une seule année"),
        "{}",
        g.caveat_fr
    );
    assert!(
        g.caveat_fr
            .contains("Provence-Alpes-Côte d'Azur +17,8 % en 2021"),
        "{}",
        g.caveat_fr
    );
    assert_eq!(g.caveat_fr.matches(" en 20").count(), 1, "{}", g.caveat_fr);
    // …and in English, with a decimal point.
    assert!(
        g.caveat_en
            .contains("Provence-Alpes-Côte d'Azur +17.8 % in 2021 (France +8.0 %)"),
        "{}",
        g.caveat_en
    );
    assert!(!g.source.contains("attention"), "{}", g.source);
    let paca = ds.regions.iter().position(|r| r.code == "93").unwrap();
    assert_eq!(g.rank[paca], Some(1));
}

/// Small counts and samples carry their caveat (Corse's burglaries), and no indicator is
/// labelled in a unit its source contradicts.
#[test]
fn caveats_where_counts_are_small() {
    let m = metas();
    let burglaries = m.iter().find(|m| m.id == "cambriolages").unwrap();
    assert!(
        burglaries.caveats.contains("Corse"),
        "{}",
        burglaries.caveats
    );
    assert!(!m
        .iter()
        .any(|m| m.unit.contains("SPA") || m.unit.contains("par ménage")));
}
