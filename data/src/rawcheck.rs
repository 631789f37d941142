//! The raw files are the ones the dataset was made from: each file the pipeline reads is checked
//! against its SHA-256 in the committed manifest `data/raw.sha256` (a truncated CSV, a deleted
//! row or an edited figure otherwise passed with exit 0 and changed published figures).
//! `pipeline hash` rewrites the manifest after a deliberate update of the raw files, so the
//! change is a reviewed commit. Readers called outside a pipeline run (the tests) are not checked.

use crate::{Error, Result};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

pub const MANIFEST: &str = "data/raw.sha256";

struct Run {
    /// `None`: recording the files read (for `pipeline hash`).
    expected: Option<BTreeMap<String, String>>,
    seen: BTreeMap<String, String>,
}

static RUN: Mutex<Option<Run>> = Mutex::new(None);

/// Parses the manifest: one `sha256  path` line per file (the `sha256sum` format).
pub fn parse_manifest(text: &str) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (hash, path) = line.split_once("  ").ok_or_else(|| {
            Error::invalid(MANIFEST, i + 1, "line", "expected `<sha256>  <path>`")
        })?;
        if hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::invalid(
                MANIFEST,
                i + 1,
                "sha256",
                format!("{hash:?} is not a SHA-256"),
            ));
        }
        out.insert(path.trim().to_string(), hash.to_lowercase());
    }
    Ok(out)
}

/// Starts a checked run with the manifest of `root`.
pub fn begin(root: &Path) -> Result<()> {
    let path = root.join(MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })?;
    let expected = parse_manifest(&text)?;
    *RUN.lock().expect("not poisoned") = Some(Run {
        expected: Some(expected),
        seen: BTreeMap::new(),
    });
    Ok(())
}

/// Starts a run that records every file read and its SHA-256.
pub fn begin_recording() {
    *RUN.lock().expect("not poisoned") = Some(Run {
        expected: None,
        seen: BTreeMap::new(),
    });
}

/// Ends the run; returns the files read with their SHA-256 (the manifest's text).
pub fn finish() -> String {
    let run = RUN.lock().expect("not poisoned").take();
    let mut out = String::from("# SHA-256 of every raw file the pipeline reads (../shared/data/raw); written by `pipeline hash`\n");
    for (path, hash) in run.map(|r| r.seen).unwrap_or_default() {
        out.push_str(&format!("{hash}  {path}\n"));
    }
    out
}

/// Checks `raw/rel` against the manifest (once per file and run).
pub fn verify(raw: &Path, rel: &str) -> Result<()> {
    let mut guard = RUN.lock().expect("not poisoned");
    let Some(run) = guard.as_mut() else {
        return Ok(());
    };
    if run.seen.contains_key(rel) {
        return Ok(());
    }
    let path = raw.join(rel);
    let bytes = std::fs::read(&path).map_err(|source| Error::Io { path, source })?;
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if let Some(expected) = &run.expected {
        match expected.get(rel) {
            None => {
                return Err(Error::invalid(
                    rel,
                    0,
                    "sha256",
                    format!("not in {MANIFEST}: a new raw file needs `pipeline hash` and a commit"),
                ))
            }
            Some(e) if *e != hash => {
                return Err(Error::invalid(
                    rel,
                    0,
                    "sha256",
                    format!(
                        "{hash} ({} bytes), but {MANIFEST} says {e}: the raw file changed (cut, edited or replaced); check it against its source, then run `pipeline hash`",
                        bytes.len()
                    ),
                ))
            }
            Some(_) => {}
        }
    }
    run.seen.insert(rel.to_string(), hash);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lines() {
        let h = "a".repeat(64);
        let m = parse_manifest(&format!("# c\n{h}  geo/x.json\n")).unwrap();
        assert_eq!(m["geo/x.json"], h);
        let e = parse_manifest("abc  x\n").unwrap_err().to_string();
        assert_eq!(e, "data/raw.sha256:1: sha256: \"abc\" is not a SHA-256");
        assert!(parse_manifest("nothing").is_err());
    }
}
