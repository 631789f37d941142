//! The export bar on every view: PNG 2×/4× and SVG in a 16:9 or A4 frame, CSV (French or
//! international), copy the image or the link, add the view to the workshop deck. Everything runs
//! in the page (no network once loaded): the SVG and the CSV are made by the export worker
//! (`export::render`, its wasm apart from the app's), the SVG drawn on a canvas for PNG.

use super::context::Ctx;
use crate::browser::{copy_png, copy_text, download, now_ms, svg_to_png, text_blob};
use crate::export::{csv::Variant, render::Op, svg::Frame};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

/// The absolute link of the current view.
pub fn permalink(ctx: &Ctx) -> String {
    format!("{}{}", crate::browser::page_base(), query(ctx))
}

/// What the export worker (`app::export::render`, `assets/export-worker.js`) makes of a view,
/// given as its query, in the dashboard's language; `title` replaces the view's own (a slide
/// the user renamed). The link printed on images is the view's own address.
pub async fn ask(ctx: &Ctx, op: Op, query: &str, title: &str) -> Result<(String, String), JsValue> {
    let lang = ctx.state.with_untracked(|s| s.lang);
    let link = format!("{}{query}", crate::browser::page_base());
    // A slide's name is not worth a wait (the view's key stands in); a file is, up to the data
    // files' own time limit.
    let ms = match op {
        Op::Title => 3000,
        _ => crate::browser::data_timeout_ms(),
    };
    crate::browser::ask_export(&op.key(), query, lang, title, &link, ms).await
}

/// The current view's query.
fn query(ctx: &Ctx) -> String {
    ctx.state
        .with_untracked(|s| crate::url_state::to_query(s, &ctx.catalog))
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
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
    // On the view an action was taken on (its answer may come after the page has moved on).
    let say_on = move |v, m: &str| status.set((m.to_string(), v));
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
            let q = query(&ctx);
            spawn_local(async move {
                let done = async {
                    let (svg, name) = ask(&ctx, Op::Svg(f), &q, "").await?;
                    Ok::<_, JsValue>((png(&svg, f, scale).await?, name))
                };
                match done.await {
                    Ok((blob, name)) => {
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
            let (ctx, q) = (ctx.clone(), query(&ctx));
            let f = frame.get_untracked();
            spawn_local(async move {
                match ask(&ctx, Op::Svg(f), &q, "").await {
                    Ok((svg, name)) => {
                        download(&text_blob(&svg, "image/svg+xml"), &format!("{name}.svg"));
                        say(lang.t("Image SVG enregistrée", "SVG image saved"));
                    }
                    Err(e) => failed("SVG", e),
                }
            });
        }
    };
    let export_csv = {
        let ctx = ctx.clone();
        move |variant: Variant| {
            let (ctx, q) = (ctx.clone(), query(&ctx));
            spawn_local(async move {
                match ask(&ctx, Op::Csv(variant), &q, "").await {
                    Ok((text, name)) => {
                        download(
                            &text_blob(&text, "text/csv;charset=utf-8"),
                            &format!("{name}.csv"),
                        );
                        say(lang.t("Tableau CSV enregistré", "CSV table saved"));
                    }
                    Err(e) => failed("CSV", e),
                }
            });
        }
    };
    let copy_image = {
        let ctx = ctx.clone();
        move |_| {
            let ctx = ctx.clone();
            let f = frame.get_untracked();
            let q = query(&ctx);
            spawn_local(async move {
                let done = async {
                    let (svg, _) = ask(&ctx, Op::Svg(f), &q, "").await?;
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
            // The view as it is at the click (the page may have moved on when the name comes).
            let (ctx, q, view) = (
                ctx.clone(),
                query(&ctx),
                ctx.state.with_untracked(|s| s.view),
            );
            spawn_local(async move {
                // The slide's name is the export's title (the view's key if the worker cannot say).
                let name = match ask(&ctx, Op::Title, &q, "").await {
                    Ok((title, _)) => title,
                    Err(_) => view.key().to_string(),
                };
                let full = crate::deck::MAX_SLIDES;
                say_on(view, &match (super::deck::add_view(&q, &name), lang) {
                    (Added::Saved(n), Lang::Fr) => {
                        format!("Vue ajoutée à l'atelier ({n} vue{})", plural(n))
                    }
                    (Added::Saved(n), Lang::En) => {
                        format!("View added to the workshop ({n} view{})", plural(n))
                    }
                    (Added::Full, Lang::Fr) => format!("L'atelier est plein ({full} vues) : retirez-en une dans l'Atelier pour ajouter celle-ci."),
                    (Added::Full, Lang::En) => format!("The workshop is full ({full} views): remove one in the Workshop to add this one."),
                    (Added::NotSaved, _) => lang.t(
                        "Vue non ajoutée : ce navigateur refuse d'enregistrer l'atelier (stockage plein ou bloqué). Exportez l'atelier en fichier depuis l'onglet Atelier.",
                        "View not added: this browser refuses to save the workshop (storage full or blocked). Export the workshop as a file from the Workshop tab.",
                    ).to_string(),
                });
            });
        }
    };
    let p2 = export_png.clone();
    let p4 = export_png;
    let c_fr = export_csv.clone();
    let c_intl = export_csv;
    let chart = chart_choice(&ctx);
    let hidden = move || {
        ctx.state.with(|s| {
            // Pages with nothing to draw; the workshop has its own file, link and print.
            matches!(
                s.view,
                crate::model::View::Method
                    | crate::model::View::Accessibility
                    | crate::model::View::Deck
            )
        })
    };
    // One "Exporter" menu (formats, graphic, images, tables), with the two quick actions
    // beside it: on a phone the bar is one line, not a third of the screen.
    view! {
        <section class="export" aria-label=lang.t("Exporter et partager cette vue", "Export and share this view") hidden=hidden
            on:pointerenter=|_| crate::browser::want_exports() on:focusin=|_| crate::browser::want_exports()>
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
    let failed = move |e: JsValue| {
        let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
        crate::browser::warn(&format!("CSV: {detail}"));
    };
    let file = {
        let ctx = ctx.clone();
        move |op: Op| {
            let ctx = ctx.clone();
            spawn_local(async move {
                match ask(&ctx, op, "", "").await {
                    Ok((text, name)) => download(
                        &text_blob(&text, "text/csv;charset=utf-8"),
                        &format!("{name}.csv"),
                    ),
                    Err(e) => failed(e),
                }
            });
        }
    };
    let f2 = file.clone();
    view! {
        <div class="export-buttons" role="group" aria-label=lang.t("Tout le jeu de données", "The whole dataset")>
            <button data-export="dataset-csv" on:click=move |_| file(Op::Dataset)>{lang.t("Tout le jeu de données (CSV)", "The whole dataset (CSV)")}</button>
            <button data-export="metadata-csv" on:click=move |_| f2(Op::Metadata)>{lang.t("Métadonnées (CSV)", "Metadata (CSV)")}</button>
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
