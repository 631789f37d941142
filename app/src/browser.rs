//! The calls to the browser outside Leptos, all here: the address bar, the boot placeholder,
//! full screen, local storage, the canvas, and the export glue (app/js/export.js). Components
//! call these; they keep only their event glue.

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

/// The text of the page's element `id` (a JSON data block written at build time), taken out
/// of the page: it is read once (a retry downloads the file), and the page's text is the
/// page's words only.
pub fn embedded_text(id: &str) -> Option<String> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    el.remove();
    el.text_content()
}

/// Removes index.html's static first view (the default map drawn at build time), once the app
/// draws in its place: in the same task as the app's first view, so that no frame shows both
/// and no element moves.
pub fn remove_first_view() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("first-view"))
    {
        el.remove();
    }
}

/// Shows (or hides again) the static key figures of index.html, hidden while the app runs.
pub fn show_static_figures(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.class_list().remove_1("wasm")
        } else {
            root.class_list().add_1("wasm")
        };
    }
    // The figures go under the app's message (they come first in the page).
    set_body_class("data-failed", on);
}

/// Whether style.css applies to the page (its `--fragilites-css` property is set).
pub fn stylesheet_applied() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return false;
    };
    w.get_computed_style(&root)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("--fragilites-css").ok())
        .is_some_and(|v| v.trim() == "1")
}

/// boot.js's "could not start" message (before the app has started).
pub fn show_start_failure(reason: &str) {
    if let Some(f) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__fragiliteFatal".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call1(&wasm_bindgen::JsValue::NULL, &reason.into());
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

/// Sets the browser tab's title (it follows the view and its region).
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Scrolls back to the top when the page is scrolled down (after a change of view: the previous
/// view may have been long). Reading the scroll position forces a layout: only on a change of
/// view, not on every interaction.
pub fn scroll_to_top() {
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

/// How long a data download may take (20 s, as the wasm's; the tests shorten it through
/// `window.__fragilitesDataTimeout`).
pub fn data_timeout_ms() -> i32 {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__fragilitesDataTimeout".into()).ok())
        .and_then(|v| v.as_f64())
        .map_or(20_000, |v| v as i32)
}

/// Resolves in a new task: the browser may paint and handle input before the work that follows
/// (no task of the app's start blocks the page for long). A message the page posts to itself,
/// not a zero timeout: the start chains a dozen of them, and a chain of timeouts waits 4 ms
/// each after the fifth (HTML's nesting clamp), and a second or more in a background tab.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        Err(_) => {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` once after `ms` milliseconds; dropping the returned guard cancels it.
pub fn after_ms(ms: i32, f: impl FnOnce() + 'static) -> Timer {
    let closure = Closure::once(f);
    let id = web_sys::window()
        .and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                ms,
            )
            .ok()
        })
        .unwrap_or(0);
    Timer {
        id,
        _closure: closure,
    }
}

/// A pending timeout, cancelled when dropped.
pub struct Timer {
    id: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
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
    /// Starts the export worker when the page is idle, `ms` from now.
    pub(crate) fn warm_exports(ms: i32);
    /// Starts the export worker now (an export is near).
    pub(crate) fn want_exports();
    /// Asks the export worker: resolves to `[text, name]` (`app::export::render`).
    fn export_ask(
        op: &str,
        query: &str,
        lang: &str,
        title: &str,
        link: &str,
        ms: i32,
    ) -> js_sys::Promise;
    pub(crate) fn now_ms() -> f64;
}

/// What the export worker answers for a view (`app::export::render::Request`): the text (SVG,
/// CSV or title) and the file's name, or why it could not (also when no answer comes within
/// `ms`).
pub async fn ask_export(
    op: &str,
    query: &str,
    lang: crate::i18n::Lang,
    title: &str,
    link: &str,
    ms: i32,
) -> Result<(String, String), JsValue> {
    let asked = export_ask(op, query, lang.code(), title, link, ms);
    let v = wasm_bindgen_futures::JsFuture::from(asked).await?;
    let a = js_sys::Array::from(&v);
    let text = a.get(0).as_string().unwrap_or_default();
    let name = a.get(1).as_string().unwrap_or_default();
    Ok((text, name))
}

/// The page's address without its query: origin and path (any sub-folder kept). Read once:
/// the app only ever changes the query, and reading `location` cost 0.4 ms of every
/// interaction (the printed page's link follows the state).
pub fn page_base() -> String {
    thread_local! {
        static BASE: String = web_sys::window()
            .and_then(|w| {
                let l = w.location();
                Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
            })
            .unwrap_or_default();
    }
    BASE.with(String::clone)
}

/// The address's fragment (`#…` or `""`).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the address with `./` + `query`, dropping the fragment, without a history entry.
pub fn replace_query(query: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("./{query}")));
    }
}

/// The width to draw an SVG chart at: `wide` on a laptop; on a phone, the window's width less
/// the page's margins, so that the chart is drawn at the size it is shown (its type not scaled
/// down to 6 px).
pub fn chart_width(wide: f64) -> f64 {
    let w = web_sys::window()
        .and_then(|w| w.inner_width().ok()?.as_f64())
        .unwrap_or(wide);
    if w < 520.0 {
        (w - 50.0).clamp(280.0, wide)
    } else {
        wide
    }
}

/// Opens the browser's print dialog (where "Save as PDF" is), after the next paint so that what
/// was just rendered for print is in the page.
pub fn print_after_render() {
    leptos::prelude::request_animation_frame(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
}

/// Whether the page is in full screen.
pub fn is_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document()?.fullscreen_element())
        .is_some()
}

/// Asks for full screen (the browser may refuse outside a user gesture).
pub fn request_fullscreen() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()?.document_element()) {
        let _ = el.request_fullscreen();
    }
}

/// Leaves full screen if the page is in it.
pub fn exit_fullscreen() {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}

/// The value stored under `key` in localStorage.
pub fn storage_get(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Stores `value` under `key`; `false` when storage is missing or refuses (quota, blocked).
pub fn storage_set(key: &str, value: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok()?)
        .is_some_and(|s| s.set_item(key, value).is_ok())
}

/// The localStorage keys that start with `prefix`, sorted.
pub fn storage_keys(prefix: &str) -> Vec<String> {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok()?) else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok()?)
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort();
    keys
}

/// A name no other tab will pick at the same moment: the time in milliseconds, then random.
pub fn unique_suffix() -> String {
    format!(
        "{:013.0}-{:08x}",
        js_sys::Date::now(),
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}

/// Removes `key` from localStorage.
pub fn storage_remove(key: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok()?) {
        let _ = s.remove_item(key);
    }
}

/// Moves the keyboard focus to the first element matching `selector`, after the next paint
/// (when a re-rendered list has its new rows).
pub fn focus_after_render(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
        else {
            return;
        };
        // An HTML element, or an SVG one (a scatter plot's dot).
        match el.dyn_into::<web_sys::HtmlElement>() {
            Ok(h) => {
                let _ = h.focus();
            }
            Err(el) => {
                if let Ok(s) = el.dyn_into::<web_sys::SvgElement>() {
                    let _ = s.focus();
                }
            }
        }
    });
}

/// Calls `f` with the width of `el`'s content box whenever it changes, from the browser's own
/// layout: nothing forces a layout to read it. Zero while `el` is out of the page. Observes
/// until the returned guard is dropped.
pub fn on_width(el: &web_sys::Element, f: impl Fn(f64) + 'static) -> Option<WidthObserver> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(e) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            f(e.content_rect().width());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(WidthObserver {
        observer,
        _callback: callback,
    })
}

/// Stops observing when dropped (`on_width`).
pub struct WidthObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Where the pointer is in the element that handles the event, as fractions of its width and
/// height (the map's tooltip follows the cursor in the drawing's own proportions).
pub fn pointer_fraction(ev: &web_sys::MouseEvent) -> Option<(f64, f64)> {
    let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0 && r.height() > 0.0).then(|| {
        (
            (f64::from(ev.client_x()) - r.left()) / r.width(),
            (f64::from(ev.client_y()) - r.top()) / r.height(),
        )
    })
}

/// Scrolls the first element matching `selector` into view when the window is narrow (a phone:
/// the selected region's answer sits below the map), after the next paint.
pub fn reveal_on_phone(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        let Some(w) = web_sys::window() else { return };
        let narrow = w
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .is_some_and(|v| v < 900.0);
        if !narrow {
            return;
        }
        if let Some(el) = w
            .document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
        {
            el.scroll_into_view_with_bool(true);
        }
    });
}

/// A warning in the console (a failed export, for whoever debugs it).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Paints `scene` (in CSS pixels) on a canvas with plotters, at the screen's pixel density, and
/// gives the canvas that CSS size.
pub fn paint_canvas(canvas: &web_sys::HtmlCanvasElement, scene: &crate::graphics::Scene) {
    let dpr = device_pixel_ratio();
    set_css_size(canvas, scene.width, scene.height);
    let _ = paint(canvas, scene, dpr);
}

mod plotting {
    pub use plotters::prelude::*;
    pub use plotters::style::text_anchor::{HPos, Pos, VPos};
    pub use plotters_canvas::CanvasBackend;
}

fn hex(c: &str) -> Option<plotting::RGBColor> {
    use plotting::RGBColor;
    let h = c.strip_prefix('#')?;
    let v = u32::from_str_radix(h, 16).ok()?;
    Some(RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

/// Paints `scene` (in CSS pixels) on `canvas` at `dpr` device pixels per CSS pixel.
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    scene: &crate::graphics::Scene,
    dpr: f64,
) -> Option<()> {
    use crate::graphics::{Anchor, Mark};
    use plotting::*;
    canvas.set_width((scene.width * dpr) as u32);
    canvas.set_height((scene.height * dpr) as u32);
    let p = |v: f64| (v * dpr).round() as i32;
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    for m in scene.flat() {
        match m {
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                ..
            } => {
                if let Some(c) = hex(fill) {
                    root.draw(&Rectangle::new(
                        [(p(*x), p(*y)), (p(x + w), p(y + h))],
                        c.filled(),
                    ))
                    .ok()?;
                }
                if let Some(c) = stroke.as_deref().and_then(hex) {
                    root.draw(&Rectangle::new([(p(*x), p(*y)), (p(x + w), p(y + h))], c))
                        .ok()?;
                }
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                ..
            } => {
                let c = hex(stroke)?;
                root.draw(&PathElement::new(
                    vec![(p(*x1), p(*y1)), (p(*x2), p(*y2))],
                    ShapeStyle::from(&c).stroke_width((width * dpr).round().max(1.0) as u32),
                ))
                .ok()?;
            }
            Mark::Text(t) => {
                let h = match t.anchor {
                    Anchor::Start => HPos::Left,
                    Anchor::Middle => HPos::Center,
                    Anchor::End => HPos::Right,
                };
                let style = if t.bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let font = ("system-ui, sans-serif", t.size * dpr)
                    .into_font()
                    .style(style)
                    .color(&hex(&t.fill).unwrap_or(BLACK))
                    .pos(Pos::new(h, VPos::Bottom));
                // SVG places a text by its baseline, the canvas by the bottom of its box.
                root.draw(&Text::new(
                    t.text.clone(),
                    (p(t.x), p(t.y + 0.22 * t.size)),
                    font,
                ))
                .ok()?;
            }
            Mark::Polyline {
                points,
                stroke,
                width,
                ..
            } => {
                let c = hex(stroke)?;
                root.draw(&PathElement::new(
                    points
                        .iter()
                        .map(|(x, y)| (p(*x), p(*y)))
                        .collect::<Vec<_>>(),
                    ShapeStyle::from(&c).stroke_width((width * dpr).round().max(1.0) as u32),
                ))
                .ok()?;
            }
            Mark::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
                ..
            } => {
                let radius = (r * dpr).round().max(1.0) as i32;
                if let Some(c) = hex(fill) {
                    root.draw(&Circle::new((p(*cx), p(*cy)), radius, c.filled()))
                        .ok()?;
                }
                if let Some(c) = stroke.as_deref().and_then(hex) {
                    root.draw(&Circle::new((p(*cx), p(*cy)), radius, c)).ok()?;
                }
            }
            // Outlines are drawn as SVG (the map), never on this canvas; groups are opened.
            Mark::Path { .. } | Mark::Group(_) => {}
        }
    }
    root.present().ok()
}
