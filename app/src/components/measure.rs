//! The measure picker: a domain (its index) or one of its indicators.

use super::context::Ctx;
use crate::model::Measure;
use leptos::prelude::*;

/// The measure shown (the map's, the ranking's, the scatter plot's horizontal axis).
#[component]
pub fn MeasurePicker() -> impl IntoView {
    let lang = expect_context::<Ctx>().lang();
    picker(
        lang.t("Indicateur affiché", "Indicator shown"),
        "measure",
        |s, _| s.measure.clone(),
        |s, m| s.measure = m,
    )
}

/// The scatter plot's axes: the horizontal one is the measure shown, the vertical one `y`.
#[component]
pub fn AxisPickers() -> impl IntoView {
    let lang = expect_context::<Ctx>().lang();
    view! {
        {picker(
            lang.t("Axe horizontal →", "Horizontal axis →"),
            "measure",
            |s, _| s.measure.clone(),
            |s, m| s.measure = m,
        )}
        {picker(
            lang.t("Axe vertical ↑", "Vertical axis ↑"),
            "measure-y",
            |s, c| s.y_measure(c),
            |s, m| s.y = Some(m),
        )}
    }
}

/// A select of every measure: the overall reading, each domain's index and its indicators.
fn picker(
    label: &'static str,
    test_id: &'static str,
    get: fn(&crate::model::ViewState, &crate::model::Catalog) -> Measure,
    set: fn(&mut crate::model::ViewState, Measure),
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let (overall, groups) = crate::state::pickers::measure_options(&ctx.ds, lang);
    let groups = groups
        .into_iter()
        .map(|g| {
            let options = g
                .options
                .into_iter()
                .map(|o| view! { <option value=o.value>{o.text}</option> })
                .collect::<Vec<_>>();
            view! { <optgroup label=g.label>{options}</optgroup> }
        })
        .collect::<Vec<_>>();
    let state = ctx.state;
    let go = ctx.go;
    let change = move |ev: leptos::ev::Event| {
        let Some(m) = Measure::from_option_value(&event_target_value(&ev)) else {
            return;
        };
        let mut s = state.get_untracked();
        set(&mut s, m);
        go.run(s);
    };
    let catalog = ctx.catalog.clone();
    view! {
        <label class="picker">
            <span>{label}</span>
            <select on:change=change prop:value=move || state.with(|s| get(s, &catalog).option_value()) data-testid=test_id>
                <option value=overall.value>{overall.text}</option>
                {groups}
            </select>
        </label>
    }
}

/// The cards of the indicators behind the current measure (its source, year, method), one tap
/// away under the chart: every number on screen traces to its source.
#[component]
pub fn MeasureSources() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let state = ctx.state;
    let ds = ctx.ds.clone();
    let catalog = ctx.catalog.clone();
    let open = RwSignal::new(false);
    let cards = move || {
        let mut measures = vec![state.with(|s| s.measure.clone())];
        if state.with(|s| s.view) == crate::model::View::Scatter {
            measures.push(state.with(|s| s.y_measure(&catalog)));
        }
        let mut ids: Vec<String> = Vec::new();
        for m in &measures {
            let more = match m {
                Measure::Domain(id) => ds
                    .domains
                    .iter()
                    .find(|d| &d.meta.id == id)
                    .map(|d| d.indicators.clone())
                    .unwrap_or_default(),
                Measure::Indicator(id) => vec![id.clone()],
                Measure::Overall => vec![],
            };
            for id in more {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids.into_iter()
            .filter_map(|id| ds.indicators.iter().find(|i| i.meta.id == id).map(|i| (id, lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string())))
            .map(|(id, label)| {
                let region = state.with(|s| s.region.clone()).and_then(|c| ds.regions.iter().position(|r| r.code == c));
                view! { <h3 class="card-title">{label}</h3><super::region::IndicatorCard ds=ds.clone() id=id lang=lang region=region /> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        // The cards are made when opened (the first view's start builds only what shows).
        <details class="table-toggle sources" data-testid="measure-sources"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{lang.t("Sources et méthode des indicateurs montrés", "Sources and method of the indicators shown")}</summary>
            {move || open.get().then(cards.clone())}
        </details>
    }
}
