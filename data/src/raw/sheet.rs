//! Excel helpers over calamine: open a sheet, read cells as text or numbers with their position.

use crate::{Error, Result};
use calamine::{open_workbook_auto, Data, Range, Reader};
use std::path::Path;

/// Opens `sheet` of the workbook `raw/rel` (xlsx or xls).
pub fn open(raw: &Path, rel: &str, sheet: &str) -> Result<Range<Data>> {
    crate::rawcheck::verify(raw, rel)?;
    let mut wb = open_workbook_auto(raw.join(rel))
        .map_err(|e| Error::invalid(rel, 0, "workbook", e.to_string()))?;
    wb.worksheet_range(sheet)
        .map_err(|e| Error::invalid(rel, 0, format!("sheet {sheet:?}"), e.to_string()))
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
