//! The views, each built once and kept while another one shows. A change of view rebuilt the
//! view every time: 15–22 ms at CPU 1×, 50–110 ms at 4× (first-view issue, 2026-12-06); going
//! back to a kept view only puts it back in the page.
//!
//! A kept view is out of the page (no duplicate ids, nothing for a test, a search or a screen
//! reader to find) and reads a state of its own, which follows the URL's state only while the
//! view shows: a hidden view does no work on a selection or a measure change, and catches up
//! on what changed when it comes back, as it would on any change of state.

use super::context::Ctx;
use crate::model::{View, ViewState};
use leptos::html::P;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};

/// Which view: the view, and whether the map is at the départements' level (a view of its own).
pub type Key = (View, bool);

/// The workshop is made again each time: while it shows, it marks the page for printing the
/// deck, and its end unmarks it.
fn keepable(key: Key) -> bool {
    key.0 != View::Deck
}

struct Built {
    key: Key,
    owner: Owner,
    view: AnyViewState,
    state: RwSignal<ViewState>,
}

impl Built {
    fn dispose(mut self) {
        self.view.unmount();
        self.owner.cleanup();
    }
}

struct Views<E> {
    /// What the kept views were made for: when it changes, they are all made again.
    epoch: Option<E>,
    built: Vec<Built>,
    shown: Option<Key>,
}

/// Shows the view `which` before `marker` (in its parent), once `ready`, made by `make` with the
/// context `ctx_for` gives; keeps the others out of the page. They are all made again when
/// `epoch` changes (the language, the year, the reference, the weights).
pub fn keep_views<E: PartialEq + Clone + Send + Sync + 'static>(
    which: Memo<Key>,
    epoch: Memo<E>,
    state: Memo<ViewState>,
    ready: Memo<bool>,
    marker: NodeRef<P>,
    ctx_for: impl Fn(Memo<ViewState>) -> Ctx + 'static,
    make: impl Fn(Key) -> AnyView + 'static,
) {
    let parent = Owner::current().expect("the views are kept under the dashboard");
    let views = StoredValue::new_local(Views::<E> {
        epoch: None,
        built: Vec::new(),
        shown: None,
    });
    Effect::new(move |_| {
        if !ready.get() {
            return;
        }
        let (k, e, s) = (which.get(), epoch.get(), state.get());
        let Some(marker) = marker.get() else { return };
        let Some(host) = marker.parent_element() else {
            return;
        };
        views.update_value(|v| {
            if v.epoch.as_ref() != Some(&e) {
                v.built.drain(..).for_each(Built::dispose);
                v.epoch = Some(e);
                v.shown = None;
            }
            // The view that showed leaves the page (kept, or disposed).
            if let Some(old) = v.shown.filter(|old| *old != k) {
                if let Some(j) = v.built.iter().position(|b| b.key == old) {
                    if keepable(old) {
                        v.built[j].view.unmount();
                    } else {
                        v.built.remove(j).dispose();
                    }
                }
            }
            match v.built.iter_mut().find(|b| b.key == k) {
                // Only the shown view follows the state.
                Some(b) => b.state.set(s),
                None => {
                    let owner = parent.child();
                    let (state, view) = owner.with(|| {
                        untrack(|| {
                            let own = RwSignal::new(s);
                            provide_context(ctx_for(Memo::new(move |_| own.get())));
                            (own, make(k).build())
                        })
                    });
                    v.built.push(Built {
                        key: k,
                        owner,
                        view,
                        state,
                    });
                }
            }
            if v.shown != Some(k) {
                if let Some(b) = v.built.iter_mut().find(|b| b.key == k) {
                    b.view.mount(&host, Some(marker.as_ref()));
                }
                v.shown = Some(k);
            }
        });
    });
    on_cleanup(move || {
        views.try_update_value(|v| v.built.drain(..).for_each(Built::dispose));
    });
}
