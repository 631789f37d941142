//! Build step (scripts/build.sh): writes the static table of key figures into dist/index.html,
//! from the committed dataset, for browsers without JavaScript or WebAssembly.
//! Usage: key-figures <dataset.json> <index.html>

use app::state::key_figures::{html, inject};

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dataset, index] = args.as_slice() else {
        return Err("usage: key-figures <dataset.json> <index.html>".into());
    };
    let text = std::fs::read_to_string(dataset).map_err(|e| format!("{dataset}: {e}"))?;
    let ds = serde_json::from_str(&text).map_err(|e| format!("{dataset}: {e}"))?;
    let page = std::fs::read_to_string(index).map_err(|e| format!("{index}: {e}"))?;
    let out = inject(&page, &html(&ds)?)?;
    std::fs::write(index, out).map_err(|e| format!("{index}: {e}"))?;
    println!("key figures: static table written into {index}");
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("key-figures: {e}");
        std::process::exit(1);
    }
}
