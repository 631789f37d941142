//! Tells the tests whether the raw public data (../shared/data/raw) is beside the project: the
//! tests that need it are compiled as ignored, with their reason, when it is absent, so that they
//! are never counted as passed. CI sets REQUIRE_SHARED_DATA=1, which turns an absent folder into
//! a build failure instead.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_data)");
    println!("cargo::rerun-if-env-changed=REQUIRE_SHARED_DATA");
    let raw = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/raw");
    // Watching the folder's parent notices it appearing or going.
    println!("cargo::rerun-if-changed=../../shared/data");
    if raw.is_dir() {
        println!("cargo::rustc-cfg=shared_data");
    } else if std::env::var("REQUIRE_SHARED_DATA").as_deref() == Ok("1") {
        panic!(
            "REQUIRE_SHARED_DATA=1 but {} is absent: the data tests cannot run",
            raw.display()
        );
    }
}
