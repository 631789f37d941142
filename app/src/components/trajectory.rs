//! Lines over the years on screen: the drawing of `graphics::lines` written as SVG (the same
//! text the export embeds), a sparkline in an indicator's row, the region's domain trends with
//! their sentence and table, and an indicator's line with its change in words and its table.

use super::table::DataTable;
use crate::graphics::lines::{lines, sparkline, LineSpec};
use crate::graphics::svg::fragment;
use crate::i18n::Lang;
use crate::state::trajectory::{
    compare_chart, domain_trends, followed, indicator_chart, trends_chart, trends_sentence, Change,
};
use datafrag::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

/// A line chart, `label` its accessible name (the table beside it holds the numbers).
#[component]
pub fn LineChart(
    spec: LineSpec,
    label: String,
    lang: Lang,
    test_id: &'static str,
) -> impl IntoView {
    let scene = lines(&spec, crate::browser::chart_width(640.0), lang);
    let keys = spec
        .series
        .iter()
        .map(|s| s.key.clone())
        .collect::<Vec<_>>()
        .join(",");
    view! {
        <svg class="lines" viewBox=format!("0 0 {} {}", scene.width, scene.height) role="img"
            aria-label=label data-testid=test_id data-series=keys inner_html=fragment(&scene)></svg>
    }
}

/// The little line of an indicator's row: the region (solid) and France (dashed).
#[component]
pub fn Sparkline(ds: Arc<Dataset>, id: String, k: usize) -> impl IntoView {
    let Some(i) = ds.indicators.iter().find(|i| i.meta.id == id) else {
        return ().into_any();
    };
    let Some(t) = &i.trajectory else {
        return ().into_any();
    };
    let breaks = i
        .meta
        .series
        .as_ref()
        .map(|s| s.breaks.clone())
        .unwrap_or_default();
    let sc = sparkline(&t.points(Some(k)), &t.points(None), &breaks, (72.0, 20.0));
    let span = format!("{}–{}", t.years[0], t.years[t.years.len() - 1]);
    view! {
        <svg class="spark" viewBox="0 0 72 20" width="72" height="20" aria-hidden="true"
            data-testid="sparkline" inner_html=fragment(&sc)></svg>
        <span class="spark-span">{span}</span>
    }
    .into_any()
}

/// An indicator's line for region `k` against France, its change in words, its table.
#[component]
pub fn IndicatorTrajectory(ds: Arc<Dataset>, id: String, k: usize, lang: Lang) -> impl IntoView {
    let Some(i) = ds.indicators.iter().find(|i| i.meta.id == id) else {
        return ().into_any();
    };
    let Some(spec) = indicator_chart(&ds, i, k, lang) else {
        return ().into_any();
    };
    let label = lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string();
    let sentence = Change::of(i, k, lang).map(|c| c.sentence(lang));
    let rule = i
        .meta
        .series
        .as_ref()
        .map(|s| lang.pick(&s.rule_fr, &s.rule_en).to_string());
    let table = Signal::derive({
        let (spec, label) = (spec.clone(), label.clone());
        move || crate::state::tables::trajectory(&spec, &label, lang)
    });
    let aria = format!("{label} — {}", sentence.clone().unwrap_or_default());
    view! {
        <div class="trajectory">
            {sentence.map(|s| view! { <p class="change" data-testid="change">{s}</p> })}
            <LineChart spec=spec label=aria lang=lang test_id="indicator-lines" />
            {rule.map(|r| view! { <p class="rule">{lang.t("Série : ", "Series: ")}{r}</p> })}
            <details class="table-toggle">
                <summary>{lang.t("Tableau des années", "Table of the years")}</summary>
                <DataTable table=table lang=lang test_id="trajectory-table" />
            </details>
        </div>
    }
    .into_any()
}

/// The region's domains over the years against France: which worsened and improved, the
/// lines, the table.
#[component]
pub fn DomainTrends(ds: Arc<Dataset>, k: usize, lang: Lang) -> impl IntoView {
    let trends = domain_trends(&ds, k, lang);
    let Some(sentence) = trends_sentence(&trends, lang) else {
        return ().into_any();
    };
    let name = ds.regions[k].name.clone();
    let spec = trends_chart(&trends, lang);
    let table = Signal::derive({
        let (trends, name) = (trends.clone(), name.clone());
        move || crate::state::tables::trends(&trends, &name, lang)
    });
    view! {
        <section class="trends" aria-labelledby="trends-title">
            <h3 id="trends-title">{lang.t("Ce qui a changé", "What changed")}</h3>
            <p class="trends-sentence" data-testid="trends-sentence">{sentence.clone()}</p>
            <LineChart spec=spec label=format!("{name} — {sentence}") lang=lang test_id="trends-lines" />
            <p class="hint">{lang.t(
                "Chaque domaine est suivi sur ses indicateurs qui ont une série, sur les années qu'ils partagent (après toute rupture de série). Indice : France = 100, plus haut = plus fragile.",
                "Each domain is followed on those of its indicators that have a series, over the years they share (after any series break). Index: France = 100, higher = more fragile.")}</p>
            <details class="table-toggle">
                <summary>{lang.t("Tableau des évolutions", "Table of the changes")}</summary>
                <DataTable table=table lang=lang test_id="trends-table" />
            </details>
        </section>
    }
    .into_any()
}

/// The comparison's lines: the compared regions and France over the years on the followed
/// indicator (chosen here, kept in the link as `series=`), with the table.
#[component]
pub fn CompareTrajectories(ds: Arc<Dataset>, codes: Vec<String>, lang: Lang) -> impl IntoView {
    let ctx = expect_context::<super::context::Ctx>();
    let (state, go) = (ctx.state, ctx.go);
    let with_series: Vec<(String, String)> = ds
        .indicators
        .iter()
        .filter(|i| crate::state::trajectory::has_series(i))
        .map(|i| {
            (
                i.meta.id.clone(),
                lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string(),
            )
        })
        .collect();
    if with_series.is_empty() {
        return ().into_any();
    }
    let chosen = {
        let ds = ds.clone();
        Memo::new(move |_| {
            state.with(|s| {
                followed(&ds, s.series.as_deref())
                    .map(|i| i.meta.id.clone())
                    .unwrap_or_default()
            })
        })
    };
    let options = with_series
        .iter()
        .map(|(id, label)| {
            let id = id.clone();
            let sel = {
                let id = id.clone();
                move || chosen.with(|c| *c == id)
            };
            view! { <option value=id selected=sel>{label.clone()}</option> }
        })
        .collect::<Vec<_>>();
    let pick = move |ev: leptos::ev::Event| {
        let mut s = state.get_untracked();
        s.series = Some(event_target_value(&ev));
        go.run(s);
    };
    let drawing = move || {
        let id = chosen.get();
        let i = ds.indicators.iter().find(|i| i.meta.id == id)?;
        let spec = compare_chart(&ds, i, &codes, lang)?;
        let label = lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string();
        let table = crate::state::tables::trajectory(&spec, &label, lang);
        let aria = format!("{label} — {}", table.caption);
        Some(view! {
            <LineChart spec=spec label=aria lang=lang test_id="compare-lines" />
            <details class="table-toggle">
                <summary>{lang.t("Tableau des années", "Table of the years")}</summary>
                <DataTable table=Signal::derive(move || table.clone()) lang=lang test_id="compare-trajectory-table" />
            </details>
        })
    };
    view! {
        <section class="trends" aria-labelledby="compare-trends-title">
            <h3 id="compare-trends-title">{lang.t("Au fil des années", "Over the years")}</h3>
            <label class="picker">
                <span>{lang.t("Indicateur suivi", "Indicator followed")}</span>
                <select data-testid="compare-series-picker" on:change=pick>{options}</select>
            </label>
            {drawing}
        </section>
    }
    .into_any()
}
