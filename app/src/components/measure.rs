//! The measure picker: a domain (its index) or one of its indicators.

use super::context::Ctx;
use crate::model::Measure;
use leptos::prelude::*;

fn key(m: &Measure) -> String {
    match m {
        Measure::Domain(id) => format!("d:{id}"),
        Measure::Indicator(id) => format!("i:{id}"),
        Measure::Overall => format!("o:{}", crate::model::OVERALL),
    }
}

#[component]
pub fn MeasurePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let ds = ctx.ds.clone();
    let groups = ds
        .domains
        .iter()
        .filter(|d| !d.indicators.is_empty())
        .map(|d| {
            let label = lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string();
            let whole = format!("{label} — {}", lang.t("indice du domaine", "domain index"));
            let inds = d
                .indicators
                .iter()
                .filter_map(|id| ds.indicators.iter().find(|i| &i.meta.id == id))
                .map(|i| {
                    let text = format!(
                        "{} ({})",
                        lang.pick(&i.meta.label_fr, &i.meta.label_en),
                        i.meta.year
                    );
                    view! { <option value=format!("i:{}", i.meta.id)>{text}</option> }
                })
                .collect::<Vec<_>>();
            view! {
                <optgroup label=label>
                    <option value=format!("d:{}", d.meta.id)>{whole}</option>
                    {inds}
                </optgroup>
            }
        })
        .collect::<Vec<_>>();
    let overall_label = lang.t(
        "Ensemble des domaines — lecture d'ensemble",
        "All domains — overall reading",
    );
    let state = ctx.state;
    let go = ctx.go;
    let change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let m = match v.split_once(':') {
            Some(("d", id)) => Measure::Domain(id.into()),
            Some(("i", id)) => Measure::Indicator(id.into()),
            Some(("o", _)) => Measure::Overall,
            _ => return,
        };
        let mut s = state.get_untracked();
        s.measure = m;
        go.run(s);
    };
    view! {
        <label class="picker">
            <span>{lang.t("Indicateur affiché", "Indicator shown")}</span>
            <select on:change=change prop:value=move || state.with(|s| key(&s.measure)) data-testid="measure">
                <option value=key(&Measure::Overall)>{overall_label}</option>
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
    let cards = move || {
        let m = state.with(|s| s.measure.clone());
        let ids: Vec<String> = match &m {
            Measure::Domain(id) => ds
                .domains
                .iter()
                .find(|d| &d.meta.id == id)
                .map(|d| d.indicators.clone())
                .unwrap_or_default(),
            Measure::Indicator(id) => vec![id.clone()],
            Measure::Overall => vec![],
        };
        ids.into_iter()
            .filter_map(|id| ds.indicators.iter().find(|i| i.meta.id == id).map(|i| (id, lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string())))
            .map(|(id, label)| view! { <h3 class="card-title">{label}</h3><super::region::IndicatorCard ds=ds.clone() id=id lang=lang /> })
            .collect::<Vec<_>>()
    };
    view! {
        <details class="table-toggle sources" data-testid="measure-sources">
            <summary>{lang.t("Sources et méthode de cet indicateur", "Sources and method of this indicator")}</summary>
            {cards}
        </details>
    }
}
