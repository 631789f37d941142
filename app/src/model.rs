//! What the user is looking at: the view, its subject and its measure, independent of how the
//! URL spells them (`url_state` reads and writes them) and of how the page draws them.

use crate::i18n::Lang;

/// Which page of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Map,
    Region,
    Compare,
    Ranking,
    /// Two measures at once: one dot per region, France's values dividing the quarters.
    Scatter,
    Acteurs,
    Method,
    /// The workshop deck: saved views, presentation.
    Deck,
    /// The accessibility statement (RGAA 4.1), linked from every page's footer.
    Accessibility,
    /// A département's page (`dep=`), against its region and France.
    Dep,
}

impl View {
    /// The view's tab in the navigation (`None`: not a tab — the accessibility statement is
    /// linked from the footer, a département's page from its map). The app's tabs and the
    /// static first view's.
    pub fn tab_label(self, lang: Lang) -> Option<&'static str> {
        Some(match self {
            View::Map => lang.t("Carte", "Map"),
            View::Region => lang.t("Région", "Region"),
            View::Compare => lang.t("Comparer", "Compare"),
            View::Ranking => lang.t("Classement", "Ranking"),
            View::Scatter => lang.t("Croiser", "Scatter"),
            View::Acteurs => lang.t("Acteurs", "Actors"),
            View::Method => lang.t("Méthode", "Method"),
            View::Deck => lang.t("Atelier", "Workshop"),
            View::Accessibility | View::Dep => return None,
        })
    }

    pub const ALL: [View; 10] = [
        View::Map,
        View::Region,
        View::Compare,
        View::Ranking,
        View::Scatter,
        View::Acteurs,
        View::Method,
        View::Deck,
        View::Accessibility,
        View::Dep,
    ];

    /// The value in the URL.
    pub fn key(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Region => "region",
            View::Compare => "compare",
            View::Ranking => "ranking",
            View::Scatter => "scatter",
            View::Acteurs => "acteurs",
            View::Method => "method",
            View::Deck => "atelier",
            View::Accessibility => "accessibilite",
            View::Dep => "dep",
        }
    }
}

/// What the map and the ranking show: a domain (mean of its indicators' indices) or one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    Domain(String),
    Indicator(String),
    /// All domains at once: the mean of their indices, with the user's weights.
    Overall,
}

/// The URL's word for [`Measure::Overall`] (`domain=ensemble`).
pub const OVERALL: &str = "ensemble";

impl Measure {
    /// The measure's value in the pickers' `<select>` (`d:emploi`, `i:aah`, `o:ensemble`).
    pub fn option_value(&self) -> String {
        match self {
            Measure::Domain(id) => format!("d:{id}"),
            Measure::Indicator(id) => format!("i:{id}"),
            Measure::Overall => format!("o:{OVERALL}"),
        }
    }

    /// The measure of a picker's value ([`Measure::option_value`]).
    pub fn from_option_value(v: &str) -> Option<Measure> {
        match v.split_once(':') {
            Some(("d", id)) => Some(Measure::Domain(id.into())),
            Some(("i", id)) => Some(Measure::Indicator(id.into())),
            Some(("o", _)) => Some(Measure::Overall),
            _ => None,
        }
    }
}

/// Map layout: the geographic map or the tile grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    #[default]
    Geo,
    Grid,
}

/// Which areas the map draws: the regions, or the départements (`level=dep`; on a region's
/// page, that region's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Level {
    #[default]
    Region,
    Dep,
}

/// Whether `code` is one of the 96 metropolitan départements' codes (`01`–`95` but `20`,
/// `2A`, `2B`): a link can be read before the départements' file is downloaded.
///
/// ```
/// use app::model::is_dep_code;
/// assert!(is_dep_code("33") && is_dep_code("2A") && is_dep_code("01"));
/// assert!(!is_dep_code("20") && !is_dep_code("96") && !is_dep_code("3") && !is_dep_code("971"));
/// ```
pub fn is_dep_code(code: &str) -> bool {
    matches!(code, "2A" | "2B")
        || (code.len() == 2
            && code.bytes().all(|b| b.is_ascii_digit())
            && code
                .parse::<u8>()
                .is_ok_and(|n| (1..=95).contains(&n) && n != 20))
}

/// The ids the URL may name, taken from the loaded dataset.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    pub regions: Vec<String>,
    pub domains: Vec<String>,
    pub indicators: Vec<String>,
    /// The years a view may be set to (those some indicator has a value for).
    pub years: Vec<i32>,
    /// The indicators with a series of two years or more (those a line can follow).
    pub series: Vec<String>,
}

impl Catalog {
    /// The default measure: the first domain.
    pub fn default_measure(&self) -> Measure {
        Measure::Domain(self.domains.first().cloned().unwrap_or_default())
    }

    /// The scatter plot's vertical measure when the link names none: the first domain other
    /// than the horizontal one (emploi × pauvreté by default).
    ///
    /// ```
    /// use app::model::{Catalog, Measure};
    /// let c = Catalog { domains: vec!["emploi".into(), "pauvrete".into()], ..Default::default() };
    /// assert_eq!(c.default_y(&Measure::Domain("emploi".into())), Measure::Domain("pauvrete".into()));
    /// assert_eq!(c.default_y(&Measure::Domain("pauvrete".into())), Measure::Domain("emploi".into()));
    /// ```
    pub fn default_y(&self, x: &Measure) -> Measure {
        self.domains
            .iter()
            .map(|d| Measure::Domain(d.clone()))
            .find(|m| m != x)
            .unwrap_or_else(|| self.default_measure())
    }

    /// The measure a URL word names: a domain, an indicator or the overall reading.
    pub fn measure_named(&self, id: &str) -> Option<Measure> {
        if id == OVERALL {
            Some(Measure::Overall)
        } else if self.domains.iter().any(|d| d == id) {
            Some(Measure::Domain(id.into()))
        } else if self.indicators.iter().any(|i| i == id) {
            Some(Measure::Indicator(id.into()))
        } else {
            None
        }
    }

    /// The deck's comparison, Nouvelle-Aquitaine and Occitanie, when both exist; else the first two.
    pub fn default_compare(&self) -> Vec<String> {
        let deck = ["75", "76"];
        if deck.iter().all(|c| self.regions.iter().any(|r| r == c)) {
            deck.iter().map(|s| s.to_string()).collect()
        } else {
            self.regions.iter().take(2).cloned().collect()
        }
    }
}

/// What the URL says the user is looking at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    /// Selected region (INSEE code): the map's selection and the region view's subject.
    pub region: Option<String>,
    /// Regions compared side by side (2 to 4).
    pub compare: Vec<String>,
    pub measure: Measure,
    pub layout: Layout,
    pub lang: Lang,
    /// The year shown; `None`: each indicator's latest data, its year beside it.
    pub year: Option<i32>,
    /// The ranking's rank changes are counted from this year (`None`: the earliest the
    /// measure allows).
    pub since: Option<i32>,
    /// The indicator followed over the years: the comparison's lines, or a region's indicator
    /// drawn in the export (`None`: the first with a series on the comparison; the domains'
    /// trends on a region's export).
    pub series: Option<String>,
    /// The export draws the view's lines over the years instead of its bars (region, compare).
    pub lines: bool,
    /// The domains' weights in the overall reading that differ from 1 (0 to 3), in the
    /// catalog's domain order.
    pub weights: Vec<(String, u8)>,
    /// What the indices are taken to.
    pub reference: datafrag::reference::Reference,
    /// The scatter plot's second measure, up the vertical axis (`measure` runs along the
    /// horizontal one); `None`: the first domain other than `measure` ([`Catalog::default_y`]).
    pub y: Option<Measure>,
    /// The map's areas: regions, or départements.
    pub level: Level,
    /// The département chosen (its page's subject, the département map's selection).
    pub dep: Option<String>,
}

/// Largest weight a domain can be given.
pub const MAX_WEIGHT: u8 = 3;

impl Measure {
    /// The measure's word in the URL (`emploi`, `chomage`, `ensemble`).
    pub fn id(&self) -> &str {
        match self {
            Measure::Domain(id) | Measure::Indicator(id) => id,
            Measure::Overall => OVERALL,
        }
    }
}

impl ViewState {
    /// The scatter plot's vertical measure: the one chosen, or the default for `measure`.
    pub fn y_measure(&self, c: &Catalog) -> Measure {
        self.y.clone().unwrap_or_else(|| c.default_y(&self.measure))
    }

    /// Each measured domain's weight, in `domains` order (1 unless the user set it).
    pub fn weight_of(&self, domain: &str) -> u8 {
        self.weights
            .iter()
            .find(|(d, _)| d == domain)
            .map_or(1, |(_, w)| *w)
    }
}

impl ViewState {
    /// The default view for a catalog.
    pub fn default_for(c: &Catalog) -> ViewState {
        ViewState {
            view: View::Map,
            region: None,
            compare: c.default_compare(),
            measure: c.default_measure(),
            layout: Layout::Geo,
            lang: Lang::Fr,
            year: None,
            since: None,
            series: None,
            lines: false,
            weights: Vec::new(),
            reference: Default::default(),
            y: None,
            level: Level::Region,
            dep: None,
        }
    }
}

impl ViewState {
    /// Where a view's tab leads from here: the region page opens on the selected region (the
    /// first without one); the comparison starts from it ("Comparer" from Bretagne compares
    /// Bretagne with the comparison's first region).
    ///
    /// ```
    /// use app::model::{Catalog, View, ViewState};
    /// let c = Catalog { regions: vec!["53".into(), "75".into(), "76".into()], ..Default::default() };
    /// let mut s = ViewState::default_for(&c);
    /// s.region = Some("53".into());
    /// assert_eq!(s.for_tab(View::Compare, &c).compare, vec!["53".to_string(), "75".into()]);
    /// s.region = Some("76".into());
    /// assert_eq!(s.for_tab(View::Compare, &c).compare, vec!["75".to_string(), "76".into()], "already compared");
    /// ```
    pub fn for_tab(&self, v: View, c: &Catalog) -> ViewState {
        let mut t = self.clone();
        t.view = v;
        if v == View::Region && t.region.is_none() {
            t.region = c.regions.first().cloned();
        }
        // From a region not compared yet: it takes the comparison's last place and comes
        // first; a region already compared leaves the comparison as it is.
        if let (View::Compare, Some(r)) = (v, &self.region) {
            if !self.compare.contains(r) && !self.compare.is_empty() {
                let mut next = vec![r.clone()];
                next.extend(self.compare[..self.compare.len() - 1].iter().cloned());
                if next.len() < *COMPARED.start() {
                    next.extend(c.regions.iter().find(|x| *x != r).cloned());
                }
                t.compare = next;
            }
        }
        t
    }
}

/// How many regions a comparison holds.
pub const COMPARED: std::ops::RangeInclusive<usize> = 2..=4;

/// A comparison's regions without repeats, in order; `None` when it would not hold 2 to 4.
pub fn compared(codes: impl IntoIterator<Item = String>) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for c in codes {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    COMPARED.contains(&out.len()).then_some(out)
}

/// The comparison after the user sets slot `slot` to `code` (a slot past the end adds a
/// region) or removes it (`None`); `None` when the change is refused (fewer than 2, more than
/// 4). A region chosen twice is kept once, in its first place.
///
/// ```
/// use app::model::with_slot;
/// let c = vec!["75".to_string(), "76".to_string()];
/// assert_eq!(with_slot(&c, 2, Some("53")), Some(vec!["75".into(), "76".into(), "53".into()]));
/// assert_eq!(with_slot(&c, 0, None), None, "two at least");
/// assert_eq!(with_slot(&c, 1, Some("75")), None, "a repeat leaves one region");
/// ```
pub fn with_slot(current: &[String], slot: usize, code: Option<&str>) -> Option<Vec<String>> {
    let mut next = current.to_vec();
    match code {
        Some(c) if slot < next.len() => next[slot] = c.to_string(),
        Some(c) => next.push(c.to_string()),
        None if slot < next.len() => {
            next.remove(slot);
        }
        None => return None,
    }
    compared(next)
}

/// The comparison with one more region: the first of `regions` not compared yet.
pub fn with_added(current: &[String], regions: &[String]) -> Option<Vec<String>> {
    let extra = regions.iter().find(|r| !current.contains(r))?;
    with_slot(current, current.len(), Some(extra))
}
