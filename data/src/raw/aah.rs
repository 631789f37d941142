//! DREES: AAH recipients at 31 December by département (Tableau 1), per 100 people aged 20–64
//! (ELP at 1 January of the next year). The 2016 series break: `2016` is the old series,
//! `2016 (1)` the new one; the indicator's year names the column.

use super::{elp::Elp, sheet, Sums};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation};
use crate::{Error, Result};
use std::path::Path;

pub const FILE: &str =
    "drees-asdep-handicap/minima-sociaux-donnees-departementales-par-dispositif.xlsx";

/// AAH recipients of a column: per metropolitan département, and the file's own
/// "France métropolitaine" total when it has one (for the consistency test).
pub struct Recipients {
    pub by_dep: Vec<(String, f64)>,
    pub metro_total: Option<f64>,
}

/// Reads the column `year` of Tableau 1.
pub fn recipients(raw: &Path, areas: &Areas, year: &str) -> Result<Recipients> {
    let range = sheet::open(raw, FILE, "Tableau 1")?;
    let mut header_row = None;
    let mut col = None;
    for (i, row) in range.rows().enumerate() {
        if let Some(c) = row.iter().position(|c| sheet::text(Some(c)) == year) {
            header_row = Some(i);
            col = Some(c);
            break;
        }
    }
    let (Some(h), Some(col)) = (header_row, col) else {
        return Err(Error::invalid(
            FILE,
            0,
            "Tableau 1",
            format!("no column {year:?}"),
        ));
    };
    let mut out = Vec::new();
    let mut metro_total = None;
    for (i, row) in range.rows().enumerate().skip(h + 1) {
        let dep = Areas::normalise_dep(&sheet::text(row.get(1)));
        let label = sheet::text(row.get(2));
        if label.starts_with("France métropolitaine")
            || sheet::text(row.get(1)).starts_with("France métropolitaine")
        {
            metro_total = sheet::number(row.get(col), FILE, i + 1, year)?;
        }
        if areas.region_of_dep(&dep).is_none() {
            continue;
        }
        let v = sheet::number(row.get(col), FILE, i + 1, year)?.ok_or_else(|| {
            Error::invalid(
                FILE,
                i + 1,
                year.to_string(),
                format!("département {dep}: empty"),
            )
        })?;
        if out.iter().any(|(d, _)| d == &dep) {
            return Err(Error::invalid(
                FILE,
                i + 1,
                "N° Dep",
                format!("département {dep} twice"),
            ));
        }
        out.push((dep, v));
    }
    if out.len() != 96 {
        return Err(Error::invalid(
            FILE,
            0,
            "N° Dep",
            format!("{} metropolitan départements, expected 96", out.len()),
        ));
    }
    Ok(Recipients {
        by_dep: out,
        metro_total,
    })
}

/// The column of Tableau 1 for year `year`: the year itself, except 2016, given twice; its
/// new series (`2016 (1)`, CNAF's new system, continued by 2017–2019) is the one kept, and the
/// series' metadata declares the break at 2016.
pub fn column(year: &str) -> String {
    if year == "2016" {
        "2016 (1)".into()
    } else {
        year.into()
    }
}

/// The observations of `meta` for `year`: recipients of the column (`column`) per 100 people
/// aged 20–64 in `elp_next_year`.
pub fn observations(
    raw: &Path,
    areas: &Areas,
    meta: &IndicatorMeta,
    year: &str,
    column: &str,
    elp_next_year: &Elp,
) -> Result<Vec<Observation>> {
    let rows = recipients(raw, areas, column)?.by_dep;
    let mut sums = Sums::default();
    for (dep, n) in rows {
        let pop = elp_next_year
            .ages(&dep, 20, 64)
            .ok_or_else(|| Error::invalid(super::elp::FILE, 0, dep.clone(), "no population"))?;
        sums.add_dep(areas, &dep, n, pop);
    }
    Ok(sums.observations_at(meta, year, areas, 100.0, "non disponible (DREES)"))
}
