//! The context every view reads: the data, the URL's state and how to move to another state.
//! Its own module, so that the views depend on it and not on the root that renders them.

use crate::i18n::Lang;
use crate::model::{Catalog, ViewState};
use crate::url_state::to_query;
use datafrag::geometry::MapGeometry;
use datafrag::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

/// Everything the views need, loaded once.
#[derive(Clone)]
pub struct Ctx {
    /// The data the view shows (as of the chosen year, when there is one).
    pub ds: Arc<Dataset>,
    /// The latest data, whatever the year shown (the whole dataset's download).
    pub all: Arc<Dataset>,
    pub geo: Arc<MapGeometry>,
    pub catalog: Arc<Catalog>,
    /// The URL's state.
    pub state: Memo<ViewState>,
    /// Moves to another state (a new history entry).
    pub go: Callback<ViewState>,
    /// The slide shown in presentation mode (`None` outside it).
    pub presenting: RwSignal<Option<usize>>,
    /// Bumped when the stored decks changed outside the workshop view (another tab, a deck
    /// link pasted into this one): the view reads them again.
    pub deck_rev: RwSignal<u32>,
    /// What the last deck link brought (opened, refused, or offered to the user).
    pub deck_news: RwSignal<Option<super::deck::DeckNews>>,
    /// The départements' files: downloaded the first time a view asks for them.
    pub deps: RwSignal<DepLoad>,
}

/// How far the dashboard's first build has gone. The app's start is cut into tasks (a single
/// one blocked the page for 50 ms at CPU 1×): a part marked for step `n` is made once the build
/// reaches it, out of sight (`body.building`), and every part is there before the dashboard
/// takes the static first view's place. Once built, a view makes all its parts at once.
#[derive(Clone, Copy)]
pub struct Build(pub ReadSignal<u8>);

/// The build's steps: the frame (made with the dashboard), the toolbar, the view's main part
/// (the map), its controls (and the map's legend and answer), the rest, the tabs.
pub mod step {
    pub const TOOLBAR: u8 = 1;
    pub const VIEW: u8 = 2;
    pub const CONTROLS: u8 = 3;
    pub const REST: u8 = 4;
    pub const TABS: u8 = 5;
    pub const LAST: u8 = TABS;
}

/// Whether the build has reached step `n` (always, outside the dashboard's first build).
pub fn built(n: u8) -> Memo<bool> {
    let b = use_context::<Build>();
    Memo::new(move |_| b.is_none_or(|b| b.0.get() >= n))
}

/// Where the départements' download stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum DepLoad {
    #[default]
    Idle,
    Loading,
    Ready(Arc<crate::state::dep::DepLevel>),
    /// What failed, for the message.
    Failed(String),
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.state.with(|s| s.lang)
    }
    /// The link of a state, for `<a href>` (open in a new tab, copy…).
    pub fn href(&self, s: &ViewState) -> String {
        let q = to_query(s, &self.catalog);
        if q.is_empty() {
            "./".into()
        } else {
            q
        }
    }
}
