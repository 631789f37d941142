//! The map view: choropleth of the chosen measure (geographic map with an Île-de-France inset,
//! or tile grid), legend centred on France = 100, a panel for the selected region, the table.

use super::context::{built, step, Ctx};
use super::map_marks::{description, info_text, legend_view, scene_view, Interact};
use super::measure::{MeasurePicker, MeasureSources};
use super::search::RegionSearch;
use super::table::DataTable;
use crate::graphics::map::shapes;
use crate::model::Layout;
use crate::state::map::{map_hint, map_label, map_state, panel, panel_words};
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
    // The cursor in the map's box (fractions of its size); `None` at keyboard focus, when the
    // tooltip stands at the region's label.
    let tip: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let selected = Memo::new(move |_| state.with(|s| s.region.clone()));
    let select = move |code: Option<String>| {
        let mut s = state.get_untracked();
        if s.region == code {
            return;
        }
        let picked = code.is_some();
        s.region = code;
        go.run(s);
        // On a phone the answer is below the map: bring it into view.
        if picked {
            crate::browser::reveal_on_phone(".map-view .panel".into());
        }
    };
    let layout = Memo::new(move |_| state.with(|s| s.layout));
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
        tip,
        lang,
    };
    let drawing = move || {
        let _ = (layout.get(), ready.get());
        scene_view(ix)
    };
    // The drawing's size (per layout) gives the viewBox and the box's proportions.
    let size =
        Memo::new(move |_| scene.with(|s| s.as_ref().map_or((1.0, 1.0), |s| (s.width, s.height))));
    let view_box = move || {
        let (w, h) = size.get();
        format!("0 0 {w} {h}")
    };
    let info_line = move || {
        info_text(
            map,
            hovered.get().or_else(|| selected.get()),
            map_hint(lang),
        )
    };
    // Where the tooltip of region `code` stands when no cursor places it: at its label.
    let anchor = {
        let geo = geo.clone();
        move |code: &str, l: Layout| -> Option<(f64, f64)> {
            match l {
                Layout::Geo => geo
                    .regions
                    .iter()
                    .find(|r| r.code == code)
                    .map(|r| (r.label[0] / geo.width, r.label[1] / geo.height)),
                Layout::Grid => geo.tiles.iter().find(|t| t.code == code).map(|t| {
                    (
                        (t.col as f64 + 0.5) / geo.grid[0] as f64,
                        (t.row as f64 + 0.15) / geo.grid[1] as f64,
                    )
                }),
            }
        }
    };
    let tooltip = move || {
        let code = hovered.get()?;
        let (x, y) = tip.get().or_else(|| anchor(&code, layout.get()))?;
        let flip = x > 0.6;
        let text = description(map, &code);
        if text.is_empty() {
            return None;
        }
        Some(view! {
            <div class="map-tip" class:flip=flip aria-hidden="true" data-testid="map-tip"
                style:left=format!("{:.2}%", x * 100.0) style:top=format!("{:.2}%", y * 100.0)>{text}</div>
        })
    };
    // The map's box keeps the drawing's proportions and fits the window's height, so that the
    // whole map, the answer and the legend show on a laptop without scrolling.
    let box_width = move || {
        let (w, h) = size.get();
        format!("min(100%, calc((100vh - 17.5rem) * {:.3}))", w / h)
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
    let table_open = RwSignal::new(false);
    let ds_panel = ds.clone();
    let panel = move || {
        let code = selected.get()?;
        let p = map.with(|m| {
            m.as_ref()
                .and_then(|m| state.with_untracked(|v| panel(&ds_panel, m, v, &code)))
        })?;
        let href = ctx.href(&p.target);
        let target = p.target.clone();
        let [open, back, code_label] = panel_words(lang);
        Some(view! {
            <h2 id="panel-title">{p.name.clone()}</h2>
            <p class="figures">{p.description.clone()}</p>
            <p class="summary">{p.summary.clone()}</p>
            <p class="actions">
                <a class="button primary" href=href on:click=move |ev| { ev.prevent_default(); go.run(target.clone()); }>
                    {open}
                </a>
                <button class="back" on:click=move |_| select(None)>{back}</button>
            </p>
            <p class="code">{code_label}<span data-testid="region-code">{p.code.clone()}</span></p>
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
    // The controls, the legend and the answer, then what is under the map, are made in later
    // steps of the app's start.
    let controls = built(step::CONTROLS);
    let rest = built(step::REST);
    view! {
        <section class="view map-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{title}</h2>
                <div class="controls">
                    {move || controls.get().then(|| view! {
                        <RegionSearch label=lang.t("Trouver une région", "Find a region").into() on_pick=Callback::new(move |c: String| select(Some(c))) test_id="map-search" />
                        <MeasurePicker />
                        <super::dep::MapModeSwitch />
                    })}
                </div>
            </div>
            <div class="layout">
                <figure class="map-figure">
                    <div class="map-box" style:max-width=box_width
                        on:mousemove=move |ev| tip.set(crate::browser::pointer_fraction(&ev))
                        on:mouseleave=move |_| { tip.set(None); hovered.set(None); }>
                        <svg class="map" viewBox=view_box role="group" aria-label=map_label(lang)>
                            {drawing}
                        </svg>
                        {tooltip}
                    </div>
                    <p class="info-line" aria-live="polite">{info_line}</p>
                    <p class="source">{lang.t("Contours : ", "Outlines: ")}{lang.pick(&geo.source, &geo.source_en).to_string()}</p>
                </figure>
                <div class="side">
                    {move || controls.get().then(|| view! {
                        {legend_view(map, lang)}
                        <div class="panel" aria-live="polite">{panel.clone()}{national}</div>
                    })}
                </div>
            </div>
            {move || rest.get().then(|| view! {
                // Made when opened: the first view's start does not build a table nobody has asked for.
                <details class="table-toggle" on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>{lang.t("Tableau des valeurs", "Table of values")}</summary>
                    {move || table_open.get().then(|| view! { <DataTable table=table lang=lang test_id="map-table" /> })}
                </details>
                <MeasureSources />
            })}
        </section>
    }
}
