//! The export worker's wasm (a second Trunk target, `data-type="worker"`): the exports' code
//! (framed SVG, CSV, the QR code, the whole dataset's files) out of the app's first download
//! (first-view issue). `assets/export-worker.js` loads it in a Web Worker, fetches the data
//! files it names, and calls `answer` for each request of the page (`app/js/export.js`). All the
//! work is `app::export::render`, natively tested; this file only moves bytes and strings.

#[cfg(target_arch = "wasm32")]
mod worker {
    use app::export::render::{Op, Renderer, Request, DEP_FILES, FILES};
    use app::i18n::Lang;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static RENDERER: RefCell<Option<Renderer>> = const { RefCell::new(None) };
    }

    /// The data files' addresses, relative to the worker: the dataset and the regions' outlines.
    #[wasm_bindgen]
    pub fn files() -> Vec<String> {
        FILES.iter().map(|f| f.url()).collect()
    }

    /// Checks and parses the files of [`files`], in that order.
    #[wasm_bindgen]
    pub fn load(dataset: &[u8], geometry: &[u8]) -> Result<(), String> {
        let r = Renderer::new(dataset, geometry)?;
        RENDERER.with(|c| *c.borrow_mut() = Some(r));
        Ok(())
    }

    /// The départements' files a query needs and the worker does not have yet (none, or both).
    #[wasm_bindgen]
    pub fn dep_files(query: &str) -> Vec<String> {
        let needed = RENDERER.with(|c| c.borrow().as_ref().is_some_and(|r| r.needs_deps(query)));
        if needed {
            DEP_FILES.iter().map(|f| f.url()).collect()
        } else {
            Vec::new()
        }
    }

    /// Checks and parses the files of [`dep_files`], in that order.
    #[wasm_bindgen]
    pub fn load_deps(geometry: &[u8], data: &[u8]) -> Result<(), String> {
        RENDERER.with(|c| match c.borrow_mut().as_mut() {
            Some(r) => r.add_deps(geometry, data),
            None => Err("données non chargées".into()),
        })
    }

    /// One request (`app::export::render::Request`): the text and the file's name.
    #[wasm_bindgen]
    #[allow(clippy::too_many_arguments)]
    pub fn answer(
        op: &str,
        query: &str,
        lang: &str,
        title: &str,
        link: &str,
        year: u32,
        month: u32,
        day: u32,
    ) -> Result<Vec<String>, String> {
        let op = Op::parse(op).ok_or_else(|| format!("export inconnu : {op}"))?;
        let lang = if lang == "en" { Lang::En } else { Lang::Fr };
        let r = Request {
            op,
            query,
            lang,
            title,
            link,
            date: [year, month, day],
        };
        RENDERER.with(|c| match c.borrow_mut().as_mut() {
            Some(renderer) => renderer.answer(&r).map(|(text, name)| vec![text, name]),
            None => Err("données non chargées".into()),
        })
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("the export worker runs in a browser: built by trunk (index.html)");
}
