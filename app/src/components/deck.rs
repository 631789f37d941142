//! The workshop ("atelier"): the saved views (add from any view, rename, reorder, remove), kept
//! in localStorage, exported and imported as a file or one link; presentation mode steps through
//! them full screen with the arrow keys.

use super::context::Ctx;
use crate::browser::{copy_text, download, text_blob};
use crate::deck::Deck;
use crate::i18n::Lang;
use crate::model::View;
use crate::url_state::{parse, to_query};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The localStorage key of the deck: with `ASIDE` (the same deck when unreadable), all the
/// dashboard stores.
const KEY: &str = "fragilites.atelier.v1";

/// Where an unreadable stored deck is kept aside (a corrupted value, or one written by a later
/// version), so that the next save does not erase it; the workshop offers it as a file.
const ASIDE: &str = "fragilites.atelier.illisible";

/// The saved deck. An unreadable one is first copied aside (once), then an empty deck is
/// returned: the next save writes over the copy's original, never over the copy.
pub fn load() -> Deck {
    let Some(text) = crate::browser::storage_get(KEY) else {
        return Deck::default();
    };
    match Deck::parse(&text) {
        Ok(d) => d,
        Err(_) => {
            if crate::browser::storage_get(ASIDE).is_none() {
                let _ = crate::browser::storage_set(ASIDE, &text);
            }
            Deck::default()
        }
    }
}

/// The unreadable deck kept aside, if any, and why it could not be read.
fn aside() -> Option<(String, String)> {
    let text = crate::browser::storage_get(ASIDE)?;
    let why = Deck::parse(&text).err().unwrap_or_default();
    Some((text, why))
}

/// Saves the deck; `false` when the browser refused (storage full or blocked).
pub fn store(d: &Deck) -> bool {
    crate::browser::storage_set(KEY, &d.to_json())
}

/// What adding the current view did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Saved; the deck now holds this many views.
    Saved(usize),
    /// The deck already holds the most views it may.
    Full,
    /// The browser refused to store it: nothing was saved.
    NotSaved,
}

/// Adds the current view to the deck, and says whether it is saved.
pub fn add_current(ctx: &Ctx) -> Added {
    let s = ctx.state.get_untracked();
    let name = crate::export::content(&ctx.ds, &s)
        .map(|e| e.title)
        .unwrap_or_else(|| s.view.key().to_string());
    let mut d = load();
    let before = d.slides.len();
    let n = d.push(&name, &to_query(&s, &ctx.catalog));
    if n == before {
        Added::Full
    } else if store(&d) {
        Added::Saved(n)
    } else {
        Added::NotSaved
    }
}

/// Imports a deck link (`#atelier=…`) if the page was opened with one; returns a message.
pub fn import_from_hash() -> Option<(Result<usize, String>, Lang)> {
    let hash = crate::browser::current_hash();
    let res = Deck::from_link_hash(&hash)?;
    // The hash has done its job: drop it so a reload does not import again.
    let q = crate::browser::current_query();
    crate::browser::replace_query(&q);
    Some((
        res.and_then(|d| {
            let n = d.slides.len();
            if store(&d) {
                Ok(n)
            } else {
                Err(
                    "stockage du navigateur plein ou bloqué / browser storage full or blocked"
                        .into(),
                )
            }
        }),
        crate::url_state::lang_of(&q),
    ))
}

/// Shows slide `i` of the deck (presentation mode).
pub fn show_slide(ctx: &Ctx, i: usize) {
    let d = load();
    if let Some(slide) = d.slides.get(i) {
        ctx.presenting.set(Some(i));
        let (s, _) = parse(&slide.query, &ctx.catalog);
        ctx.go.run(s);
    }
}

pub fn start_presenting(ctx: &Ctx) {
    if load().slides.is_empty() {
        return;
    }
    crate::browser::request_fullscreen();
    show_slide(ctx, 0);
}

pub fn stop_presenting(ctx: &Ctx) {
    ctx.presenting.set(None);
    crate::browser::exit_fullscreen();
    let mut s = ctx.state.get_untracked();
    s.view = View::Deck;
    ctx.go.run(s);
}

/// The discreet controls shown while presenting: previous, position, next, leave.
#[component]
pub fn PresentBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let n = move || load().slides.len();
    let (c1, c2, c3) = (ctx.clone(), ctx.clone(), ctx.clone());
    view! {
        <div class="present-bar" role="navigation" aria-label=lang.t("Présentation", "Presentation")>
            <button aria-label=lang.t("Vue précédente", "Previous view") on:click=move |_| {
                if let Some(i) = c1.presenting.get_untracked() { show_slide(&c1, i.saturating_sub(1)) }
            }>"‹"</button>
            <span class="present-pos">{move || ctx.presenting.get().map(|i| format!("{} / {}", i + 1, n()))}</span>
            <button aria-label=lang.t("Vue suivante", "Next view") on:click=move |_| {
                if let Some(i) = c2.presenting.get_untracked() { show_slide(&c2, (i + 1).min(n().saturating_sub(1))) }
            }>"›"</button>
            <button aria-label=lang.t("Quitter la présentation", "Leave the presentation") on:click=move |_| stop_presenting(&c3)>"✕"</button>
        </div>
    }
}

#[component]
pub fn DeckView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let deck = RwSignal::new(load());
    let message = RwSignal::new(String::new());
    let kept_aside = RwSignal::new(aside());
    let aside_notice = move || {
        kept_aside.get().map(|(text, why)| {
            let download_aside = move |_| {
                download(&text_blob(&text, "application/json"), "atelier-illisible.json");
            };
            let forget = move |_| {
                crate::browser::storage_remove(ASIDE);
                kept_aside.set(None);
            };
            view! {
                <div class="notice" role="status" data-testid="deck-aside">
                    <p>{lang.t(
                        "L'atelier enregistré dans ce navigateur est illisible (abîmé, ou écrit par une autre version) : il est gardé de côté, rien n'est effacé. Téléchargez-le pour le conserver ou le faire réparer.",
                        "The workshop stored in this browser is unreadable (damaged, or written by another version): it is kept aside, nothing is erased. Download it to keep it or have it repaired.")}</p>
                    <details><summary>{lang.t("Détails", "Details")}</summary><p>{why}</p></details>
                    <button on:click=download_aside>{lang.t("Télécharger l'atelier illisible", "Download the unreadable workshop")}</button>
                    " "
                    <button on:click=forget>{lang.t("L'oublier", "Forget it")}</button>
                </div>
            }
        })
    };
    // A deck the browser refuses to store stays on screen, and the user is told to export it.
    let save = move |d: Deck| {
        if !store(&d) {
            message.set(
                lang.t(
                    "L'atelier n'a pas pu être enregistré dans ce navigateur (stockage plein ou bloqué) : exportez le fichier pour ne rien perdre.",
                    "The workshop could not be saved in this browser (storage full or blocked): export the file to lose nothing.",
                )
                .into(),
            );
        }
        deck.set(d);
    };
    // A moved slide keeps the keyboard focus on its arrow, in its new place. The rows are a
    // plain list rebuilt on each change rather than Leptos' keyed `<For>`: measured on
    // 2026-12-03, `<For>` adds 4.8 KB brotli to the wasm (241 989 → 246 754 B) for a list of at
    // most 60 rows whose only state worth keeping across a change is this focus.
    let moved = move |i: usize, delta: isize| {
        let mut d = deck.get_untracked();
        if d.shift(i, delta) {
            save(d);
            let to = (i as isize + delta) as usize;
            let last = deck.with_untracked(|d| d.slides.len()) - 1;
            // The same arrow, or the other one when the slide reached the end it moved to
            // (that arrow is then disabled).
            let arrow = match (delta < 0, to == 0, to == last) {
                (true, false, _) | (false, _, true) => "up",
                _ => "down",
            };
            crate::browser::focus_after_render(format!(
                ".slides li:nth-child({}) button.{arrow}",
                to + 1
            ));
        }
    };
    let rows = {
        let ctx = ctx.clone();
        move || {
            let d = deck.get();
            let n = d.slides.len();
            d.slides
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let href = if s.query.is_empty() { "./".to_string() } else { s.query.clone() };
                    let ctx = ctx.clone();
                    view! {
                        <li class="slide">
                            <span class="slide-n">{i + 1}</span>
                            <input class="slide-name" aria-label=lang.t("Nom de la vue", "Name of the view") prop:value=s.name.clone()
                                on:change=move |ev| { let mut d = deck.get_untracked(); if let Some(s) = d.slides.get_mut(i) { s.name = event_target_value(&ev); } save(d); } />
                            <a href=href>{lang.t("ouvrir", "open")}</a>
                            <button class="up" aria-label=lang.t("Monter", "Move up") disabled=i == 0 on:click=move |_| moved(i, -1)>"↑"</button>
                            <button class="down" aria-label=lang.t("Descendre", "Move down") disabled=i + 1 == n on:click=move |_| moved(i, 1)>"↓"</button>
                            <button aria-label=lang.t("Retirer", "Remove") on:click=move |_| { let mut d = deck.get_untracked(); d.slides.remove(i); save(d) }>"✕"</button>
                            <button on:click=move |_| { crate::browser::request_fullscreen(); show_slide(&ctx, i) }>{lang.t("présenter d'ici", "present from here")}</button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        }
    };
    let link = move || {
        format!(
            "{}{}{}",
            crate::browser::page_base(),
            crate::url_state::workshop_query(),
            deck.with(|d| d.to_link_hash())
        )
    };
    let present = {
        let ctx = ctx.clone();
        move |_| start_presenting(&ctx)
    };
    let export_file = move |_| {
        download(
            &text_blob(&deck.get_untracked().to_json(), "application/json"),
            "atelier-fragilites.json",
        );
        message.set(
            lang.t("Fichier de l'atelier enregistré", "Workshop file saved")
                .into(),
        );
    };
    let import_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            match Deck::parse(&text) {
                Ok(d) => {
                    let n = d.slides.len();
                    save(d);
                    message.set(format!(
                        "{} ({n})",
                        lang.t("Atelier importé", "Workshop imported")
                    ));
                }
                Err(e) => message.set(format!(
                    "{} : {e}",
                    lang.t(
                        "Fichier illisible, atelier inchangé",
                        "Unreadable file, workshop unchanged"
                    )
                )),
            }
        });
    };
    let copy_link = move |_| {
        let l = link();
        spawn_local(async move {
            let ok = match copy_text(&l) {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                Err(_) => false,
            };
            message.set(
                if ok {
                    lang.t("Lien de l'atelier copié", "Workshop link copied")
                } else {
                    lang.t(
                        "Copie impossible : sélectionnez le lien ci-dessous",
                        "Cannot copy: select the link below",
                    )
                }
                .into(),
            );
        });
    };
    view! {
        <section class="view deck-view" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{lang.t("Atelier : vues enregistrées", "Workshop: saved views")}</h2>
            <p>{lang.t(
                "Ajoutez des vues avec « + Atelier » depuis la carte, une région, une comparaison… puis présentez-les en plein écran (flèches ← → pour avancer, Échap pour sortir). Elles restent dans ce navigateur uniquement.",
                "Add views with “+ Workshop” from the map, a region, a comparison… then present them full screen (← → arrows to move, Esc to leave). They stay in this browser only.")}</p>
            {aside_notice}
            <Show when=move || deck.with(|d| d.slides.is_empty())>
                <p class="empty">{lang.t("Aucune vue enregistrée pour l'instant.", "No saved view yet.")}</p>
            </Show>
            <ol class="slides" data-testid="deck">{rows}</ol>
            <div class="deck-actions">
                <button class="primary" on:click=present disabled=move || deck.with(|d| d.slides.is_empty())>{lang.t("Présenter", "Present")}</button>
                <button on:click=export_file>{lang.t("Exporter le fichier", "Export the file")}</button>
                <label class="import">{lang.t("Importer un fichier", "Import a file")} <input type="file" accept=".json,application/json" on:change=import_file /></label>
                <button on:click=copy_link>{lang.t("Copier le lien de l'atelier", "Copy the workshop link")}</button>
            </div>
            <label class="deck-link">{lang.t("Lien de l'atelier", "Workshop link")}
                <input readonly prop:value=link data-testid="deck-link" />
            </label>
            <p role="status" class="deck-message">{move || message.get()}</p>
        </section>
    }
}
