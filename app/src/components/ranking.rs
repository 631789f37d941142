//! The ranking view: the 13 regions ranked on a measure, France marked.

use super::chart::IndexChart;
use super::context::Ctx;
use super::measure::{MeasurePicker, MeasureSources};
use super::table::DataTable;
use crate::state::ranking::ranking_state;
use leptos::prelude::*;

#[component]
pub fn RankingView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let state = ctx.state;
    let ds = ctx.ds.clone();
    let key = Memo::new(move |_| state.with(|s| (s.measure.clone(), s.lang)));
    let rs = Memo::new(move |_| key.with(|(m, l)| ranking_state(&ds, m, *l)));
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
    view! {
        <section class="view ranking-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{move || rs.with(|r| r.as_ref().map(|r| format!("{} — {} ({})", lang.t("Classement", "Ranking"), r.info.title, r.info.year)).unwrap_or_default())}</h2>
                <MeasurePicker />
            </div>
            <p class="hint">{lang.t("Indice : France métropolitaine = 100 ; plus haut = plus fragile. 1 = région la plus fragile.", "Index: metropolitan France = 100; higher = more fragile. 1 = most fragile region.")}</p>
            <IndexChart spec=spec label=label lang=lang />
            <DataTable table=table lang=lang test_id="ranking-table" />
            <MeasureSources />
        </section>
    }
}
