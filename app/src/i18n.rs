//! Languages: French by default, English by a toggle kept in the URL.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Picks the French or the English text.
    pub fn t(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// Picks between two owned texts (labels from the dataset).
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// BCP 47 code for `<html lang>`.
    pub fn code(self) -> &'static str {
        self.t("fr", "en")
    }

    /// Joins items as a sentence list: "a, b et c" / "a, b and c".
    ///
    /// ```
    /// use app::i18n::Lang;
    /// assert_eq!(Lang::Fr.join(&["a", "b", "c"]), "a, b et c");
    /// assert_eq!(Lang::En.join(&["a", "b"]), "a and b");
    /// assert_eq!(Lang::Fr.join(&["a"]), "a");
    /// ```
    pub fn join<S: AsRef<str>>(self, items: &[S]) -> String {
        let and = self.t(" et ", " and ");
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [init @ .., last] => {
                let head: Vec<&str> = init.iter().map(|s| s.as_ref()).collect();
                format!("{}{and}{}", head.join(", "), last.as_ref())
            }
        }
    }
}
