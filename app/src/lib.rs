//! The regional fragility dashboard (Leptos 0.8, client-side rendering).
//!
//! Pure, natively tested modules (`url_state`) compute what the components render.

pub mod chart;
pub mod deck;
pub mod export;
pub mod failure;
pub mod format;
pub mod graphics;
pub mod i18n;
pub mod integrity;
pub mod model;
pub mod palette;
pub mod parts;
pub mod state;
pub mod table;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod loading;

/// Mounts the dashboard into `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // A panic logs to the console and shows the French failure message (boot.js), never a
    // silently frozen page.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_fatal("erreur interne de l'application");
    }));
    // Without its stylesheet (failed, or blocked by its integrity) the app would be drawn
    // unstyled over the static figures: it does not start, the page says why.
    if !browser::stylesheet_applied() {
        // The static first view, unstyled, would be a page-wide map: the message and the key
        // figures stand alone.
        browser::remove_first_view();
        browser::show_start_failure("feuille de style non chargée");
        return;
    }
    browser::mark_started();
    // The app is made in a task of its own, after the one that instantiated the wasm: each
    // stays short (first-view issue: together they blocked the page for 34 ms at CPU 1×).
    wasm_bindgen_futures::spawn_local(async {
        browser::next_task().await;
        leptos::mount::mount_to_body(components::App);
    });
}

/// Native builds only exist for tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("the dashboard runs in a browser: build it with trunk");
}
