//! The root: loads the data, keeps the URL and the view in step, renders the chosen view.

use super::context::Ctx;
use super::{
    accessibility::AccessibilityView,
    acteurs::ActeursView,
    compare::CompareView,
    deck::{self, DeckView, PresentBar, PresentStage},
    export::ExportBar,
    map::MapView,
    method::MethodView,
    ranking::RankingView,
    region::RegionView,
};
use crate::browser;
use crate::i18n::Lang;
use crate::integrity;
use crate::loading::{embedded_or_fetch, fetch_dataset, futures_join};
use crate::model::{View, ViewState};
use crate::state::catalog;
use crate::url_state::{parse, to_query};
use datafrag::geometry::MapGeometry;
use datafrag::model::Dataset;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

type Loaded = Option<Result<(Arc<Dataset>, Arc<MapGeometry>), String>>;

/// The app's query follows the address bar (Back, Forward, or the static first view's choice
/// before the app took over); an unchanged address changes nothing.
fn follow_url(query: RwSignal<String>) {
    let q = browser::current_query();
    if query.with_untracked(|cur| *cur != q) {
        query.set(q);
    }
}

#[component]
pub fn App() -> impl IntoView {
    // Both files at once, each checked against its SHA-256. Not Leptos' LocalResource with
    // Suspense: measured on 2026-12-02, it adds 9 KB brotli to the wasm (241 512 → 250 502 B)
    // for the same three states (loading, failed with a retry, loaded) that one signal and
    // spawn_local give here.
    let data: RwSignal<Loaded> = RwSignal::new(None);
    let query = RwSignal::new(browser::current_query());
    let load = move || {
        data.set(None);
        spawn_local(async move {
            let (geo, ds) = futures_join(
                // The outlines the static first view drew come with the page.
                embedded_or_fetch::<MapGeometry>(
                    integrity::GEOMETRY,
                    crate::state::first_view::GEOMETRY_ID,
                ),
                fetch_dataset(integrity::DATASET),
            )
            .await;
            // The files are checked and parsed; the dashboard is built in a task of its own.
            browser::next_task().await;
            // The static first view may have changed the URL meanwhile (a region picked
            // before the app started, first-view.js): the dashboard opens on that view.
            follow_url(query);
            data.set(Some(match (geo, ds) {
                (Ok(g), Ok(d)) => Ok((Arc::new(d), Arc::new(g))),
                (Err(e), _) | (_, Err(e)) => Err(e),
            }));
        });
    };
    load();
    let handle = window_event_listener(leptos::ev::popstate, move |_| follow_url(query));
    on_cleanup(move || handle.remove());
    let lang_hint = move || query.with(|q| crate::url_state::lang_of(q));

    move || {
        let loaded = data.get();
        match &loaded {
            // The dashboard is built out of sight, in several tasks, and takes the static first
            // view's place in its last one (Dashboard).
            Some(Ok(_)) => browser::set_body_class("building", true),
            // The message stands where the static first view was.
            Some(Err(_)) => browser::remove_first_view(),
            None => {}
        }
        match loaded {
        None => view! { <p class="status" role="status">{lang_hint().t("Chargement des données…", "Loading the data…")}</p> }.into_any(),
        Some(Err(e)) => {
            // The static key figures (index.html) come back under the message: the page is
            // never empty.
            browser::show_static_figures(true);
            let l = lang_hint();
            view! {
                <div class="error" role="alert">
                    <p><strong>{l.t("Les données n'ont pas pu être chargées.", "The data could not be loaded.")}</strong>" "{crate::failure::data_failure(&e, l)}</p>
                    <details><summary>{l.t("Détails", "Details")}</summary><p class="detail">{e}</p></details>
                    <button on:click=move |_| { browser::show_static_figures(false); load() }>{l.t("Réessayer", "Retry")}</button>
                    <p class="hint">{l.t("En attendant, les chiffres clés ci-dessous restent lisibles.", "Meanwhile, the key figures below can still be read.")}</p>
                </div>
            }
            .into_any()
        }
        Some(Ok((ds, geo))) => view! { <Dashboard ds=ds geo=geo query=query /> }.into_any(),
    }
    }
}

/// The data a view shows, compared by identity (a new year gives a new dataset).
#[derive(Clone)]
struct Shown(Arc<Dataset>);

impl PartialEq for Shown {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.0, &o.0)
    }
}

/// The year control: the latest data (each indicator's own year), or one year the data holds,
/// with how many indicators have a value that year.
#[component]
fn YearPicker(years: Arc<Vec<(i32, usize)>>, year: Option<i32>, lang: Lang) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let total = ctx.ds.indicators.len();
    let (state, go) = (ctx.state, ctx.go);
    let pick = move |ev: leptos::ev::Event| {
        let mut s = state.get_untracked();
        s.year = event_target_value(&ev).parse().ok();
        go.run(s);
    };
    let options = years
        .iter()
        .map(|(y, n)| {
            let text = crate::state::pickers::year_option(*y, *n, total, lang);
            view! { <option value=y.to_string() selected=year == Some(*y)>{text}</option> }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="year-bar">
            <label class="picker year-picker">
                <span>{lang.t("Année", "Year")}</span>
                // `selected` places the first rendering; `prop:value` the later ones (the
                // control is patched in place when the year changes, e.g. on Back).
                <select on:change=pick data-testid="year-picker" prop:value=year.map(|y| y.to_string()).unwrap_or_default()>
                    <option value="" selected=year.is_none()>{crate::state::pickers::latest_option(lang)}</option>
                    {options}
                </select>
            </label>
            {year.map(|y| view! {
                <p class="year-note" data-testid="year-note">{match lang {
                    Lang::Fr => format!("Vue de {y} : seuls les indicateurs qui ont une valeur cette année-là comptent ; les autres sont « pas de valeur pour {y} »."),
                    Lang::En => format!("View of {y}: only the indicators with a value that year count; the others read “no value for {y}”."),
                }}</p>
            })}
        </div>
    }
}

#[component]
fn Dashboard(ds: Arc<Dataset>, geo: Arc<MapGeometry>, query: RwSignal<String>) -> impl IntoView {
    if browser::fault_injected() {
        panic!("fault injected by the tests");
    }
    let cat = Arc::new(catalog(&ds));
    // A shared workshop link (`#atelier=…`) is read once, then the workshop opens (and says
    // what it brought, or asks before replacing the open deck).
    let deck_news = RwSignal::new(deck::receive_from_hash());
    if deck_news.with_untracked(Option::is_some)
        && !query.with_untracked(|q| crate::url_state::opens_workshop(q))
    {
        query.set(crate::url_state::workshop_query());
    }
    let parsed = {
        let cat = cat.clone();
        Memo::new(move |_| query.with(|q| parse(q, &cat)))
    };
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let go = {
        let cat = cat.clone();
        Callback::new(move |s: ViewState| {
            let q = to_query(&s, &cat);
            if query.with_untracked(|cur| *cur == q) {
                return;
            }
            // Only a change of view scrolls back up (reading the scroll position forces a
            // layout: 6.6 ms of a measure change's 20 when it was read on every change).
            let new_view = state.with_untracked(|cur| {
                cur.view != s.view
                    || (s.view == View::Dep && cur.dep != s.dep)
                    || (s.view == View::Region && cur.region != s.region)
            });
            browser::push_query(&q);
            query.set(q);
            if new_view {
                browser::scroll_to_top();
            }
        })
    };
    let presenting = RwSignal::new(None);
    let ctx = Ctx {
        all: ds.clone(),
        ds,
        geo,
        catalog: cat,
        state,
        go,
        presenting,
        deck_rev: RwSignal::new(0),
        deck_news,
        deps: RwSignal::new(Default::default()),
    };
    provide_context(ctx.clone());
    // A deck link pasted into this tab (no reload), and another tab's change to the decks.
    let hash = {
        let ctx = ctx.clone();
        window_event_listener(leptos::ev::hashchange, move |_| {
            if let Some(news) = deck::receive_from_hash() {
                ctx.deck_news.set(Some(news));
                ctx.deck_rev.update(|r| *r += 1);
                let mut s = ctx.state.get_untracked();
                s.view = crate::model::View::Deck;
                ctx.go.run(s);
            }
        })
    };
    let storage = {
        let rev = ctx.deck_rev;
        window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().is_some_and(|k| deck::is_deck_key(&k)) {
                rev.update(|r| *r += 1);
            }
        })
    };
    // Presentation mode: a class on <body> (the stylesheet hides the controls), arrow keys step
    // through the deck, Escape (or leaving full screen) ends it.
    Effect::new(move |_| browser::set_body_class("presenting", presenting.get().is_some()));
    let keys = {
        let ctx = ctx.clone();
        window_event_listener(leptos::ev::keydown, move |ev| {
            let Some(i) = ctx.presenting.get_untracked() else {
                return;
            };
            let n = deck::load().slides.len();
            match ev.key().as_str() {
                "ArrowRight" | "PageDown" | " " => {
                    ev.prevent_default();
                    deck::show_slide(&ctx, (i + 1).min(n.saturating_sub(1)));
                }
                "ArrowLeft" | "PageUp" => {
                    ev.prevent_default();
                    deck::show_slide(&ctx, i.saturating_sub(1));
                }
                "Escape" => deck::stop_presenting(&ctx),
                _ => {}
            }
        })
    };
    let fs = {
        let ctx = ctx.clone();
        window_event_listener(
            leptos::ev::Custom::<leptos::ev::Event>::new("fullscreenchange"),
            move |_| {
                let full = crate::browser::is_fullscreen();
                if !full && ctx.presenting.get_untracked().is_some() {
                    deck::stop_presenting(&ctx);
                }
            },
        )
    };
    on_cleanup(move || {
        keys.remove();
        fs.remove();
        hash.remove();
        storage.remove();
    });
    // Keyed on what they write: setting `<html lang>` or the title again, even to the same
    // value, makes the browser restyle the whole page on every interaction (measured: a third
    // of a measure change's work on the départements' map).
    let lang_code = Memo::new(move |_| state.with(|s| s.lang.code()));
    Effect::new(move |_| browser::set_document_lang(lang_code.get()));
    {
        let ds = ctx.ds.clone();
        let title = Memo::new(move |_| state.with(|s| crate::state::page_title(&ds, s)));
        Effect::new(move |_| title.with(|t| browser::set_title(t)));
    }

    // The language alone: what depends on it is not redone when another part of the state changes.
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    let lang = move || lang.get();
    let notices = move || {
        parsed.with(|(s, n)| {
            n.iter()
                .map(|n| {
                    view! { <p class="notice" role="status">{n.message(s.lang)}</p> }.into_any()
                })
                .collect::<Vec<_>>()
        })
    };
    // The tabs are made once per language; a change of the view only moves `aria-current`, and
    // each link's address follows the state (only the changed ones are written).
    let tabs = {
        let ctx = ctx.clone();
        move || {
            let l = lang();
            View::ALL
                .iter()
                .filter_map(|v| {
                    let v = *v;
                    let label = v.tab_label(l)?;
                    let target = {
                        let ctx = ctx.clone();
                        move || state.with(|s| s.for_tab(v, &ctx.catalog))
                    };
                    let href = {
                        let ctx = ctx.clone();
                        let target = target.clone();
                        Memo::new(move |_| ctx.href(&target()))
                    };
                    let current = Memo::new(move |_| state.with(|s| s.view == v));
                    let go = ctx.go;
                    Some(view! {
                        <a
                            class="tab"
                            href=href
                            aria-current=move || current.get().then_some("page")
                            on:click=move |ev| {
                                if !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
                                    ev.prevent_default();
                                    go.run(target());
                                }
                            }
                        >
                            {label}
                        </a>
                    })
                })
                .collect::<Vec<_>>()
        }
    };
    let toggle_lang = move |_| {
        let mut s = state.get_untracked();
        s.lang = if s.lang == Lang::Fr {
            Lang::En
        } else {
            Lang::Fr
        };
        go.run(s);
    };
    // Which view shows. A view is made again only when the language or the year changes
    // (`year_lang`, below), not on every state change (a new selection must not re-create the
    // map and lose the keyboard focus).
    let which_view = Memo::new(move |_| {
        state.with(|s| {
            // The map at the départements' level is a view of its own.
            (
                s.view,
                s.view == View::Map && s.level == crate::model::Level::Dep,
            )
        })
    });
    // The data as of the chosen year (the latest data without one), given to the views in
    // their context: they read it through the same state functions either way.
    // Keyed on the year and language only: changing view keeps the year's dataset.
    // The year, the reference and the weights (state::analysis) make the dataset every view reads.
    let year_lang =
        Memo::new(move |_| state.with(|s| (s.lang, crate::state::analysis::Choices::of(s))));
    let shown = {
        let base = ctx.ds.clone();
        Memo::new(move |_| {
            let (l, c) = year_lang.get();
            Shown(crate::state::analysis::shown(&base, &c, l))
        })
    };
    // The context of what shows the data: the year's dataset, and the state it follows.
    let ctx_with = {
        let ctx = ctx.clone();
        move |state| Ctx {
            ds: shown.get_untracked().0,
            state,
            ..ctx.clone()
        }
    };
    // Counted when the year control is first made (a step of the start of its own).
    let years = {
        let ds = ctx.ds.clone();
        Memo::new(move |_| Arc::new(crate::state::years::years(&ds)))
    };
    // The accessibility statement, from every page's footer (RGAA asks for the link there).
    let a11y_target = move || {
        let mut s = state.get();
        s.view = View::Accessibility;
        s
    };
    let a11y_href = {
        let ctx = ctx.clone();
        move || ctx.href(&a11y_target())
    };
    let open_a11y = {
        let go = ctx.go;
        move |ev: leptos::ev::MouseEvent| {
            if !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
                ev.prevent_default();
                go.run(a11y_target());
            }
        }
    };
    // Made again when the language or the year changes, or when it appears or goes (not on
    // every change of view: the map and the ranking both have it).
    let year_shown = Memo::new(move |_| {
        state.with(|s| {
            let shown = matches!(
                s.view,
                View::Map
                    | View::Ranking
                    | View::Scatter
                    | View::Region
                    | View::Compare
                    | View::Dep
            );
            shown.then_some((s.lang, s.year))
        })
    });
    let year_picker = move || {
        year_shown
            .get()
            .map(|(l, y)| view! { <YearPicker years=years.get() year=y lang=l /> })
    };
    let print_url = {
        let ctx = ctx.clone();
        move || {
            state.track();
            super::export::permalink(&ctx)
        }
    };
    // The printed page's source line: the producers and years of what the view shows (as in the
    // exports), then the view's link.
    let print_sources = {
        move || {
            let ds = shown.get().0;
            state.with(|s| {
                let sources = crate::export::source_line(&ds, s);
                let l = s.lang;
                match sources {
                    Some(src) if !src.is_empty() => format!(
                        "{} : {src} — {} — ",
                        l.t("Sources", "Sources"),
                        l.t(
                            "Fragilités régionales (Observatoire des partenariats)",
                            "Regional fragility (Observatoire des partenariats)"
                        )
                    ),
                    _ => format!(
                        "{} — ",
                        l.t(
                            "Source : Fragilités régionales (Observatoire des partenariats)",
                            "Source: Regional fragility (Observatoire des partenariats)"
                        )
                    ),
                }
            })
        }
    };
    // Made again with the data it exports (the language, the year, the reference, the weights),
    // not on a change of view: it follows the state.
    let export_bar = {
        let ctx_with = ctx_with.clone();
        move || {
            let _ = year_lang.get();
            provide_context(ctx_with(state));
            view! { <ExportBar /> }
        }
    };
    // Built in steps, each in a task of its own (context::step): the page's frame, the toolbar,
    // the view's main part, its controls, the rest; out of sight (`body.building`) until the
    // last step takes the static first view's place at once.
    let step = RwSignal::new(0u8);
    provide_context(super::context::Build(step.read_only()));
    leptos::task::spawn_local(async move {
        for n in 1..=super::context::step::LAST {
            browser::next_task().await;
            step.set(n);
        }
        browser::next_task().await;
        // A region picked on the static first view meanwhile (first-view.js): the dashboard
        // shows that choice as it takes the static view's place.
        follow_url(query);
        browser::remove_first_view();
        browser::set_body_class("building", false);
        // The exports' worker and its wasm: a few seconds after the app's own start, when the
        // page is idle (or at once when an export is near: the export bar, the workshop).
        browser::warm_exports(3000);
    });
    // The view: built once, kept while another one shows (kept.rs), placed before the printed
    // page's source line; first made at the build's step VIEW (`built` reads the step from the
    // context provided above).
    let marker = NodeRef::<leptos::html::P>::new();
    super::kept::keep_views(
        which_view,
        year_lang,
        state,
        super::context::built(super::context::step::VIEW),
        marker,
        ctx_with,
        |(v, dep_map)| {
            let view = match v {
                View::Map if dep_map => view! { <super::dep::DepMapView /> }.into_any(),
                View::Map => view! { <MapView /> }.into_any(),
                View::Region => view! { <RegionView /> }.into_any(),
                View::Compare => view! { <CompareView /> }.into_any(),
                View::Ranking => view! { <RankingView /> }.into_any(),
                View::Scatter => view! { <super::scatter::ScatterView /> }.into_any(),
                View::Acteurs => view! { <ActeursView /> }.into_any(),
                View::Method => view! { <MethodView /> }.into_any(),
                View::Deck => view! { <DeckView /> }.into_any(),
                View::Accessibility => view! { <AccessibilityView /> }.into_any(),
                View::Dep => view! { <super::dep::DepView /> }.into_any(),
            };
            // A box of its own, so that every part of the view keeps a parent while the
            // view is out of the page (`display: contents`: no box in the layout).
            view! { <div class="view-slot">{view}</div> }.into_any()
        },
    );
    let toolbar_ready = super::context::built(super::context::step::TOOLBAR);
    let tabs_ready = super::context::built(super::context::step::TABS);
    view! {
        <a class="skip" href="#main">{move || lang().t("Aller au contenu", "Skip to content")}</a>
        <header class="top">
            <div class="brand">
                <h1>{move || lang().t("Fragilités régionales", "Regional fragility")}</h1>
                <p class="tagline">{move || lang().t("Les 13 régions de France métropolitaine comparées à la moyenne nationale", "The 13 regions of metropolitan France compared with the national average")}</p>
            </div>
            <button class="lang" on:click=toggle_lang lang=move || if lang() == Lang::Fr { "en" } else { "fr" }>
                {move || lang().t("English", "Français")}
            </button>
        </header>
        <nav class="tabs" aria-label=move || lang().t("Vues", "Views")>{move || tabs_ready.get().then(|| tabs.clone())}</nav>
        <main id="main" tabindex="-1">
            {notices}
            <div class="toolbar">
                {move || toolbar_ready.get().then(|| (year_picker, export_bar.clone()))}
            </div>
            <p class="print-source" node_ref=marker>{print_sources}<span class="print-url">{print_url}</span></p>
        </main>
        <Show when=move || presenting.get().is_some()>
            <PresentStage />
            <PresentBar />
        </Show>
        <footer class="foot">
            <p><a href=a11y_href on:click=open_a11y>{move || lang().t("Accessibilité : non conforme (déclaration)", "Accessibility: not compliant (statement)")}</a></p>
            <p>{move || lang().t(
                "Données publiques : INSEE, DREES, SSMSI, Eurostat, ARCEP, JRC, Observatoire des territoires ; decks de l'Observatoire des partenariats. Aucun cookie, aucun traceur.",
                "Public data: INSEE, DREES, SSMSI, Eurostat, ARCEP, JRC, Observatoire des territoires; decks of the Observatoire des partenariats. No cookie, no tracker.",
            )}</p>
        </footer>
    }
}
