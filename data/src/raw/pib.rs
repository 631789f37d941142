//! INSEE regional accounts (base 2014), 1990–2022: a sheet per measure (`source =
//! "pib:<sheet>"`), one column per year; France métropolitaine is INSEE's published row.

use super::{obs_at, profiles::regional_accounts, source_key};
use crate::areas::Areas;
use crate::model::{IndicatorMeta, Observation, FRANCE};
use crate::{Error, Result};
use std::path::Path;

pub fn read(raw: &Path, areas: &Areas, metas: &[&IndicatorMeta]) -> Result<Vec<Observation>> {
    let mut out = Vec::new();
    for meta in metas {
        let sheet = source_key(meta, "pib").ok_or_else(|| {
            Error::invalid(
                "data/indicators.toml",
                0,
                "source",
                format!("{}: pib:<sheet>", meta.id),
            )
        })?;
        for year in super::years_of(meta) {
            let values = regional_accounts(raw, areas, sheet, &year)?;
            for code in areas.region_codes().chain([FRANCE]) {
                out.push(obs_at(
                    meta,
                    &year,
                    code,
                    values.get(code).copied(),
                    "absent des comptes régionaux",
                ));
            }
        }
    }
    Ok(out)
}
