//! The regions' outlines against official areas. Each region's area is computed on the GRS80
//! ellipsoid from the unsimplified source polygons (geo/'s authalic-sphere formula, which agrees
//! with PROJ's geodesic areas to 0.1 km² on these polygons; Lambert-93 is conformal, not
//! equal-area, so projected areas are not used).
//!
//! Two references, every region's error printed:
//! - IGN's area of each region (`aire` of the comparateur's regions.csv, from IGN's pages): the
//!   like-for-like figure for outlines — must agree within 1 %;
//! - INSEE's land area (Σ of the communes' SUPERF): systematically 0.3–1.7 % lower, because
//!   communal areas leave out lakes, ponds over 1 km² and estuaries (Léman, Bourget, Annecy in
//!   Auvergne-Rhône-Alpes: the largest gap). Reported, and bounded at 2 %.

mod common;
use common::raw;

#[test]
#[cfg_attr(
    not(shared_data),
    ignore = "needs ../shared/data/raw beside the project"
)]
fn region_areas_match_ign_and_insee() {
    let raw = raw("region_areas_match_ign_and_insee");
    let areas = datafrag::build::areas(&raw).unwrap();
    let insee = datafrag::profile::areas_km2(&raw, &areas).unwrap();
    let ign: std::collections::HashMap<String, f64> = {
        let text =
            datafrag::raw::read_text(&raw, "insee-comparateur-datasfun/regions.csv").unwrap();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let h = rdr.headers().unwrap().clone();
        let (c, a) = (
            h.iter().position(|x| x == "insee_reg").unwrap(),
            h.iter().position(|x| x == "aire").unwrap(),
        );
        rdr.records()
            .map(|r| r.unwrap())
            .map(|r| (r[c].to_string(), r[a].parse::<f64>().unwrap()))
            .collect()
    };
    let text = std::fs::read_to_string(raw.join(datafrag::build::RAW_REGIONS_GEOJSON)).unwrap();
    let features = geofrag::read_features(&text, "regions").unwrap();
    let (mut worst_ign, mut worst_insee): (f64, f64) = (0.0, 0.0);
    println!("region  outline km²     IGN km²   error   INSEE land km²   error");
    for f in &features {
        let km2: f64 = f
            .polygons
            .iter()
            .map(geofrag::area::polygon_area_ellipsoid)
            .sum::<f64>()
            / 1e6;
        let (i, l) = (ign[&f.code], insee[&f.code]);
        let (ei, el) = ((km2 - i) / i, (km2 - l) / l);
        println!(
            "{:>6}  {km2:>11.1}  {i:>10.1}  {:>+6.2} %  {l:>14.1}  {:>+6.2} %",
            f.code,
            100.0 * ei,
            100.0 * el
        );
        worst_ign = worst_ign.max(ei.abs());
        worst_insee = worst_insee.max(el.abs());
    }
    assert_eq!(features.len(), 13);
    assert!(
        worst_ign < 0.01,
        "worst error against IGN {:.2} %",
        100.0 * worst_ign
    );
    assert!(
        worst_insee < 0.02,
        "worst error against INSEE land area {:.2} %",
        100.0 * worst_insee
    );
}
