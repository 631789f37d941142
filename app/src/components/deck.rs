//! The workshop ("atelier"): the saved views (add from any view, rename, reorder, remove), kept
//! in localStorage, exported and imported as a file or one link; presentation mode steps through
//! them full screen with the arrow keys.

use super::context::Ctx;
use crate::browser::{copy_text, download, text_blob};
use crate::deck::{Arrival, Deck, Library, Slide};
use crate::export::svg::Frame;
use crate::i18n::Lang;
use crate::model::View;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The localStorage key of the open deck: with `OTHERS`, `UNDO` and `ASIDE`, all the dashboard
/// stores.
const KEY: &str = "fragilites.atelier.v1";

/// The user's other decks (several named decks).
const OTHERS: &str = "fragilites.ateliers.autres";

/// The decks as they were before the last change that removed something (replace, delete,
/// remove a view): what "Annuler" brings back.
const UNDO: &str = "fragilites.atelier.annuler";

/// Views added by "+ Atelier", one key each (`PENDING` + time + random): tabs adding at the
/// same moment never write the same key, so none loses another's view, even though each tab's
/// copy of localStorage learns the others' writes late. The open deck takes them in when it is
/// read, and a save of the decks removes those it took in.
const PENDING: &str = "fragilites.atelier.ajout.";

/// Past this many characters a deck link is said to be long, and its file offered instead.
const LONG_LINK: usize = 8000;

/// Where an unreadable stored deck is kept aside (a corrupted value, or one written by a later
/// version), so that the next save does not erase it; the workshop offers it as a file.
const ASIDE: &str = "fragilites.atelier.illisible";

/// Whether a localStorage key is one of the workshop's (another tab changed it: reload).
pub fn is_deck_key(key: &str) -> bool {
    [KEY, OTHERS, UNDO].contains(&key) || key.starts_with(PENDING)
}

/// The views added since the decks were last saved, oldest first, with their keys (an
/// unreadable one is left where it is).
fn pending() -> Vec<(String, Slide)> {
    crate::browser::storage_keys(PENDING)
        .into_iter()
        .filter_map(|k| {
            let s: Slide = serde_json::from_str(&crate::browser::storage_get(&k)?).ok()?;
            Some((k, s))
        })
        .collect()
}

/// Reads one stored value; an unreadable one is first copied aside (once), then `None` is
/// returned: the next save writes over the copy's original, never over the copy.
fn read_or_set_aside<T>(key: &str, parse: impl Fn(&str) -> Result<T, String>) -> Option<T> {
    let text = crate::browser::storage_get(key)?;
    match parse(&text) {
        Ok(v) => Some(v),
        Err(_) => {
            if crate::browser::storage_get(ASIDE).is_none() {
                let _ = crate::browser::storage_set(ASIDE, &text);
            }
            None
        }
    }
}

/// The open deck with the views added since its last save, and the keys of those added views.
fn load_with_pending() -> (Deck, Vec<String>) {
    let mut d: Deck = read_or_set_aside(KEY, Deck::parse).unwrap_or_default();
    let keys = crate::deck::take_in(&mut d, pending());
    (d, keys)
}

/// The open deck.
pub fn load() -> Deck {
    load_with_pending().0
}

/// All the decks (the added views taken into the open one).
pub fn load_library() -> Library {
    let (current, pending) = load_with_pending();
    Library {
        current,
        others: read_or_set_aside(OTHERS, Library::parse_others).unwrap_or_default(),
        pending,
    }
}

/// The unreadable deck kept aside, if any, and why it could not be read.
fn aside() -> Option<(String, String)> {
    let text = crate::browser::storage_get(ASIDE)?;
    let why = Deck::parse(&text)
        .err()
        .or_else(|| Library::parse_others(&text).err())
        .unwrap_or_default();
    Some((text, why))
}

/// Saves the open deck; `false` when the browser refused (storage full or blocked).
fn store(d: &Deck) -> bool {
    crate::browser::storage_set(KEY, &d.to_json())
}

/// Saves all the decks; the added views they took in are then removed (never before the save
/// succeeded, so that a refused save loses none).
pub fn store_library(lib: &Library) -> bool {
    let saved = crate::browser::storage_set(OTHERS, &lib.others_json()) && store(&lib.current);
    if saved {
        for k in &lib.pending {
            crate::browser::storage_remove(k);
        }
    }
    saved
}

/// Keeps `lib` for "Annuler".
fn remember_for_undo(lib: &Library) {
    let _ = crate::browser::storage_set(UNDO, &lib.to_json());
}

/// The decks kept for "Annuler", if any.
fn undo_point() -> Option<Library> {
    Library::parse(&crate::browser::storage_get(UNDO)?).ok()
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

/// Adds a view (its query) to the deck under `name`, and says whether it is saved.
pub fn add_view(query: &str, name: &str) -> Added {
    // Read afresh: another tab may have changed the deck since this one loaded it. The view
    // is saved under a key of its own (no other tab writes it), then into the open deck too.
    let mut d = load();
    let before = d.slides.len();
    let n = d.push(name, query);
    let Some(slide) = d.slides.last().filter(|_| n > before) else {
        return Added::Full;
    };
    let key = format!("{PENDING}{}", crate::browser::unique_suffix());
    if !crate::browser::storage_set(&key, &serde_json::to_string(slide).unwrap_or_default()) {
        return Added::NotSaved;
    }
    let _ = store(&d);
    Added::Saved(n)
}

/// What a shared deck link brought.
#[derive(Debug, Clone, PartialEq)]
pub enum DeckNews {
    /// Opened (nothing was lost): it has this many views.
    Imported(usize),
    /// Unreadable, or could not be stored: the decks are unchanged.
    Refused(String),
    /// The open deck would be lost: the user chooses.
    Offer(Deck),
}

/// Reads a deck link (`#atelier=…`) if the address has one (at start, or pasted into a tab
/// already open): opened at once when nothing is lost, offered otherwise.
pub fn receive_from_hash() -> Option<DeckNews> {
    let hash = crate::browser::current_hash();
    let res = Deck::from_link_hash(&hash)?;
    // The hash has done its job: drop it so a reload does not import again.
    crate::browser::replace_query(&crate::browser::current_query());
    Some(match res {
        Err(e) => DeckNews::Refused(e),
        Ok(d) => {
            let mut lib = load_library();
            match lib.arrival(&d) {
                Arrival::Ask => DeckNews::Offer(d),
                Arrival::Open => {
                    let n = d.slides.len();
                    lib.replace(d);
                    if store_library(&lib) {
                        DeckNews::Imported(n)
                    } else {
                        DeckNews::Refused(
                            "stockage du navigateur plein ou bloqué / browser storage full or blocked"
                                .into(),
                        )
                    }
                }
            }
        }
    })
}

/// The framed drawing of a slide: the same SVG as the view's export (16:9 on screen, A4 for the
/// deck's print), titled with the name the user gave it, in the language of the dashboard.
/// Made by the export worker; a slide it cannot draw says why, in the console, and is left out.
pub async fn slide_svg(ctx: &Ctx, slide: &Slide, frame: Frame) -> Option<String> {
    use crate::export::render::Op;
    match super::export::ask(ctx, Op::Svg(frame), &slide.query, &slide.name).await {
        Ok((svg, _)) => Some(svg),
        Err(e) => {
            let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            crate::browser::warn(&format!("{}: {detail}", slide.name));
            None
        }
    }
}

/// Shows slide `i` of the deck (presentation mode).
pub fn show_slide(ctx: &Ctx, i: usize) {
    if i < load().slides.len() {
        ctx.presenting.set(Some(i));
    }
}

pub fn start_presenting(ctx: &Ctx) {
    if load().slides.is_empty() {
        return;
    }
    crate::browser::request_fullscreen();
    show_slide(ctx, 0);
}

/// Leaves the presentation, back on the workshop (where it started).
pub fn stop_presenting(ctx: &Ctx) {
    ctx.presenting.set(None);
    crate::browser::exit_fullscreen();
    if ctx.state.with_untracked(|s| s.view != View::Deck) {
        let mut s = ctx.state.get_untracked();
        s.view = View::Deck;
        ctx.go.run(s);
    }
}

/// The slide being presented, full screen: the framed drawing of its export (not the live page
/// with its menus), with the user's title.
#[component]
pub fn PresentStage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let slide = move || {
        let i = ctx.presenting.get()?;
        let d = load();
        let s = d.slides.get(i)?.clone();
        Some((i, d.slides.len(), s))
    };
    // The slide's drawing comes from the export worker: shown when it arrives, unless the
    // presenter has moved on meanwhile.
    let drawing = RwSignal::new(String::new());
    let asked = StoredValue::new(0u32);
    Effect::new({
        let ctx = ctx.clone();
        move |_| {
            let Some((_, _, s)) = slide() else {
                drawing.set(String::new());
                return;
            };
            let n = asked.get_value() + 1;
            asked.set_value(n);
            let ctx = ctx.clone();
            spawn_local(async move {
                let svg = slide_svg(&ctx, &s, Frame::Wide).await.unwrap_or_default();
                if asked.get_value() == n {
                    drawing.set(svg);
                }
            });
        }
    });
    let label = move || {
        slide()
            .map(|(i, n, s)| format!("{} {} / {n} : {}", lang.t("Vue", "View"), i + 1, s.name))
            .unwrap_or_default()
    };
    view! {
        <figure class="present-stage" data-testid="present-stage" aria-label=label aria-live="polite" inner_html=drawing></figure>
    }
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
    // Presenting and printing draw the slides in the export worker: it comes now.
    crate::browser::want_exports();
    // All the decks; `deck` is the open one. Another tab's change (the `storage` event) or a
    // deck link pasted into this tab bumps `ctx.deck_rev`: the decks are read again.
    let lib = RwSignal::new(load_library());
    let deck = Signal::derive(move || lib.with(|l| l.current.clone()));
    Effect::new(move |prev: Option<()>| {
        ctx.deck_rev.track();
        if prev.is_some() {
            lib.set(load_library());
        }
    });
    let message = RwSignal::new(String::new());
    // The technical detail of the last message, behind "Détails".
    let detail = RwSignal::new(String::new());
    // Every new message replaces the last one's detail.
    let say = move |m: String| {
        detail.set(String::new());
        message.set(m);
    };
    // Whether "Annuler" can bring back what the last change removed.
    let can_undo = RwSignal::new(false);
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
    // Decks the browser refuses to store stay on screen, and the user is told to export them.
    let refused = move || {
        say(
            lang.t(
                "L'atelier n'a pas pu être enregistré dans ce navigateur (stockage plein ou bloqué) : exportez le fichier pour ne rien perdre.",
                "The workshop could not be saved in this browser (storage full or blocked): export the file to lose nothing.",
            )
            .into(),
        );
    };
    // Every change of the decks: `undoable` ones (something is removed) keep the decks as
    // they were for "Annuler".
    let change = move |undoable: bool, f: &dyn Fn(&mut Library)| {
        let before = lib.get_untracked();
        let mut after = before.clone();
        f(&mut after);
        if undoable {
            remember_for_undo(&before);
            can_undo.set(true);
        }
        if store_library(&after) {
            // The added views it took in are saved with it now.
            after.pending.clear();
        } else {
            refused();
        }
        lib.set(after);
    };
    let save = move |d: Deck| change(false, &|l| l.current = d.clone());
    // A deck put aside unnamed gets a name, so that it can be found in the list.
    let unnamed = lang.t("Atelier", "Workshop");
    let name_before_aside = move |l: &mut Library| {
        if l.current.name.trim().is_empty() && !l.current.slides.is_empty() {
            l.current.name = format!("{unnamed} {}", l.others.len() + 1);
        }
    };
    let undo = move |_| {
        if let Some(l) = undo_point() {
            if !store_library(&l) {
                refused();
            } else {
                say(lang.t("Modification annulée", "Change undone").into());
            }
            crate::browser::storage_remove(UNDO);
            lib.set(l);
        }
        can_undo.set(false);
    };
    // A deck arriving (link or file) that would replace the open one: the user chooses.
    let news = ctx.deck_news;
    let offer = move || {
        let Some(DeckNews::Offer(d)) = news.get() else {
            return None;
        };
        let (n, m) = (d.slides.len(), deck.with(|d| d.slides.len()));
        let (d1, d2) = (d.clone(), d);
        Some(view! {
            <div class="notice offer" role="alertdialog" aria-labelledby="offer-text" data-testid="deck-offer">
                <p id="offer-text">{match lang {
                    Lang::Fr => format!("Un atelier de {n} vue{} arrive (lien ou fichier). L'atelier ouvert en a {m} : que voulez-vous faire ?", if n > 1 { "s" } else { "" }),
                    Lang::En => format!("A workshop of {n} view{} is arriving (link or file). The open workshop has {m}: what do you want to do?", if n > 1 { "s" } else { "" }),
                }}</p>
                <button class="primary" data-testid="offer-new" on:click=move |_| {
                    change(false, &|l| { name_before_aside(l); l.open_new(d1.clone()) });
                    news.set(None);
                    say(lang.t("Atelier ouvert ; le précédent est gardé dans la liste des ateliers.", "Workshop opened; the previous one is kept in the list of workshops.").into());
                }>{lang.t("L'ouvrir comme nouvel atelier", "Open it as a new workshop")}</button>
                " "
                <button data-testid="offer-replace" on:click=move |_| {
                    change(true, &|l| l.replace(d2.clone()));
                    news.set(None);
                    say(lang.t("Atelier remplacé (« Annuler » le rend).", "Workshop replaced (“Undo” brings it back).").into());
                }>{lang.t("Remplacer l'atelier ouvert", "Replace the open workshop")}</button>
                " "
                <button data-testid="offer-cancel" on:click=move |_| {
                    news.set(None);
                    say(lang.t("Atelier inchangé", "Workshop unchanged").into());
                }>{lang.t("Annuler", "Cancel")}</button>
            </div>
        })
    };
    // The parser's words (English, technical) go behind "Détails".
    let news_notice = move || {
        let (text, detail) = match news.get()? {
            DeckNews::Imported(n) => (
                format!(
                    "{} ({n})",
                    lang.t("Atelier importé depuis le lien", "Workshop imported from the link")
                ),
                None,
            ),
            DeckNews::Refused(e) => (
                lang.t(
                    "Lien d'atelier illisible, atelier inchangé : le lien est incomplet (coupé en le copiant ?) ou abîmé. Demandez-en un nouveau, ou le fichier de l'atelier.",
                    "Unreadable workshop link, workshop unchanged: the link is incomplete (cut while copying?) or damaged. Ask for a new one, or for the workshop's file.",
                )
                .to_string(),
                Some(e),
            ),
            DeckNews::Offer(_) => return None,
        };
        Some(view! {
            <div class="notice" role="status"><p>{text}</p>
                {detail.map(|d| view! { <details><summary>{lang.t("Détails", "Details")}</summary><p class="detail">{d}</p></details> })}
            </div>
        })
    };
    // Several named decks: choose the open one, name it, start a new one, delete it.
    let choices = move || {
        lib.with(|l| {
            (0..=l.others.len())
                .map(|k| {
                    let n = if k == 0 {
                        l.current.slides.len()
                    } else {
                        l.others[k - 1].slides.len()
                    };
                    let text = format!("{} ({n})", l.label(k, unnamed));
                    view! { <option value=k.to_string() selected=k == 0>{text}</option> }
                })
                .collect::<Vec<_>>()
        })
    };
    let switch = move |ev: leptos::ev::Event| {
        if let Some(j) = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|k| k.checked_sub(1))
        {
            change(false, &|l| {
                l.switch_to(j);
            });
        }
    };
    let rename_deck = move |ev: leptos::ev::Event| {
        let name: String = event_target_value(&ev).chars().take(160).collect();
        change(false, &|l| l.current.name = name.clone());
    };
    let new_deck = move |_| {
        change(false, &|l| {
            name_before_aside(l);
            l.open_new(Deck::default())
        });
        say(lang
            .t("Nouvel atelier ouvert", "New workshop opened")
            .into());
    };
    let delete_deck = move |_| {
        change(true, &|l| l.delete_current());
        say(lang
            .t(
                "Atelier supprimé (« Annuler » le rend).",
                "Workshop deleted (“Undo” brings it back).",
            )
            .into());
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
                            <button aria-label=lang.t("Retirer", "Remove") on:click=move |_| { change(true, &|l| { l.current.slides.remove(i); }); say(lang.t("Vue retirée (« Annuler » la rend).", "View removed (“Undo” brings it back).").into()) }>"✕"</button>
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
    // The whole deck as one document: every slide's framed A4 drawing on its own page, through
    // the browser's print (where "Save as PDF" is). A PDF rather than a folder of PNGs: one file
    // to project or send, its text stays text, and every browser can write it without a library.
    let printing = RwSignal::new(false);
    Effect::new(move |_| crate::browser::set_body_class("print-deck", printing.get()));
    on_cleanup(move || crate::browser::set_body_class("print-deck", false));
    // The pages, drawn by the export worker one slide after the other, then printed.
    let pages = RwSignal::new(Vec::<String>::new());
    let print_pages = move || {
        pages.with(|p| {
            p.iter()
                .map(|svg| view! { <div class="print-slide" inner_html=svg.clone()></div> })
                .collect::<Vec<_>>()
        })
    };
    let print_deck = {
        let ctx = ctx.clone();
        move |_| {
            let ctx = ctx.clone();
            spawn_local(async move {
                let slides = deck.get_untracked().slides;
                let mut drawn = Vec::new();
                for s in slides.iter() {
                    drawn.extend(slide_svg(&ctx, s, Frame::A4).await);
                }
                // A deck printed with views missing would look whole: it is not printed, and
                // the page says why.
                if drawn.len() < slides.len() {
                    say(lang
                        .t(
                            "Impression impossible : des vues n'ont pas pu être dessinées (réessayez une fois la page chargée).",
                            "Cannot print: some views could not be drawn (try again once the page has loaded).",
                        )
                        .into());
                    return;
                }
                pages.set(drawn);
                printing.set(true);
                crate::browser::print_after_render();
            });
        }
    };
    let export_file = move |_| {
        download(
            &text_blob(&deck.get_untracked().to_json(), "application/json"),
            "atelier-fragilites.json",
        );
        say(lang
            .t("Fichier de l'atelier enregistré", "Workshop file saved")
            .into());
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
                Ok(d) if lib.with_untracked(|l| l.arrival(&d)) == Arrival::Ask => {
                    news.set(Some(DeckNews::Offer(d)));
                }
                Ok(d) => {
                    let n = d.slides.len();
                    save(d);
                    say(format!(
                        "{} ({n})",
                        lang.t("Atelier importé", "Workshop imported")
                    ));
                }
                Err(e) => {
                    say(
                        lang.t(
                            "Fichier illisible, atelier inchangé : ce n'est pas un fichier d'atelier de ce tableau de bord, ou il est abîmé.",
                            "Unreadable file, workshop unchanged: it is not a workshop file of this dashboard, or it is damaged.",
                        )
                        .into(),
                    );
                    detail.set(e);
                }
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
            say(if ok {
                lang.t("Lien de l'atelier copié", "Workshop link copied")
            } else {
                lang.t(
                    "Copie impossible : sélectionnez le lien ci-dessous",
                    "Cannot copy: select the link below",
                )
            }
            .into());
        });
    };
    view! {
        <section class="view deck-view" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{lang.t("Atelier : vues enregistrées", "Workshop: saved views")}</h2>
            <p>{lang.t(
                "Ajoutez des vues avec « + Atelier » depuis la carte, une région, une comparaison… puis présentez-les en plein écran (flèches ← → pour avancer, Échap pour sortir). Elles restent dans ce navigateur uniquement.",
                "Add views with “+ Workshop” from the map, a region, a comparison… then present them full screen (← → arrows to move, Esc to leave). They stay in this browser only.")}</p>
            {news_notice}
            {offer}
            {aside_notice}
            <div class="deck-choice">
                <label>{lang.t("Atelier ouvert", "Open workshop")} " "
                    <select data-testid="deck-choice" on:change=switch>{choices}</select>
                </label>
                <label>{lang.t("Son nom", "Its name")} " "
                    <input data-testid="deck-name" maxlength="160" placeholder=move || lib.with(|l| l.label(0, unnamed)) prop:value=move || deck.with(|d| d.name.clone()) on:change=rename_deck />
                </label>
                <button data-testid="deck-new" on:click=new_deck>{lang.t("Nouvel atelier", "New workshop")}</button>
                <button data-testid="deck-delete" on:click=delete_deck>{lang.t("Supprimer cet atelier", "Delete this workshop")}</button>
            </div>
            <Show when=move || deck.with(|d| d.slides.is_empty())>
                <p class="empty">{lang.t("Aucune vue enregistrée pour l'instant.", "No saved view yet.")}</p>
            </Show>
            <ol class="slides" data-testid="deck">{rows}</ol>
            <div class="deck-actions">
                <button class="primary" on:click=present disabled=move || deck.with(|d| d.slides.is_empty())>{lang.t("Présenter", "Present")}</button>
                <button data-testid="deck-print" on:click=print_deck disabled=move || deck.with(|d| d.slides.is_empty())>{lang.t("Imprimer l'atelier (PDF)", "Print the workshop (PDF)")}</button>
                <button on:click=export_file>{lang.t("Exporter le fichier", "Export the file")}</button>
                <label class="import">{lang.t("Importer un fichier", "Import a file")} <input type="file" accept=".json,application/json" on:change=import_file /></label>
                <button on:click=copy_link>{lang.t("Copier le lien de l'atelier", "Copy the workshop link")}</button>
            </div>
            <label class="deck-link">{lang.t("Lien de l'atelier", "Workshop link")}
                <input readonly prop:value=link data-testid="deck-link" />
            </label>
            // A long deck makes a long link: messaging apps and some browsers cut links past a
            // few thousand characters, and a cut link is unreadable. Past 8 000 the file is offered.
            {move || {
                let n = link().chars().count();
                (n > LONG_LINK).then(|| view! {
                    <p class="notice" role="status" data-testid="deck-link-long">{match lang {
                        Lang::Fr => format!("Ce lien est long ({n} caractères) : une messagerie ou un navigateur peut le couper. Pour transmettre cet atelier sans risque, envoyez plutôt son fichier (« Exporter le fichier »)."),
                        Lang::En => format!("This link is long ({n} characters): a messaging app or a browser may cut it. To pass this workshop on safely, send its file instead (“Export the file”)."),
                    }}</p>
                })
            }}
            <div role="status" class="deck-message">{move || message.get()}
                <Show when=move || !detail.with(String::is_empty)>
                    <details><summary>{lang.t("Détails", "Details")}</summary><span class="detail">{move || detail.get()}</span></details>
                </Show>
                <Show when=move || can_undo.get()>" "<button data-testid="deck-undo" on:click=undo>{lang.t("Annuler", "Undo")}</button></Show>
            </div>
            <div class="deck-print" aria-hidden="true">{print_pages}</div>
        </section>
    }
}
