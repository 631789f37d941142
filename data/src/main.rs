//! The data pipeline's command line: `build` writes the derived dataset, `check` compares it.

use datafrag::{build::build, output};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: pipeline <build|check|hash> [--raw DIR] [--root DIR]
  build   read the raw public files and write the derived dataset (all files or none)
  check   regenerate in memory and fail if any committed file differs
  hash    after a deliberate update of the raw files: write data/raw.sha256 from the files read
  --raw   the raw data folder (default: ../shared/data/raw)
  --root  the project root (default: .)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut raw = PathBuf::from("../shared/data/raw");
    let mut root = PathBuf::from(".");
    let mut command = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--raw" => raw = it.next().map(PathBuf::from).unwrap_or_default(),
            "--root" => root = it.next().map(PathBuf::from).unwrap_or_default(),
            "build" | "check" | "hash" if command.is_none() => command = Some(a.clone()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(command) = command else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    // Every raw file read is checked against the committed manifest, or recorded into it.
    let started = if command == "hash" {
        datafrag::rawcheck::begin_recording();
        Ok(())
    } else {
        datafrag::rawcheck::begin(&root)
    };
    let result = started
        .and_then(|()| build(&raw, &root))
        .and_then(|outputs| {
            match command.as_str() {
                "build" => output::write_all(&root, &outputs)?,
                "check" => output::check_all(&root, &outputs)?,
                _ => {
                    let manifest = datafrag::rawcheck::finish();
                    let out = output::Output {
                        path: datafrag::rawcheck::MANIFEST.into(),
                        bytes: manifest.into_bytes(),
                    };
                    output::write_all(&root, std::slice::from_ref(&out))?;
                    return Ok(vec![out]);
                }
            }
            Ok(outputs)
        });
    match result {
        Ok(outputs) => {
            for o in &outputs {
                println!("{command}: {} ({} bytes)", o.path.display(), o.bytes.len());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
