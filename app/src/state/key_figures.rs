//! The static table of key figures written into `index.html` at build time (`key-figures` bin):
//! what a browser without JavaScript or WebAssembly shows instead of the dashboard. The same
//! dataset and the same summary rules as the app, in plain HTML with no script and no style.

use super::{summary, summary::MORE};
use crate::export::svg::esc;
use crate::format;
use crate::i18n::Lang;
use datafrag::model::{Dataset, ProfileOut};

/// Where the table goes in `index.html`.
pub const PLACEHOLDER: &str = "<!-- key-figures -->";

fn profile<'a>(ds: &'a Dataset, id: &str) -> Result<&'a ProfileOut, String> {
    ds.profiles
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| format!("dataset: profile {id} is missing"))
}

fn cell(v: Option<f64>, decimals: usize, reason: Option<&str>) -> String {
    match (v, reason) {
        (Some(v), _) => esc(&format::number(v, decimals, Lang::Fr)),
        (None, Some(r)) => format!("non disponible ({})", esc(r)),
        (None, None) => "non disponible".into(),
    }
}

/// The `<section>` of key figures: for each region and France, population, density, how many
/// domains are more fragile than the national average, and the app's summary sentence.
pub fn html(ds: &Dataset) -> Result<String, String> {
    let pop = profile(ds, "population")?;
    let dens = profile(ds, "density")?;
    let domains = ds
        .domains
        .iter()
        .filter(|d| !d.indicators.is_empty())
        .count();
    let mut rows = String::new();
    for (k, r) in ds.regions.iter().enumerate() {
        let counted: Vec<f64> = ds.domains.iter().filter_map(|d| d.index[k]).collect();
        let more = counted.iter().filter(|&&i| i >= MORE).count();
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{more} sur {}</td><td>{}</td></tr>\n",
            esc(&r.name),
            cell(pop.values[k], 0, pop.missing[k].as_deref()),
            cell(dens.values[k], 1, dens.missing[k].as_deref()),
            counted.len(),
            esc(&summary::region_summary(ds, k, Lang::Fr)),
        ));
    }
    rows.push_str(&format!(
        "<tr><th scope=\"row\">France métropolitaine</th><td>{}</td><td>{}</td><td>référence (indice 100)</td><td></td></tr>\n",
        cell(pop.france, 0, None),
        cell(dens.france, 1, None),
    ));
    let sources = format!(
        "Population : {} ; densité : {}. Domaines : indices de l'Observatoire des partenariats \
         recalculés sur données publiques (voir la page Méthode du tableau de bord) ; un domaine \
         compte comme plus fragile quand son indice est d'au moins {} (France = 100).",
        esc(&pop.source),
        esc(&dens.source),
        MORE
    );
    Ok(format!(
        "<section id=\"key-figures\" class=\"key-figures\" aria-labelledby=\"key-figures-title\">\n\
         <h1 id=\"key-figures-title\">Fragilités régionales : chiffres clés</h1>\n\
         <p>Version statique : le tableau de bord interactif (carte, comparaisons, \
         exports) demande un navigateur récent avec JavaScript et WebAssembly.</p>\n\
         <table>\n<caption>Les 13 régions de France métropolitaine et leurs fragilités sur {domains} \
         domaines, comparées à la moyenne nationale</caption>\n\
         <thead><tr><th scope=\"col\">Région</th><th scope=\"col\">Population ({})</th>\
         <th scope=\"col\">Densité ({}, {})</th><th scope=\"col\">Domaines plus fragiles que la moyenne</th>\
         <th scope=\"col\">En résumé</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n\
         <p class=\"source\">{sources}</p>\n</section>",
        esc(&pop.year),
        esc(&dens.unit),
        esc(&dens.year),
    ))
}

/// Puts the table into `index.html` in place of [`PLACEHOLDER`] (exactly one).
pub fn inject(index_html: &str, table: &str) -> Result<String, String> {
    match index_html.matches(PLACEHOLDER).count() {
        1 => Ok(index_html.replace(PLACEHOLDER, table)),
        n => Err(format!("index.html: expected one {PLACEHOLDER}, found {n}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed dataset: the table is built from it at every release build.
    fn dataset() -> Dataset {
        serde_json::from_str(include_str!("../../../assets/data/dataset.json")).expect("dataset")
    }

    #[test]
    fn every_region_has_its_population_density_and_summary() {
        let ds = dataset();
        let out = html(&ds).expect("html");
        assert_eq!(
            out.matches("<tr><th scope=\"row\">").count(),
            14,
            "13 regions + France"
        );
        let pop = ds.profiles.iter().find(|p| p.id == "population").unwrap();
        for (k, r) in ds.regions.iter().enumerate() {
            let name = esc(&r.name);
            let row = out
                .lines()
                .find(|l| l.contains(&format!(">{name}</th>")))
                .expect(&r.name);
            let shown = format::number(pop.values[k].unwrap(), 0, Lang::Fr);
            assert!(row.contains(&shown), "{row} lacks {shown}");
            assert!(row.contains(&esc(&summary::region_summary(&ds, k, Lang::Fr))));
        }
        assert!(!out.contains("<script"));
        assert!(out.contains("<th scope=\"row\">France métropolitaine</th>"));
    }

    /// Nouvelle-Aquitaine's row as the region page shows it (population 2023 6 110 365; 5 of
    /// the 15 measured domains at 103 or more; the summary sentence). Written from the page, not
    /// computed by the code under test: a data change means reviewing these figures.
    #[test]
    fn nouvelle_aquitaine_row_reads_as_its_page() {
        let out = html(&dataset()).unwrap();
        let row = out
            .lines()
            .find(|l| l.contains(">Nouvelle-Aquitaine</th>"))
            .unwrap();
        assert!(row.contains("<td>6\u{202f}110\u{202f}365</td>"), "{row}");
        assert!(row.contains("<td>5 sur 15</td>"), "{row}");
        assert!(
            row.contains("Des niveaux de fragilité moins marqués que la moyenne nationale, sauf sur le développement économique, le vieillissement et le numérique."),
            "{row}"
        );
    }

    #[test]
    fn a_missing_value_is_shown_as_missing_with_its_reason() {
        let mut ds = dataset();
        let p = ds
            .profiles
            .iter_mut()
            .find(|p| p.id == "population")
            .unwrap();
        p.values[0] = None;
        p.missing[0] = Some("fichier absent".into());
        let out = html(&ds).unwrap();
        assert!(out.contains("non disponible (fichier absent)"));
    }

    #[test]
    fn names_are_escaped_and_the_placeholder_is_needed_once() {
        let mut ds = dataset();
        ds.regions[0].name = "<b>X & Y</b>".into();
        let out = html(&ds).unwrap();
        assert!(out.contains("&lt;b&gt;X &amp; Y&lt;/b&gt;"));
        assert!(inject("<body></body>", &out).is_err());
        assert!(inject(&format!("{PLACEHOLDER}{PLACEHOLDER}"), &out).is_err());
        assert_eq!(
            inject(&format!("<div>{PLACEHOLDER}</div>"), "T").unwrap(),
            "<div>T</div>"
        );
    }
}
