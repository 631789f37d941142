//! CSV of exactly the numbers shown: the view's table, numbers as displayed (same rounding),
//! plus unit, year and source columns. French variant: `;` and decimal comma (with a BOM so
//! spreadsheet software reads the accents); international: `,` and decimal point.

use super::Export;
use crate::i18n::Lang;

/// Which CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    French,
    International,
}

/// The number a displayed text starts with, as plain digits with a `.` decimal point:
/// "1 234,5 %" → "1234.5" (French display), "1,234.5%" → "1234.5" (English display), "97 (8e / 13)"
/// → "97" (the rank is its own column or follows from the values); `None` when the text is not a
/// number ("n.d.", "—", a reason for a missing value).
///
/// ```
/// use app::{export::csv::shown_number, i18n::Lang};
/// assert_eq!(shown_number("1\u{202f}234,5\u{a0}%", Lang::Fr).as_deref(), Some("1234.5"));
/// assert_eq!(shown_number("1,234.5%", Lang::En).as_deref(), Some("1234.5"));
/// assert_eq!(shown_number("-3", Lang::Fr).as_deref(), Some("-3"));
/// assert_eq!(shown_number("97 (8e / 13)", Lang::Fr).as_deref(), Some("97"));
/// assert_eq!(shown_number("n.d.", Lang::Fr), None);
/// ```
pub fn shown_number(text: &str, lang: Lang) -> Option<String> {
    let t = text.trim();
    let mut out = String::new();
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => out.push(c),
            '-' | '−' if i == 0 => out.push('-'),
            ',' if lang == Lang::Fr => out.push('.'),
            '.' if lang == Lang::En => out.push('.'),
            ',' if lang == Lang::En => {}
            '\u{202f}' | '\u{a0}' | ' ' if lang == Lang::Fr => {}
            _ => break,
        }
    }
    let digits = out.trim_start_matches('-');
    let is_number = digits.chars().next().is_some_and(|c| c.is_ascii_digit());
    is_number.then_some(out.trim_end_matches('.').to_string())
}

fn quote(field: &str, sep: char) -> String {
    if field.contains(sep) || field.contains('"') || field.contains('\n') || field.contains('\r') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// The CSV text of an export's table (lines end with CRLF, as RFC 4180 says).
pub fn write(e: &Export, lang: Lang, variant: Variant) -> String {
    let sep = match variant {
        Variant::French => ';',
        Variant::International => ',',
    };
    let mut out = String::new();
    if variant == Variant::French {
        out.push('\u{feff}');
    }
    let mut header: Vec<String> = e.table.headers.clone();
    header.extend(
        [
            lang.t("Unité", "Unit"),
            lang.t("Année", "Year"),
            lang.t("Source", "Source"),
        ]
        .map(String::from),
    );
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
    for (row, meta) in e.table.rows.iter().zip(&e.meta) {
        let mut fields: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let numeric = e.table.numeric.get(c).copied().unwrap_or(false);
                match shown_number(&cell.text, lang) {
                    Some(n) if numeric => match variant {
                        Variant::French => n.replace('.', ","),
                        Variant::International => n,
                    },
                    _ => cell.text.clone(),
                }
            })
            .collect();
        fields.extend([meta.unit.clone(), meta.year.clone(), meta.source.clone()]);
        out.push_str(&line(&fields));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{content, RowMeta};
    use crate::state::{catalog, fixture::dataset};
    use crate::table::{Cell, Table};
    use crate::url_state::ViewState;

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
                        Cell::num("12,5\u{a0}%", Some(12.49)),
                        Cell::num("3", Some(3.0)),
                    ],
                    vec![
                        Cell::text("Corse"),
                        Cell::num("secret statistique", None),
                        Cell::num("—", None),
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
