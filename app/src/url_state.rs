//! The one place where the view becomes a query string and back.
//!
//! Only what differs from the defaults is written; unknown keys are ignored; a value that
//! cannot be used is dropped with a [`Notice`] so that the page opens the nearest sensible view.

/// What the URL says the user is looking at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Selected region (INSEE code), `None` for the national view.
    pub region: Option<String>,
}

/// Something in the URL that could not be honoured, shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// `region=` names no region of metropolitan France.
    UnknownRegion(String),
}

impl Notice {
    /// The French message for the notice banner.
    pub fn message_fr(&self) -> String {
        match self {
            Notice::UnknownRegion(code) => format!(
                "Le lien demandait la région « {} », qui n'existe pas : voici la vue nationale.",
                display_safe(code)
            ),
        }
    }
}

/// Shortens and strips control characters from user input echoed back in a message.
fn display_safe(s: &str) -> String {
    let cleaned: String = s.chars().filter(|c| !c.is_control()).take(24).collect();
    if s.chars().count() > 24 {
        format!("{cleaned}…")
    } else {
        cleaned
    }
}

/// Parses a query string (with or without its leading `?`) against the known region codes.
/// The last occurrence of a repeated key wins.
///
/// ```
/// let codes = ["75", "76"];
/// let (s, notices) = app::url_state::parse("?region=75", &codes);
/// assert_eq!(s.region.as_deref(), Some("75"));
/// assert!(notices.is_empty());
/// ```
pub fn parse(query: &str, known_regions: &[&str]) -> (ViewState, Vec<Notice>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let mut region = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key == "region" {
            region = Some(value.trim().to_string());
        }
    }
    if let Some(code) = region.filter(|c| !c.is_empty()) {
        if known_regions.contains(&code.as_str()) {
            state.region = Some(code);
        } else {
            notices.push(Notice::UnknownRegion(code));
        }
    }
    (state, notices)
}

/// The query string for a state, `""` for the defaults, else starting with `?`.
///
/// ```
/// use app::url_state::{to_query, ViewState};
/// assert_eq!(to_query(&ViewState { region: Some("75".into()) }), "?region=75");
/// assert_eq!(to_query(&ViewState::default()), "");
/// ```
pub fn to_query(state: &ViewState) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    if let Some(r) = &state.region {
        ser.append_pair("region", r);
    }
    let q = ser.finish();
    if q.is_empty() {
        q
    } else {
        format!("?{q}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 13] = [
        "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
    ];

    #[test]
    fn round_trip_for_every_region() {
        for code in CODES {
            let s = ViewState {
                region: Some(code.into()),
            };
            assert_eq!(parse(&to_query(&s), &CODES), (s, vec![]));
        }
        assert_eq!(parse("", &CODES), (ViewState::default(), vec![]));
    }

    /// A broken link opens the national view with a notice, never an error.
    #[test]
    fn unknown_or_malformed_codes_give_a_notice() {
        for bad in ["99", "%ZZ", "75abc", "<script>alert(1)</script>", "1e308"] {
            let (s, n) = parse(&format!("region={bad}"), &CODES);
            assert_eq!(s.region, None, "{bad}");
            assert_eq!(n.len(), 1, "{bad}");
        }
        let (_, n) = parse("region=%3Cb%3Ex", &CODES);
        assert_eq!(n, vec![Notice::UnknownRegion("<b>x".into())]);
        // An empty value is simply the default view.
        assert_eq!(parse("region=", &CODES), (ViewState::default(), vec![]));
    }

    #[test]
    fn unknown_keys_ignored_and_last_key_wins() {
        let (s, n) = parse("?utm=x&region=11&region=75", &CODES);
        assert_eq!(s.region.as_deref(), Some("75"));
        assert!(n.is_empty());
        let (s, _) = parse("foo=bar", &CODES);
        assert_eq!(s, ViewState::default());
    }

    #[test]
    fn notice_message_is_short_and_clean() {
        let long = "x".repeat(500) + "\u{0007}";
        let msg = Notice::UnknownRegion(long).message_fr();
        assert!(msg.chars().count() < 120, "{msg}");
        assert!(!msg.contains('\u{0007}'));
    }
}
