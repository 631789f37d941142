//! CSV of exactly the numbers shown: the view's table, numbers as displayed (same rounding,
//! written from each cell's value and decimals),
//! plus unit, year and source columns. French variant: `;` and decimal comma (with a BOM so
//! spreadsheet software reads the accents); international: `,` and decimal point.

use super::{Export, Graphic, RowMeta};
use crate::i18n::Lang;
use crate::model::ViewState;
use crate::table::Table;
use datafrag::model::Dataset;

/// Which CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    French,
    International,
}

impl Variant {
    /// For file names.
    pub fn key(self) -> &'static str {
        match self {
            Variant::French => "fr",
            Variant::International => "intl",
        }
    }
}

/// RFC 4180 quoting, hand-written: the `csv` crate's writer doing the same added 14 KB brotli
/// to the wasm (measured 2026-12-02: 241 512 → 255 874 B), for these four lines.
fn quote(field: &str, sep: char) -> String {
    if field.contains(sep) || field.contains('"') || field.contains('\n') || field.contains('\r') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`, or
/// after a tab or a carriage return) is prefixed with `'`, as OWASP advises; numbers are written
/// from their values and never pass here, so a real negative number stays a number.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The CSV of a view and its file name's slug: for the map, the ranking, a region and the
/// comparison, their data one row per region × measure (`tidy`: the region named, raw value,
/// France, index to one decimal, rank); for lines over the years and the acteurs, their table.
/// The CSV of an export's own table (the département views') and its slug.
pub fn of_export(e: &Export, lang: Lang, variant: Variant) -> (String, String) {
    (write(e, lang, variant), e.slug.clone())
}

pub fn of_view(ds: &Dataset, s: &ViewState, variant: Variant) -> Option<(String, String)> {
    let e = super::content(ds, s)?;
    let text = match (&e.graphic, super::tidy::of_view(ds, s)) {
        (Graphic::Map { .. } | Graphic::Bars(_) | Graphic::Scatter(_), Some((t, meta))) => {
            write_table(&t, Some(&meta), s.lang, variant)
        }
        _ => write(&e, s.lang, variant),
    };
    Some((text, e.slug))
}

/// The CSV text of an export's table (lines end with CRLF, as RFC 4180 says).
pub fn write(e: &Export, lang: Lang, variant: Variant) -> String {
    write_table(&e.table, Some(&e.meta), lang, variant)
}

/// The CSV text of a table, with unit, year and source columns from `meta` (one per row) when
/// given.
pub fn write_table(t: &Table, meta: Option<&[RowMeta]>, lang: Lang, variant: Variant) -> String {
    let sep = match variant {
        Variant::French => ';',
        Variant::International => ',',
    };
    let mut out = String::new();
    if variant == Variant::French {
        out.push('\u{feff}');
    }
    let mut header: Vec<String> = t.headers.iter().map(|h| defuse(h)).collect();
    // A table by year (a trajectory) has its year first: no second year column.
    let year = lang.t("Année", "Year");
    let by_year = t.headers.first().is_some_and(|h| h == year);
    if meta.is_some() {
        header.push(lang.t("Unité", "Unit").into());
        if !by_year {
            header.push(year.into());
        }
        header.push(lang.t("Source", "Source").into());
    }
    let line = |fields: &[String]| -> String {
        let mut l = fields
            .iter()
            .map(|f| quote(f, sep))
            .collect::<Vec<_>>()
            .join(&sep.to_string());
        l.push_str("\r\n");
        l
    };
    out.push_str(&line(&header));
    let none = RowMeta::default();
    for (k, row) in t.rows.iter().enumerate() {
        let mut fields: Vec<String> = row
            .iter()
            .map(|cell| match cell.shown {
                // The number as shown (same rounding), from the cell's value, never parsed
                // back from its text.
                Some(n) => n.plain(match variant {
                    Variant::French => ',',
                    Variant::International => '.',
                }),
                None => defuse(&cell.text),
            })
            .collect();
        if let Some(meta) = meta {
            let m = meta.get(k).unwrap_or(&none);
            fields.push(defuse(&m.unit));
            if !by_year {
                fields.push(defuse(&m.year));
            }
            fields.push(defuse(&m.source));
        }
        out.push_str(&line(&fields));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::content;
    use crate::model::ViewState;
    use crate::state::{catalog, fixture::dataset};
    use crate::table::{Cell, Table};

    fn export() -> Export {
        Export {
            title: "t".into(),
            subtitle: "s".into(),
            sources: "INSEE 2021".into(),
            table: Table {
                caption: "c".into(),
                headers: vec!["Région".into(), "Valeur (%)".into(), "Rang".into()],
                numeric: vec![false, true, true],
                rows: vec![
                    vec![
                        Cell::text("Provence-Alpes-Côte d'Azur; Sud"),
                        Cell::value(Some(12.49), "%", "n.d.", Lang::Fr),
                        Cell::rank(Some(3)),
                    ],
                    vec![
                        Cell::text("Corse"),
                        Cell::value(None, "%", "secret statistique", Lang::Fr),
                        Cell::rank(None),
                    ],
                ],
            },
            meta: vec![
                RowMeta {
                    unit: "%".into(),
                    year: "2021".into(),
                    source: "INSEE, \"Filosofi\"".into(),
                };
                2
            ],
            graphic: crate::export::Graphic::Table,
            slug: "x".into(),
        }
    }

    /// Promise: the numbers as displayed (12,5 not 12.49), separators per variant, quoting.
    #[test]
    fn french_and_international_variants() {
        let fr = write(&export(), Lang::Fr, Variant::French);
        let lines: Vec<&str> = fr.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Région;Valeur (%);Rang;Unité;Année;Source");
        assert_eq!(
            lines[1],
            "\"Provence-Alpes-Côte d'Azur; Sud\";12,5;3;%;2021;\"INSEE, \"\"Filosofi\"\"\""
        );
        assert_eq!(
            lines[2],
            "Corse;secret statistique;—;%;2021;\"INSEE, \"\"Filosofi\"\"\""
        );
        assert!(fr.starts_with('\u{feff}'));
        let intl = write(&export(), Lang::Fr, Variant::International);
        assert!(intl
            .contains("Provence-Alpes-Côte d'Azur; Sud,12.5,3,%,2021,\"INSEE, \"\"Filosofi\"\"\""));
        assert!(!intl.starts_with('\u{feff}'));
    }

    /// Bug guarded (faults issue, item 11): data text starting with `=`, `+`, `-`, `@`, a tab or
    /// a carriage return was written as a live formula. It is prefixed with `'`; a negative
    /// number written from its value is left alone.
    #[test]
    fn formula_like_text_is_defused() {
        let mut e = export();
        e.table.rows[0][0] = Cell::text("=HYPERLINK(\"http://evil.example\",\"x\")");
        e.table.rows[1][0] = Cell::text("@SUM(A1)");
        e.table.rows[1][1] = Cell::value(Some(-2.5), "%", "n.d.", Lang::Fr);
        e.meta[1].source = "+33 1 23".into();
        e.meta[0].year = "\t2021".into();
        let fr = write(&e, Lang::Fr, Variant::French);
        let lines: Vec<&str> = fr.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(
            lines[1].starts_with("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\";"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(";'\t2021;"), "{}", lines[1]);
        assert_eq!(lines[2], "'@SUM(A1);-2,5;—;%;2021;'+33 1 23");
        for t in ["-", "+", "=", "@"] {
            assert!(
                !lines
                    .iter()
                    .any(|l| l.split(';').any(|f| f.starts_with(t) && f != "-2,5")),
                "{t}"
            );
        }
    }

    /// Every row of a real view's table is in the CSV, with as many fields as the header.
    #[test]
    fn a_view_exports_every_row() {
        let ds = dataset();
        let s = ViewState::default_for(&catalog(&ds));
        let e = content(&ds, &s).unwrap();
        let text = write(&e, Lang::Fr, Variant::French);
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), e.table.rows.len() + 1);
        let n = lines[0].split(';').count();
        assert!(lines.iter().all(|l| l.split(';').count() == n), "{text}");
    }
}
