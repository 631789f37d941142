//! The region search: a combobox (ARIA 1.2 pattern) that finds a region by typing a few
//! letters of its name or its code — arrows move in the list, Enter picks, Escape closes — so
//! that reaching Occitanie takes four keys, not 31 Tab presses.

use super::context::Ctx;
use crate::state::search::matches;
use leptos::prelude::*;

#[component]
pub fn RegionSearch(
    /// The visible label ("Trouver une région").
    label: String,
    on_pick: Callback<String>,
    /// Also the element ids' stem.
    test_id: &'static str,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let ds = ctx.ds.clone();
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let found = Memo::new(move |_| text.with(|t| matches(&ds, t)));
    let (input_id, list_id) = (format!("{test_id}-input"), format!("{test_id}-list"));
    let pick = move |code: String| {
        text.set(String::new());
        open.set(false);
        on_pick.run(code);
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let n = found.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                if open.get_untracked() && n > 0 {
                    active.update(|a| *a = (*a + 1) % n);
                } else {
                    open.set(true);
                    active.set(0);
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                if n > 0 {
                    open.set(true);
                    active.update(|a| *a = (*a + n - 1) % n);
                }
            }
            "Enter" => {
                let chosen = found.with(|f| f.get(active.get_untracked()).map(|(c, _)| c.clone()));
                if let (true, Some(code)) = (open.get_untracked(), chosen) {
                    ev.prevent_default();
                    pick(code);
                }
            }
            "Escape" => {
                if open.get_untracked() {
                    open.set(false);
                } else {
                    text.set(String::new());
                }
            }
            _ => {}
        }
    };
    let option_id = {
        let list_id = list_id.clone();
        move |code: &str| format!("{list_id}-{code}")
    };
    let active_id = {
        let option_id = option_id.clone();
        move || {
            open.get()
                .then(|| found.with(|f| f.get(active.get()).map(|(c, _)| option_id(c))))
                .flatten()
        }
    };
    let options = {
        let option_id = option_id.clone();
        move || {
            found.with(|f| {
                f.iter()
                    .enumerate()
                    .map(|(j, (code, name))| {
                        let c = code.clone();
                        view! {
                            <li id=option_id(code) role="option" aria-selected=move || (active.get() == j).to_string()
                                on:mousedown=move |ev| { ev.prevent_default(); pick(c.clone()); }>{name.clone()}</li>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let count = move || {
        let n = found.with(Vec::len);
        open.get().then(|| match (lang, n) {
            (crate::i18n::Lang::Fr, 0) => "Aucune région ne correspond.".to_string(),
            (crate::i18n::Lang::Fr, 1) => "1 région ; Entrée pour l'ouvrir.".to_string(),
            (crate::i18n::Lang::Fr, n) => {
                format!("{n} régions ; flèches pour choisir, Entrée pour ouvrir.")
            }
            (crate::i18n::Lang::En, 0) => "No region matches.".to_string(),
            (crate::i18n::Lang::En, 1) => "1 region; Enter to open it.".to_string(),
            (crate::i18n::Lang::En, n) => format!("{n} regions; arrows to choose, Enter to open."),
        })
    };
    view! {
        <div class="search" data-testid=test_id>
            <label for=input_id.clone()>{label}</label>
            <input id=input_id type="text" role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_id
                placeholder=lang.t("Nom ou code", "Name or code")
                prop:value=move || text.get()
                on:input=move |ev| { text.set(event_target_value(&ev)); open.set(true); active.set(0); }
                on:focus=move |_| open.set(!text.get_untracked().is_empty())
                on:blur=move |_| open.set(false)
                on:keydown=keydown />
            <ul id=list_id role="listbox" class="search-list" hidden=move || !open.get() || found.with(Vec::is_empty)
                aria-label=lang.t("Régions", "Regions")>{options}</ul>
            <p class="visually-hidden" aria-live="polite">{count}</p>
        </div>
    }
}
