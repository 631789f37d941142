//! The table behind each view, exactly as the screen shows it (and as the CSV export writes it).

use super::{
    acteurs::ActeursState, compare::CompareState, map::MapState, ranking::RankingState,
    region::RegionState,
};
use crate::format;
use crate::i18n::Lang;
use crate::table::{Cell, Table};

pub fn map(s: &MapState, lang: Lang) -> Table {
    let mut headers = vec![lang.t("Région", "Region").to_string()];
    if !s.info.is_domain {
        headers.push(format!("{} ({})", lang.t("Valeur", "Value"), s.info.unit));
    }
    headers.push(
        lang.t("Indice (France = 100)", "Index (France = 100)")
            .into(),
    );
    headers.push(
        lang.t("Rang (1 = plus fragile)", "Rank (1 = most fragile)")
            .into(),
    );
    let mut rows: Vec<Vec<Cell>> = s
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![Cell::text(r.name.clone())];
            if !s.info.is_domain {
                let text = r.figures.value.map_or_else(
                    || r.figures.missing.clone().unwrap_or_else(|| "n.d.".into()),
                    |v| format::value(v, &s.info.unit, lang),
                );
                row.push(Cell::num(text, r.figures.value));
            }
            row.push(Cell::num(
                r.figures
                    .index
                    .map_or("n.d.".into(), |i| format::index(i, lang)),
                r.figures.index,
            ));
            row.push(Cell::num(
                r.figures.rank.map_or("—".into(), |k| k.to_string()),
                r.figures.rank.map(f64::from),
            ));
            row
        })
        .collect();
    let mut france = vec![Cell {
        emphasis: true,
        ..Cell::text(lang.t("France métropolitaine", "Metropolitan France"))
    }];
    if !s.info.is_domain {
        france.push(Cell::num(
            s.info
                .france
                .map_or("n.d.".into(), |v| format::value(v, &s.info.unit, lang)),
            s.info.france,
        ));
    }
    france.push(Cell::num("100", Some(100.0)));
    france.push(Cell::num("—", None));
    rows.push(france);
    let numeric = headers.iter().enumerate().map(|(i, _)| i > 0).collect();
    Table {
        caption: format!(
            "{} — {} ({})",
            s.info.title,
            lang.t("valeurs par région", "values by region"),
            s.info.year
        ),
        headers,
        numeric,
        rows,
    }
}

pub fn region(s: &RegionState, lang: Lang) -> Table {
    Table {
        caption: format!(
            "{} — {}",
            s.name,
            lang.t(
                "indice par domaine (France = 100, plus haut = plus fragile)",
                "index by domain (France = 100, higher = more fragile)"
            )
        ),
        headers: vec![
            lang.t("Domaine", "Domain").into(),
            lang.t("Indice", "Index").into(),
            lang.t("Rang (1 = plus fragile)", "Rank (1 = most fragile)")
                .into(),
        ],
        numeric: vec![false, true, true],
        rows: s
            .domains
            .iter()
            .filter(|d| !d.unmeasured)
            .map(|d| {
                vec![
                    Cell::text(d.label.clone()),
                    Cell::num(
                        d.index.map_or("n.d.".into(), |i| format::index(i, lang)),
                        d.index,
                    ),
                    Cell::num(
                        d.rank.map_or("—".into(), |r| r.to_string()),
                        d.rank.map(f64::from),
                    ),
                ]
            })
            .collect(),
    }
}

pub fn compare(s: &CompareState, lang: Lang) -> Table {
    let mut headers = vec![lang.t("Domaine", "Domain").to_string()];
    headers.extend(s.regions.iter().map(|r| r.1.clone()));
    Table {
        caption: format!(
            "{} ({})",
            lang.t(
                "Indice par domaine, France = 100, plus haut = plus fragile",
                "Index by domain, France = 100, higher = more fragile"
            ),
            s.regions
                .iter()
                .map(|r| r.1.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        numeric: headers.iter().enumerate().map(|(i, _)| i > 0).collect(),
        headers,
        rows: s
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![Cell::text(r.label.clone())];
                row.extend(r.indices.iter().zip(&r.ranks).map(|(i, k)| {
                    let text = match (i, k) {
                        (Some(i), Some(k)) => {
                            format!(
                                "{} ({})",
                                format::index(*i, lang),
                                format::rank(*k, s.of, lang)
                            )
                        }
                        (Some(i), None) => format::index(*i, lang),
                        _ => "n.d.".into(),
                    };
                    Cell::num(text, *i)
                }));
                row
            })
            .collect(),
    }
}

pub fn ranking(s: &RankingState, lang: Lang) -> Table {
    let mut headers = vec![
        lang.t("Région", "Region").to_string(),
        lang.t("Rang", "Rank").into(),
        lang.t("Indice", "Index").into(),
    ];
    if !s.info.is_domain {
        headers.push(format!("{} ({})", lang.t("Valeur", "Value"), s.info.unit));
    }
    Table {
        caption: format!(
            "{} ({}) — {}",
            s.info.title,
            s.info.year,
            lang.t(
                "classement des régions, 1 = plus fragile",
                "regions ranked, 1 = most fragile"
            )
        ),
        numeric: headers.iter().enumerate().map(|(i, _)| i > 0).collect(),
        headers,
        rows: s
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell {
                        emphasis: r.is_france,
                        ..Cell::text(r.name.clone())
                    },
                    Cell::num(
                        r.rank.map_or("—".into(), |k| k.to_string()),
                        r.rank.map(f64::from),
                    ),
                    Cell::num(
                        r.index.map_or("n.d.".into(), |i| format::index(i, lang)),
                        r.index,
                    ),
                ];
                if !s.info.is_domain {
                    row.push(Cell::num(
                        r.value
                            .map_or("n.d.".into(), |v| format::value(v, &s.info.unit, lang)),
                        r.value,
                    ));
                }
                row
            })
            .collect(),
    }
}

pub fn acteurs(s: &ActeursState, lang: Lang) -> Table {
    let mut headers = vec![lang.t("Pratique", "Practice").to_string()];
    headers.extend(s.areas.iter().cloned());
    let margins: Vec<f64> = s
        .practices
        .iter()
        .flat_map(|p| p.values.iter().map(|(_, _, m)| *m))
        .collect();
    let lo = margins.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = margins.iter().copied().fold(0.0_f64, f64::max);
    let (lo, hi) = if margins.is_empty() {
        (String::from("—"), String::from("—"))
    } else {
        (format::number(lo, 1, lang), format::number(hi, 1, lang))
    };
    Table {
        caption: match lang {
            Lang::Fr => format!(
                "Part des entreprises qui pratiquent chaque type de partenariat, {}, intervalle de confiance à 95 % de ±{lo} à ±{hi} points (échantillon de {} entreprises) ({})",
                s.practice_year, s.practice_n, s.coverage
            ),
            Lang::En => format!(
                "Share of companies with each type of partnership, {}, 95 % confidence interval from ±{lo} to ±{hi} points (sample of {} companies) ({})",
                s.practice_year, s.practice_n, s.coverage
            ),
        },
        numeric: headers.iter().enumerate().map(|(i, _)| i > 0).collect(),
        headers,
        rows: s
            .practices
            .iter()
            .map(|p| {
                let mut row = vec![Cell::text(p.practice.clone())];
                row.extend(p.values.iter().map(|(_, v, _)| Cell::num(format::value_with(*v, "%", 0, lang), Some(*v))));
                row
            })
            .collect(),
    }
}
