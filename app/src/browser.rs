//! The few calls to the browser outside Leptos: the address bar and the boot placeholder.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The current query string (`?…` or `""`).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Adds a history entry whose query is `query` (`""` for the defaults), keeping the path and so
/// working under any sub-folder.
pub fn push_query(query: &str) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(h) = w.history() {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Hides the static "loading" placeholder of index.html once the app runs (it stays in the
/// page, empty, so that a later fatal error can show its message there).
pub fn mark_started() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.set_inner_html("");
        let _ = el.set_attribute("hidden", "");
    }
}

/// Shows the failure message of boot.js in place of the app.
pub fn show_fatal(reason: &str) {
    // boot.js's message, with its "Réessayer" button, when it is there.
    if let Some(f) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__fragiliteStopped".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        if f.call1(&wasm_bindgen::JsValue::NULL, &reason.into())
            .is_ok()
        {
            return;
        }
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(boot) = doc.get_element_by_id("boot") else {
        return;
    };
    let _ = boot.remove_attribute("hidden");
    // Shows the static key figures again (index.html, hidden while the app runs).
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_1("wasm");
    }
    let _ = boot.set_attribute("role", "alert");
    let _ = boot.set_attribute("class", "boot error");
    boot.set_text_content(Some(&format!(
        "Le tableau de bord s'est arrêté ({reason}). Rechargez la page pour réessayer."
    )));
    if let Some(body) = doc.body() {
        let _ = body.insert_before(&boot, body.first_child().as_ref());
    }
}

/// Sets `<html lang>` so that screen readers speak the right language.
pub fn set_document_lang(code: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Scrolls back to the top after a navigation (the previous view may have been long).
pub fn scroll_top_if_view_changed() {
    if let Some(w) = web_sys::window() {
        if w.scroll_y().unwrap_or(0.0) > 200.0 {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// Adds or removes a class on `<body>` (presentation mode).
pub fn set_body_class(class: &str, on: bool) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()?.body()) {
        let list = body.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// Fault injection for the end-to-end tests: true when a script running before the app has set
/// `window.__fragilitesFault = "panic"`. No URL, data file or user action can set it.
pub fn fault_injected() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__fragilitesFault".into()).ok())
        .and_then(|v| v.as_string())
        .is_some_and(|f| f == "panic")
}

/// Device pixels per CSS pixel (at least 1).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

/// Sets an element's CSS width and height in pixels, through the CSSOM (which a strict
/// Content-Security-Policy allows, unlike a `style` attribute).
pub fn set_css_size(el: &web_sys::HtmlElement, width: f64, height: f64) {
    let style = el.style();
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("height", &format!("{height}px"));
}

/// The export glue (app/js/export.js): PNG encoding, downloads, the clipboard.
#[wasm_bindgen(module = "/js/export.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    pub(crate) fn svg_to_png(
        svg: &str,
        w: f64,
        h: f64,
        scale: f64,
    ) -> Result<js_sys::Promise, JsValue>;
    pub(crate) fn text_blob(text: &str, mime: &str) -> JsValue;
    pub(crate) fn download(blob: &JsValue, name: &str);
    #[wasm_bindgen(catch)]
    pub(crate) fn copy_png(blob: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    pub(crate) fn copy_text(text: &str) -> Result<js_sys::Promise, JsValue>;
    pub(crate) fn today() -> Vec<u32>;
    pub(crate) fn now_ms() -> f64;
}
