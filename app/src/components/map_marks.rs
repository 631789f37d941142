//! The map's SVG elements: one per mark of the drawing (`graphics::map`), the regions and
//! tiles as buttons that answer the pointer and the keyboard; their fills and words follow the
//! scene, so a new measure repaints without re-creating the paths.

use crate::graphics::{Mark, Scene};
use crate::i18n::Lang;
use crate::palette::MISSING;
use crate::state::map::MapState;
use leptos::prelude::*;

/// What the map's elements need to follow the state and to answer the pointer and the keyboard.
#[derive(Clone, Copy)]
pub(super) struct Interact {
    pub(super) map: Memo<Option<MapState>>,
    pub(super) scene: Memo<Option<Scene>>,
    pub(super) selected: Memo<Option<String>>,
    pub(super) hovered: RwSignal<Option<String>>,
    pub(super) select: Callback<Option<String>>,
    /// The tooltip's cursor position; the keyboard focus clears it (the tooltip then stands
    /// at the region's label).
    pub(super) tip: RwSignal<Option<(f64, f64)>>,
    pub(super) lang: Lang,
}

/// The fill of the mark at (i, j) in the current scene.
fn fill_at(scene: Memo<Option<Scene>>, i: usize, j: Option<usize>) -> String {
    scene.with(|s| match s.as_ref().and_then(|s| s.at(i, j)) {
        Some(Mark::Rect { fill, .. } | Mark::Path { fill, .. }) => fill.clone(),
        Some(Mark::Text(t)) => t.fill.clone(),
        _ => MISSING.to_string(),
    })
}

/// The words of region `code` on the current measure ("Occitanie : indice 112 (3e plus fragile sur 13), …").
pub(super) fn description(map: Memo<Option<MapState>>, code: &str) -> String {
    map.with(|m| {
        m.as_ref()
            .and_then(|m| m.rows.iter().find(|r| r.code == code))
            .map(|r| r.description.clone())
            .unwrap_or_default()
    })
}

/// The drawing's elements, made once (their fills and words then follow the scene).
pub(super) fn scene_view(ix: Interact) -> Option<Vec<AnyView>> {
    ix.scene.with_untracked(|s| {
        s.as_ref().map(|s| {
            s.marks
                .iter()
                .enumerate()
                .map(|(i, m)| view_mark(i, None, m, ix))
                .collect()
        })
    })
}

/// The map's line under it: what the area under the pointer or the focus (else the chosen
/// one) reads on the measure, or how to read them (`hint`).
pub(super) fn info_text(map: Memo<Option<MapState>>, code: Option<String>, hint: &str) -> String {
    map.with(|m| {
        let m = m.as_ref()?;
        code.and_then(|c| m.rows.iter().find(|r| r.code == c))
            .map(|r| r.description.clone())
    })
    .unwrap_or_else(|| hint.to_string())
}

/// The legend beside a map: the palette's classes around France = 100 (the reference named),
/// and the grey of a missing value.
pub(super) fn legend_view(map: Memo<Option<MapState>>, lang: Lang) -> impl IntoView {
    // Its classes and the reference's words only: most measures share them, and the list is
    // then not redrawn when the measure changes.
    let legend = Memo::new(move |_| {
        map.with(|m| {
            m.as_ref()
                .map(|m| (m.legend.clone(), m.info.reference_line.clone()))
        })
    });
    let unit = Memo::new(move |_| {
        map.with(|m| {
            m.as_ref()
                .map(|m| m.info.index_unit.clone())
                .unwrap_or_default()
        })
    });
    let items = move || {
        legend.with(|l| {
            l.as_ref().map(|(items, reference)| {
                items
                    .iter()
                    .map(|l| {
                        let france = l.is_france.then(|| view! { <span class="france-mark">{format!(" ← {reference}")}</span> });
                        view! { <li><span class="swatch" style:background=l.color></span>{l.label.clone()}{france}</li> }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="legend-box" role="group" aria-labelledby="legend-title">
            <p class="legend-title" id="legend-title">{move || format!("{} — {}", unit.get(), lang.t("plus haut = plus fragile", "higher = more fragile"))}</p>
            <ul class="legend">
                {items}
                <li><span class="swatch" style:background=MISSING></span>{lang.t("non disponible", "not available")}</li>
            </ul>
        </div>
    }
}

/// One mark of the map's drawing as an SVG element; the regions and tiles (keyed marks) are
/// buttons that select a region.
pub(super) fn view_mark(i: usize, j: Option<usize>, mark: &Mark, ix: Interact) -> AnyView {
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
                            on:blur=move |_| ix.hovered.set(None)
                        ></path>
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
                    class=(!t.role.is_empty()).then_some(t.role)
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
        // Borders drawn over the areas (the regions' over the départements): not a button.
        Mark::Path { d, fill, stroke, width, key: None, .. } => view! {
            <path class="border" d=d.clone() fill=fill.clone() stroke=stroke.clone() stroke-width=*width stroke-linejoin="round" pointer-events="none"></path>
        }
        .into_any(),
        // The map has no series or dots.
        Mark::Polyline { .. } | Mark::Circle { .. } => ().into_any(),
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
        move |_| {
            ix.tip.set(None);
            ix.hovered.set(Some(c.clone()));
        }
    }
}
