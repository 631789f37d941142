//! The data pipeline's command line: `build` writes the derived dataset, `check` compares it.

use datafrag::{build::build, output};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: pipeline <build|check> [--raw DIR] [--root DIR]
  build   read the raw public files and write the derived dataset (all files or none)
  check   regenerate in memory and fail if any committed file differs
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
            "build" | "check" if command.is_none() => command = Some(a.clone()),
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
    let result = build(&raw, &root).and_then(|outputs| {
        if command == "build" {
            output::write_all(&root, &outputs)?;
        } else {
            output::check_all(&root, &outputs)?;
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
