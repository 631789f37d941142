//! The workshop deck: a named, ordered list of saved views (their query strings). Kept in
//! localStorage, exported as a JSON file, shared as one link (`#atelier=` + the JSON, encoded).
//! Everything read from outside is checked: a bad file or link gives an error, never a half deck.

use serde::{Deserialize, Serialize};

/// Limits on what is accepted from a file or a link.
pub const MAX_SLIDES: usize = 60;
const MAX_NAME: usize = 160;
const MAX_QUERY: usize = 600;

/// One saved view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    pub name: String,
    /// The view's query string (`?view=region&region=75`, or empty for the default view).
    pub query: String,
}

/// The deck.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Deck {
    /// The name the user gave it ("" until then: shown as "Atelier 1", "Atelier 2"…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub slides: Vec<Slide>,
}

/// At most this many decks are kept in one browser.
pub const MAX_DECKS: usize = 20;

/// All the user's decks: the one open, and the others kept aside (several named decks). Every
/// change that could lose a deck goes through here and keeps the previous library for undo.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Library {
    pub current: Deck,
    #[serde(default)]
    pub others: Vec<Deck>,
    /// The storage keys of the views added by "+ Atelier" that `current` took in
    /// ([`take_in`]): removed once the decks are saved. Never written out.
    #[serde(skip)]
    pub pending: Vec<String>,
}

/// A deck arriving from a link or a file, against the one open.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    /// Nothing to lose (the open deck is empty or the same): it can be opened at once.
    Open,
    /// The open deck would be lost: the user chooses (new deck, replace, cancel).
    Ask,
}

impl Library {
    /// Whether a deck arriving can simply be opened.
    ///
    /// ```
    /// use app::deck::{Arrival, Deck, Library};
    /// let mut lib = Library::default();
    /// let mut d = Deck::default();
    /// d.push("Carte", "?view=map");
    /// assert_eq!(lib.arrival(&d), Arrival::Open);
    /// lib.current.push("Occitanie", "?view=region&region=76");
    /// assert_eq!(lib.arrival(&d), Arrival::Ask);
    /// ```
    pub fn arrival(&self, incoming: &Deck) -> Arrival {
        if self.current.slides.is_empty() || self.current.slides == incoming.slides {
            Arrival::Open
        } else {
            Arrival::Ask
        }
    }

    /// Opens `d` as a new deck; the open one is kept among the others (the oldest other is
    /// dropped past `MAX_DECKS`, which the caller's undo still holds).
    pub fn open_new(&mut self, d: Deck) {
        let previous = std::mem::replace(&mut self.current, d);
        if !previous.slides.is_empty() || !previous.name.is_empty() {
            self.others.insert(0, previous);
            self.others.truncate(MAX_DECKS - 1);
        }
    }

    /// Replaces the open deck with `d`.
    pub fn replace(&mut self, d: Deck) {
        self.current = d;
    }

    /// Opens the other deck `j`, keeping the open one in its place.
    pub fn switch_to(&mut self, j: usize) -> bool {
        match self.others.get_mut(j) {
            Some(o) => {
                std::mem::swap(o, &mut self.current);
                if self.others[j].slides.is_empty() && self.others[j].name.is_empty() {
                    self.others.remove(j);
                }
                true
            }
            None => false,
        }
    }

    /// Removes the open deck; the first other one opens (or an empty deck).
    pub fn delete_current(&mut self) {
        self.current = if self.others.is_empty() {
            Deck::default()
        } else {
            self.others.remove(0)
        };
    }

    /// The name shown for the open deck (`k` = 0) or the other deck `k - 1`.
    pub fn label(&self, k: usize, unnamed: &str) -> String {
        let d = if k == 0 {
            Some(&self.current)
        } else {
            self.others.get(k - 1)
        };
        match d {
            Some(d) if !d.name.trim().is_empty() => d.name.clone(),
            _ => format!("{unnamed} {}", k + 1),
        }
    }

    /// Reads the decks kept aside (localStorage), checking each.
    pub fn parse_others(text: &str) -> Result<Vec<Deck>, String> {
        let v: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if v.len() > MAX_DECKS {
            return Err(format!("{} ateliers (au plus {MAX_DECKS})", v.len()));
        }
        v.iter().map(|d| Deck::parse(&d.to_string())).collect()
    }

    pub fn others_json(&self) -> String {
        serde_json::to_string(&self.others).expect("serialisable")
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("serialisable")
    }

    pub fn parse(text: &str) -> Result<Library, String> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let current = Deck::parse(&v.get("current").ok_or("current")?.to_string())?;
        let others = match v.get("others") {
            Some(o) => Library::parse_others(&o.to_string())?,
            None => Vec::new(),
        };
        Ok(Library {
            current,
            others,
            pending: Vec::new(),
        })
    }
}

/// Takes the views added since the deck was saved (`(key, view)`, oldest first) into `d`: a
/// view the deck already holds (the tab that added it saved the deck too) is not repeated.
/// Returns the keys taken in, to remove once the deck is saved.
///
/// ```
/// use app::deck::{take_in, Deck, Slide};
/// let mut d = Deck::default();
/// d.push("Carte", "?view=map");
/// let s = |n: &str, q: &str| Slide { name: n.into(), query: q.into() };
/// let keys = take_in(&mut d, vec![("a".into(), s("Carte", "?view=map")), ("b".into(), s("Occitanie", "?view=region&region=76"))]);
/// assert_eq!(keys, vec!["a".to_string(), "b".into()]);
/// assert_eq!(d.slides.len(), 2, "the map once, Occitanie added");
/// ```
pub fn take_in(d: &mut Deck, added: Vec<(String, Slide)>) -> Vec<String> {
    let mut keys = Vec::new();
    for (k, s) in added {
        if !d.slides.contains(&s) {
            if d.slides.len() >= MAX_SLIDES {
                // Left where it is: nothing is lost, the deck is full.
                continue;
            }
            d.slides.push(s);
        }
        keys.push(k);
    }
    keys
}

/// The hash key of a shared deck link.
pub const LINK_KEY: &str = "#atelier=";

impl Deck {
    /// Reads a deck (file contents, localStorage, or the decoded link) and checks it.
    ///
    /// ```
    /// let d = app::deck::Deck::parse(r#"{"slides":[{"name":"Carte","query":"?view=map"}]}"#).unwrap();
    /// assert_eq!(d.slides.len(), 1);
    /// assert!(app::deck::Deck::parse(r#"{"slides":[{"name":"x","query":"javascript:alert(1)"}]}"#).is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Deck, String> {
        let d: Deck = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if d.name.chars().count() > MAX_NAME {
            return Err("nom de l'atelier trop long".into());
        }
        if d.slides.len() > MAX_SLIDES {
            return Err(format!("{} vues (au plus {MAX_SLIDES})", d.slides.len()));
        }
        for (i, s) in d.slides.iter().enumerate() {
            if s.name.chars().count() > MAX_NAME {
                return Err(format!("vue {} : nom trop long", i + 1));
            }
            if s.query.len() > MAX_QUERY || !(s.query.is_empty() || s.query.starts_with('?')) {
                return Err(format!("vue {} : lien de vue invalide", i + 1));
            }
        }
        Ok(d)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("serialisable")
    }

    /// The hash that shares this deck.
    pub fn to_link_hash(&self) -> String {
        let enc: String = form_urlencoded::byte_serialize(self.to_json().as_bytes()).collect();
        format!("{LINK_KEY}{enc}")
    }

    /// A deck from a location hash, if it is a deck link.
    pub fn from_link_hash(hash: &str) -> Option<Result<Deck, String>> {
        let enc = hash.strip_prefix(LINK_KEY)?;
        let text: String = form_urlencoded::parse(format!("d={enc}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
        Some(Deck::parse(&text))
    }

    /// Moves slide `i` by `delta` places (clamped); returns whether it moved.
    pub fn shift(&mut self, i: usize, delta: isize) -> bool {
        let j = i as isize + delta;
        if i >= self.slides.len() || j < 0 || j as usize >= self.slides.len() {
            return false;
        }
        self.slides.swap(i, j as usize);
        true
    }

    /// Adds a slide unless the deck is full; returns the new length.
    pub fn push(&mut self, name: &str, query: &str) -> usize {
        if self.slides.len() < MAX_SLIDES {
            self.slides.push(Slide {
                name: name.chars().take(MAX_NAME).collect(),
                query: query.chars().take(MAX_QUERY).collect(),
            });
        }
        self.slides.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck() -> Deck {
        let mut d = Deck::default();
        d.push("Carte & emploi", "?domain=emploi");
        d.push("Occitanie", "?view=region&region=76");
        d.push("Défaut", "");
        d
    }

    /// Promise: a deck survives the link round trip (names with accents and `&`).
    #[test]
    fn link_round_trip() {
        let d = deck();
        let h = d.to_link_hash();
        assert!(h.starts_with(LINK_KEY) && !h[LINK_KEY.len()..].contains('&'));
        assert_eq!(Deck::from_link_hash(&h).unwrap().unwrap(), d);
        assert!(Deck::from_link_hash("#autre").is_none());
        assert!(Deck::from_link_hash("#atelier=%7Bbroken").unwrap().is_err());
    }

    /// Promise: no deck is lost by opening another: a new deck keeps the open one among the
    /// others, switching swaps them, deleting opens the next one.
    #[test]
    fn several_decks() {
        let mut lib = Library {
            current: deck(),
            ..Default::default()
        };
        let mut shared = Deck::default();
        shared.push("Bretagne", "?view=region&region=53");
        assert_eq!(lib.arrival(&shared), Arrival::Ask);
        assert_eq!(
            lib.arrival(&deck()),
            Arrival::Open,
            "the same deck again loses nothing"
        );
        lib.open_new(shared.clone());
        assert_eq!(lib.current, shared);
        assert_eq!(lib.others, vec![deck()]);
        assert_eq!(lib.label(0, "Atelier"), "Atelier 1");
        assert!(lib.switch_to(0));
        assert_eq!(
            (lib.current.clone(), lib.others.clone()),
            (deck(), vec![shared.clone()])
        );
        assert!(!lib.switch_to(5));
        lib.delete_current();
        assert_eq!(lib.current, shared);
        assert!(lib.others.is_empty());
        // An empty unnamed deck is not kept as a deck of its own.
        lib.delete_current();
        lib.open_new(deck());
        assert!(lib.others.is_empty());
        // Round trip through storage, and a bad deck among the others is refused.
        lib.current.name = "Séminaire N-A".into();
        lib.open_new(shared);
        assert_eq!(Library::parse(&lib.to_json()).unwrap(), lib);
        assert_eq!(
            Library::parse_others(&lib.others_json()).unwrap(),
            lib.others
        );
        assert!(
            Library::parse_others(r#"[{"slides":[{"name":"x","query":"javascript:1"}]}]"#).is_err()
        );
        for _ in 0..30 {
            lib.open_new(deck());
        }
        assert_eq!(lib.others.len(), MAX_DECKS - 1);
    }

    #[test]
    fn reorder_and_limits() {
        let mut d = deck();
        assert!(d.shift(0, 1));
        assert_eq!(d.slides[1].name, "Carte & emploi");
        assert!(!d.shift(0, -1) && !d.shift(2, 1) && !d.shift(9, 1));
        for _ in 0..100 {
            d.push("x", "?view=map");
        }
        assert_eq!(d.slides.len(), MAX_SLIDES);
        let too_many = Deck {
            name: String::new(),
            slides: vec![d.slides[0].clone(); MAX_SLIDES + 1],
        };
        assert!(Deck::parse(&too_many.to_json()).is_err());
    }
}
