//! The analyst's choices the user can make: the reference the indices are taken to, and the
//! domains' weights in the overall reading (0 to 3, in the link as `ref=` and `w=`).

use super::context::Ctx;
use crate::model::{Measure, MAX_WEIGHT};
use datafrag::reference::Reference;
use leptos::prelude::*;

/// "Référence : France métropolitaine / France hors Île-de-France / médiane des 13 régions".
#[component]
pub fn ReferencePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let (state, go) = (ctx.state, ctx.go);
    let change = move |ev: leptos::ev::Event| {
        if let Some(r) = Reference::from_key(&event_target_value(&ev)) {
            let mut s = state.get_untracked();
            s.reference = r;
            go.run(s);
        }
    };
    let options = Reference::ALL
        .iter()
        .map(|r| {
            let (fr, en) = r.names();
            view! { <option value=r.key()>{lang.t(fr, en)}</option> }
        })
        .collect::<Vec<_>>();
    view! {
        <label class="picker reference-picker">
            <span>{lang.t("Référence (indice 100)", "Reference (index 100)")}</span>
            <select on:change=change data-testid="reference" prop:value=move || state.with(|s| s.reference.key())>
                {options}
            </select>
        </label>
    }
}

/// The domains' weights: one number field per measured domain, a reset to equal weights.
/// Changing a weight shows the overall reading, the measure the weights change.
#[component]
pub fn WeightsPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let (state, go) = (ctx.state, ctx.go);
    let custom = move || state.with(|s| !s.weights.is_empty());
    let fields = ctx
        .all
        .domains
        .iter()
        .filter(|d| !d.indicators.is_empty())
        .map(|d| {
            let id = d.meta.id.clone();
            let label = lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string();
            let id_get = id.clone();
            let catalog = ctx.catalog.clone();
            let set = move |ev: leptos::ev::Event| {
                let Ok(w) = event_target_value(&ev).trim().parse::<u8>() else {
                    return;
                };
                let w = w.min(MAX_WEIGHT);
                let mut s = state.get_untracked();
                s.weights.retain(|(x, _)| *x != id);
                if w != 1 {
                    s.weights.push((id.clone(), w));
                }
                s.weights
                    .sort_by_key(|(d, _)| catalog.domains.iter().position(|x| x == d));
                s.measure = Measure::Overall;
                go.run(s);
            };
            view! {
                <label class="weight">
                    <span>{label}</span>
                    <input type="number" min="0" max=MAX_WEIGHT.to_string() step="1" inputmode="numeric"
                        data-testid=format!("weight-{}", d.meta.id)
                        prop:value=move || state.with(|s| s.weight_of(&id_get).to_string())
                        on:change=set />
                </label>
            }
        })
        .collect::<Vec<_>>();
    let reset = move |_| {
        let mut s = state.get_untracked();
        s.weights.clear();
        go.run(s);
    };
    view! {
        <details class="weights" data-testid="weights" open=custom()>
            <summary>
                {lang.t("Pondérer les domaines", "Weight the domains")}
                {move || custom().then(|| view! { <span class="badge custom">{lang.t("pondération personnalisée", "custom weights")}</span> })}
            </summary>
            <p class="hint">{lang.t(
                "De 0 (ignoré) à 3 (compte triple) ; 1 partout = poids égaux, la lecture des études. La lecture d'ensemble, ses rangs et la phrase de synthèse suivent vos poids.",
                "From 0 (left out) to 3 (counts three times); 1 everywhere = equal weights, the studies' reading. The overall reading, its ranks and the summary sentence follow your weights.",
            )}</p>
            <div class="weight-grid">{fields}</div>
            <button type="button" class="reset" on:click=reset disabled=move || !custom() data-testid="weights-reset">
                {lang.t("Revenir aux poids égaux", "Back to equal weights")}
            </button>
        </details>
    }
}
