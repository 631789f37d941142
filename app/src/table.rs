//! The data behind every chart, as a sortable table model (sorting tested natively).

use crate::format;
use crate::i18n::Lang;

/// A number as a cell shows it: its value and the decimals it is shown with. The display text
/// and both CSV dialects are written from it, never parsed back from the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown {
    pub value: f64,
    pub decimals: usize,
}

impl Shown {
    /// The number for a CSV: the shown rounding, no grouping, `.` or `,` as decimal mark.
    ///
    /// ```
    /// use app::table::Shown;
    /// assert_eq!(Shown { value: 1234.56, decimals: 1 }.plain(','), "1234,6");
    /// assert_eq!(Shown { value: -0.04, decimals: 1 }.plain('.'), "0.0");
    /// ```
    pub fn plain(&self, decimal: char) -> String {
        let s = format!("{:.*}", self.decimals, self.value);
        let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
            s[1..].to_string()
        } else {
            s
        };
        s.replace('.', &decimal.to_string())
    }
}

/// One cell: what is shown and how it sorts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    /// Numeric sort key; `None` sorts last whatever the direction (missing values).
    pub num: Option<f64>,
    /// The number shown, when the cell shows one.
    pub shown: Option<Shown>,
    /// Marks France's reference row.
    pub emphasis: bool,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            num: None,
            shown: None,
            emphasis: false,
        }
    }

    /// A number shown with `decimals` by `text` (its unit, a rank beside it), or `missing`.
    fn number(
        v: Option<f64>,
        decimals: usize,
        text: impl Fn(f64) -> String,
        missing: &str,
    ) -> Cell {
        Cell {
            text: v.map_or_else(|| missing.to_string(), &text),
            num: v,
            shown: v.map(|value| Shown { value, decimals }),
            emphasis: false,
        }
    }

    /// A value in its unit ("12,3 %"), with the unit's decimals; `missing` says why there is none.
    pub fn value(v: Option<f64>, unit: &str, missing: &str, lang: Lang) -> Cell {
        let decimals = v.map_or(0, |v| format::decimals(v, unit));
        Cell::number(
            v,
            decimals,
            |v| format::value_with(v, unit, decimals, lang),
            missing,
        )
    }

    /// A value in its unit with given decimals (the decks' whole percentages).
    pub fn value_with(v: Option<f64>, unit: &str, decimals: usize, lang: Lang) -> Cell {
        Cell::number(
            v,
            decimals,
            |v| format::value_with(v, unit, decimals, lang),
            "n.d.",
        )
    }

    /// An index (France = 100), whole.
    pub fn index(v: Option<f64>, lang: Lang) -> Cell {
        Cell::number(v, 0, |v| format::index(v, lang), "n.d.")
    }

    /// An index (France = 100) to one decimal, as the data files give it.
    pub fn index1(v: Option<f64>) -> Cell {
        Cell::number(v, 1, |v| format!("{v:.1}"), "")
    }

    /// An index with its rank beside it: "98 (7e / 13)"; the CSV has the index.
    pub fn index_rank(v: Option<f64>, rank: Option<u8>, of: usize, lang: Lang) -> Cell {
        Cell::number(
            v,
            0,
            |v| match rank {
                Some(k) => format!("{} ({})", format::index(v, lang), format::rank(k, of, lang)),
                None => format::index(v, lang),
            },
            "n.d.",
        )
    }

    /// A year ("2016", never grouped as a number would be).
    pub fn year(y: i32) -> Cell {
        Cell::number(Some(f64::from(y)), 0, |v| format!("{v:.0}"), "")
    }

    /// A rank ("3"), or "—".
    pub fn rank(k: Option<u8>) -> Cell {
        Cell::number(k.map(f64::from), 0, |v| format!("{v:.0}"), "—")
    }
}

/// A table with a caption, headers and rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// Which columns are numeric (right-aligned, numeric sort).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Row order for a sort on `col`, ascending or not. Text sorts by French collation of
    /// lowercase letters without accents; missing numbers go last; ties keep the original order.
    pub fn order(&self, col: usize, ascending: bool) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.rows.len()).collect();
        let numeric = self.numeric.get(col).copied().unwrap_or(false);
        idx.sort_by(|&a, &b| {
            let (ca, cb) = (&self.rows[a][col], &self.rows[b][col]);
            if numeric {
                match (ca.num, cb.num) {
                    (Some(x), Some(y)) => {
                        let o = x.total_cmp(&y);
                        if ascending {
                            o
                        } else {
                            o.reverse()
                        }
                    }
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
            } else {
                let o = fold(&ca.text).cmp(&fold(&cb.text));
                if ascending {
                    o
                } else {
                    o.reverse()
                }
            }
        });
        idx
    }

    /// The table as CSV rows (header first), the numbers as shown.
    pub fn to_rows(&self) -> Vec<Vec<String>> {
        std::iter::once(self.headers.clone())
            .chain(
                self.rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.text.clone()).collect()),
            )
            .collect()
    }
}

/// Lowercase without French accents, for sorting names.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell carries its value and rounding: the text and the CSV number both come from them
    /// (the CSV never parses "98 (7e / 13)" back).
    #[test]
    fn typed_cells_derive_text_and_csv() {
        let c = Cell::index_rank(Some(97.6), Some(7), 13, Lang::Fr);
        assert_eq!(c.text, "98 (7e\u{a0}/ 13)");
        assert_eq!(c.shown.unwrap().plain(','), "98");
        let v = Cell::value(Some(1234.56), "€", "n.d.", Lang::En);
        assert_eq!(v.text, "1,235\u{a0}€");
        assert_eq!(v.shown.unwrap().plain('.'), "1235");
        let missing = Cell::value(None, "%", "secret statistique", Lang::Fr);
        assert_eq!(
            (missing.text.as_str(), missing.shown),
            ("secret statistique", None)
        );
        assert_eq!(Cell::rank(Some(3)).text, "3");
    }

    fn t() -> Table {
        Table {
            caption: "c".into(),
            headers: vec!["Région".into(), "Indice".into()],
            numeric: vec![false, true],
            rows: vec![
                vec![
                    Cell::text("Île-de-France"),
                    Cell::index(Some(80.0), Lang::Fr),
                ],
                vec![Cell::text("Corse"), Cell::index(None, Lang::Fr)],
                vec![Cell::text("Bretagne"), Cell::index(Some(120.0), Lang::Fr)],
            ],
        }
    }

    #[test]
    fn sorts_text_without_accents_and_numbers_with_missing_last() {
        let t = t();
        assert_eq!(
            t.order(0, true),
            vec![2, 1, 0],
            "Bretagne, Corse, Île-de-France"
        );
        assert_eq!(t.order(1, true), vec![0, 2, 1]);
        assert_eq!(
            t.order(1, false),
            vec![2, 0, 1],
            "missing stays last descending too"
        );
        assert_eq!(t.to_rows()[0], vec!["Région", "Indice"]);
    }
}
