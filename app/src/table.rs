//! The data behind every chart, as a sortable table model (sorting tested natively).

/// One cell: what is shown and how it sorts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    /// Numeric sort key; `None` sorts last whatever the direction (missing values).
    pub num: Option<f64>,
    /// Marks France's reference row.
    pub emphasis: bool,
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            num: None,
            emphasis: false,
        }
    }
    pub fn num(t: impl Into<String>, v: Option<f64>) -> Cell {
        Cell {
            text: t.into(),
            num: v,
            emphasis: false,
        }
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

    fn t() -> Table {
        Table {
            caption: "c".into(),
            headers: vec!["Région".into(), "Indice".into()],
            numeric: vec![false, true],
            rows: vec![
                vec![Cell::text("Île-de-France"), Cell::num("80", Some(80.0))],
                vec![Cell::text("Corse"), Cell::num("n.d.", None)],
                vec![Cell::text("Bretagne"), Cell::num("120", Some(120.0))],
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
