//! The map view: choropleth of the chosen measure (geographic map with an Île-de-France inset,
//! or tile grid), legend centred on France = 100, a panel for the selected region, the table.

use super::context::Ctx;
use super::map_marks::{view_mark, Interact};
use super::measure::{MeasurePicker, MeasureSources};
use super::table::DataTable;
use crate::graphics::map::{shapes, TILE};
use crate::model::Layout;
use crate::palette::MISSING;
use crate::state::map::{map_state, panel};
use leptos::prelude::*;

#[component]
pub fn MapView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let state = ctx.state;
    let go = ctx.go;
    let ds = ctx.ds.clone();
    let map = {
        let ds = ds.clone();
        // Keyed on what the map shows, so that selecting a region does not recompute it.
        let key = Memo::new(move |_| state.with(|s| (s.measure.clone(), s.lang)));
        Memo::new(move |_| key.with(|(m, l)| map_state(&ds, m, *l)))
    };
    // The region under the pointer or the keyboard focus, shown in the info line.
    let hovered: RwSignal<Option<String>> = RwSignal::new(None);
    let selected = Memo::new(move |_| state.with(|s| s.region.clone()));
    let select = move |code: Option<String>| {
        let mut s = state.get_untracked();
        if s.region == code {
            return;
        }
        s.region = code;
        go.run(s);
    };
    let layout = Memo::new(move |_| state.with(|s| s.layout));
    let set_layout = move |l: Layout| {
        let mut s = state.get_untracked();
        s.layout = l;
        go.run(s);
    };
    let geo = ctx.geo.clone();

    // The map is the drawing of graphics::map (the export's too). Its elements are created once
    // per layout; their fills and words follow the measure through the same scene, so changing
    // the measure does not re-parse thousands of path vertices.
    let scene = {
        let geo = geo.clone();
        Memo::new(move |_| {
            let l = layout.get();
            map.with(|m| m.as_ref().map(|m| shapes(&geo, m, l, lang)))
        })
    };
    let ready = Memo::new(move |_| scene.with(Option::is_some));
    let ix = Interact {
        map,
        scene,
        selected,
        hovered,
        select: Callback::new(move |c: Option<String>| select(c)),
        lang,
    };
    let drawing = move || {
        let _ = (layout.get(), ready.get());
        scene.with_untracked(|s| {
            s.as_ref().map(|s| {
                s.marks
                    .iter()
                    .enumerate()
                    .map(|(i, m)| view_mark(i, None, m, ix))
                    .collect::<Vec<_>>()
            })
        })
    };
    let view_box = {
        let geo = geo.clone();
        move || {
            if layout.get() == Layout::Grid {
                let [c, r] = geo.grid;
                format!("0 0 {} {}", c as f64 * TILE, r as f64 * TILE)
            } else {
                format!("0 0 {} {}", geo.width, geo.height)
            }
        }
    };
    let info_line = move || {
        let code = hovered.get().or_else(|| selected.get());
        map.with(|m| {
            let m = m.as_ref()?;
            code.and_then(|c| m.rows.iter().find(|r| r.code == c))
                .map(|r| r.description.clone())
        })
        .unwrap_or_else(|| {
            lang.t(
                "Survolez ou parcourez les régions au clavier (Tab) pour lire leur valeur.",
                "Hover or tab through the regions to read their value.",
            )
            .into()
        })
    };
    let legend = move || {
        map.with(|m| {
            m.as_ref().map(|m| {
                m.legend
                    .iter()
                    .map(|l| {
                        let france = l.is_france.then(|| view! { <span class="france-mark">{lang.t(" ← France = 100", " ← France = 100")}</span> });
                        view! { <li><span class="swatch" style:background=l.color></span>{l.label.clone()}{france}</li> }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let title = move || {
        map.with(|m| {
            m.as_ref()
                .map(|m| format!("{} ({})", m.info.title, m.info.year))
                .unwrap_or_default()
        })
    };
    let table = Signal::derive(move || {
        map.with(|m| {
            m.as_ref()
                .map(|m| crate::state::tables::map(m, lang))
                .unwrap_or_default()
        })
    });
    let ds_panel = ds.clone();
    let panel = move || {
        let code = selected.get()?;
        let p = map.with(|m| {
            m.as_ref()
                .and_then(|m| state.with_untracked(|v| panel(&ds_panel, m, v, &code)))
        })?;
        let href = ctx.href(&p.target);
        let target = p.target.clone();
        Some(view! {
            <h2 id="panel-title">{p.name.clone()}</h2>
            <p class="code">{lang.t("Code INSEE de la région : ", "INSEE region code: ")}<strong data-testid="region-code">{p.code.clone()}</strong></p>
            <p class="figures">{p.description.clone()}</p>
            <p class="summary">{p.summary.clone()}</p>
            <p class="actions">
                <a class="button primary" href=href on:click=move |ev| { ev.prevent_default(); go.run(target.clone()); }>
                    {lang.t("Voir la fiche de la région →", "Open the region page →")}
                </a>
                <button class="back" on:click=move |_| select(None)>{lang.t("← Vue nationale", "← National view")}</button>
            </p>
        })
    };
    let national = move || {
        selected.with(|s| s.is_none()).then(|| {
            view! {
                <h2 id="panel-title">{lang.t("France métropolitaine", "Metropolitan France")}</h2>
                <p>{lang.t("Choisissez une région sur la carte (clic, ou Tab puis Entrée) pour la comparer à la moyenne nationale.", "Pick a region on the map (click, or Tab then Enter) to compare it with the national average.")}</p>
            }
        })
    };
    view! {
        <section class="view map-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{title}</h2>
                <div class="controls">
                    <MeasurePicker />
                    <div class="switch" role="group" aria-label=lang.t("Disposition de la carte", "Map layout")>
                        <button aria-pressed=move || (layout.get() == Layout::Geo).to_string() on:click=move |_| set_layout(Layout::Geo)>{lang.t("Carte", "Map")}</button>
                        <button aria-pressed=move || (layout.get() == Layout::Grid).to_string() on:click=move |_| set_layout(Layout::Grid)>{lang.t("Grille", "Grid")}</button>
                    </div>
                </div>
            </div>
            <div class="layout">
                <figure class="map-figure">
                    <svg class="map" viewBox=view_box role="group" aria-label=lang.t("Carte des 13 régions de France métropolitaine : choisissez une région", "Map of the 13 regions of metropolitan France: pick a region")>
                        {drawing}
                    </svg>
                    <p class="info-line" aria-live="polite">{info_line}</p>
                    <figcaption>
                        <p class="legend-title">{lang.t("Indice (France = 100) — plus haut = plus fragile", "Index (France = 100) — higher = more fragile")}</p>
                        <ul class="legend">
                            {legend}
                            <li><span class="swatch" style:background=MISSING></span>{lang.t("non disponible", "not available")}</li>
                        </ul>
                        <p class="source">{lang.t("Contours : ", "Outlines: ")}{geo.source.clone()}</p>
                    </figcaption>
                </figure>
                <div class="panel" aria-live="polite">{panel}{national}</div>
            </div>
            <details class="table-toggle">
                <summary>{lang.t("Tableau des valeurs", "Table of values")}</summary>
                <DataTable table=table lang=lang test_id="map-table" />
            </details>
            <MeasureSources />
        </section>
    }
}
