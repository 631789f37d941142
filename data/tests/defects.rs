//! The known defects of the raw files (SOURCES.md) are handled, each by a test.

mod common;
use common::{observations, raw, value};

/// Portrait workbook: the 14 Marne EPCIs say region 32; the pipeline puts them in Grand Est (44).
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn marne_epcis_are_in_grand_est() {
    let raw = raw("marne_epcis_are_in_grand_est");
    let areas = datafrag::build::areas(&raw).unwrap();
    let epcis = datafrag::raw::ot::epcis(&raw, &areas).unwrap();
    let marne: Vec<_> = epcis.values().filter(|e| e.dep == "51").collect();
    assert_eq!(marne.len(), 14);
    assert!(
        marne.iter().all(|e| e.reg_in_file == "32"),
        "the defect is in the file"
    );
    assert!(
        marne.iter().all(|e| e.region == "44"),
        "…and not in the pipeline"
    );
}

/// Burglaries are per 1 000 dwellings: the file's rate divides by `insee_log`, and so does the pipeline.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn burglaries_are_per_1000_dwellings() {
    let raw = raw("burglaries_are_per_1000_dwellings");
    let text = datafrag::raw::read_text(&raw, datafrag::raw::ssmsi::FILE).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let (mut n, mut log, mut pop, mut rows) = (0.0, 0.0, 0.0, 0);
    for rec in rdr.records() {
        let r = rec.unwrap();
        if &r[3] != "Cambriolages de logement" || &r[2] != "2024" || r[0].starts_with("97") {
            continue;
        }
        let f = |s: &str| s.replace(',', ".").parse::<f64>().unwrap();
        let (nombre, taux, insee_pop, insee_log) = (f(&r[5]), f(&r[6]), f(&r[7]), f(&r[9]));
        assert!(
            (nombre / insee_log * 1000.0 - taux).abs() < 1e-3,
            "{}: the file's rate is per dwelling",
            &r[0]
        );
        n += nombre;
        log += insee_log;
        pop += insee_pop;
        rows += 1;
    }
    assert_eq!(rows, 96);
    let obs = observations(&raw);
    let frm = value(&obs, "cambriolages", "FRM").unwrap();
    assert!((frm - n / log * 1000.0).abs() < 1e-9);
    assert!(
        (frm - n / pop * 1000.0).abs() > 0.5,
        "per inhabitant would be a different figure"
    );
}

/// AAH series break in 2016: two columns for 2016; the indicator uses 2019 (new series) and the
/// old-series 2016 sum is the one SOURCES.md reports.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn aah_series_break_columns_are_distinct() {
    let raw = raw("aah_series_break_columns_are_distinct");
    let areas = datafrag::build::areas(&raw).unwrap();
    let old: f64 = datafrag::raw::aah::recipients(&raw, &areas, "2016")
        .unwrap()
        .by_dep
        .iter()
        .map(|d| d.1)
        .sum();
    let new: f64 = datafrag::raw::aah::recipients(&raw, &areas, "2016 (1)")
        .unwrap()
        .by_dep
        .iter()
        .map(|d| d.1)
        .sum();
    println!("AAH 2016 old series {old}, new series {new}");
    assert_eq!(old, 1_052_697.0);
    assert!(new > old + 10_000.0);
}

/// Corse is 20A/20B in the DREES file and 2A/2B in the COG: both départements are counted.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn corse_20a_20b_join_2a_2b() {
    let raw = raw("corse_20a_20b_join_2a_2b");
    let areas = datafrag::build::areas(&raw).unwrap();
    let r = datafrag::raw::aah::recipients(&raw, &areas, "2019").unwrap();
    for dep in ["2A", "2B"] {
        assert!(
            r.by_dep.iter().any(|(d, v)| d == dep && *v > 1000.0),
            "{dep}"
        );
    }
    let obs = observations(&raw);
    assert!((value(&obs, "aah", "94").unwrap() - 4.19).abs() < 0.005);
}

/// The JRC table's DOM rows are placeholders (artificial = total area): only the 96
/// metropolitan NUTS-3 are read, so no region reaches 100 %.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn jrc_dom_placeholders_are_left_out() {
    let raw = raw("jrc_dom_placeholders_are_left_out");
    let obs = observations(&raw);
    for o in obs.iter().filter(|o| o.indicator == "artificialisation") {
        assert!(o.value.unwrap() < 30.0, "{}: {:?}", o.area, o.value);
    }
}

/// Regioviz has no value for Corse on some indicators: an explicit missing row with a reason,
/// never a zero, and France is the sum of the 12 others.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn missing_values_are_rows_with_a_reason() {
    let raw = raw("missing_values_are_rows_with_a_reason");
    let obs = observations(&raw);
    let corse = obs
        .iter()
        .find(|o| o.indicator == "chomage_jeunes" && o.area == "94")
        .unwrap();
    assert_eq!(corse.value, None);
    assert!(corse
        .missing_reason
        .as_deref()
        .unwrap()
        .contains("non disponible"));
}

/// Comparateur: communes with several postcodes repeat (439 extra rows) and Paris, Lyon and
/// Marseille exist only as arrondissements (ARM). Summing every row would give Nouvelle-Aquitaine
/// 86 848 km²; deduplicated COM + ARM rows give the deck's 84 036 and keep Paris in Île-de-France.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn comparateur_duplicates_and_arrondissements() {
    let raw = raw("comparateur_duplicates_and_arrondissements");
    let areas = datafrag::build::areas(&raw).unwrap();
    let km2 = datafrag::profile::areas_km2(&raw, &areas).unwrap();
    assert!((km2["75"] - 84_035.7).abs() < 0.1, "{}", km2["75"]);
    // Île-de-France with Paris's 105 km² (arrondissements) and without double counts.
    assert!((km2["11"] - 12_012.3).abs() < 0.1, "{}", km2["11"]);
    let naive: f64 = {
        let text = datafrag::raw::read_text(&raw, datafrag::profile::COMPARATEUR).unwrap();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        rdr.records()
            .map(|r| r.unwrap())
            .filter(|r| &r[1] == "75" && &r[6] == "COM")
            .map(|r| r[10].parse::<f64>().unwrap())
            .sum()
    };
    assert!(
        naive > km2["75"] + 2_000.0,
        "the duplicates are real: {naive}"
    );
}

/// DREES 2020 workbook: Rhône appears as 69 = 69D + 69M, Corse as one row 20. Counting 69 once
/// makes the départements add up exactly to the file's region block and to its metropolitan total.
#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn rhone_69d_69m_counted_once_and_corse_20() {
    let raw = raw("rhone_69d_69m_counted_once_and_corse_20");
    let areas = datafrag::build::areas(&raw).unwrap();
    let b = datafrag::raw::pch::blocks(&raw, &areas, "PCH").unwrap();
    assert!(b.by_dep.iter().all(|(d, _, _)| d != "69D" && d != "69M"));
    assert!(b.by_dep.iter().any(|(d, r, _)| d == "20" && r == "94"));
    for (region, published) in &b.by_region {
        let sum: f64 = b
            .by_dep
            .iter()
            .filter(|(_, r, _)| r == region)
            .map(|(_, _, v)| v)
            .sum();
        assert_eq!(sum, *published, "region {region}");
    }
    let total: f64 = b.by_dep.iter().map(|(_, _, v)| v).sum();
    assert_eq!(Some(total), b.metro_total);
    assert_eq!(total, 335_519.0);
    let obs = observations(&raw);
    assert!((value(&obs, "pch", "FRM").unwrap() - 5.13).abs() < 0.005);
    assert!((value(&obs, "pch", "94").unwrap() - 8.40).abs() < 0.005);
}
