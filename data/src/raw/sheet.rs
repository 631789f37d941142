//! Excel helpers over calamine: open a sheet, read cells as text or numbers with their position.

use crate::{Error, Result};
use calamine::{open_workbook_auto, Data, Range, Reader};
use std::path::Path;

/// Opens `sheet` of the workbook `raw/rel` (xlsx or xls).
pub fn open(raw: &Path, rel: &str, sheet: &str) -> Result<Range<Data>> {
    crate::rawcheck::verify(raw, rel)?;
    let path = raw.join(rel);
    guarded(rel, || {
        let mut wb = open_workbook_auto(&path)
            .map_err(|e| Error::invalid(rel, 0, "workbook", e.to_string()))?;
        wb.worksheet_range(sheet)
            .map_err(|e| Error::invalid(rel, 0, format!("sheet {sheet:?}"), e.to_string()))
    })
}

/// Runs a reader of `rel`; calamine panics on some damaged files (a truncated .xls): the panic
/// becomes an error that names the file, instead of a backtrace that names none.
fn guarded<T>(rel: &str, read: impl FnOnce() -> Result<T>) -> Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    res.unwrap_or_else(|p| {
        let why = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(Error::invalid(
            rel,
            0,
            "workbook",
            format!("damaged or truncated file, its reader stopped ({why})"),
        ))
    })
}

/// A cell as trimmed text (numbers as Excel shows them without a trailing `.0`).
pub fn text(c: Option<&Data>) -> String {
    match c {
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 => format!("{}", *f as i64),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        _ => String::new(),
    }
}

/// A cell as a number: `Ok(None)` when empty; an error naming `file:row: field` for text or a
/// formula left as text (`=…`, the DOM rows of the DREES file).
pub fn number(c: Option<&Data>, file: &str, row: usize, field: &str) -> Result<Option<f64>> {
    match c {
        Some(Data::Float(f)) if f.is_finite() => Ok(Some(*f)),
        Some(Data::Int(i)) => Ok(Some(*i as f64)),
        None | Some(Data::Empty) => Ok(None),
        Some(Data::String(s)) => super::parse_num(s, file, row, field),
        Some(other) => Err(Error::invalid(
            file,
            row,
            field,
            format!("not a number: {other:?}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    /// Bug guarded (faults issue, item 9): a truncated .xls made the pipeline panic with a
    /// backtrace that named no file. A reader's panic is an error naming the file.
    #[test]
    fn a_reader_that_panics_is_an_error_naming_the_file() {
        let err = super::guarded("estim-pop.xls", || -> crate::Result<()> {
            let cells: Vec<u8> = std::hint::black_box(Vec::new());
            let _ = cells[3]; // what calamine does on a cut sector table
            Ok(())
        })
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("estim-pop.xls:") && err.contains("damaged or truncated"),
            "{err}"
        );
        // A file cut short is refused with its name, whichever way calamine fails on it.
        let dir = std::env::temp_dir().join(format!("datafrag-xls-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.resize(700, 0xFF);
        std::fs::write(dir.join("cut.xls"), &bytes).unwrap();
        let err = super::guarded("cut.xls", || {
            use calamine::Reader;
            let mut wb = calamine::open_workbook_auto(dir.join("cut.xls"))
                .map_err(|e| crate::Error::invalid("cut.xls", 0, "workbook", e.to_string()))?;
            wb.worksheet_range("x")
                .map_err(|e| crate::Error::invalid("cut.xls", 0, "sheet", e.to_string()))
        })
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("cut.xls:"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
