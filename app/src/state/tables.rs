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
    headers.push(s.info.index_unit.clone());
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
                let missing = r.figures.missing.clone().unwrap_or_else(|| "n.d.".into());
                row.push(Cell::value(r.figures.value, &s.info.unit, &missing, lang));
            }
            row.push(Cell::index(r.figures.index, lang));
            row.push(Cell::rank(r.figures.rank));
            row
        })
        .collect();
    let mut france = vec![Cell {
        emphasis: true,
        ..Cell::text(s.info.reference.clone())
    }];
    if !s.info.is_domain {
        france.push(Cell::value(s.info.france, &s.info.unit, "n.d.", lang));
    }
    france.push(Cell::index(Some(100.0), lang));
    france.push(Cell::rank(None));
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
                    Cell::index(d.index, lang),
                    Cell::rank(d.rank),
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
                row.extend(
                    r.indices
                        .iter()
                        .zip(&r.ranks)
                        .map(|(i, k)| Cell::index_rank(*i, *k, s.of, lang)),
                );
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
    let robust = s.rows.iter().any(|r| r.robust.is_some());
    if robust {
        headers.push(
            lang.t(
                "Rang selon les choix de méthode (médiane, 5e–95e centile)",
                "Rank across method choices (median, 5th–95th percentile)",
            )
            .into(),
        );
    }
    if let Some(y) = s.since {
        headers.push(match lang {
            Lang::Fr => format!("Rang depuis {y} (▲ = vers le 1er, plus fragile)"),
            Lang::En => format!("Rank since {y} (▲ = towards 1st, more fragile)"),
        });
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
                    Cell::rank(r.rank),
                    Cell::index(r.index, lang),
                ];
                if !s.info.is_domain {
                    row.push(Cell::value(r.value, &s.info.unit, "n.d.", lang));
                }
                if robust {
                    let of = s.rows.iter().filter(|r| !r.is_france).count();
                    row.push(match r.robust {
                        Some(x) => Cell {
                            num: Some(f64::from(x.median())),
                            ..Cell::text(super::analysis::robust_text(x, of, lang))
                        },
                        None => Cell::text(if r.is_france { "" } else { "—" }),
                    });
                }
                if s.since.is_some() {
                    row.push(match r.change {
                        Some(c) => Cell {
                            num: Some(f64::from(c)),
                            ..Cell::text(super::ranking::change_text(c))
                        },
                        None => Cell::text(if r.is_france { "" } else { "—" }),
                    });
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
                row.extend(p.values.iter().map(|(_, v, _)| Cell::value_with(Some(*v), "%", 0, lang)));
                row
            })
            .collect(),
    }
}

/// The domains' indices over the years (the table behind the trends chart): one row per domain,
/// its first and last year with their index, and the move.
pub fn trends(t: &[super::trajectory::DomainTrend], region: &str, lang: Lang) -> Table {
    use super::trajectory::Trend;
    let headers = vec![
        lang.t("Domaine", "Domain").to_string(),
        lang.t("Indicateurs suivis", "Indicators followed").into(),
        lang.t("Première année", "First year").into(),
        lang.t("Indice", "Index").into(),
        lang.t("Dernière année", "Last year").into(),
        lang.t("Indice", "Index").into(),
        lang.t("Par rapport à la France", "Against France").into(),
    ];
    let rows = t
        .iter()
        .filter_map(|d| {
            let ((a, va), (b, vb)) = d.first_last()?;
            let word = match d.trend()? {
                Trend::Worse => lang.t("dégradé", "worsened"),
                Trend::Better => lang.t("amélioré", "improved"),
                Trend::Stable => lang.t("stable", "stable"),
            };
            Some(vec![
                Cell::text(d.label.clone()),
                Cell::text(format!("{} / {}", d.indicators.len(), d.of)),
                Cell::year(a),
                Cell::index(Some(va), lang),
                Cell::year(b),
                Cell::index(Some(vb), lang),
                Cell::text(word),
            ])
        })
        .collect();
    Table {
        caption: format!(
            "{region} — {}",
            lang.t(
                "indices des domaines au fil des années (France = 100)",
                "domain indices over the years (France = 100)"
            )
        ),
        numeric: vec![false, false, true, true, true, true, false],
        headers,
        rows,
    }
}

/// Values over the years, a row per year (latest first) and a column per series (the table
/// behind a line chart). Series may cover different years (a region's domains): the rows are
/// every year any series has, each cell read by its year.
pub fn trajectory(spec: &crate::graphics::lines::LineSpec, title: &str, lang: Lang) -> Table {
    // The years in order without a sort (a sort's code costs the wasm ~3 KB): the span's
    // years that some series has.
    let has = |y: i32| {
        spec.series
            .iter()
            .any(|s| s.points.iter().any(|p| p.0 == y))
    };
    let all = spec
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0));
    let (lo, hi) = (all.clone().min().unwrap_or(0), all.max().unwrap_or(-1));
    let years: Vec<i32> = (lo..=hi).filter(|y| has(*y)).collect();
    let mut headers = vec![lang.t("Année", "Year").to_string()];
    headers.extend(spec.series.iter().map(|s| s.label.clone()));
    let rows = years
        .iter()
        .rev()
        .map(|y| {
            let mut row = vec![Cell::year(*y)];
            row.extend(spec.series.iter().map(|s| {
                let v = s.points.iter().find(|p| p.0 == *y).and_then(|p| p.1);
                if spec.unit.is_empty() {
                    Cell::index(v, lang)
                } else {
                    Cell::value(v, &spec.unit, "n.d.", lang)
                }
            }));
            row
        })
        .collect();
    Table {
        caption: format!(
            "{title} — {}",
            lang.t("valeurs par année", "values by year")
        ),
        numeric: headers.iter().enumerate().map(|(i, _)| i > 0).collect(),
        headers,
        rows,
    }
}

/// The scatter plot's table: each region's two values and its quarter, the reference last.
pub fn scatter(s: &super::scatter::ScatterState, lang: Lang) -> Table {
    let cell = |a: &super::scatter::Axis, v: Option<f64>, missing: &str| {
        if a.unit.is_empty() {
            Cell {
                text: v.map_or_else(|| missing.to_string(), |v| format::index(v, lang)),
                ..Cell::index(v, lang)
            }
        } else {
            Cell::value(v, &a.unit, missing, lang)
        }
    };
    let headers = vec![
        lang.t("Région", "Region").to_string(),
        s.x.label.clone(),
        s.y.label.clone(),
        match lang {
            Lang::Fr => format!("Position par rapport à {}", s.reference),
            Lang::En => format!("Position against {}", s.reference),
        },
    ];
    let mut rows: Vec<Vec<Cell>> = s
        .rows
        .iter()
        .map(|r| {
            let missing = r.missing.clone().unwrap_or_else(|| "n.d.".into());
            vec![
                Cell::text(r.name.clone()),
                cell(&s.x, r.x, &missing),
                cell(&s.y, r.y, &missing),
                Cell::text(
                    r.quadrant
                        .map(|q| q.words(s, lang))
                        .unwrap_or_else(|| "—".into()),
                ),
            ]
        })
        .collect();
    rows.push(vec![
        Cell {
            emphasis: true,
            ..Cell::text(s.reference.clone())
        },
        cell(&s.x, s.x.reference, "n.d."),
        cell(&s.y, s.y.reference, "n.d."),
        Cell::text(lang.t("référence", "reference")),
    ]);
    Table {
        caption: format!(
            "{} ({}) × {} ({}) — {}",
            s.x.info.title,
            s.x.info.year,
            s.y.info.title,
            s.y.info.year,
            lang.t("valeurs par région", "values by region")
        ),
        numeric: vec![false, true, true, false],
        headers,
        rows,
    }
}
