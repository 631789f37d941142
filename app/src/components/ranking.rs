//! The ranking view: the 13 regions ranked on a measure, France marked.

use super::app::Ctx;
use super::measure::{MeasurePicker, MeasureSources};
use super::table::DataTable;
use crate::format;
use crate::palette::{class_of, COLORS, MISSING};
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
    let bars = move || {
        rs.with(|r| {
            r.as_ref().map(|r| {
                let max = r.rows.iter().filter_map(|x| x.index).fold(120.0f64, f64::max);
                r.rows
                    .iter()
                    .map(|row| {
                        let pct = row.index.map_or(0.0, |i| (i / max * 100.0).clamp(0.0, 100.0));
                        let color = row.index.map_or(MISSING, |i| COLORS[class_of(i)]);
                        let rank = row.rank.map_or(String::new(), |k| format!("{k}."));
                        let idx = row.index.map_or("n.d.".into(), |i| format::index(i, lang));
                        view! {
                            <li class="bar-row" class:france=row.is_france>
                                <span class="bar-rank">{rank}</span>
                                <span class="bar-name">{row.name.clone()}</span>
                                <span class="bar-track" aria-hidden="true"><span class="bar" style:width=format!("{pct:.1}%") style:background=color></span></span>
                                <span class="bar-value">{idx}</span>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="view ranking-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{move || rs.with(|r| r.as_ref().map(|r| format!("{} — {} ({})", lang.t("Classement", "Ranking"), r.info.title, r.info.year)).unwrap_or_default())}</h2>
                <MeasurePicker />
            </div>
            <p class="hint">{lang.t("Indice : France métropolitaine = 100 ; plus haut = plus fragile. 1 = région la plus fragile.", "Index: metropolitan France = 100; higher = more fragile. 1 = most fragile region.")}</p>
            <figure class="bars" aria-hidden="true"><ol>{bars}</ol></figure>
            <DataTable table=table lang=lang test_id="ranking-table" />
            <MeasureSources />
        </section>
    }
}
