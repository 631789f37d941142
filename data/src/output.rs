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

/// Writes every output under `root`: first each to a temporary sibling, then renames them into
/// place. Any failure before the renames leaves the existing files untouched.
pub fn write_all(root: &Path, outputs: &[Output]) -> Result<()> {
    let mut staged = Vec::new();
    for o in outputs {
        let dest = root.join(&o.path);
        let dir = dest.parent().unwrap_or(root);
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let tmp = dest.with_extension(format!("tmp-{}", std::process::id()));
        if let Err(e) = std::fs::write(&tmp, &o.bytes) {
            staged.iter().for_each(|(t, _): &(PathBuf, PathBuf)| {
                let _ = std::fs::remove_file(t);
            });
            return Err(io(&tmp)(e));
        }
        staged.push((tmp, dest));
    }
    for (tmp, dest) in &staged {
        std::fs::rename(tmp, dest).map_err(io(dest))?;
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
}
