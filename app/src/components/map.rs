//! The map view: choropleth of the chosen measure (geographic map with an Île-de-France inset,
//! or tile grid), legend centred on France = 100, a panel for the selected region, the table.

use super::context::Ctx;
use super::measure::{MeasurePicker, MeasureSources};
use super::table::DataTable;
use crate::graphics::map::{shapes, TILE};
use crate::graphics::{Mark, Scene};
use crate::i18n::Lang;
use crate::model::Layout;
use crate::palette::MISSING;
use crate::state::map::{map_state, panel, MapState};
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

/// What the map's elements need to follow the state and to answer the pointer and the keyboard.
#[derive(Clone, Copy)]
struct Interact {
    map: Memo<Option<MapState>>,
    scene: Memo<Option<Scene>>,
    selected: Memo<Option<String>>,
    hovered: RwSignal<Option<String>>,
    select: Callback<Option<String>>,
    lang: Lang,
}

/// The fill of the mark at (i, j) in the current scene.
fn fill_at(scene: Memo<Option<Scene>>, i: usize, j: Option<usize>) -> String {
    scene.with(|s| match s.as_ref().and_then(|s| s.at(i, j)) {
        Some(Mark::Rect { fill, .. } | Mark::Path { fill, .. }) => fill.clone(),
        Some(Mark::Text(t)) => t.fill.clone(),
        _ => MISSING.to_string(),
    })
}

/// The words of region `code` on the current measure ("Occitanie : indice 112 (3e / 13), …").
fn description(map: Memo<Option<MapState>>, code: &str) -> String {
    map.with(|m| {
        m.as_ref()
            .and_then(|m| m.rows.iter().find(|r| r.code == code))
            .map(|r| r.description.clone())
            .unwrap_or_default()
    })
}

/// One mark of the map's drawing as an SVG element; the regions and tiles (keyed marks) are
/// buttons that select a region.
fn view_mark(i: usize, j: Option<usize>, mark: &Mark, ix: Interact) -> AnyView {
    let scene = ix.scene;
    match mark {
        Mark::Path { d, stroke, width, key: Some(key), title, .. } => {
            let fill = move || fill_at(scene, i, j);
            match key.split_once('/') {
                // The inset: an enlarged copy; clicking it selects the region, the keyboard
                // reaches the region itself.
                Some((code, _)) => {
                    let code = code.to_string();
                    let label = {
                        let code = code.clone();
                        move || format!("{} ({})", description(ix.map, &code), ix.lang.t("agrandie", "enlarged"))
                    };
                    let title = label.clone();
                    let c1 = code.clone();
                    view! {
                        <path
                            class="region inset-shape"
                            class:selected=move || ix.selected.with(|s| s.as_deref() == Some(code.as_str()))
                            d=d.clone()
                            fill=fill
                            stroke=stroke.clone()
                            stroke-width=*width
                            stroke-linejoin="round"
                            role="button"
                            tabindex="-1"
                            aria-label=label
                            on:click=move |_| ix.select.run(Some(c1.clone()))
                        ><title>{title}</title></path>
                    }
                    .into_any()
                }
                None => {
                    let code = key.clone();
                    let name = title.clone().unwrap_or_else(|| code.clone());
                    let a = Actions::new(&code, ix);
                    let desc = {
                        let code = code.clone();
                        move || description(ix.map, &code)
                    };
                    view! {
                        <path
                            class="region"
                            class:selected=a.is_selected.clone()
                            d=d.clone()
                            fill=fill
                            stroke=stroke.clone()
                            stroke-width=*width
                            stroke-linejoin="round"
                            data-code=code
                            role="button"
                            tabindex="0"
                            aria-label=name
                            aria-pressed=a.pressed()
                            on:click=a.click()
                            on:keydown=a.keydown()
                            on:mouseenter=a.enter()
                            on:mouseleave=move |_| ix.hovered.set(None)
                            on:focus=a.focus()
                        >
                            <title>{desc}</title>
                        </path>
                    }
                    .into_any()
                }
            }
        }
        Mark::Group(marks) => {
            // A tile: keyed by its square.
            let code = marks
                .iter()
                .find_map(|m| match m {
                    Mark::Rect { key: Some(k), .. } => Some(k.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            let a = Actions::new(&code, ix);
            let desc = {
                let code = code.clone();
                move || description(ix.map, &code)
            };
            let label = desc.clone();
            let children = marks
                .iter()
                .enumerate()
                .map(|(k, m)| view_mark(i, Some(k), m, ix))
                .collect::<Vec<_>>();
            view! {
                <g
                    class="region tile"
                    class:selected=a.is_selected.clone()
                    data-code=code
                    role="button"
                    tabindex="0"
                    aria-label=label
                    aria-pressed=a.pressed()
                    on:click=a.click()
                    on:keydown=a.keydown()
                    on:mouseenter=a.enter()
                    on:mouseleave=move |_| ix.hovered.set(None)
                    on:focus=a.focus()
                >
                    <title>{desc}</title>
                    {children}
                </g>
            }
            .into_any()
        }
        Mark::Rect { x, y, w, h, stroke, rx, .. } => view! {
            <rect x=*x y=*y width=*w height=*h rx=*rx fill=move || fill_at(scene, i, j) stroke=stroke.clone()></rect>
        }
        .into_any(),
        Mark::Line { x1, y1, x2, y2, stroke, width, dash } => view! {
            <line x1=*x1 y1=*y1 x2=*x2 y2=*y2 stroke=stroke.clone() stroke-width=*width stroke-dasharray=dash.then_some("4 3")></line>
        }
        .into_any(),
        Mark::Text(t) => {
            let text = move || {
                scene.with(|s| match s.as_ref().and_then(|s| s.at(i, j)) {
                    Some(Mark::Text(t)) => t.text.clone(),
                    _ => String::new(),
                })
            };
            view! {
                <text
                    x=t.x
                    y=t.y
                    font-size=t.size
                    text-anchor=crate::graphics::svg::anchor(t.anchor)
                    font-weight=t.bold.then_some("bold")
                    fill=move || fill_at(scene, i, j)
                >{text}</text>
            }
            .into_any()
        }
        Mark::Path { .. } => ().into_any(),
    }
}

/// The handlers of a region's button.
struct Actions {
    code: String,
    ix: Interact,
    is_selected: std::sync::Arc<dyn Fn() -> bool + Send + Sync>,
}

impl Actions {
    fn new(code: &str, ix: Interact) -> Actions {
        let c = code.to_string();
        Actions {
            code: code.to_string(),
            ix,
            is_selected: std::sync::Arc::new(move || {
                ix.selected.with(|s| s.as_deref() == Some(c.as_str()))
            }),
        }
    }
    fn pressed(&self) -> impl Fn() -> &'static str + 'static {
        let f = self.is_selected.clone();
        move || if f() { "true" } else { "false" }
    }
    fn click(&self) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        let (c, ix) = (self.code.clone(), self.ix);
        move |_| ix.select.run(Some(c.clone()))
    }
    fn keydown(&self) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
        let (c, ix) = (self.code.clone(), self.ix);
        move |ev| match ev.key().as_str() {
            "Enter" | " " => {
                ev.prevent_default();
                ix.select.run(Some(c.clone()));
            }
            "Escape" => ix.select.run(None),
            _ => {}
        }
    }
    fn enter(&self) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        let (c, ix) = (self.code.clone(), self.ix);
        move |_| ix.hovered.set(Some(c.clone()))
    }
    fn focus(&self) -> impl Fn(leptos::ev::FocusEvent) + 'static {
        let (c, ix) = (self.code.clone(), self.ix);
        move |_| ix.hovered.set(Some(c.clone()))
    }
}
