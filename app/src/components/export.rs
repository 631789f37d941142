//! The export bar on every view: PNG 2×/4× and SVG in a 16:9 or A4 frame, CSV (French or
//! international), copy the image or the link, add the view to the workshop deck. Everything runs
//! in the page (no network): the SVG is built in Rust (`export::svg`), drawn on a canvas for PNG.

use super::context::Ctx;
use crate::browser::{copy_png, copy_text, download, now_ms, svg_to_png, text_blob, today};
use crate::export::{self, csv::Variant, svg::Frame};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

/// The absolute link of the current view.
pub fn permalink(ctx: &Ctx) -> String {
    let base = crate::browser::page_base();
    let q = ctx
        .state
        .with_untracked(|s| crate::url_state::to_query(s, &ctx.catalog));
    format!("{base}{q}")
}

/// Whether a state is one of the département level's views (their data is downloaded apart).
fn is_dep_view(s: &crate::model::ViewState) -> bool {
    s.view == crate::model::View::Dep
        || (s.view == crate::model::View::Map && s.level == crate::model::Level::Dep)
}

/// The export of a state: the département level's from its files (asked for when they are not
/// there yet: a reactive caller runs again once they are), the others' from the dataset.
pub fn content_of(ctx: &Ctx, s: &crate::model::ViewState) -> Option<export::Export> {
    if !is_dep_view(s) {
        return export::content(&ctx.ds, s);
    }
    let dl = ctx.deps.with(|d| match d {
        super::context::DepLoad::Ready(l) => Some(l.clone()),
        _ => None,
    });
    match dl {
        Some(dl) => {
            let dl = match s.year {
                Some(y) => std::sync::Arc::new(crate::state::dep::at_year(&dl, &ctx.ds, y, s.lang)),
                None => dl,
            };
            export::dep::content(&ctx.ds, &dl, s)
        }
        None => {
            super::dep::want(ctx.deps);
            None
        }
    }
}

fn document(ctx: &Ctx, frame: Frame) -> Option<(String, String)> {
    let s = ctx.state.get_untracked();
    let link = permalink(ctx);
    document_of(ctx, &s, None, &link, frame)
}

/// The export's drawing of a state, framed: what the export files, the presentation and the
/// deck's print show. `title` replaces the view's own (a slide the user renamed).
pub fn document_of(
    ctx: &Ctx,
    s: &crate::model::ViewState,
    title: Option<&str>,
    link: &str,
    frame: Frame,
) -> Option<(String, String)> {
    let mut e = content_of(ctx, s)?;
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        e.title = t.to_string();
    }
    let d = today();
    let date = export::long_date(d[0], d[1], d[2], s.lang);
    let svg = export::svg::document(&e, &ctx.geo, frame, &date, link, s.lang);
    Some((svg, format!("fragilites-{}-{}", e.slug, frame.key())))
}

async fn png(svg: &str, frame: Frame, scale: f64) -> Result<JsValue, JsValue> {
    let (w, h) = frame.size();
    wasm_bindgen_futures::JsFuture::from(svg_to_png(svg, w, h, scale)?).await
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let frame = RwSignal::new(Frame::Wide);
    // What happened last, read by screen readers (role=status); `ms` feeds the benchmark.
    // The bar stays from view to view: a message says what happened on the view it was given on.
    let status = RwSignal::new((String::new(), ctx.state.with_untracked(|s| s.view)));
    let on_view = ctx.state;
    // Its menu, too, is open only on the view it was opened on.
    let menu_open_on = RwSignal::new(None);
    let ms = RwSignal::new(0.0f64);
    let say = move |m: &str| status.set((m.to_string(), on_view.with_untracked(|s| s.view)));
    let failed = move |what: &str, e: JsValue| {
        let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
        crate::browser::warn(&format!("{what}: {detail}"));
        say(&format!(
            "{} ({what})",
            lang.t("Échec de l'export", "Export failed")
        ));
    };
    let export_png = {
        let ctx = ctx.clone();
        move |scale: f64| {
            let ctx = ctx.clone();
            let f = frame.get_untracked();
            let t0 = now_ms();
            spawn_local(async move {
                let Some((svg, name)) = document(&ctx, f) else {
                    return;
                };
                match png(&svg, f, scale).await {
                    Ok(blob) => {
                        download(&blob, &format!("{name}@{scale}x.png"));
                        ms.set(now_ms() - t0);
                        say(lang.t("Image PNG enregistrée", "PNG image saved"));
                    }
                    Err(e) => failed("PNG", e),
                }
            });
        }
    };
    let export_svg = {
        let ctx = ctx.clone();
        move |_| {
            if let Some((svg, name)) = document(&ctx, frame.get_untracked()) {
                download(&text_blob(&svg, "image/svg+xml"), &format!("{name}.svg"));
                say(lang.t("Image SVG enregistrée", "SVG image saved"));
            }
        }
    };
    let export_csv = {
        let ctx = ctx.clone();
        move |variant: Variant| {
            let s = ctx.state.get_untracked();
            let csv = if is_dep_view(&s) {
                content_of(&ctx, &s).map(|e| export::csv::of_export(&e, s.lang, variant))
            } else {
                export::csv::of_view(&ctx.ds, &s, variant)
            };
            if let Some((text, slug)) = csv {
                download(
                    &text_blob(&text, "text/csv;charset=utf-8"),
                    &format!("fragilites-{slug}-{}.csv", variant.key()),
                );
                say(lang.t("Tableau CSV enregistré", "CSV table saved"));
            }
        }
    };
    let copy_image = {
        let ctx = ctx.clone();
        move |_| {
            let ctx = ctx.clone();
            let f = frame.get_untracked();
            spawn_local(async move {
                let Some((svg, _)) = document(&ctx, f) else {
                    return;
                };
                let done = async {
                    let blob = png(&svg, f, 2.0).await?;
                    wasm_bindgen_futures::JsFuture::from(copy_png(&blob)?).await
                };
                match done.await {
                    Ok(_) => say(lang.t(
                        "Image copiée : collez-la dans votre diapositive",
                        "Image copied: paste it into your slide",
                    )),
                    Err(e) => failed(lang.t("copie de l'image", "copying the image"), e),
                }
            });
        }
    };
    let copy_link = {
        let ctx = ctx.clone();
        move |_| {
            let link = permalink(&ctx);
            spawn_local(async move {
                let done = async { wasm_bindgen_futures::JsFuture::from(copy_text(&link)?).await };
                match done.await {
                    Ok(_) => say(lang.t("Lien copié", "Link copied")),
                    Err(e) => failed(lang.t("copie du lien", "copying the link"), e),
                }
            });
        }
    };
    let add_to_deck = {
        let ctx = ctx.clone();
        move |_| {
            use super::deck::Added;
            match super::deck::add_current(&ctx) {
                Added::Saved(n) => say(&match lang {
                    Lang::Fr => format!(
                        "Vue ajoutée à l'atelier ({n} vue{})",
                        if n > 1 { "s" } else { "" }
                    ),
                    Lang::En => format!(
                        "View added to the workshop ({n} view{})",
                        if n > 1 { "s" } else { "" }
                    ),
                }),
                Added::Full => say(&match lang {
                    Lang::Fr => format!("L'atelier est plein ({} vues) : retirez-en une dans l'Atelier pour ajouter celle-ci.", crate::deck::MAX_SLIDES),
                    Lang::En => format!("The workshop is full ({} views): remove one in the Workshop to add this one.", crate::deck::MAX_SLIDES),
                }),
                Added::NotSaved => say(lang.t(
                    "Vue non ajoutée : ce navigateur refuse d'enregistrer l'atelier (stockage plein ou bloqué). Exportez l'atelier en fichier depuis l'onglet Atelier.",
                    "View not added: this browser refuses to save the workshop (storage full or blocked). Export the workshop as a file from the Workshop tab.",
                )),
            }
        }
    };
    let p2 = export_png.clone();
    let p4 = export_png;
    let c_fr = export_csv.clone();
    let c_intl = export_csv;
    let chart = chart_choice(&ctx);
    let hidden = move || {
        ctx.state.with(|s| {
            matches!(
                s.view,
                crate::model::View::Method | crate::model::View::Accessibility
            )
        })
    };
    // One "Exporter" menu (formats, graphic, images, tables), with the two quick actions
    // beside it: on a phone the bar is one line, not a third of the screen.
    view! {
        <section class="export" aria-label=lang.t("Exporter et partager cette vue", "Export and share this view") hidden=hidden>
            <details
                class="export-menu"
                data-testid="export-menu"
                prop:open=move || on_view.with(|s| menu_open_on.get() == Some(s.view))
                on:toggle=move |ev| {
                    let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                    menu_open_on.set(open.then(|| on_view.with_untracked(|s| s.view)));
                }
            >
                <summary class="button">{lang.t("Exporter", "Export")}</summary>
                <div class="export-panel">
                    <label class="frame">
                        {lang.t("Format", "Frame")} " "
                        <select on:change=move |ev| frame.set(if event_target_value(&ev) == "a4" { Frame::A4 } else { Frame::Wide })>
                            <option value="16x9" selected=true>"16:9"</option>
                            <option value="a4">{lang.t("A4 paysage", "A4 landscape")}</option>
                        </select>
                    </label>
                    {chart}
                    <div class="export-buttons" role="group" aria-label=lang.t("Image", "Image")>
                        <button data-export="png2" on:click=move |_| p2(2.0)>"PNG 2×"</button>
                        <button data-export="png4" on:click=move |_| p4(4.0)>"PNG 4×"</button>
                        <button data-export="svg" on:click=export_svg>"SVG"</button>
                        <button data-export="copy-image" on:click=copy_image>{lang.t("Copier l'image", "Copy image")}</button>
                    </div>
                    <div class="export-buttons" role="group" aria-label=lang.t("Données de la vue", "The view's data")>
                        <button data-export="csv-fr" on:click=move |_| c_fr(Variant::French)>{lang.t("CSV (Excel FR)", "CSV (French)")}</button>
                        <button data-export="csv-intl" on:click=move |_| c_intl(Variant::International)>{lang.t("CSV (international)", "CSV (international)")}</button>
                    </div>
                    <DatasetDownloads />
                </div>
            </details>
            <button data-export="copy-link" on:click=copy_link>{lang.t("Copier le lien", "Copy link")}</button>
            <button data-export="deck-add" on:click=add_to_deck>{lang.t("+ Atelier", "+ Workshop")}</button>
            <p class="export-status" role="status" data-ms=move || format!("{:.1}", ms.get())>{move || status.with(|(m, v)| on_view.with(|s| s.view == *v).then(|| m.clone()))}</p>
        </section>
    }
}

/// The whole dataset (every indicator and domain × region × year, OWID-style long format) and
/// its metadata (every indicator's card), as two CSV files.
#[component]
pub fn DatasetDownloads() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let all = ctx.all.clone();
    let file = move |which: &'static str| {
        let (table, meta) = match which {
            "data" => {
                let (t, m) = export::tidy::whole(&all, lang);
                (t, Some(m))
            }
            _ => (export::tidy::metadata(&all, lang), None),
        };
        let text = export::csv::write_table(&table, meta.as_deref(), lang, Variant::French);
        let name = match which {
            "data" => lang.t(
                "fragilites-donnees-completes.csv",
                "fragility-full-dataset.csv",
            ),
            _ => lang.t("fragilites-metadonnees.csv", "fragility-metadata.csv"),
        };
        download(&text_blob(&text, "text/csv;charset=utf-8"), name);
    };
    let f2 = file.clone();
    view! {
        <div class="export-buttons" role="group" aria-label=lang.t("Tout le jeu de données", "The whole dataset")>
            <button data-export="dataset-csv" on:click=move |_| file("data")>{lang.t("Tout le jeu de données (CSV)", "The whole dataset (CSV)")}</button>
            <button data-export="metadata-csv" on:click=move |_| f2("meta")>{lang.t("Métadonnées (CSV)", "Metadata (CSV)")}</button>
        </div>
    }
}

/// Which graphic the export draws, on the views that have several: a region's domains (bars)
/// or its lines over the years (the domains, or one indicator), the comparison's bars or its
/// lines. The choice is in the link (`chart=lines`, `series=`), so the deck keeps it.
fn chart_choice(ctx: &Ctx) -> impl IntoView {
    use crate::model::View;
    let lang = ctx.lang();
    let (state, go, ds) = (ctx.state, ctx.go, ctx.ds.clone());
    let choices = move || {
        let s = state.get();
        let over_years = |i: &datafrag::model::IndicatorOut| {
            let label = lang.pick(&i.meta.label_fr, &i.meta.label_en);
            format!("{label} {}", lang.t("au fil des années", "over the years"))
        };
        let bars = (
            String::new(),
            lang.t("Domaines (barres)", "Domains (bars)").to_string(),
        );
        let out: Vec<(String, String)> = match s.view {
            // The region's domains over the years, or any of its indicators with a series.
            View::Region => [
                bars,
                (
                    "lines".into(),
                    lang.t("Domaines au fil des années", "Domains over the years")
                        .into(),
                ),
            ]
            .into_iter()
            .chain(
                ds.indicators
                    .iter()
                    .filter(|i| crate::state::trajectory::has_series(i))
                    .map(|i| (format!("lines:{}", i.meta.id), over_years(i))),
            )
            .collect(),
            // The comparison's lines are those of the indicator it follows.
            View::Compare => std::iter::once(bars)
                .chain(
                    crate::state::trajectory::followed(&ds, s.series.as_deref())
                        .map(|i| ("lines".to_string(), over_years(i))),
                )
                .collect(),
            _ => return None,
        };
        let current = match (s.lines, s.view, s.series.as_deref()) {
            (false, _, _) => String::new(),
            (true, View::Region, Some(id)) => format!("lines:{id}"),
            (true, _, _) => "lines".into(),
        };
        let options = out
            .into_iter()
            .map(|(v, l)| {
                let sel = v == current;
                view! { <option value=v selected=sel>{l}</option> }
            })
            .collect::<Vec<_>>();
        let pick = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let mut s = state.get_untracked();
            s.lines = !v.is_empty();
            if let Some(id) = v.strip_prefix("lines:") {
                s.series = Some(id.to_string());
            } else if s.view == View::Region {
                s.series = None;
            }
            go.run(s);
        };
        Some(view! {
            <label class="frame">
                {lang.t("Graphique", "Graphic")} " "
                <select data-testid="export-chart" on:change=pick>{options}</select>
            </label>
        })
    };
    choices
}
