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
    pub slides: Vec<Slide>,
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
            slides: vec![d.slides[0].clone(); MAX_SLIDES + 1],
        };
        assert!(Deck::parse(&too_many.to_json()).is_err());
    }
}
