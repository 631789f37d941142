//! The map view: choropleth of the chosen measure (geographic map with an Île-de-France inset,
//! or tile grid), legend centred on France = 100, a panel for the selected region, the table.

use super::app::Ctx;
use super::measure::{MeasurePicker, MeasureSources};
use super::table::DataTable;
use crate::palette::{needs_dark_text, MISSING};
use crate::state::map::{map_state, MapRow, MapState};
use crate::state::{region_pos, summary::region_summary};
use crate::url_state::{Layout, View};
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

    // The shapes are created once per layout; only their fill and words follow the measure,
    // so changing the measure does not re-parse thousands of path vertices.
    let shapes = {
        let geo = geo.clone();
        move || {
            let grid = layout.get() == Layout::Grid;
            geo.regions
                .iter()
                .map(|shape| {
                    let tile = geo.tiles.iter().find(|t| t.code == shape.code).cloned();
                    region_shape(
                        shape.code.clone(),
                        shape.name.clone(),
                        shape.path.clone(),
                        tile,
                        grid,
                        map,
                        selected,
                        hovered,
                        select,
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let inset = {
        let geo = geo.clone();
        move || {
            let (Some(m), Some(inset)) = (map.get(), geo.inset.clone()) else {
                return None;
            };
            if layout.get() == Layout::Grid {
                return None;
            }
            let row = m.rows.iter().find(|r| r.code == inset.code)?.clone();
            let [x, y, w, h] = inset.frame;
            let [lx1, ly1, lx2, ly2] = inset.leader;
            let code = row.code.clone();
            let code2 = row.code.clone();
            let label = format!("{} ({})", row.description, lang.t("agrandie", "enlarged"));
            let title = inset_title(&m, &inset, lang);
            Some(view! {
                <g class="inset">
                    <rect class="inset-frame" x=x y=y width=w height=h rx="4"></rect>
                    <line class="leader" x1=lx1 y1=ly1 x2=lx2 y2=ly2></line>
                    <text class="inset-title" x=x + 6.0 y=y + h - 8.0>{title}</text>
                    <path
                        class="region inset-shape"
                        class:selected=move || selected.with(|s| s.as_deref() == Some(code.as_str()))
                        d=inset.path.clone()
                        fill=row.fill
                        role="button"
                        tabindex="-1"
                        aria-label=label
                        on:click=move |_| select(Some(code2.clone()))
                    ><title>{row.description.clone()}</title></path>
                </g>
            })
        }
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
        let k = region_pos(&ds_panel, &code)?;
        let row = map.with(|m| {
            m.as_ref()
                .and_then(|m| m.rows.iter().find(|r| r.code == code).cloned())
        })?;
        let summary = region_summary(&ds_panel, k, lang);
        let mut target = state.get_untracked();
        target.view = View::Region;
        target.region = Some(code.clone());
        let href = ctx.href(&target);
        Some(view! {
            <h2 id="panel-title">{row.name.clone()}</h2>
            <p class="code">{lang.t("Code INSEE de la région : ", "INSEE region code: ")}<strong data-testid="region-code">{code.clone()}</strong></p>
            <p class="figures">{row.description.clone()}</p>
            <p class="summary">{summary}</p>
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
                        {shapes}
                        {inset}
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

use crate::graphics::map::{inset_title, tile_value, TILE};

/// The row of `code` in the map state (colour, figures, words).
fn row_of(map: Memo<Option<MapState>>, code: &str) -> Option<MapRow> {
    map.with(|m| {
        m.as_ref()
            .and_then(|m| m.rows.iter().find(|r| r.code == code).cloned())
    })
}

#[allow(clippy::too_many_arguments)]
fn region_shape(
    code: String,
    name: String,
    path: String,
    tile: Option<datafrag::geometry::Tile>,
    grid: bool,
    map: Memo<Option<MapState>>,
    selected: Memo<Option<String>>,
    hovered: RwSignal<Option<String>>,
    select: impl Fn(Option<String>) + Copy + 'static,
) -> impl IntoView {
    let row = {
        let code = code.clone();
        Memo::new(move |_| row_of(map, &code))
    };
    let fill = move || row.with(|r| r.as_ref().map_or(MISSING, |r| r.fill));
    let description = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| r.description.clone())
                .unwrap_or_default()
        })
    };
    let is_selected = {
        let code = code.clone();
        move || selected.with(|s| s.as_deref() == Some(code.as_str()))
    };
    let pressed = is_selected.clone();
    let on_key = {
        let code = code.clone();
        move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
            "Enter" | " " => {
                ev.prevent_default();
                select(Some(code.clone()));
            }
            "Escape" => select(None),
            _ => {}
        }
    };
    let (c1, c2, c3) = (code.clone(), code.clone(), code.clone());
    let enter = move |_| hovered.set(Some(c1.clone()));
    let leave = move |_| hovered.set(None);
    let focus = move |_| hovered.set(Some(c2.clone()));
    let click = move |_| select(Some(c3.clone()));
    if grid {
        let t = tile.unwrap_or(datafrag::geometry::Tile {
            code: code.clone(),
            short: code.clone(),
            col: 0,
            row: 0,
        });
        let (x, y) = (t.col as f64 * TILE, t.row as f64 * TILE);
        let dark = move || {
            row.with(|r| {
                r.as_ref()
                    .and_then(|r| r.class)
                    .is_some_and(needs_dark_text)
            })
        };
        let index_text = {
            let code = code.clone();
            move || map.with(|m| m.as_ref().map(|m| tile_value(m, &code)).unwrap_or_default())
        };
        view! {
            <g
                class="region tile"
                class:selected=is_selected
                data-code=code
                role="button"
                tabindex="0"
                aria-label=description
                aria-pressed=move || if pressed() { "true" } else { "false" }
                on:click=click
                on:keydown=on_key
                on:mouseenter=enter
                on:mouseleave=leave
                on:focus=focus
            >
                <title>{description}</title>
                <rect x=x + 3.0 y=y + 3.0 width=TILE - 6.0 height=TILE - 6.0 rx="6" fill=fill></rect>
                <text class="tile-code" class:dark=dark x=x + TILE / 2.0 y=y + 42.0>{t.short.clone()}</text>
                <text class="tile-value" class:dark=dark x=x + TILE / 2.0 y=y + 70.0>{index_text}</text>
            </g>
        }
        .into_any()
    } else {
        view! {
            <path
                class="region"
                class:selected=is_selected
                d=path
                fill=fill
                data-code=code
                role="button"
                tabindex="0"
                aria-label=name
                aria-pressed=move || if pressed() { "true" } else { "false" }
                on:click=click
                on:keydown=on_key
                on:mouseenter=enter
                on:mouseleave=leave
                on:focus=focus
            >
                <title>{description}</title>
            </path>
        }
        .into_any()
    }
}
