//! The compare view: 2 to 4 regions side by side against France on every domain.

use super::chart::IndexChart;
use super::context::Ctx;
use super::search::RegionSearch;
use super::table::DataTable;
use super::trajectory::CompareTrajectories;
use crate::chart::{ChartSpec, SERIES};
use crate::model::{with_added, with_slot, COMPARED};
use crate::state::compare::compare_state;
use leptos::prelude::*;

#[component]
pub fn CompareView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let state = ctx.state;
    let go = ctx.go;
    let ds = ctx.ds.clone();
    let cs = {
        let ds = ds.clone();
        let key = Memo::new(move |_| state.with(|s| (s.compare.clone(), s.lang)));
        Memo::new(move |_| key.with(|(c, l)| compare_state(&ds, c, *l)))
    };
    let set_slot = move |slot: usize, code: Option<String>| {
        let mut s = state.get_untracked();
        if let Some(next) = with_slot(&s.compare, slot, code.as_deref()) {
            s.compare = next;
            go.run(s);
        }
    };
    let ds_pick = ds.clone();
    let ds_lines = ds.clone();
    let pickers = move || {
        let current = state.with(|s| s.compare.clone());
        let n = current.len();
        current
            .iter()
            .enumerate()
            .map(|(slot, code)| {
                let (color, mark) = SERIES[slot % SERIES.len()];
                let options = ds_pick.regions.iter().map(|r| view! { <option value=r.code.clone() selected=r.code == *code>{r.name.clone()}</option> }).collect::<Vec<_>>();
                let remove = (n > *COMPARED.start()).then(|| {
                    view! { <button class="remove" on:click=move |_| set_slot(slot, None) aria-label=format!("{} {}", lang.t("Retirer la région", "Remove region"), slot + 1)>"×"</button> }
                });
                view! {
                    <div class="slot">
                        <label>
                            <span class="mark" style:color=color>{mark}</span>
                            <span class="visually-hidden">{format!("{} {}", lang.t("Région", "Region"), slot + 1)}</span>
                            <select on:change=move |ev| set_slot(slot, Some(event_target_value(&ev)))>{options}</select>
                        </label>
                        {remove}
                    </div>
                }
            })
            .collect::<Vec<_>>()
    };
    let ds_add = ds.clone();
    let add = move |_| {
        let mut s = state.get_untracked();
        let all: Vec<String> = ds_add.regions.iter().map(|r| r.code.clone()).collect();
        if let Some(next) = with_added(&s.compare, &all) {
            s.compare = next;
            go.run(s);
        }
    };
    let can_add = move || state.with(|s| s.compare.len() < *COMPARED.end());
    // A region found by the search joins the comparison (in the last place when it is full).
    let found = Callback::new(move |code: String| {
        let mut s = state.get_untracked();
        if s.compare.contains(&code) {
            return;
        }
        let slot = s.compare.len().min(*COMPARED.end() - 1);
        if let Some(next) = with_slot(&s.compare, slot, Some(&code)) {
            s.compare = next;
            go.run(s);
        }
    });
    let empty = ChartSpec {
        title: String::new(),
        rows: vec![],
        series: vec![],
        france_label: String::new(),
    };
    let spec = Signal::derive(move || {
        cs.with(|c| c.as_ref().map(|c| crate::state::charts::compare(c, lang)))
            .unwrap_or(empty.clone())
    });
    let label = Signal::derive(move || {
        cs.with(|c| {
            c.as_ref()
                .map(|c| {
                    format!(
                        "{}. {}",
                        crate::state::charts::compare(c, lang).title,
                        c.contrasts.join(" ")
                    )
                })
                .unwrap_or_default()
        })
    });
    let table = Signal::derive(move || {
        cs.with(|c| {
            c.as_ref()
                .map(|c| crate::state::tables::compare(c, lang))
                .unwrap_or_default()
        })
    });
    let sentences = move || {
        cs.with(|c| {
            c.as_ref().map(|c| {
                c.contrasts
                    .iter()
                    .chain(c.summaries.iter())
                    .map(|s| view! { <li>{s.clone()}</li> })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="view compare-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{lang.t("Comparer des régions", "Compare regions")}</h2>
                <div class="slots" role="group" aria-label=lang.t("Régions comparées (2 à 4)", "Compared regions (2 to 4)")>
                    {pickers}
                    {move || can_add().then(|| view! { <button class="add" on:click=add.clone()>{lang.t("+ Ajouter une région", "+ Add a region")}</button> })}
                </div>
                <RegionSearch label=lang.t("Ajouter par son nom", "Add by name").into() on_pick=found test_id="compare-search" />
            </div>
            <ul class="sentences" data-testid="compare-sentences">{sentences}</ul>
            <IndexChart spec=spec label=label lang=lang />
            <DataTable table=table lang=lang test_id="compare-table" />
            {move || {
                let codes = state.with(|s| s.compare.clone());
                view! { <CompareTrajectories ds=ds_lines.clone() codes=codes lang=lang /> }
            }}
        </section>
    }
}
