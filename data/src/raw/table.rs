//! A parsed CSV file with its header, every record and its line: the one place where readers
//! turn CSV errors into `file:line: field: what`.

use crate::{Error, Result};
use csv::StringRecord;

/// A CSV file read whole.
pub struct CsvTable {
    pub file: String,
    headers: StringRecord,
    /// (line, record), in file order.
    pub rows: Vec<(usize, StringRecord)>,
}

impl CsvTable {
    /// Parses `text` with `delimiter`; a header of one column means the separator is wrong.
    pub fn parse(text: &str, file: &str, delimiter: u8) -> Result<CsvTable> {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| Error::invalid(file, 1, "header", e.to_string()))?
            .clone();
        if headers.len() < 2 {
            return Err(Error::invalid(
                file,
                1,
                "separator",
                format!("expected `{}`-separated columns", delimiter as char),
            ));
        }
        let rows = rdr
            .records()
            .map(|r| {
                let rec = r.map_err(|e| {
                    Error::invalid(
                        file,
                        e.position().map_or(0, |p| p.line() as usize),
                        "record",
                        e.to_string(),
                    )
                })?;
                Ok((rec.position().map_or(0, |p| p.line() as usize), rec))
            })
            .collect::<Result<_>>()?;
        Ok(CsvTable {
            file: file.to_string(),
            headers,
            rows,
        })
    }

    /// The index of a column, or an error naming it.
    pub fn col(&self, name: &str) -> Result<usize> {
        self.headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Error::invalid(&self.file, 1, name, "missing column"))
    }

    /// A cell as a number (see [`super::parse_num`]), with the file, line and field in errors.
    pub fn num(
        &self,
        line: usize,
        rec: &StringRecord,
        col: usize,
        field: &str,
    ) -> Result<Option<f64>> {
        super::parse_num(rec.get(col).unwrap_or(""), &self.file, line, field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_place() {
        let e = CsvTable::parse("a;b\n1;2\n", "f.csv", b',')
            .err()
            .unwrap()
            .to_string();
        assert_eq!(e, "f.csv:1: separator: expected `,`-separated columns");
        let t = CsvTable::parse("a,b\n1,x\n", "f.csv", b',').unwrap();
        assert_eq!(
            t.col("c").err().unwrap().to_string(),
            "f.csv:1: c: missing column"
        );
        let (line, rec) = &t.rows[0];
        assert_eq!(
            t.num(*line, rec, 1, "b").err().unwrap().to_string(),
            "f.csv:2: b: not a number: \"x\""
        );
        let e = CsvTable::parse("a,b\n1,2,3\n", "g.csv", b',')
            .err()
            .unwrap()
            .to_string();
        assert!(e.starts_with("g.csv:2: record:"), "{e}");
    }
}
