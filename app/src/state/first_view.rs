//! The static first view written into `index.html` at build time (`first-view` bin): the
//! default view (the map of the default measure, its legend, names and values, the national
//! panel) in plain HTML and SVG, readable before any wasm arrives and without JavaScript. The
//! map is the app's own drawing ([`crate::graphics::map::shapes`], written by the exports' SVG
//! writer); the page around it has the app's elements and classes, so that it lays out where
//! the app will, and the app replaces it whole once it has its data (no element moves).
//!
//! The controls are there, inert (not reachable, not announced, dimmed without JavaScript),
//! so that they take the room the app's will: the map does not move when the app takes over.
//! The regions answer before the app starts: `assets/first-view.js` shows each region's panel,
//! written here by the app's own panel function.
//! A browser test compares the two, shape by shape and colour by colour.

use super::map::{map_hint, map_label, map_state, panel, panel_words, MapState};
use super::pickers::{latest_option, measure_options};
use crate::export::svg::esc;
use crate::graphics::{map::shapes, svg::fragment};
use crate::i18n::Lang;
use crate::model::{Layout, View, ViewState};
use crate::palette::MISSING;
use crate::url_state::to_query;
use datafrag::geometry::MapGeometry;
use datafrag::model::Dataset;
use std::fmt::Write;

/// Where the first view goes in `index.html`.
pub const PLACEHOLDER: &str = "<!-- first-view -->";

/// A swatch of the legend: the app's span, its colour drawn by an SVG rectangle (the page's
/// policy forbids inline styles).
fn swatch(color: &str) -> String {
    format!(
        r#"<span class="swatch"><svg viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true"><rect width="1" height="1" fill="{color}"/></svg></span>"#
    )
}

fn legend(m: &MapState) -> String {
    let mut items = String::new();
    for l in &m.legend {
        let france = if l.is_france {
            format!(
                r#"<span class="france-mark"> ← {}</span>"#,
                esc(&m.info.reference_line)
            )
        } else {
            String::new()
        };
        let _ = write!(
            items,
            "<li>{}{}{france}</li>",
            swatch(l.color),
            esc(&l.label)
        );
    }
    format!(
        r#"<div class="legend-box" role="group" aria-labelledby="fv-legend-title"><p class="legend-title" id="fv-legend-title">{} — plus haut = plus fragile</p><ul class="legend">{items}<li>{}non disponible</li></ul></div>"#,
        esc(&m.info.index_unit),
        swatch(MISSING)
    )
}

/// The measure's select: the option shown, alone. The static view's controls are a picture of
/// the app's (inert): with every option, its first layout measured 54 options and the year's
/// for nothing (5 ms at CPU 1×). The select's width is set by the stylesheet, not its options.
fn measure_select(ds: &Dataset, selected: &str) -> String {
    let (overall, groups) = measure_options(ds, Lang::Fr);
    let shown = std::iter::once(&overall)
        .chain(groups.iter().flat_map(|g| &g.options))
        .find(|o| o.value == selected)
        .unwrap_or(&overall);
    format!(
        r#"<option value="{}" selected>{}</option>"#,
        esc(&shown.value),
        esc(&shown.text)
    )
}

/// Each region's panel, as the app shows it when the region is picked on the map (the same
/// [`panel`] and words), in a `<template>` that first-view.js shows on a click before the app has
/// started; `data-href` is the query the app writes for that choice, so that the app, once
/// started, opens the same view.
fn panels(ds: &Dataset, m: &MapState, st: &ViewState, cat: &crate::model::Catalog) -> String {
    let [open, back, code_label] = panel_words(Lang::Fr);
    let mut out = String::new();
    for row in &m.rows {
        let Some(p) = panel(ds, m, st, &row.code) else {
            continue;
        };
        let mut picked = st.clone();
        picked.region = Some(p.code.clone());
        let _ = write!(
            out,
            r#"<template data-code="{code}" data-href="{here}"><h2 id="panel-title">{name}</h2><p class="figures">{figures}</p><p class="summary">{summary}</p><p class="actions"><a class="button primary" href="{target}">{open}</a><button class="back">{back}</button></p><p class="code">{code_label}<span data-testid="region-code">{code}</span></p></template>"#,
            code = esc(&p.code),
            here = esc(&to_query(&picked, cat)),
            name = esc(&p.name),
            figures = esc(&p.description),
            summary = esc(&p.summary),
            target = esc(&to_query(&p.target, cat)),
        );
    }
    out
}

/// The first view's HTML: `ds` and `geo` are the committed dataset and geometry, the files the
/// app downloads.
pub fn html(ds: &Dataset, geo: &MapGeometry) -> Result<String, String> {
    let lang = Lang::Fr;
    let cat = super::catalog(ds);
    let st = ViewState::default_for(&cat);
    let m = map_state(ds, &st.measure, lang)
        .ok_or_else(|| format!("dataset: the default measure {:?} has no map", st.measure))?;
    let scene = shapes(geo, &m, Layout::Geo, lang);
    let mut tabs = String::new();
    for v in View::ALL {
        let Some(label) = v.tab_label(lang) else {
            continue;
        };
        let q = to_query(&st.for_tab(v, &cat), &cat);
        let _ = write!(
            tabs,
            r#"<a class="tab" href="{}"{}>{label}</a>"#,
            esc(if q.is_empty() { "./" } else { &q }),
            if v == st.view {
                r#" aria-current="page""#
            } else {
                ""
            }
        );
    }
    Ok(format!(
        r##"<div id="first-view" class="first-view">
<a class="skip" href="#main">Aller au contenu</a>
<header class="top"><div class="brand"><h1>Fragilités régionales</h1><p class="tagline">Les 13 régions de France métropolitaine comparées à la moyenne nationale</p></div><button class="lang" lang="en" inert>English</button></header>
<nav class="tabs" aria-label="Vues">{tabs}</nav>
<main id="main" tabindex="-1">
<div class="toolbar" inert><div class="year-bar"><label class="picker year-picker"><span>Année</span><select><option value="" selected>{latest}</option></select></label></div><section class="export" aria-label="Exporter et partager cette vue"><details class="export-menu"><summary class="button">Exporter</summary></details><button>Copier le lien</button><button>+ Atelier</button><p class="export-status"></p></section></div>
<section class="view map-view" aria-labelledby="fv-view-title">
<div class="view-head"><h2 id="fv-view-title" class="view-title">{title} ({year})</h2><div class="controls" inert><div class="search"><label for="fv-search">Trouver une région</label><input id="fv-search" type="text" placeholder="Nom ou code"></div><label class="picker"><span>Indicateur affiché</span><select>{measures}</select></label><div class="switch" role="group" aria-label="Disposition de la carte"><button aria-pressed="true">Carte</button><button aria-pressed="false">Grille</button><button aria-pressed="false">Départements</button></div></div></div>
<div class="layout"><figure class="map-figure"><div class="map-box"><svg class="map" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="Carte des 13 régions de France métropolitaine : {title}" data-label="{label}">{drawing}</svg></div><p class="info-line" role="status" data-hint="{hint}"><span class="js-only">Chargement de la carte interactive…</span><span class="no-js-only">Carte fixe : la carte interactive demande JavaScript et WebAssembly.</span></p><p class="source">Contours : {source}</p></figure>
<div class="side">{legend}<div class="panel" aria-live="polite"><h2 id="panel-title">France métropolitaine</h2><p class="js-only">Choisissez une région sur la carte (clic, ou Tab puis Entrée) pour la comparer à la moyenne nationale.</p><p class="no-js-only">Les chiffres clés de chaque région sont plus bas, dans le tableau.</p></div></div></div>
</section>
</main>
{panels}
<i class="fv-end" hidden></i>
</div>"##,
        title = esc(&m.info.title),
        year = esc(&m.info.year),
        measures = measure_select(ds, &st.measure.option_value()),
        latest = esc(latest_option(lang)),
        w = crate::graphics::svg::num(scene.width),
        h = crate::graphics::svg::num(scene.height),
        drawing = fragment(&scene),
        source = esc(&geo.source),
        legend = legend(&m),
        hint = esc(map_hint(lang)),
        label = esc(map_label(lang)),
        panels = panels(ds, &m, &st, &cat),
    ))
}

/// Where the app finds the geometry's file in the page (`<script type="application/json">`).
pub const GEOMETRY_ID: &str = "geometry-data";

/// `index_html` with `first_view` at its placeholder (exactly one), followed by the geometry's
/// file (`geometry`, byte for byte) as a JSON data block that the app reads instead of
/// downloading the same outlines again.
pub fn inject(index_html: &str, first_view: &str, geometry: &str) -> Result<String, String> {
    if geometry.to_ascii_lowercase().contains("</script") {
        return Err("regions.json: contains \"</script\", it cannot be embedded".into());
    }
    let block = format!(
        r#"{first_view}
<script type="application/json" id="{GEOMETRY_ID}">{geometry}</script>"#
    );
    match index_html.matches(PLACEHOLDER).count() {
        1 => Ok(index_html.replace(PLACEHOLDER, &block)),
        n => Err(format!("index.html: expected one {PLACEHOLDER}, found {n}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed() -> (Dataset, MapGeometry) {
        (
            serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap(),
            serde_json::from_str(include_str!("../../../assets/data/regions.json")).unwrap(),
        )
    }

    /// The 13 regions drawn and named with their values, filled as the app fills them, the
    /// inset, the legend's classes and the national panel.
    #[test]
    fn the_first_view_draws_the_default_map() {
        let (ds, geo) = committed();
        let out = html(&ds, &geo).unwrap();
        for r in &geo.regions {
            assert!(
                out.contains(&format!(r#"data-key="{}""#, r.code)),
                "{} not drawn",
                r.name
            );
            assert!(
                out.contains(&format!("<title>{}</title>", esc(&r.name))),
                "{}",
                r.name
            );
        }
        assert!(out.contains(r#"data-key="11/inset""#), "the inset");
        // The default measure's fills, from the same state the app computes.
        let cat = crate::state::catalog(&ds);
        let m = map_state(&ds, &ViewState::default_for(&cat).measure, Lang::Fr).unwrap();
        for row in &m.rows {
            let at = out.find(&format!(r#"data-key="{}""#, row.code)).unwrap();
            let start = out[..at].rfind("<path").unwrap();
            assert!(
                out[start..at].contains(&format!(r#"fill="{}""#, row.fill)),
                "{}",
                row.code
            );
        }
        assert_eq!(out.matches("<li>").count(), m.legend.len() + 1);
        assert!(out.contains("France = 100"));
        assert!(out.contains(r#"aria-current="page">Carte</a>"#));
        // No inline style (the page's policy refuses them) and no script.
        assert!(!out.contains("style=") && !out.contains("<script"));
    }

    /// Each region's panel is in the page for first-view.js to show on a click before
    /// the app starts: the app's own panel (figures, summary, link to the region's page) and
    /// the query the app writes for that choice.
    #[test]
    fn each_region_has_its_panel_and_its_link() {
        let (ds, geo) = committed();
        let out = html(&ds, &geo).unwrap();
        let cat = crate::state::catalog(&ds);
        let st = ViewState::default_for(&cat);
        let m = map_state(&ds, &st.measure, Lang::Fr).unwrap();
        assert_eq!(
            out.matches("<template data-code=").count(),
            geo.regions.len()
        );
        for r in &geo.regions {
            let p = panel(&ds, &m, &st, &r.code).unwrap();
            let at = out
                .find(&format!(r#"<template data-code="{}""#, r.code))
                .unwrap();
            let t = &out[at..at + out[at..].find("</template>").unwrap()];
            assert!(
                t.contains(&format!(r#"data-href="?region={}""#, r.code)),
                "{t}"
            );
            assert!(t.contains(&esc(&p.description)) && t.contains(&esc(&p.summary)));
            assert!(t.contains(&format!(r#"href="?view=region&amp;region={}""#, r.code)));
            assert!(t.contains(&format!(
                r#"<span data-testid="region-code">{}</span>"#,
                r.code
            )));
        }
    }

    #[test]
    fn one_placeholder_exactly() {
        assert_eq!(
            inject("a<!-- first-view -->b", "X", "{}").unwrap(),
            "aX\n<script type=\"application/json\" id=\"geometry-data\">{}</script>b"
        );
        assert!(inject("ab", "X", "{}").is_err());
        assert!(inject("<!-- first-view --><!-- first-view -->", "X", "{}").is_err());
        // A file that would end the data block early is refused.
        assert!(inject("<!-- first-view -->", "X", r#"{"a":"</SCRIPT>"}"#).is_err());
    }
}
