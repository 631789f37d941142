//! Writing the generated files all at once or not at all.

use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// A generated file: its path relative to the project root and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Removes what a killed run left beside the outputs (`*.tmp-<pid>`, `*.bak-<pid>`).
fn clean_leftovers(root: &Path, outputs: &[Output]) {
    for o in outputs {
        let dest = root.join(&o.path);
        let (Some(dir), Some(name)) = (dest.parent(), dest.file_stem()) else {
            continue;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let prefix = format!("{}.", name.to_string_lossy());
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            if n.starts_with(&prefix) && (n.contains(".tmp-") || n.contains(".bak-")) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Writes every output under `root`, all or nothing: each is first written to a temporary
/// sibling; then the existing files are moved aside and the new ones moved in. If any step
/// fails, the files moved aside are put back and the temporaries removed, so the folder holds
/// exactly the previous generation. Leftovers of a killed run are removed first.
pub fn write_all(root: &Path, outputs: &[Output]) -> Result<()> {
    clean_leftovers(root, outputs);
    let pid = std::process::id();
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let discard = |staged: &[(PathBuf, PathBuf)]| {
        for (t, _) in staged {
            let _ = std::fs::remove_file(t);
        }
    };
    for o in outputs {
        let dest = root.join(&o.path);
        let dir = dest.parent().unwrap_or(root);
        if let Err(e) = std::fs::create_dir_all(dir) {
            discard(&staged);
            return Err(io(dir)(e));
        }
        let tmp = dest.with_extension(format!("tmp-{pid}"));
        if let Err(e) = std::fs::write(&tmp, &o.bytes) {
            discard(&staged);
            return Err(io(&tmp)(e));
        }
        staged.push((tmp, dest));
    }
    // Switch: move each existing file aside, then the new one in; undo everything on a failure.
    let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    let mut failure = None;
    for (tmp, dest) in &staged {
        let bak = dest.with_extension(format!("bak-{pid}"));
        let aside = if dest.is_file() {
            match std::fs::rename(dest, &bak) {
                Ok(()) => Some(bak),
                Err(e) => {
                    failure = Some(io(dest)(e));
                    break;
                }
            }
        } else {
            None
        };
        let moved = std::fs::rename(tmp, dest);
        done.push((dest.clone(), aside));
        if let Err(e) = moved {
            failure = Some(io(dest)(e));
            break;
        }
    }
    if let Some(e) = failure {
        for (dest, aside) in done.iter().rev() {
            match aside {
                Some(bak) => {
                    let _ = std::fs::rename(bak, dest);
                }
                None => {
                    let _ = std::fs::remove_file(dest);
                }
            }
        }
        discard(&staged);
        return Err(e);
    }
    for (_, aside) in done {
        if let Some(bak) = aside {
            let _ = std::fs::remove_file(bak);
        }
    }
    Ok(())
}

/// Compares the outputs with the files under `root`; the first difference is an error.
pub fn check_all(root: &Path, outputs: &[Output]) -> Result<()> {
    for o in outputs {
        let dest = root.join(&o.path);
        let committed = std::fs::read(&dest).map_err(io(&dest))?;
        if committed != o.bytes {
            let line = committed
                .split(|&b| b == b'\n')
                .zip(o.bytes.split(|&b| b == b'\n'))
                .position(|(a, b)| a != b)
                .map_or_else(
                    || "lengths differ".to_string(),
                    |l| format!("first difference at line {}", l + 1),
                );
            return Err(Error::Stale {
                path: o.path.display().to_string(),
                detail: format!(
                    "{} bytes committed, {} generated, {line}",
                    committed.len(),
                    o.bytes.len()
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_then_detects_staleness() {
        let root = std::env::temp_dir().join(format!("datafrag-out-{}", std::process::id()));
        let outs = vec![Output {
            path: "a/b.json".into(),
            bytes: b"{}\n".to_vec(),
        }];
        write_all(&root, &outs).unwrap();
        check_all(&root, &outs).unwrap();
        let changed = vec![Output {
            path: "a/b.json".into(),
            bytes: b"{ }\n".to_vec(),
        }];
        let e = check_all(&root, &changed).unwrap_err().to_string();
        assert!(
            e.contains("3 bytes committed, 4 generated, first difference at line 1"),
            "{e}"
        );
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(root.join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
        std::fs::remove_dir_all(root).unwrap();
    }

    /// Bug guarded (faults issue, item 8): when the last rename failed, the first file was
    /// already replaced and the second was not; a killed run left `*.tmp-*` files.
    #[test]
    fn a_failed_switch_leaves_the_previous_generation_whole() {
        let root = std::env::temp_dir().join(format!("datafrag-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let old = vec![
            Output {
                path: "d/dataset.json".into(),
                bytes: b"old 1\n".to_vec(),
            },
            Output {
                path: "d/profiles.csv".into(),
                bytes: b"old 2\n".to_vec(),
            },
        ];
        write_all(&root, &old).unwrap();
        // A killed run's leftover is cleaned by the next run.
        std::fs::write(root.join("d/dataset.tmp-99999"), b"half").unwrap();
        // The second destination cannot be replaced: a non-empty folder stands in its way.
        let blocked = vec![
            Output {
                path: "d/dataset.json".into(),
                bytes: b"new 1\n".to_vec(),
            },
            Output {
                path: "d/third/x".into(),
                bytes: b"new 3\n".to_vec(),
            },
            Output {
                path: "d/block".into(),
                bytes: b"new 2\n".to_vec(),
            },
        ];
        std::fs::create_dir_all(root.join("d/block/inside")).unwrap();
        assert!(write_all(&root, &blocked).is_err());
        assert_eq!(
            std::fs::read(root.join("d/dataset.json")).unwrap(),
            b"old 1\n",
            "the first file is not replaced"
        );
        assert!(
            !root.join("d/third/x").exists(),
            "a new file of the failed run is removed"
        );
        let mut names: Vec<String> = std::fs::read_dir(root.join("d"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["block", "dataset.json", "profiles.csv", "third"],
            "no temporary or backup file left"
        );
        std::fs::remove_dir_all(root).unwrap();
    }
}
