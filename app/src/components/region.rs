//! The region view: "Indicateurs de X / moyenne nationale" — the 16 domains sorted by gap to
//! France in a chart, each domain expandable to its indicators with their cards, the generated
//! summary, and the profile card with ranks.

use super::chart::IndexChart;
use super::context::Ctx;
use super::table::DataTable;
use super::trajectory::{DomainTrends, IndicatorTrajectory, Sparkline};
use crate::chart::ChartSpec;
use crate::format;
use crate::i18n::Lang;
use crate::state::region::{region_state, IndicatorLine};
use datafrag::model::{Dataset, Polarity};
use leptos::prelude::*;
use std::sync::Arc;

/// The indicator card: definition, unit, year, producer, licence, method, direction, caveats.
#[component]
pub fn IndicatorCard(
    ds: Arc<Dataset>,
    id: String,
    lang: Lang,
    /// The region the card is read for (its own range is said first).
    region: Option<usize>,
) -> impl IntoView {
    let Some(i) = ds.indicators.iter().find(|i| i.meta.id == id) else {
        return ().into_any();
    };
    let m = &i.meta;
    let direction = match m.polarity {
        Polarity::HigherIsFragile => lang.t(
            "Plus la valeur est haute, plus la région est fragile.",
            "The higher the value, the more fragile the region.",
        ),
        Polarity::LowerIsFragile => lang.t(
            "Plus la valeur est basse, plus la région est fragile.",
            "The lower the value, the more fragile the region.",
        ),
    };
    let rule = match m.index_rule {
        datafrag::model::IndexRule::Ratio => lang.t("rapport à la France", "ratio to France"),
        datafrag::model::IndexRule::StandardisedGap => lang.t(
            "écart standardisé à la France",
            "standardised gap to France",
        ),
    };
    // The producer's publication and its files first; the repositories they were copied from
    // second, as provenance.
    let origins = crate::state::provenance::origins(&m.origin);
    let files = origins
        .iter()
        .map(|o| view! { <br /><span class="file" lang="fr">{o.file.clone()}</span> })
        .collect::<Vec<_>>();
    let copies: Vec<String> = origins.iter().filter_map(|o| o.mirror.clone()).collect();
    let mirrors = (!copies.is_empty()).then(|| {
        view! {
            <dt>{lang.t("Provenance (copie consultée)", "Provenance (copy read)")}</dt>
            <dd class="origin">{lang.t("dépôt GitHub ", "GitHub repository ")}{copies.join(" ; ")}</dd>
        }
    });
    let sensitivity = crate::state::analysis::rank_sensitivity(&ds, &id, region, lang).map(|t| {
        view! {
            <dt>{lang.t("Sensibilité du rang", "How firm the rank is")}</dt>
            <dd data-testid="rank-sensitivity">{t}</dd>
        }
    });
    let caveats = (!m.caveats.is_empty())
        .then(|| view! { <dt>{lang.t("Précautions", "Caveats")}</dt><dd>{lang.pick(&m.caveats, &m.caveats_en).to_string()}</dd> });
    view! {
        <div class="card" role="group" aria-label=format!("{} : {}", lang.t("Fiche", "Card"), lang.pick(&m.label_fr, &m.label_en))>
            <p class="definition">{lang.pick(&m.definition_fr, &m.definition_en).to_string()}</p>
            <dl>
                <dt>{lang.t("Unité", "Unit")}</dt><dd>{format::unit(&m.unit, lang)}</dd>
                <dt>{lang.t("Année", "Year")}</dt><dd>{m.year.clone()}</dd>
                <dt>{lang.t("Source (producteur, publication)", "Source (producer, publication)")}</dt><dd class="publication"><span lang=if m.producer_en.is_empty() || lang == Lang::Fr { "fr" } else { "en" }>{crate::export::tidy::producer(m, lang).to_string()}</span>{files}</dd>
                <dt>{lang.t("Licence", "Licence")}</dt><dd>{crate::export::tidy::licence(m, lang).to_string()}</dd>
                <dt>{lang.t("Méthode", "Method")}</dt><dd>{lang.pick(&m.method, &m.method_en).to_string()}</dd>
                <dt>{lang.t("Sens", "Direction")}</dt><dd>{direction}</dd>
                <dt>{lang.t("Indice", "Index")}</dt><dd>{rule}</dd>
                {sensitivity}
                {mirrors}
                {caveats}
            </dl>
        </div>
    }
    .into_any()
}

/// One indicator line: its name opens its card; raw value, France's value, index, rank.
#[component]
fn IndicatorRow(line: IndicatorLine, ds: Arc<Dataset>, k: usize, lang: Lang) -> impl IntoView {
    let open = RwSignal::new(false);
    let value = line.value.map_or_else(
        || line.missing.clone().unwrap_or_else(|| "n.d.".into()),
        |v| format::value(v, &line.unit, lang),
    );
    let france = line
        .france
        .map_or("n.d.".into(), |v| format::value(v, &line.unit, lang));
    let index = line.index.map_or("n.d.".into(), |i| format::index(i, lang));
    let rank = line.rank.map_or("—".into(), |r| {
        format::fragility_rank(r, ds.regions.len(), lang)
    });
    let id = line.id.clone();
    view! {
        <li class="indicator">
            <div class="ind-line">
                <button class="ind-name" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o) data-indicator=line.id.clone()>
                    {line.label.clone()} <span class="year">{format!("({})", line.year)}</span>
                </button>
                <span class="ind-fig"><span class="lbl">{lang.t("Région", "Region")}</span>{value}</span>
                <span class="ind-fig"><span class="lbl">"France"</span>{france}</span>
                <span class="ind-fig"><span class="lbl">{lang.t("Indice", "Index")}</span>{index}</span>
                <span class="ind-fig"><span class="lbl">{lang.t("Rang", "Rank")}</span>{rank}</span>
                <span class="ind-fig ind-spark"><Sparkline ds=ds.clone() id=line.id.clone() k=k /></span>
            </div>
            {move || open.get().then(|| view! {
                <IndicatorCard ds=ds.clone() id=id.clone() lang=lang region=Some(k) />
                <IndicatorTrajectory ds=ds.clone() id=id.clone() k=k lang=lang />
            })}
        </li>
    }
}

#[component]
pub fn RegionView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let state = ctx.state;
    let ds = ctx.ds.clone();
    let rs = {
        let ds = ds.clone();
        Memo::new(move |_| {
            state.with(|s| {
                s.region
                    .as_deref()
                    .and_then(|c| region_state(&ds, c, s.lang))
            })
        })
    };
    let go = ctx.go;
    let pick = move |ev: leptos::ev::Event| {
        let mut s = state.get_untracked();
        s.region = Some(event_target_value(&ev));
        go.run(s);
    };
    let options = ds
        .regions
        .iter()
        .map(|r| view! { <option value=r.code.clone()>{r.name.clone()}</option> })
        .collect::<Vec<_>>();
    let spec = Signal::derive(move || {
        rs.with(|r| r.as_ref().map(|r| crate::state::charts::region(r, lang)))
            .unwrap_or(ChartSpec {
                title: String::new(),
                rows: vec![],
                series: vec![],
                france_label: String::new(),
            })
    });
    let chart_label = Signal::derive(move || {
        rs.with(|r| {
            r.as_ref()
                .map(|r| {
                    format!(
                        "{} — {}",
                        crate::state::charts::region(r, lang).title,
                        r.summary
                    )
                })
                .unwrap_or_default()
        })
    });
    let table = Signal::derive(move || {
        rs.with(|r| {
            r.as_ref()
                .map(|r| crate::state::tables::region(r, lang))
                .unwrap_or_default()
        })
    });
    let ds_dom = ds.clone();
    let ds_trends = ds.clone();
    let domains = move || {
        rs.with(|r| {
            r.as_ref().map(|r| {
                r.domains
                    .iter()
                    .map(|d| {
                        let k = crate::state::region_pos(&ds_dom, &r.code).unwrap_or(0);
                        let rows = d.indicators.iter().map(|l| view! { <IndicatorRow line=l.clone() ds=ds_dom.clone() k=k lang=lang /> }).collect::<Vec<_>>();
                        let badge = d.index.map_or("n.d.".into(), |i| format::index(i, lang));
                        let cls = d.reading.class();
                        let word = if d.unmeasured { lang.t("non mesuré", "not measured") } else { d.reading.word(lang) };
                        let note = d.note.clone().map(|n| view! { <p class="dom-note" data-testid="domain-note">{n}</p> });
                        view! {
                            <details class="domain" data-domain=d.id.clone()>
                                <summary>
                                    <span class="dom-label">{d.label.clone()}</span>
                                    <span class=format!("badge {cls}")>{badge}</span>
                                    <span class="dom-word">{word}</span>
                                    <span class="dom-rank">{d.rank.map(|k| format::fragility_rank(k, r.of, lang)).unwrap_or_default()}</span>
                                </summary>
                                {note}
                                <ul class="indicators">{rows}</ul>
                            </details>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let profile = move || {
        rs.with(|r| {
            r.as_ref().map(|r| {
                r.profile
                    .iter()
                    .map(|p| {
                        // A missing value: "non disponible" in place of the figure, the reason beside it.
                        let (v, why) = match p.value {
                            Some(v) => (format::value(v, &p.unit, lang), None),
                            None => (lang.t("non disponible", "not available").to_string(), p.missing.clone()),
                        };
                        let france = p.france.map(|f| format!("{}{}", lang.t("France : ", "France: "), format::value(f, &p.unit, lang)));
                        let caveat = (!p.caveat.is_empty()).then(|| view! { <span class="why caveat">{p.caveat.clone()}</span> });
                        // Profile ranks: 1 = the largest (population, area…), said so.
                        let rank = p.rank.map(|k| format!("{} {}", format::rank(k, r.of, lang), lang.t("(1 = la plus élevée)", "(1 = highest)")));
                        view! {
                            <div class="fact" data-profile=p.id.clone()>
                                <dt>{p.label.clone()} <span class="year">{format!("({})", p.year)}</span></dt>
                                <dd>
                                    <strong class:missing=why.is_some()>{v}</strong>
                                    {why.map(|w| view! { <span class="why">{w}</span> })}
                                    {rank.map(|r| view! { <span class="rank">{r}</span> })}
                                    {france.map(|f| view! { <span class="ref">{f}</span> })}
                                    <span class="src" lang="fr">{p.source.clone()}</span>
                                    {caveat}
                                </dd>
                            </div>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let ds_peers = ctx.ds.clone();
    view! {
        <section class="view region-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title" class="view-title">{move || rs.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default())}</h2>
                <label class="picker">
                    <span>{lang.t("Région", "Region")}</span>
                    <select on:change=pick prop:value=move || state.with(|s| s.region.clone().unwrap_or_default()) data-testid="region-picker">{options}</select>
                </label>
                <super::analysis::ReferencePicker />
            </div>
            <super::analysis::WeightsPanel />
            <p class="summary lead" data-testid="region-summary">{move || rs.with(|r| r.as_ref().map(|r| r.summary.clone()).unwrap_or_default())}</p>
            {move || rs.with(|r| r.as_ref().and_then(|r| r.deck_sentence.clone())).map(|q| view! {
                <p class="deck-quote" data-testid="deck-quote">
                    {lang.t("Le deck de l'Observatoire des partenariats disait : ", "The Observatoire des partenariats' deck said: ")}
                    <q lang="fr">{q}</q>
                </p>
            })}
            {move || rs.with(|r| r.as_ref().and_then(|r| r.deck_reading.clone())).map(|t| view! {
                <p class="deck-reading" data-testid="deck-reading">
                    {t}" "
                    <a href=crate::url_state::method_link(lang, "decks")>{lang.t("Pourquoi ? (Méthode)", "Why? (Method)")}</a>
                </p>
            })}
            <super::dep::RegionDeps />
            <div class="two-col">
                <div>
                    <IndexChart spec=spec label=chart_label lang=lang />
                    <details class="table-toggle">
                        <summary>{lang.t("Tableau du graphique", "Table of the chart")}</summary>
                        <DataTable table=table lang=lang test_id="region-table" />
                    </details>
                    {move || {
                        let k = state.with(|s| s.region.as_deref().and_then(|c| crate::state::region_pos(&ds_trends, c)))?;
                        Some(view! { <DomainTrends ds=ds_trends.clone() k=k lang=lang /> })
                    }}
                    <h3>{move || rs.with(|r| { let n = r.as_ref().map_or(0, |r| r.domain_count); match lang { Lang::Fr => format!("Les {n} domaines et leurs indicateurs"), Lang::En => format!("The {n} domains and their indicators") } })}</h3>
                    <p class="hint">{lang.t("Ouvrez un domaine pour voir ses indicateurs ; le nom d'un indicateur ouvre sa fiche (source, méthode).", "Open a domain to see its indicators; an indicator's name opens its card (source, method).")}</p>
                    <div class="domains">{domains}</div>
                </div>
                <section class="profile" aria-labelledby="profile-title">
                    <h3 id="profile-title">{lang.t("Profil de la région", "Region profile")}</h3>
                    <dl class="facts">{profile}</dl>
                    {move || {
                        let k = state.with(|s| s.region.as_deref().and_then(|c| crate::state::region_pos(&ds_peers, c)))?;
                        Some(view! { <Peers k=k /> })
                    }}
                </section>
            </div>
        </section>
    }
}

/// The region's peers: the three closest on the fragility profile and the three closest in
/// structure, each a link to the comparison of the two (state::peers).
#[component]
fn Peers(k: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let ds = ctx.ds.clone();
    let me = ds.regions[k].code.clone();
    let list = |peers: Vec<crate::state::peers::Peer>, unit: &'static str| {
        peers
            .into_iter()
            .map(|p| {
                let mut s = ctx.state.get_untracked();
                s.view = crate::model::View::Compare;
                s.compare = vec![me.clone(), p.code.clone()];
                let target = s.clone();
                let href = ctx.href(&s);
                let go = ctx.go;
                let d = format::number(p.distance, 1, lang);
                view! {
                    <li>
                        <a href=href on:click=move |ev: leptos::ev::MouseEvent| {
                            if !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
                                ev.prevent_default();
                                go.run(target.clone());
                            }
                        }>{lang.t("Comparer avec ", "Compare with ")}{p.name.clone()}</a>
                        <span class="hint">{format!(" ({} {d}{unit})", lang.t("écart", "distance"))}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let profile = list(crate::state::peers::profile_peers(&ds, k), " pts");
    let structure = list(crate::state::peers::structure_peers(&ds, k), "");
    let (neighbours, together) = crate::state::peers::neighbours(&ds, k);
    let names = lang.join(
        &neighbours
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
    );
    let n = neighbours.len();
    let shown = together.len().saturating_sub(1);
    let neighbours_view = if together.is_empty() {
        view! {
            <p data-testid="neighbours">{match lang {
                Lang::Fr => format!("Aucune région ne partage de frontière terrestre avec {} : pas de comparaison avec des voisines.", ds.regions[k].name),
                Lang::En => format!("No region shares a land border with {}: no comparison with neighbours.", ds.regions[k].name),
            }}</p>
        }
        .into_any()
    } else {
        let mut s = ctx.state.get_untracked();
        s.view = crate::model::View::Compare;
        s.compare = together;
        let target = s.clone();
        let href = ctx.href(&s);
        let go = ctx.go;
        let hint = match (lang, n > shown) {
            (Lang::Fr, false) => format!("Régions qui partagent une frontière avec elle : {names}."),
            (Lang::En, false) => format!("Regions sharing a border with it: {names}."),
            (Lang::Fr, true) => format!("{n} régions partagent une frontière avec elle ({names}) ; la comparaison en montre {shown}, les plus longues frontières d'abord."),
            (Lang::En, true) => format!("{n} regions share a border with it ({names}); the comparison shows {shown}, the longest borders first."),
        };
        view! {
            <p data-testid="neighbours">
                <a href=href on:click=move |ev: leptos::ev::MouseEvent| {
                    if !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
                        ev.prevent_default();
                        go.run(target.clone());
                    }
                }>{lang.t("Comparer avec mes voisines", "Compare with my neighbours")}</a>
                <span class="hint">{format!(" — {hint}")}</span>
            </p>
        }
        .into_any()
    };
    view! {
        <section class="peers" aria-labelledby="peers-title" data-testid="peers">
            <h3 id="peers-title">{lang.t("Régions proches", "Similar regions")}</h3>
            <h4>{lang.t("Par le profil de fragilité", "By fragility profile")}</h4>
            <p class="hint">{lang.t("Écart quadratique moyen des indices des domaines.", "Root mean square gap of the domains' indices.")}</p>
            <ul data-testid="profile-peers">{profile}</ul>
            <h4>{lang.t("Par la structure", "By structure")}</h4>
            <p class="hint">{lang.t("Densité, part des 65 ans ou plus, PIB par habitant (écarts réduits).", "Density, share aged 65 or over, GDP per inhabitant (standardised gaps).")}</p>
            <ul data-testid="structure-peers">{structure}</ul>
            <h4>{lang.t("Par la géographie", "By geography")}</h4>
            {neighbours_view}
        </section>
    }
}
