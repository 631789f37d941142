//! INSEE Estimations localisées de population (ELP) by département and 5-year age group,
//! one sheet per year (population at 1 January).

use super::sheet;
use crate::areas::Areas;
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE: &str = "mspr-solo-insee-ssmsi/estim-pop-dep-sexe-aq-1975-2023.xls";

/// Population of each metropolitan département by 5-year age group (index 0 = 0–4 years …
/// 19 = 95 and over), for one year.
#[derive(Debug, Clone)]
pub struct Elp {
    pub year: String,
    pub by_dep: BTreeMap<String, [f64; 20]>,
}

impl Elp {
    /// Population of `dep` aged from `from` to `to` years inclusive (multiples of 5; `to` = 999 for no bound).
    pub fn ages(&self, dep: &str, from: usize, to: usize) -> Option<f64> {
        let g = self.by_dep.get(dep)?;
        Some((from / 5..=(to / 5).min(19)).map(|i| g[i]).sum())
    }
}

/// Reads the "Ensemble" block of sheet `year`; all 96 metropolitan départements are required.
pub fn read(raw: &Path, areas: &Areas, year: &str) -> Result<Elp> {
    let range = sheet::open(raw, FILE, year)?;
    let mut by_dep = BTreeMap::new();
    for (i, row) in range.rows().enumerate() {
        let dep = Areas::normalise_dep(&sheet::text(row.first()));
        if areas.region_of_dep(&dep).is_none() {
            continue;
        }
        let mut groups = [0.0; 20];
        for (k, g) in groups.iter_mut().enumerate() {
            *g = sheet::number(row.get(2 + k), FILE, i + 1, "age group")?.ok_or_else(|| {
                Error::invalid(FILE, i + 1, format!("sheet {year}, age group {k}"), "empty")
            })?;
        }
        by_dep.insert(dep, groups);
    }
    if by_dep.len() != 96 {
        return Err(Error::invalid(
            FILE,
            0,
            format!("sheet {year}"),
            format!("{} départements, expected 96", by_dep.len()),
        ));
    }
    Ok(Elp {
        year: year.to_string(),
        by_dep,
    })
}

/// Share (%) of the population aged `from` and over, by region and France, for `meta`, in the
/// year of `elp`.
pub fn share_observations(
    elp: &Elp,
    areas: &Areas,
    meta: &crate::model::IndicatorMeta,
    from: usize,
) -> Vec<crate::model::Observation> {
    let mut sums = super::Sums::default();
    for dep in elp.by_dep.keys() {
        sums.add_dep(
            areas,
            dep,
            elp.ages(dep, from, 999).unwrap_or(0.0),
            elp.ages(dep, 0, 999).unwrap_or(0.0),
        );
    }
    sums.observations_at(meta, &elp.year, areas, 100.0, "non disponible (ELP)")
}
