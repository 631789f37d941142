//! The ranking view: the 13 regions ranked on a measure, France marked.

use super::chart::IndexChart;
use super::context::Ctx;
use super::measure::{MeasurePicker, MeasureSources};
use super::table::DataTable;
use crate::state::ranking::{effective_since, ranking_state, since_years, with_changes};
use leptos::prelude::*;

#[component]
pub fn RankingView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let state = ctx.state;
    let ds = ctx.ds.clone();
    let key = Memo::new(move |_| state.with(|s| (s.measure.clone(), s.lang, s.since)));
    let ds_rank = ds.clone();
    let ds_hint = ds.clone();
    let rs = Memo::new(move |_| {
        key.with(|(m, l, since)| {
            let st = ranking_state(&ds_rank, m, *l)?;
            let since = effective_since(&ds_rank, m, *since);
            Some(with_changes(st, &ds_rank, m, since, *l))
        })
    });
    // The year the rank changes count from: the years the measure allows, latest first.
    let go = ctx.go;
    let since_picker = move || {
        let years = key.with(|(m, _, _)| since_years(&ds, m));
        let current = rs.with(|r| r.as_ref().and_then(|r| r.since));
        (!years.is_empty()).then(|| {
            let pick = move |ev: leptos::ev::Event| {
                let mut s = state.get_untracked();
                s.since = event_target_value(&ev).parse().ok();
                go.run(s);
            };
            let options = years
                .iter()
                .map(|y| view! { <option value=y.to_string() selected=current == Some(*y)>{y.to_string()}</option> })
                .collect::<Vec<_>>();
            view! {
                <label class="picker since-picker">
                    <span>{lang.t("Évolution du rang depuis", "Rank change since")}</span>
                    <select on:change=pick data-testid="since-picker" prop:value=current.map(|y| y.to_string()).unwrap_or_default()>{options}</select>
                </label>
            }
        })
    };
    let table = Signal::derive(move || {
        rs.with(|r| {
            r.as_ref()
                .map(|r| crate::state::tables::ranking(r, lang))
                .unwrap_or_default()
        })
    });
    // The same drawing as the export's: bars around France = 100, France the line.
    let spec = Signal::derive(move || {
        rs.with(|r| {
            r.as_ref()
                .map(|r| crate::state::charts::ranking(r, lang))
                .unwrap_or_else(|| crate::chart::ChartSpec {
                    title: String::new(),
                    rows: vec![],
                    series: vec![],
                    france_label: String::new(),
                })
        })
    });
    let label = Signal::derive(move || spec.with(|s| s.title.clone()));
    let hint = {
        let r = crate::state::analysis::reference_name(&ds_hint, lang);
        match lang {
            crate::i18n::Lang::Fr => format!("Indice : {r} = 100 ; plus haut = plus fragile. 1 = région la plus fragile. Pour un domaine, le rang selon les choix de méthode dit ce qu'il devient avec d'autres normalisations, agrégations et pondérations (méthode)."),
            crate::i18n::Lang::En => format!("Index: {r} = 100; higher = more fragile. 1 = most fragile region. For a domain, the rank across method choices says what it becomes with other normalisations, aggregations and weights (method)."),
        }
    };
    view! {
        <section class="view ranking-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{move || rs.with(|r| r.as_ref().map(|r| format!("{} — {} ({})", lang.t("Classement", "Ranking"), r.info.title, r.info.year)).unwrap_or_default())}</h2>
                <div class="controls">
                    <MeasurePicker />
                    <super::analysis::ReferencePicker />
                    {since_picker}
                </div>
            </div>
            <p class="hint">{hint}</p>
            <super::analysis::WeightsPanel />
            <IndexChart spec=spec label=label lang=lang />
            <DataTable table=table lang=lang test_id="ranking-table" />
            <MeasureSources />
        </section>
    }
}
