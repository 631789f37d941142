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
