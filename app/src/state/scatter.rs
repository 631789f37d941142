//! The scatter view's state: two measures at once, one point per region, the reference's values
//! dividing the plane into four quarters read in fragility terms ("plus fragile sur les deux").
//! An indicator is plotted in its own unit, a domain (or the overall reading) as its index.

use super::{measure_figures, measure_info, MeasureInfo};
use crate::format;
use crate::i18n::Lang;
use crate::model::Measure;
use datafrag::model::{Dataset, Polarity};

/// One axis: what it measures and which way is more fragile.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub info: MeasureInfo,
    /// The axis' title with its unit: "Chômage (%)", "Emploi — indice (France = 100)".
    pub label: String,
    /// The values' unit (empty for an index).
    pub unit: String,
    /// The reference's value on this axis (100 for an index).
    pub reference: Option<f64>,
    /// A higher value means more fragile.
    pub higher_is_fragile: bool,
}

/// Where a region falls against the reference, in fragility terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quadrant {
    /// More fragile on both measures.
    Both,
    /// More fragile on the horizontal measure only.
    XOnly,
    /// More fragile on the vertical measure only.
    YOnly,
    /// Less fragile (or level) on both.
    Neither,
}

impl Quadrant {
    /// Of a point against the reference; a value equal to the reference is not "more fragile".
    pub fn of(x: f64, y: f64, s: &ScatterState) -> Option<Quadrant> {
        let more = |v: f64, a: &Axis| {
            let r = a.reference?;
            Some(if a.higher_is_fragile { v > r } else { v < r })
        };
        Some(match (more(x, &s.x)?, more(y, &s.y)?) {
            (true, true) => Quadrant::Both,
            (true, false) => Quadrant::XOnly,
            (false, true) => Quadrant::YOnly,
            (false, false) => Quadrant::Neither,
        })
    }

    /// "plus fragile sur les deux", "plus fragile en emploi seulement"…
    pub fn words(self, s: &ScatterState, lang: Lang) -> String {
        let (x, y) = (s.x.info.title.to_lowercase(), s.y.info.title.to_lowercase());
        match (self, lang) {
            (Quadrant::Both, Lang::Fr) => "plus fragile sur les deux".into(),
            (Quadrant::Both, Lang::En) => "more fragile on both".into(),
            (Quadrant::XOnly, Lang::Fr) => format!("plus fragile sur «\u{a0}{x}\u{a0}» seulement"),
            (Quadrant::XOnly, Lang::En) => format!("more fragile on “{x}” only"),
            (Quadrant::YOnly, Lang::Fr) => format!("plus fragile sur «\u{a0}{y}\u{a0}» seulement"),
            (Quadrant::YOnly, Lang::En) => format!("more fragile on “{y}” only"),
            (Quadrant::Neither, Lang::Fr) => "moins fragile sur les deux".into(),
            (Quadrant::Neither, Lang::En) => "less fragile on both".into(),
        }
    }
}

/// One region.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterRow {
    pub code: String,
    pub name: String,
    pub x: Option<f64>,
    pub y: Option<f64>,
    /// Why a value is missing ("non disponible" when the source says nothing).
    pub missing: Option<String>,
    pub quadrant: Option<Quadrant>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScatterState {
    pub x: Axis,
    pub y: Axis,
    /// The reference's name ("France métropolitaine").
    pub reference: String,
    /// The 13 regions, in code order.
    pub rows: Vec<ScatterRow>,
    /// Pearson's r over the regions with both values, and how many they are (three at least).
    pub correlation: Option<(f64, usize)>,
}

fn axis(ds: &Dataset, m: &Measure, lang: Lang) -> Option<Axis> {
    let info = measure_info(ds, m, lang)?;
    let (unit, reference, higher, label) = match m {
        Measure::Indicator(id) => {
            let i = super::indicator(ds, id)?;
            let label = format!("{} ({})", info.title, info.unit);
            (
                info.unit.clone(),
                info.france,
                i.meta.polarity == Polarity::HigherIsFragile,
                label,
            )
        }
        _ => {
            let label = format!("{} — {}", info.title, super::analysis::index_unit(ds, lang));
            (String::new(), Some(100.0), true, label)
        }
    };
    Some(Axis {
        info,
        label,
        unit,
        reference,
        higher_is_fragile: higher,
    })
}

/// The value a region is plotted at on a measure: an indicator's raw value, a composite's index.
fn plotted(ds: &Dataset, m: &Measure, k: usize) -> (Option<f64>, Option<String>) {
    match measure_figures(ds, m, k) {
        Some(f) => match m {
            Measure::Indicator(_) => (f.value, f.missing),
            _ => (f.index, f.missing),
        },
        None => (None, None),
    }
}

/// Pearson's correlation of the pairs (three at least, and some spread on both sides).
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.len() < 3 {
        return None;
    }
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

pub fn scatter_state(ds: &Dataset, x: &Measure, y: &Measure, lang: Lang) -> Option<ScatterState> {
    let mut s = ScatterState {
        x: axis(ds, x, lang)?,
        y: axis(ds, y, lang)?,
        reference: super::analysis::reference_name(ds, lang).into(),
        rows: Vec::new(),
        correlation: None,
    };
    let na = lang.t("non disponible", "not available");
    s.rows = ds
        .regions
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let (vx, mx) = plotted(ds, x, k);
            let (vy, my) = plotted(ds, y, k);
            let missing = match (vx, vy) {
                (Some(_), Some(_)) => None,
                (None, _) => Some(mx.unwrap_or_else(|| na.into())),
                (_, None) => Some(my.unwrap_or_else(|| na.into())),
            };
            ScatterRow {
                code: r.code.clone(),
                name: r.name.clone(),
                x: vx,
                y: vy,
                missing,
                quadrant: None,
            }
        })
        .collect();
    for k in 0..s.rows.len() {
        if let (Some(a), Some(b)) = (s.rows[k].x, s.rows[k].y) {
            s.rows[k].quadrant = Quadrant::of(a, b, &s);
        }
    }
    let pairs: Vec<(f64, f64)> = s.rows.iter().filter_map(|r| Some((r.x?, r.y?))).collect();
    s.correlation = pearson(&pairs).map(|r| (r, pairs.len()));
    Some(s)
}

impl ScatterState {
    /// A value on an axis in words: "9,6 %" or "indice 112".
    pub fn value(&self, a: &Axis, v: f64, lang: Lang) -> String {
        if a.unit.is_empty() {
            format!("{} {}", lang.t("indice", "index"), format::index(v, lang))
        } else {
            format::value(v, &a.unit, lang)
        }
    }

    /// A region in words, for its dot, the screen reader and the reading line: "Occitanie :
    /// chômage 9,6 %, pauvreté indice 112 — plus fragile sur les deux".
    pub fn describe(&self, r: &ScatterRow, lang: Lang) -> String {
        let sep = lang.t(" : ", ": ");
        match (r.x, r.y) {
            (Some(x), Some(y)) => {
                let mut s = format!(
                    "{}{sep}{} {}, {} {}",
                    r.name,
                    self.x.info.title,
                    self.value(&self.x, x, lang),
                    self.y.info.title,
                    self.value(&self.y, y, lang)
                );
                if let Some(q) = r.quadrant {
                    s += &format!(" — {}", q.words(self, lang));
                }
                s
            }
            _ => format!("{}{sep}{}", r.name, r.missing.clone().unwrap_or_default()),
        }
    }

    /// The correlation in words: "corrélation r = 0,62 sur 13 régions (forte)".
    pub fn correlation_text(&self, lang: Lang) -> Option<String> {
        let (r, n) = self.correlation?;
        let strength = match r.abs() {
            a if a >= 0.7 => lang.t("forte", "strong"),
            a if a >= 0.4 => lang.t("moyenne", "moderate"),
            _ => lang.t("faible", "weak"),
        };
        let r_text = format::number(r, 2, lang);
        Some(match lang {
            Lang::Fr => format!("corrélation de Pearson r = {r_text} sur {n} régions ({strength}) ; une corrélation ne dit pas qu'une mesure cause l'autre"),
            Lang::En => format!("Pearson correlation r = {r_text} over {n} regions ({strength}); a correlation does not say one measure causes the other"),
        })
    }

    /// The drawing's input (`graphics::scatter`), `selected` drawn larger.
    pub fn spec(
        &self,
        selected: Option<&str>,
        lang: Lang,
    ) -> crate::graphics::scatter::ScatterSpec {
        use crate::graphics::scatter::{ScatterPoint, ScatterSpec};
        let corner = |q: Quadrant| q.words(self, lang);
        ScatterSpec {
            x_label: self.x.label.clone(),
            y_label: self.y.label.clone(),
            x_unit: self.x.unit.clone(),
            y_unit: self.y.unit.clone(),
            reference: self.x.reference.zip(self.y.reference),
            reference_label: self.reference.clone(),
            x_fragile_right: self.x.higher_is_fragile,
            y_fragile_up: self.y.higher_is_fragile,
            corners: [
                corner(Quadrant::Both),
                corner(Quadrant::XOnly),
                corner(Quadrant::YOnly),
                corner(Quadrant::Neither),
            ],
            points: self
                .rows
                .iter()
                .map(|r| ScatterPoint {
                    key: r.code.clone(),
                    label: r.name.clone(),
                    x: r.x,
                    y: r.y,
                    highlight: selected == Some(r.code.as_str()),
                    title: self.describe(r, lang),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture;

    /// Pearson's r on known pairs: a line is 1 or −1, no spread is none.
    #[test]
    fn pearson_on_known_pairs() {
        let line: Vec<(f64, f64)> = (0..5).map(|i| (i as f64, 2.0 * i as f64 + 1.0)).collect();
        assert!((pearson(&line).unwrap() - 1.0).abs() < 1e-12);
        let down: Vec<(f64, f64)> = line.iter().map(|(x, y)| (*x, -y)).collect();
        assert!((pearson(&down).unwrap() + 1.0).abs() < 1e-12);
        // (1,2),(2,1),(3,3): r = 0.5 by hand (sxy = 1, sxx = syy = 2).
        assert!((pearson(&[(1.0, 2.0), (2.0, 1.0), (3.0, 3.0)]).unwrap() - 0.5).abs() < 1e-12);
        assert_eq!(pearson(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]), None);
        assert_eq!(pearson(&[(1.0, 1.0), (2.0, 2.0)]), None);
    }

    /// The quarter follows each measure's polarity: a lower employment rate is more fragile.
    #[test]
    fn quarters_follow_polarity() {
        let ds = fixture::dataset();
        let ind = |id: &str| Measure::Indicator(id.into());
        let ids: Vec<(String, Polarity)> = ds
            .indicators
            .iter()
            .map(|i| (i.meta.id.clone(), i.meta.polarity))
            .collect();
        let (hi, _) = ids
            .iter()
            .find(|(_, p)| *p == Polarity::HigherIsFragile)
            .expect("a higher-is-fragile indicator in the fixture");
        let s = scatter_state(
            &ds,
            &ind(hi),
            &Measure::Domain(ds.domains[0].meta.id.clone()),
            Lang::Fr,
        )
        .expect("state");
        assert_eq!(s.rows.len(), ds.regions.len());
        assert!(s.x.higher_is_fragile && s.y.higher_is_fragile);
        assert_eq!(
            s.y.reference,
            Some(100.0),
            "a domain is plotted as its index"
        );
        let mut flipped = s.clone();
        flipped.x.higher_is_fragile = false;
        let r = flipped.x.reference.unwrap();
        assert_eq!(Quadrant::of(r + 1.0, 101.0, &s), Some(Quadrant::Both));
        assert_eq!(
            Quadrant::of(r + 1.0, 101.0, &flipped),
            Some(Quadrant::YOnly)
        );
        assert_eq!(Quadrant::of(r - 1.0, 99.0, &flipped), Some(Quadrant::XOnly));
        assert_eq!(
            Quadrant::of(r, 100.0, &s),
            Some(Quadrant::Neither),
            "level is not more fragile"
        );
    }

    /// A region missing one value has no quarter and says why; the correlation counts only
    /// the regions with both.
    #[test]
    fn a_missing_value_is_said_and_left_out() {
        let ds = fixture::dataset();
        // Region C (Corse) has no `handicap` value in the fixture.
        let hand = ds
            .indicators
            .iter()
            .find(|i| i.meta.domain == "handicap")
            .expect("fixture handicap")
            .meta
            .id
            .clone();
        let other = ds
            .indicators
            .iter()
            .find(|i| i.meta.domain != "handicap")
            .unwrap()
            .meta
            .id
            .clone();
        let s = scatter_state(
            &ds,
            &Measure::Indicator(other),
            &Measure::Indicator(hand),
            Lang::Fr,
        )
        .unwrap();
        let c = s.rows.iter().find(|r| r.name == "Corse").unwrap();
        assert!(c.y.is_none() && c.quadrant.is_none() && c.missing.is_some());
        assert!(s.describe(c, Lang::Fr).starts_with("Corse : "));
        assert_eq!(s.correlation, None, "two regions with both values: no r");
        let spec = s.spec(Some("76"), Lang::Fr);
        assert!(spec.points.iter().any(|p| p.highlight && p.key == "76"));
    }
}
