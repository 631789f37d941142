//! What the export worker answers (first-view issue: the exports are out of the app's first
//! download). The page asks with the view's query; this builds the same [`Export`] from the same
//! state functions, and draws or writes it with the same `svg` and `csv` code the page used to
//! call itself: one drawing per graphic, wherever it runs. Pure, natively tested; the worker
//! (`src/bin/exports.rs`) only moves bytes and strings in and out.

use super::csv::Variant;
use super::svg::Frame;
use super::Export;
use crate::i18n::Lang;
use crate::integrity::{self, DataFile};
use crate::model::{Catalog, Level, View, ViewState};
use crate::state::analysis::{shown, Choices};
use crate::state::dep::DepLevel;
use datafrag::geometry::MapGeometry;
use datafrag::model::Dataset;
use std::sync::Arc;

/// What to make of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The framed SVG document (the PNG is rasterised from it by the page).
    Svg(Frame),
    /// The view's table.
    Csv(Variant),
    /// The export's title only (a deck slide's default name).
    Title,
    /// The whole dataset in long format, with its metadata columns.
    Dataset,
    /// Every indicator's card.
    Metadata,
}

impl Op {
    /// `svg:16x9`, `svg:a4`, `csv:fr`, `csv:intl`, `title`, `dataset`, `metadata`.
    pub fn parse(key: &str) -> Option<Op> {
        Some(match key {
            "svg:16x9" => Op::Svg(Frame::Wide),
            "svg:a4" => Op::Svg(Frame::A4),
            "csv:fr" => Op::Csv(Variant::French),
            "csv:intl" => Op::Csv(Variant::International),
            "title" => Op::Title,
            "dataset" => Op::Dataset,
            "metadata" => Op::Metadata,
            _ => return None,
        })
    }
    pub fn key(self) -> String {
        match self {
            Op::Svg(f) => format!("svg:{}", f.key()),
            Op::Csv(v) => format!("csv:{}", v.key()),
            Op::Title => "title".into(),
            Op::Dataset => "dataset".into(),
            Op::Metadata => "metadata".into(),
        }
    }
}

/// One request: the view as its query, the dashboard's language, the name the user gave a deck
/// slide (replaces the view's title), the link printed on the image, and today's date.
#[derive(Debug, Clone, PartialEq)]
pub struct Request<'a> {
    pub op: Op,
    pub query: &'a str,
    pub lang: Lang,
    pub title: &'a str,
    pub link: &'a str,
    pub date: [u32; 3],
}

/// The data an export is made from, parsed once in the worker.
pub struct Renderer {
    all: Arc<Dataset>,
    geo: Arc<MapGeometry>,
    catalog: Catalog,
    deps: Option<Arc<DepLevel>>,
    /// The last dataset of a year, reference or weights other than the defaults (a weight draws
    /// 10 000 rankings: a deck of slides of the same choices makes it once).
    shown: Option<(Lang, Choices, Arc<Dataset>)>,
}

/// The data files the worker fetches first, and those of the départements' level.
pub const FILES: [DataFile; 2] = [integrity::DATASET, integrity::GEOMETRY];
pub const DEP_FILES: [DataFile; 2] = [integrity::DEP_GEOMETRY, integrity::DEP_DATA];

/// Whether a state is one of the département level's views (drawn from their own files).
pub fn is_dep_view(s: &ViewState) -> bool {
    s.view == View::Dep || (s.view == View::Map && s.level == Level::Dep)
}

impl Renderer {
    /// From the bytes of the dataset and the regions' geometry ([`FILES`]), each checked.
    pub fn new(dataset: &[u8], geometry: &[u8]) -> Result<Renderer, String> {
        let all: Dataset = FILES[0].read(dataset)?;
        let geo: MapGeometry = FILES[1].read(geometry)?;
        Ok(Renderer::of(Arc::new(all), Arc::new(geo)))
    }

    /// From data already parsed (tests).
    pub fn of(all: Arc<Dataset>, geo: Arc<MapGeometry>) -> Renderer {
        Renderer {
            catalog: crate::state::catalog(&all),
            all,
            geo,
            deps: None,
            shown: None,
        }
    }

    /// Adds the départements' level from the bytes of [`DEP_FILES`], each checked.
    pub fn add_deps(&mut self, geometry: &[u8], data: &[u8]) -> Result<(), String> {
        let geo = DEP_FILES[0].read(geometry)?;
        let data = DEP_FILES[1].read(data)?;
        self.deps = Some(Arc::new(DepLevel { geo, data }));
        Ok(())
    }

    pub fn has_deps(&self) -> bool {
        self.deps.is_some()
    }

    /// The state of a query, in the dashboard's language.
    pub fn state(&self, query: &str, lang: Lang) -> ViewState {
        let (mut s, _) = crate::url_state::parse(query, &self.catalog);
        s.lang = lang;
        s
    }

    /// Whether the query's view needs the départements' files.
    pub fn needs_deps(&self, query: &str) -> bool {
        self.deps.is_none() && is_dep_view(&self.state(query, Lang::Fr))
    }

    fn dataset_for(&mut self, s: &ViewState) -> Arc<Dataset> {
        let c = Choices::of(s);
        if let Some((l, cached, ds)) = &self.shown {
            if *l == s.lang && *cached == c {
                return ds.clone();
            }
        }
        let ds = shown(&self.all, &c, s.lang);
        if !Arc::ptr_eq(&ds, &self.all) {
            self.shown = Some((s.lang, c, ds.clone()));
        }
        ds
    }

    /// The export of a state: the département level's from its files, the others' from the
    /// dataset. `None` for the pages with nothing to export, or without the départements' files.
    pub fn content(&mut self, s: &ViewState) -> Option<Export> {
        let ds = self.dataset_for(s);
        if !is_dep_view(s) {
            return super::content(&ds, s);
        }
        let dl = self.deps.clone()?;
        let dl = match s.year {
            Some(y) => Arc::new(crate::state::dep::at_year(&dl, &ds, y, s.lang)),
            None => dl,
        };
        super::dep::content(&ds, &dl, s)
    }

    /// Answers a request: the text (SVG, CSV or title) and the file's name without extension.
    pub fn answer(&mut self, r: &Request) -> Result<(String, String), String> {
        let s = self.state(r.query, r.lang);
        let lang = r.lang;
        let nothing = || format!("rien à exporter pour « {} »", r.query);
        match r.op {
            Op::Svg(frame) => {
                let mut e = self.content(&s).ok_or_else(nothing)?;
                if let Some(t) = Some(r.title.trim()).filter(|t| !t.is_empty()) {
                    e.title = t.to_string();
                }
                let [y, m, d] = r.date;
                let date = super::long_date(y, m, d, lang);
                let svg = super::svg::document(&e, &self.geo, frame, &date, r.link, lang);
                Ok((svg, format!("fragilites-{}-{}", e.slug, frame.key())))
            }
            Op::Csv(variant) => {
                let out = if is_dep_view(&s) {
                    self.content(&s)
                        .map(|e| super::csv::of_export(&e, lang, variant))
                } else {
                    let ds = self.dataset_for(&s);
                    super::csv::of_view(&ds, &s, variant)
                };
                let (text, slug) = out.ok_or_else(nothing)?;
                Ok((text, format!("fragilites-{slug}-{}", variant.key())))
            }
            Op::Title => Ok((
                self.content(&s)
                    .map(|e| e.title)
                    .unwrap_or_else(|| s.view.key().to_string()),
                String::new(),
            )),
            Op::Dataset => {
                let (t, m) = super::tidy::whole(&self.all, lang);
                let text = super::csv::write_table(&t, Some(&m), lang, Variant::French);
                let name = lang.t("fragilites-donnees-completes", "fragility-full-dataset");
                Ok((text, name.into()))
            }
            Op::Metadata => {
                let t = super::tidy::metadata(&self.all, lang);
                let text = super::csv::write_table(&t, None, lang, Variant::French);
                let name = lang.t("fragilites-metadonnees", "fragility-metadata");
                Ok((text, name.into()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATASET: &[u8] = include_bytes!("../../../assets/data/dataset.json");
    const REGIONS: &[u8] = include_bytes!("../../../assets/data/regions.json");
    const DEP_GEO: &[u8] = include_bytes!("../../../assets/data/departements.json");
    const DEP_DATA: &[u8] = include_bytes!("../../../assets/data/departements-data.json");

    fn renderer() -> Renderer {
        Renderer::new(DATASET, REGIONS).unwrap()
    }

    fn ask(
        r: &mut Renderer,
        op: &str,
        query: &str,
        lang: Lang,
    ) -> Result<(String, String), String> {
        r.answer(&Request {
            op: Op::parse(op).unwrap(),
            query,
            lang,
            title: "",
            link: "https://exemple.fr/fragilites/",
            date: [2026, 12, 6],
        })
    }

    /// The page and the worker name the operations with the same keys.
    #[test]
    fn every_operation_has_a_key_that_reads_back() {
        for key in [
            "svg:16x9", "svg:a4", "csv:fr", "csv:intl", "title", "dataset", "metadata",
        ] {
            assert_eq!(Op::parse(key).map(Op::key).as_deref(), Some(key));
        }
        assert_eq!(Op::parse("png"), None);
    }

    /// The worker checks the files it downloads as the page does: one changed byte is refused,
    /// with the file's name, before anything is parsed or drawn.
    #[test]
    fn an_altered_file_is_refused_with_its_name() {
        let mut altered = DATASET.to_vec();
        let at = altered.len() / 2;
        altered[at] ^= 1;
        let e = Renderer::new(&altered, REGIONS).err().unwrap();
        assert!(
            e.starts_with("data/dataset.json") && e.contains("SHA-256"),
            "{e}"
        );
        let e = Renderer::new(DATASET, &REGIONS[..REGIONS.len() - 1])
            .err()
            .unwrap();
        assert!(e.starts_with("data/regions.json"), "{e}");
    }

    /// The image of a view: its frame's size, today's date written out, the link, and the title
    /// a deck slide was given instead of the view's.
    #[test]
    fn a_view_is_drawn_in_its_frame_with_its_title_date_and_link() {
        let mut r = renderer();
        let (svg, name) = ask(&mut r, "svg:16x9", "domain=emploi", Lang::Fr).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains(r#"viewBox="0 0 1600 900""#));
        assert!(svg.contains("6 décembre 2026"), "the date");
        assert!(svg.contains("https://exemple.fr/fragilites/"), "the link");
        assert!(
            name.starts_with("fragilites-") && name.ends_with("-16x9"),
            "{name}"
        );
        let (a4, name) = r
            .answer(&Request {
                op: Op::Svg(Frame::A4),
                query: "view=region&region=75",
                lang: Lang::En,
                title: "  Notre région  ",
                link: "https://exemple.fr/",
                date: [2026, 1, 2],
            })
            .unwrap();
        assert!(a4.contains(r#"viewBox="0 0 1123 794""#) && name.ends_with("-a4"));
        assert!(a4.contains(">Notre région</text>"), "the slide's own title");
        assert!(a4.contains("2 January 2026"), "the date in English");
    }

    /// A slide's default name is the view's title, in the dashboard's language; a page with
    /// nothing to export says so instead of drawing an empty frame.
    #[test]
    fn titles_follow_the_language_and_an_empty_page_is_refused() {
        let mut r = renderer();
        let (fr, _) = ask(&mut r, "title", "view=region&region=53", Lang::Fr).unwrap();
        let (en, _) = ask(&mut r, "title", "view=region&region=53", Lang::En).unwrap();
        assert!(
            fr.contains("Bretagne") && en.contains("Bretagne"),
            "{fr} / {en}"
        );
        assert_ne!(fr, en);
        let e = ask(&mut r, "svg:16x9", "view=method", Lang::Fr).unwrap_err();
        assert!(e.contains("view=method"), "{e}");
    }

    /// The view's table as CSV: French (semicolons) or international (commas), the 13 regions
    /// and France in it, named after the variant.
    #[test]
    fn the_tables_are_written_in_both_dialects() {
        let mut r = renderer();
        let (fr, name_fr) = ask(&mut r, "csv:fr", "view=ranking&domain=emploi", Lang::Fr).unwrap();
        let (intl, name_intl) =
            ask(&mut r, "csv:intl", "view=ranking&domain=emploi", Lang::Fr).unwrap();
        assert!(name_fr.ends_with("-fr") && name_intl.ends_with("-intl"));
        let header_fr = fr.lines().find(|l| l.contains("Bretagne")).unwrap();
        let header_intl = intl.lines().find(|l| l.contains("Bretagne")).unwrap();
        assert!(header_fr.contains(';') && header_intl.contains(','));
        for name in ["Bretagne", "Occitanie", "Île-de-France", "Corse", "France"] {
            assert!(fr.contains(name), "{name} is in the table");
        }
    }

    /// The département level needs its own files: the worker asks for them only for its views,
    /// then draws the 96 with the chosen one.
    #[test]
    fn the_departements_files_are_asked_for_only_by_their_views() {
        let mut r = renderer();
        assert!(!r.needs_deps("domain=emploi"));
        assert!(r.needs_deps("level=dep"));
        assert!(r.needs_deps("view=dep&dep=33"));
        assert!(ask(&mut r, "svg:16x9", "view=dep&dep=33", Lang::Fr).is_err());
        let mut altered = DEP_DATA.to_vec();
        altered[10] ^= 1;
        assert!(r
            .add_deps(DEP_GEO, &altered)
            .unwrap_err()
            .contains("departements-data.json"));
        r.add_deps(DEP_GEO, DEP_DATA).unwrap();
        assert!(!r.needs_deps("level=dep"));
        let (svg, _) = ask(&mut r, "svg:16x9", "view=dep&dep=33", Lang::Fr).unwrap();
        assert!(svg.contains("Gironde"));
        let (csv, _) = ask(&mut r, "csv:fr", "level=dep", Lang::Fr).unwrap();
        assert!(csv.contains("Gironde") && csv.contains("Lozère"));
    }

    /// A year, a reference or weights change what is drawn, as on the screen; asking again with
    /// the same choices gives the same drawing (from the dataset kept for them).
    #[test]
    fn the_choices_of_the_link_are_drawn() {
        let mut r = renderer();
        let (now, _) = ask(&mut r, "svg:16x9", "domain=ensemble", Lang::Fr).unwrap();
        let (weighted, _) =
            ask(&mut r, "svg:16x9", "domain=ensemble&w=emploi:3", Lang::Fr).unwrap();
        let (again, _) = ask(&mut r, "svg:16x9", "domain=ensemble&w=emploi:3", Lang::Fr).unwrap();
        assert_ne!(now, weighted);
        assert_eq!(weighted, again);
        let (past, _) = ask(&mut r, "svg:16x9", "indicator=aah&year=2016", Lang::Fr).unwrap();
        assert!(past.contains("2016"));
    }

    /// The whole dataset and its cards, named in the language.
    #[test]
    fn the_whole_dataset_and_its_metadata() {
        let mut r = renderer();
        let (data, name) = ask(&mut r, "dataset", "", Lang::Fr).unwrap();
        assert_eq!(name, "fragilites-donnees-completes");
        assert!(
            data.lines().count() > 1000,
            "{} lines",
            data.lines().count()
        );
        let (meta, name) = ask(&mut r, "metadata", "", Lang::En).unwrap();
        assert_eq!(name, "fragility-metadata");
        assert!(meta.lines().count() > 38);
    }
}
