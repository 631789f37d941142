//! The robust ranks' Monte Carlo on the committed dataset: 10 000 draws, 13 regions, every
//! domain and the overall reading. Prints the median and p95 over 20 runs (native, release).
//! `cargo run --release -p data-fragilite --example bench_robust`

use datafrag::model::Dataset;
use datafrag::robust::{of_dataset, DRAWS};
use std::time::Instant;

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/data/dataset.json");
    let ds: Dataset = serde_json::from_str(&std::fs::read_to_string(path).expect("dataset"))
        .expect("dataset parses");
    let weights = vec![1.0; ds.domains.len()];
    let mut ms: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(of_dataset(&ds, &weights, None, DRAWS));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((p * ms.len() as f64).ceil() as usize).max(1) - 1];
    println!(
        "robust ranks, {DRAWS} draws, {} regions × {} indicators: p50 {:.1} ms, p95 {:.1} ms (20 runs, native)",
        ds.regions.len(),
        ds.indicators.len(),
        pct(0.5),
        pct(0.95)
    );
}
