//! Build step (scripts/build.sh): writes into dist/index.html, from the committed dataset and
//! geometry, the static first view (the default map, drawn by the app's own drawing code,
//! shown until the app takes over) and the table of key figures (for browsers without
//! JavaScript or WebAssembly), with the geometry's file embedded for the app to read.
//! Usage: first-view <dataset.json> <regions.json> <index.html>

use app::state::{first_view, key_figures};

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn parse<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dataset, regions, index] = args.as_slice() else {
        return Err("usage: first-view <dataset.json> <regions.json> <index.html>".into());
    };
    let ds = parse(dataset, &read(dataset)?)?;
    // The geometry's file, byte for byte (the app checks its SHA-256), goes into the page for
    // the app to read instead of downloading the outlines the page already drew.
    let geometry = read(regions)?;
    let geo = parse(regions, &geometry)?;
    let page = read(index)?;
    let page = first_view::inject(&page, &first_view::html(&ds, &geo)?, &geometry)?;
    let page = key_figures::inject(&page, &key_figures::html(&ds)?)?;
    std::fs::write(index, page).map_err(|e| format!("{index}: {e}"))?;
    println!("first view: the default map and the key figures written into {index}");
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("first-view: {e}");
        std::process::exit(1);
    }
}
