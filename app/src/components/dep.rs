//! The département level on screen: its download (the first time a view asks for it), the map
//! of one region's départements or of all 96, the map view at that level, the region page's
//! section and a département's page. The drawings are `graphics::depmap`'s, the figures
//! `state::dep`'s.

use super::context::{Ctx, DepLoad};
use super::map_marks::{info_text, legend_view, scene_view, Interact};
use super::measure::MeasurePicker;
use super::table::DataTable;
use crate::graphics::depmap::{dep_outlines, paint};
use crate::i18n::Lang;
use crate::model::{Layout, Level, View, ViewState};
use crate::state::dep::{self, DepLevel};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Starts the download of the départements' two files (at once, each checked against its
/// SHA-256), unless it is under way or done; a failed one starts again.
pub(super) fn want(deps: RwSignal<DepLoad>) {
    if !deps.with_untracked(|d| matches!(d, DepLoad::Idle | DepLoad::Failed(_))) {
        return;
    }
    deps.set(DepLoad::Loading);
    spawn_local(async move {
        let (geo, data) = crate::loading::futures_join(
            crate::loading::fetch(crate::integrity::DEP_GEOMETRY),
            crate::loading::fetch(crate::integrity::DEP_DATA),
        )
        .await;
        deps.set(match (geo, data) {
            (Ok(geo), Ok(data)) => DepLoad::Ready(Arc::new(DepLevel { geo, data })),
            (Err(e), _) | (_, Err(e)) => DepLoad::Failed(e),
        });
    });
}

/// The départements' data once downloaded (asking for it on first use), as of the view's year.
fn loaded(ctx: &Ctx) -> Memo<Option<Arc<DepLevel>>> {
    let (deps, state, ds) = (ctx.deps, ctx.state, ctx.ds.clone());
    Effect::new(move |_| want(deps));
    let year = Memo::new(move |_| state.with(|s| (s.year, s.lang)));
    Memo::new(move |_| {
        let DepLoad::Ready(l) = deps.get() else {
            return None;
        };
        Some(match year.get() {
            (Some(y), lang) => Arc::new(dep::at_year(&l, &ds, y, lang)),
            (None, _) => l,
        })
    })
}

/// "Chargement des départements…", or what failed with a retry, until the data is there.
fn status(deps: RwSignal<DepLoad>, lang: Lang) -> impl IntoView {
    move || {
        match deps.get() {
        DepLoad::Idle | DepLoad::Loading => Some(
            view! { <p class="status" role="status">{lang.t("Chargement des départements…", "Loading the départements…")}</p> }
                .into_any(),
        ),
        DepLoad::Failed(e) => Some(
            view! {
                <div class="notice" role="alert" data-testid="dep-failed">
                    <p>{lang.t("Les départements n'ont pas pu être chargés.", "The départements could not be loaded.")}</p>
                    <details><summary>{lang.t("Détails", "Details")}</summary><p>{e}</p></details>
                    <button on:click=move |_| want(deps)>{lang.t("Réessayer", "Retry")}</button>
                </div>
            }
            .into_any(),
        ),
        DepLoad::Ready(_) => None,
    }
    }
}

/// The map of `region`'s départements (all 96 without one) on the measure shown, with its
/// legend, the value of the département under the pointer or the focus, the chosen one's
/// answer and link, and the table.
#[component]
fn DepMap(
    #[prop(into)] region: Signal<Option<String>>,
    /// The départements as of the view's year ([`loaded`]), shared with the view around it.
    level: Memo<Option<Arc<DepLevel>>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let (state, go) = (ctx.state, ctx.go);
    // Keyed on the measure: choosing a département recomputes neither the map nor the table.
    let measure = Memo::new(move |_| state.with(|s| s.measure.clone()));
    let map = {
        let ds = ctx.ds.clone();
        Memo::new(move |_| {
            let (m, r) = (measure.get(), region.get());
            level.with(|l| {
                l.as_ref()
                    .and_then(|l| dep::map_state(&ds, l, &m, r.as_deref(), lang))
            })
        })
    };
    // The outlines are kept across measures (96 paths and the inset's enlarged copies):
    // a measure's change only paints them again.
    let outlines = {
        let regions = ctx.geo.clone();
        Memo::new(move |_| {
            let r = region.get();
            level.with(|l| {
                l.as_ref()
                    .map(|l| dep_outlines(&l.geo, &regions, r.as_deref(), lang))
            })
        })
    };
    let scene = Memo::new(move |_| {
        outlines.with(|o| {
            let o = o.as_ref()?;
            level.with(|l| {
                let l = l.as_ref()?;
                map.with(|m| m.as_ref().map(|m| paint(o, &l.geo, m, lang)))
            })
        })
    });
    let hovered: RwSignal<Option<String>> = RwSignal::new(None);
    let selected = Memo::new(move |_| state.with(|s| s.dep.clone()));
    let select = move |code: Option<String>| {
        let mut s = state.get_untracked();
        if s.dep != code {
            s.dep = code;
            go.run(s);
        }
    };
    let ix = Interact {
        map,
        scene,
        selected,
        hovered,
        select: Callback::new(select),
        tip: RwSignal::new(None),
        lang,
    };
    // The elements are made again only when the set of départements changes; fills and
    // words follow the scene.
    let shape_key = Memo::new(move |_| (region.get(), scene.with(Option::is_some)));
    let drawing = move || {
        let _ = shape_key.get();
        scene_view(ix)
    };
    let view_box = move || {
        scene.with(|s| {
            s.as_ref().map_or("0 0 1 1".into(), |s| {
                format!("0 0 {} {}", s.width, s.height)
            })
        })
    };
    // The box keeps the drawing's proportions and fits the window's height, like the regions'.
    let box_width = move || {
        scene.with(|s| {
            s.as_ref().map(|s| {
                format!(
                    "min(100%, calc((100vh - 17.5rem) * {:.3}))",
                    s.width / s.height
                )
            })
        })
    };
    let info_line = move || {
        info_text(
            map,
            hovered.get().or_else(|| selected.get()),
            lang.t(
                "Survolez ou parcourez les départements au clavier (Tab) pour lire leur valeur ; Entrée ouvre leur réponse.",
                "Hover or tab through the départements to read their value; Enter opens their answer.",
            ),
        )
    };
    let href_ctx = ctx.clone();
    let answer = move || {
        let code = selected.get()?;
        let row = map.with(|m| m.as_ref()?.rows.iter().find(|r| r.code == code).cloned())?;
        let mut target = state.get_untracked();
        target.view = View::Dep;
        target.dep = Some(code);
        let href = href_ctx.href(&target);
        Some(view! {
            <div class="dep-answer" data-testid="dep-answer">
                <p class="figures">{row.description.clone()}</p>
                <a class="button primary" href=href on:click=move |ev| { ev.prevent_default(); go.run(target.clone()); }>
                    {lang.t("Voir la fiche du département →", "Open the département page →")}
                </a>
            </div>
        })
    };
    let table = {
        let ds = ctx.ds.clone();
        Signal::derive(move || {
            let r = region.get();
            map.with(|m| {
                let Some(m) = m.as_ref() else {
                    return Default::default();
                };
                let k = r.as_deref().and_then(|c| crate::state::region_pos(&ds, c));
                let figures =
                    measure.with(|m| k.and_then(|k| crate::state::measure_figures(&ds, m, k)));
                let name = k.map(|k| ds.regions[k].name.clone());
                dep::table(m, name.as_deref().zip(figures.as_ref()), lang)
            })
        })
    };
    let table_open = RwSignal::new(false);
    let label = move || match region.get() {
        Some(_) => lang.t(
            "Carte des départements de la région : choisissez un département",
            "Map of the region's départements: pick a département",
        ),
        None => lang.t(
            "Carte des 96 départements de France métropolitaine : choisissez un département",
            "Map of the 96 départements of metropolitan France: pick a département",
        ),
    };
    let note = move || {
        state.with(|s| {
            (!s.reference.is_france()).then(|| {
                lang.t(
                    "Les départements sont rapportés à la France métropolitaine (la référence choisie s'applique aux régions).",
                    "The départements are indexed to metropolitan France (the reference chosen applies to the regions).",
                )
            })
        })
    };
    view! {
        {status(ctx.deps, lang)}
        <div class="layout dep-map" data-testid="dep-map" class:hidden=move || level.with(Option::is_none)>
            <figure class="map-figure">
                <div class="map-box" style:max-width=box_width on:mouseleave=move |_| hovered.set(None)>
                    <svg class="map" viewBox=view_box role="group" aria-label=label>{drawing}</svg>
                </div>
                <p class="info-line" aria-live="polite">{info_line}</p>
                // The regions' outlines are dissolved from these: the same source, in both languages.
                <p class="source">{lang.t("Contours : ", "Outlines: ")}{lang.pick(&ctx.geo.source, &ctx.geo.source_en).to_string()}</p>
                {note}
            </figure>
            <div class="side">
                {legend_view(map, lang)}
                <div class="panel" aria-live="polite" class:hidden=move || selected.with(Option::is_none)>{answer}</div>
            </div>
        </div>
        // The table's 97 rows are made when it is opened, not on every change of measure
        // while it is closed.
        <details class="table-toggle" data-testid="dep-table-toggle" class:hidden=move || level.with(Option::is_none)
            on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{lang.t("Tableau des départements", "Table of the départements")}</summary>
            {move || table_open.get().then(|| view! { <DataTable table=table lang=lang test_id="dep-table" /> })}
        </details>
    }
}

/// What the map draws: the regions on the map or as tiles, or the départements (`layout=grid`,
/// `level=dep` in the link); one group of buttons, so that the map keeps a laptop's first screen.
#[component]
pub fn MapModeSwitch() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (lang, state, go) = (ctx.lang(), ctx.state, ctx.go);
    let mode = Memo::new(move |_| state.with(|s| (s.level, s.layout)));
    let set = move |level: Level, layout: Layout| {
        let mut s = state.get_untracked();
        (s.level, s.layout) = (level, layout);
        go.run(s);
    };
    let pressed = move |level: Level, layout: Option<Layout>| {
        move || {
            mode.with(|(l, y)| *l == level && layout.is_none_or(|x| x == *y))
                .to_string()
        }
    };
    view! {
        <div class="switch" role="group" aria-label=lang.t("Disposition de la carte", "Map layout")>
            <button aria-pressed=pressed(Level::Region, Some(Layout::Geo)) on:click=move |_| set(Level::Region, Layout::Geo)>{lang.t("Carte", "Map")}</button>
            <button aria-pressed=pressed(Level::Region, Some(Layout::Grid)) on:click=move |_| set(Level::Region, Layout::Grid)>{lang.t("Grille", "Grid")}</button>
            <button aria-pressed=pressed(Level::Dep, None) on:click=move |_| set(Level::Dep, Layout::Geo) data-testid="level-dep">{lang.t("Départements", "Départements")}</button>
        </div>
    }
}

/// The map view at the départements' level: the 96, on the measure shown.
#[component]
pub fn DepMapView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let ds = ctx.ds.clone();
    let title = move || {
        ctx.state.with(|s| {
            crate::state::measure_info(&ds, &s.measure, lang)
                .map(|i| {
                    format!(
                        "{} — {}",
                        i.title,
                        lang.t("les 96 départements", "the 96 départements")
                    )
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="view map-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{title}</h2>
                <div class="controls">
                    <MeasurePicker />
                    <MapModeSwitch />
                </div>
            </div>
            <DepMap region=Signal::derive(|| None::<String>) level=loaded(&ctx) />
        </section>
    }
}

/// On a region's page: its départements on the map and in the table (`level=dep`), or the
/// button that shows them.
#[component]
pub fn RegionDeps() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (lang, state, go) = (ctx.lang(), ctx.state, ctx.go);
    let shown = Memo::new(move |_| state.with(|s| s.level == Level::Dep));
    let region = Signal::derive(move || state.with(|s| s.region.clone()));
    let name = {
        let ds = ctx.ds.clone();
        move || {
            region
                .get()
                .and_then(|c| crate::state::region_pos(&ds, &c).map(|k| ds.regions[k].name.clone()))
                .unwrap_or_default()
        }
    };
    let set = move |l: Level| {
        let mut s = state.get_untracked();
        s.level = l;
        s.dep = None;
        go.run(s);
    };
    view! {
        <section class="region-deps" aria-labelledby="deps-title" data-testid="region-deps">
            <h3 id="deps-title">{move || match lang {
                Lang::Fr => format!("Les départements de {}", name()),
                Lang::En => format!("The départements of {}", name()),
            }}</h3>
            {move || if shown.get() {
                view! {
                    <div class="controls"><MeasurePicker />
                        <button on:click=move |_| set(Level::Region)>{lang.t("Masquer les départements", "Hide the départements")}</button>
                    </div>
                    <DepMap region=region level=loaded(&ctx) />
                }.into_any()
            } else {
                view! {
                    <p>
                        <button class="button" data-testid="show-deps" on:click=move |_| set(Level::Dep)>
                            {lang.t("Voir les départements sur la carte", "Show the départements on the map")}
                        </button>
                        " "{lang.t("(chaque indicateur publié par département, classés du plus au moins fragile)", "(each indicator published by département, from the most to the least fragile)")}
                    </p>
                }.into_any()
            }}
        </section>
    }
}

/// A département's page: against its region and France on every domain and indicator
/// measured at its level, its ranks among the 96 and within its region, the sentence of the
/// region page's rules, and its region's map with it chosen.
#[component]
pub fn DepView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (lang, state, go) = (ctx.lang(), ctx.state, ctx.go);
    let level = loaded(&ctx);
    let page = {
        let ds = ctx.ds.clone();
        Memo::new(move |_| {
            let code = state.with(|s| s.dep.clone())?;
            level.with(|l| dep::page(&ds, l.as_ref()?, &code, lang))
        })
    };
    let region = Signal::derive(move || page.with(|p| p.as_ref().map(|p| p.region_code.clone())));
    let href_ctx = ctx.clone();
    let to_region = move || {
        let p = page.get()?;
        let mut t: ViewState = state.get_untracked();
        t.view = View::Region;
        t.region = Some(p.region_code.clone());
        t.dep = None;
        let href = href_ctx.href(&t);
        Some(view! {
            <p class="dep-of">
                {lang.t("Département ", "Département ")}{p.code.clone()}" · "
                <a href=href on:click=move |ev| { ev.prevent_default(); go.run(t.clone()); }>{p.region_name.clone()}</a>
            </p>
        })
    };
    let tables = move || {
        let p = page.get()?;
        let (domains, indicators) = dep::page_tables(&p, lang);
        let spec = crate::state::charts::dep(&p, lang);
        let label = format!("{} — {}", spec.title, p.summary);
        Some(view! {
            <p class="summary lead" data-testid="dep-summary">{p.summary.clone()}</p>
            <h3>{lang.t("Ses domaines", "Its domains")}</h3>
            <super::chart::IndexChart spec=Signal::derive(move || spec.clone()) label=Signal::derive(move || label.clone()) lang=lang />
            <DataTable table=Signal::derive(move || domains.clone()) lang=lang test_id="dep-domains" />
            <h3>{lang.t("Ses indicateurs", "Its indicators")}</h3>
            <DataTable table=Signal::derive(move || indicators.clone()) lang=lang test_id="dep-indicators" />
        })
    };
    view! {
        <section class="view dep-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{move || page.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| lang.t("Département", "Département").into()))}</h2>
                {to_region}
            </div>
            {status(ctx.deps, lang)}
            {tables}
            <h3>{lang.t("Les départements de la région", "The region's départements")}</h3>
            <div class="controls"><MeasurePicker /></div>
            <DepMap region=region level=level />
        </section>
    }
}
