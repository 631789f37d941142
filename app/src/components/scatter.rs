//! The scatter view: two measures at once, one dot per region (the drawing is
//! `graphics::scatter`, the export's). A dot is a button: click, tap, Enter or Space selects its
//! region, whose values the reading line below says; the table behind holds every value.

use super::context::Ctx;
use super::measure::{AxisPickers, MeasureSources};
use super::table::DataTable;
use crate::graphics::{svg::anchor, Mark};
use crate::state::scatter::scatter_state;
use leptos::prelude::*;

#[component]
pub fn ScatterView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let state = ctx.state;
    let go = ctx.go;
    let ds = ctx.ds.clone();
    let catalog = ctx.catalog.clone();
    let axes = Memo::new(move |_| state.with(|s| (s.measure.clone(), s.y_measure(&catalog))));
    let st = Memo::new(move |_| axes.with(|(x, y)| scatter_state(&ds, x, y, lang)));
    let selected = Memo::new(move |_| state.with(|s| s.region.clone()));
    let scene = Memo::new(move |_| {
        st.with(|st| {
            st.as_ref().map(|st| {
                crate::graphics::scatter::scatter(
                    &st.spec(selected.get().as_deref(), lang),
                    crate::browser::chart_width(crate::graphics::scatter::WIDTH),
                    lang,
                )
            })
        })
    });
    // Selecting a region again clears the selection; the keyboard keeps its place on the dot
    // (the drawing is made anew around it).
    let select = move |code: String, by_key: bool| {
        let mut s = state.get_untracked();
        s.region = if s.region.as_deref() == Some(code.as_str()) {
            None
        } else {
            Some(code.clone())
        };
        go.run(s);
        if by_key {
            crate::browser::focus_after_render(format!(".scatter-plot [data-key=\"{code}\"]"));
        }
    };
    let title = move || {
        st.with(|s| {
            s.as_ref()
                .map(|s| {
                    format!(
                        "{} — {} × {}",
                        lang.t("Croiser deux mesures", "Two measures"),
                        s.x.info.title,
                        s.y.info.title
                    )
                })
                .unwrap_or_default()
        })
    };
    let plot = move || {
        let Some(sc) = scene.get() else {
            return view! { <p class="notice">{lang.t("Ces mesures ne sont pas disponibles.", "These measures are not available.")}</p> }.into_any();
        };
        let label = st.with(|s| {
            s.as_ref()
                .map(|s| match lang {
                    crate::i18n::Lang::Fr => format!("Nuage de points : {} en abscisse, {} en ordonnée, une région par point ; le tableau ci-dessous donne les valeurs", s.x.label, s.y.label),
                    crate::i18n::Lang::En => format!("Scatter plot: {} across, {} up, one region per dot; the table below gives the values", s.x.label, s.y.label),
                })
                .unwrap_or_default()
        });
        let marks = sc
            .flat()
            .into_iter()
            .map(|m| match m {
                Mark::Line { x1, y1, x2, y2, stroke, width, dash } => view! {
                    <line x1=*x1 y1=*y1 x2=*x2 y2=*y2 stroke=stroke.clone() stroke-width=*width stroke-dasharray=dash.then_some("4 3")></line>
                }
                .into_any(),
                Mark::Text(t) => view! {
                    <text x=t.x y=t.y font-size=t.size text-anchor=anchor(t.anchor) font-weight=t.bold.then_some("bold") fill=t.fill.clone() aria-hidden="true">{t.text.clone()}</text>
                }
                .into_any(),
                Mark::Circle { cx, cy, r, fill, stroke, key: Some(key), title } => {
                    let code = key.clone();
                    let c2 = key.clone();
                    let words = title.clone().unwrap_or_default();
                    let tip = words.clone();
                    let pressed = selected.with_untracked(|s| s.as_deref() == Some(key.as_str()));
                    // The group is the button; its invisible disc is a finger's target
                    // (WCAG 2.5.8, 24 px and more on a phone).
                    view! {
                        <g
                            class="dot"
                            data-key=key.clone()
                            role="button"
                            tabindex="0"
                            aria-pressed=if pressed { "true" } else { "false" }
                            aria-label=words
                            on:click=move |_| select(code.clone(), false)
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    select(c2.clone(), true);
                                }
                            }
                        >
                            <title>{tip}</title>
                            <circle class="hit" cx=*cx cy=*cy r="16" fill="transparent"></circle>
                            <circle class="mark" cx=*cx cy=*cy r=*r fill=fill.clone() stroke=stroke.clone() stroke-width="1.5"></circle>
                        </g>
                    }
                    .into_any()
                }
                _ => ().into_any(),
            })
            .collect::<Vec<_>>();
        view! {
            <svg class="scatter-plot" viewBox=format!("0 0 {} {}", sc.width, sc.height) role="group" aria-label=label data-testid="scatter-plot">
                {marks}
            </svg>
        }
        .into_any()
    };
    let reading = move || {
        let code = selected.get();
        st.with(|s| {
            let s = s.as_ref()?;
            Some(match code.and_then(|c| s.rows.iter().find(|r| r.code == c)) {
                Some(r) => s.describe(r, lang),
                None => lang
                    .t(
                        "Choisissez un point (clic, toucher, ou Tab puis Entrée) pour lire ses valeurs.",
                        "Pick a dot (click, tap, or Tab then Enter) to read its values.",
                    )
                    .to_string(),
            })
        })
    };
    let correlation = move || st.with(|s| s.as_ref().and_then(|s| s.correlation_text(lang)));
    let region_link = move || {
        let code = selected.get()?;
        let mut s = state.get_untracked();
        s.view = crate::model::View::Region;
        s.region = Some(code);
        let target = s.clone();
        let href = ctx.href(&s);
        Some(view! {
            <a href=href on:click=move |ev: leptos::ev::MouseEvent| {
                if !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
                    ev.prevent_default();
                    go.run(target.clone());
                }
            }>{lang.t("Voir la fiche de la région", "Open the region's page")}</a>
        })
    };
    let table = Signal::derive(move || {
        st.with(|s| {
            s.as_ref()
                .map(|s| crate::state::tables::scatter(s, lang))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="view scatter-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{title}</h2>
                <div class="controls">
                    <AxisPickers />
                </div>
            </div>
            <p class="hint">{lang.t(
                "Chaque point est une région ; les pointillés marquent la référence. Les coins disent de quel côté chaque mesure est plus fragile.",
                "Each dot is a region; the dashed lines mark the reference. The corners say on which side each measure is more fragile.",
            )}</p>
            <div class="scatter-wrap">{plot}</div>
            <p class="info-line" aria-live="polite" data-testid="scatter-reading">{reading} " " {region_link}</p>
            <p class="hint" data-testid="scatter-correlation">{correlation}</p>
            <DataTable table=table lang=lang test_id="scatter-table" />
            <MeasureSources />
        </section>
    }
}
