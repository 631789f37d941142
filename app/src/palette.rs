//! The diverging, colour-blind-safe palette centred on France = 100 (ColorBrewer PuOr, 7
//! classes: purple = less fragile than France, orange = more fragile; readable by the common
//! colour-vision deficiencies). Class boundaries are index values.

/// Upper bounds of classes 0..5 (class 6 is everything above 120). The near-white middle class
/// is the summary's "close to France" band, so the map and the sentences agree.
pub const BREAKS: [f64; 6] = [
    80.0,
    90.0,
    crate::state::summary::LESS,
    crate::state::summary::MORE,
    110.0,
    120.0,
];

/// Fill colours, from least fragile (class 0) to most fragile (class 6).
pub const COLORS: [&str; 7] = [
    "#542788", "#998ec3", "#d8daeb", "#f7f7f7", "#fee0b6", "#f1a340", "#b35806",
];

/// Fill of a region without a value.
pub const MISSING: &str = "#bdbdbd";

/// The class of an index (0 = much less fragile … 3 = close to France … 6 = much more fragile).
///
/// ```
/// use app::palette::class_of;
/// assert_eq!(class_of(100.0), 3);
/// assert_eq!(class_of(79.0), 0);
/// assert_eq!(class_of(125.0), 6);
/// ```
pub fn class_of(index: f64) -> usize {
    BREAKS
        .iter()
        .position(|b| index < *b)
        .unwrap_or(BREAKS.len())
}

/// Whether a class's fill needs dark text on top of it.
pub fn needs_dark_text(class: usize) -> bool {
    (1..=5).contains(&class)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class 3 must contain France itself, and classes must be ordered.
    #[test]
    fn classes_are_centred_on_france() {
        assert_eq!(class_of(100.0), 3);
        assert_eq!(class_of(97.0), 3);
        assert_eq!(class_of(96.99), 2);
        assert_eq!(class_of(103.0), 4);
        let mut last = 0;
        for i in 50..200 {
            let c = class_of(i as f64);
            assert!(c >= last);
            last = c;
        }
        assert_eq!(COLORS.len(), BREAKS.len() + 1);
    }
}
